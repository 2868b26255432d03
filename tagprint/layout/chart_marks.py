"""The marks and words charts are drawn with: shapes noted in top-left coordinates (Shapes), bars in fill
patterns and line markers (series told apart by more than colour, WCAG 1.4.1), words set as lines of the
text engine (Words), value labels on a white halo, the legend, gridlines, and the check that reports a chart
too small for its words."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Sequence

from ..errors import Problem
from ..model import Axis, Chart, Color
from .context import LayoutContext
from .items import TextLine
from .text import UNBOUNDED, TextStyle, break_lines, plain_pieces

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


def marker_shape(shapes: Shapes, kind: str, cx: float, cy: float, r: float, color: Color, white: Color,
                 open_: bool = False) -> None:
    """A line's marker centred on (cx, cy): filled in its colour on a white edge, or (open_) an outline in its
    colour on a white ground: drawn round a point another series' filled marker shares."""
    fill, stroke, width = (white, color, 1.4) if open_ else (color, white, 1.0)
    if kind == "circle":
        shapes.circle(cx, cy, r, fill=fill, stroke=stroke, line_width=width)
    elif kind == "square":
        shapes.rect(cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8, fill=fill, stroke=stroke, line_width=width)
    elif kind == "triangle":
        shapes.polygon([(cx, cy - r * 1.15), (cx + r * 1.1, cy + r * 0.8), (cx - r * 1.1, cy + r * 0.8)],
                       fill=fill, stroke=stroke, line_width=width)
    else:  # diamond
        shapes.polygon([(cx, cy - r * 1.25), (cx + r * 1.1, cy), (cx, cy + r * 1.25), (cx - r * 1.1, cy)],
                       fill=fill, stroke=stroke, line_width=width)


# ---- words ---------------------------------------------------------------------------------------
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


ARROWS = {"\u2190": -1.0, "\u2192": 1.0}  # a label's leading or trailing arrow, and which way it points


def _has(ts: TextStyle, char: str) -> bool:
    """Whether the style's own font (not a fallback) has a glyph for `char`."""
    return ord(char) in ts.fonts.faces(ts.style.bold, ts.style.italic)[0].chars


def _arrow(shapes: Shapes, x0: float, x1: float, y: float, way: float, color: Color, size: float) -> None:
    """A drawn arrow from x0 to x1 at height y, its head at x1 (way 1) or x0 (way -1), sized to the type."""
    head, half = size * 0.42, size * 0.24
    tip, back = (x1, x1 - head) if way > 0 else (x0, x0 + head)
    tail = x0 if way > 0 else x1
    shapes.line(tail, y, back, y, color, max(0.6, size * 0.085))
    shapes.polygon([(tip, y), (back, y - half), (back, y + half)], fill=color)


def arrow_label(shapes: Shapes, words: Words, text: str, ts: TextStyle, x: float, middle: float,
                anchor: str = "start") -> float:
    """Sets a label that begins or ends with an arrow ("\u2190 Favours Drug"). When the style's own font
    has no arrow (its glyph would come from a fallback family), the arrow is drawn, in the words' colour,
    and only the words are set as text: they still say what the arrow means. Returns the width used."""
    lead = text[:1] if text[:1] in ARROWS else ""
    trail = text[-1:] if len(text) > 1 and text[-1:] in ARROWS else ""
    if all(_has(ts, c) for c in lead + trail):  # no arrow, or the font draws it
        return words.put(text, ts, x, middle, anchor)
    said = text[len(lead):len(text) - len(trail)].strip()
    size = ts.style.size
    arrow_w, gap = size * 1.15, size * 0.4
    said_w = words.width(said, ts)
    total = said_w + (arrow_w + gap) * (bool(lead) + bool(trail))
    cursor = x + {"start": 0.0, "middle": -total / 2, "end": -total}[anchor]
    y = middle + size * 0.04  # the arrow's shaft on the words' middle (the math axis)
    if lead:
        _arrow(shapes, cursor, cursor + arrow_w, y, ARROWS[lead], ts.color, size)
        cursor += arrow_w + gap
    words.put(said, ts, cursor, middle)
    if trail:
        cursor += said_w + gap
        _arrow(shapes, cursor, cursor + arrow_w, y, ARROWS[trail], ts.color, size)
    return total


def styles(ctx: LayoutContext) -> tuple[TextStyle, TextStyle, TextStyle]:
    """Ticks and category names (caption style), value labels and legend (bold, in the text colour)."""
    caption = ctx.text_style("caption")
    text = ctx.color("text")
    strong = TextStyle(replace(caption.style, bold=True, uppercase=False), text, caption.link_color, caption.fonts)
    label = TextStyle(replace(caption.style, uppercase=False), text, caption.link_color, caption.fonts)
    return caption, strong, label


def grid_color(ctx: LayoutContext) -> Color:
    colors = ctx.document.theme.colors
    return next((colors[name] for name in GRID_COLORS if name in colors), ctx.color("muted"))


def plot_crowded(block: Chart, ctx: LayoutContext, words: Words, strong: TextStyle, labels: Sequence[str],
                 names: tuple[float, float], slot: float, plot_height: float) -> bool:
    """Whether the category names (`names`: needed, room), the value labels (in `slot`) or the plot itself
    do not fit: each is a problem at the chart's line (bars and lines alike)."""
    return bool(crowded(block, ctx, "category names", names[0], names[1], WIDER)
                or (block.value_labels and crowded(block, ctx, "value labels",
                                                   max(words.width(t, strong) for t in labels) + 2, slot,
                                                   WIDER + ", or set value_labels: false"))
                or crowded(block, ctx, "plot", 40, plot_height, "make the chart taller (height:)"))


def gridlines(shapes: Shapes, words: Words, axis: Axis, ticks: Sequence[float], at: Callable[[float], float],
              left: float, end: float, grid: Color, rule: Color, caption: TextStyle) -> None:
    """A gridline at each value tick from `left` to `end` (the zero line heavier) and its label at the left."""
    for t in ticks:
        y = at(t)
        shapes.line(left, y, end, y, grid if abs(t) > 1e-12 else rule, 0.6 if abs(t) > 1e-12 else 0.9)
        words.put(axis.tick_text(t), caption, left - 5, y, "end")


def words_height(words: Words, text: str, ts: TextStyle, width: float) -> float:
    lines, _ = break_lines(plain_pieces(text, words.tag, ts), max(width, 10.0), ts)
    return len(lines) * ts.style.leading


def value_label(shapes: Shapes, words: Words, text: str, ts: TextStyle, x: float, middle: float, white: Color,
                anchor: str = "middle", wide: float = 0.0, tall: float = 0.0) -> None:
    """A value label on a white halo (a knock-out in the chart's ground): gridlines and lines pass behind it,
    never through its letters. A label a gridline would cross has a halo `wide` (centred on it) or `tall`
    as its bar, so the line stops at the bar's edges, not at the letters'."""
    width = words.width(text, ts)
    left = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    halo_w, halo_h = max(width + 3, wide), max(ts.style.size + 2, tall)
    shapes.rect(left + width / 2 - halo_w / 2, middle - halo_h / 2, halo_w, halo_h, fill=white)
    words.put(text, ts, x, middle, anchor)


NUDGE = 5.0  # the furthest a value label moves from its place to stand clear of a gridline (pt)


def clear_of(grid: Sequence[float], middle: float, half: float, away: int, pad: float = 1.5) -> float | None:
    """The middle of a label `half` its extent across the gridlines at `grid`, moved `away` (+1: down or
    right; -1: up or left) until no gridline passes within `pad` of it: a value label stands clear of the
    gridlines. None if that is more than NUDGE away (the label would part from its mark): it then stays,
    on a knock-out as wide as its bar (value_label's `across`)."""
    start = middle
    for _ in range(len(grid) + 1):
        hit = [g for g in grid if abs(g - middle) < half + pad]
        if not hit:
            break
        middle = (max(hit) if away > 0 else min(hit)) + away * (half + pad)
    return middle if abs(middle - start) <= NUDGE else None


def crossed(grid: Sequence[float], middle: float, half: float, pad: float = 1.5) -> bool:
    """Whether a gridline at `grid` passes within `pad` of a label `half` its extent across them."""
    return any(abs(g - middle) < half + pad for g in grid)


def chip(shapes: Shapes, words: Words, text: str, ts: TextStyle, cx: float, cy: float, white: Color) -> None:
    """A value label on a small white panel inside a bar segment (readable on any fill or pattern)."""
    width = words.width(text, ts)
    shapes.rect(cx - width / 2 - 2, cy - ts.style.size / 2 - 1.5, width + 4, ts.style.size + 3, fill=white)
    words.put(text, ts, cx, cy, "middle")


def crowded(block: Chart, ctx: LayoutContext, what: str, need: float, room: float, fix: str) -> bool:
    """Reports words or marks that would overlap (the chart is too small for them); True if so."""
    if need <= room + 0.01:
        return False
    ctx.problems.append(Problem(block.where, f"the chart is too small for its {what} ({need:.0f} pt needed, "
                                             f"{max(room, 0):.0f} pt there)", fix))
    return True


WIDER = "make the chart wider (width:) or taller (height:), shorten the names, or lay the bars down " \
        "(orientation: horizontal)"


def legend(block: Chart, x: float, top: float, shapes: Shapes, words: Words, ctx: LayoutContext,
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


def value_top(block: Chart, words: Words, caption: TextStyle, strong: TextStyle, top: float, x: float) -> float:
    """The value axis' title above the plot, flush left; the space it takes."""
    if not block.axis.title:
        return 0.0
    words.put(block.axis.title, strong, x, top + 6)
    return 16.0
