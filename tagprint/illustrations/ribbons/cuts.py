"""Where each ribbon is cut into stretches: between the places it passes over others and the places it
passes under them, so that the stretches can be sorted front to back."""

from __future__ import annotations

import itertools
import math
from typing import Sequence

from .contacts import Crossing
from .model import Ribbon, Segment

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


def passes(ribbons: Sequence[Ribbon], crossings: Sequence[Crossing]) -> tuple[list[set[int]], list[set[int]]]:
    """Each ribbon's points where it passes over another ribbon, and where it passes under one (ties
    count as neither)."""
    over: list[set[int]] = [set() for _ in ribbons]
    under: list[set[int]] = [set() for _ in ribbons]
    for sign, group in crossings:
        if sign:
            for a, k, b, m in group:
                (over if sign > 0 else under)[a].add(k)
                (under if sign > 0 else over)[b].add(m)
    return over, under


def places_of(over: set[int], under: set[int], n: int) -> list[list[int]]:
    """A ribbon of n points: the runs of points (a point either side of each too) where it passes over
    (kind OVER), under (UNDER) or both (3), as [first, last, kind], in order."""
    kinds = [0] * n
    for points, kind in ((over, OVER), (under, UNDER)):
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
    return places


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


def cut_ribbons(ribbons: Sequence[Ribbon], crossings: Sequence[Crossing], keeps: Sequence[Sequence[tuple[int, int]]],
                halo: float) -> tuple[list[Segment], list[list[int]]]:
    """Every ribbon cut into stretches (see `cut_points`; `keeps` per ribbon), in ribbon order, and each
    ribbon's points' stretch (its number in the list). A stretch overlaps the next by a point."""
    over, under = passes(ribbons, crossings)
    stretches: list[Segment] = []
    owner: list[list[int]] = []  # each point's stretch (by number in stretches)
    for ri, r in enumerate(ribbons):
        n = len(r.points)
        bounds = [0, *cut_points(r, places_of(over[ri], under[ri], n), keeps[ri], halo), n - 1]
        row: list[int] = []
        for lo, hi in zip(bounds, bounds[1:]):
            row += [len(stretches)] * (hi - lo)
            stretches.append(Segment(ri, lo, min(n - 1, hi + 1)))
        row.append(len(stretches) - 1)
        owner.append(row)
    return stretches, owner
