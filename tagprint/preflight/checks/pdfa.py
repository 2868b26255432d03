"""When the XMP claims PDF/A: an OutputIntent with an ICC profile, a trailer /ID, no encryption."""

from __future__ import annotations

import pikepdf

from ..document import Doc, ref
from ..findings import ERROR, WARNING, Finding
from . import register

ID = "PDFA"


@register(ID, "A file that claims PDF/A has what PDF/A requires of the whole file",
          standard="ISO 19005-2 (PDF/A-2) 6.1.3 (trailer, encryption), 6.2.3 (output intent), 6.6 (metadata)",
          help="Only when the XMP has pdfaid:part: an /OutputIntents entry /S /GTS_PDFA1 with an embedded ICC "
               "profile (/DestOutputProfile), pdfaid:conformance, a trailer /ID, and no encryption. PDF/A-1 does not "
               "combine with PDF/UA-1.")
def pdfa(doc: Doc) -> list[Finding]:
    xmp = doc.xmp
    if not xmp.present or xmp.error or xmp.pdfa_part is None:
        return []
    out = []
    claim = f"PDF/A-{xmp.pdfa_part}{(xmp.pdfa_conformance or '').lower()}"
    intents = doc.root.get("/OutputIntents")
    pdfa_intents = [i for i in (intents if isinstance(intents, pikepdf.Array) else [])
                    if isinstance(i, pikepdf.Dictionary) and i.get("/S") == pikepdf.Name.GTS_PDFA1]
    if not pdfa_intents:
        out.append(Finding(ID, ERROR, f"the file claims {claim} but has no /OutputIntents entry /S /GTS_PDFA1",
                           object="Catalog", fix="add an OutputIntent /S /GTS_PDFA1 with an sRGB ICC profile as "
                                                 "/DestOutputProfile (Pillow: ImageCms.createProfile(\"sRGB\"))"))
    for intent in pdfa_intents:
        profile = intent.get("/DestOutputProfile")
        if not isinstance(profile, pikepdf.Stream):
            out.append(Finding(ID, ERROR, "the PDF/A OutputIntent has no embedded ICC profile (/DestOutputProfile)",
                               object=ref(intent), fix="embed the ICC profile as /DestOutputProfile"))
            continue
        try:
            data = profile.read_bytes()
        except pikepdf.PdfError:
            data = b""
        if data[36:40] != b"acsp":
            out.append(Finding(ID, ERROR, "/DestOutputProfile is not an ICC profile (no 'acsp' signature)",
                               object=ref(profile), fix="embed a valid ICC profile"))
    if not xmp.pdfa_conformance:
        out.append(Finding(ID, ERROR, f"the XMP claims pdfaid:part {xmp.pdfa_part} without pdfaid:conformance",
                           object="Metadata", fix="add pdfaid:conformance (A for an accessible archive)"))
    file_id = doc.pdf.trailer.get("/ID")
    if not (isinstance(file_id, pikepdf.Array) and len(file_id) == 2):
        out.append(Finding(ID, ERROR, "the trailer has no /ID", object="trailer",
                           fix="write a trailer /ID (pikepdf does unless told otherwise)"))
    if doc.pdf.is_encrypted:
        out.append(Finding(ID, ERROR, f"the file claims {claim} but is encrypted", object="trailer",
                           fix="save without encryption"))
    if xmp.pdfa_part == "1" and xmp.pdfua_part:
        out.append(Finding(ID, WARNING, "PDF/A-1 and PDF/UA-1 do not combine (PDF/A-1 is based on PDF 1.4)",
                           object="Metadata", fix="claim PDF/A-2 or PDF/A-3 instead"))
    return out
