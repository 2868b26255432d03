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
