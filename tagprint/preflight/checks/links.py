"""Link annotations (described, tagged, printable) and the tab order of pages with annotations."""

from __future__ import annotations

from urllib.parse import urlsplit

import pikepdf

from ..document import Doc, number, objgen, ref, text
from ..findings import ERROR, WARNING, Finding
from .registry import register
from .annots import annotation_holders, page_annotations

LINK = "LINK-ANNOT"
TABS = "PAGE-TABS"
SCHEMES = ("http", "https", "mailto", "tel")
VAGUE = {"click here", "here", "link", "more", "read more", "this link", "click"}


@register(LINK, "Link annotations are described and tagged",
          standard="PDF/UA-1 7.18.1, 7.18.5; Matterhorn checkpoint 28; WCAG 2.4.4",
          help="Each Link annotation needs non-empty /Contents saying where it goes and a /StructParent whose "
               "ParentTree entry is a Link element holding an OBJR to the annotation. URI targets should be http, "
               "https or mailto. (The flags PDF/A asks of every annotation are PDFA-ANNOT's, for files that claim "
               "PDF/A.)")
def links(doc: Doc) -> list[Finding]:
    holders = annotation_holders(doc)
    out = []
    for page_no, page in enumerate(doc.pages, start=1):
        for annot in page_annotations(page):
            if annot.get("/Subtype") != pikepdf.Name.Link:
                continue
            obj = ref(annot)

            def add(severity, message, fix):
                out.append(Finding(LINK, severity, message, page=page_no, object=obj, fix=fix))

            contents = (text(annot.get("/Contents")) or "").strip()
            if not contents:
                add(ERROR, "the link has no /Contents", "set /Contents to where the link goes, e.g. "
                    "\"Full Prescribing Information (PDF)\"")
            elif contents.lower().strip(".!:") in VAGUE:
                add(WARNING, f"the link's /Contents {contents!r} does not say where it goes",
                    "describe the destination, not the gesture")
            out += _tagging(doc, annot, page_no, holders)
            action = annot.get("/A")
            if isinstance(action, pikepdf.Dictionary) and action.get("/S") == pikepdf.Name.URI:
                uri = text(action.get("/URI")) or ""
                scheme = urlsplit(uri).scheme.lower()
                if scheme not in SCHEMES:
                    add(WARNING, f"the link goes to {uri!r} ({scheme or 'no'} scheme)",
                        "link only to http, https, mailto or tel addresses")
    return out


def _tagging(doc: Doc, annot: pikepdf.Dictionary, page_no: int, holders: dict) -> list[Finding]:
    tree = doc.tree
    obj = ref(annot)
    key = number(annot.get("/StructParent"))
    if key is None:
        return [Finding(LINK, ERROR, "the link has no /StructParent: it is not in the structure tree", page=page_no,
                        object=obj, fix="add a Link element holding an OBJR to the annotation, and map "
                                        "/StructParent to it in the ParentTree")]
    if tree is None:
        return []  # CAT-TAGGED reports the missing tree
    owners = holders.get(objgen(annot) or (), [])
    if not owners:
        return [Finding(LINK, ERROR, "no structure element has an OBJR to the link", page=page_no, object=obj,
                        fix="put an OBJR to the annotation inside the Link element, next to the link's text")]
    element = owners[0]
    if element.std != "Link":
        return [Finding(LINK, ERROR, f"the OBJR to the link is in {element.role}, not in a Link element", page=page_no,
                        object=obj, path=element.path, fix="tag the link's text and its OBJR as a Link element")]
    return []  # whether the ParentTree entry for /StructParent points back is STRUCT-TREE's question


@register(TABS, "Pages with annotations have /Tabs /S",
          standard="PDF/UA-1 7.18.3; Matterhorn checkpoint 28",
          help="Every page with annotations must set /Tabs /S so that keyboard focus follows the structure order.")
def tab_order(doc: Doc) -> list[Finding]:
    out = []
    for page_no, page in enumerate(doc.pages, start=1):
        if not page_annotations(page):
            continue
        tabs = page.obj.get("/Tabs")
        if tabs != pikepdf.Name.S:
            if tabs is None:
                said = "the page has annotations but no /Tabs"
            elif isinstance(tabs, pikepdf.String) and str(tabs) == "S":
                said = "the page's /Tabs is the string (S), not the name /S that PDF/UA-1 asks for"
            elif isinstance(tabs, pikepdf.Name):
                said = f"the page has annotations and /Tabs {tabs}, not /S (the structure order)"
            else:
                said = f"the page has annotations and /Tabs is {_said(tabs)}, not the name /S"
            out.append(Finding(TABS, ERROR, said, page=page_no,
                               object=ref(page.obj), fix="set /Tabs /S on the page"))
    return out


def _said(value: object) -> str:
    if isinstance(value, pikepdf.String):
        return f"the string ({value})"
    return f"a {type(value).__name__}"
