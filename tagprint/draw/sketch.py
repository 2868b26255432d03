"""Vector primitives in an illustration's own coordinates (points, origin bottom-left, y up), drawn
through the pen: colours through its palette, text through its glyph runs. A Sketch is only handed out by
`Pen.sketch` and `Pen.drawing`, inside marked content or an artifact."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

from reportlab.lib.colors import CMYKColorSep
from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from ..model import Color
from . import reportlab_adapter as rl

if TYPE_CHECKING:
    from ..profiles.press import PressInk
    from .pen import Pen

Point = tuple[float, float]


@dataclass
class Sketch:
    """Vector primitives in an illustration's own coordinates (points, origin bottom-left, y up)."""

    pen: "Pen"
    width: float
    height: float

    @property
    def _c(self) -> Canvas:
        return self.pen.canvas

    def polygon(self, points: Sequence[Point], fill: Color | None = None, stroke: Color | None = None,
                line_width: float = 1.0, alpha: float = 1.0) -> None:
        p = self._c.beginPath()
        p.moveTo(*points[0])
        for pt in points[1:]:
            p.lineTo(*pt)
        p.close()
        self._paint(p, fill, stroke, line_width, alpha)

    def polyline(self, points: Sequence[Point], stroke: Color, line_width: float = 1.0, round_caps: bool = True) -> None:
        p = self._c.beginPath()
        p.moveTo(*points[0])
        for pt in points[1:]:
            p.lineTo(*pt)
        self._c.setLineCap(1 if round_caps else 0)
        self._c.setLineJoin(1)
        self._paint(p, None, stroke, line_width, 1.0)

    def curve(self, start: Point, c1: Point, c2: Point, end: Point, stroke: Color, line_width: float = 1.0) -> None:
        p = self._c.beginPath()
        p.moveTo(*start)
        p.curveTo(*c1, *c2, *end)
        self._c.setLineCap(1)
        self._paint(p, None, stroke, line_width, 1.0)

    def path(self, commands: Sequence[tuple], fill: Color | None = None, stroke: Color | None = None,
             line_width: float = 1.0, alpha: float = 1.0, within: Sequence[tuple] = ()) -> None:
        """A path from commands: ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y), ("Z",), ("R", x, y, w, h)
        (a whole rectangle); painted only
        inside the path `within`, when one is given: inside any of its subpaths that run the same way
        round (the nonzero rule: where two overlap, the overlap is inside, not cut out)."""
        if not within:
            self._paint(rl.path_object(commands), fill, stroke, line_width, alpha)
            return
        c = self._c
        c.saveState()
        c.clipPath(rl.path_object(within), stroke=0, fill=0, fillMode=FILL_NON_ZERO)
        self._paint(rl.path_object(commands), fill, stroke, line_width, alpha)
        c.restoreState()

    def circle(self, cx: float, cy: float, r: float, fill: Color | None = None, stroke: Color | None = None,
               line_width: float = 1.0, alpha: float = 1.0) -> None:
        p = self._c.beginPath()
        p.circle(cx, cy, r)
        self._paint(p, fill, stroke, line_width, alpha)

    def ellipse(self, x0: float, y0: float, x1: float, y1: float, fill: Color | None = None,
                stroke: Color | None = None, line_width: float = 1.0, alpha: float = 1.0) -> None:
        p = self._c.beginPath()
        p.ellipse(x0, y0, x1 - x0, y1 - y0)
        self._paint(p, fill, stroke, line_width, alpha)

    def rect(self, x: float, y: float, w: float, h: float, fill: Color | None = None, radius: float = 0.0,
             stroke: Color | None = None, line_width: float = 1.0, alpha: float = 1.0) -> None:
        p = self._c.beginPath()
        if radius:
            p.roundRect(x, y, w, h, radius)
        else:
            p.rect(x, y, w, h)
        self._paint(p, fill, stroke, line_width, alpha)

    def linear_gradient(self, clip: Sequence[tuple], x0: float, y0: float, x1: float, y1: float,
                        colors: Sequence[Color], stops: Sequence[float] | None = None,
                        within: Sequence[tuple] = ()) -> None:
        """Fills the path `clip` (commands as in `path`) with a linear gradient (an axial shading); inside
        the path `within` too, when one is given (a band of a larger shape)."""
        c = self._c
        c.saveState()
        if within:
            c.clipPath(rl.path_object(within), stroke=0, fill=0)
        c.clipPath(rl.path_object(clip), stroke=0, fill=0)
        # ReportLab's linearGradient, with its colour functions formatted once per process; in print,
        # stops in a spot ink keep it: the gradient runs in its Separation (or a DeviceN of the spots and
        # the process inks), so the colour prints from the same plate as the flat areas
        spot = self._spot_gradient(colors)
        if spot is not None:
            space, values = spot
        else:
            space, values = rl.normalized_colors([self.pen.color(col) for col in colors])
        rl.shade_axial(c, x0, y0, x1, y1, space, values, stops, ink_space=spot is not None)
        c.restoreState()

    def mesh_gradient(self, clip: Sequence[tuple], xs: Sequence[float], ys: Sequence[float],
                      colors: Sequence[Color], step: float = 0.0) -> None:
        """Fills the path `clip` with colour that blends smoothly both across and along: `colors[j * len(xs) +
        i]` is the colour at (xs[i], ys[j]), blended smoothly in between (a triangle mesh shading, no
        steps). With `step`, columns at most that far apart are added between the given ones, their colours
        blended straight in the output's inks (in print, between the given colours' inks: each colour in
        between converted on its own could land on other inks, in blotches). In print every point is process
        CMYK (a spot ink as its process alternate at its tint): neighbouring points in a spot ink and in
        process inks would blend through both plates at once."""
        c = self._c
        c.saveState()
        c.clipPath(rl.path_object(clip), stroke=0, fill=0)
        if self.pen.to_cmyk is not None:
            inks = [self.pen.to_cmyk(col) for col in colors]
            space: Any = "DeviceCMYK"
            values: list = [tuple(min(1.0, v * (ink.tint if ink.spot else 1.0)) for v in ink.cmyk) for ink in inks]
        else:
            space, values = rl.normalized_colors([self.pen.color(col) for col in colors])
        columns, values = _finer_columns(list(xs), len(ys), [tuple(v) for v in values], step)
        rl.shade_mesh(c, columns, ys, space, values, ink_space=False)
        c.restoreState()

    def _spot_gradient(self, colors: Sequence[Color]) -> tuple[Any, list] | None:
        """(colour space, stop values) for a print gradient with a spot ink among its stops, else None."""
        if self.pen.to_cmyk is None:
            return None
        inks = [self.pen.to_cmyk(col) for col in colors]
        spots = [spot for spot in dict.fromkeys(ink.spot for ink in inks) if spot]
        if not spots:
            return None
        separations = {}  # each spot's own Separation, as the flat areas define it
        for ink in inks:
            if ink.spot:
                separations[ink.spot] = rl.add_separation(self._c, CMYKColorSep(*ink.cmyk, spotName=ink.spot))
        alternates = {ink.spot: tuple(ink.cmyk) for ink in inks if ink.spot}
        if len(spots) == 1 and all(ink.spot or not any(ink.cmyk) for ink in inks):
            return rl.separation_reference(separations[spots[0]]), [(ink.tint if ink.spot else 0.0,) for ink in inks]
        return (rl.device_n(spots, [alternates[s] for s in spots], [separations[s] for s in spots]),
                _device_n_values(inks, spots))

    def text(self, x: float, y: float, text: str, font: str, size: float, color: Color,
             anchor: str = "start", tracking: float = 0.0) -> None:
        from ..fonts import segments_for

        # characters the font lacks are set in the fallback fonts (never a .notdef box)
        runs = [(face.name, chars, face.shape(chars)) for face, chars in segments_for(font, text)]
        width = sum(g.advance for _, _, glyphs in runs for g in glyphs) * size / 1000 + tracking * len(text)
        dx = {"start": 0.0, "middle": -width / 2, "end": -width}[anchor]
        with self.pen.overprint_black(color):
            self._c.setFillColor(self.pen.color(color))
            self.pen.show(x + dx, y, runs, size, tracking)

    def _paint(self, p: PDFPathObject, fill: Color | None, stroke: Color | None, line_width: float,
               alpha: float) -> None:
        if fill is not None:
            self.pen.fill_colour(fill, alpha)
        if stroke is not None:
            self.pen.stroke_colour(stroke, alpha)
            self._c.setLineWidth(line_width)
        self._c.drawPath(p, stroke=1 if stroke is not None else 0, fill=1 if fill is not None else 0)


def _finer_columns(xs: list[float], rows: int, values: list[tuple], step: float) -> tuple[list[float], list[tuple]]:
    """Columns at most `step` apart between the given ones (none added when `step` is 0), each row's values
    blended straight between its given neighbours'."""
    if step <= 0:
        return xs, values
    cols = len(xs)
    parts = [max(1, math.ceil((b - a) / step)) if values[i] != values[i + 1] or rows > 1 else 1
             for i, (a, b) in enumerate(zip(xs, xs[1:]))]
    out_x = [xs[0]] + [a + (b - a) * k / n for a, b, n in zip(xs, xs[1:], parts) for k in range(1, n + 1)]
    out_v: list[tuple] = []
    for j in range(rows):
        row = values[j * cols:(j + 1) * cols]
        out_v.append(row[0])
        for (a, b), n in zip(zip(row, row[1:]), parts):
            out_v += [tuple(x + (y - x) * k / n for x, y in zip(a, b)) for k in range(1, n + 1)]
    return out_x, out_v


def _device_n_values(inks: Sequence[PressInk], spots: list[str]) -> list[tuple[float, ...]]:
    """Each stop in a DeviceN of `spots` and the process inks: a spot stop its tint in its own channel, a
    process stop its CMYK."""
    values = []
    for ink in inks:
        tints = [ink.tint if ink.spot == spot else 0.0 for spot in spots]
        values.append(tuple(tints) + ((0.0,) * 4 if ink.spot else tuple(ink.cmyk)))
    return values
