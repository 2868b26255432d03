"""Table and footnote layouts: rows on a grid, header rows repeated (as artifacts) where a table is cut."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Color, Note, Notes, Rect, Table, TableRow
from .context import LayoutContext, layout_of, text_block
from .items import Break, FillBox, Laid, Rest, RuleLine, TextLine, as_artifact, keyed, stacked
from .text import TextStyle, break_lines, pieces, plain_pieces

PAD_X, PAD_Y = 5.0, 3.5
SPAN_INSET = 3.0  # the hairline under a spanning header cell stops this short of its columns' edges


def _aligned(laid: Laid, width: float, align: str) -> Laid:
    if align == "left":
        return laid
    items = []
    for item in laid.items:
        if isinstance(item, TextLine) and item.fragments:
            left = min(f.x for f in item.fragments)  # > 0 for a right-to-left line, set flush right
            right = max(f.x + f.width for f in item.fragments)
            shift = (width - right + left) / 2 - left if align == "center" else width - right
            item = replace(item, x=item.x + max(-left, shift))
        items.append(item)
    return Laid(laid.height, items, laid.space_before, laid.space_after)


def _rows(rows: tuple[TableRow, ...], xs: list[float], ctx: LayoutContext, body: TextStyle, strong: TextStyle,
          head_n: int) -> tuple[list[list[tuple[int, Laid]]], list[float]]:
    """Each cell laid out at its column's width (a header cell spanning columns centred over them); each row's
    height (a rowspan adds to its last row)."""
    laid_rows: list[list[tuple[int, Laid]]] = []
    heights = [0.0] * len(rows)
    spanning = []
    for r, row in enumerate(rows):
        cells = []
        for cell in row.cells:
            width = xs[cell.column + cell.colspan] - xs[cell.column] - 2 * PAD_X
            ts = strong if cell.scope else body
            laid = (text_block(pieces(cell.runs, ts), width, ts, ctx, cell.where) if cell.runs
                    else Laid(ts.style.leading))
            laid = _aligned(laid, width, "center" if r < head_n and cell.colspan > 1 else cell.align)
            cells.append((r, laid))
            if cell.rowspan == 1:
                heights[r] = max(heights[r], laid.height + 2 * PAD_Y)
            else:
                spanning.append((r, cell.rowspan, laid.height + 2 * PAD_Y))
        laid_rows.append(cells)
    for r, span, needed in spanning:
        have = sum(heights[r:r + span])
        if needed > have:
            heights[r + span - 1] += needed - have
    return laid_rows, heights


@layout_of(Table)
def _table(block: Table, width: float, ctx: LayoutContext) -> Laid:
    body = ctx.text_style(block.style)
    strong = TextStyle(replace(body.style, bold=True), ctx.color("primary"), body.link_color, body.fonts)
    xs = [0.0]
    for fraction in block.widths:
        xs.append(xs[-1] + fraction * width)
    out = Laid(0, [], 6, 10)
    y, continued = _caption(block, width, ctx, out)
    rule = ctx.color(block.rule)
    stripe = ctx.color(block.stripe)
    all_rows = block.rows()
    head_n, body_n = len(block.head), len(block.body)
    laid_rows, heights = _rows(all_rows, xs, ctx, body, strong, head_n)
    tops = []
    for h in heights:
        tops.append(y)
        y += h
    head_bottom = tops[head_n] if head_n < len(tops) else y
    for r, row in enumerate(all_rows):
        if block.zebra and head_n <= r < head_n + body_n and (r - head_n) % 2 == 1:
            out.items.append(FillBox(Rect(0, tops[r], width, heights[r]), stripe))
        for cell, (_, laid) in zip(row.cells, laid_rows[r]):
            out.add(laid, xs[cell.column] + PAD_X, _cell_top(r, cell.rowspan, laid, tops, head_n, head_bottom))
    if head_n:
        out.items += _spanner_rules(all_rows[:head_n], xs, tops, head_bottom, rule)
        out.items.append(RuleLine(0, head_bottom, width, head_bottom, rule, 1.0))
    if block.foot:
        foot_top = tops[head_n + body_n]
        out.items.append(RuleLine(0, foot_top, width, foot_top, rule, 0.5))
    out.items.append(RuleLine(0, y, width, y, rule, 1.0))
    # the part after a cut starts with the caption "(continued)" and the header rows again, drawn as
    # pagination artifacts
    if head_n:
        header = _header_again(all_rows[:head_n], laid_rows, xs, tops, head_bottom, width, rule)
        repeated = stacked(continued, header)
    else:
        repeated = continued
    out.rows = [(tops[r], tops[r + 1] if r + 1 < len(tops) else y, row.where) for r, row in enumerate(all_rows)
                if head_n <= r < head_n + body_n]  # for the message when a row cannot fit a region
    out.breaks += _row_breaks(block, ctx, all_rows, tops, repeated)
    if block.notes:
        notes = notes_block(block.notes, "small", width, ctx)
        out.add(notes, 0, y + 4)
        y += 4 + notes.height
    out.height = y
    return out


def _cell_top(r: int, rowspan: int, laid: Laid, tops: list[float], head_n: int, head_bottom: float) -> float:
    """Where a cell's text starts: a body cell at its row's top; a header cell on the foot of its rows, so
    the headers of one row (and one spanning several) share the baseline above the header's rule."""
    if r >= head_n:
        return tops[r] + PAD_Y
    bottom = tops[r + rowspan] if r + rowspan < head_n else head_bottom
    return bottom - PAD_Y - laid.height


def _spanner_rules(head: Sequence[TableRow], xs: list[float], tops: list[float], head_bottom: float,
                   rule: Color) -> list[RuleLine]:
    """A hairline under each header cell that spans columns, a little short of its columns' edges (none where
    the cell reaches the header's own rule)."""
    lines = []
    for r, row in enumerate(head):
        for cell in row.cells:
            bottom = tops[r + cell.rowspan] if r + cell.rowspan < len(head) else head_bottom
            if cell.colspan > 1 and bottom < head_bottom:
                x0, x1 = xs[cell.column] + SPAN_INSET, xs[cell.column + cell.colspan] - SPAN_INSET
                lines.append(RuleLine(x0, bottom, x1, bottom, rule, 0.5))
    return lines


def _caption(block: Table, width: float, ctx: LayoutContext, out: Laid) -> tuple[float, Laid | None]:
    """The caption set on top of `out`: where the rows start, and the caption with "(continued)" as an
    artifact for the parts after a cut (None without a caption)."""
    if not block.caption:
        return 0.0, None
    cs = ctx.text_style("caption")
    cs = TextStyle(replace(cs.style, bold=True), ctx.color("primary"), cs.link_color, cs.fonts)
    caption = text_block(pieces(block.caption, cs), width, cs, ctx, block.where)
    out.add(caption, 0, 0)
    label = text_block(pieces(block.caption, cs) + plain_pieces(" " + ctx.document.words.get("continued"), None, cs),
                       width, cs, ctx, block.where)
    return caption.height + 3, as_artifact(Laid(label.height + 3, label.items))


def _header_again(head: Sequence[TableRow], laid_rows: list, xs: list[float], tops: list[float], head_bottom: float,
                  width: float, rule: Color) -> Laid:
    """The header rows and their rule again, as pagination artifacts, for the part after a cut."""
    head_top = tops[0]
    piece = Laid(0, [])
    for r, row in enumerate(head):
        for cell, (_, laid) in zip(row.cells, laid_rows[r]):
            piece.add(laid, xs[cell.column] + PAD_X, _cell_top(r, cell.rowspan, laid, tops, len(head), head_bottom)
                      - head_top)
    piece.items += [replace(line, y0=line.y0 - head_top, y1=line.y1 - head_top)
                    for line in _spanner_rules(head, xs, tops, head_bottom, rule)]
    piece.items.append(RuleLine(0, head_bottom - head_top, width, head_bottom - head_top, rule, 1.0))
    return Laid(head_bottom - head_top + 1.0, as_artifact(piece).items)


def _row_breaks(block: Table, ctx: LayoutContext, rows: Sequence[TableRow], tops: list[float],
                repeated: Laid | None) -> list[Break]:
    """Breaks after a body row (never inside a row span, never before the first body row, at least two body
    rows on each side); the part that moves on starts with `repeated` (the header rows, as artifacts)."""
    head_n, body_n = len(block.head), len(block.body)
    spans = [(r, r + c.rowspan - 1) for r, row in enumerate(rows) for c in row.cells if c.rowspan > 1]
    # the rows after the cut, at any width: the table laid out again there and cut after the same row
    return [Break(tops[r + 1], repeated, rest=_table_after(block, ctx, r), key=r)
            for r in range(head_n + 1, head_n + body_n - 2) if not any(start <= r < end for start, end in spans)]


def _table_after(block: Table, ctx: LayoutContext, row: int) -> Rest:
    return keyed(lambda w: _table(block, w, ctx), row)


def notes_block(notes: tuple[Note, ...], style: str, width: float, ctx: LayoutContext) -> Laid:
    """Each note: its marker, then its text, indented after the marker; never smaller than the output's
    smallest text (print's minimum)."""
    ts = ctx.text_style(style)
    least = ctx.document.min_text_size
    if ts.style.size < least:
        grow = least / ts.style.size
        ts = replace(ts, style=replace(ts.style, size=least, leading=ts.style.leading * grow))
    indent = ts.style.size * 1.4
    out = Laid(0, [], 4, ts.style.space_after)
    y = 0.0
    for i, note in enumerate(notes):
        label, _ = break_lines(plain_pieces(note.marker, (note, "label"), ts), indent, ts)
        text = text_block(pieces(note.runs, ts), width - indent, ts, ctx, note.where)
        if i:
            out.breaks.append(Break(y, rest=keyed(lambda w: notes_block(notes, style, w, ctx), i), key=i))
        out.add(Laid(0, list(label)), 0, y)
        out.add(text, indent, y)
        y += text.height + 1
    out.height = y - 1 if notes else 0.0
    return out


@layout_of(Notes)
def _notes(block: Notes, width: float, ctx: LayoutContext) -> Laid:
    return notes_block(block.notes, block.style, width, ctx)
