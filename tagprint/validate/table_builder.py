"""Validate stage: a table spec becomes a Table — the cells placed on a grid (spans), header scopes,
and, where spans or two header levels make it necessary, every TH's /ID and every cell's /Headers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Problem
from ..load.schema import CellSpec, TableSpec
from ..load.schema_errors import did_you_mean
from ..model import Table, TableCell, TableRow

if TYPE_CHECKING:
    from .model_builder import BlockBuilder


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

    def group(r: int) -> int:
        return 0 if r < head_n else (2 if r >= n - foot_n else 1)

    occupied: dict[tuple[int, int], tuple[int, int]] = {}  # grid spot → (row, cell index) covering it
    placed: list[list[tuple[int, int, int, str, str | None, tuple]]] = []  # column, colspan, rowspan, text, align
    for r, row in enumerate(spec.rows):
        c, cells = 0, []
        for i, cell in enumerate(row):
            cpath = path + ("rows", r, i)
            text, colspan, rowspan, align = (cell.text, cell.colspan, cell.rowspan, cell.align) \
                if isinstance(cell, CellSpec) else (cell, 1, 1, None)
            while (r, c) in occupied:
                c += 1
            if r + rowspan > n or group(r + rowspan - 1) != group(r):
                b.problems.append(Problem(b.where(cpath), f"the cell spans {rowspan} rows, past the end of its "
                                                          "header, body or footer rows",
                                          "lower rowspan so the cell stays inside its part of the table"))
                rowspan = 1
            clash = next(((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan)
                          if (r + dr, c + dc) in occupied), None)
            if clash is not None:
                owner_row, owner_cell = occupied[clash]
                b.problems.append(Problem(b.where(path + ("rows", r)), f"row {r + 1}: cell {i + 1} (colspan {colspan}"
                                          f"{f', rowspan {rowspan}' if rowspan > 1 else ''}) and cell {owner_cell + 1} "
                                          f"of row {owner_row + 1} both claim row {clash[0] + 1}, column "
                                          f"{clash[1] + 1}", "lower the colspan or the rowspan so that no two cells "
                                          "share a place in the grid (a rowspan reserves its column in the rows "
                                          "below)"))
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied.setdefault((r + dr, c + dc), (r, i))
            cells.append((c, colspan, rowspan, text, align, cpath + (("text",) if isinstance(cell, CellSpec) else ())))
            c += colspan
        placed.append(cells)
    covers = [sum(1 for (rr, _) in occupied if rr == r) for r in range(n)]
    columns, source = _column_count(spec, covers)
    for r in range(n):
        if covers[r] < columns:
            b.problems.append(Problem(b.where(path + ("rows", r)), f"row {r + 1} covers {covers[r]} of the table's "
                                                                   f"{columns} columns{source}",
                                      "give every row a cell for each column (an empty cell is \"\"), or use colspan"))
        elif covers[r] > columns:
            extra = covers[r] - columns
            wide = [(i, colspan) for i, (_, colspan, *_) in enumerate(placed[r]) if colspan > extra]
            if wide:  # a span reaches past the table's edge: the colspan is what is wrong
                i, colspan = wide[-1]
                fix = (f"lower the colspan of cell {i + 1} from {colspan} to {colspan - extra}, so that the row "
                       f"spans the table's {columns} columns")
                where_ = b.where(path + ("rows", r, i))
            else:
                fix = ("remove the extra cell (a cell whose text has a comma needs quotes: "
                       "[Week 0, \"2 pens, then 1\"])")
                where_ = b.where(path + ("rows", r))
            b.problems.append(Problem(where_, f"row {r + 1} has cells for {covers[r]} columns, but the table has "
                                              f"{columns}{source}", fix))
    widths = _per_column(b, spec.widths, columns, path + ("widths",), "widths")
    aligns = _per_column(b, spec.align, columns, path + ("align",), "align")
    if len(b.problems) > before:
        return None

    total = sum(widths) if widths else float(columns)
    fractions = tuple(w / total for w in widths) if widths else (1 / columns,) * columns
    spans = any(colspan > 1 or rowspan > 1 for row in placed for _, colspan, rowspan, *_ in row)
    with_ids = spans or head_n > 1
    prefix = "th-" + "-".join(str(p) for p in path)

    def scope(r: int, c: int) -> str | None:
        if r < head_n:
            return "Column"
        if spec.row_headers and c == 0 and group(r) == 1:
            return "Row"
        return None

    ids = {(r, c): f"{prefix}-{r}-{c}" for r, row in enumerate(placed) for c, *_ in row if scope(r, c)}

    def headers(r: int, c: int, colspan: int, rowspan: int) -> tuple[str, ...]:
        if not with_ids:
            return ()
        found: list[str] = []
        for hr, row in enumerate(placed[:head_n]):  # column headers above the cell, covering its columns
            if hr >= r:
                break
            for hc, hcolspan, hrowspan, *_ in row:
                if hc < c + colspan and c < hc + hcolspan and hr + hrowspan <= r:
                    found.append(ids[(hr, hc)])
        if spec.row_headers and c > 0 and group(r) == 1:  # the row header(s) of the rows it covers
            for rr in range(r, r + rowspan):
                owner = occupied.get((rr, 0))
                if owner is not None and ids.get((owner[0], 0)) and ids[(owner[0], 0)] not in found:
                    found.append(ids[(owner[0], 0)])
        return tuple(found)

    rows = []
    for r, row in enumerate(placed):
        cells = []
        for c, colspan, rowspan, text, align, cpath in row:
            cells.append(TableCell(
                b.inline(text, cpath) if text.strip() else (), scope(r, c), colspan, rowspan,
                align or (aligns[c] if aligns else "left"), c, ids.get((r, c), "") if with_ids else "",
                headers(r, c, colspan, rowspan), b.where(cpath)))
        rows.append(TableRow(tuple(cells), b.where(path + ("rows", r))))
    caption = b.inline(spec.caption, path + ("caption",)) if spec.caption else ()
    return Table(tuple(rows[:head_n]), tuple(rows[head_n:n - foot_n]), tuple(rows[n - foot_n:]), caption,
                 fractions, spec.zebra, spec.style, b._notes_of(spec.notes, path + ("notes",)), where,
                 spec.stripe, spec.rule)


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
