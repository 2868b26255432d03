"""The ribbon engine's outlines (`tagprint.illustrations.ribbons.outline`): a ribbon's edges fitted with few
Bézier curves that follow the sampled edges closely and join end to end; cutting, trimming and simplifying."""

from __future__ import annotations

import math

import pytest

from ribbon_cases import arrows, helix, line
from tagprint.illustrations.ribbons.outline import FIT, fit_curves, ribbon_edges, simplify_fade, split_curve, trim_chain


def at(curve, u):
    """The point at parameter u of a cubic Bézier (p0, c1, c2, p3)."""
    v = 1 - u
    return tuple(v ** 3 * a + 3 * u * v * v * b + 3 * u * u * v * c + u ** 3 * d for a, b, c, d in zip(*curve))


def near_chain(k, p, curves, steps=100):
    """How far point p (sample k) lies from the curves that run past sample k."""
    return min(math.dist(p, at(c, i / steps)) for lo, hi, c in curves if lo <= k <= hi for i in range(steps + 1))


@pytest.mark.parametrize("ribbons,part", [
    (arrows(2, 0.5, 60, 200)[0], (0, -1)), (arrows(6, 4, 400, 120)[0], (0, -1)),
    (arrows(3, 1.5, 138.67, 96)[0], (0.3, 0.6)), (helix(6, 140, 300)[0], (0, -1)), (helix(1, 60, 60)[0], (0.5, -1))])
def test_the_fitted_edges_join_end_to_end_and_follow_the_samples(ribbons, part):
    r = ribbons[0]
    n = len(r.points)
    a, b = round(part[0] * (n - 1)), (n - 1 if part[1] == -1 else round(part[1] * (n - 1)))
    left, right, turned, ways = ribbon_edges(r)
    fitted = fit_curves((left, right), a, b, turned, ways)
    for edge, curves in zip((left, right), fitted):
        assert curves[0][0] == a and curves[-1][1] == b
        assert curves[0][2][0] == edge[a] and curves[-1][2][3] == edge[b]
        for (_, hi, c), (lo, _, d) in zip(curves, curves[1:]):
            assert hi == lo and c[3] == d[0]  # no gap, no step
        assert len(curves) < (b - a) / 2  # a few curves, not a polyline
        assert max(near_chain(k, edge[k], curves) for k in range(a, b + 1)) <= 2 * FIT


def test_the_edges_lie_half_the_width_either_side_of_the_centre_line():
    r = line(0, 0, 30, 40, 0.0, n=11, width=6.0)  # a slope of 3-4-5
    left, right, _, _ = ribbon_edges(r)
    for p, q, c in zip(left, right, r.points):
        assert math.dist(p, c) == pytest.approx(3.0) and math.dist(q, c) == pytest.approx(3.0)
        assert p[0] < c[0] < q[0]  # going up and to the right: left is up-left of the centre


@pytest.mark.parametrize("u", [0.0, 0.25, 0.5, 0.9])
def test_a_curve_split_in_two_meets_itself(u):
    curve = ((0.0, 0.0), (10.0, 30.0), (40.0, -10.0), (50.0, 20.0))
    first, second = split_curve(curve, u)
    assert first[0] == curve[0] and second[3] == curve[3] and first[3] == second[0]
    assert first[3] == pytest.approx(at(curve, u))
    for s in (0.2, 0.7):
        assert at(first, s) == pytest.approx(at(curve, u * s))
        assert at(second, s) == pytest.approx(at(curve, u + (1 - u) * s))


def test_trimming_a_chain_takes_its_length_off_the_ends():
    chain = [((x, 0.0), (x + 10 / 3, 0.0), (x + 20 / 3, 0.0), (x + 10.0, 0.0)) for x in (0.0, 10.0, 20.0)]
    out = trim_chain(chain, 5.0, 12.0)
    assert out[0][0] == pytest.approx((5.0, 0.0)) and out[-1][3] == pytest.approx((18.0, 0.0))
    assert all(c[3] == d[0] for c, d in zip(out, out[1:]))
    assert trim_chain(chain, 0.0, 0.0) == chain
    assert trim_chain(chain, 15.0, 15.0) == []  # nothing left


def test_a_fade_keeps_only_the_samples_it_needs_within_the_tolerance():
    us = [float(k) for k in range(41)]
    fs = [0.3 * max(0.0, math.sin(u / 40 * 2 * math.pi)) for u in us]
    keep = simplify_fade(us, fs, 0.01)
    assert keep[0] == 0 and keep[-1] == 40 and keep == sorted(set(keep))
    assert len(keep) < len(us) / 2
    for a, b in zip(keep, keep[1:]):
        for k in range(a, b + 1):  # straight between kept samples, never further than the tolerance
            straight = fs[a] + (fs[b] - fs[a]) * (us[k] - us[a]) / (us[b] - us[a])
            assert abs(straight - fs[k]) <= 0.01 + 1e-12
    assert simplify_fade([0.0, 1.0, 2.0], [0.1, 0.1, 0.1], 0.01) == [0, 2]  # a flat fade: its two ends
