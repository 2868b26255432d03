"""Arrows: two to six ribbons that twist around one another as they rise, then part and point upward.

The ribbons are drawn as a depth-sorted stack of short slices, so a ribbon passes properly over and
under the others (woven like a plait); a thin edge in the background colour separates the one in
front. `draw_ribbons` is shared with the double helix.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..errors import Problem, Where
from . import Range, register
from .dots import check_colors, parse_background, parse_colors, theme_color

COUNT = Range(2, 6)
TWIST = Range(0.5, 4)
NUMBERS = {2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six"}
TURNS = {0.5: "a quarter turn", 1: "half a turn", 1.5: "three quarters of a turn", 2: "one full turn",
         3: "one and a half turns", 4: "two full turns"}  # by half-turns
WHITE = (1.0, 1.0, 1.0)


@dataclass(frozen=True)
class ArrowsParams:
    count: int = 3
    colors: tuple[str, ...] = ("secondary", "accent", "primary")
    twist: float = 1.5  # half-turns the bundle makes on the way up
    background: str = "white"  # what the picture sits on: the gaps where ribbons cross show it


def mix(a: tuple, b: tuple, t: float) -> tuple:
    return tuple(x + (y - x) * t for x, y in zip(a, b))


def smoothstep(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


@dataclass
class Ribbon:
    """A ribbon's centre line: points (x, y), depth z (-1 behind … 1 in front) and width at each point."""

    points: list[tuple[float, float]]
    depth: list[float]
    width: list[float]
    color: tuple
    fade: float = 0.35  # how much paler the ribbon turns at the back


@dataclass
class Piece:
    """Anything drawn in depth order besides ribbon slices (rungs, arrowheads): `paint(sk)`."""

    z: float
    paint: Callable[[Any], None]


def _edges(r: Ribbon, extra: float) -> tuple[list[tuple], list[tuple]]:
    left, right = [], []
    pts = r.points
    for i, (x, y) in enumerate(pts):
        (ax, ay), (bx, by) = pts[max(0, i - 1)], pts[min(len(pts) - 1, i + 1)]
        tx, ty = bx - ax, by - ay
        length = math.hypot(tx, ty) or 1.0
        nx, ny = -ty / length, tx / length
        half = r.width[i] / 2 + extra
        left.append((x + nx * half, y + ny * half))
        right.append((x - nx * half, y - ny * half))
    return left, right


def draw_ribbons(sk: Any, ribbons: Sequence[Ribbon], halo: float, pieces: Sequence[Piece] = (),
                 background: tuple = WHITE) -> None:
    """Draws the ribbons and extra pieces back to front. Each slice spans two steps, overlapping the next
    so no hairline seams show; a slice in front first lays an edge of `background` colour (`halo` wide)
    along both its sides over whatever is behind, so crossings read as a clean over and under."""
    items: list[tuple[float, int, Callable[[Any], None]]] = []
    order = 0
    for r in ribbons:
        left, right = _edges(r, 0.0)
        hl, hr = _edges(r, halo)
        n = len(r.points)
        for i in range(0, n - 1):
            j = min(n - 1, i + 2)
            z = (r.depth[i] + r.depth[j]) / 2
            color = mix(r.color, background, r.fade * max(0.0, -z))  # paler only where it passes behind
            body = left[i:j + 1] + right[i:j + 1][::-1]
            # the edge runs along both sides only, never across the ribbon (that would show seams)
            edges = (hl[i:j + 1] + left[i:j + 1][::-1], right[i:j + 1] + hr[i:j + 1][::-1])

            def paint(sk: Any, body=body, edges=edges, color=color) -> None:
                if halo > 0:
                    for edge in edges:
                        sk.polygon(edge, fill=background)
                sk.polygon(body, fill=color)
            items.append((z, order, paint))
            order += 1
    for piece in pieces:
        items.append((piece.z, order, piece.paint))
        order += 1
    for _, _, paint in sorted(items, key=lambda item: (item[0], item[1])):
        paint(sk)


def _head(sk: Any, x: float, base: float, stem: float, width: float, length: float, color: tuple) -> None:
    """A slim arrowhead with gently hollowed sides, its base overlapping the ribbon's end."""
    tip = base + length
    barb = base - length * 0.08
    notch = base + length * 0.18
    hw, sw = width / 2, stem / 2
    shape = [("M", x, tip),
             ("C", x + hw * 0.35, tip - length * 0.3, x + hw * 0.8, barb + length * 0.25, x + hw, barb),
             ("L", x + sw, notch), ("L", x + sw, base - length * 0.12), ("L", x - sw, base - length * 0.12),
             ("L", x - sw, notch), ("L", x - hw, barb),
             ("C", x - hw * 0.8, barb + length * 0.25, x - hw * 0.35, tip - length * 0.3, x, tip), ("Z",)]
    sk.linear_gradient(shape, x, base, x, tip, [color, mix(color, WHITE, 0.22)], [0, 1])


def _hermite(tau: float, p0: float, m0: float, p1: float, m1: float) -> float:
    t2, t3 = tau * tau, tau * tau * tau
    return (2 * t3 - 3 * t2 + 1) * p0 + (t3 - 2 * t2 + tau) * m0 + (-2 * t3 + 3 * t2) * p1 + (t3 - t2) * m1


def arrow_lines(p: ArrowsParams, cx: float, amp: float, y0: float, y1: float, roots: Sequence[float],
                slots: Sequence[float], rw: float) -> list[Ribbon]:
    """The ribbons' centre lines from y0 up to y1: side by side at `roots`, twisting round one another
    about `cx` with sway `amp`, then side by side again at `slots` (the arrowheads' places)."""
    n = p.count
    a, b = 0.16, 0.74  # the twist runs from a to b; below and above it the ribbons stand apart
    speed = math.pi * p.twist / (b - a)

    def plan(offset: float) -> tuple[Callable, Callable, dict, dict]:
        def theta(i: int, t: float) -> float:
            return speed * (t - a) + 2 * math.pi * i / n + offset

        def sway(i: int, t: float) -> tuple[float, float]:  # x and dx/dt inside the twist
            th = theta(i, t)
            return cx + amp * math.sin(th), amp * math.cos(th) * speed

        # each ribbon leaves the twist for the root or slot on the side it is heading to
        def heading(i: int, t: float, span: float) -> float:
            x, dx = sway(i, t)
            return x + 0.5 * dx * span
        below = {i: roots[k] for k, i in enumerate(sorted(range(n), key=lambda i: heading(i, a, -a)))}
        above = {i: slots[k] for k, i in enumerate(sorted(range(n), key=lambda i: heading(i, b, 1 - b)))}
        return theta, sway, below, above

    def x_at(sway: Callable, below: dict, above: dict, i: int, t: float) -> float:
        """Glides from the root to the twist and from the twist to the slot along smooth curves that
        end upright."""
        if t < a:
            x_a, dx_a = sway(i, a)
            return _hermite(t / a, below[i], 0.0, x_a, dx_a * a)
        if t > b:
            x_b, dx_b = sway(i, b)
            return _hermite((t - b) / (1 - b), x_b, dx_b * (1 - b), above[i], 0.0)
        return sway(i, t)[0]

    def crossings(offset: float) -> int:
        """How often ribbons cross outside the twist, where a crossing looks like a tangle."""
        _, sway, below, above = plan(offset)
        count = 0
        for lo, hi in ((0.0, a), (b, 1.0)):
            ts = [lo + (hi - lo) * k / 24 for k in range(25)]
            xs = [[x_at(sway, below, above, i, t) for t in ts] for i in range(n)]
            for i in range(n):
                for j in range(i):
                    signs = [xs[i][k] > xs[j][k] for k in range(25)]
                    count += sum(signs[k] != signs[k + 1] for k in range(24))
        return count

    # of a few starting angles, the one whose ribbons enter and leave the twist most cleanly
    offset = min((2 * math.pi / n * k / 16 for k in range(16)), key=lambda o: (crossings(o), o))
    theta, sway, below, above = plan(offset)
    steps = 90 + int(45 * p.twist)  # enough slices for a smooth curve at any twist
    ribbons = []
    for i in range(n):
        pts, depth, width = [], [], []
        for k in range(steps + 1):
            t = k / steps
            x = x_at(sway, below, above, i, t)
            if t < a:
                loose = smoothstep(t / a)
            elif t > b:
                loose = 1 - smoothstep((t - b) / (1 - b))
            else:
                loose = 1.0
            th = theta(i, t)
            pts.append((x, y0 + (y1 - y0) * t))
            # woven like a plait: over one ribbon, under the next (the cosine breaks ties for 4 and 6)
            depth.append((math.sin(2 * th) + 0.35 * math.cos(th)) / 1.35 * loose)
            width.append(rw * (0.55 + 0.45 * smoothstep(t / 0.12)))
        ribbons.append(Ribbon(pts, depth, width, (0.0, 0.0, 0.0), fade=0.3))
    return ribbons


class Arrows:
    name = "arrows"
    aspect = 1.0

    def parse(self, params: dict[str, Any], where: Callable[[str], Where],
              problems: list[Problem]) -> ArrowsParams:
        known = ArrowsParams.__dataclass_fields__
        values: dict[str, Any] = {}
        for key, value in params.items():
            if key not in known:
                problems.append(Problem(where(key), f"unknown arrows parameter '{key}'",
                                        "allowed: " + ", ".join(known)))
            elif key == "count":
                values[key] = COUNT.check(key, value, where(key), problems)
            elif key == "twist":
                values[key] = TWIST.check(key, value, where(key), problems, integer=False)
            elif key == "colors":
                values[key] = parse_colors(key, value, where(key), problems, most=6)
            elif key == "background":
                values[key] = parse_background(value, where(key), problems)
        return ArrowsParams(**{k: v for k, v in values.items() if v is not None})

    def alt_text(self, p: ArrowsParams, lang: str) -> str:
        text = f"{NUMBERS[p.count]} arrows intertwine and point upward"
        if p.twist != ArrowsParams.twist:
            text += f", making {TURNS.get(p.twist, f'{p.twist / 2:g} turns')} around each other"
        return text

    def check_theme(self, p: ArrowsParams, theme: Any) -> list[str]:
        return check_colors(p.colors, theme, "arrows", p.background)

    def draw(self, sk: Any, p: ArrowsParams, box: Any, theme: Any) -> None:
        w, h = sk.width, sk.height
        n = p.count
        colors = [theme_color(theme, p.colors[i % len(p.colors)]) for i in range(n)]
        margin = min(w, h) * 0.06
        avail_w, avail_h = w - 2 * margin, h - 2 * margin
        # proportions in units of the ribbon width, then scaled to fit the box
        head_w, head_l, gap = 2.6, 3.4, 0.7
        spread = n * head_w + (n - 1) * gap  # the heads side by side at the top
        amp = max(2.2, spread * 0.42)  # the sway: wide enough that the ribbons weave rather than pile up
        # the height of the twisting part: squatter in a wide box so it can grow, and tall enough that
        # each half-turn stays steep
        braid = 11.0 + 4.0 * smoothstep((avail_h / max(avail_w, 1.0) - 0.4) / 0.6)
        braid = max(braid, 2.2 * amp * p.twist / 0.75, 2.6 * amp)
        wide = max(spread, 2 * amp + 1.2)
        unit = min(avail_w / wide, avail_h / (braid * 1.15 + head_l))
        braid = max(braid, (avail_h / unit - head_l) / 1.15)  # a tall, narrow box: rise the whole way up
        # in a wide box, open the composition out sideways rather than leave a thin column: the heads
        # fan out further, the twist itself widens a little
        stretch = min(1.6, max(1.0, min(avail_w, 0.65 * avail_h) / (wide * unit)))
        rw = unit
        amp *= unit * min(stretch, 1.15)
        pitch = (head_w + gap) * unit * stretch
        head_w, head_l = head_w * unit, head_l * unit
        cx = w / 2
        y1 = h - margin - head_l
        y0 = max(margin, y1 - braid * unit * 1.15)
        slots = [cx + (i - (n - 1) / 2) * pitch for i in range(n)]
        roots = [cx + (i - (n - 1) / 2) * pitch * 0.7 for i in range(n)]
        ribbons = arrow_lines(p, cx, amp, y0, y1, roots, slots, rw)
        for r, color in zip(ribbons, colors):
            r.color = color
        heads = [Piece(2.0, lambda sk, r=r: _head(sk, r.points[-1][0], y1, rw, head_w, head_l, r.color))
                 for r in ribbons]
        draw_ribbons(sk, ribbons, max(0.9, rw * 0.24), heads, theme_color(theme, p.background))


register(Arrows())
