"""The leave-behinds as an art director would check them, read back with PDFium: headings of one level
alike, the material id in one place on every page, a printed call to action a button with its address
beneath it, printed links not underlined."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as raw


def _find(page: "pdfium.PdfPage", text: str) -> list[tuple[float, float, float, float, float]]:
    """Each place `text` is drawn on the page: (left, bottom, right, top, font size of its first char)."""
    tp = page.get_textpage()
    all_text = tp.get_text_range()
    found, start = [], 0
    while (i := all_text.find(text, start)) >= 0:
        boxes = [tp.get_charbox(k) for k in range(i, i + len(text)) if all_text[k].strip()]
        found.append((min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                      max(b[3] for b in boxes), raw.FPDFText_GetFontSize(tp, i)))
        start = i + len(text)
    return found


def test_the_references_title_is_set_like_the_other_h2s(seed_profiles, velaris_profiles):
    for path, other in ((seed_profiles["screen"], "Steroid resistance can be a telling clue"),
                        (velaris_profiles["screen"], "Results from the VOYAGE-P trials")):
        pdf = pdfium.PdfDocument(path)
        sizes = {text: [hit[4] for i in range(len(pdf)) for hit in _find(pdf[i], text)]
                 for text in ("References", other)}
        assert sizes["References"] and sizes[other]
        assert sizes["References"][-1] == sizes[other][0]


def test_the_material_id_stands_in_one_place_on_every_page(seed_profiles, velaris_profiles):
    for path, job in ((seed_profiles["screen"], "US-KIN-0001 · 11/2026"),
                      (velaris_profiles["screen"], "US-VEL-0002 · 11/2026")):
        pdf = pdfium.PdfDocument(path)
        places = []
        for i in range(len(pdf)):
            (hit,) = _find(pdf[i], job)  # once a page
            places.append((round(hit[0], 1), round(hit[1], 1)))
        assert len(set(places)) == 1, places


def test_a_printed_call_to_action_keeps_its_button_and_sets_its_address_beneath(seed_profiles):
    screen, printed = (pdfium.PdfDocument(seed_profiles[k])[0] for k in ("screen", "print"))
    (button_screen,) = _find(screen, "Learn more")
    (button_print,) = _find(printed, "Learn more")
    (address,) = _find(printed, "kineretrx.com/hcp/ra")
    assert not _find(screen, "kineretrx.com/hcp/ra")
    # the same text in the button (not "Learn more: kineretrx.com/hcp/ra" widening it) ...
    assert abs((button_screen[2] - button_screen[0]) - (button_print[2] - button_print[0])) < 0.5
    assert "Learn more:" not in printed.get_textpage().get_text_range()
    # ... and the address on a line of its own beneath it
    assert address[3] < button_print[1] - 6


def test_printed_links_are_not_underlined(seed_profiles):
    """Under the link text on page 2, the screen PDF draws an underline (a row of ink across the word);
    the print PDF draws none."""
    rows = {}
    for kind in ("screen", "print"):
        page = pdfium.PdfDocument(seed_profiles[kind])[1]
        hit = _find(page, "Prescribing Information")[0][:4]
        scale = 4
        image = page.render(scale=scale).to_pil().convert("L")
        left, bottom, right, _ = hit
        inked = 0
        for dy in range(-16, 12):  # around the letters' bottom (a row of letters is never 80 % ink)
            y = round((page.get_height() - bottom) * scale) + dy
            row = [image.getpixel((x, y)) for x in range(round(left * scale), round(right * scale))]
            inked = max(inked, sum(1 for v in row if v < 170) / len(row))
        rows[kind] = inked
    assert rows["screen"] > 0.9 and rows["print"] < 0.6, rows  # an underline is a full row; letters are not


LONGER_ISI = """\
      - type: paragraph
        style: safety
        text: >-
          A longer stand-in for the approved Important Safety Information, as the approved text will be: two
          lines at the size of the claims, so the panel needs more depth than the placeholder alone.
"""


def _seed_with_longer_isi(project, paragraphs: int) -> None:
    """The real KINERET layout and content in a throw-away project, its ISI `paragraphs` paragraphs longer."""
    from conftest import REPO
    project.write("layouts/kineret-dtt-ra.yaml", (REPO / "layouts" / "kineret-dtt-ra.yaml").read_text("utf-8"))
    content = (REPO / "content" / "kineret-dtt-ra.yaml").read_text("utf-8")
    anchor = "          See the full [Prescribing Information](https://www.kineretrx.com/pi/) for KINERET.\n"
    assert content.count(anchor) == 1
    project.write("content/kineret-dtt-ra.yaml", content.replace(anchor, anchor + LONGER_ISI * paragraphs))


def test_a_longer_isi_grows_its_panel_upward_at_the_size_of_the_claims(project, seed_pdf, tmp_path):
    from tagprint.commands.cli import main
    _seed_with_longer_isi(project, 1)
    out = tmp_path / "out"
    assert main(["--root", str(project.root), "--output", str(out), "build", "kineret-dtt-ra",
                 "--profile", "screen"]) == 0
    before, after = pdfium.PdfDocument(seed_pdf)[1], pdfium.PdfDocument(out / "kineret-dtt-ra.pdf")[1]
    # the panel's title: the first of the words on the page (its text says them again)
    title_before, title_after = (_find(page, "Important Safety Information")[0] for page in (before, after))
    (references,) = _find(after, "References")
    assert title_after[3] > title_before[3] + 20  # PDF y grows upward: the title moved up the page
    assert abs(references[3] - title_after[3]) < 0.5  # the references' title stays level with it
    (body_before,), (body_after,) = (_find(page, "Placeholder for the approved Important") for page in (before, after))
    assert body_after[4] == body_before[4]  # the safety text is not set smaller to fit


def test_an_isi_longer_than_the_page_has_room_for_stops_the_build_at_the_layout_line(project, tmp_path, capsys):
    from tagprint.commands.cli import main
    _seed_with_longer_isi(project, 6)
    code = main(["--root", str(project.root), "--output", str(tmp_path / "out"), "build", "kineret-dtt-ra",
                 "--profile", "screen"])
    err = capsys.readouterr().err
    assert code != 0
    assert "kineret-dtt-ra.yaml:" in err and "region 'safety' overlaps region 'kineret'" in err, err
    assert not (tmp_path / "out" / "kineret-dtt-ra.pdf").exists()
