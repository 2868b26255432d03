"""Arrows: two to six ribbons that twist around one another as they rise, then part and point upward.

The ribbons are drawn as a depth-sorted stack of short slices, so a ribbon passes properly over and
under the others (woven like a plait); a thin edge in the background colour separates the one in
front. `draw_ribbons` is shared with the double helix.
"""

from __future__ import annotations

import bisect
import heapq
import math
from dataclasses import dataclass, field
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
    """Anything drawn in depth order besides the ribbons (rungs, arrowheads): `paint(sk)`.

    A piece with a `host` (ribbon number, point index) hangs from that ribbon: it is drawn just before the
    ribbon's part there if it lies deeper than the ribbon at that point (the ribbon covers its end and sets
    it off with the edge in the background colour), else just after. A piece without one takes its place
    among the ribbons' parts by depth `z` (arrowheads, at 2, come last).
    """

    z: float
    paint: Callable[[Any], None]
    host: tuple[int, int] | None = None


@dataclass
class Segment:
    """One stretch of a ribbon, points `start` to `end` (both included), drawn as one outline. Neighbouring
    stretches of a ribbon overlap by a step, so no hairline seam shows between them."""

    ribbon: int
    start: int
    end: int
    key: float = 0.0  # the depth it is sorted by where no crossing decides
    halo: bool = False  # drawn over something close by: lay the edge in the background colour first
    under: list[Piece] = field(default_factory=list)  # hung from it, behind: drawn just before it
    over: list[Piece] = field(default_factory=list)  # hung from it, in front: drawn just after it
    after: list[int] = field(default_factory=list)  # the stretches it passes over (by place in the plan)


FIT = 0.05  # points: how far an outline's curves may stray from the sampled edges
TONE = 0.006  # how far a shading may stray from the exact fade (a fraction of the way to the background)


TIE = 0.02  # depths closer than this at a touch: either ribbon may go over


def _contacts(ribbons: Sequence[Ribbon], halo: float) -> tuple[list[tuple[int, int, int, int]], list[int]]:
    """Where two ribbons come close enough to touch (counting the edge): pairs (ribbon a, point, ribbon b,
    point) with a < b; and each ribbon's sampling stride. Samples every few points are compared on a
    grid, generously; a near miss is then settled point by point."""
    samples: list[tuple[int, int, float, float, float]] = []
    strides, slacks = [], []
    for ri, r in enumerate(ribbons):
        pts, n = r.points, len(r.points)
        step = max((math.dist(pts[k], pts[k + 1]) for k in range(0, n - 1, max(1, n // 16))), default=0.0)
        stride = max(1, round((min(r.width) / 2 + halo) / 2 / step)) if step > 0 else 1
        strides.append(stride)
        slacks.append(stride * step / 2)  # a touch between two samples is still caught
        for k in sorted(set(range(0, n, stride)) | {n - 1}):
            samples.append((ri, k, pts[k][0], pts[k][1], r.width[k] / 2))
    if not samples:
        return [], strides
    cell = 2 * max(s[4] for s in samples) + halo + 2 * max(slacks)
    grid: dict[tuple[int, int], list] = {}
    for s in samples:
        grid.setdefault((int(s[2] // cell), int(s[3] // cell)), []).append(s)
    pairs = []
    for (gx, gy), bucket in grid.items():
        for dx, dy in ((0, 0), (1, 0), (0, 1), (1, 1), (1, -1)):  # each pair of neighbouring cells once
            other = grid.get((gx + dx, gy + dy))
            if not other:
                continue
            same = dx == 0 and dy == 0
            for ra, ka, ax, ay, ha in bucket:
                for rb, kb, bx, by, hb in other:
                    if rb == ra or (same and rb < ra):
                        continue
                    reach = ha + hb + halo
                    d = (ax - bx) ** 2 + (ay - by) ** 2
                    if d < reach * reach:
                        pairs.append((ra, ka, rb, kb) if ra < rb else (rb, kb, ra, ka))
                    elif d < (reach + slacks[ra] + slacks[rb]) ** 2:
                        found = _near(ribbons, ra, ka, strides[ra], rb, kb, strides[rb], halo)
                        if found:
                            pairs.append((ra, found[0], rb, found[1]) if ra < rb else (rb, found[1], ra, found[0]))
    return pairs, strides


def _near(ribbons: Sequence[Ribbon], ra: int, ka: int, sa: int, rb: int, kb: int, sb: int,
          halo: float) -> tuple[int, int] | None:
    """Points within half a stride of ka and kb that touch, if any."""
    a, b = ribbons[ra], ribbons[rb]
    for i in range(max(0, ka - sa // 2), min(len(a.points), ka + sa // 2 + 1)):
        (ax, ay), ha = a.points[i], a.width[i] / 2 + halo
        for j in range(max(0, kb - sb // 2), min(len(b.points), kb + sb // 2 + 1)):
            (bx, by), reach = b.points[j], ha + b.width[j] / 2
            if (ax - bx) ** 2 + (ay - by) ** 2 < reach * reach:
                return i, j
    return None


def _fades(r: Ribbon) -> list[float]:
    """How far towards the background each point is paled: only where the ribbon passes behind."""
    return [r.fade * max(0.0, -z) for z in r.depth]


OVER, UNDER = 1, 2


def _cuts(r: Ribbon, kinds: list[int], keep: Sequence[int], halo: float) -> list[int]:
    """Where to cut a ribbon, given where it passes over others and under them (`kinds`: OVER, UNDER or
    both at each point): so that no stretch passes both over and under (then no order of stretches can
    go round in a loop), with as few cuts as that takes. A cut keeps far enough from where the ribbon
    passes over for the edge to stop short of it, where no seam can show (the ribbon unshaded for a
    ribbon's width either side), clear of the points in `keep` (where pieces hang that the edge must set
    off), and else as near the middle of the gap as possible. Where there is no room it goes where the
    ribbon passes under, hidden."""
    pts, n = r.points, len(r.points)
    step = max((math.dist(pts[k], pts[k + 1]) for k in range(0, n - 1, max(1, n // 16))), default=1.0) or 1.0
    room = max(1, math.ceil(1.5 * halo / step))  # the edge stops this many points short of a cut
    reach = max(1, math.ceil(max(r.width) / 2 / step))
    fades = _fades(r)
    places: list[list[int]] = []  # [first, last, kind]: runs of points of one kind
    for k, kind in enumerate(kinds):
        if not kind:
            continue
        if places and places[-1][1] == k - 1 and places[-1][2] == kind:
            places[-1][1] = k
        else:
            places.append([k, k, kind])
    cuts: list[int] = []
    seen = 0  # the kinds in the stretch so far
    for before, place in zip([None, *places], places):
        if before is None or (seen | place[2]) != 3:  # no clash with the stretch so far
            seen |= place[2]
            continue
        _, end, first = before
        start, last, second = place
        if start - end - 1 >= 2 * room + 3:  # room in between
            lo, hi = max(2, end + room + 1), min(n - 3, start - room - 1)
        elif second == UNDER:  # just inside the place it passes under
            lo = hi = min(last, end + room + 1)
        elif first == UNDER:
            lo = hi = max(before[0], start - room - 1)
        else:
            lo = hi = (end + start) // 2
        lo, hi = max(2, lo), min(n - 3, hi)
        if lo <= hi and (not cuts or lo > cuts[-1] + 2):
            mid = (lo + hi) / 2

            def cost(c: int) -> tuple:
                shade = max(fades[max(0, c - reach):c + reach + 1])
                near = any(abs(c - k) <= room + 1 for k in keep)
                return (shade > 1e-6, near, shade, abs(c - mid))
            cuts.append(min(range(lo, hi + 1), key=cost))
        seen = place[2]
    return cuts


def plan_ribbons(ribbons: Sequence[Ribbon], halo: float, pieces: Sequence[Piece] = ()) -> list[Segment | Piece]:
    """The drawing order. Each ribbon is cut into stretches (see `_cuts`); the stretches are sorted so
    that wherever two touch, the one nearer the viewer comes later, and the pieces are placed among them.
    A ribbon that touches nothing stays whole."""
    pairs, strides = _contacts(ribbons, halo)
    kinds = [[0] * len(r.points) for r in ribbons]
    for a, k, b, m in pairs:
        dz = ribbons[a].depth[k] - ribbons[b].depth[m]
        if abs(dz) <= TIE:
            continue
        for ri, i, kind in ((a, k, OVER if dz > 0 else UNDER), (b, m, UNDER if dz > 0 else OVER)):
            row, s = kinds[ri], strides[ri] // 2
            for j in range(max(0, i - s), min(len(row), i + s + 1)):
                row[j] |= kind
    hung: list[list[tuple[Piece, int]]] = [[] for _ in ribbons]
    free: list[Piece] = []
    for piece in pieces:
        if piece.host is None:
            free.append(piece)
        else:
            hung[piece.host[0]].append((piece, piece.host[1]))
    cuts: list[list[int]] = []
    segments: list[list[Segment]] = []
    for ri, r in enumerate(ribbons):
        n = len(r.points)
        keep = [k for piece, k in hung[ri] if piece.z < r.depth[k]]
        cut = _cuts(r, kinds[ri], keep, halo)
        cuts.append(cut)
        bounds = [0, *cut, n - 1]
        segments.append([Segment(ri, lo, min(n - 1, hi + 1)) for lo, hi in zip(bounds, bounds[1:])])

    def segment(ri: int, k: int) -> Segment:
        return segments[ri][bisect.bisect_right(cuts[ri], k)]

    for ri, r in enumerate(ribbons):
        for piece, k in hung[ri]:
            host = segment(ri, k)
            (host.under if piece.z < r.depth[k] else host.over).append(piece)
    nodes: list[Segment | Piece] = [s for segs in segments for s in segs]
    number = {id(x): i for i, x in enumerate(nodes)}
    # wherever two stretches touch the one nearer the viewer goes over; a tie does not decide
    score: dict[tuple[int, int], float] = {}
    touch: dict[tuple[int, int], bool] = {}
    depths: list[list[float]] = [[] for _ in nodes]
    for a, k, b, m in pairs:
        ia, ib = number[id(segment(a, k))], number[id(segment(b, m))]
        za, zb = ribbons[a].depth[k], ribbons[b].depth[m]
        touch[(ia, ib)] = True
        if abs(za - zb) > TIE:
            score[(ia, ib)] = score.get((ia, ib), 0.0) + za - zb
        depths[ia].append(za)
        depths[ib].append(zb)
    for i, s in enumerate(nodes):
        zs = depths[i] or ribbons[s.ribbon].depth[s.start:s.end + 1]  # type: ignore[union-attr]
        s.key = sum(zs) / len(zs)  # type: ignore[union-attr]
    nodes += free
    later: list[list[int]] = [[] for _ in nodes]  # drawn after node i
    waiting = [0] * len(nodes)
    for (a, b), s in score.items():
        back, front = (b, a) if s > 0 else (a, b)
        later[back].append(front)
        waiting[front] += 1

    def key(i: int) -> tuple:
        x = nodes[i]
        return (x.key, x.ribbon, x.start) if isinstance(x, Segment) else (x.z, len(nodes), i)
    ready = [(key(i), i) for i in range(len(nodes)) if not waiting[i]]
    heapq.heapify(ready)
    order: list[int] = []
    place = [-1] * len(nodes)
    while len(order) < len(nodes):
        if not ready:  # a loop of crossings the cuts left whole (ribbons packed very tightly): break it
            i = min((i for i in range(len(nodes)) if place[i] < 0), key=lambda i: (waiting[i], key(i)))
            heapq.heappush(ready, (key(i), i))
            waiting[i] = 0
        _, i = heapq.heappop(ready)
        if place[i] >= 0:
            continue
        place[i] = len(order)
        order.append(i)
        for j in later[i]:
            waiting[j] -= 1
            if waiting[j] == 0 and place[j] < 0:
                heapq.heappush(ready, (key(j), j))
    for a, b in touch:
        back, front = (a, b) if place[a] < place[b] else (b, a)
        nodes[front].after.append(place[back])  # type: ignore[union-attr]
    for x in nodes:
        if isinstance(x, Segment):
            x.halo = bool(x.under or x.after)
    return [nodes[i] for i in order]


def _offsets(r: Ribbon) -> tuple[list[tuple], list[tuple]]:
    """A ribbon's two edges, left and right of its centre line."""
    pts, n = r.points, len(r.points)
    left, right = [], []
    for i, (x, y) in enumerate(pts):
        (ax, ay), (bx, by) = pts[max(0, i - 1)], pts[min(n - 1, i + 1)]
        tx, ty = bx - ax, by - ay
        length = math.hypot(tx, ty) or 1.0
        half = r.width[i] / 2
        nx, ny = -ty / length * half, tx / length * half
        left.append((x + nx, y + ny))
        right.append((x - nx, y - ny))
    return left, right


TURN = 1.0  # radians: the most a sampled edge turns along one Bézier curve


def _fit(pts: Sequence[tuple], a: int, b: int, tol: float = FIT) -> list[tuple]:
    """Cubic Béziers (p0, c1, c2, p3) through pts[a..b], a smooth curve sampled finely. It is cut where
    its direction has turned by `TURN`; each piece becomes a curve that leaves and meets the samples in
    their direction, its handles as long as for a circular arc through its ends, and is halved until it
    strays less than `tol` from the samples (checked at a quarter, half and three quarters of its turn)."""
    n = len(pts)

    def direction(k: int) -> tuple[float, float]:
        if n < 3:
            (x0, y0), (x2, y2) = pts[0], pts[-1]
            dx, dy = x2 - x0, y2 - y0
        elif k == 0:  # one-sided, second order
            (x0, y0), (x1, y1), (x2, y2) = pts[0], pts[1], pts[2]
            dx, dy = 4 * x1 - 3 * x0 - x2, 4 * y1 - 3 * y0 - y2
        elif k == n - 1:
            (x0, y0), (x1, y1), (x2, y2) = pts[-1], pts[-2], pts[-3]
            dx, dy = 3 * x0 - 4 * x1 + x2, 3 * y0 - 4 * y1 + y2
        else:
            (x0, y0), (x2, y2) = pts[k - 1], pts[k + 1]
            dx, dy = x2 - x0, y2 - y0
        length = math.hypot(dx, dy) or 1.0
        return dx / length, dy / length

    # how far the direction has turned, and how far along the samples run, at each point from a
    turned, along = [0.0], [0.0]
    total = 0.0
    px, py = pts[a + 1][0] - pts[a][0], pts[a + 1][1] - pts[a][1]
    along.append(math.hypot(px, py))
    for k in range(a + 1, b):
        qx, qy = pts[k + 1][0] - pts[k][0], pts[k + 1][1] - pts[k][1]
        total += abs(math.atan2(px * qy - py * qx, px * qx + py * qy))
        turned.append(total)
        along.append(along[-1] + math.hypot(qx, qy))
        px, py = qx, qy
    turned.append(total)
    knots = [a]
    for k in range(a + 1, b):
        if turned[k - a] - turned[knots[-1] - a] > TURN:
            knots.append(k)
    knots.append(b)

    def segment_distance(x: float, y: float, k: int) -> float:
        (x0, y0), (x1, y1) = pts[k], pts[k + 1]
        dx, dy = x1 - x0, y1 - y0
        t = ((x - x0) * dx + (y - y0) * dy) / ((dx * dx + dy * dy) or 1.0)
        t = min(1.0, max(0.0, t))
        return math.hypot(x0 + dx * t - x, y0 + dy * t - y)

    out = []
    todo = list(reversed(list(zip(knots, knots[1:]))))
    while todo:
        lo, hi = todo.pop()
        (x0, y0), (x3, y3) = pts[lo], pts[hi]
        (ex, ey), (fx, fy) = direction(lo), direction(hi)
        cx, cy = x3 - x0, y3 - y0
        chord = math.hypot(cx, cy)
        if chord == 0:
            continue
        h0 = 2 * chord / (3 * (1 + max(-0.5, (ex * cx + ey * cy) / chord)))
        h1 = 2 * chord / (3 * (1 + max(-0.5, (fx * cx + fy * cy) / chord)))
        x1, y1, x2, y2 = x0 + ex * h0, y0 + ey * h0, x3 - fx * h1, y3 - fy * h1
        if hi - lo > 1:
            start, span = along[lo - a], along[hi - a] - along[lo - a]
            worst = 0.0
            for u in (0.25, 0.5, 0.75):
                v = 1 - u
                b0, b1, b2, b3 = v * v * v, 3 * u * v * v, 3 * u * u * v, u * u * u
                x = b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3
                y = b0 * y0 + b1 * y1 + b2 * y2 + b3 * y3
                # the sample step about as far along
                k = a + bisect.bisect_left(along, start + u * span, lo - a, hi - a)
                worst = max(worst, min(segment_distance(x, y, j)
                                       for j in range(max(lo, k - 3), min(hi, k + 3))))
            if worst > tol:
                mid = (lo + hi) // 2
                todo += [(mid, hi), (lo, mid)]
                continue
        out.append(((x0, y0), (x1, y1), (x2, y2), (x3, y3)))
    return out


def _split(curve: tuple, u: float) -> tuple[tuple, tuple]:
    """A cubic Bézier cut in two at parameter u (de Casteljau)."""
    p0, p1, p2, p3 = curve

    def lerp(p: tuple, q: tuple) -> tuple:
        return p[0] + (q[0] - p[0]) * u, p[1] + (q[1] - p[1]) * u
    a, b, c = lerp(p0, p1), lerp(p1, p2), lerp(p2, p3)
    d, e = lerp(a, b), lerp(b, c)
    f = lerp(d, e)
    return (p0, a, d, f), (f, e, c, p3)


def _trim(curves: list[tuple], cut: float) -> list[tuple]:
    """A chain of Béziers with about `cut` of its length taken off each end."""
    def length(c: tuple) -> float:
        p0, p1, p2, p3 = c
        return (math.dist(p0, p3) + math.dist(p0, p1) + math.dist(p1, p2) + math.dist(p2, p3)) / 2
    lengths = [length(c) for c in curves]
    if sum(lengths) <= 2 * cut:
        return []
    out = list(curves)
    for _ in range(2):
        left = cut
        while out and lengths[0] <= left:
            left -= lengths.pop(0)
            out.pop(0)
        if out and left > 0:
            piece = _split(out[0], left / lengths[0])[1]
            out[0], lengths[0] = piece, length(piece)
        # then the other end, the chain turned round
        out = [(p3, p2, p1, p0) for p0, p1, p2, p3 in reversed(out)]
        lengths.reverse()
    return out


def _simplify(us: list[float], fs: list[float], tol: float) -> list[int]:
    """Indices of the samples a piecewise-straight fade through them needs (Douglas–Peucker)."""
    keep = {0, len(us) - 1}
    todo = [(0, len(us) - 1)]
    while todo:
        a, b = todo.pop()
        worst, at = tol, -1
        for k in range(a + 1, b):
            t = (us[k] - us[a]) / ((us[b] - us[a]) or 1.0)
            off = abs(fs[a] + (fs[b] - fs[a]) * t - fs[k])
            if off > worst:
                worst, at = off, k
        if at >= 0:
            keep.add(at)
            todo += [(a, at), (at, b)]
    return sorted(keep)


def _paint_segment(sk: Any, r: Ribbon, s: Segment, edges: tuple, fades: list[float], halo: float,
                   background: tuple) -> None:
    left, right = edges
    a, b = s.start, s.end
    lefts, rights = _fit(left, a, b), _fit(right, a, b)
    if s.halo and halo > 0:
        # the edge: a band in the background colour along each side (its inner half under the body),
        # stopping short of the stretch's ends so it never cuts across the ribbon's neighbouring stretch
        strokes: list[tuple] = []
        for side in (lefts, rights):
            part = _trim(side, 1.5 * halo)
            if part:
                strokes.append(("M", *part[0][0]))
                strokes += [("C", *c1, *c2, *p3) for _, c1, c2, p3 in part]
        if strokes:
            sk.path(strokes, stroke=background, line_width=2 * halo)
    body: list[tuple] = [("M", *left[a])]
    body += [("C", *c1, *c2, *p3) for _, c1, c2, p3 in lefts]
    body.append(("L", *right[b]))
    body += [("C", *c2, *c1, *p0) for p0, c1, c2, _ in reversed(rights)]
    body.append(("Z",))
    shade = fades[a:b + 1]
    (x0, y0), (x1, y1) = r.points[a], r.points[b]
    dx, dy = x1 - x0, y1 - y0
    chord = dx * dx + dy * dy
    if max(shade) - min(shade) < 2 * TONE or chord <= 0:
        sk.path(body, fill=mix(r.color, background, (max(shade) + min(shade)) / 2))
        return
    # paler where it passes behind: a shading along the stretch whose tones follow the fade
    us, fs = [], []
    for k, f in zip(range(a, b + 1), shade):
        x, y = r.points[k]
        u = min(1.0, max(0.0, ((x - x0) * dx + (y - y0) * dy) / chord))
        if not us or u > us[-1] + 1e-4:
            us.append(u)
            fs.append(f)
    us[0], us[-1] = 0.0, 1.0
    keep = _simplify(us, fs, TONE)
    sk.linear_gradient(body, x0, y0, x1, y1, [mix(r.color, background, fs[k]) for k in keep],
                       [us[k] for k in keep])


def draw_ribbons(sk: Any, ribbons: Sequence[Ribbon], halo: float, pieces: Sequence[Piece] = (),
                 background: tuple = WHITE) -> None:
    """Draws the ribbons and extra pieces back to front (see `plan_ribbons`), each stretch of ribbon as one
    outline of a few curves. A stretch that passes over something first lays an edge of `background`
    colour (`halo` wide) along both its sides, so crossings read as a clean over and under; where a ribbon
    passes behind it turns paler, shaded smoothly along its length."""
    edges = [_offsets(r) for r in ribbons]
    fades = [_fades(r) for r in ribbons]
    for item in plan_ribbons(ribbons, halo, pieces):
        if isinstance(item, Segment):
            for piece in item.under:
                piece.paint(sk)
            ri = item.ribbon
            _paint_segment(sk, ribbons[ri], item, edges[ri], fades[ri], halo, background)
            for piece in item.over:
                piece.paint(sk)
        else:
            item.paint(sk)


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
