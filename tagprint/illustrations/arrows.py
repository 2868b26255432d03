"""Arrows: two to six ribbons that twist around one another as they rise, then part and point upward.

A ribbon passes properly over and under the others (woven like a plait); a thin edge in the background
colour separates the one in front, and a ribbon turns paler where it passes behind. `draw_ribbons` is
shared with the double helix. It draws each ribbon as a few stretches, cut between its crossings, each
one outline of Bézier curves fitted to the sampled edges and filled with a shading along the ribbon,
sorted so the one in front comes later at every crossing: a few hundred path operators, where a stack
of depth-sorted slices took thousands of small shapes.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from ..errors import Problem, Where
from . import Range, known_params, register
from .dots import check_colors, parse_background, parse_colors, theme_color

COUNT = Range(2, 6)
TWIST = Range(0.5, 4)
# the alt text's words, keys of the generated-words catalogue (tagprint.words): counts, and turns by half-turns
NUMBERS = {2: "count_2", 3: "count_3", 4: "count_4", 5: "count_5", 6: "count_6"}
TURNS = {0.5: "turn_quarter", 1: "turn_half", 1.5: "turn_three_quarters", 2: "turn_one", 3: "turn_one_and_half",
         4: "turn_two"}
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
    """A ribbon's centre line: points (x, y), depth z (-1 behind … 1 in front) and width at each point.

    `axis` is the way the ribbon runs on the whole (a unit vector; each point further along it than the
    last), along which its shading is laid out: then every stretch of the ribbon shades alike where they
    meet. By default, from its first point towards its last."""

    points: list[tuple[float, float]]
    depth: list[float]
    width: list[float]
    color: tuple
    fade: float = 0.35  # how much paler the ribbon turns at the back
    axis: tuple[float, float] | None = None


@dataclass
class Piece:
    """Anything drawn in depth order besides the ribbons (rungs, arrowheads): `paint(sk)`.

    A piece with a `host` (ribbon number, point index) hangs from that ribbon: it is drawn just before the
    ribbon's part there if it lies deeper than the ribbon at that point (the ribbon covers its end and sets
    it off with the edge in the background colour), else just after. A piece without one takes its place
    among the ribbons' parts by depth `z` (arrowheads, at 2, come last). A hanging piece drawn first gives
    its `shape` (a line through its middle, reaching `thick` either side of it) so that edge follows it
    all the way across.
    """

    z: float
    paint: Callable[[Any], None]
    host: tuple[int, int] | None = None
    shape: tuple[tuple[float, float], ...] = ()
    thick: float = 0.0


@dataclass
class Segment:
    """One stretch of a ribbon, points `start` to `end` (both included), drawn as one outline. Neighbouring
    stretches of a ribbon overlap by a step, so no hairline seam shows between them."""

    ribbon: int
    start: int
    end: int
    key: float = 0.0  # the depth it is sorted by where no crossing decides
    halo: list[tuple[int, int, int]] = field(default_factory=list)  # (first, last, side) points along
    # which it passes over something close by, on its left (side 0), right (1) or both (2): lay the edge
    # in the background colour there first
    under: list[Piece] = field(default_factory=list)  # hung from it, behind: drawn just before it
    covers: list[tuple[int, int, int]] = field(default_factory=list)  # (ribbon, first, last) points of the
    # ribbons drawn before it that it passes over: its edge is laid only on those (never on a rung or
    # anything else drawn beside them)
    over: list[Piece] = field(default_factory=list)  # hung from it, in front: drawn just after it


FIT = 0.1  # points: how far an outline's curves may stray from the sampled edges
TURN = 1.3  # radians: the most a ribbon turns along one of those curves
TONE = 0.01  # how far a shading may stray from the exact fade (a fraction of the way to the background)
TIE = 0.02  # depths closer than this where two ribbons cross: either may go over
CHUNK = 8  # points: contacts are first looked for between runs of this many points
OVER, UNDER = 1, 2  # where a ribbon passes over others, under them (or both: 3)


def _contacts(ribbons: Sequence[Ribbon], halo: float) -> list[tuple[int, int, int, int]]:
    """Where two ribbons come close enough to touch (counting the edge): pairs (ribbon a, point, ribbon b,
    point) with a < b. Runs of a few points are boxed and the boxes sorted into a grid; only points in
    boxes that overlap are compared."""
    boxes = []
    for ri, r in enumerate(ribbons):
        pts, widths, n = r.points, r.width, len(r.points)
        for k0 in range(0, max(1, n - 1), CHUNK):
            k1 = min(n, k0 + CHUNK + 1)
            xs = [p[0] for p in pts[k0:k1]]
            ys = [p[1] for p in pts[k0:k1]]
            grow = max(widths[k0:k1]) / 2 + halo / 2
            boxes.append((ri, k0, k1, min(xs) - grow, min(ys) - grow, max(xs) + grow, max(ys) + grow))
    if len(ribbons) < 2 or not boxes:
        return []
    cell = max(max(b[5] - b[3], b[6] - b[4]) for b in boxes)
    grid: dict[tuple[int, int], list[int]] = {}
    for i, (_, _, _, x0, y0, x1, y1) in enumerate(boxes):
        for gx in range(int(x0 // cell), int(x1 // cell) + 1):
            for gy in range(int(y0 // cell), int(y1 // cell) + 1):
                grid.setdefault((gx, gy), []).append(i)
    candidates = set()
    for bucket in grid.values():
        for i in bucket:
            ri, _, _, ax0, ay0, ax1, ay1 = boxes[i]
            for j in bucket:
                rj, _, _, bx0, by0, bx1, by1 = boxes[j]
                if rj > ri and ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1:
                    candidates.add((i, j))
    # for each point the nearest it touches on each other ribbon (its neighbours touch much the same)
    nearest: dict[tuple[int, int, int], tuple[float, int]] = {}
    for i, j in sorted(candidates):
        ra, a0, a1 = boxes[i][:3]
        rb, b0, b1 = boxes[j][:3]
        pa, wa, pb, wb = ribbons[ra].points, ribbons[ra].width, ribbons[rb].points, ribbons[rb].width
        _, _, _, bx0, by0, bx1, by1 = boxes[j]
        far = [(m, pb[m][0], pb[m][1], wb[m] / 2 + halo) for m in range(b0, b1)]
        for k in range(a0, a1, 2):  # every other point: its neighbours fill in (see plan_ribbons)
            ax, ay = pa[k]
            ha = wa[k] / 2
            if not (bx0 - ha - halo < ax < bx1 + ha + halo and by0 - ha - halo < ay < by1 + ha + halo):
                continue
            for m, bx, by, hb in far:
                reach = ha + hb
                d = (ax - bx) ** 2 + (ay - by) ** 2 - reach * reach
                if d < 0:
                    if nearest.get((ra, k, rb), (0.0,))[0] > d:
                        nearest[(ra, k, rb)] = (d, m)
                    if nearest.get((rb, m, ra), (0.0,))[0] > d:
                        nearest[(rb, m, ra)] = (d, k)
    pairs = set()
    for (r, k, other), (_, m) in nearest.items():
        pairs.add((r, k, other, m) if r < other else (other, m, r, k))
    return sorted(pairs)


def _crossings(pairs: list[tuple[int, int, int, int]]) -> list[list[tuple[int, int, int, int]]]:
    """Touching pairs of points gathered into crossings: pairs of the same two ribbons a few points apart
    on both belong to one."""
    pairs = sorted(pairs, key=lambda q: (q[0], q[2], q[1], q[3]))
    parent = list(range(len(pairs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for i, (a, k, b, m) in enumerate(pairs):
        j = i - 1
        while j >= 0 and pairs[j][0] == a and pairs[j][2] == b and k - pairs[j][1] <= 3:
            if abs(m - pairs[j][3]) <= 3:
                parent[root(i)] = root(j)
            j -= 1
    groups: dict[int, list] = {}
    for i, pair in enumerate(pairs):
        groups.setdefault(root(i), []).append(pair)
    return list(groups.values())


def _step(r: Ribbon) -> float:
    """About the longest step between two of a ribbon's points."""
    pts, n = r.points, len(r.points)
    return max((math.dist(pts[k], pts[k + 1]) for k in range(0, n - 1, max(1, n // 16))), default=1.0) or 1.0


def _fades(r: Ribbon) -> list[float]:
    """How far towards the background each point is paled: only where the ribbon passes behind."""
    return [r.fade * max(0.0, -z) for z in r.depth]


def _spans(points: set[int], reach: int, n: int) -> list[list[int]]:
    """The points within `reach` of any in `points`, as sorted runs [first, last]."""
    runs: list[list[int]] = []
    for k in sorted(points):
        lo, hi = max(0, k - reach), min(n - 1, k + reach)
        if runs and lo <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], hi)
        else:
            runs.append([lo, hi])
    return runs


def _cuts(r: Ribbon, places: list[list[int]], keep: Sequence[tuple[int, int]], halo: float) -> list[int]:
    """Where to cut a ribbon, given the runs of points [first, last, kind] where it passes over others
    (kind OVER), under them (UNDER) or both: so that no stretch passes both over and under (then no
    order of stretches can go round in a loop), with as few cuts as that takes. A cut keeps far enough
    from where the ribbon passes over for the edge to stop short of it, clear of the runs of points in
    `keep` (where pieces hang that the edge must set off), where the ribbon is unshaded for a ribbon's
    width either side if it can (so more stretches are plain fills), and else as near the middle of the
    gap as possible. Where there is no room it goes just inside where the ribbon passes under, hidden."""
    n = len(r.points)
    step = _step(r)
    room = max(1, math.ceil(1.5 * halo / step))  # the edge stops this many points short of a cut
    reach = max(1, math.ceil(max(r.width) / 2 / step))
    shaded = [0, *itertools.accumulate(z < 0 for z in r.depth)]  # how many shaded points before each
    near = [False] * n
    for lo, hi in keep:
        for j in range(max(0, lo - room - 1), min(n, hi + room + 2)):
            near[j] = True
    cuts: list[int] = []
    seen = 0  # the kinds in the stretch so far
    for before, place in zip([None, *places], places):
        if before is None or (seen | place[2]) != 3:  # no clash with the stretch so far
            seen |= place[2]
            continue
        _, end, first = before
        start, last, second = place
        if start - end - 1 >= 2 * room + 3:  # room in between
            lo, hi = end + room + 1, start - room - 1
        elif second == UNDER:  # just inside the place it passes under
            lo = hi = min(last, end + room + 1)
        elif first == UNDER:
            lo = hi = max(before[0], start - room - 1)
        else:
            lo = hi = (end + start) // 2
        lo, hi = max(2, lo, cuts[-1] + 1 if cuts else 0), min(n - 3, hi)
        if lo <= hi:
            mid = (lo + hi) / 2

            def cost(c: int) -> tuple:
                return (near[c], shaded[min(n, c + reach + 1)] > shaded[max(0, c - reach)], abs(c - mid))
            cuts.append(min(range(lo, hi + 1), key=cost))
        seen = place[2]
    return cuts


def plan_ribbons(ribbons: Sequence[Ribbon], halo: float, pieces: Sequence[Piece] = ()) -> list[Segment | Piece]:
    """The drawing order. Each ribbon is cut into stretches (see `_cuts`); the stretches are sorted so
    that wherever two touch, the one nearer the viewer comes later, and the pieces are placed among them.
    A ribbon that touches nothing stays whole."""
    pairs = _contacts(ribbons, halo)
    depth = [r.depth for r in ribbons]
    # the touching points, gathered into crossings; at each, the ribbon nearer the viewer goes over
    # (+1: the first of the two, -1: the second, 0: a tie, either may)
    crossings: list[tuple[int, list]] = []
    for group in _crossings(pairs):
        # decided where the two centre lines come closest (where they cross)
        a, k, b, m = min(group, key=lambda q: math.dist(ribbons[q[0]].points[q[1]], ribbons[q[2]].points[q[3]]))
        dz = depth[a][k] - depth[b][m]
        crossings.append((1 if dz > TIE else -1 if dz < -TIE else 0, group))
    over: list[set[int]] = [set() for _ in ribbons]
    under: list[set[int]] = [set() for _ in ribbons]
    for sign, group in crossings:
        if sign:
            for a, k, b, m in group:
                (over if sign > 0 else under)[a].add(k)
                (under if sign > 0 else over)[b].add(m)
    hung: list[list[tuple[Piece, int]]] = [[] for _ in ribbons]
    free: list[Piece] = []
    for piece in pieces:
        if piece.host is None:
            free.append(piece)
        else:
            hung[piece.host[0]].append((piece, piece.host[1]))
    # where each piece hung behind a ribbon lies beside it (there the ribbon's edge sets it off)
    beside = {id(piece): _beside(ribbons[ri], piece, halo) for ri, hangs in enumerate(hung)
              for piece, k in hangs if piece.z < ribbons[ri].depth[k]}
    nodes: list[Any] = []
    owner: list[list[int]] = []  # each point's stretch (by number in nodes)
    for ri, r in enumerate(ribbons):
        n = len(r.points)
        kinds = [0] * n
        for points, kind in ((over[ri], OVER), (under[ri], UNDER)):
            for lo, hi in _spans(points, 1, n):
                for j in range(lo, hi + 1):
                    kinds[j] |= kind
        places: list[list[int]] = []  # runs of points of one kind: [first, last, kind]
        for k, kind in enumerate(kinds):
            if kind:
                if places and places[-1][1] == k - 1 and places[-1][2] == kind:
                    places[-1][1] = k
                else:
                    places.append([k, k, kind])
        keep = [beside[id(piece)] for piece, k in hung[ri] if id(piece) in beside]
        bounds = [0, *_cuts(r, places, keep, halo), n - 1]
        row: list[int] = []
        for lo, hi in zip(bounds, bounds[1:]):
            row += [len(nodes)] * (hi - lo)
            nodes.append(Segment(ri, lo, min(n - 1, hi + 1)))
        row.append(len(nodes) - 1)
        owner.append(row)
    # wherever two stretches touch the one nearer the viewer goes over; a tie does not decide
    score: dict[tuple[int, int], float] = {}
    sums = [0.0] * len(nodes)
    counts = [0] * len(nodes)
    touching = []
    for sign, group in crossings:
        for a, k, b, m in group:
            ia, ib = owner[a][k], owner[b][m]
            za, zb = depth[a][k], depth[b][m]
            if sign:
                score[(ia, ib)] = score.get((ia, ib), 0) + sign
            sums[ia] += za
            sums[ib] += zb
            counts[ia] += 1
            counts[ib] += 1
            touching.append((ia, k, ib, m))
    for i, s in enumerate(nodes):
        if counts[i]:
            s.key = sums[i] / counts[i]
        else:
            zs = depth[s.ribbon][s.start:s.end + 1]
            s.key = sum(zs) / len(zs)
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
    # the edge goes wherever a stretch passes close by something drawn before it
    edged: dict[int, set[int]] = {}
    covered: dict[int, dict[int, set[int]]] = {}  # per stretch, the points of each other ribbon it covers
    for ia, k, ib, m in touching:
        if place[ia] > place[ib]:
            edged.setdefault(ia, set()).add(k)
            covered.setdefault(ia, {}).setdefault(nodes[ib].ribbon, set()).add(m)
        else:
            edged.setdefault(ib, set()).add(m)
            covered.setdefault(ib, {}).setdefault(nodes[ia].ribbon, set()).add(k)
    for i, s in enumerate(nodes[:len(nodes) - len(free)]):
        s.halo = [(lo, hi, 2) for lo, hi in _spans(edged.get(i, set()), 1, len(ribbons[s.ribbon].points))]
        s.covers = [(ri, lo, hi) for ri, points in sorted(covered.get(i, {}).items())
                    for lo, hi in _spans(points, 3, len(ribbons[ri].points))]
    # a piece hung behind a ribbon goes just before the first-drawn stretch of it beside the piece (all of
    # them lay the edge there); one hung in front, just after the stretch it hangs from
    for ri, hangs in enumerate(hung):
        for piece, k in hangs:
            if id(piece) not in beside:
                nodes[owner[ri][k]].over.append(piece)
                continue
            lo, hi = beside[id(piece)]
            near = sorted({owner[ri][j] for j in range(max(0, lo), min(len(owner[ri]), hi + 1))} | {owner[ri][k]},
                          key=lambda j: place[j])
            nodes[near[0]].under.append(piece)
            # only on the side the piece reaches out to
            pts = ribbons[ri].points
            (ax, ay), (bx, by) = pts[max(0, k - 1)], pts[min(len(pts) - 1, k + 1)]
            (px, py), (qx, qy) = pts[k], (piece.shape or (pts[k],))[-1]
            side = 2 if (qx, qy) == (px, py) else 0 if (bx - ax) * (qy - py) - (by - ay) * (qx - px) > 0 else 1
            for j in near:
                nodes[j].halo.append((lo, hi, side))
    return [nodes[i] for i in order]


def _beside(r: Ribbon, piece: Piece, halo: float) -> tuple[int, int]:
    """The points of ribbon r, around the one `piece` hangs from, close enough for its edge to touch the
    piece's shape (a step more either side)."""
    k = piece.host[1]  # type: ignore[index]
    shape = piece.shape or (r.points[k],)
    lines = [(x0, y0, x1 - x0, y1 - y0, ((x1 - x0) ** 2 + (y1 - y0) ** 2) or 1.0)
             for (x0, y0), (x1, y1) in (list(zip(shape, shape[1:])) or [(shape[0], shape[0])])]
    pts, widths, grow = r.points, r.width, halo + piece.thick

    def close(i: int) -> bool:
        (x, y), reach = pts[i], widths[i] / 2 + grow
        for x0, y0, dx, dy, length in lines:
            t = min(1.0, max(0.0, ((x - x0) * dx + (y - y0) * dy) / length))
            if (x0 + dx * t - x) ** 2 + (y0 + dy * t - y) ** 2 < reach * reach:
                return True
        return False
    lo = hi = k
    while lo > 0 and close(lo - 1):
        lo -= 1
    while hi < len(pts) - 1 and close(hi + 1):
        hi += 1
    return lo - 1, hi + 1


def _offsets(r: Ribbon) -> tuple[list[tuple], list[tuple], list[float], tuple[list[tuple], list[tuple]]]:
    """A ribbon's two edges, left and right of its centre line; how far the centre line has turned (in
    radians, every bend counted) at each point; and each edge's direction at each point."""
    pts = r.points
    ways = _ways(pts)
    turned = list(itertools.accumulate(abs(px * ty - py * tx)  # the sine of the small angle turned
                                       for (px, py), (tx, ty) in zip([(0.0, 0.0), *ways[:-1]], ways)))
    halves = [w / 2 for w in r.width]
    left = [(x - ty * h, y + tx * h) for (x, y), (tx, ty), h in zip(pts, ways, halves)]
    right = [(x + ty * h, y - tx * h) for (x, y), (tx, ty), h in zip(pts, ways, halves)]
    if min(halves) != max(halves):  # where the width changes the edges run a little off the centre line
        return left, right, turned, (_Ways(left), _Ways(right))
    return left, right, turned, (ways, ways)


class _Ways:
    """The direction at each of a line's points, worked out only where asked for (at few of them)."""

    def __init__(self, pts: Sequence[tuple]):
        self.pts = pts

    def __getitem__(self, k: int) -> tuple[float, float]:
        pts = self.pts
        (ax, ay), (bx, by) = pts[max(0, k - 1)], pts[min(len(pts) - 1, k + 1)]
        tx, ty = bx - ax, by - ay
        length = math.hypot(tx, ty) or 1.0
        return tx / length, ty / length


def _ways(pts: Sequence[tuple]) -> list[tuple]:
    """The direction at each of a line's points (from its neighbours)."""
    hypot = math.hypot
    ways = []
    for (ax, ay), (bx, by) in zip([pts[0], *pts[:-1]], [*pts[1:], pts[-1]]):
        tx, ty = bx - ax, by - ay
        length = hypot(tx, ty) or 1.0
        ways.append((tx / length, ty / length))
    return ways


def _fit(edges: Sequence[Sequence[tuple]], a: int, b: int, turned: Sequence[float],
         ways: Sequence[Sequence[tuple]], tol: float = FIT) -> list[list[tuple]]:
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
    hypot = math.hypot
    while todo:
        lo, hi = todo.pop()
        span = hi - lo
        if span < 3:  # too short to fit: handles as long as for a circular arc through its ends
            for pts, way, out in zip(edges, ways, outs):
                (x0, y0), (x3, y3) = pts[lo], pts[hi]
                (ex, ey), (fx, fy) = way[lo], way[hi]
                cx, cy = x3 - x0, y3 - y0
                chord = hypot(cx, cy) or 1.0
                h0 = 2 * chord / (3 * (1 + max(-0.5, (ex * cx + ey * cy) / chord)))
                h1 = 2 * chord / (3 * (1 + max(-0.5, (fx * cx + fy * cy) / chord)))
                c1, c2 = (x0 + ex * h0, y0 + ey * h0), (x3 - fx * h1, y3 - fy * h1)
                out.append((lo, hi, ((x0, y0), c1, c2, (x3, y3))))
            continue
        # the handles' lengths by least squares at a few samples, placed by their index (the samples
        # are evenly spaced in a smooth parameter, which the curve's own parameter then follows)
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
            h0 = h1 = hypot(x3 - x0, y3 - y0) / 3
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
        if worst > tol2:
            mid = min(hi - 1, max(lo + 1, basis[at][0]))
            todo += [(mid, hi), (lo, mid)]
            continue
        for out, curve in zip(outs, curves):
            out.append(curve)
    return outs


def _split(curve: tuple, u: float) -> tuple[tuple, tuple]:
    """A cubic Bézier cut in two at parameter u (de Casteljau)."""
    p0, p1, p2, p3 = curve

    def lerp(p: tuple, q: tuple) -> tuple:
        return p[0] + (q[0] - p[0]) * u, p[1] + (q[1] - p[1]) * u
    a, b, c = lerp(p0, p1), lerp(p1, p2), lerp(p2, p3)
    d, e = lerp(a, b), lerp(b, c)
    f = lerp(d, e)
    return (p0, a, d, f), (f, e, c, p3)


def _trim(curves: list[tuple], first: float, last: float) -> list[tuple]:
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
            piece = _split(out[0], cut / lengths[0])[1]
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


def _bodies(covers: Sequence[tuple[int, int, int]], everything: Sequence[tuple]) -> list[tuple]:
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


def _paint_segment(sk: Any, r: Ribbon, s: Segment, edges: tuple, fades: list[float], halo: float,
                   background: tuple, everything: Sequence[tuple] = ()) -> None:
    """One stretch: the edge in the background colour where it needs one, then its outline (up the left
    edge, across, back down the right), a plain fill or, where it passes behind, a shading."""
    left, right, turned, ways = edges
    a, b = s.start, s.end
    lefts, rights = _fit((left, right), a, b, turned, ways)
    if s.halo and halo > 0:
        # the edge: a band in the background colour along each side (its inner half under the body)
        # where the stretch passes over something, stopping short of the stretch's ends so it never cuts
        # across the ribbon's neighbouring stretch
        strokes: list[tuple] = []
        for which, side in enumerate((lefts, rights)):
            spans = sorted((e0, e1) for e0, e1, where in s.halo if where in (which, 2))
            runs: list[list[tuple]] = []
            for lo, hi, curve in side:
                if any(lo <= e1 and hi >= e0 for e0, e1 in spans):
                    if runs and runs[-1][-1][1] == lo:
                        runs[-1].append((lo, hi, curve))
                    else:
                        runs.append([(lo, hi, curve)])
            for run in runs:
                part = _trim([c for _, _, c in run], 1.5 * halo if run[0][0] == a else 0.0,
                             1.5 * halo if run[-1][1] == b else 0.0)
                if part:
                    strokes.append(("M", *part[0][0]))
                    strokes += [("C", *c1, *c2, *p3) for _, c1, c2, p3 in part]
        if strokes:
            sk.path(strokes, stroke=background, line_width=2 * halo, within=_bodies(s.covers, everything))
    body: list[tuple] = [("M", *left[a])]
    body += [("C", *c1, *c2, *p3) for _, _, (_, c1, c2, p3) in lefts]
    body.append(("L", *right[b]))
    body += [("C", *c2, *c1, *p0) for _, _, (p0, c1, c2, _) in reversed(rights)]
    body.append(("Z",))
    shade = fades[a:b + 1]
    if max(shade) - min(shade) < 2 * TONE:
        sk.path(body, fill=mix(r.color, background, (max(shade) + min(shade)) / 2))
        return
    # paler where it passes behind: a shading along the ribbon's axis, its tones following the fade at
    # the centre line's points (from the point before the stretch to the one after, so where two
    # stretches meet both shade alike)
    n = len(r.points)
    ux, uy = _axis(r)
    us, fs = [], []
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
    keep = _simplify(us, fs, TONE)
    sk.linear_gradient(body, ux * first, uy * first, ux * last, uy * last,
                       [mix(r.color, background, fs[k]) for k in keep],
                       [(us[k] - first) / (last - first) for k in keep])


def _axis(r: Ribbon) -> tuple[float, float]:
    if r.axis is not None:
        return r.axis
    (x0, y0), (x1, y1) = r.points[0], r.points[-1]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    return (x1 - x0) / length, (y1 - y0) / length


def draw_ribbons(sk: Any, ribbons: Sequence[Ribbon], halo: float, pieces: Sequence[Piece] = (),
                 background: tuple = WHITE) -> None:
    """Draws the ribbons and extra pieces back to front (see `plan_ribbons`), each stretch of ribbon as one
    outline of a few curves. Where a stretch passes over something it first lays an edge of `background`
    colour (`halo` wide) along its sides there, so crossings read as a clean over and under; where a
    ribbon passes behind it turns paler, shaded smoothly along its length."""
    edges = [_offsets(r) for r in ribbons]
    fades = [_fades(r) for r in ribbons]
    for item in plan_ribbons(ribbons, halo, pieces):
        if isinstance(item, Segment):
            for piece in item.under:
                piece.paint(sk)
            ri = item.ribbon
            _paint_segment(sk, ribbons[ri], item, edges[ri], fades[ri], halo, background, edges)
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


def arrow_lines(p: ArrowsParams, cx: float, amp: float, y0: float, y1: float, roots: Sequence[float],
                slots: Sequence[float], rw: float) -> list[Ribbon]:
    """The ribbons' centre lines from y0 up to y1: side by side at `roots`, twisting round one another
    about `cx` with sway `amp`, then side by side again at `slots` (the arrowheads' places)."""
    n = p.count
    a, b = 0.16, 0.74  # the twist runs from a to b; below and above it the ribbons stand apart
    speed = math.pi * p.twist / (b - a)
    # the Hermite weights (of start, start slope, end, end slope) at the places checked for tangles,
    # below and above the twist; None where the place is the twist's own end
    checks = []
    for lo, hi in ((0.0, a), (b, 1.0)):
        weights = []
        for k in range(25):
            t = lo + (hi - lo) * k / 24
            if t < a:
                tau = t / a
            elif t > b:
                tau = (t - b) / (1 - b)
            else:
                weights.append(None)
                continue
            t2, t3 = tau * tau, tau * tau * tau
            weights.append((2 * t3 - 3 * t2 + 1, t3 - 2 * t2 + tau, -2 * t3 + 3 * t2, t3 - t2))
        checks.append(weights)

    def plan(offset: float) -> tuple[list, list, list, list]:
        """Each ribbon's x and dx/dt where it enters and leaves the twist, and its root and slot."""
        ends = []
        for i in range(n):
            ths = (speed * (a - a) + 2 * math.pi * i / n + offset, speed * (b - a) + 2 * math.pi * i / n + offset)
            ends.append(tuple((cx + amp * math.sin(th), amp * math.cos(th) * speed) for th in ths))
        # each ribbon leaves the twist for the root or slot on the side it is heading to
        below, above = [0.0] * n, [0.0] * n
        for k, i in enumerate(sorted(range(n), key=lambda i: ends[i][0][0] + 0.5 * ends[i][0][1] * -a)):
            below[i] = roots[k]
        for k, i in enumerate(sorted(range(n), key=lambda i: ends[i][1][0] + 0.5 * ends[i][1][1] * (1 - b))):
            above[i] = slots[k]
        return [e[0] for e in ends], [e[1] for e in ends], below, above

    def crossings(offset: float) -> int:
        """How often ribbons cross outside the twist, where a crossing looks like a tangle."""
        enter, leave, below, above = plan(offset)
        count = 0
        for region, weights in enumerate(checks):
            xs = []
            for i in range(n):
                if region == 0:  # from the root (upright) to the twist
                    (xa, dxa), p0 = enter[i], below[i]
                    m1 = dxa * a
                    xs.append([xa if w is None else w[0] * p0 + w[2] * xa + w[3] * m1 for w in weights])
                else:  # from the twist to the slot (upright)
                    (xb, dxb), p1 = leave[i], above[i]
                    m0 = dxb * (1 - b)
                    xs.append([xb if w is None else w[0] * xb + w[1] * m0 + w[2] * p1 for w in weights])
            for i in range(n):
                for j in range(i):
                    signs = [u > v for u, v in zip(xs[i], xs[j])]
                    count += sum(s != t for s, t in zip(signs, signs[1:]))
        return count

    # of a few starting angles, the one whose ribbons enter and leave the twist most cleanly (the first
    # without a tangle, if there is one)
    offset, fewest = 0.0, -1
    for k in range(16):
        o = 2 * math.pi / n * k / 16
        c = crossings(o)
        if fewest < 0 or c < fewest:
            offset, fewest = o, c
            if c == 0:
                break
    enter, leave, below, above = plan(offset)
    # enough points for a smooth curve at any twist, and to tell crossings apart however thin the ribbons
    steps = max(45 + int(23 * p.twist), min(400, int(2 * (y1 - y0) / rw)))
    ribbons = []
    span = y1 - y0
    for i in range(n):
        (xa, dxa), (xb, dxb) = enter[i], leave[i]
        m1, m0 = dxa * a, dxb * (1 - b)
        turn = 2 * math.pi * i / n
        pts, depth, width = [], [], []
        for k in range(steps + 1):
            t = k / steps
            th = speed * (t - a) + turn + offset
            # glides from the root to the twist and from the twist to the slot along smooth curves that
            # end upright
            if t < a:
                tau = t / a
                t2, t3 = tau * tau, tau * tau * tau
                x = (2 * t3 - 3 * t2 + 1) * below[i] + (-2 * t3 + 3 * t2) * xa + (t3 - t2) * m1
                loose = min(1.0, max(0.0, tau))
                loose = loose * loose * (3 - 2 * loose)
            elif t > b:
                tau = (t - b) / (1 - b)
                t2, t3 = tau * tau, tau * tau * tau
                x = (2 * t3 - 3 * t2 + 1) * xb + (t3 - 2 * t2 + tau) * m0 + (-2 * t3 + 3 * t2) * above[i]
                loose = min(1.0, max(0.0, tau))
                loose = 1 - loose * loose * (3 - 2 * loose)
            else:
                x = cx + amp * math.sin(th)
                loose = 1.0
            pts.append((x, y0 + span * t))
            if n <= 3:
                # woven like a plait: over one ribbon, under the next
                depth.append((math.sin(2 * th) + 0.35 * math.cos(th)) / 1.35 * loose)
            else:
                # four or more twist like the strands of a rope: a ribbon stays in front for the whole
                # of its sweep across the front (one long unbroken stroke), then passes behind all the
                # others (a plait of five switches over and under every few points: it reads as dashes)
                depth.append(math.cos(th) * loose)
            grow = min(1.0, max(0.0, t / 0.12))
            width.append(rw * (0.55 + 0.45 * (grow * grow * (3 - 2 * grow))))
        ribbons.append(Ribbon(pts, depth, width, (0.0, 0.0, 0.0), fade=0.3, axis=(0.0, 1.0)))
    return ribbons


class Arrows:
    name = "arrows"
    aspect = 1.0

    def parse(self, params: dict[str, Any], where: Callable[[str], Where],
              problems: list[Problem]) -> ArrowsParams:
        values: dict[str, Any] = {}
        for key, value in known_params(self.name, ArrowsParams, params, where, problems).items():
            if key == "count":
                values[key] = COUNT.check(key, value, where(key), problems)
            elif key == "twist":
                values[key] = TWIST.check(key, value, where(key), problems, integer=False)
            elif key == "colors":
                values[key] = parse_colors(key, value, where(key), problems, most=6)
            elif key == "background":
                values[key] = parse_background(value, where(key), problems)
        return ArrowsParams(**{k: v for k, v in values.items() if v is not None})

    def alt_text(self, p: ArrowsParams, lang: str) -> str:
        from ..words import words_for  # the phrases in the document's language
        words = words_for(lang)
        text = words.get("arrows", count=words.get(NUMBERS[p.count]))
        if p.twist != ArrowsParams.twist:
            turns = words.get(TURNS[p.twist]) if p.twist in TURNS else words.get("turns_n", n=words.number(p.twist / 2))
            text += words.get("arrows_turns", turns=turns)
        return text

    def check_theme(self, p: ArrowsParams, theme: Any) -> list[str]:
        return check_colors(p.colors, theme, "arrows", p.background)

    def fit(self, p: ArrowsParams, w: float, h: float, theme: Any = None) -> tuple[float, float]:
        """The box the arrows need inside w × h: as tall, and no wider than they draw (plus the margin)."""
        used = w
        for _ in range(4):  # in a narrower box the heads fan out less: settle on a width that holds them
            ribbons, rw, _, (head_w, _, _) = arrows_geometry(p, used, h)
            xs = [x for r in ribbons for x, _ in r.points]
            need = max(xs) - min(xs) + max(rw, head_w) + 2 * min(used, h) * 0.02 + 1.0
            if need >= used - 0.5:
                break
            used = need
        return min(w, used), h

    def draw(self, sk: Any, p: ArrowsParams, box: Any, theme: Any) -> None:
        n = p.count
        colors = [theme_color(theme, p.colors[i % len(p.colors)]) for i in range(n)]
        ribbons, rw, halo, (head_w, head_l, y1) = arrows_geometry(p, sk.width, sk.height)
        for r, color in zip(ribbons, colors):
            r.color = color
        heads = [Piece(2.0, lambda sk, r=r: _head(sk, r.points[-1][0], y1, rw, head_w, head_l, r.color))
                 for r in ribbons]
        draw_ribbons(sk, ribbons, halo, heads, theme_color(theme, p.background))


def arrows_geometry(p: ArrowsParams, w: float, h: float) -> tuple[list[Ribbon], float, float, tuple]:
    """The ribbons' centre lines in a w × h box (colours unset), the ribbon width, the edge's width and
    the arrowheads' (width, length, base height)."""
    n = p.count
    margin = min(w, h) * 0.02  # just room for the edges: the box is tight to the drawing
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
    return ribbons, rw, max(0.5, rw * 0.24), (head_w, head_l, y1)


register(Arrows())
