"""A link goes where it says or the build stops: a citation or note marker whose target element is missing
never links to page 1 instead."""

from __future__ import annotations

import pikepdf
import pytest

from tagprint.draw.pen import LinkArea
from tagprint.finish.structure import LinkTargetMissing, write_structure
from tagprint.tags import StructElem, reference_id


def _document(with_target: bool) -> tuple[pikepdf.Pdf, StructElem, list[LinkArea]]:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.add_blank_page()
    root = StructElem("Document")
    link = root.add("P").add("Link")
    if with_target:
        root.add("L").add("LI", elem_id=reference_id(9), anchor=(1, 72.0, 500.0))
    return pdf, root, [LinkArea(0, (72, 700, 80, 710), ("ref", "9"), "Reference 9", link)]


def test_a_link_to_a_missing_reference_raises_naming_it():
    pdf, root, links = _document(with_target=False)
    with pytest.raises(LinkTargetMissing) as raised:
        write_structure(pdf, root, links)
    assert (raised.value.kind, raised.value.value, raised.value.page) == ("ref", "9", 1)
    assert "Reference 9" in str(raised.value) and "page 1" in str(raised.value)


def test_a_link_to_a_present_reference_goes_to_its_page_and_place(tmp_path):
    pdf, root, links = _document(with_target=True)
    write_structure(pdf, root, links)
    pdf.save(tmp_path / "x.pdf")
    with pikepdf.open(tmp_path / "x.pdf") as reopened:
        (annot,) = reopened.pages[0].Annots
        page, _fit, x, y, _zoom = annot.Dest
        assert page.objgen == reopened.pages[1].obj.objgen and (float(x), float(y)) == (72.0, 512.0)
