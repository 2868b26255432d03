"""Tables: rows of cells with inline text, header rows and row headers, spans, widths and alignment."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import Where
from .node import BlockNode
from .inline import Inline
from .notes import Note
from .parts import TABLE

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
class Table(BlockNode):
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
    label_fields = ()
    heading_field = ""
    text_role = TABLE
    reading_order = ("caption", "head", "body", "foot", "notes")

    def rows(self) -> tuple[TableRow, ...]:
        return self.head + self.body + self.foot
