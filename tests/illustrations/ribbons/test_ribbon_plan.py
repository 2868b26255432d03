"""The ribbon engine's plan (`tagprint.illustrations.ribbons.plan_ribbons`): each ribbon cut into stretches
that together draw it whole, sorted so that at every crossing the ribbon nearer the viewer comes later, and
the extra pieces each placed exactly once."""

from __future__ import annotations

import math

import pytest

from ribbon_cases import ARROWS, HALO, HELIX, arrows, drawn_at, helix, line, stretches_of, wave
from tagprint.illustrations.ribbons import Piece, Segment, plan_ribbons
from tagprint.illustrations.ribbons.contacts import decide_crossings


def crossing_points(ribbons, halo):
    """Each decided crossing as ((front ribbon, point), (back ribbon, point)), where the centre lines come
    closest; ties left out."""
    out = []
    for sign, group in decide_crossings(ribbons, halo):
        a, k, b, m = min(group, key=lambda q: math.dist(ribbons[q[0]].points[q[1]], ribbons[q[2]].points[q[3]]))
        if sign:
            out.append(((a, k), (b, m)) if sign > 0 else ((b, m), (a, k)))
    return out


def assert_whole(ribbons, order):
    """Every ribbon's stretches run from its first point to its last with no gap and no stretch twice."""
    for ri, r in enumerate(ribbons):
        stretches = stretches_of(order, ri)
        assert stretches, f"ribbon {ri} is not drawn"
        assert stretches[0].start == 0 and stretches[-1].end == len(r.points) - 1
        for a, b in zip(stretches, stretches[1:]):
            assert a.start < b.start <= a.end, (ri, a, b)  # each starts inside the last: no seam, no gap


def assert_front_later(ribbons, halo, order):
    at = drawn_at(order)
    crossings = crossing_points(ribbons, halo)
    for front, back in crossings:
        assert min(at[front]) > max(at[back]), (front, back)
    return crossings


def alternates(crossings, ribbon):
    """Over (True) or under at each crossing along `ribbon`, in order."""
    seen = sorted((front[1] if front[0] == ribbon else back[1], front[0] == ribbon)
                  for front, back in crossings if ribbon in (front[0], back[0]))
    return [over for _, over in seen]


def test_a_ribbon_that_touches_nothing_stays_whole_and_unedged():
    ribbons = [line(0, 0, 0, 200, 0.5), line(100, 0, 100, 200, -0.5)]
    order = plan_ribbons(ribbons, HALO)
    assert [(s.ribbon, s.start, s.end) for s in order] == [(1, 0, 60), (0, 0, 60)]  # deeper first
    assert all(not s.halo and not s.covers for s in order)


@pytest.mark.parametrize("front", [0, 1])
def test_where_two_cross_the_nearer_is_drawn_later_with_the_edge_on_the_other(front):
    ribbons = [line(0, 0, 100, 100, 0.6 if front == 0 else -0.6), line(100, 0, 0, 100, -0.6 if front == 0 else 0.6)]
    order = plan_ribbons(ribbons, HALO)
    assert [s.ribbon for s in order] == [1 - front, front]
    top, below = order[1], order[0]
    assert top.halo and [ri for ri, _, _ in top.covers] == [1 - front]
    _, lo, hi = top.covers[0]
    assert lo <= 30 <= hi  # the middle of the other ribbon, where they cross
    assert not below.halo and not below.covers


def test_a_tie_decides_nothing_and_cuts_nothing():
    """Two ribbons crossing level with each other: either may go over, so neither is cut for it."""
    ribbons = [line(0, 0, 100, 100, 0.0), line(100, 0, 0, 100, 0.01)]
    assert [sign for sign, _ in decide_crossings(ribbons, HALO)] == [0]
    order = plan_ribbons(ribbons, HALO)
    assert sorted((s.ribbon, s.start, s.end) for s in order) == [(0, 0, 60), (1, 0, 60)]


def test_a_woven_ribbon_is_cut_between_over_and_under():
    """A ribbon waving over, under and over an upright one: each crossing is drawn the right way round,
    so both are cut, and no stretch passes over the other ribbon in one place and under it in another."""
    ribbons = [line(0, 0, 0, 300, 0.0, n=151), wave(3)]
    order = plan_ribbons(ribbons, HALO)
    crossings = assert_front_later(ribbons, HALO, order)
    assert alternates(crossings, 1) == [True, False, True]  # the wave: over, under, over
    assert len(stretches_of(order, 0)) >= 2 and len(stretches_of(order, 1)) >= 2
    assert_whole(ribbons, order)
    for s in order:
        kinds = {over for front, back in crossings for (ri, k), over in ((front, True), (back, False))
                 if ri == s.ribbon and s.start <= k <= s.end}
        assert len(kinds) <= 1, s  # only over, or only under


@pytest.mark.parametrize("count,twist,w,h", ARROWS)
def test_arrows_each_ribbon_drawn_whole_and_the_nearer_later_at_every_crossing(count, twist, w, h):
    ribbons, halo = arrows(count, twist, w, h)
    order = plan_ribbons(ribbons, halo)
    assert_whole(ribbons, order)
    crossings = assert_front_later(ribbons, halo, order)
    assert crossings or (count, twist) == (2, 0.5)  # a quarter turn of two may not cross at all


@pytest.mark.parametrize("turns,across,along", HELIX)
def test_helix_each_strand_drawn_whole_and_the_nearer_later_at_every_crossing(turns, across, along):
    ribbons, halo = helix(turns, across, along)
    order = plan_ribbons(ribbons, halo)
    assert_whole(ribbons, order)
    assert len(assert_front_later(ribbons, halo, order)) >= 2 * turns - 1


@pytest.mark.parametrize("case", [("arrows", 2, 4, 200, 300), ("arrows", 3, 1.5, 200, 300),
                                  ("arrows", 3, 4, 60, 200), ("helix", 6, 140, 300), ("helix", 1.5, 60, 60)])
def test_a_plait_goes_over_and_under_by_turns(case):
    """Two or three ribbons are woven like a plait (and the helix's strands wind round each other): along
    each ribbon its crossings go over, under, over … (four or more twist like a rope instead). A helix of
    one turn crosses once (its rounded ends no longer touch): the smallest helix here has a turn and a half."""
    ribbons, halo = arrows(*case[1:]) if case[0] == "arrows" else helix(*case[1:])
    crossings = crossing_points(ribbons, halo)
    for ri in range(len(ribbons)):
        overs = alternates(crossings, ri)
        assert len(overs) >= 2
        assert all(a != b for a, b in zip(overs, overs[1:])), (ri, overs)


@pytest.mark.parametrize("count,twist,w,h", [(2, 4, 60, 200), (6, 4, 400, 120), (3, 0.5, 138.67, 96)])
def test_every_piece_is_placed_exactly_once(count, twist, w, h):
    """Free pieces take their place by depth (arrowheads at 2 come last); a piece hung in front of a ribbon
    follows the stretch it hangs from; one hung behind comes just before a stretch of its ribbon beside it,
    which then lays its edge along it."""
    ribbons, halo = arrows(count, twist, w, h)
    heads = [Piece(2.0, lambda sk: None) for _ in ribbons]
    back = [Piece(-9.0, lambda sk: None)]
    hung = []
    for ri, r in enumerate(ribbons):
        for k in (len(r.points) // 3, len(r.points) // 2):
            z = r.depth[k]
            (x, y) = r.points[k]
            hung.append(Piece(z - 0.5, lambda sk: None, host=(ri, k), shape=((x, y), (x + 20, y)), thick=1.0))
            hung.append(Piece(z + 0.5, lambda sk: None, host=(ri, k)))
    order = plan_ribbons(ribbons, halo, [*heads, *back, *hung])
    free = [x for x in order if isinstance(x, Piece)]
    assert sorted(map(id, free)) == sorted(map(id, heads + back))
    assert order[0] is back[0] and all(isinstance(x, Piece) for x in order[-len(heads):])
    placed = [(s, piece, where) for s in order if isinstance(s, Segment)
              for where in ("under", "over") for piece in getattr(s, where)]
    assert sorted(id(p) for _, p, _ in placed) == sorted(map(id, hung))
    for s, piece, where in placed:
        ri, k = piece.host
        assert s.ribbon == ri
        if where == "over":
            assert piece.z > ribbons[ri].depth[k] and s.start <= k <= s.end
        else:
            assert piece.z < ribbons[ri].depth[k]
            assert any(side in (0, 1) and lo <= k <= hi for lo, hi, side in s.halo)  # edged on its side
