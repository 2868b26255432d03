"""Bar charts: grouped or stacked, standing (categories along the bottom) or lying (categories down the
left); series differ by fill pattern, each bar's value labelled beside it."""

from __future__ import annotations

from ..model import Chart
from .blocks import LayoutContext
from .chart_marks import (PATTERNS, WIDER, Shapes, Words, bar_shape, chip, crowded, gridlines, grid_color,
                          legend, plot_crowded, styles, value_label, value_top, words_height)


def bars(block: Chart, w: float, h: float, shapes: Shapes, words: Words, ctx: LayoutContext) -> None:
    """Bars standing on the categories, or lying beside them (orientation: horizontal)."""
    (_lying if block.horizontal else _standing)(block, w, h, shapes, words, ctx)


def _setting(block: Chart, shapes: Shapes, words: Words, ctx: LayoutContext) -> tuple[float, float]:
    """The legend and the value axis' title drawn above the plot: the top of what follows, and the width of
    the widest tick label."""
    caption, strong, label = styles(ctx)
    top = legend(block, 0, 0, shapes, words, ctx, label)
    top += value_top(block, words, caption, strong, top, 0)
    return top, max(words.width(block.axis.tick_text(t), caption) for t in block.axis.ticks())


def _standing(block: Chart, w: float, h: float, shapes: Shapes, words: Words, ctx: LayoutContext) -> None:
    """Categories along the bottom, values up the left."""
    caption, strong, label = styles(ctx)
    axis = block.axis
    white, grid, rule = ctx.color("white"), grid_color(ctx), ctx.color("muted")
    top, tick_w = _setting(block, shapes, words, ctx)
    ticks = axis.ticks()
    stacked = block.kind == "stacked_bar"
    n_cat, n_ser = len(block.categories), len(block.series)
    span = axis.high - axis.low
    left = tick_w + 6
    cat_title = 14.0 if block.category_title else 0.0
    group_w = (w - left) / n_cat
    cat_h = max(words_height(words, c, caption, group_w - 4) for c in block.categories)
    bottom = h - cat_h - 4 - cat_title
    plot_top = top + (12 if block.value_labels else 4)

    longest = max(words.width(word, caption) for c in block.categories for word in c.split())
    slot = group_w * 0.7 / (1 if stacked else n_ser) + group_w * (0.3 if n_ser == 1 or stacked else 0.0)
    labels = [axis.text(s.values[j]) for s in block.series for j in range(n_cat)]
    if plot_crowded(block, ctx, words, strong, labels, (longest + 4, group_w), slot, bottom - plot_top):
        return

    def at(v: float) -> float:
        return bottom - (v - axis.low) / span * (bottom - plot_top)
    gridlines(shapes, words, axis, ticks, at, left, w, grid, rule, caption)
    zero = at(min(max(0.0, axis.low), axis.high))
    for j, cat in enumerate(block.categories):
        gx = left + j * group_w
        words.block(cat, caption, gx + 2, bottom + 4, group_w - 4)
        inner = group_w * 0.7
        bar_w = min(inner if stacked else inner / n_ser, 46.0)
        if stacked:
            x0 = gx + (group_w - bar_w) / 2
            level = 0.0
            for i, s in enumerate(block.series):
                v = s.values[j]
                y0, y1 = at(level + v), at(level)
                bar_shape(shapes, x0, y0, bar_w, y1 - y0, ctx.color(s.color), PATTERNS[i % len(PATTERNS)], white)
                if block.value_labels and y1 - y0 >= caption.style.size + 4 and v:
                    chip(shapes, words, axis.text(v), label, x0 + bar_w / 2, (y0 + y1) / 2, white)
                level += v
            if block.value_labels:
                value_label(shapes, words, axis.text(level), strong, x0 + bar_w / 2, at(level) - 6.5, white)
        else:
            x0 = gx + (group_w - bar_w * n_ser) / 2
            for i, s in enumerate(block.series):
                v = s.values[j]
                y0, y1 = sorted((at(v), zero))
                bar_shape(shapes, x0 + i * bar_w + 0.75, y0, bar_w - 1.5, y1 - y0, ctx.color(s.color),
                          PATTERNS[i % len(PATTERNS)], white)
                if block.value_labels:
                    ly = y0 - 6.5 if v >= 0 else y1 + 6.5
                    value_label(shapes, words, axis.text(v), strong, x0 + i * bar_w + bar_w / 2, ly, white)
    if block.category_title:
        words.put(block.category_title, strong, left + (w - left) / 2, h - 6, "middle")


def _lying(block: Chart, w: float, h: float, shapes: Shapes, words: Words, ctx: LayoutContext) -> None:
    """Categories down the left, values along the bottom."""
    caption, strong, label = styles(ctx)
    axis = block.axis
    white, grid, rule = ctx.color("white"), grid_color(ctx), ctx.color("muted")
    top, tick_w = _setting(block, shapes, words, ctx)
    ticks = axis.ticks()
    stacked = block.kind == "stacked_bar"
    n_cat, n_ser = len(block.categories), len(block.series)
    span = axis.high - axis.low
    cat_w = min(max(words.width(c, caption) for c in block.categories) + 8, w * 0.35)
    left = cat_w
    if block.category_title:
        words.put(block.category_title, strong, 0, top + 6)
        top += 16 if not block.axis.title else 0
    right = w - (max(words.width(axis.tick_text(t), strong) for t in ticks) + 4 if block.value_labels else tick_w / 2)
    bottom = h - 16
    plot_top = top + 2
    row_h = (bottom - plot_top) / n_cat
    bar_room = row_h * 0.72 / (1 if stacked else n_ser)
    if (crowded(block, ctx, "rows", words_height(words, max(block.categories, key=len), caption, cat_w - 8),
                row_h, WIDER.replace("wider (width:) or taller (height:)", "taller (height:)"))
            or (block.value_labels and crowded(block, ctx, "value labels", caption.style.size, bar_room,
                                               "make the chart taller (height:), or set value_labels: false"))
            or crowded(block, ctx, "plot", 40, right - left, "make the chart wider (width:)")):
        return

    def at(v: float) -> float:
        return left + (v - axis.low) / span * (right - left)
    for t in ticks:
        x = at(t)
        shapes.line(x, plot_top, x, bottom, grid if abs(t) > 1e-12 else rule, 0.6 if abs(t) > 1e-12 else 0.9)
        words.put(axis.tick_text(t), caption, x, bottom + 8, "middle")
    zero = at(min(max(0.0, axis.low), axis.high))
    for j, cat in enumerate(block.categories):
        gy = plot_top + j * row_h
        words.block(cat, caption, 0, gy + row_h / 2 - caption.style.leading / 2, cat_w - 8, "end")
        inner = row_h * 0.72
        bar_h = min(inner if stacked else inner / n_ser, 30.0)
        if stacked:
            y0 = gy + (row_h - bar_h) / 2
            level = 0.0
            for i, s in enumerate(block.series):
                v = s.values[j]
                x0, x1 = at(level), at(level + v)
                bar_shape(shapes, x0, y0, x1 - x0, bar_h, ctx.color(s.color), PATTERNS[i % len(PATTERNS)], white)
                text = axis.text(v)
                if block.value_labels and v and x1 - x0 >= words.width(text, label) + 6 and bar_h >= caption.style.size + 3:
                    chip(shapes, words, text, label, (x0 + x1) / 2, y0 + bar_h / 2, white)
                level += v
            if block.value_labels:
                value_label(shapes, words, axis.text(level), strong, at(level) + 4, y0 + bar_h / 2, white, "start")
        else:
            y0 = gy + (row_h - bar_h * n_ser) / 2
            for i, s in enumerate(block.series):
                v = s.values[j]
                x0, x1 = sorted((at(v), zero))
                bar_shape(shapes, x0, y0 + i * bar_h + 0.75, x1 - x0, bar_h - 1.5, ctx.color(s.color),
                          PATTERNS[i % len(PATTERNS)], white)
                if block.value_labels:
                    middle = y0 + i * bar_h + bar_h / 2
                    if v >= 0:
                        value_label(shapes, words, axis.text(v), strong, x1 + 4, middle, white, "start")
                    else:
                        value_label(shapes, words, axis.text(v), strong, x0 - 4, middle, white, "end")
