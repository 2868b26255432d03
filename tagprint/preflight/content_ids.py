"""Which MCIDs each content stream holds, per stream: the page's own content, and each form XObject
(whose MCIDs belong to the XObject's /StructParents, not the page's).

`tagprint.verify.marked_content.walk_pdf` merges a form's MCIDs into the page that paints it, which is
right for "is everything tagged" but not for matching MCIDs with the ParentTree; this scan only reads
BDC and Do of the content the Doc has parsed once for every view, so it stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pikepdf

from .pdf_values import number

if TYPE_CHECKING:  # the Doc's views call these readers: one way at run time
    from .document import Doc


@dataclass
class FormIds:
    xobject: pikepdf.Stream
    name: str
    mcids: list[int] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)


@dataclass
class ContentIds:
    pages: dict[int, list[int]] = field(default_factory=dict)                 # page -> MCIDs in order
    forms: dict[tuple[int, int], FormIds] = field(default_factory=dict)       # form objgen -> its MCIDs


def marked_content_ids(doc: Doc) -> ContentIds:
    out = ContentIds()
    for number_, page in enumerate(doc.pages, start=1):
        out.pages[number_] = _scan(doc, page.obj, number_, out, set(), 0)
    return out


def _scan(doc: Doc, holder: pikepdf.Object, page: int, out: ContentIds, active: set, depth: int) -> list[int]:
    mcids: list[int] = []
    if depth > 12:
        return mcids
    try:
        instructions = doc.instructions(holder)  # parsed once, shared with the walker
    except pikepdf.PdfError:
        return mcids  # TAG-CONTENT reports unreadable streams
    resources = holder.get("/Resources")
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    for instruction in instructions:
        op = str(instruction.operator)
        operands = instruction.operands
        if op == "BDC" and len(operands) > 1 and isinstance(operands[1], pikepdf.Dictionary):
            mcid = number(operands[1].get("/MCID"))
            if mcid is not None:
                mcids.append(mcid)
        elif op == "Do" and operands and isinstance(xobjects, pikepdf.Dictionary):
            xobj = xobjects.get(str(operands[0]))
            if not isinstance(xobj, pikepdf.Stream) or xobj.get("/Subtype") != pikepdf.Name.Form:
                continue
            if not xobj.is_indirect:
                continue
            key = xobj.objgen
            if key in active:
                continue
            if key not in out.forms:
                out.forms[key] = FormIds(xobj, str(operands[0]))
                out.forms[key].mcids = _scan(doc, xobj, page, out, active | {key}, depth + 1)
            out.forms[key].pages.add(page)
    return mcids
