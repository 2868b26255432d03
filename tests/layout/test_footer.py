"""The footer: material id, footer text and page number on every page, never the material id twice."""

import pypdfium2 as pdfium
import pytest


@pytest.mark.parametrize("example, code", [("seed_profiles", "US-KIN-0001"), ("velaris_profiles", "US-VEL-0002")])
def test_every_page_shows_the_material_id_exactly_once(request, example, code):
    """Read by PDFium: the footer carries it on every page, except the page where the material_id block
    sets it as content (then the footer leaves it out instead of doubling the label)."""
    path = request.getfixturevalue(example)["screen"]
    pdf = pdfium.PdfDocument(path)
    counts = [pdf[i].get_textpage().get_text_range().count(code) for i in range(len(pdf))]
    assert counts == [1] * len(pdf)
    last = pdf[len(pdf) - 1].get_textpage().get_text_range()
    assert f"Page {len(pdf)} of {len(pdf)}" in last and "healthcare professionals only" in last


def test_the_footer_lines_up_with_the_page_margins(project):
    """With margins [44, 48, 56, 60] the footer starts at x = 60 and the page number ends at 612 − 48, as
    PDFium measures the characters (it used to sit at 40 whatever the margins)."""
    from conftest import MINIMAL_LAYOUT
    from tagprint.pipeline import build

    project.layout(MINIMAL_LAYOUT + "page: {size: letter, margins: [44, 48, 56, 60]}\n")
    project.content("body:\n  - type: paragraph\n    text: Hello\n")
    data = build(project.root, project.root / "layouts" / "test.yaml").data
    text = pdfium.PdfDocument(data)[0].get_textpage()
    chars = [(text.get_text_range(i, 1), text.get_charbox(i)) for i in range(text.count_chars())]
    footer = [(c, box) for c, box in chars if box[1] < 40 and c.strip()]   # near the bottom edge
    assert footer, chars
    assert abs(min(box[0] for _, box in footer) - 60) < 1.5
    assert abs(max(box[2] for _, box in footer) - (612 - 48)) < 1.5


@pytest.mark.parametrize("example, code", [("seed_profiles", "US-KIN-0001"), ("velaris_profiles", "US-VEL-0002")])
def test_the_footer_reads_id_date_text_with_one_spacing_on_every_page(request, example, code):
    """Read by PDFium: "ID · date · text", the gaps around each of the first two separators the same on
    every page (the page where the material id is content used to set 6 pt after the date, the others 2.2)."""
    pdf = pdfium.PdfDocument(request.getfixturevalue(example)["screen"])
    gaps = []
    for i in range(len(pdf)):
        tp = pdf[i].get_textpage()
        start = tp.get_text_range().index(code)
        boxes = [(tp.get_text_range(j, 1), tp.get_charbox(j)) for j in range(start, start + 30)]
        boxes = [(c, b) for c, b in boxes if c.strip()]
        dots = [k for k, (c, _) in enumerate(boxes) if c == "·"][:2]
        assert len(dots) == 2, "".join(c for c, _ in boxes)
        gaps.append(tuple(round(boxes[k + d][1][0] - boxes[k + d - 1][1][2], 1) for k in dots for d in (0, 1)))
    assert len(set(gaps)) == 1, gaps
    assert max(gaps[0]) - min(gaps[0]) < 0.6, gaps  # the same space both sides of each separator
