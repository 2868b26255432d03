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


def test_a_number_goes_on_with_its_unit_when_the_pair_fits_a_line(project):
    """No no-break space is written: "12 mg" parts like "12 zz" would, unless the number comes down too."""
    parted = _lines(project, "Then one dose every 12 zzzz after")
    assert any(line.endswith("12") for line in parted), parted        # a word, not a unit: they part
    held = _lines(project, "Then one dose every 12 mg/kg after")
    assert not any(line.endswith("12") for line in held), held       # a unit: the number comes along
    assert any(line.startswith("12 mg/kg") for line in held), held


def test_a_number_and_unit_wider_than_the_line_still_part(project):
    """The fallback: in a column narrower than "≤ 100 kg" the pair breaks inside (nothing overflows)."""
    project.layout(NARROW.replace("[40, 40, 120, 700]", "[40, 40, 34, 700]"))
    project.content("body:\n  - type: paragraph\n    text: \"≤ 100 kg\"\n")
    page = pdfium.PdfDocument(project.build().data)[0].get_textpage()  # builds: no word overflows
    lines = [line.strip() for line in page.get_text_range().splitlines() if line.strip()]
    assert lines[:2] == ["≤ 100", "kg"], lines
