"""What a printer's preflight sees painted (tagprint/preflight/print_paint.py), on a page written by hand
with pikepdf: the graphics state through q/Q and cm, text sizes through the text matrix, form XObjects
with their own matrix and transparency group, images and their resolution, marked content and overprint."""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name

from tagprint.preflight.document import Doc
from tagprint.preflight.print_paint import scan_paints

CONTENT = b"""
/Artifact <</Type /Pagination>> BDC 0 0 0 1 k 0 0 10 10 re f EMC
/P <</MCID 0>> BDC
q 2 0 0 2 0 0 cm BT /F1 5 Tf 1 0 0 1 10 10 Tm 1 0 0 RG 1 Tr (Hi) Tj ET Q
BT /F1 5 Tf 0 Tr (Big) Tj ET
/GS1 gs 2 w 0 0 m 10 10 l S
EMC
/Figure <</MCID 1>> BDC q 144 0 0 72 0 0 cm /Im1 Do Q /Fm1 Do EMC
"""
FORM = b"/CS0 cs 0.5 sc 0 0 5 5 re f"


def _page() -> Doc:
    pdf = pikepdf.new()
    image = pdf.make_stream(b"\x80" * 300 * 150, Subtype=Name.Image, Width=300, Height=150,
                            ColorSpace=Name.DeviceGray, BitsPerComponent=8)
    spot = Array([Name.Separation, Name("/Gold"), Name.DeviceCMYK,
                  Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[0, 0.2, 1, 0.1], N=1)])
    form = pdf.make_stream(FORM, Type=Name.XObject, Subtype=Name.Form, BBox=[0, 0, 5, 5], Matrix=[3, 0, 0, 3, 0, 0],
                           Group=Dictionary(S=Name.Transparency, CS=Name.DeviceCMYK),
                           Resources=Dictionary(ColorSpace=Dictionary(CS0=spot)))
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    resources = Dictionary(Font=Dictionary(F1=font), XObject=Dictionary(Im1=image, Fm1=form),
                           ExtGState=Dictionary(GS1=Dictionary(OP=True, CA=0.5)))
    pdf.pages.append(pikepdf.Page(Dictionary(Type=Name.Page, MediaBox=[0, 0, 200, 200], Resources=resources,
                                             Contents=pdf.make_stream(CONTENT))))
    out = io.BytesIO()
    pdf.save(out)
    return Doc.from_bytes(out.getvalue())


def test_every_paint_with_its_state():
    with _page() as doc:
        scan = scan_paints(doc)
    kinds = [(p.kind, p.where) for p in scan.paints]
    assert kinds == [("fill", "page"), ("text", "page"), ("text", "page"), ("stroke", "page"), ("image", "page"),
                     ("fill", "page > /Fm1")]
    artifact, hi, big, line, image, spot = scan.paints
    assert artifact.colour.describe() == "C0 M0 Y0 K100" and artifact.mark.artifact == "Pagination"
    # 5 pt text under a 2× CTM is 10 pt on the page; stroked text (Tr 1) paints in the stroke colour
    assert (hi.size, hi.chars, hi.font, hi.colour.describe(), hi.mark.mcid) == (10.0, 2, "/F1", "DeviceRGB 1 0 0", 0)
    # after Q the CTM and stroke colour are the page's again, Tm does not carry over a new BT, and the fill
    # colour set outside the marked content still holds
    assert (big.size, big.chars, big.colour.describe()) == (5.0, 3, "C0 M0 Y0 K100")
    assert (line.width, line.overprint) == (2.0, True)
    assert (image.name, image.ppi, image.space.family, image.mark.mcid) == ("/Im1", 150.0, "DeviceGray", 1)
    assert spot.colour.inks() == {"Gold": 0.5} and spot.colour.space.alternate == "C0 M20 Y100 K10"


def test_transparency_and_the_spaces_used():
    with _page() as doc:
        scan = scan_paints(doc)
    assert [(t.where, t.what) for t in scan.transparency] == [("page", "stroke opacity 50 %"),
                                                               ("page > /Fm1", "a transparency group")]
    spaces = {(where, space.family) for _, where, space in scan.spaces}
    assert {("page", "DeviceCMYK"), ("page", "DeviceRGB"), ("page > /Im1", "DeviceGray"),
            ("page > /Fm1 /Group /CS", "DeviceCMYK"), ("page > /Fm1", "Separation")} == spaces
