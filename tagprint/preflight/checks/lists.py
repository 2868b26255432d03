"""List structure: L holds LI (and an optional Caption); LI holds Lbl and LBody."""

from __future__ import annotations

from ..document import Doc
from ..findings import ERROR, Finding
from ..structure_tree import Element
from .registry import register
from .nesting import misplaced

ID = "LIST-STRUCT"
PARENTS = {"LI": ("L",), "Lbl": ("LI", "TOCI", "BibEntry", "Note"), "LBody": ("LI",)}
CHILDREN = {"L": ("LI", "Caption"), "LI": ("Lbl", "LBody", "L")}
# an LI's body without an LBody element: a grouping wrapper holding the item's text (Chromium writes
# LI > Lbl, NonStruct); screen readers read it as the body
BODY_WRAPPERS = ("NonStruct", "Div", "Span")


@register(ID, "Lists are L > LI > Lbl/LBody",
          standard="ISO 32000-1 14.8.4.3; PDF/UA-1 7.6; Matterhorn checkpoint 16",
          help="A list is an L whose children are LI elements (a Caption may come first); each LI holds its "
               "Lbl (bullet or number) and LBody (the item's content), with no content of its own. A nested list "
               "goes inside the LBody (or, as Chromium writes it, right in the LI). NonStruct is looked through, and a "
               "NonStruct, Div or Span in an LI stands for its body. A Lbl elsewhere belongs to a TOCI, BibEntry or Note, or is a note's marker "
               "in the text that links to it.")
def list_structure(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []
    out = []
    for e in tree.walk():
        finding = None if _note_marker(e) else misplaced(ID, e, PARENTS)
        if finding:
            out.append(finding)
        if e.std in CHILDREN:
            out += _children(e)
    return out


def _children(e: Element) -> list[Finding]:
    """What an L or LI holds: only its allowed kinds, no content of its own, not nothing."""
    out = []
    allowed = CHILDREN[e.std or ""]
    if e.std == "LI":
        wrong = [k for k in e.elements if k.std not in allowed and k.std not in BODY_WRAPPERS]
    else:
        wrong = [k for k in e.structural_elements if k.std not in allowed]
    for k in wrong:
        out.append(Finding(ID, ERROR, f"{e.role} holds {k.role}; it may hold only {', '.join(allowed)}",
                           page=k.page, object=k.ref, path=k.path,
                           fix="wrap the item in LI > LBody" if e.std == "L" else "move it into the LBody"))
    direct = len(e.contents) if e.std == "LI" else len(e.structural_kids) - len(e.structural_elements)
    if direct:
        out.append(Finding(ID, ERROR, f"{e.role} holds content directly ({direct} marked-content "
                           "sequence(s))", page=e.page, object=e.ref, path=e.path,
                           fix="move the content into an LI" if e.std == "L" else "move it into Lbl or LBody"))
    if e.std == "LI" and not e.elements and not e.contents:
        out.append(Finding(ID, ERROR, "LI is empty", page=e.page, object=e.ref, path=e.path,
                           fix="give it an LBody (and Lbl), or remove it"))
    if e.std == "L" and not any(k.std == "LI" for k in e.structural_elements):
        out.append(Finding(ID, ERROR, "L has no LI", page=e.page, object=e.ref, path=e.path,
                           fix="each list item is an LI of the L"))
    return out


def _note_marker(e) -> bool:
    """A Lbl in running text that links to its note (Typst's footnote reference: P > Lbl > Link): a label,
    but of a note, not of a list item."""
    return e.std == "Lbl" and any(k.std in ("Link", "Reference") for k in e.elements)
