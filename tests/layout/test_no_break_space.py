"""A no-break space (U+00A0) keeps a number with its unit on one line; ordinary spaces still break."""

import pypdfium2 as pdfium

from conftest import MINIMAL_LAYOUT

NARROW = MINIMAL_LAYOUT.replace("main: {box: [40, 40, 532, 700]}", "main: {box: [40, 40, 120, 700]}")


def _lines(project, text: str) -> list[str]:
    project.layout(NARROW)
    project.content(f"body:\n  - type: paragraph\n    text: \"{text}\"\n")
    page = pdfium.PdfDocument(project.build().data)[0].get_textpage()
    return [line.strip() for line in page.get_text_range().splitlines() if line.strip()]


def test_a_no_break_space_holds_a_number_to_its_unit(project):
    plain = _lines(project, "Then one dose every 12 weeks after")
    assert any(line.endswith("12") for line in plain), plain          # the break falls between them …
    held = _lines(project, "Then one dose every 12\\u00a0weeks after")
    assert not any(line.endswith("12") for line in held), held       # … unless the space is a no-break one
    assert any("12\u00a0weeks" in line or "12 weeks" in line for line in held), held
