"""The drawing order: each ribbon cut into stretches between its crossings, the stretches sorted so the
one nearer the viewer comes later wherever two touch, and the extra pieces placed among them."""

from __future__ import annotations

import heapq
import itertools
import math
from typing import Any, Sequence

from .contacts import group_crossings, touching_points
from .model import Piece, Ribbon, Segment

TIE = 0.02  # depths closer than this where two ribbons cross: either may go over
OVER, UNDER = 1, 2  # where a ribbon passes over others, under them (or both: 3)


def longest_step(r: Ribbon) -> float:
    """About the longest step between two of a ribbon's points."""
    pts, n = r.points, len(r.points)
    return max((math.dist(pts[k], pts[k + 1]) for k in range(0, n - 1, max(1, n // 16))), default=1.0) or 1.0


def runs_around(points: set[int], reach: int, n: int) -> list[list[int]]:
    """The points within `reach` of any in `points`, as sorted runs [first, last]."""
    runs: list[list[int]] = []
    for k in sorted(points):
        lo, hi = max(0, k - reach), min(n - 1, k + reach)
        if runs and lo <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], hi)
        else:
            runs.append([lo, hi])
    return runs


def cut_points(r: Ribbon, places: list[list[int]], keep: Sequence[tuple[int, int]], halo: float) -> list[int]:
    """Where to cut a ribbon, given the runs of points [first, last, kind] where it passes over others
    (kind OVER), under them (UNDER) or both: so that no stretch passes both over and under (then no
    order of stretches can go round in a loop), with as few cuts as that takes. A cut keeps far enough
    from where the ribbon passes over for the edge to stop short of it, clear of the runs of points in
    `keep` (where pieces hang that the edge must set off), where the ribbon is unshaded for a ribbon's
    width either side if it can (so more stretches are plain fills), and else as near the middle of the
    gap as possible. Where there is no room it goes just inside where the ribbon passes under, hidden."""
    n = len(r.points)
    step = longest_step(r)
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
    """The drawing order. Each ribbon is cut into stretches (see `cut_points`); the stretches are sorted so
    that wherever two touch, the one nearer the viewer comes later, and the pieces are placed among them.
    A ribbon that touches nothing stays whole."""
    pairs = touching_points(ribbons, halo)
    depth = [r.depth for r in ribbons]
    # the touching points, gathered into crossings; at each, the ribbon nearer the viewer goes over
    # (+1: the first of the two, -1: the second, 0: a tie, either may)
    crossings: list[tuple[int, list]] = []
    for group in group_crossings(pairs):
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
    beside = {id(piece): points_beside(ribbons[ri], piece, halo) for ri, hangs in enumerate(hung)
              for piece, k in hangs if piece.z < ribbons[ri].depth[k]}
    nodes: list[Any] = []
    owner: list[list[int]] = []  # each point's stretch (by number in nodes)
    for ri, r in enumerate(ribbons):
        n = len(r.points)
        kinds = [0] * n
        for points, kind in ((over[ri], OVER), (under[ri], UNDER)):
            for lo, hi in runs_around(points, 1, n):
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
        bounds = [0, *cut_points(r, places, keep, halo), n - 1]
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
        s.halo = [(lo, hi, 2) for lo, hi in runs_around(edged.get(i, set()), 1, len(ribbons[s.ribbon].points))]
        s.covers = [(ri, lo, hi) for ri, points in sorted(covered.get(i, {}).items())
                    for lo, hi in runs_around(points, 3, len(ribbons[ri].points))]
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


def points_beside(r: Ribbon, piece: Piece, halo: float) -> tuple[int, int]:
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
