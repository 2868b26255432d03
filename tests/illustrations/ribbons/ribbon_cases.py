"""Ribbons for the engine's tests: made by hand, and the arrows' and the helix's at the edges of their ranges."""

from __future__ import annotations

import math

from tagprint.illustrations.arrows import ArrowsParams, arrows_geometry
from tagprint.illustrations.helix import HelixParams, helix_geometry
from tagprint.illustrations.ribbons import Ribbon, Segment

WIDTH = 8.0
HALO = 2.0


def line(x0: float, y0: float, x1: float, y1: float, depth, n: int = 61, width: float = WIDTH) -> Ribbon:
    """A straight ribbon of n points from (x0, y0) to (x1, y1); depth is a number or a function of the
    fraction of the way along."""
    ts = [k / (n - 1) for k in range(n)]
    zs = [depth(t) if callable(depth) else float(depth) for t in ts]
    return Ribbon([(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t) for t in ts], zs, [width] * n, (0.2, 0.3, 0.4))


def wave(crossings: int, n: int = 181) -> Ribbon:
    """A ribbon waving across x = 0 `crossings` times on its way up, in front at its first crossing, behind
    at the next, and so on (a plait's over and under)."""
    pts, zs = [], []
    for k in range(n):
        t = k / (n - 1)
        phase = math.pi * crossings * t  # crosses x = 0 at phase π/2, 3π/2, …
        pts.append((40 * math.cos(phase), 300 * t))
        zs.append(0.8 * math.sin(phase))  # +0.8 at the first crossing, -0.8 at the next, …
    return Ribbon(pts, zs, [WIDTH] * n, (0.6, 0.2, 0.1))


# the arrows at the edges of their ranges (count 2 to 6, twist 0.5 to 4) in boxes tall, wide and small
ARROWS = [(count, twist, w, h) for count, twist in ((2, 0.5), (2, 4), (3, 1.5), (6, 0.5), (6, 4))
          for w, h in ((60, 200), (400, 120), (138.67, 96))]
# the helix at the edges of its ranges (turns 1 to 6)
HELIX = [(turns, across, along) for turns in (1, 2.5, 6) for across, along in ((140, 300), (60, 60), (40, 400))]


def arrows(count: int, twist: float, w: float, h: float) -> tuple[list[Ribbon], float]:
    ribbons, _, halo, _ = arrows_geometry(ArrowsParams(count=count, twist=twist), w, h)
    return ribbons, halo


def helix(turns: float, across: float, along: float) -> tuple[list[Ribbon], float]:
    ribbons, _, rw = helix_geometry(HelixParams(turns=turns), across, along)
    return ribbons, max(0.7, rw * 0.22)  # the edge the helix draws with


def stretches_of(order, ri: int) -> list[Segment]:
    """Ribbon ri's stretches in a plan, from its start to its end."""
    return sorted((s for s in order if isinstance(s, Segment) and s.ribbon == ri), key=lambda s: s.start)


def drawn_at(order) -> dict[tuple[int, int], list[int]]:
    """(ribbon, point) -> the places in the plan of the stretches that draw that point."""
    at: dict[tuple[int, int], list[int]] = {}
    for place, s in enumerate(order):
        if isinstance(s, Segment):
            for k in range(s.start, s.end + 1):
                at.setdefault((s.ribbon, k), []).append(place)
    return at
