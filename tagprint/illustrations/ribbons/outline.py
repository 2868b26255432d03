"""A ribbon's outline: its two edges, fitted with few cubic Béziers, and the tools to cut and trim them."""

from __future__ import annotations

import bisect
import itertools
import math
from typing import Protocol, Sequence

from .model import Ribbon


class Directions(Protocol):
    """A line's direction (a unit vector) at each of its points, by number: a list, or `LazyDirections`."""

    def __getitem__(self, k: int) -> tuple: ...


FIT = 0.1  # points: how far an outline's curves may stray from the sampled edges
TURN = 1.3  # radians: the most a ribbon turns along one of those curves


def ribbon_edges(r: Ribbon) -> tuple[list[tuple], list[tuple], list[float], tuple[Directions, Directions]]:
    """A ribbon's two edges, left and right of its centre line; how far the centre line has turned (in
    radians, every bend counted) at each point; and each edge's direction at each point."""
    pts = r.points
    ways = directions(pts)
    turned = list(itertools.accumulate(abs(px * ty - py * tx)  # the sine of the small angle turned
                                       for (px, py), (tx, ty) in zip([(0.0, 0.0), *ways[:-1]], ways)))
    halves = [w / 2 for w in r.width]
    left = [(x - ty * h, y + tx * h) for (x, y), (tx, ty), h in zip(pts, ways, halves)]
    right = [(x + ty * h, y - tx * h) for (x, y), (tx, ty), h in zip(pts, ways, halves)]
    if min(halves) != max(halves):  # where the width changes the edges run a little off the centre line
        return left, right, turned, (LazyDirections(left), LazyDirections(right))
    return left, right, turned, (ways, ways)


class LazyDirections:
    """The direction at each of a line's points, worked out only where asked for (at few of them)."""

    def __init__(self, pts: Sequence[tuple]):
        self.pts = pts

    def __getitem__(self, k: int) -> tuple[float, float]:
        pts = self.pts
        (ax, ay), (bx, by) = pts[max(0, k - 1)], pts[min(len(pts) - 1, k + 1)]
        tx, ty = bx - ax, by - ay
        length = math.hypot(tx, ty) or 1.0
        return tx / length, ty / length


def directions(pts: Sequence[tuple]) -> list[tuple]:
    """The direction at each of a line's points (from its neighbours)."""
    hypot = math.hypot
    ways = []
    for (ax, ay), (bx, by) in zip([pts[0], *pts[:-1]], [*pts[1:], pts[-1]]):
        tx, ty = bx - ax, by - ay
        length = hypot(tx, ty) or 1.0
        ways.append((tx / length, ty / length))
    return ways


def fit_curves(edges: Sequence[Sequence[tuple]], a: int, b: int, turned: Sequence[float],
               ways: Sequence[Directions], tol: float = FIT) -> list[list[tuple]]:
    """Cubic Béziers through points a..b of each of `edges` (a ribbon's edges, sampled finely, all at the
    same steps), each curve as (first point, last point, (p0, c1, c2, p3)). `turned` is how far the
    ribbon has turned at each point, `ways` each edge's direction at each point. The edges are cut
    wherever the ribbon has turned by `TURN`; each piece becomes a curve that leaves and meets the
    samples in their direction, its handles' lengths fitted by least squares, and is split where it
    strays most until it strays less than `tol` from the samples."""
    knots = [a]
    while knots[-1] < b:
        k = bisect.bisect_right(turned, turned[knots[-1]] + TURN, knots[-1] + 1, b)
        knots.append(max(k, knots[-1] + 1) if k < b else b)
    outs: list[list[tuple]] = [[] for _ in edges]
    todo = list(zip(knots, knots[1:]))[::-1]
    tol2 = tol * tol
    while todo:
        lo, hi = todo.pop()
        if hi - lo < 3:  # too short to fit
            for pts, way, out in zip(edges, ways, outs):
                out.append(arc_curve(pts, way, lo, hi))
            continue
        curves, worst, at = fit_piece(edges, ways, lo, hi)
        if worst > tol2:
            mid = min(hi - 1, max(lo + 1, at))
            todo += [(mid, hi), (lo, mid)]
            continue
        for out, curve in zip(outs, curves):
            out.append(curve)
    return outs


def arc_curve(pts: Sequence[tuple], way: Directions, lo: int, hi: int) -> tuple:
    """The curve from point lo to point hi of a line leaving and meeting it in its direction `way`, with
    handles as long as for a circular arc through its ends: (lo, hi, (p0, c1, c2, p3))."""
    (x0, y0), (x3, y3) = pts[lo], pts[hi]
    (ex, ey), (fx, fy) = way[lo], way[hi]
    cx, cy = x3 - x0, y3 - y0
    chord = math.hypot(cx, cy) or 1.0
    h0 = 2 * chord / (3 * (1 + max(-0.5, (ex * cx + ey * cy) / chord)))
    h1 = 2 * chord / (3 * (1 + max(-0.5, (fx * cx + fy * cy) / chord)))
    c1, c2 = (x0 + ex * h0, y0 + ey * h0), (x3 - fx * h1, y3 - fy * h1)
    return (lo, hi, ((x0, y0), c1, c2, (x3, y3)))


def fit_piece(edges: Sequence[Sequence[tuple]], ways: Sequence[Directions], lo: int,
              hi: int) -> tuple[list[tuple], float, int]:
    """One curve per edge from point lo to point hi, leaving and meeting the edge in its direction, its
    handles' lengths by least squares at a few samples, placed by their index (the samples are evenly
    spaced in a smooth parameter, which the curve's own parameter then follows). Returns the curves, the
    square of the furthest any strays from its samples, and the sample where it does."""
    span = hi - lo
    idx = sorted({lo + span * i // 6 for i in range(1, 6)})
    basis = []
    c00 = c11 = b12 = 0.0
    for k in idx:
        u = (k - lo) / span
        v = 1 - u
        b0, b1, b2, b3 = v * v * v, 3 * u * v * v, 3 * u * u * v, u * u * u
        basis.append((k, b0, b1, b2, b3))
        c00 += b1 * b1
        b12 += b1 * b2
        c11 += b2 * b2
    curves, worst, at = [], 0.0, 0
    for pts, way in zip(edges, ways):
        (x0, y0), (x3, y3) = pts[lo], pts[hi]
        (ex, ey), (fx, fy) = way[lo], way[hi]
        c01 = -(ex * fx + ey * fy) * b12
        det = c00 * c11 - c01 * c01
        r0 = r1 = 0.0
        for k, b0, b1, b2, b3 in basis:
            px, py = pts[k]
            qx = px - x0 * (b0 + b1) - x3 * (b2 + b3)
            qy = py - y0 * (b0 + b1) - y3 * (b2 + b3)
            r0 += b1 * (ex * qx + ey * qy)
            r1 -= b2 * (fx * qx + fy * qy)
        h0 = h1 = math.hypot(x3 - x0, y3 - y0) / 3
        if abs(det) > 1e-12:
            g0, g1 = (r0 * c11 - r1 * c01) / det, (c00 * r1 - c01 * r0) / det
            if g0 > 0 and g1 > 0:
                h0, h1 = g0, g1
        x1, y1, x2, y2 = x0 + ex * h0, y0 + ey * h0, x3 - fx * h1, y3 - fy * h1
        for i, (k, b0, b1, b2, b3) in enumerate(basis):
            px, py = pts[k]
            dx = b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3 - px
            dy = b0 * y0 + b1 * y1 + b2 * y2 + b3 * y3 - py
            d = dx * dx + dy * dy
            if d > worst:
                worst, at = d, i
        curves.append((lo, hi, ((x0, y0), (x1, y1), (x2, y2), (x3, y3))))
    return curves, worst, basis[at][0]


def split_curve(curve: tuple, u: float) -> tuple[tuple, tuple]:
    """A cubic Bézier cut in two at parameter u (de Casteljau)."""
    p0, p1, p2, p3 = curve

    def lerp(p: tuple, q: tuple) -> tuple:
        return p[0] + (q[0] - p[0]) * u, p[1] + (q[1] - p[1]) * u
    a, b, c = lerp(p0, p1), lerp(p1, p2), lerp(p2, p3)
    d, e = lerp(a, b), lerp(b, c)
    f = lerp(d, e)
    return (p0, a, d, f), (f, e, c, p3)


def trim_chain(curves: list[tuple], first: float, last: float) -> list[tuple]:
    """A chain of Béziers with about `first` of its length taken off the start and `last` off the end."""
    def length(c: tuple) -> float:
        p0, p1, p2, p3 = c
        return (math.dist(p0, p3) + math.dist(p0, p1) + math.dist(p1, p2) + math.dist(p2, p3)) / 2
    lengths = [length(c) for c in curves]
    if sum(lengths) <= first + last:
        return []
    out = list(curves)
    for cut in (first, last):
        while out and lengths[0] <= cut:
            cut -= lengths.pop(0)
            out.pop(0)
        if out and cut > 0:
            piece = split_curve(out[0], cut / lengths[0])[1]
            out[0], lengths[0] = piece, length(piece)
        # then the other end, the chain turned round
        out = [(p3, p2, p1, p0) for p0, p1, p2, p3 in reversed(out)]
        lengths.reverse()
    return out


def simplify_fade(us: list[float], fs: list[float], tol: float) -> list[int]:
    """Indices of the samples a piecewise-straight fade through them needs (Douglas–Peucker)."""
    keep = {0, len(us) - 1}
    todo = [(0, len(us) - 1)]
    while todo:
        a, b = todo.pop()
        ua, fa = us[a], fs[a]
        slope = (fs[b] - fa) / ((us[b] - ua) or 1.0)
        worst, at = tol, -1
        for k in range(a + 1, b):
            off = fa + slope * (us[k] - ua) - fs[k]
            if off > worst or -off > worst:
                worst, at = abs(off), k
        if at >= 0:
            keep.add(at)
            todo += [(a, at), (at, b)]
    return sorted(keep)
