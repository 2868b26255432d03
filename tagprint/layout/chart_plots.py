"""Line charts (series by marker and a direct label at each line's end) and forest plots (an estimate and
its interval per row, with the line of no difference)."""

from __future__ import annotations

from ..model import Chart
from .blocks import LayoutContext
from .chart_marks import (MARKERS, Shapes, Words, crowded, gridlines, grid_color, legend, marker_shape,
                          plot_crowded, styles, value_label, value_top, words_height)


def lines(block: Chart, w: float, h: float, shapes: Shapes, words: Words, ctx: LayoutContext) -> None:
    caption, strong, label = styles(ctx)
    axis = block.axis
    white, grid, rule = ctx.color("white"), grid_color(ctx), ctx.color("muted")
    top = legend(block, 0, 0, shapes, words, ctx, label)
    top += value_top(block, words, caption, strong, top, 0)
    ticks = axis.ticks()
    tick_w = max(words.width(axis.tick_text(t), caption) for t in ticks)
    left = tick_w + 6
    # the series' names at the ends of their lines (direct labels), with their markers
    end_w = max(words.width(s.name, label) for s in block.series) + 18
    right = w - end_w
    n = len(block.categories)
    step_x = (right - left) / n
    cat_title = 14.0 if block.category_title else 0.0
    cat_h = max(words_height(words, c, caption, step_x - 2) for c in block.categories)
    bottom = h - cat_h - 4 - cat_title
    plot_top = top + (12 if block.value_labels else 4)
    span = axis.high - axis.low
    longest = max(words.width(word, caption) for c in block.categories for word in c.split())
    labels = [axis.text(v) for s in block.series for v in s.values]
    if plot_crowded(block, ctx, words, strong, labels, (longest + 2, step_x), step_x, bottom - plot_top):
        return

    def at(v: float) -> float:
        return bottom - (v - axis.low) / span * (bottom - plot_top)
    gridlines(shapes, words, axis, ticks, at, left, right + 6, grid, rule, caption)
    xs = [left + step_x * (j + 0.5) for j in range(n)]
    for j, cat in enumerate(block.categories):
        words.block(cat, caption, xs[j] - step_x / 2 + 1, bottom + 4, step_x - 2)
    for i, s in enumerate(block.series):
        color = ctx.color(s.color)
        points = [(x, at(v)) for x, v in zip(xs, s.values)]
        if len(points) > 1:
            shapes.polyline(points, color, 1.75)
    for i, s in enumerate(block.series):
        color = ctx.color(s.color)
        for j, (x, v) in enumerate(zip(xs, s.values)):
            marker_shape(shapes, MARKERS[i % len(MARKERS)], x, at(v), 3.4, color, white)
            if block.value_labels:
                # the highest point of a category is labelled above it, the others below (a tie: the first)
                highest = max(range(len(block.series)), key=lambda k: (block.series[k].values[j], -k))
                above = i == highest
                value_label(shapes, words, axis.text(v), strong, x, at(v) - 9 if above else at(v) + 9.5, white)
    # direct labels, pushed apart where lines end close together
    ends = sorted(((at(s.values[-1]), i) for i, s in enumerate(block.series)))
    placed: list[float] = []
    for y, i in ends:
        y = max(y, placed[-1] + label.style.leading) if placed else y
        placed.append(y)
        s = block.series[i]
        marker_shape(shapes, MARKERS[i % len(MARKERS)], right + 12, y, 3.0, ctx.color(s.color), white)
        value_label(shapes, words, s.name, label, right + 18, y, white, "start")
    if block.category_title:
        words.put(block.category_title, strong, left + (right - left) / 2, h - 6, "middle")


def forest(block: Chart, w: float, h: float, shapes: Shapes, words: Words, ctx: LayoutContext) -> None:
    caption, strong, label = styles(ctx)
    axis = block.axis
    (s,) = block.series
    color, white, grid, rule = ctx.color(s.color), ctx.color("white"), grid_color(ctx), ctx.color("muted")
    words_of = ctx.document.words  # the document's language: "0,62 (0,48 bis 0,80)"
    texts = [f"{axis.text(v)} (" + words_of.get("chart_interval", low=axis.text(lo), high=axis.text(hi)) + ")"
             for v, lo, hi in zip(s.values, s.low, s.high)]
    head_left = block.category_title
    head_right = s.name
    cat_w = min(max(words.width(c, label) for c in list(block.categories) + [head_left]) + 10, w * 0.34)
    val_w = max(words.width(t, label) for t in texts + [head_right]) + 10
    left, right = cat_w, w - val_w
    header = 16.0
    favours = 13.0 if block.favours_labels else 0.0
    titled = 13.0 if axis.title else 0.0
    bottom = h - 17 - favours - titled
    plot_top = header + 2
    words.put(head_left, strong, 0, 7)
    words.put(head_right, strong, w, 7, "end")
    shapes.line(0, header - 2, w, header - 2, rule, 0.6)
    n = len(block.categories)
    row_h = (bottom - plot_top) / n
    if (crowded(block, ctx, "rows", label.style.leading, row_h, "make the chart taller (height:)")
            or crowded(block, ctx, "plot", 60, right - left, "make the chart wider (width:) or shorten the names")):
        return

    def at(v: float) -> float:
        return left + axis.fraction(v) * (right - left)
    for t in axis.ticks():
        x = at(t)
        shapes.line(x, plot_top, x, bottom, grid, 0.6)
        shapes.line(x, bottom, x, bottom + 3, rule, 0.6)
        words.put(axis.tick_text(t), caption, x, bottom + 9, "middle")
    shapes.line(left, bottom, right, bottom, rule, 0.8)
    if block.reference is not None:
        x = at(block.reference)
        shapes.line(x, plot_top - 2, x, bottom, ctx.color("text"), 1.0)
    for j, cat in enumerate(block.categories):
        middle = plot_top + row_h * (j + 0.5)
        words.put(cat, label, 0, middle)
        words.put(texts[j], label, w, middle, "end")
        x0, x1, xe = at(s.low[j]), at(s.high[j]), at(s.values[j])
        cap = min(row_h * 0.22, 4.0)
        shapes.line(x0, middle, x1, middle, color, 1.5)
        shapes.line(x0, middle - cap, x0, middle + cap, color, 1.2)
        shapes.line(x1, middle - cap, x1, middle + cap, color, 1.2)
        r = min(row_h * 0.24, 4.2)
        shapes.rect(xe - r, middle - r, 2 * r, 2 * r, fill=color, stroke=white, line_width=0.8)
    if axis.title:
        words.put(axis.title, strong, left + (right - left) / 2, bottom + 22, "middle")
    if block.favours_labels and block.reference is not None:
        x = at(block.reference)
        words.put(block.favours_labels[0], caption, x - 4, h - 6, "end")
        words.put(block.favours_labels[1], caption, x + 4, h - 6, "start")
