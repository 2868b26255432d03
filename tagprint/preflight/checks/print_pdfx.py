"""PDF/X-4 identification and the OutputIntent (ISO 15930-7): what a printer's preflight looks at first."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pikepdf

from ..document import Doc, ref, text
from ..findings import ERROR, WARNING, Finding
from ..print_settings import intent_profile
from ..family import Family
from .registry import register

ID = "PRINT-PDFX-ID"
INTENT = "PRINT-OUTPUT-INTENT"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PDFXID = "http://www.npes.org/pdfx/ns/id/"
PDF_NS = "http://ns.adobe.com/pdf/1.3/"
XMPMM = "http://ns.adobe.com/xap/1.0/mm/"

# Registered characterisation data (the ICC's registry of characterisation data, color.org) and the words a
# profile made from that data calls itself. The CGATS technical reports: TR 001 SWOP (coated #5 web, the
# data behind "U.S. Web Coated (SWOP) v2"), TR 002 SNAP (newsprint), TR 003 SWOP 2006 grade 3, TR 005 SWOP
# 2006 grade 5, TR 006 GRACoL 2006 (grade 1 sheet-fed); CGATS 21-2 CRPC5/CRPC6: SWOP 2013 C3 and GRACoL 2013.
REGISTERED = {
    "CGATS TR 001": ("TR001", "TR 001", "U.S. Web Coated (SWOP) v2", "US Web Coated (SWOP)"),
    "CGATS TR 002": ("TR002", "TR 002", "SNAP"),
    "CGATS TR 003": ("TR003", "TR 003", "SWOP2006_Coated3", "SWOP 2006 Coated 3", "SWOP Grade 3",
                     "Web Coated SWOP 2006 Grade 3"),
    "CGATS TR 005": ("TR005", "TR 005", "SWOP2006_Coated5", "SWOP 2006 Coated 5", "SWOP Grade 5",
                     "Web Coated SWOP 2006 Grade 5"),
    "CGATS TR 006": ("TR006", "TR 006", "GRACoL2006", "GRACoL 2006"),
    "CGATS 21-2-CRPC6": ("CRPC6", "GRACoL2013", "GRACoL 2013"),
    "CGATS 21-2-CRPC5": ("CRPC5", "SWOP2013", "SWOP 2013"),
    "FOGRA39": ("FOGRA39", "ISO Coated v2", "Coated FOGRA39"),
    "FOGRA51": ("FOGRA51", "PSO Coated v3"),
    "FOGRA52": ("FOGRA52", "PSO Uncoated v3"),
    "FOGRA29": ("FOGRA29", "ISO Uncoated"),
    "JC200103": ("Japan Color 2001", "JC200103"),
}


def describes(identifier: str, description: str) -> bool | None:
    """Whether a profile describing itself as `description` can be made from the registered condition
    `identifier`'s data; None when the identifier is not a registered one."""
    claims = REGISTERED.get(identifier)
    if claims is None:
        return None
    return any(word.lower() in description.lower() for word in claims)


def _xmp_values(doc: Doc) -> dict[tuple[str, str], str]:
    stream = doc.root.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream):
        return {}
    try:
        root = ET.fromstring(stream.read_bytes().strip().rstrip(b"\x00"))
    except (ET.ParseError, pikepdf.PdfError):
        return {}
    out: dict[tuple[str, str], str] = {}
    for description in root.iter(f"{{{RDF}}}Description"):
        for key, value in description.attrib.items():
            if key.startswith("{"):
                ns, _, local = key[1:].partition("}")
                out.setdefault((ns, local), value.strip())
        for child in description:
            if child.tag.startswith("{"):
                ns, _, local = child.tag[1:].partition("}")
                out.setdefault((ns, local), (child.text or "").strip())
    return out


@register(ID, "PDF/X-4 identification: version, Trapped and document ids in Info and XMP",
          standard="ISO 15930-7 (PDF/X-4) 6.2.2, 6.7.2; XMP Media Management",
          help="Info needs /GTS_PDFXVersion (PDF/X-4), the XMP pdfxid:GTS_PDFXVersion with the same value; "
               "/Trapped must be /True or /False in Info and pdf:Trapped the same in XMP; XMP needs "
               "xmpMM:DocumentID, xmpMM:VersionID and xmpMM:RenditionClass; the trailer needs an /ID. A page "
               "with an empty /Trans dictionary is reported too (a transition with no content).",
          family=Family.PRESS)
def pdfx_identification(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    info = doc.pdf.trailer.get("/Info")
    info = info if isinstance(info, pikepdf.Dictionary) else pikepdf.Dictionary()
    xmp = _xmp_values(doc)
    version = text(info.get("/GTS_PDFXVersion"))
    xversion = xmp.get((PDFXID, "GTS_PDFXVersion"))
    if not version:
        out.append(Finding(ID, ERROR, "no /GTS_PDFXVersion in the document information dictionary: the file does "
                           "not say it is PDF/X", object="trailer /Info",
                           fix="add /GTS_PDFXVersion (PDF/X-4) to Info"))
    elif not version.startswith("PDF/X-4"):
        out.append(Finding(ID, WARNING, f"the file says it is {version}, not PDF/X-4", object="trailer /Info",
                           fix="check against the PDF/X version the printer asked for"))
    if not xversion:
        out.append(Finding(ID, ERROR, "no pdfxid:GTS_PDFXVersion in the XMP metadata", object="/Metadata",
                           fix=f"add <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion> (namespace {PDFXID})"))
    elif version and xversion != version:
        out.append(Finding(ID, ERROR, f"Info says {version} but the XMP says {xversion}", object="/Metadata",
                           fix="write the same PDF/X version in both"))
    trapped = info.get("/Trapped")
    if trapped is None:
        out.append(Finding(ID, ERROR, "no /Trapped in Info", object="trailer /Info",
                           fix="set /Trapped /False (or /True if the file is trapped)"))
    elif str(trapped) not in ("/True", "/False"):
        out.append(Finding(ID, ERROR, f"/Trapped is {trapped}, which PDF/X does not allow", object="trailer /Info",
                           fix="set /Trapped to the name /True or /False"))
    xtrapped = xmp.get((PDF_NS, "Trapped"))
    if xtrapped is None:
        out.append(Finding(ID, ERROR, "no pdf:Trapped in the XMP metadata", object="/Metadata",
                           fix="add <pdf:Trapped>False</pdf:Trapped> matching Info's /Trapped"))
    elif trapped is not None and xtrapped != str(trapped).lstrip("/"):
        out.append(Finding(ID, ERROR, f"XMP pdf:Trapped is {xtrapped!r} but Info /Trapped is {trapped}",
                           object="/Metadata", fix="write the same value in both"))
    for name in ("DocumentID", "VersionID", "RenditionClass"):
        if not xmp.get((XMPMM, name)):
            out.append(Finding(ID, ERROR, f"no xmpMM:{name} in the XMP metadata", object="/Metadata",
                               fix=f"add xmpMM:{name} (namespace {XMPMM})"))
    if not isinstance(doc.pdf.trailer.get("/ID"), pikepdf.Array):
        out.append(Finding(ID, ERROR, "the trailer has no /ID", object="trailer", fix="write a file identifier"))
    for page_no, page in enumerate(doc.pages, start=1):
        trans = page.obj.get("/Trans")
        if isinstance(trans, pikepdf.Dictionary) and not len(trans.keys()):
            out.append(Finding(ID, WARNING, "the page has an empty /Trans (transition) dictionary", page=page_no,
                               object=ref(page.obj), fix="remove /Trans from the page"))
    return out


@register(INTENT, "One PDF/X OutputIntent with a CMYK profile that is what the condition names",
          standard="ISO 15930-7 (PDF/X-4) 6.2.4",
          help="The catalog needs exactly one /OutputIntents entry with /S /GTS_PDFX, an "
               "/OutputConditionIdentifier, and an embedded /DestOutputProfile (an output-class CMYK ICC "
               "profile). A registered condition (FOGRA39, CGATS TR 006, …) must be what the embedded profile "
               "describes itself as; 'Custom' (or an unregistered name) needs /Info saying what it is.",
          family=Family.PRESS)
def output_intent(doc: Doc) -> list[Finding]:
    intents = doc.root.get("/OutputIntents")
    pdfx = [i for i in intents if isinstance(i, pikepdf.Dictionary) and i.get("/S") == "/GTS_PDFX"] \
        if isinstance(intents, pikepdf.Array) else []
    if not pdfx:
        return [Finding(INTENT, ERROR, "no /GTS_PDFX OutputIntent: the printing condition is unknown",
                        object="/Root /OutputIntents", fix="add an OutputIntent with the press profile")]
    out: list[Finding] = []
    if len(pdfx) > 1:
        out.append(Finding(INTENT, ERROR, f"{len(pdfx)} GTS_PDFX OutputIntents; PDF/X allows one",
                           object="/Root /OutputIntents", fix="keep the one the file was separated for"))
    intent = pdfx[0]  # the one pdfx_intent finds
    obj = ref(intent) or "/Root /OutputIntents[0]"
    identifier = text(intent.get("/OutputConditionIdentifier")) or ""
    info = text(intent.get("/Info")) or ""
    if not identifier:
        out.append(Finding(INTENT, ERROR, "the OutputIntent has no /OutputConditionIdentifier", object=obj,
                           fix="name the condition (e.g. FOGRA39) or write Custom with /Info"))
    icc = intent_profile(doc)
    if icc is None:
        out.append(Finding(INTENT, ERROR, "the OutputIntent embeds no /DestOutputProfile", object=obj,
                           fix="embed the press profile (PDF/X-4 requires it)"))
        return out
    description, space, klass = _profile_facts(icc)
    if space != "CMYK" or klass not in ("prtr", None):
        out.append(Finding(INTENT, ERROR, f"the embedded profile is a {space} {klass or '?'} profile, not a CMYK "
                           "output (printer) profile", object=obj, fix="embed the CMYK press profile"))
    match = describes(identifier, description)
    if match is not None:
        if not match:
            out.append(Finding(INTENT, ERROR, f"the OutputIntent claims the registered condition '{identifier}', but "
                               f"its embedded profile describes itself as '{description}'", object=obj,
                               fix=f"embed a profile made from the {identifier} data, or name the condition "
                                   "Custom with /Info describing the profile"))
    else:
        if not info:
            out.append(Finding(INTENT, ERROR, f"the condition '{identifier}' is not a registered one and /Info says "
                               "nothing about it", object=obj, fix="write in /Info what the profile characterises"))
        elif description and description.lower() not in info.lower():
            out.append(Finding(INTENT, WARNING, f"/Info ('{info}') does not name the embedded profile "
                               f"'{description}'", object=obj, fix="say in /Info which profile is embedded"))
    return out


def _profile_facts(icc: bytes) -> tuple[str, str, str | None]:
    from PIL import ImageCms

    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc)).profile
    except (ImageCms.PyCMSError, OSError):
        return ("(unreadable profile)", "?", None)
    klass = icc[12:16].decode("latin-1") if len(icc) >= 16 else None
    return ((profile.profile_description or "").strip(), profile.xcolor_space.strip(), klass)
