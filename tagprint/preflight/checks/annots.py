"""Annotations other than links (links are links.py's): each tagged in the element its kind needs, and
described for someone who cannot see it."""

from __future__ import annotations

from collections import defaultdict

import pikepdf

from ..document import Doc, number, objgen, ref, text
from ..findings import ERROR, Finding
from .registry import register

TAGGED = "ANNOT-TAGGED"
DESCRIBED = "ANNOT-DESC"
HIDDEN = 2  # annotation flag (ISO 32000-1 12.5.3): a hidden annotation is neither shown nor tagged
# kinds with their own rules elsewhere, or outside the logical structure (PDF/UA-1 7.18.1, 7.18.2)
NOT_HERE = {"Link", "Popup", "PrinterMark"}
ELEMENT_FOR = {"Widget": "Form"}  # every other kind goes in an Annot element


def page_annotations(page: pikepdf.Page) -> list[pikepdf.Dictionary]:
    annots = page.obj.get("/Annots")
    return [a for a in annots if isinstance(a, pikepdf.Dictionary)] if isinstance(annots, pikepdf.Array) else []


def annotation_holders(doc: Doc) -> dict[tuple[int, int], list]:
    """Annotation objgen → the structure elements holding an OBJR to it, in reading order."""
    holders: dict[tuple, list] = defaultdict(list)
    if doc.tree is not None:
        for element in doc.tree.walk():
            for o in element.objects:
                key = objgen(o.obj)
                if key:
                    holders[key].append(element)
    return holders


def _shown(doc: Doc):
    """(page number, kind, annotation) for every annotation these checks look at."""
    for page_no, page in enumerate(doc.pages, start=1):
        for annot in page_annotations(page):
            kind = text(annot.get("/Subtype")) or ""
            if kind in NOT_HERE or (number(annot.get("/F")) or 0) & HIDDEN:
                continue
            yield page_no, kind, annot


@register(TAGGED, "Annotations other than links are tagged: widgets in Form, the rest in Annot",
          standard="PDF/UA-1 7.18.1, 7.18.2, 7.18.4; ISO 32000-1 14.8.4.4; Matterhorn checkpoints 28-002, 28-005, "
                   "28-007",
          help="Every visible annotation belongs to the structure tree: an OBJR to it inside a Form element for a "
               "form field's Widget, inside an Annot element for the other kinds (Text, FreeText, Highlight, "
               "FileAttachment, …), and a /StructParent. TrapNet annotations are not allowed in PDF/UA-1.")
def tagged(doc: Doc) -> list[Finding]:
    holders = annotation_holders(doc)
    out = []
    for page_no, kind, annot in _shown(doc):
        name = f"{kind or 'untyped'} annotation"

        def add(message, fix, path=None):
            out.append(Finding(TAGGED, ERROR, message, page=page_no, object=ref(annot), path=path, fix=fix))

        if kind == "TrapNet":
            add("a TrapNet annotation: PDF/UA-1 does not allow them", "remove the TrapNet annotation")
            continue
        wanted = ELEMENT_FOR.get(kind, "Annot")
        if number(annot.get("/StructParent")) is None:
            add(f"the {name} has no /StructParent: it is not in the structure tree",
                f"put an OBJR to it in a {wanted} element and map /StructParent to that element in the ParentTree")
        if doc.tree is None:
            continue  # CAT-TAGGED reports the missing tree
        owners = holders.get(objgen(annot) or (0, 0), [])  # (0, 0): no object, no owners
        if not owners:
            add(f"no structure element has an OBJR to the {name}",
                f"put an OBJR to the annotation inside a {wanted} element")
        elif owners[0].std != wanted:
            add(f"the OBJR to the {name} is in {owners[0].role}, not in a {wanted} element",
                f"tag the annotation as a {wanted} element holding its OBJR", owners[0].path)
    return out


@register(DESCRIBED, "Annotations other than links say what they are",
          standard="PDF/UA-1 7.18.1, 7.18.4; Matterhorn checkpoints 28-004, 28-010",
          help="A visible annotation needs non-empty /Contents (or an /Alt on its Annot element) so that a screen "
               "reader can say it; a form field's Widget needs a /TU (tooltip) on its field, or an /Alt on its Form "
               "element.")
def described(doc: Doc) -> list[Finding]:
    holders = annotation_holders(doc)
    out = []
    for page_no, kind, annot in _shown(doc):
        owners = holders.get(objgen(annot) or (0, 0), [])  # (0, 0): no object, no owners
        alt = next(((e.alt or "").strip() for e in owners if (e.alt or "").strip()), "")
        if alt:
            continue
        if kind == "Widget":
            if _field_tooltip(annot):
                continue
            out.append(Finding(DESCRIBED, ERROR, "the Widget annotation's form field has no /TU and its Form "
                               "element no /Alt: a screen reader cannot name the field", page=page_no,
                               object=ref(annot), path=owners[0].path if owners else None,
                               fix="set /TU on the field to what it asks for, e.g. (Your e-mail address)"))
        elif not (text(annot.get("/Contents")) or "").strip():
            out.append(Finding(DESCRIBED, ERROR, f"the {kind or 'untyped'} annotation has no /Contents (and its "
                               "Annot element no /Alt)", page=page_no, object=ref(annot),
                               path=owners[0].path if owners else None,
                               fix="set /Contents to what the annotation says or is"))
    return out


def _field_tooltip(widget: pikepdf.Dictionary) -> str:
    """The /TU of the widget's field: on the widget itself (merged field) or up its /Parent chain."""
    node: object = widget
    depth = 0
    while isinstance(node, pikepdf.Dictionary) and depth < 32:
        tooltip = (text(node.get("/TU")) or "").strip()
        if tooltip:
            return tooltip
        node, depth = node.get("/Parent"), depth + 1
    return ""
