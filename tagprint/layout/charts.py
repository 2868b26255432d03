"""Chart layouts: vector shapes (a VectorBox) and their words as lines of text set by the same code as every
other text (text.py's pieces and lines, drawn by the pen), all claiming the block's Figure; then the source
line and the data table. Each kind of chart is drawn by its entry in PLOTS (chart_bars.py, chart_plots.py,
with the marks and words of chart_marks.py).

Series are told apart by more than colour (WCAG 1.4.1): bars by fill patterns (solid, hatched, cross-
hatched), lines by marker shapes and a label at each line's end, a forest plot has one series. Words are
set in the theme's caption style in its text colours (black ink only in print)."""

from __future__ import annotations

from typing import Callable

from ..model import Chart, Rect
from . import qr as _qr  # noqa: F401  (registers the QR code layout)
from .context import LayoutContext, layout_of, lay_out, text_block
from .chart_bars import bars
from .chart_marks import Shapes, Words
from .chart_plots import forest, lines
from .items import Break, Item, Laid, VectorBox
from .text import pieces

# each kind of chart: the function drawing its plot into (block, width, height, shapes, words, context)
PLOTS: dict[str, Callable[[Chart, float, float, Shapes, Words, LayoutContext], None]] = {
    "bar": bars, "stacked_bar": bars, "line": lines, "forest": forest,
}


@layout_of(Chart)
def _chart(block: Chart, width: float, ctx: LayoutContext) -> Laid:
    w = min(block.width or width, width)
    h = block.height
    shapes, words = Shapes(h), Words((block, ""), block.where)
    PLOTS[block.kind](block, w, h, shapes, words, ctx)
    items: list[Item] = [VectorBox(Rect(0, 0, w, h), tuple(shapes.calls), (block, "")), *words.lines]
    out = Laid(0, items, 6, 10)
    y = h
    if block.source:
        ts = ctx.text_style("small")
        source = text_block(pieces(block.source, ts), w, ts, ctx, block.where)
        out.add(source, 0, y + 4)
        y += 4 + source.height
    data = block.table
    if data is not None:
        table = lay_out(data, width, ctx)
        gap = max(10.0, table.space_before)
        # cut between the chart and its data table: the table moves on, set again at its region's width
        out.breaks.append(Break(y + gap, None, -gap, rest=lambda w: lay_out(data, w, ctx)))
        out.add(table, 0, y + gap)
        out.add_breaks(table, y + gap)
        y += gap + table.height
        out.space_after = max(out.space_after, table.space_after)
    out.height = y
    return out
