"""The walker on hand-made PDFs (pikepdf writes them raw): it must catch each way content escapes tags."""

from __future__ import annotations

import pikepdf
import pytest

from tagprint.verify.marked_content import walk_pdf


def pdf_with(content: bytes, form: bytes | None = None) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(content)
    if form is not None:
        fx = pdf.make_stream(form, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                             BBox=[0, 0, 100, 100])
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=fx))
    return pdf


@pytest.mark.parametrize("content, expected", [
    (b"0 0 10 10 re f", ["f: painted outside tagged content and artifacts"]),
    (b"/P <</MCID 0>> BDC 0 0 10 10 re f EMC", []),
    (b"/Artifact BMC 0 0 10 10 re f EMC", []),
    (b"/Artifact BMC /P <</MCID 0>> BDC 0 0 10 10 re f EMC EMC", ["BDC: MCID 0 inside an artifact"]),
    (b"/P <</MCID 0>> BDC /Artifact BMC 0 0 10 10 re f EMC EMC", ["BMC: artifact inside tagged content"]),
    (b"/Span BMC BT (x) Tj ET EMC", ["Tj: painted outside tagged content and artifacts"]),
    (b"/P <</MCID 0>> BDC EMC /P <</MCID 0>> BDC EMC", ["BDC: MCID 0 used twice on the page"]),
    (b"/P <</MCID 0>> BDC 0 0 10 10 re f", ["BDC: 1 marked-content sequence(s) never closed"]),
    (b"EMC", ["EMC: EMC without a matching BDC/BMC"]),
])
def test_page_content(content, expected):
    result = walk_pdf(pdf_with(content))
    assert [f"{f.operator}: {f.problem}" for f in result.findings] == expected


def test_form_xobject_inherits_the_marked_context_it_is_painted_in():
    tagged = walk_pdf(pdf_with(b"/Figure <</MCID 0>> BDC /Fm0 Do EMC", form=b"0 0 5 5 re f"))
    assert tagged.findings == []
    untagged = walk_pdf(pdf_with(b"/Fm0 Do", form=b"0 0 5 5 re f"))
    assert sorted(f"{f.where} {f.operator}" for f in untagged.findings) == ["page > /Fm0 f", "page Do"]


def test_counts_what_it_saw():
    result = walk_pdf(pdf_with(b"/P <</MCID 0>> BDC 0 0 1 1 re f 0 0 1 1 re S EMC /P <</MCID 1>> BDC EMC"))
    assert result.painted == 2
    assert result.mcids == {1: [0, 1]}


def test_inline_images_count_as_painting():
    image = b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI"
    assert [f.operator for f in walk_pdf(pdf_with(image)).findings] == ["INLINE IMAGE"]
    assert walk_pdf(pdf_with(b"/Artifact BMC " + image + b" EMC")).findings == []
