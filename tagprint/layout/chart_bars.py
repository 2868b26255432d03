"""Bar charts: grouped or stacked, standing (categories along the bottom) or lying (categories down the
left); series differ by fill pattern, each bar's value labelled beside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..model import Chart, Color
from .context import LayoutContext
from .chart_marks import (PATTERNS, WIDER, Shapes, Words, bar_shape, chip, clear_of, crowded, gridlines, grid_color,
                          legend, plot_crowded, styles, value_label, value_top, words_height)
from .text import TextStyle


def bars(block: Chart, w: float, h: float, shapes: Shapes, words: Words, ctx: LayoutContext) -> None:
    """Bars standing on the categories, or lying beside them (orientation: horizontal)."""
    (_lying if block.horizontal else _standing)(_Bars.of(block, shapes, words, ctx), w, h)


@dataclass
class _Bars:
    """What drawing the bars of one chart needs: where to draw, its words' styles, its colours."""

    block: Chart
    shapes: Shapes
    words: Words
    ctx: LayoutContext
    caption: TextStyle  # ticks and category names
    strong: TextStyle   # value labels
    label: TextStyle    # legend, values inside stacked segments
    white: Color
    at: Callable[[float], float] = float  # a value's place along the value axis (set once the plot is known)
    grid: list[float] = field(default_factory=list)  # the gridlines' places along the value axis
    width: float = 0.0  # the chart's

    @classmethod
    def of(cls, block: Chart, shapes: Shapes, words: Words, ctx: LayoutContext) -> "_Bars":
        caption, strong, label = styles(ctx)
        return cls(block, shapes, words, ctx, caption, strong, label, ctx.color("white"))

    @property
    def stacked(self) -> bool:
        return self.block.kind == "stacked_bar"

    def head(self) -> tuple[float, float]:
        """The legend and the value axis' title drawn above the plot: the top of what follows, and the width
        of the widest tick label."""
        top = legend(self.block, 0, 0, self.shapes, self.words, self.ctx, self.label)
        top += value_top(self.block, self.words, self.caption, self.strong, top, 0)
        axis = self.block.axis
        return top, max(self.words.width(axis.tick_text(t), self.caption) for t in axis.ticks())

    def total_text(self, j: int) -> str:
        """Category j's total as drawn after (or on top of) its stack: "Total 33%", named, so it is not read
        as the last segment's value."""
        total = sum(s.values[j] for s in self.block.series)
        return f"{self.ctx.document.words.get('chart_total_header')} {self.block.axis.text(total)}"

    def fits(self, i: int, j: int, along: float, across: float) -> bool:
        """Whether series i's segment of stack j (`along` the value axis, `across` it, in pt) holds its value's
        chip; a segment that does not is named with its value outside the stack (`outside`)."""
        text = self.block.axis.text(self.block.series[i].values[j])
        if self.block.horizontal:
            return along >= self.words.width(text, self.label) + 6 and across >= self.caption.style.size + 3
        return along >= self.caption.style.size + 4

    def small(self, j: int, sizes: list[tuple[float, float]]) -> list[int]:
        """The series whose (non-zero) segments of stack j are too small for their chips."""
        return [i for i, (s, (along, across)) in enumerate(zip(self.block.series, sizes))
                if s.values[j] and not self.fits(i, j, along, across)]

    def outside_text(self, i: int, j: int) -> str:
        """A small segment's label outside its stack: its series named, as the chip inside cannot be
        ("Severe 2%")."""
        s = self.block.series[i]
        return f"{s.name} {self.block.axis.text(s.values[j])}"

    def total(self, j: int, x: float, middle: float, bar: float, away: int = -1, anchor: str = "middle") -> None:
        """Category j's total, in the regular weight of the segments' values (the bold is for single values)."""
        if self.block.value_labels:
            self.label_at(self.total_text(j), self.label, x, middle, bar, away, anchor)

    def label_at(self, text: str, ts: TextStyle, x: float, middle: float, bar: float, away: int,
                 anchor: str = "middle") -> float:
        """A label beside a bar `bar` thick: above (away -1) or below (+1) a standing bar, centred; after (+1,
        anchor "start") or before (-1, "end") a lying one. Moved a little further that way where a gridline
        would cross it; where that would part it from its bar, it stays, on a knock-out as wide (tall) as the
        bar. Returns the middle (standing) or the x (lying) it is set at."""
        width = self.words.width(text, ts)
        if anchor == "middle":
            moved = clear_of(self.grid, middle, ts.style.size / 2 + 1, away)
            if moved is None:
                value_label(self.shapes, self.words, text, ts, x, middle, self.white, anchor, wide=bar + 2)
                return middle
            value_label(self.shapes, self.words, text, ts, x, moved, self.white, anchor)
            return moved
        shifted = clear_of(self.grid, x + away * width / 2, width / 2 + 1.5, away)
        start = None if shifted is None else shifted - away * width / 2
        if start is None or start - (width if away < 0 else 0) < 0 or start + (width if away > 0 else 0) > self.width:
            value_label(self.shapes, self.words, text, ts, x, middle, self.white, anchor, wide=width + 8, tall=bar)
            return x
        value_label(self.shapes, self.words, text, ts, start, middle, self.white, anchor)
        return start

    def bar(self, i: int, x: float, y: float, w: float, h: float) -> None:
        """Series i's bar (or segment) in its colour and pattern."""
        s = self.block.series[i]
        bar_shape(self.shapes, x, y, w, h, self.ctx.color(s.color), PATTERNS[i % len(PATTERNS)], self.white)

    def value(self, v: float, x: float, middle: float, bar: float, away: int, anchor: str = "middle") -> None:
        if self.block.value_labels:
            self.label_at(self.block.axis.text(v), self.strong, x, middle, bar, away, anchor)


def _standing(b: _Bars, w: float, h: float) -> None:
    """Categories along the bottom, values up the left."""
    block, words, axis = b.block, b.words, b.block.axis
    top, tick_w = b.head()
    n_cat, n_ser = len(block.categories), len(block.series)
    left = tick_w + 6
    cat_title = 14.0 if block.category_title else 0.0
    group_w = (w - left) / n_cat
    cat_h = max(words_height(words, c, b.caption, group_w - 4) for c in block.categories)
    bottom = h - cat_h - 4 - cat_title
    plot_top = top + (12 if block.value_labels else 4)
    plot_top += _room_above_stacks(b, bottom - plot_top)
    longest = max(words.width(word, b.caption) for c in block.categories for word in c.split())
    slot = group_w * 0.7 / (1 if b.stacked else n_ser) + group_w * (0.3 if n_ser == 1 or b.stacked else 0.0)
    labels = [axis.text(s.values[j]) for s in block.series for j in range(n_cat)]
    if plot_crowded(block, b.ctx, words, b.strong, labels, (longest + 4, group_w), slot, bottom - plot_top):
        return
    span = axis.high - axis.low
    b.at = lambda v: bottom - (v - axis.low) / span * (bottom - plot_top)
    b.grid = [b.at(t) for t in axis.ticks()]
    gridlines(b.shapes, words, axis, axis.ticks(), b.at, left, w, grid_color(b.ctx), b.ctx.color("muted"),
              b.caption)
    for j, cat in enumerate(block.categories):
        gx = left + j * group_w
        words.block(cat, b.caption, gx + 2, bottom + 4, group_w - 4)
        inner = group_w * 0.7
        bar_w = min(inner if b.stacked else inner / n_ser, 46.0)
        (_standing_stack if b.stacked else _standing_group)(b, j, gx, group_w, bar_w)
    if block.category_title:
        words.put(block.category_title, b.strong, left + (w - left) / 2, h - 6, "middle")


def _room_above_stacks(b: _Bars, plot_height: float) -> float:
    """A line above the plot per small segment named over its stack (standing stacks with value labels)."""
    block = b.block
    if not (block.value_labels and b.stacked):
        return 0.0
    scale = plot_height / (block.axis.high - block.axis.low)
    return b.label.style.leading * max(len(b.small(j, [(s.values[j] * scale, 0.0) for s in block.series]))
                                       for j in range(len(block.categories)))


def _standing_stack(b: _Bars, j: int, gx: float, group_w: float, bar_w: float) -> None:
    """Category j's segments one on another, each value in a chip where it fits, the total on top; a segment
    too small for its chip is named with its value above the stack, under the total ("Severe 2%")."""
    x0 = gx + (group_w - bar_w) / 2
    middle = x0 + bar_w / 2
    level = 0.0
    spans = []
    for i, s in enumerate(b.block.series):
        v = s.values[j]
        y0, y1 = b.at(level + v), b.at(level)
        b.bar(i, x0, y0, bar_w, y1 - y0)
        spans.append((y1 - y0, bar_w))
        if b.block.value_labels and v and b.fits(i, j, y1 - y0, bar_w):
            chip(b.shapes, b.words, b.block.axis.text(v), b.label, middle, (y0 + y1) / 2, b.white)
        level += v
    above = b.at(level) - 6.5
    if b.block.value_labels:
        for i in b.small(j, spans)[::-1]:
            above = b.label_at(b.outside_text(i, j), b.label, middle, above, bar_w, -1) - b.label.style.leading
    b.total(j, middle, above, bar_w)


def _standing_group(b: _Bars, j: int, gx: float, group_w: float, bar_w: float) -> None:
    """Category j's bars side by side from the zero line, each value above (below, if negative) its bar."""
    axis = b.block.axis
    zero = b.at(min(max(0.0, axis.low), axis.high))
    x0 = gx + (group_w - bar_w * len(b.block.series)) / 2
    for i, s in enumerate(b.block.series):
        v = s.values[j]
        y0, y1 = sorted((b.at(v), zero))
        b.bar(i, x0 + i * bar_w + 0.75, y0, bar_w - 1.5, y1 - y0)
        b.value(v, x0 + i * bar_w + bar_w / 2, y0 - 6.5 if v >= 0 else y1 + 6.5, bar_w - 1.5, -1 if v >= 0 else 1)


def _lying(b: _Bars, w: float, h: float) -> None:
    """Categories down the left, values along the bottom."""
    block, words, axis = b.block, b.words, b.block.axis
    top, tick_w = b.head()
    ticks = axis.ticks()
    n_cat, n_ser = len(block.categories), len(block.series)
    cat_w = min(max(words.width(c, b.caption) for c in block.categories) + 8, w * 0.35)
    left = cat_w
    if block.category_title:
        words.put(block.category_title, b.strong, 0, top + 6)
        top += 16 if not block.axis.title else 0
    right = w - (max(words.width(axis.tick_text(t), b.strong) for t in ticks) + 4 if block.value_labels
                 else tick_w / 2)
    bottom = h - 16
    plot_top = top + 2
    row_h = (bottom - plot_top) / n_cat
    if block.value_labels and b.stacked:  # room after the longest stack for its "Severe 2%  Total 33%"
        right = _stacks_right(b, left, w, right, min(row_h * 0.72, 30.0))
    if _lying_crowded(b, cat_w, row_h, row_h * 0.72 / (1 if b.stacked else n_ser), right - left):
        return
    span = axis.high - axis.low
    b.at = lambda v: left + (v - axis.low) / span * (right - left)
    b.grid, b.width = [b.at(t) for t in ticks], w
    grid, rule = grid_color(b.ctx), b.ctx.color("muted")
    for t in ticks:
        x = b.at(t)
        b.shapes.line(x, plot_top, x, bottom, grid if abs(t) > 1e-12 else rule, 0.6 if abs(t) > 1e-12 else 0.9)
        words.put(axis.tick_text(t), b.caption, x, bottom + 8, "middle")
    for j, cat in enumerate(block.categories):
        gy = plot_top + j * row_h
        words.block(cat, b.caption, 0, gy + row_h / 2 - b.caption.style.leading / 2, cat_w - 8, "end")
        inner = row_h * 0.72
        bar_h = min(inner if b.stacked else inner / n_ser, 30.0)
        (_lying_stack if b.stacked else _lying_group)(b, j, gy, row_h, bar_h)


def _stacks_right(b: _Bars, left: float, w: float, right: float, bar_h: float) -> float:
    """The furthest right the plot may end for every stack's words after it (its small segments' labels and
    its total) to fit. A narrower plot makes segments smaller, so this is settled in a few rounds."""
    axis = b.block.axis
    span = axis.high - axis.low
    totals = _totals_width(b)
    for _ in range(4):
        scale = (right - left) / span
        ends = []
        for j in range(len(b.block.categories)):
            sizes = [(s.values[j] * scale, bar_h) for s in b.block.series]
            after = sum(b.words.width(b.outside_text(i, j), b.label) + _APART for i in b.small(j, sizes))
            share = (sum(s.values[j] for s in b.block.series) - axis.low) / span
            room = w - left - after - totals - _APART - 4  # where the stack may end
            ends.append(left + room / share if share > 0 else w)
        settled = min([right] + ends)
        if abs(settled - right) < 0.01:
            break
        right = settled
    return right


def _lying_crowded(b: _Bars, cat_w: float, row_h: float, bar_room: float, plot_w: float) -> bool:
    """Whether the rows, the value labels or the plot do not fit (each a problem at the chart's line)."""
    block, caption = b.block, b.caption
    return bool(crowded(block, b.ctx, "rows", words_height(b.words, max(block.categories, key=len), caption,
                                                           cat_w - 8),
                        row_h, WIDER.replace("wider (width:) or taller (height:)", "taller (height:)"))
                or (block.value_labels and crowded(block, b.ctx, "value labels", caption.style.size, bar_room,
                                                   "make the chart taller (height:), or set value_labels: false"))
                or crowded(block, b.ctx, "plot", 40, plot_w, "make the chart wider (width:)"))


def _lying_stack(b: _Bars, j: int, gy: float, row_h: float, bar_h: float) -> None:
    """Category j's segments end to end, each value in a chip where it fits, the total after them; a segment
    too small for its chip is named with its value right after the stack, before the total ("Severe 2%")."""
    y0 = gy + (row_h - bar_h) / 2
    middle = y0 + bar_h / 2
    level = 0.0
    spans = []
    for i, s in enumerate(b.block.series):
        v = s.values[j]
        x0, x1 = b.at(level), b.at(level + v)
        b.bar(i, x0, y0, x1 - x0, bar_h)
        spans.append((x1 - x0, bar_h))
        if b.block.value_labels and v and b.fits(i, j, x1 - x0, bar_h):
            chip(b.shapes, b.words, b.block.axis.text(v), b.label, (x0 + x1) / 2, middle, b.white)
        level += v
    x = b.at(level) + 4
    if b.block.value_labels:
        texts = [b.outside_text(i, j) for i in b.small(j, spans)]
        widths = [b.words.width(t, b.label) for t in texts]
        # one white halo under the run, as tall as the bar: a gridline stops at the bar's edges, as it does
        # behind the bar, not at the letters'
        tall = max(b.label.style.size + 2, bar_h)
        if texts:
            b.shapes.rect(x - 1.5, middle - tall / 2, sum(widths) + _APART * (len(texts) - 1) + 3, tall,
                          fill=b.white)
        for text, width in zip(texts, widths):
            b.words.put(text, b.label, x, middle)
            x += width + _APART
        # the total in a column of its own at the chart's right edge, clear of the stack's labels
        total = b.total_text(j)
        b.words.put(total, b.label, b.width, middle, "end")


_APART = 10.0  # between a small segment's outside label and the next one
_TOTALS_APART = 14.0  # before the totals' own column, right-aligned at the chart's edge


def _totals_width(b: _Bars) -> float:
    """The width of the totals' column ("Total 33%"), and the space kept before it."""
    return max(b.words.width(b.total_text(j), b.label) for j in range(len(b.block.categories))) + _TOTALS_APART


def _lying_group(b: _Bars, j: int, gy: float, row_h: float, bar_h: float) -> None:
    """Category j's bars one under another from the zero line, each value after (before, if negative) it."""
    axis = b.block.axis
    zero = b.at(min(max(0.0, axis.low), axis.high))
    y0 = gy + (row_h - bar_h * len(b.block.series)) / 2
    for i, s in enumerate(b.block.series):
        v = s.values[j]
        x0, x1 = sorted((b.at(v), zero))
        b.bar(i, x0, y0 + i * bar_h + 0.75, x1 - x0, bar_h - 1.5)
        row_middle = y0 + i * bar_h + bar_h / 2
        if v >= 0:
            b.value(v, x1 + 4, row_middle, bar_h - 1.5, 1, "start")
        else:
            b.value(v, x0 - 4, row_middle, bar_h - 1.5, -1, "end")
