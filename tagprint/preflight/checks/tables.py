"""Table structure, when the document has tables: Table > (THead/TBody/TFoot >) TR > TH/TD."""

from __future__ import annotations

import pikepdf

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
                out.append(Finding(ID, ERROR, "the table has no header cells (TH)", page=e.page, object=e.ref,
                                   path=e.path, fix="tag header cells as TH (with /Scope), or make a layout table "
                                                    "plain paragraphs"))
            if not any(d.std == "TR" for d in e.walk()):
                out.append(Finding(ID, ERROR, "the table has no rows (TR)", page=e.page, object=e.ref, path=e.path,
                                   fix="tag each row as TR"))
    return out


HEADERS = "TABLE-HEADERS"
SCOPES = ("Row", "Column", "Both")


@register(HEADERS, "Header cells say what they head: a valid /Scope, or /Headers naming TH IDs",
          standard="ISO 32000-1 14.8.5.7 (table attributes); PDF/UA-1 7.5; Matterhorn checkpoints 15-003, 15-005",
          help="A TH's /Scope (in an attribute object with /O /Table) is /Row, /Column or /Both. Cells may instead "
               "list their headers: /Headers is an array of the /ID strings of TH elements of the same table. "
               "A TH with no /Scope in a table whose cells do not all list /Headers leaves the header's reach to a "
               "guess (a warning).")
def headers(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []
    return [f for e in tree.walk() if e.std == "Table" for f in table_headers(e)]


def table_headers(table) -> list[Finding]:
    """/Scope values, /Headers references and header cells without either, in one Table element."""
    out = []
    cells = [d for d in table.walk() if d.std in ("TH", "TD") and _table_of(d) is table]
    ids = {}
    for d in table.walk():
        raw = d.obj.get("/ID")
        if raw is not None:
            ids[bytes(raw) if isinstance(raw, pikepdf.String) else str(raw).encode()] = d
    all_listed = bool(cells) and all(_attribute(d, "/Headers") is not None
                                     for d in cells if d.std == "TD")
    for cell in cells:
        scope = _attribute(cell, "/Scope")
        if scope is not None:
            value = str(scope)[1:] if isinstance(scope, pikepdf.Name) else repr(scope)
            if value not in SCOPES:
                out.append(Finding(HEADERS, ERROR, f"{cell.role} has /Scope {value}, not Row, Column or Both",
                                   page=cell.page, object=cell.ref, path=cell.path,
                                   fix="set /Scope to /Row, /Column or /Both in the cell's /O /Table attributes"))
        elif cell.std == "TH" and not all_listed:
            out.append(Finding(HEADERS, WARNING, "TH has no /Scope, and the table's cells do not list their "
                               "headers (/Headers)", page=cell.page, object=cell.ref, path=cell.path,
                               fix="give the TH an attribute object << /O /Table /Scope /Column >> (or /Row, "
                                   "/Both), or give every cell /Headers naming the IDs of its TH cells"))
        listed = _attribute(cell, "/Headers")
        if listed is None:
            continue
        for entry in (listed if isinstance(listed, pikepdf.Array) else [listed]):
            key = bytes(entry) if isinstance(entry, pikepdf.String) else None
            target = ids.get(key) if key is not None else None
            if target is not None and target.std == "TH":
                continue
            said = repr(key.decode("latin-1")) if key is not None else f"a {type(entry).__name__}"
            why = ("is no ID in this table" if target is None and key is not None
                   else f"is the ID of a {target.role}, not of a TH" if target is not None else "is not an ID string")
            out.append(Finding(HEADERS, ERROR, f"{cell.role} /Headers entry {said} {why}", page=cell.page,
                               object=cell.ref, path=cell.path,
                               fix="list in /Headers the /ID strings of the TH cells that head this cell"))
    return out


def _table_of(element):
    """The nearest Table ancestor (a cell of a nested table belongs to the inner one)."""
    node = element.parent
    while node is not None and node.std != "Table":
        node = node.parent
    return node


def _attribute(element, key: str):
    """`key` from the element's /Table attribute objects (/A: a dictionary, or an array of them with
    revision numbers), else from the element itself; None when absent."""
    attrs = element.obj.get("/A")
    for attr in (attrs if isinstance(attrs, pikepdf.Array) else [attrs]):
        if isinstance(attr, pikepdf.Dictionary) and attr.get("/O") == pikepdf.Name.Table and key in attr:
            return attr.get(key)
    return element.obj.get(key)
