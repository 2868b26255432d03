"""Painting the planned stretches: each one outline, a plain fill or a shading along the ribbon, with an
edge in the background colour where it passes over something."""

from __future__ import annotations

import math
from typing import Any, Sequence

from .model import WHITE, Piece, Ribbon, Segment, mix
from .outline import fit_curves, ribbon_edges, simplify_fade, trim_chain
from .plan import plan_ribbons

TONE = 0.01  # how far a shading may stray from the exact fade (a fraction of the way to the background)


def fade_levels(r: Ribbon) -> list[float]:
    """How far towards the background each point is paled: only where the ribbon passes behind."""
    return [r.fade * max(0.0, -z) for z in r.depth]


def body_outlines(covers: Sequence[tuple[int, int, int]], everything: Sequence[tuple]) -> list[tuple]:
    """The outlines (straight lines between the sampled edges, about eight points a side) of the
    stretches of other ribbons in `covers`, as one path: the area a stretch's edge may be laid on. The
    outlines all run the same way round, so where they overlap they add up."""
    out: list[tuple] = []
    for ri, lo, hi in covers:
        left, right = everything[ri][0], everything[ri][1]
        stride = max(1, (hi - lo) // 8)
        ks = list(range(lo, hi, stride)) + [hi]
        out.append(("M", *left[ks[0]]))
        out += [("L", *left[k]) for k in ks[1:]]
        out += [("L", *right[k]) for k in reversed(ks)]
        out.append(("Z",))
    return out


def paint_segment(sk: Any, r: Ribbon, s: Segment, edges: tuple, fades: list[float], halo: float,
                  background: tuple, everything: Sequence[tuple] = (),
                  attached: Sequence[Sequence[tuple]] = ()) -> None:
    """One stretch: the edge in the background colour where it needs one, then its outline (up the left
    edge, across, back down the right), a plain fill or, where it passes behind, a shading. The edge is
    laid on the ribbons it passes over and on the shapes `attached` to them (per ribbon: outlines running
    clockwise, like the ribbons' own, so that where they overlap they add up), so what belongs to a ribbon behind is knocked out with it."""
    left, right, turned, ways = edges
    a, b = s.start, s.end
    lefts, rights = fit_curves((left, right), a, b, turned, ways)
    if s.halo and halo > 0:
        strokes = edge_strokes(s, lefts, rights, halo)
        if strokes:
            within = body_outlines(s.covers, everything)
            reach = bounds(strokes, halo)
            for ri in sorted({ri for ri, _, _ in s.covers}):
                for shape in subpaths(attached[ri] if ri < len(attached) else ()):
                    if overlaps(bounds(shape, 0.0), reach):  # only the shapes the edge can reach
                        within += shape
            sk.path(strokes, stroke=background, line_width=2 * halo, within=within)
    body: list[tuple] = [("M", *left[a])]
    body += [("C", *c1, *c2, *p3) for _, _, (_, c1, c2, p3) in lefts]
    body.append(("L", *right[b]))
    body += [("C", *c2, *c1, *p0) for _, _, (p0, c1, c2, _) in reversed(rights)]
    body.append(("Z",))
    fill_stretch(sk, r, body, fades, a, b, background)


def subpaths(commands: Sequence[tuple]) -> list[list[tuple]]:
    """Path commands split where each subpath starts (at each "M" or whole rectangle "R")."""
    out: list[list[tuple]] = []
    for op in commands:
        if op[0] in "MR" or not out:
            out.append([])
        out[-1].append(op)
    return out


def bounds(commands: Sequence[tuple], grow: float) -> tuple[float, float, float, float]:
    """The box round every point of the path commands (control points too), grown by `grow`."""
    xs = [v for op in commands if op[0] != "R" for v in op[1::2]]
    ys = [v for op in commands if op[0] != "R" for v in op[2::2]]
    for op in commands:
        if op[0] == "R":  # a whole rectangle: x, y, width, height (either may be negative)
            xs += [op[1], op[1] + op[3]]
            ys += [op[2], op[2] + op[4]]
    if not xs:
        return (0.0, 0.0, -1.0, -1.0)
    return (min(xs) - grow, min(ys) - grow, max(xs) + grow, max(ys) + grow)


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def edge_strokes(s: Segment, lefts: list[tuple], rights: list[tuple], halo: float) -> list[tuple]:
    """The edge: a band in the background colour along each side (its inner half under the body) where the
    stretch passes over something, stopping short of the stretch's ends so it never cuts across the
    ribbon's neighbouring stretch. `lefts` and `rights` are the sides' curves (first, last point, curve)."""
    strokes: list[tuple] = []
    for which, side in enumerate((lefts, rights)):
        spans = sorted((e0, e1) for e0, e1, where in s.halo if where in (which, 2))
        for run in runs_along(side, spans):
            part = trim_chain([c for _, _, c in run], 1.5 * halo if run[0][0] == s.start else 0.0,
                              1.5 * halo if run[-1][1] == s.end else 0.0)
            if part:
                strokes.append(("M", *part[0][0]))
                strokes += [("C", *c1, *c2, *p3) for _, c1, c2, p3 in part]
    return strokes


def runs_along(side: list[tuple], spans: list[tuple[int, int]]) -> list[list[tuple]]:
    """The curves of one side (first, last point, curve) that reach into any of `spans` (first, last
    point), as runs of curves that follow on from one another."""
    runs: list[list[tuple]] = []
    for lo, hi, curve in side:
        if any(lo <= e1 and hi >= e0 for e0, e1 in spans):
            if runs and runs[-1][-1][1] == lo:
                runs[-1].append((lo, hi, curve))
            else:
                runs.append([(lo, hi, curve)])
    return runs


def fill_stretch(sk: Any, r: Ribbon, body: list[tuple], fades: list[float], a: int, b: int,
                 background: tuple) -> None:
    """Fills the outline `body` of points a..b of ribbon r: plain where its fade hardly changes, else
    paler where it passes behind: a shading along the ribbon's axis, its tones following the fade at the
    centre line's points (from the point before the stretch to the one after, so where two stretches
    meet both shade alike)."""
    shade = fades[a:b + 1]
    if max(shade) - min(shade) < 2 * TONE:
        sk.path(body, fill=mix(r.color, background, (max(shade) + min(shade)) / 2))
        return
    n = len(r.points)
    ux, uy = shading_axis(r)
    us: list[float] = []
    fs: list[float] = []
    for k in range(max(0, a - 1), min(n, b + 2)):
        x, y = r.points[k]
        u = x * ux + y * uy
        if not us or u > us[-1] + 1e-3:
            us.append(u)
            fs.append(fades[k])
    if len(us) < 2:
        sk.path(body, fill=mix(r.color, background, max(shade)))
        return
    first, last = us[0], us[-1]
    keep = simplify_fade(us, fs, TONE)
    sk.linear_gradient(body, ux * first, uy * first, ux * last, uy * last,
                       [mix(r.color, background, fs[k]) for k in keep],
                       [(us[k] - first) / (last - first) for k in keep])


def shading_axis(r: Ribbon) -> tuple[float, float]:
    """The way a ribbon's shading runs: its `axis`, or from its first point towards its last."""
    if r.axis is not None:
        return r.axis
    (x0, y0), (x1, y1) = r.points[0], r.points[-1]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    return (x1 - x0) / length, (y1 - y0) / length


def draw_ribbons(sk: Any, ribbons: Sequence[Ribbon], halo: float, pieces: Sequence[Piece] = (),
                 background: tuple = WHITE, attached: Sequence[Sequence[tuple]] = ()) -> None:
    """Draws the ribbons and extra pieces back to front (see `plan_ribbons`), each stretch of ribbon as one
    outline of a few curves. Where a stretch passes over something it first lays an edge of `background`
    colour (`halo` wide) along its sides there, so crossings read as a clean over and under; where a
    ribbon passes behind it turns paler, shaded smoothly along its length. `attached` (per ribbon, path
    commands of clockwise outlines: a helix's rungs) is knocked out with the ribbon it belongs to."""
    edges = [ribbon_edges(r) for r in ribbons]
    fades = [fade_levels(r) for r in ribbons]
    for item in plan_ribbons(ribbons, halo, pieces):
        if isinstance(item, Segment):
            for piece in item.under:
                piece.paint(sk)
            ri = item.ribbon
            paint_segment(sk, ribbons[ri], item, edges[ri], fades[ri], halo, background, edges, attached)
            for piece in item.over:
                piece.paint(sk)
        else:
            item.paint(sk)
