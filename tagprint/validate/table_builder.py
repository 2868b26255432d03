"""Validate stage: a table spec becomes a Table — the cells placed on a grid (spans), header scopes,
and, where spans or two header levels make it necessary, every TH's /ID and every cell's /Headers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..errors import Problem
from ..load.schema import CellSpec, TableSpec
from ..load.schema_errors import did_you_mean
from ..model import Table, TableCell, TableRow
from ..model.table import Align

if TYPE_CHECKING:
    from .model_builder import BlockBuilder

Scope = Literal["Column", "Row", "Both"] | None


@dataclass(frozen=True)
class Placed:
    """A cell placed on the grid: its first column, its spans, text and own alignment, and its YAML path."""

    column: int
    colspan: int
    rowspan: int
    text: str
    align: Align | None
    path: tuple


@dataclass
class Grid:
    """The table's rows on a grid: which cell covers each spot, and each row's cells as placed."""

    spec: TableSpec
    path: tuple
    occupied: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # spot → (row, cell index)
    placed: list[list[Placed]] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.spec.rows)

    def group(self, r: int) -> int:
        """0: header rows, 1: body rows, 2: footer rows."""
        return 0 if r < self.spec.header_rows else (2 if r >= self.n - self.spec.footer_rows else 1)

    def place(self, b: "BlockBuilder") -> None:
        for r, row in enumerate(self.spec.rows):
            c, cells = 0, []
            for i, cell in enumerate(row):
                placed = self._cell(b, r, i, c, cell)
                cells.append(placed)
                c = placed.column + placed.colspan
            self.placed.append(cells)

    def _cell(self, b: "BlockBuilder", r: int, i: int, c: int, cell: str | CellSpec) -> Placed:
        """Cell `i` of row `r`, placed at the first free spot from column `c` (spans that leave their part
        of the table or claim a taken spot are problems)."""
        cpath = self.path + ("rows", r, i)
        if isinstance(cell, CellSpec):
            text, colspan, rowspan, align, tpath = cell.text, cell.colspan, cell.rowspan, cell.align, cpath + ("text",)
        else:
            text, colspan, rowspan, align, tpath = cell, 1, 1, None, cpath
        while (r, c) in self.occupied:
            c += 1
        if r + rowspan > self.n or self.group(r + rowspan - 1) != self.group(r):
            b.problems.append(Problem(b.where(cpath), f"the cell spans {rowspan} rows, past the end of its "
                                                      "header, body or footer rows",
                                      "lower rowspan so the cell stays inside its part of the table"))
            rowspan = 1
        clash = next(((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan)
                      if (r + dr, c + dc) in self.occupied), None)
        if clash is not None:
            owner_row, owner_cell = self.occupied[clash]
            b.problems.append(Problem(b.where(self.path + ("rows", r)), f"row {r + 1}: cell {i + 1} (colspan {colspan}"
                                      f"{f', rowspan {rowspan}' if rowspan > 1 else ''}) and cell {owner_cell + 1} "
                                      f"of row {owner_row + 1} both claim row {clash[0] + 1}, column "
                                      f"{clash[1] + 1}", "lower the colspan or the rowspan so that no two cells "
                                      "share a place in the grid (a rowspan reserves its column in the rows "
                                      "below)"))
        for dr in range(rowspan):
            for dc in range(colspan):
                self.occupied.setdefault((r + dr, c + dc), (r, i))
        return Placed(c, colspan, rowspan, text, align, tpath)

    def covers(self) -> list[int]:
        """How many grid columns each row covers."""
        return [sum(1 for (rr, _) in self.occupied if rr == r) for r in range(self.n)]


def build_table(b: "BlockBuilder", spec: TableSpec, path: tuple) -> Table | None:
    where = b.where(path)
    before = len(b.problems)
    b._check_style(spec.style, path + ("style",))
    colors = b.loaded.theme.colors
    for key in ("stripe", "rule"):
        name = getattr(spec, key)
        if name not in colors:
            b.problems.append(Problem(b.where(path + (key,)), f"no colour '{name}' in the theme",
                                      did_you_mean(name, colors)))
    n = len(spec.rows)
    head_n, foot_n = spec.header_rows, spec.footer_rows
    if head_n + foot_n >= n:
        b.problems.append(Problem(where, f"the table has {n} row(s), {head_n} header and {foot_n} footer row(s): "
                                         "no body rows", "add body rows, or lower header_rows/footer_rows"))
        return None
    grid = Grid(spec, path)
    grid.place(b)
    covers = grid.covers()
    columns, source = _column_count(spec, covers)
    _check_row_widths(b, grid, covers, columns, source)
    widths = _per_column(b, spec.widths, columns, path + ("widths",), "widths")
    aligns = _per_column(b, spec.align, columns, path + ("align",), "align")
    if len(b.problems) > before:
        return None
    total = sum(widths) if widths else float(columns)
    fractions = tuple(w / total for w in widths) if widths else (1 / columns,) * columns
    rows = _table_rows(b, grid, aligns)
    caption = b.inline(spec.caption, path + ("caption",)) if spec.caption else ()
    return Table(tuple(rows[:head_n]), tuple(rows[head_n:n - foot_n]), tuple(rows[n - foot_n:]), caption,
                 fractions, spec.zebra, spec.style, b._notes_of(spec.notes, path + ("notes",)), where,
                 spec.stripe, spec.rule)


def _check_row_widths(b: "BlockBuilder", grid: Grid, covers: list[int], columns: int, source: str) -> None:
    """Every row covers the table's columns; a row that covers more says which colspan is wrong."""
    path = grid.path
    for r in range(grid.n):
        if covers[r] < columns:
            b.problems.append(Problem(b.where(path + ("rows", r)), f"row {r + 1} covers {covers[r]} of the table's "
                                                                   f"{columns} columns{source}",
                                      "give every row a cell for each column (an empty cell is \"\"), or use colspan"))
        elif covers[r] > columns:
            extra = covers[r] - columns
            wide = [(i, cell.colspan) for i, cell in enumerate(grid.placed[r]) if cell.colspan > extra]
            if wide:  # a span reaches past the table's edge: the colspan is what is wrong
                i, colspan = wide[-1]
                fix = (f"lower the colspan of cell {i + 1} from {colspan} to {colspan - extra}, so that the row "
                       f"spans the table's {columns} columns")
                where = b.where(path + ("rows", r, i))
            else:
                fix = ("remove the extra cell (a cell whose text has a comma needs quotes: "
                       "[Week 0, \"2 pens, then 1\"])")
                where = b.where(path + ("rows", r))
            b.problems.append(Problem(where, f"row {r + 1} has cells for {covers[r]} columns, but the table has "
                                             f"{columns}{source}", fix))


@dataclass
class _Headers:
    """The header cells of a placed grid: each cell's scope, the TH ids and each cell's /Headers (only
    where spans or two header rows make them necessary)."""

    grid: Grid
    with_ids: bool = False
    ids: dict[tuple[int, int], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        spec, placed = self.grid.spec, self.grid.placed
        spans = any(cell.colspan > 1 or cell.rowspan > 1 for row in placed for cell in row)
        self.with_ids = spans or spec.header_rows > 1
        prefix = "th-" + "-".join(str(p) for p in self.grid.path)
        self.ids = {(r, cell.column): f"{prefix}-{r}-{cell.column}" for r, row in enumerate(placed) for cell in row
                    if self.scope(r, cell.column)}

    def scope(self, r: int, c: int) -> Scope:
        if r < self.grid.spec.header_rows:
            return "Column"
        if self.grid.spec.row_headers and c == 0 and self.grid.group(r) == 1:
            return "Row"
        return None

    def headers(self, r: int, cell: Placed) -> tuple[str, ...]:
        if not self.with_ids:
            return ()
        c, found = cell.column, []
        for hr, row in enumerate(self.grid.placed[:self.grid.spec.header_rows]):  # column headers above it
            if hr >= r:
                break
            for h in row:
                if h.column < c + cell.colspan and c < h.column + h.colspan and hr + h.rowspan <= r:
                    found.append(self.ids[(hr, h.column)])
        if self.grid.spec.row_headers and c > 0 and self.grid.group(r) == 1:  # the row headers of its rows
            for rr in range(r, r + cell.rowspan):
                owner = self.grid.occupied.get((rr, 0))
                if owner is not None and self.ids.get((owner[0], 0)) and self.ids[(owner[0], 0)] not in found:
                    found.append(self.ids[(owner[0], 0)])
        return tuple(found)


def _table_rows(b: "BlockBuilder", grid: Grid, aligns: list) -> list[TableRow]:
    heads = _Headers(grid)
    rows = []
    for r, row in enumerate(grid.placed):
        cells = tuple(TableCell(
            b.inline(cell.text, cell.path) if cell.text.strip() else (), heads.scope(r, cell.column), cell.colspan,
            cell.rowspan, cell.align or (aligns[cell.column] if aligns else "left"), cell.column,
            heads.ids.get((r, cell.column), "") if heads.with_ids else "", heads.headers(r, cell), b.where(cell.path))
            for cell in row)
        rows.append(TableRow(cells, b.where(grid.path + ("rows", r))))
    return rows


def _column_count(spec: TableSpec, covers: list[int]) -> tuple[int, str]:
    """The number of columns the writer means, and where it comes from (for messages). When every row
    agrees, the rows decide (and `widths`/`align` that disagree are the mistake); when a row is the odd
    one, the count comes from `widths`, else `align`, else the header row, else most rows."""
    if len(set(covers)) == 1:
        return covers[0], ""
    if spec.widths:
        return len(spec.widths), f" (widths lists {len(spec.widths)})"
    if spec.align:
        return len(spec.align), f" (align lists {len(spec.align)})"
    if spec.header_rows:
        return covers[0], " (as many as the header row)"
    most = max(set(covers), key=lambda c: (covers.count(c), -covers.index(c)))
    return most, " (as many as most rows)"


def _per_column(b: "BlockBuilder", values: list | None, columns: int, path: tuple, key: str) -> list:
    if values is None:
        return []
    if len(values) != columns:
        b.problems.append(Problem(b.where(path), f"{key} lists {len(values)} value(s) for {columns} columns",
                                  f"give one {key} value per column"))
    return list(values)
