"""A form field as a screen reader names it: its kind, then its tooltip (/TU), else the Form element's
/Alt, else its name (/T)."""

from __future__ import annotations

import pikepdf

from .document import number, text
from .structure_tree import Element

FIELD_TYPES = {"/Tx": "text field", "/Ch": "choice", "/Sig": "signature field"}


def form_line(e: Element) -> str:
    """A form field as a screen reader names it: its kind, then its tooltip (/TU), else the Form's /Alt,
    else its name (/T)."""
    for o in e.objects:
        field = o.obj
        if not isinstance(field, pikepdf.Dictionary):
            continue
        name = next((t.strip() for t in (text(_inherited(field, "/TU")), e.alt, text(_inherited(field, "/T")))
                     if t and t.strip()), "")
        return f"form field, {_kind(field)}" + (f": {name}" if name else "")
    alt = (e.alt or "").strip()
    return "form field" + (f": {alt}" if alt else "")


def _kind(field: pikepdf.Dictionary) -> str:
    kind_of = _inherited(field, "/FT")
    flags = number(_inherited(field, "/Ff")) or 0
    if kind_of == pikepdf.Name.Btn:
        return "radio button" if flags & (1 << 15) else "button" if flags & (1 << 16) else "check box"
    kind = FIELD_TYPES.get(str(kind_of), "form field")
    if kind == "choice":
        kind = "combo box" if flags & (1 << 17) else "list box"
    return kind


def _inherited(field: pikepdf.Dictionary, key: str) -> object:
    """A field attribute, from the widget or its parent fields (ISO 32000-1 12.7.3.1: inheritable)."""
    node: object = field
    depth = 0
    while isinstance(node, pikepdf.Dictionary) and depth < 32:
        if key in node:
            return node.get(key)
        node, depth = node.get("/Parent"), depth + 1
    return None
