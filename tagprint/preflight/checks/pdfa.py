"""When the XMP claims PDF/A: an OutputIntent with an ICC profile, a trailer /ID, no encryption."""

from __future__ import annotations

import pikepdf

from ..document import Doc, number, ref, text
from ..findings import ERROR, WARNING, Finding
from .registry import register

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


ANNOT = "PDFA-ANNOT"
# annotation flags (ISO 32000-1 12.5.3)
INVISIBLE, HIDDEN, PRINT, NOVIEW, TOGGLE_NOVIEW = 1, 2, 4, 32, 256


@register(ANNOT, "In a file that claims PDF/A, every annotation is printed and visible",
          standard="ISO 19005-2 (PDF/A-2) 6.3.2; ISO 19005-3 6.3.2; veraPDF rule 6.3.2-1, 6.3.2-2",
          help="Only when the XMP has pdfaid:part: every annotation except Popup needs /F with the Print flag (4) "
               "set and the Invisible, Hidden, ToggleNoView and NoView flags clear; /F 4 is the usual value. A file "
               "that does not claim PDF/A may hide or not print its annotations.")
def pdfa_annotations(doc: Doc) -> list[Finding]:
    xmp = doc.xmp
    if not xmp.present or xmp.error or xmp.pdfa_part is None:
        return []
    out = []
    for page_no, page in enumerate(doc.pages, start=1):
        annots = page.obj.get("/Annots")
        for annot in (annots if isinstance(annots, pikepdf.Array) else []):
            if not isinstance(annot, pikepdf.Dictionary) or annot.get("/Subtype") == pikepdf.Name.Popup:
                continue
            flags = number(annot.get("/F"))
            if flags is not None and flags & PRINT and not flags & (INVISIBLE | HIDDEN | NOVIEW | TOGGLE_NOVIEW):
                continue
            kind = text(annot.get("/Subtype")) or "untyped"
            said = "has no /F" if flags is None else f"has /F {flags}, not Print without Hidden or NoView"
            out.append(Finding(ANNOT, ERROR, f"the {kind} annotation {said}, which PDF/A forbids", page=page_no,
                               object=ref(annot), fix="set /F 4 (Print) on the annotation"))
    return out
