"""Table structure, when the document has tables: Table > (THead/TBody/TFoot >) TR > TH/TD."""

from __future__ import annotations

from typing import Iterable

import pikepdf

from ..document import Doc
from ..findings import ERROR, WARNING, Finding
from ..mcid_paint import page_paint
from ..structure_tree import ContentRef
from .registry import register
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
            for k in e.structural_elements:  # a NonStruct between them is looked through
                if k.std not in CHILDREN[e.std]:
                    out.append(Finding(ID, ERROR, f"{e.role} holds {k.role}; it may hold only "
                                       f"{', '.join(CHILDREN[e.std])}", page=k.page, object=k.ref, path=k.path,
                                       fix="wrap the content in the right table element"))
            direct = [k for k in e.structural_kids if isinstance(k, ContentRef)]
            if direct:
                out.append(_direct_content(doc, e, direct))
        if e.std == "Table":
            if any(d.std == "TR" for d in e.walk()) and not any(d.std == "TH" for d in e.walk()):
                out.append(Finding(ID, ERROR, "the table has no header cells (TH)", page=e.page, object=e.ref,
                                   path=e.path, fix="tag header cells as TH (with /Scope), or make a layout table "
                                                    "plain paragraphs"))
            if not any(d.std == "TR" for d in e.walk()):
                out.append(Finding(ID, ERROR, "the table has no rows (TR)", page=e.page, object=e.ref, path=e.path,
                                   fix="tag each row as TR"))
    return out


def _direct_content(doc: Doc, e, direct: list[ContentRef]) -> Finding:
    """Content right in a Table, a row or a row group: text or pictures belong in a cell (an error); paths
    alone are the table's rules and borders (Chromium tags them so), decoration a screen reader should skip
    (a warning)."""
    paint = page_paint(doc)
    kinds: set[str] = set()
    for c in direct:
        if c.stream is None and c.page in paint:
            kinds |= paint[c.page].by_mcid.get(c.mcid, set())
    if kinds and kinds <= {"path"}:
        return Finding(ID, WARNING, f"{e.role} holds content directly: {len(direct)} marked-content sequence(s) "
                       "that draw only lines or shapes (the table's rules or borders?)", page=e.page, object=e.ref,
                       path=e.path, fix="mark the lines as an artifact (/Artifact BMC … EMC), not as the table's "
                                        "content")
    return Finding(ID, ERROR, f"{e.role} holds content directly", page=e.page, object=e.ref, path=e.path,
                   fix="move the content into a cell (TH or TD)")


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
    return [f for e in tree.walk() if e.std == "Table" for f in table_headers(e) + header_coverage(e)]


def _grid(table):
    """The table's cells placed on its grid: (cell, first row, first column, rows spanned, columns spanned),
    rows in reading order, each cell in the first free slot of its row (as HTML places them)."""
    rows = [r for r in table.walk() if r.std == "TR" and _table_of(r) is table]
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(rows):
        c = 0
        for cell in (k for k in row.structural_elements if k.std in ("TH", "TD")):
            while (r, c) in taken:
                c += 1
            height = max(1, _int_attribute(cell, "/RowSpan"))
            width = max(1, _int_attribute(cell, "/ColSpan"))
            taken.update((r + dr, c + dc) for dr in range(height) for dc in range(width))
            placed.append((cell, r, c, height, width))
            c += width
    return rows, placed


def applicable_headers(table) -> dict[int, list]:
    """For each TD (by id), the TH cells that apply to it: those its /Headers names, else the TH cells in
    its columns with /Scope Column or Both (or none), then those in its rows with /Scope Row or Both (or
    none: a TH without /Scope is taken to head both its row and its column, as browsers guess)."""
    rows, placed = _grid(table)
    headers = [p for p in placed if p[0].std == "TH"]
    ids = _ids(th for th, *_ in headers)
    out: dict[int, list] = {}
    for cell, r, c, height, width in placed:
        if cell.std != "TD":
            continue
        listed = _attribute(cell, "/Headers")
        named = [ids[bytes(x)] for x in (_as_list(listed) if listed is not None else [])
                 if isinstance(x, pikepdf.String) and bytes(x) in ids]
        out[id(cell)] = named or _heads_by_place(headers, r, c, height, width)
    return out


def _ids(elements: Iterable) -> dict[bytes, object]:
    """The elements by their /ID."""
    ids = {}
    for e in elements:
        raw = e.obj.get("/ID")
        if raw is not None:
            ids[bytes(raw) if isinstance(raw, pikepdf.String) else str(raw).encode()] = e
    return ids


def _heads_by_place(headers: list, r: int, c: int, height: int, width: int) -> list:
    """The TH cells above a cell's columns (scope Column, Both or none), then those left in its rows (scope
    Row, Both or none)."""
    columns = [th for th, hr, hc, hh, hw in headers if _scope(th) in ("Column", "Both", None)
               and hc < c + width and c < hc + hw and hr < r]
    row_heads = [th for th, hr, hc, hh, hw in headers if _scope(th) in ("Row", "Both", None)
                 and hr < r + height and r < hr + hh and hc < c]
    return columns + row_heads


def header_coverage(table) -> list[Finding]:
    """When a table has TH cells, every TD has at least one that applies to it (applicable_headers)."""
    rows, placed = _grid(table)
    headers = [p for p in placed if p[0].std == "TH"]
    if not headers:
        return []  # TABLE-STRUCT reports a table without TH
    found = applicable_headers(table)
    bare = [p for p in placed if p[0].std == "TD" and not found.get(id(p[0])) and not _lists_headers(p[0])]
    if not bare:
        return []
    cell, r, c, _, _ = bare[0]
    total = sum(1 for p in placed if p[0].std == "TD")
    row_scoped_header_rows = {hr for th, hr, *_ in headers if _scope(th) == "Row"
                              and all(k.std == "TH" for k in rows[hr].structural_elements)}
    hint = (" (the TH cells of the header row say /Scope /Row: they head their own row, not the columns below)"
            if row_scoped_header_rows else "")
    return [Finding(HEADERS, ERROR, f"{len(bare)} of {total} data cells have no header that applies to them, the "
                    f"first in row {r + 1}, column {c + 1}{hint}", page=cell.page, object=cell.ref, path=cell.path,
                    fix="give column headers /Scope /Column and row headers /Scope /Row (or list each cell's "
                        "header IDs in /Headers), so that every data cell has a header")]


def _lists_headers(cell) -> bool:
    """The cell names its headers in /Headers (whether they exist is TABLE-HEADERS' other finding)."""
    listed = _attribute(cell, "/Headers")
    return listed is not None and len(_as_list(listed)) > 0


def _scope(th) -> str | None:
    value = _attribute(th, "/Scope")
    return str(value)[1:] if isinstance(value, pikepdf.Name) else None


def _int_attribute(element, key: str) -> int:
    value = _attribute(element, key)
    try:
        return min(int(value), 1000) if value is not None else 1
    except (TypeError, ValueError):
        return 1


def _as_list(value) -> list:
    return list(value) if isinstance(value, pikepdf.Array) else [value]


def table_headers(table) -> list[Finding]:
    """/Scope values, /Headers references and header cells without either, in one Table element."""
    out = []
    cells = [d for d in table.walk() if d.std in ("TH", "TD") and _table_of(d) is table]
    ids = _ids(table.walk())
    all_listed = bool(cells) and all(_attribute(d, "/Headers") is not None
                                     for d in cells if d.std == "TD")
    for cell in cells:
        out += _scope_findings(cell, all_listed)
        listed = _attribute(cell, "/Headers")
        if listed is not None:
            out += _headers_findings(cell, listed, ids)
    return out


def _scope_findings(cell, all_listed: bool) -> list[Finding]:
    scope = _attribute(cell, "/Scope")
    if scope is not None:
        value = str(scope)[1:] if isinstance(scope, pikepdf.Name) else repr(scope)
        if value not in SCOPES:
            return [Finding(HEADERS, ERROR, f"{cell.role} has /Scope {value}, not Row, Column or Both",
                            page=cell.page, object=cell.ref, path=cell.path,
                            fix="set /Scope to /Row, /Column or /Both in the cell's /O /Table attributes")]
    elif cell.std == "TH" and not all_listed:
        return [Finding(HEADERS, WARNING, "TH has no /Scope, and the table's cells do not list their "
                        "headers (/Headers)", page=cell.page, object=cell.ref, path=cell.path,
                        fix="give the TH an attribute object << /O /Table /Scope /Column >> (or /Row, "
                            "/Both), or give every cell /Headers naming the IDs of its TH cells")]
    return []


def _headers_findings(cell, listed: object, ids: dict) -> list[Finding]:
    """Each /Headers entry names the /ID of a TH of the table."""
    out = []
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
