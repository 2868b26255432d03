"""Where ribbons touch: close pairs of points, gathered into crossings."""

from __future__ import annotations

import math
from typing import Sequence

from .model import Ribbon

CHUNK = 8  # points: contacts are first looked for between runs of this many points
TIE = 0.02  # depths closer than this where two ribbons cross: either may go over

Pair = tuple[int, int, int, int]  # (ribbon a, point, ribbon b, point) that touch, a < b
Box = tuple[int, int, int, float, float, float, float]  # (ribbon, first point, end point, x0, y0, x1, y1)
Crossing = tuple[int, list[Pair]]  # who goes over (+1: ribbon a, -1: ribbon b, 0: either) and the pairs


def touching_points(ribbons: Sequence[Ribbon], halo: float) -> list[Pair]:
    """Where two ribbons come close enough to touch (counting the edge): pairs (ribbon a, point, ribbon b,
    point) with a < b. Runs of a few points are boxed and the boxes sorted into a grid; only points in
    boxes that overlap are compared."""
    boxes = run_boxes(ribbons, halo)
    if len(ribbons) < 2 or not boxes:
        return []
    nearest = nearest_touches(ribbons, boxes, overlapping(boxes), halo)
    pairs = set()
    for (r, k, other), (_, m) in nearest.items():
        pairs.add((r, k, other, m) if r < other else (other, m, r, k))
    return sorted(pairs)


def run_boxes(ribbons: Sequence[Ribbon], halo: float) -> list[Box]:
    """A box round each run of `CHUNK` points of each ribbon (and the next point), grown by half its
    widest width and half the edge."""
    boxes = []
    for ri, r in enumerate(ribbons):
        pts, widths, n = r.points, r.width, len(r.points)
        for k0 in range(0, max(1, n - 1), CHUNK):
            k1 = min(n, k0 + CHUNK + 1)
            xs = [p[0] for p in pts[k0:k1]]
            ys = [p[1] for p in pts[k0:k1]]
            grow = max(widths[k0:k1]) / 2 + halo / 2
            boxes.append((ri, k0, k1, min(xs) - grow, min(ys) - grow, max(xs) + grow, max(ys) + grow))
    return boxes


def overlapping(boxes: Sequence[Box]) -> set[tuple[int, int]]:
    """The pairs of boxes (by number, the first of a lower-numbered ribbon) that overlap, found through a
    grid of cells as large as the largest box."""
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
    return candidates


def nearest_touches(ribbons: Sequence[Ribbon], boxes: Sequence[Box], candidates: set[tuple[int, int]],
                    halo: float) -> dict[tuple[int, int, int], tuple[float, int]]:
    """For each point the nearest it touches on each other ribbon (its neighbours touch much the same),
    comparing the points of overlapping boxes: (ribbon, point, other ribbon) -> (how deep, other point)."""
    nearest: dict[tuple[int, int, int], tuple[float, int]] = {}
    for i, j in sorted(candidates):
        ra, a0, a1 = boxes[i][:3]
        rb, b0, b1, bx0, by0, bx1, by1 = boxes[j]
        pa, wa, pb, wb = ribbons[ra].points, ribbons[ra].width, ribbons[rb].points, ribbons[rb].width
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
    return nearest


def group_crossings(pairs: list[Pair]) -> list[list[Pair]]:
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


def decide_crossings(ribbons: Sequence[Ribbon], halo: float) -> list[Crossing]:
    """The touching points, gathered into crossings, and at each which ribbon goes over: the one nearer the
    viewer where the two centre lines come closest (where they cross). +1: the first of the two, -1: the
    second, 0: a tie (depths within `TIE`), either may."""
    depth = [r.depth for r in ribbons]
    crossings: list[Crossing] = []
    for group in group_crossings(touching_points(ribbons, halo)):
        a, k, b, m = min(group, key=lambda q: math.dist(ribbons[q[0]].points[q[1]], ribbons[q[2]].points[q[3]]))
        dz = depth[a][k] - depth[b][m]
        crossings.append((1 if dz > TIE else -1 if dz < -TIE else 0, group))
    return crossings
