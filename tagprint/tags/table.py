"""Tags of tables and footnotes: Table → Caption, THead/TBody/TFoot → TR → TH (/Scope, /ID) and TD
(/Headers); each footnote a Note with a unique /ID that its markers link to."""

from __future__ import annotations

from typing import Any

from ..model import Note, Notes, Table
from .builder import _Builder, tags_of
from .tree import StructElem


def _table_attributes(cell: Any) -> dict[str, Any] | None:
    attrs: dict[str, Any] = {}
    if cell.scope:
        attrs["Scope"] = cell.scope
    if cell.headers:
        attrs["Headers"] = cell.headers
    if cell.rowspan > 1:
        attrs["RowSpan"] = cell.rowspan
    if cell.colspan > 1:
        attrs["ColSpan"] = cell.colspan
    return attrs or None


@tags_of(Table)
def _table(b: _Builder, block: Table, parent: StructElem) -> None:
    table = b._keep(block, parent.add("Table"))
    if block.caption:
        b.inline(block.caption, b._keep(block, table.add("Caption"), "caption"))
    for role, rows in (("THead", block.head), ("TBody", block.body), ("TFoot", block.foot)):
        if not rows:
            continue
        part = table.add(role)
        for row in rows:
            tr = b._keep(row, part.add("TR"))
            for cell in row.cells:
                elem = tr.add(cell.role, elem_id=cell.elem_id or None, table=_table_attributes(cell))
                b.inline(cell.runs, b._keep(cell, elem))
    notes(b, block.notes, parent)


def notes(b: _Builder, found: tuple[Note, ...], parent: StructElem) -> None:
    for note in found:
        elem = b._keep(note, parent.add("Note", elem_id=note.note_id))
        b._slot(note, elem, "label")
        b.inline(note.runs, elem)


@tags_of(Notes)
def _notes(b: _Builder, block: Notes, parent: StructElem) -> None:
    notes(b, block.notes, parent)
