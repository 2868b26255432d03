"""Chart and QR code layouts: vector shapes (a VectorBox) and their words as lines of text set by the same
code as every other text (text.py's pieces and lines, drawn by the pen), all claiming the block's Figure.

Series are told apart by more than colour (WCAG 1.4.1): bars by fill patterns (solid, hatched, cross-
hatched), lines by marker shapes and a label at each line's end, a forest plot has one series. Words are
set in the theme's caption style in its text colours (black ink only in print)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import Problem
from ..model import Chart, Color, QrCode, Rect
from .context import LayoutContext, layout_of, lay_out, text_block
from .items import Break, Laid, TextLine, VectorBox
from .text import UNBOUNDED, TextStyle, break_lines, pieces, plain_pieces

PATTERNS = ("solid", "hatch", "cross", "back")  # grouped and stacked bars, series by series
MARKERS = ("circle", "square", "triangle", "diamond")  # lines, series by series
GRID_COLORS = ("on_primary_muted", "tint")  # the first the theme has: pale gridlines


# ---- drawing calls in top-left coordinates ----------------------------------------------------------

@dataclass
class Shapes:
    """Sketch calls noted in the chart's top-left coordinates (y down) and kept in the Sketch's (y up)."""

    height: float
    calls: list[tuple[str, tuple, tuple]] = field(default_factory=list)

    def _note(self, name: str, *args: Any, **kwargs: Any) -> None:
        self.calls.append((name, args, tuple(sorted(kwargs.items()))))

    def y(self, top: float) -> float:
        return self.height - top

    def rect(self, x: float, y: float, w: float, h: float, fill: Color | None = None,
             stroke: Color | None = None, line_width: float = 1.0) -> None:
        self._note("rect", x, self.y(y + h), w, h, fill=fill, stroke=stroke, line_width=line_width)

    def line(self, x0: float, y0: float, x1: float, y1: float, color: Color, width: float,
             round_caps: bool = False) -> None:
        self._note("polyline", ((x0, self.y(y0)), (x1, self.y(y1))), color, width, round_caps)

    def polyline(self, points: list[tuple[float, float]], color: Color, width: float) -> None:
        self._note("polyline", tuple((x, self.y(y)) for x, y in points), color, width, True)

    def polygon(self, points: list[tuple[float, float]], fill: Color | None, stroke: Color | None = None,
                line_width: float = 1.0) -> None:
        self._note("polygon", tuple((x, self.y(y)) for x, y in points), fill=fill, stroke=stroke,
                   line_width=line_width)

    def circle(self, cx: float, cy: float, r: float, fill: Color | None, stroke: Color | None = None,
               line_width: float = 1.0) -> None:
        self._note("circle", cx, self.y(cy), r, fill=fill, stroke=stroke, line_width=line_width)

    def path(self, commands: list[tuple], fill: Color | None = None, stroke: Color | None = None,
             line_width: float = 1.0) -> None:
        flipped = []
        for cmd in commands:
            op, args = cmd[0], cmd[1:]
            flipped.append((op, *(v if i % 2 == 0 else self.y(v) for i, v in enumerate(args))))
        self._note("path", tuple(flipped), fill=fill, stroke=stroke, line_width=line_width)


def _hatch(x: float, y: float, w: float, h: float, spacing: float, mirrored: bool) -> list[tuple]:
    """Diagonal lines (45°) filling the rectangle, as path commands in top-left coordinates."""
    commands: list[tuple] = []
    k = -h + spacing / 2
    while k < w:
        t0, t1 = max(0.0, -k), min(h, w - k)
        if t1 > t0:
            (ax, ay), (bx, by) = (t0 + k, t0), (t1 + k, t1)  # bottom-left origin, y up, inside the box
            if mirrored:
                ax, bx = w - ax, w - bx
            commands += [("M", x + ax, y + h - ay), ("L", x + bx, y + h - by)]
        k += spacing
    return commands


def bar_shape(shapes: Shapes, x: float, y: float, w: float, h: float, color: Color, pattern: str,
              white: Color) -> None:
    """A bar (or a legend swatch) in its series' colour and pattern."""
    if w <= 0 or h <= 0:
        return
    if pattern == "solid":
        shapes.rect(x, y, w, h, fill=color)
        return
    shapes.rect(x, y, w, h, fill=white)
    spacing = 3.2
    lines = _hatch(x, y, w, h, spacing, mirrored=pattern == "back")
    if pattern == "cross":
        lines += _hatch(x, y, w, h, spacing * 1.4, mirrored=True)
    if lines:
        shapes.path(lines, stroke=color, line_width=0.9)
    inset = 0.5
    shapes.rect(x + inset, y + inset, max(w - 2 * inset, 0.1), max(h - 2 * inset, 0.1), stroke=color,
                line_width=1.0)


def marker_shape(shapes: Shapes, kind: str, cx: float, cy: float, r: float, color: Color, white: Color) -> None:
    if kind == "circle":
        shapes.circle(cx, cy, r, fill=color, stroke=white, line_width=1.0)
    elif kind == "square":
        shapes.rect(cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8, fill=color, stroke=white, line_width=1.0)
    elif kind == "triangle":
        shapes.polygon([(cx, cy - r * 1.15), (cx + r * 1.1, cy + r * 0.8), (cx - r * 1.1, cy + r * 0.8)],
                       fill=color, stroke=white, line_width=1.0)
    else:  # diamond
        shapes.polygon([(cx, cy - r * 1.25), (cx + r * 1.1, cy), (cx, cy + r * 1.25), (cx - r * 1.1, cy)],
                       fill=color, stroke=white, line_width=1.0)


# ---- words -----------------------------------------------------------------------------------------

@dataclass
class Words:
    """The chart's words: each a line set by text.py, claiming the chart's Figure."""

    tag: tuple
    where: Any
    lines: list[TextLine] = field(default_factory=list)

    def line(self, text: str, ts: TextStyle) -> TextLine:
        lines, _ = break_lines(plain_pieces(text, self.tag, ts), UNBOUNDED, ts)
        return lines[0]

    def width(self, text: str, ts: TextStyle) -> float:
        return sum(f.width for f in self.line(text, ts).fragments)

    def put(self, text: str, ts: TextStyle, x: float, middle: float, anchor: str = "start") -> float:
        """Sets `text` on one line, vertically centred on `middle`; returns its width."""
        line = self.line(text, ts)
        width = sum(f.width for f in line.fragments)
        dx = {"start": 0.0, "middle": -width / 2, "end": -width}[anchor]
        baseline = middle + ts.style.size * 0.34
        self.lines.append(replace(line, x=x + dx, baseline=baseline, where=self.where))
        return width

    def block(self, text: str, ts: TextStyle, x: float, top: float, width: float, anchor: str = "middle") -> float:
        """Sets `text` broken into lines of `width` (centred, or flush right with anchor "end"); returns
        its height."""
        lines, _ = break_lines(plain_pieces(text, self.tag, ts), width, ts)
        for line in lines:
            used = sum(f.width for f in line.fragments)
            dx = {"start": 0.0, "middle": (width - used) / 2, "end": width - used}[anchor]
            self.lines.append(replace(line, x=x + dx, baseline=top + line.baseline, where=self.where))
        return len(lines) * ts.style.leading


def _styles(ctx: LayoutContext) -> tuple[TextStyle, TextStyle, TextStyle]:
    """Ticks and category names (caption style), value labels and legend (bold, in the text colour)."""
    caption = ctx.text_style("caption")
    text = ctx.color("text")
    strong = TextStyle(replace(caption.style, bold=True, uppercase=False), text, caption.link_color, caption.fonts)
    label = TextStyle(replace(caption.style, uppercase=False), text, caption.link_color, caption.fonts)
    return caption, strong, label


def _grid_color(ctx: LayoutContext) -> Color:
    colors = ctx.document.theme.colors
    return next((colors[name] for name in GRID_COLORS if name in colors), ctx.color("muted"))


def _plot_crowded(block, ctx, words, strong, labels, names: tuple[float, float], slot: float,
                  plot_height: float) -> bool:
    """Whether the category names (`names`: needed, room), the value labels (in `slot`) or the plot itself
    do not fit: each is a problem at the chart's line (bars and lines alike)."""
    return bool(_crowded(block, ctx, "category names", names[0], names[1], WIDER)
                or (block.value_labels and _crowded(block, ctx, "value labels",
                                                    max(words.width(t, strong) for t in labels) + 2, slot,
                                                    WIDER + ", or set value_labels: false"))
                or _crowded(block, ctx, "plot", 40, plot_height, "make the chart taller (height:)"))


def _gridlines(shapes, words, axis, ticks, at, left: float, end: float, grid, rule, caption) -> None:
    """A gridline at each value tick from `left` to `end` (the zero line heavier) and its label at the left."""
    for t in ticks:
        y = at(t)
        shapes.line(left, y, end, y, grid if abs(t) > 1e-12 else rule, 0.6 if abs(t) > 1e-12 else 0.9)
        words.put(axis.tick_text(t), caption, left - 5, y, "end")


# ---- the chart ---------------------------------------------------------------------------------------

@layout_of(Chart)
def _chart(block: Chart, width: float, ctx: LayoutContext) -> Laid:
    w = min(block.width or width, width)
    h = block.height
    shapes, words = Shapes(h), Words((block, ""), block.where)
    draw = {"forest": _forest, "line": _lines}.get(block.kind, _bars)
    draw(block, w, h, shapes, words, ctx)
    out = Laid(0, [VectorBox(Rect(0, 0, w, h), tuple(shapes.calls), (block, ""))] + words.lines, 6, 10)
    y = h
    if block.source:
        ts = ctx.text_style("small")
        source = text_block(pieces(block.source, ts), w, ts, ctx, block.where)
        out.add(source, 0, y + 4)
        y += 4 + source.height
    if block.table is not None:
        table = lay_out(block.table, width, ctx)
        gap = max(10.0, table.space_before)
        # cut between the chart and its data table: the table moves on, set again at its region's width
        out.breaks.append(Break(y + gap, None, -gap, rest=lambda w: lay_out(block.table, w, ctx)))
        out.add(table, 0, y + gap)
        out.add_breaks(table, y + gap)
        y += gap + table.height
        out.space_after = max(out.space_after, table.space_after)
    out.height = y
    return out


def _crowded(block: Chart, ctx: LayoutContext, what: str, need: float, room: float, fix: str) -> bool:
    """Reports words or marks that would overlap (the chart is too small for them); True if so."""
    if need <= room + 0.01:
        return False
    ctx.problems.append(Problem(block.where, f"the chart is too small for its {what} ({need:.0f} pt needed, "
                                             f"{max(room, 0):.0f} pt there)", fix))
    return True


WIDER = "make the chart wider (width:) or taller (height:), shorten the names, or lay the bars down " \
        "(orientation: horizontal)"


def _legend(block: Chart, x: float, top: float, shapes: Shapes, words: Words, ctx: LayoutContext,
            style: TextStyle) -> float:
    """A row of swatches (the bars' patterns, the lines' markers) with the series' names; its height."""
    if not block.legend:
        return 0.0
    white = ctx.color("white")
    middle = top + 6
    for i, s in enumerate(block.series):
        color = ctx.color(s.color)
        if block.kind == "line":
            shapes.line(x, middle, x + 16, middle, color, 1.75)
            marker_shape(shapes, MARKERS[i % len(MARKERS)], x + 8, middle, 3.2, color, white)
            x += 20
        else:
            bar_shape(shapes, x, middle - 5, 10, 10, color, PATTERNS[i % len(PATTERNS)], white)
            x += 14
        x += words.put(s.name, style, x, middle) + 14
    return 18.0


def _value_top(block: Chart, words: Words, caption: TextStyle, strong: TextStyle, top: float, x: float) -> float:
    """The value axis' title above the plot, flush left; the space it takes."""
    if not block.axis.title:
        return 0.0
    words.put(block.axis.title, strong, x, top + 6)
    return 16.0


def _bars(block: Chart, w: float, h: float, shapes: Shapes, words: Words, ctx: LayoutContext) -> None:
    caption, strong, label = _styles(ctx)
    axis = block.axis
    white, grid, rule = ctx.color("white"), _grid_color(ctx), ctx.color("muted")
    top = _legend(block, 0, 0, shapes, words, ctx, label)
    top += _value_top(block, words, caption, strong, top, 0)
    ticks = axis.ticks()
    tick_w = max(words.width(axis.tick_text(t), caption) for t in ticks)
    stacked = block.kind == "stacked_bar"
    n_cat, n_ser = len(block.categories), len(block.series)
    span = axis.high - axis.low
    if not block.horizontal:
        left = tick_w + 6
        cat_title = 14.0 if block.category_title else 0.0
        group_w = (w - left) / n_cat
        cat_h = max(words_height(words, c, caption, group_w - 4) for c in block.categories)
        bottom = h - cat_h - 4 - cat_title
        plot_top = top + (12 if block.value_labels else 4)

        longest = max(words.width(word, caption) for c in block.categories for word in c.split())
        slot = group_w * 0.7 / (1 if stacked else n_ser) + group_w * (0.3 if n_ser == 1 or stacked else 0.0)
        labels = [axis.text(s.values[j]) for s in block.series for j in range(n_cat)]
        if _plot_crowded(block, ctx, words, strong, labels, (longest + 4, group_w), slot, bottom - plot_top):
            return

        def at(v: float) -> float:
            return bottom - (v - axis.low) / span * (bottom - plot_top)
        _gridlines(shapes, words, axis, ticks, at, left, w, grid, rule, caption)
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
                        _chip(shapes, words, axis.text(v), label, x0 + bar_w / 2, (y0 + y1) / 2, white)
                    level += v
                if block.value_labels:
                    _value(shapes, words, axis.text(level), strong, x0 + bar_w / 2, at(level) - 6.5, white)
            else:
                x0 = gx + (group_w - bar_w * n_ser) / 2
                for i, s in enumerate(block.series):
                    v = s.values[j]
                    y0, y1 = sorted((at(v), zero))
                    bar_shape(shapes, x0 + i * bar_w + 0.75, y0, bar_w - 1.5, y1 - y0, ctx.color(s.color),
                              PATTERNS[i % len(PATTERNS)], white)
                    if block.value_labels:
                        ly = y0 - 6.5 if v >= 0 else y1 + 6.5
                        _value(shapes, words, axis.text(v), strong, x0 + i * bar_w + bar_w / 2, ly, white)
        if block.category_title:
            words.put(block.category_title, strong, left + (w - left) / 2, h - 6, "middle")
        return
    # horizontal: categories down the left, values along the bottom
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
    if (_crowded(block, ctx, "rows", words_height(words, max(block.categories, key=len), caption, cat_w - 8),
                 row_h, WIDER.replace("wider (width:) or taller (height:)", "taller (height:)"))
            or (block.value_labels and _crowded(block, ctx, "value labels", caption.style.size, bar_room,
                                                "make the chart taller (height:), or set value_labels: false"))
            or _crowded(block, ctx, "plot", 40, right - left, "make the chart wider (width:)")):
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
                    _chip(shapes, words, text, label, (x0 + x1) / 2, y0 + bar_h / 2, white)
                level += v
            if block.value_labels:
                _value(shapes, words, axis.text(level), strong, at(level) + 4, y0 + bar_h / 2, white, "start")
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
                        _value(shapes, words, axis.text(v), strong, x1 + 4, middle, white, "start")
                    else:
                        _value(shapes, words, axis.text(v), strong, x0 - 4, middle, white, "end")


def words_height(words: Words, text: str, ts: TextStyle, width: float) -> float:
    lines, _ = break_lines(plain_pieces(text, words.tag, ts), max(width, 10.0), ts)
    return len(lines) * ts.style.leading


def _value(shapes: Shapes, words: Words, text: str, ts: TextStyle, x: float, middle: float, white: Color,
           anchor: str = "middle") -> None:
    """A value label on a white halo: gridlines and lines pass behind it, never through its letters."""
    width = words.width(text, ts)
    left = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    shapes.rect(left - 1.5, middle - ts.style.size / 2 - 1, width + 3, ts.style.size + 2, fill=white)
    words.put(text, ts, x, middle, anchor)


def _chip(shapes: Shapes, words: Words, text: str, ts: TextStyle, cx: float, cy: float, white: Color) -> None:
    """A value label on a small white panel inside a bar segment (readable on any fill or pattern)."""
    width = words.width(text, ts)
    shapes.rect(cx - width / 2 - 2, cy - ts.style.size / 2 - 1.5, width + 4, ts.style.size + 3, fill=white)
    words.put(text, ts, cx, cy, "middle")


def _lines(block: Chart, w: float, h: float, shapes: Shapes, words: Words, ctx: LayoutContext) -> None:
    caption, strong, label = _styles(ctx)
    axis = block.axis
    white, grid, rule = ctx.color("white"), _grid_color(ctx), ctx.color("muted")
    top = _legend(block, 0, 0, shapes, words, ctx, label)
    top += _value_top(block, words, caption, strong, top, 0)
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
    if _plot_crowded(block, ctx, words, strong, labels, (longest + 2, step_x), step_x, bottom - plot_top):
        return

    def at(v: float) -> float:
        return bottom - (v - axis.low) / span * (bottom - plot_top)
    _gridlines(shapes, words, axis, ticks, at, left, right + 6, grid, rule, caption)
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
                _value(shapes, words, axis.text(v), strong, x, at(v) - 9 if above else at(v) + 9.5, white)
    # direct labels, pushed apart where lines end close together
    ends = sorted(((at(s.values[-1]), i) for i, s in enumerate(block.series)))
    placed: list[float] = []
    for y, i in ends:
        y = max(y, placed[-1] + label.style.leading) if placed else y
        placed.append(y)
        s = block.series[i]
        marker_shape(shapes, MARKERS[i % len(MARKERS)], right + 12, y, 3.0, ctx.color(s.color), white)
        _value(shapes, words, s.name, label, right + 18, y, white, "start")
    if block.category_title:
        words.put(block.category_title, strong, left + (right - left) / 2, h - 6, "middle")


def _forest(block: Chart, w: float, h: float, shapes: Shapes, words: Words, ctx: LayoutContext) -> None:
    caption, strong, label = _styles(ctx)
    axis = block.axis
    (s,) = block.series
    color, white, grid, rule = ctx.color(s.color), ctx.color("white"), _grid_color(ctx), ctx.color("muted")
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
    if (_crowded(block, ctx, "rows", label.style.leading, row_h, "make the chart taller (height:)")
            or _crowded(block, ctx, "plot", 60, right - left, "make the chart wider (width:) or shorten the names")):
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


# ---- QR codes ----------------------------------------------------------------------------------------

def qr_commands(modules: tuple[tuple[bool, ...], ...], size: float) -> list[tuple]:
    """The dark modules as one path, each row's runs of dark modules one rectangle (top-left coordinates)."""
    n = len(modules)
    m = size / n
    commands: list[tuple] = []
    for r, row in enumerate(modules):
        c = 0
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            x0, x1, y0, y1 = start * m, c * m, r * m, (r + 1) * m
            commands += [("M", x0, y0), ("L", x1, y0), ("L", x1, y1), ("L", x0, y1), ("Z",)]
    return commands


@layout_of(QrCode)
def _qr(block: QrCode, width: float, ctx: LayoutContext) -> Laid:
    size = min(block.size, width)
    shapes = Shapes(size)
    shapes.rect(0, 0, size, size, fill=ctx.color("white"))  # the quiet zone stays white on a tinted panel
    shapes.path(qr_commands(block.modules, size), fill=ctx.color(block.color))
    quiet = size / len(block.modules) * _quiet_modules(block.modules)
    caption: Laid | None = None
    gap = max(8.0, 14.0 - quiet)  # the quiet zone is part of the gap to the words
    if block.caption:
        ts = ctx.text_style(block.caption_style)
        side = block.caption_position in ("left", "right")
        caption = text_block(pieces(block.caption, ts), (width - size - gap) if side else width, ts, ctx,
                             block.caption_where)
    out = Laid(0, [], 6, 10)
    code = VectorBox(Rect(0, 0, size, size), tuple(shapes.calls), (block, ""), link=block)
    if caption is None:
        total_w, h = size, size
        out.items.append(code)
    elif block.caption_position in ("left", "right"):
        used = max((line.x + sum(f.width for f in line.fragments) for line in caption.items
                    if isinstance(line, TextLine)), default=0.0)
        total_w = size + gap + used
        h = max(size, caption.height)
        cy = (h - caption.height) / 2
        if block.caption_position == "right":
            out.items.append(replace(code, box=Rect(0, (h - size) / 2, size, size)))
            out.add(caption, size + gap, cy)
        else:
            out.add(caption, 0, cy)
            out.items.insert(0, replace(code, box=Rect(used + gap, (h - size) / 2, size, size)))
    else:  # above or below: the code and each line of the caption aligned as the block is
        cap_gap = max(2.0, 8.0 - quiet)
        lines = [item for item in caption.items if isinstance(item, TextLine)]
        widths = [sum(f.width for f in line.fragments) for line in lines]
        total_w = max([size] + widths)
        share = {"left": 0.0, "center": 0.5, "right": 1.0}[block.align]
        placed = Laid(caption.height, [replace(line, x=line.x + (total_w - w) * share) if isinstance(line, TextLine)
                                       else line for line, w in zip(lines, widths)])
        code_x = (total_w - size) * share
        h = size + cap_gap + caption.height
        if block.caption_position == "below":
            out.items.append(replace(code, box=Rect(code_x, 0, size, size)))
            out.add(placed, 0, size + cap_gap)
        else:
            out.add(placed, 0, 0)
            out.items.insert(0, replace(code, box=Rect(code_x, caption.height + cap_gap, size, size)))
    shift = {"left": 0.0, "center": (width - total_w) / 2, "right": width - total_w}[block.align]
    if shift > 0:
        moved = Laid(0, [])
        moved.add(out, shift, 0)
        out.items = moved.items
    out.height = h
    return out


def _quiet_modules(modules: tuple[tuple[bool, ...], ...]) -> int:
    """The light modules around the code (the quiet zone segno added)."""
    n = 0
    while n < len(modules) and not any(modules[n]):
        n += 1
    return n
