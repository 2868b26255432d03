"""Tables: rows of cells with inline text, header rows and row headers, spans, widths and alignment."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from ..errors import Where
from .blocks import BlockNode
from .inline import Inline
from .notes import CarriesNotes, Note

Align = Literal["left", "center", "right"]


@dataclass(frozen=True, eq=False)
class TableCell:
    """A TH (`scope` Column or Row) or a TD; `elem_id`/`headers` are set where spans or header levels need them."""

    runs: tuple[Inline, ...]
    scope: Literal["Column", "Row", "Both"] | None = None
    colspan: int = 1
    rowspan: int = 1
    align: Align = "left"
    column: int = 0  # the first grid column the cell covers
    elem_id: str = ""
    headers: tuple[str, ...] = ()
    where: Where = field(default_factory=lambda: Where(""))

    @property
    def role(self) -> str:
        return "TH" if self.scope else "TD"


@dataclass(frozen=True, eq=False)
class TableRow:
    cells: tuple[TableCell, ...]
    where: Where = field(default_factory=lambda: Where(""))

    role = "TR"


@dataclass(frozen=True, eq=False)
class Table(CarriesNotes, BlockNode):
    """A data table: header rows repeat on each page it crosses; notes are set right under it."""

    head: tuple[TableRow, ...]
    body: tuple[TableRow, ...]
    foot: tuple[TableRow, ...] = ()
    caption: tuple[Inline, ...] = ()
    widths: tuple[float, ...] = ()  # fractions of the table's width, one per grid column
    zebra: bool = True
    style: str = "small"
    notes: tuple[Note, ...] = ()
    where: Where = field(default_factory=lambda: Where(""))
    stripe: str = "tint"  # theme colours of the zebra stripes and the rules
    rule: str = "primary"

    role = "Table"

    def rows(self) -> tuple[TableRow, ...]:
        return self.head + self.body + self.foot

    def text_runs(self):
        if self.caption:
            yield self.caption, self.where
        for row in self.rows():
            for cell in row.cells:
                yield cell.runs, cell.where
        for note in self.notes:
            yield note.runs, note.where


    def map_runs(self, runs, block):
        def row(r: TableRow) -> TableRow:
            return replace(r, cells=tuple(replace(c, runs=runs(c.runs)) for c in r.cells))
        return replace(self, caption=runs(self.caption) if self.caption else (),
                       head=tuple(map(row, self.head)), body=tuple(map(row, self.body)),
                       foot=tuple(map(row, self.foot)),
                       notes=tuple(replace(n, runs=runs(n.runs)) for n in self.notes))
