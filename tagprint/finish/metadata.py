"""Finish stage: catalog entries, document info and XMP metadata (dc:title, pdfuaid:part 1)."""

from __future__ import annotations

import os
import uuid
from datetime import datetime, timezone
from xml.sax.saxutils import escape

from pikepdf import Dictionary, Name, Pdf, String

from .. import __version__
from ..model import Document

PRODUCER = f"tagprint {__version__}"
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://tagprint.example/ns/print-master")


def document_id(document: Document) -> str:
    """xmpMM:DocumentID: the same for every version and draft of a material (the /ID's permanent half
    comes from it too)."""
    return f"uuid:{uuid.uuid5(ID_NAMESPACE, f'{document.material_id}/{document.name}')}"


def build_date(document: Document) -> datetime:
    """The document's date: SOURCE_DATE_EPOCH when set (reproducible builds), else the layout's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.strptime(document.created, "%Y-%m-%d").replace(tzinfo=timezone.utc)


def xmp(document: Document, extra_namespaces: str = "", extra_properties: str = "") -> bytes:
    when = build_date(document).strftime("%Y-%m-%dT%H:%M:%SZ")
    title = escape(document.title)
    lang = escape(document.lang)
    text = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"{extra_namespaces}>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <dc:format>application/pdf</dc:format>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
   <xmp:CreatorTool>{PRODUCER}</xmp:CreatorTool>
   <pdf:Producer>{PRODUCER}</pdf:Producer>
   <pdfuaid:part>1</pdfuaid:part>{extra_properties}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return text.encode("utf-8")


def pdf_date(document: Document) -> str:
    return build_date(document).strftime("D:%Y%m%d%H%M%SZ")


def write_metadata(pdf: Pdf, document: Document, extension: tuple[str, str] = ("", "")) -> None:
    when = pdf_date(document)
    pdf.Root.Lang = String(document.lang)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.Root.Metadata = pdf.make_stream(xmp(document, *extension), Type=Name.Metadata, Subtype=Name.XML)
    info = pdf.make_indirect(Dictionary(
        Title=String(document.title), Producer=String(PRODUCER), Creator=String(PRODUCER),
        CreationDate=String(when), ModDate=String(when),
    ))
    pdf.trailer.Info = info
    pdf.Root.PageMode = Name.UseOutlines if len(pdf.pages) > 1 else Name.UseNone


