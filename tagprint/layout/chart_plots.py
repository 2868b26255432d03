"""Line charts (series by marker and a direct label at each line's end) and forest plots (an estimate and
its interval per row, with the line of no difference)."""

from __future__ import annotations

import re
from typing import Callable, Sequence

from ..model import Chart, Color
from .context import LayoutContext
from .text import TextStyle
from .chart_marks import (MARKERS, Shapes, arrow_label, Words, clear_of, crossed, crowded, gridlines, grid_color, legend,
                          marker_shape, plot_crowded, styles, value_label, value_top, words_height)


_NUMBER = re.compile(r"^[-\u2212]?\d+(?:[.,]\d+)?$")


def category_positions(categories: Sequence[str], left: float, right: float,
                       widest: float) -> tuple[list[float], float]:
    """Where a line chart's points stand along its x axis, and the room each category's name has. Categories
    that are all numbers, in rising order (weeks 0, 4, 12, 24), stand as far apart as their values (the
    first and last inset by half the widest name); other categories are evenly spaced, each in its slot."""
    values = [float(c.replace(",", ".").replace("\u2212", "-")) if _NUMBER.match(c) else None for c in categories]
    numbers = [v for v in values if v is not None]
    if len(numbers) == len(values) > 1 and all(a < b for a, b in zip(numbers, numbers[1:])):
        inset = max(widest / 2 + 2, 18.0)  # the first point clear of the value axis' lowest tick
        low, high = numbers[0], numbers[-1]
        xs = [left + inset + (v - low) / (high - low) * (right - left - 2 * inset) for v in numbers]
        return xs, min(min(b - a for a, b in zip(xs, xs[1:])), 2 * inset)
    step = (right - left) / len(categories)
    return [left + step * (j + 0.5) for j in range(len(categories))], step


def lines(block: Chart, w: float, h: float, shapes: Shapes, words: Words, ctx: LayoutContext) -> None:
    caption, strong, label = styles(ctx)
    axis = block.axis
    grid, rule = grid_color(ctx), ctx.color("muted")
    top = legend(block, 0, 0, shapes, words, ctx, label)
    top += value_top(block, words, caption, strong, top, 0)
    ticks = axis.ticks()
    tick_w = max(words.width(axis.tick_text(t), caption) for t in ticks)
    left = tick_w + 6
    # the series' names at the ends of their lines (direct labels), with their markers
    end_w = max(words.width(s.name, label) for s in block.series) + 18
    right = w - end_w
    xs, room = category_positions(block.categories, left, right,
                                  max(words.width(c, caption) for c in block.categories))
    cat_title = 14.0 if block.category_title else 0.0
    cat_h = max(words_height(words, c, caption, room - 2) for c in block.categories)
    bottom = h - cat_h - 4 - cat_title
    plot_top = top + (12 if block.value_labels else 4)
    span = axis.high - axis.low
    longest = max(words.width(word, caption) for c in block.categories for word in c.split())
    labels = [axis.text(v) for s in block.series for v in s.values]
    if plot_crowded(block, ctx, words, strong, labels, (longest + 2, room), room, bottom - plot_top):
        return

    def at(v: float) -> float:
        return bottom - (v - axis.low) / span * (bottom - plot_top)
    gridlines(shapes, words, axis, ticks, at, left, right + 6, grid, rule, caption)
    for x, cat in zip(xs, block.categories):
        words.block(cat, caption, x - room / 2 + 1, bottom + 4, room - 2)
    _points(block, xs, at, shapes, words, ctx)
    _end_labels(block, right, at, shapes, words, ctx)
    if block.category_title:
        words.put(block.category_title, strong, left + (right - left) / 2, h - 6, "middle")


def _points(block: Chart, xs: list[float], at: Callable[[float], float], shapes: Shapes, words: Words,
            ctx: LayoutContext) -> None:
    """Each series' line through its points, then the markers and the value labels over every line. Every
    marker stands at its point's true y; where series share a point, their markers stand side by side,
    centred on the point's x and just apart, each filled, so each shows whole and none reads as a highlight."""
    _, strong, _ = styles(ctx)
    white = ctx.color("white")
    for s in block.series:
        points = [(x, at(v)) for x, v in zip(xs, s.values)]
        if len(points) > 1:
            shapes.polyline(points, ctx.color(s.color), 1.75)
    for j, x in enumerate(xs):
        for i, s in enumerate(block.series):
            kind, y = MARKERS[i % len(MARKERS)], at(s.values[j])
            shared, nth = _sharing(block, i, j), _ring(block, i, j)
            dx = (nth - (shared - 1) / 2) * _SIDE_BY_SIDE
            marker_shape(shapes, kind, x + dx, y, 3.4, ctx.color(s.color), white)
        if block.value_labels:
            _point_labels(block, j, x, at, shapes, words, strong, white)


_SIDE_BY_SIDE = 7.8  # between the centres of markers that share a point: two markers' width and a hair


def _sharing(block: Chart, i: int, j: int) -> int:
    """How many series (series i included) share series i's point at category j."""
    text = block.axis.text(block.series[i].values[j])
    return sum(block.axis.text(s.values[j]) == text for s in block.series)


def _ring(block: Chart, i: int, j: int) -> int:
    """How many earlier series share series i's point at category j (0: its marker is drawn filled; n: it is
    the n-th open outline around the shared point)."""
    text = block.axis.text(block.series[i].values[j])
    return sum(block.axis.text(s.values[j]) == text for s in block.series[:i])


def _point_labels(block: Chart, j: int, x: float, at: Callable[[float], float], shapes: Shapes, words: Words,
                  strong: TextStyle, white: Color) -> None:
    """Category j's values, each once (a point series share is labelled once), centred on the points' own x:
    the highest above its point, the others below theirs (above, where only that is clear of the other
    points and labels), so labels at one x never sit on each other or on a point; a point squeezed between
    two others has its label just beside it, up and to the right."""
    values = sorted({block.axis.text(s.values[j]): s.values[j] for s in block.series}.items(),
                    key=lambda tv: -tv[1])
    tall = strong.style.size + 2  # a label's halo
    marks = [(at(s.values[j]), 4.5) for s in block.series]
    placed: list[float] = []  # the middles of the labels set so far

    def free(middle: float, own: float) -> bool:
        """Whether a label there covers no other point's marker and no label set before."""
        return (all(abs(middle - y) >= tall / 2 + r for y, r in marks if abs(y - own) > 0.01)
                and all(abs(middle - m) >= tall + 1 for m in placed))

    for n, (text, v) in enumerate(values):
        shared = max(_sharing(block, i, j) for i, s in enumerate(block.series)
                     if block.axis.text(s.values[j]) == text)
        clear = 9.0  # past the markers (side by side where series share the point)
        grid = [at(t) for t in block.axis.ticks()]  # each label moved away from its point clear of these
        above, below = clear_of(grid, at(v) - clear, tall / 2, -1), clear_of(grid, at(v) + clear + 0.5, tall / 2, 1)
        above = at(v) - clear if above is None else above  # else where it was, on a wider knock-out
        below = at(v) + clear + 0.5 if below is None else below
        if n == 0 or (free(above, at(v)) and not free(below, at(v))):
            middle = above  # the highest value; or one with room above its point and none below
        elif free(below, at(v)):
            middle = below
        else:  # points too close for a label above or below: beside its marker, on its own line
            value_label(shapes, words, text, strong, x + 4.5 + (shared - 1) * _SIDE_BY_SIDE / 2, at(v) - tall / 2 - 1, white, "start")
            continue
        placed.append(middle)
        value_label(shapes, words, text, strong, x, middle, white,
                    wide=words.width(text, strong) + 8 if crossed(grid, middle, tall / 2) else 0.0)


def _end_labels(block: Chart, right: float, at: Callable[[float], float], shapes: Shapes, words: Words,
                ctx: LayoutContext) -> None:
    """The series' names at the ends of their lines, with their markers, pushed apart where lines end close
    together."""
    _, _, label = styles(ctx)
    white = ctx.color("white")
    ends = sorted(((at(s.values[-1]), i) for i, s in enumerate(block.series)))
    placed: list[float] = []
    for y, i in ends:
        y = max(y, placed[-1] + label.style.leading) if placed else y
        placed.append(y)
        s = block.series[i]
        marker_shape(shapes, MARKERS[i % len(MARKERS)], right + 12, y, 3.0, ctx.color(s.color), white)
        value_label(shapes, words, s.name, label, right + 18, y, white, "start")


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
        arrow_label(shapes, words, block.favours_labels[0], caption, x - 4, h - 6, "end")
        arrow_label(shapes, words, block.favours_labels[1], caption, x + 4, h - 6, "start")
