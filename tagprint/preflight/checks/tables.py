"""Table structure, when the document has tables: Table > (THead/TBody/TFoot >) TR > TH/TD."""

from __future__ import annotations

from ..document import Doc
from ..findings import ERROR, WARNING, Finding
from . import register
from .nesting import misplaced

ID = "TABLE-STRUCT"
SECTIONS = ("THead", "TBody", "TFoot")
CHILDREN = {"Table": ("TR", *SECTIONS, "Caption"), "THead": ("TR",), "TBody": ("TR",), "TFoot": ("TR",),
            "TR": ("TH", "TD")}
PARENTS = {"TR": ("Table", *SECTIONS), "TH": ("TR",), "TD": ("TR",), "THead": ("Table",), "TBody": ("Table",),
           "TFoot": ("Table",)}


@register(ID, "Tables are Table > TR > TH/TD (with optional THead/TBody/TFoot)",
          standard="ISO 32000-1 14.8.4.3; PDF/UA-1 7.5; Matterhorn checkpoint 15",
          help="Rows are TR inside Table (or its THead/TBody/TFoot), cells are TH (headers) or TD inside TR. "
               "A data table without any TH cannot tell a screen-reader user what a cell means.")
def table_structure(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []
    out = []
    for e in tree.walk():
        finding = misplaced(ID, e, PARENTS)
        if finding:
            out.append(finding)
        if e.std in CHILDREN:
            for k in e.elements:
                if k.std not in CHILDREN[e.std]:
                    out.append(Finding(ID, ERROR, f"{e.role} holds {k.role}; it may hold only "
                                       f"{', '.join(CHILDREN[e.std])}", page=k.page, object=k.ref, path=k.path,
                                       fix="wrap the content in the right table element"))
            if e.contents:
                out.append(Finding(ID, ERROR, f"{e.role} holds content directly", page=e.page, object=e.ref,
                                   path=e.path, fix="move the content into a cell (TH or TD)"))
        if e.std == "Table":
            if any(d.std == "TR" for d in e.walk()) and not any(d.std == "TH" for d in e.walk()):
                out.append(Finding(ID, WARNING, "the table has no header cells (TH)", page=e.page, object=e.ref,
                                   path=e.path, fix="tag header cells as TH (with /Scope), or make a layout table "
                                                    "plain paragraphs"))
            if not any(d.std == "TR" for d in e.walk()):
                out.append(Finding(ID, ERROR, "the table has no rows (TR)", page=e.page, object=e.ref, path=e.path,
                                   fix="tag each row as TR"))
    return out
