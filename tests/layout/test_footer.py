"""The footer: material id, footer text and page number on every page, the material id always in one place."""

import pypdfium2 as pdfium
import pytest


@pytest.mark.parametrize("example, code", [("seed_profiles", "US-KIN-0001"), ("velaris_profiles", "US-VEL-0002")])
def test_every_page_shows_the_material_id_in_the_same_footer_place(request, example, code):
    """Read by PDFium: every page's footer starts with the material id at the same place, the page that
    also sets the material_id block as content too (it used to drop it there, leaving its separator), and
    one separator stands between it and the footer text."""
    path = request.getfixturevalue(example)["screen"]
    pdf = pdfium.PdfDocument(path)
    places = set()
    for i in range(len(pdf)):
        text = pdf[i].get_textpage()
        whole = text.get_text_range()
        footer_at = [m for m in range(len(whole)) if whole.startswith(code, m)]
        boxes = [text.get_charbox(m) for m in footer_at]
        footer = [box for box in boxes if box[1] < 40]  # near the bottom edge
        assert len(footer) == 1, (i, boxes)
        places.add((round(footer[0][0], 1), round(footer[0][1], 1)))
        assert f"{code} 11/2026 \u00b7 " in whole and "\u00b7 \u00b7" not in whole
    assert len(places) == 1, places
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
