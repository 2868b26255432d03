"""The drawing order: each ribbon cut into stretches between its crossings (`cuts`), the stretches sorted
so the one nearer the viewer comes later wherever two touch, the edge laid where a stretch passes over
something drawn before it, and the extra pieces placed among them (`hanging`)."""

from __future__ import annotations

import heapq
from typing import Sequence

from .contacts import Crossing, decide_crossings
from .cuts import cut_ribbons, runs_around
from .hanging import beside_all, hang_among, hang_pieces
from .model import Piece, Ribbon, Segment

Touch = tuple[int, int, int, int]  # (stretch, its point, other stretch, its point) that touch


def plan_ribbons(ribbons: Sequence[Ribbon], halo: float, pieces: Sequence[Piece] = ()) -> list[Segment | Piece]:
    """The drawing order. Each ribbon is cut into stretches (see `cuts.cut_points`); the stretches are
    sorted so that wherever two touch, the one nearer the viewer comes later, and the pieces are placed
    among them. A ribbon that touches nothing stays whole."""
    crossings = decide_crossings(ribbons, halo)
    hung, free = hang_pieces(pieces, len(ribbons))
    beside = beside_all(ribbons, hung, halo)
    keeps = [[beside[id(piece)] for piece, _ in hangs if id(piece) in beside] for hangs in hung]
    stretches, owner = cut_ribbons(ribbons, crossings, keeps, halo)
    score, touching = weigh_stretches(ribbons, crossings, stretches, owner)
    nodes: list[Segment | Piece] = [*stretches, *free]
    order = draw_order(nodes, score)
    place = [0] * len(nodes)
    for at, i in enumerate(order):
        place[i] = at
    lay_edges(ribbons, stretches, touching, place)
    hang_among(ribbons, stretches, hung, beside, owner, place)
    return [nodes[i] for i in order]


def weigh_stretches(ribbons: Sequence[Ribbon], crossings: Sequence[Crossing], stretches: Sequence[Segment],
                    owner: Sequence[Sequence[int]]) -> tuple[dict[tuple[int, int], float], list[Touch]]:
    """Wherever two stretches touch the one nearer the viewer goes over (a tie does not decide): the
    score of each pair of stretches that touch (> 0: the first goes over), and every touching pair of
    points by stretch. Sets each stretch's sort key: its mean depth where it touches others, else along
    its whole length."""
    depth = [r.depth for r in ribbons]
    score: dict[tuple[int, int], float] = {}
    sums = [0.0] * len(stretches)
    counts = [0] * len(stretches)
    touching: list[Touch] = []
    for sign, group in crossings:
        for a, k, b, m in group:
            ia, ib = owner[a][k], owner[b][m]
            if sign:
                score[(ia, ib)] = score.get((ia, ib), 0) + sign
            sums[ia] += depth[a][k]
            sums[ib] += depth[b][m]
            counts[ia] += 1
            counts[ib] += 1
            touching.append((ia, k, ib, m))
    for i, s in enumerate(stretches):
        if counts[i]:
            s.key = sums[i] / counts[i]
        else:
            zs = depth[s.ribbon][s.start:s.end + 1]
            s.key = sum(zs) / len(zs)
    return score, touching


def draw_order(nodes: Sequence[Segment | Piece], score: dict[tuple[int, int], float]) -> list[int]:
    """The nodes' numbers back to front: after every stretch each one goes over (by `score`), otherwise by
    depth (a stretch's key, a free piece's z). A loop of crossings the cuts left whole (ribbons packed very
    tightly) is broken at the node waiting on fewest others."""
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
    placed = [False] * len(nodes)
    while len(order) < len(nodes):
        if not ready:  # a loop: break it
            i = min((i for i in range(len(nodes)) if not placed[i]), key=lambda i: (waiting[i], key(i)))
            heapq.heappush(ready, (key(i), i))
            waiting[i] = 0
        _, i = heapq.heappop(ready)
        if placed[i]:
            continue
        placed[i] = True
        order.append(i)
        for j in later[i]:
            waiting[j] -= 1
            if waiting[j] == 0 and not placed[j]:
                heapq.heappush(ready, (key(j), j))
    return order


def lay_edges(ribbons: Sequence[Ribbon], stretches: Sequence[Segment], touching: Sequence[Touch],
              place: Sequence[int]) -> None:
    """The edge goes wherever a stretch passes close by something drawn before it: sets each stretch's
    `halo` (both sides) and `covers` (the other ribbons' points it passes over)."""
    edged: dict[int, set[int]] = {}
    covered: dict[int, dict[int, set[int]]] = {}  # per stretch, the points of each other ribbon it covers
    for ia, k, ib, m in touching:
        if place[ia] > place[ib]:
            edged.setdefault(ia, set()).add(k)
            covered.setdefault(ia, {}).setdefault(stretches[ib].ribbon, set()).add(m)
        else:
            edged.setdefault(ib, set()).add(m)
            covered.setdefault(ib, {}).setdefault(stretches[ia].ribbon, set()).add(k)
    for i, s in enumerate(stretches):
        s.halo = [(lo, hi, 2) for lo, hi in runs_around(edged.get(i, set()), 1, len(ribbons[s.ribbon].points))]
        s.covers = [(ri, lo, hi) for ri, points in sorted(covered.get(i, {}).items())
                    for lo, hi in runs_around(points, 3, len(ribbons[ri].points))]
