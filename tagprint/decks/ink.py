"""Where an illustration's ink lies inside its box: its drawing (the Sketch calls recorded for the painter,
see draw.recording) replayed onto an extent that notes how far each shape reaches. An illustration's box
keeps a little room round what it draws (for a stroke's edge, a loose tile's tilt); a slide lines its
pictures up by their ink, not by their boxes."""

from __future__ import annotations

from typing import Any, Sequence

from ..draw.recording import Drawn, recorded
from ..model import Rect

Box = tuple[float, float, float, float]  # x0, y0, x1, y1: the illustration's own coordinates, y up
CURVE_STEPS = 12  # points along each Bézier segment (its control points reach further than it does)


def _curve(p0: tuple[float, float], c1: tuple[float, float], c2: tuple[float, float],
           p1: tuple[float, float]) -> list[tuple[float, float]]:
    out = []
    for k in range(1, CURVE_STEPS + 1):
        t = k / CURVE_STEPS
        u = 1 - t
        out.append(tuple(u ** 3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t ** 3 * d
                         for a, b, c, d in zip(p0, c1, c2, p1)))
    return out  # type: ignore[return-value]  # pairs, as the points given


def _points(commands: Sequence[tuple]) -> list[tuple[float, float]]:
    """The points a path's outline passes through (commands as Sketch.path takes them)."""
    pts: list[tuple[float, float]] = []
    at = (0.0, 0.0)
    for c in commands:
        op = c[0]
        if op in ("M", "L"):
            at = (c[1], c[2])
            pts.append(at)
        elif op == "C":
            pts += _curve(at, (c[1], c[2]), (c[3], c[4]), (c[5], c[6]))
            at = (c[5], c[6])
        elif op == "R":
            pts += [(c[1], c[2]), (c[1] + c[3], c[2] + c[4])]
    return pts


def _box(pts: Sequence[tuple[float, float]], grow: float = 0.0) -> Box | None:
    if not pts:
        return None
    xs, ys = [x for x, _ in pts], [y for _, y in pts]
    return (min(xs) - grow, min(ys) - grow, max(xs) + grow, max(ys) + grow)


def _within(box: Box | None, clip: Box | None) -> Box | None:
    if box is None or clip is None:
        return box
    out = (max(box[0], clip[0]), max(box[1], clip[1]), min(box[2], clip[2]), min(box[3], clip[3]))
    return out if out[0] < out[2] and out[1] < out[3] else None


class InkExtent:
    """Stands in for a Sketch: every shape it is given widens the extent of what is drawn (a stroke by half
    its width, a fill clipped `within` a path only as far as that path; text by its size)."""

    def __init__(self, width: float, height: float):
        self.width, self.height = width, height
        self.box: Box | None = None

    def _add(self, box: Box | None) -> None:
        if box is not None:
            b = self.box
            self.box = box if b is None else (min(b[0], box[0]), min(b[1], box[1]),
                                              max(b[2], box[2]), max(b[3], box[3]))

    def path(self, commands: Sequence[tuple], fill: Any = None, stroke: Any = None, line_width: float = 1.0,
             alpha: float = 1.0, within: Sequence[tuple] = ()) -> None:
        box = _box(_points(commands), line_width / 2 if stroke is not None else 0.0)
        self._add(_within(box, _box(_points(within))) if within else box)

    def polygon(self, points: Sequence[tuple[float, float]], fill: Any = None, stroke: Any = None,
                line_width: float = 1.0, alpha: float = 1.0) -> None:
        self._add(_box(points, line_width / 2 if stroke is not None else 0.0))

    def polyline(self, points: Sequence[tuple[float, float]], stroke: Any, line_width: float = 1.0,
                 round_caps: bool = True) -> None:
        self._add(_box(points, line_width / 2))

    def curve(self, start: tuple[float, float], c1: tuple[float, float], c2: tuple[float, float],
              end: tuple[float, float], stroke: Any, line_width: float = 1.0) -> None:
        self._add(_box([start] + _curve(start, c1, c2, end), line_width / 2))

    def circle(self, cx: float, cy: float, r: float, fill: Any = None, stroke: Any = None,
               line_width: float = 1.0, alpha: float = 1.0) -> None:
        grow = r + (line_width / 2 if stroke is not None else 0.0)
        self._add((cx - grow, cy - grow, cx + grow, cy + grow))

    def ellipse(self, x0: float, y0: float, x1: float, y1: float, fill: Any = None, stroke: Any = None,
                line_width: float = 1.0, alpha: float = 1.0) -> None:
        self._add(_box([(x0, y0), (x1, y1)], line_width / 2 if stroke is not None else 0.0))

    def rect(self, x: float, y: float, w: float, h: float, fill: Any = None, radius: float = 0.0,
             stroke: Any = None, line_width: float = 1.0, alpha: float = 1.0) -> None:
        self._add(_box([(x, y), (x + w, y + h)], line_width / 2 if stroke is not None else 0.0))

    def linear_gradient(self, clip: Sequence[tuple], *args: Any, within: Sequence[tuple] = (),
                        **kwargs: Any) -> None:
        box = _box(_points(clip))
        self._add(_within(box, _box(_points(within))) if within else box)

    def mesh_gradient(self, clip: Sequence[tuple], *args: Any, **kwargs: Any) -> None:
        self._add(_box(_points(clip)))

    def text(self, x: float, y: float, text: str, font: str, size: float, color: Any, anchor: str = "start",
             tracking: float = 0.0) -> None:
        # the letters' height only (their width is the painter's to measure): capitals to descenders
        self._add((x, y - 0.25 * size, x, y + 0.75 * size))


def ink_box(kind: Any, params: Any, box: Rect, theme: Any) -> Rect:
    """Where `kind`'s drawing with `params` in `box` puts ink, in page coordinates (pt from the top-left,
    as `box`): drawn once through the recording the painter replays (the same calls, so the same geometry
    as the page's). The whole box when nothing is drawn."""
    extent = InkExtent(box.width, box.height)
    try:
        draw = recorded(Drawn.of(kind.name, params, box.width, box.height, theme),
                        lambda sketch: kind.draw(sketch, params, box, theme))
        draw(extent)  # type: ignore[arg-type]  # it takes every call a Sketch does
    except ValueError:  # cannot be drawn at this size: the painter says so; the box stands
        return box
    if extent.box is None:
        return box
    x0, y0, x1, y1 = extent.box
    x0, x1 = max(0.0, x0), min(box.width, x1)
    y0, y1 = max(0.0, y0), min(box.height, y1)
    return Rect(box.x + x0, box.y + box.height - y1, x1 - x0, y1 - y0)
