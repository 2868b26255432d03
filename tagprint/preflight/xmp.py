"""The XMP metadata stream, read for the few properties the checks need: dc:title, pdfuaid:part,
pdfaid:part and pdfaid:conformance (each may be written as an element or as an attribute)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pikepdf

if TYPE_CHECKING:  # the Doc's views call these readers: one way at run time
    from .document import Doc

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
PDFAID = "http://www.aiim.org/pdfa/ns/id/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class Xmp:
    present: bool
    error: str | None = None           # why the stream could not be read
    title: str | None = None           # dc:title, x-default (else the first)
    pdfua_part: str | None = None
    pdfa_part: str | None = None
    pdfa_conformance: str | None = None
    misplaced: list[str] = field(default_factory=list)  # e.g. "pdfuaid:part in namespace http://…/id (no trailing slash)"


def read_xmp(doc: Doc) -> Xmp:
    stream = doc.root.get("/Metadata")
    if stream is None:
        return Xmp(present=False)
    if not isinstance(stream, pikepdf.Stream):
        return Xmp(present=True, error="/Metadata is not a stream")
    try:
        data = stream.read_bytes()
    except pikepdf.PdfError as exc:
        return Xmp(present=True, error=f"the metadata stream cannot be decoded: {exc}")
    return parse_xmp(data)


def parse_xmp(data: bytes) -> Xmp:
    try:
        root = ET.fromstring(data.strip().rstrip(b"\x00"))
    except ET.ParseError as exc:
        return Xmp(present=True, error=f"the XMP is not well-formed XML: {exc}")
    out = Xmp(present=True)
    for description in root.iter(f"{{{RDF}}}Description"):
        out.pdfua_part = out.pdfua_part or _prop(description, PDFUAID, "part")
        out.pdfa_part = out.pdfa_part or _prop(description, PDFAID, "part")
        out.pdfa_conformance = out.pdfa_conformance or _prop(description, PDFAID, "conformance")
        if out.title is None:
            out.title = _title(description)
        out.misplaced += _misplaced(description)
    return out


def _title(description: ET.Element) -> str | None:
    """dc:title: its x-default entry, else its first, else its own text."""
    title = description.find(f"{{{DC}}}title")
    if title is None:
        return None
    items = list(title.iter(f"{{{RDF}}}li"))
    chosen = next((li for li in items if li.get(XML_LANG) == "x-default"), items[0] if items else None)
    return (chosen.text or "") if chosen is not None else (title.text or "").strip() or None


def _misplaced(description: ET.Element) -> list[str]:
    """A 'part' property (element or attribute) in a namespace that looks like PDF/UA's or PDF/A's but is not."""
    out = []
    for node in list(description) + [ET.Element(k) for k in description.attrib]:
        ns, _, local = node.tag[1:].partition("}") if node.tag.startswith("{") else ("", "", node.tag)
        if local == "part" and ns not in (PDFUAID, PDFAID) and ("pdfua" in ns or "pdfa" in ns):
            out.append(f"'part' in namespace {ns}")
    return out


def _prop(description: ET.Element, ns: str, name: str) -> str | None:
    attr = description.get(f"{{{ns}}}{name}")
    if attr is not None:
        return attr.strip()
    child = description.find(f"{{{ns}}}{name}")
    if child is not None:
        return (child.text or "").strip()
    return None
