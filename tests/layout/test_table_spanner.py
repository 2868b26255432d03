"""A header cell spanning columns: its text centred over them and a hairline under it, in the first place and
in the header repeated after a cut (read back with PDFium, not with our own code)."""

from __future__ import annotations

from conftest import two_column_layout
import pypdfium2 as pdfium
import pypdfium2.raw as raw

LAYOUT = two_column_layout("A spanned header", "TEST-0032", "schedule")


def _content(rows: int) -> str:
    body = "".join(f"      - [Week {4 * r}, 1 pen, 2 pens, A check of the skin]\n" for r in range(rows))
    return ("schedule:\n  - type: table\n    caption: Dosing schedule\n    header_rows: 2\n"
            "    widths: [1.3, 1.2, 1.2, 2.6]\n    rows:\n"
            "      - [{text: Visit, rowspan: 2}, {text: Dose, colspan: 2}, {text: What happens, rowspan: 2}]\n"
            "      - [Low weight, High weight]\n" + body)


def _boxes(textpage, word: str) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of each place `word` is set, from PDFium's loose (advance) character boxes."""
    searcher = textpage.search(word, match_case=True, match_whole_word=True)
    found = []
    while (hit := searcher.get_next()) is not None:
        start, count = hit
        first, last = textpage.get_charbox(start, loose=True), textpage.get_charbox(start + count - 1, loose=True)
        found.append((first[0], min(first[1], last[1]), last[2], max(first[3], last[3])))
    return found


def _paths(page) -> list[tuple[float, float, float, float]]:
    return [obj.get_bounds() for obj in page.get_objects(max_depth=3) if obj.type == raw.FPDF_PAGEOBJ_PATH]


def test_spanning_header_centred_with_a_hairline_under_it(project, tmp_path):
    project.layout(LAYOUT)
    project.content(_content(80))  # long enough to cut: the header is repeated in the next column
    path = tmp_path / "spanner.pdf"
    path.write_bytes(project.build().data)
    doc = pdfium.PdfDocument(str(path))
    checked = 0
    for page in doc:
        textpage = page.get_textpage()
        for (dl, db, dr, dt), (ll, _, _, _), (_, _, hr, _) in zip(_boxes(textpage, "Dose"), _boxes(textpage, "Low"),
                                                                   _boxes(textpage, "High")):
            # the spanned columns run from 5 pt (the cell padding) left of "Low" to the right of "High"'s column;
            # the hairline under "Dose" marks them, inset a little from each edge
            under = [(x0, y0, x1, y1) for x0, y0, x1, y1 in _paths(page)
                     if y1 < db and db - y1 < 8 and x0 < dl and x1 > dr and x1 - x0 < 200]
            assert len(under) == 1, under
            x0, _, x1, _ = under[0]
            assert abs(x0 - (ll - 5)) < 4                             # starts near the first spanned column
            assert x1 > hr                                            # and runs past the last one's text
            assert abs((dl + dr) / 2 - (x0 + x1) / 2) < 1.0           # the text is centred over the columns
            checked += 1
    assert checked >= 2  # the header where it stands, and repeated after the cut


def test_header_cells_stand_on_one_baseline_above_the_rule(project, tmp_path):
    """A header cell spanning both header rows ("Visit") and one of several lines ("… weight in kg") end where the
    sub-header row ends: their last lines share the baseline above the header's rule, here and after the cut."""
    project.layout(LAYOUT)
    project.content(_content(80).replace("[Low weight, High weight]", "[Low body weight in kg, High]"))
    path = tmp_path / "baselines.pdf"
    path.write_bytes(project.build().data)
    checked = 0
    for page in pdfium.PdfDocument(str(path)):
        textpage = page.get_textpage()
        for visit, what, high, kg in zip(_boxes(textpage, "Visit"), _boxes(textpage, "happens"),
                                         _boxes(textpage, "High"), _boxes(textpage, "kg")):
            bottoms = [visit[1], what[1], high[1], kg[1]]  # "kg": the last line of "Low body weight in kg"
            assert max(bottoms) - min(bottoms) < 0.5, bottoms
            checked += 1
    assert checked >= 2
