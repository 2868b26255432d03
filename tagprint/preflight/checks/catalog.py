"""The document catalog: tagged, its language, its title, its XMP metadata."""

from __future__ import annotations

import re

import pikepdf

from ..document import Doc, is_true, ref, text
from ..findings import ERROR, WARNING, Finding
from .registry import register

# BCP 47, loosely: language (2-3 letters, or 4-8 registered) then subtags of 1-8 letters/digits;
# private use (x-…) and grandfathered i-… tags are accepted as they are.
_BCP47 = re.compile(r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z0-9]{1,8})*$"
                    r"|^(?:x|i)-[A-Za-z0-9-]+$")


def valid_language(tag: str) -> bool:
    if not tag or not _BCP47.match(tag):
        return False
    if tag[:2].lower() in ("x-", "i-"):
        return True
    from ...langtags import tag_is_valid  # the common tags without loading langcodes' registry
    return tag_is_valid(tag)


@register("CAT-TAGGED", "The catalog says the file is tagged and has a structure tree",
          standard="ISO 14289-1 (PDF/UA-1) 7.1; Matterhorn checkpoint 01",
          help="The catalog needs /MarkInfo << /Marked true >> and a /StructTreeRoot, and /MarkInfo /Suspects "
               "must not be true. Without them assistive technology reads the page as an untagged soup.")
def tagged(doc: Doc) -> list[Finding]:
    out = []
    mark_info = doc.root.get("/MarkInfo")
    marked = mark_info.get("/Marked") if isinstance(mark_info, pikepdf.Dictionary) else None
    if not is_true(marked):
        out.append(Finding("CAT-TAGGED", ERROR,
                           "the catalog has no /MarkInfo << /Marked true >>" if mark_info is None
                           else f"/MarkInfo /Marked is {marked!r}, not true",
                           object="Catalog",
                           fix="set /MarkInfo << /Marked true >> in the catalog (after tagging the content)"))
    if isinstance(mark_info, pikepdf.Dictionary) and is_true(mark_info.get("/Suspects")):
        out.append(Finding("CAT-TAGGED", ERROR, "/MarkInfo /Suspects is true: the tags are flagged as unreliable",
                           object="Catalog", fix="repair the tags, then remove /Suspects"))
    if not isinstance(doc.root.get("/StructTreeRoot"), pikepdf.Dictionary):
        out.append(Finding("CAT-TAGGED", ERROR, "the catalog has no /StructTreeRoot: the file has no structure tree",
                           object="Catalog",
                           fix="tag the document: a structure tree with one Document element whose elements claim "
                               "every piece of real content"))
    return out


@register("LANG", "The document language is set, and every language tag is valid",
          standard="PDF/UA-1 7.2; Matterhorn checkpoint 11; WCAG 3.1.1, 3.1.2",
          help="The catalog needs /Lang with a BCP 47 tag (e.g. en-US) so screen readers pick the right voice; "
               "/Lang on structure elements marks phrases in other languages and must be valid too.")
def language(doc: Doc) -> list[Finding]:
    out = []
    lang = doc.root.get("/Lang")
    value = text(lang)
    if lang is None:
        out.append(Finding("LANG", ERROR, "the catalog has no /Lang: the document language is unknown",
                           object="Catalog", fix="set /Lang in the catalog, e.g. (en-US)"))
    elif value is None or not value.strip():
        out.append(Finding("LANG", ERROR, "the catalog /Lang is empty", object="Catalog",
                           fix="set /Lang in the catalog to the document's language, e.g. (en-US)"))
    elif not valid_language(value.strip()):
        out.append(Finding("LANG", ERROR, f"the catalog /Lang {value!r} is not a valid BCP 47 language tag",
                           object="Catalog", fix="use a tag like en-US, fr, de-CH"))
    tree = doc.tree
    for element in (tree.walk() if tree else []):
        if "/Lang" not in element.obj:
            continue
        v = element.lang
        if v is None or not valid_language(v.strip()):
            out.append(Finding("LANG", ERROR, f"/Lang {v!r} on {element.role} is not a valid BCP 47 language tag",
                               object=element.ref, path=element.path, page=element.page,
                               fix="use a tag like fr or de-CH, or remove the /Lang"))
    return out


@register("CAT-TITLE", "The document title is shown and consistent",
          standard="PDF/UA-1 7.1; ISO 32000-1 12.2 (DisplayDocTitle); Matterhorn checkpoints 06, 07",
          help="Viewers must show the title, not the file name (/ViewerPreferences << /DisplayDocTitle true >>); "
               "XMP dc:title must be present and non-empty, and the Info dictionary's /Title equal to it.")
def title(doc: Doc) -> list[Finding]:
    out = []
    prefs = doc.root.get("/ViewerPreferences")
    shown = prefs.get("/DisplayDocTitle") if isinstance(prefs, pikepdf.Dictionary) else None
    if not is_true(shown):
        out.append(Finding("CAT-TITLE", ERROR,
                           "/ViewerPreferences /DisplayDocTitle is not true: viewers show the file name",
                           object="Catalog", fix="set /ViewerPreferences << /DisplayDocTitle true >> in the catalog"))
    xmp = doc.xmp
    if not xmp.present or xmp.error:
        return out  # CAT-XMP reports it
    if not (xmp.title or "").strip():
        out.append(Finding("CAT-TITLE", ERROR, "the XMP metadata has no dc:title (or it is empty)",
                           object="Metadata", fix="add dc:title (an rdf:Alt with an x-default entry) to the XMP"))
        return out
    info = doc.pdf.trailer.get("/Info")
    info_title = text(info.get("/Title")) if isinstance(info, pikepdf.Dictionary) else None
    if info_title is None:
        out.append(Finding("CAT-TITLE", WARNING, "the Info dictionary has no /Title",
                           object=ref(info) or "Info", fix=f"set Info /Title to the dc:title, {xmp.title!r}"))
    elif info_title != xmp.title:
        out.append(Finding("CAT-TITLE", ERROR, f"Info /Title {info_title!r} differs from XMP dc:title {xmp.title!r}",
                           object=ref(info) or "Info", fix="write the same title in both places"))
    return out


@register("CAT-XMP", "XMP metadata is present and claims PDF/UA-1",
          standard="PDF/UA-1 5, 7.1; Matterhorn checkpoint 06",
          help="The catalog needs a /Metadata XMP stream that parses and holds pdfuaid:part 1 in the namespace "
               "http://www.aiim.org/pdfua/ns/id/ (trailing slash included).")
def metadata(doc: Doc) -> list[Finding]:
    xmp = doc.xmp
    if not xmp.present:
        return [Finding("CAT-XMP", ERROR, "the catalog has no /Metadata (XMP) stream", object="Catalog",
                        fix="add an XMP stream with dc:title and pdfuaid:part 1")]
    if xmp.error:
        return [Finding("CAT-XMP", ERROR, xmp.error, object=ref(doc.root.get("/Metadata")) or "Metadata",
                        fix="write well-formed XMP (RDF/XML) into the /Metadata stream")]
    obj = ref(doc.root.get("/Metadata")) or "Metadata"
    if xmp.pdfua_part is None:
        hint = f" (found {', '.join(xmp.misplaced)})" if xmp.misplaced else ""
        return [Finding("CAT-XMP", ERROR, f"the XMP has no pdfuaid:part{hint}", object=obj,
                        fix='add <pdfuaid:part>1</pdfuaid:part> with xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"')]
    if xmp.pdfua_part != "1":
        return [Finding("CAT-XMP", WARNING, f"pdfuaid:part is {xmp.pdfua_part!r}; these checks are for PDF/UA-1",
                        object=obj, fix="claim pdfuaid:part 1 if the file is meant to be PDF/UA-1")]
    return []
