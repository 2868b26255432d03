"""The ribbon engine's painting (`tagprint.illustrations.ribbons.draw_ribbons`), read from the calls it makes
on a sketch: one closed outline per planned stretch, in plan order; the edge in the background colour only
where a stretch passes over something; paler only where a ribbon passes behind."""

from __future__ import annotations

import pytest

from ribbon_cases import ARROWS, HALO, arrows, line
from tagprint.illustrations.ribbons import Piece, Segment, draw_ribbons, mix, plan_ribbons

PAPER = (0.9, 0.95, 0.96)


class Recorder:
    """A sketch that keeps every call: ("path" | "linear_gradient", args, keywords)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple, dict]] = []

    def path(self, *args, **kw) -> None:
        self.calls.append(("path", args, kw))

    def linear_gradient(self, *args, **kw) -> None:
        self.calls.append(("linear_gradient", args, kw))

    def fills(self):
        return [c for c in self.calls if c[0] == "linear_gradient" or c[2].get("fill") is not None]

    def edges(self):
        return [c for c in self.calls if c[0] == "path" and c[2].get("stroke") is not None]


def paint(ribbons, halo, pieces=()):
    sk = Recorder()
    draw_ribbons(sk, ribbons, halo, pieces, PAPER)
    return sk


@pytest.mark.parametrize("count,twist,w,h", ARROWS[::2])
def test_one_closed_outline_per_stretch_and_an_edge_only_where_it_passes_over(count, twist, w, h):
    ribbons, halo = arrows(count, twist, w, h)
    order = plan_ribbons(ribbons, halo)
    sk = paint(ribbons, halo)
    outlines = sk.fills()
    assert len(outlines) == len(order)
    for _, args, _ in outlines:
        body = args[0]
        assert body[0][0] == "M" and body[-1] == ("Z",)
        assert all(op[0] in "MLCZ" for op in body)
    edges = sk.edges()
    assert len(edges) <= sum(1 for s in order if s.halo)  # at most one edge path per stretch that needs one
    assert bool(edges) == any(s.halo for s in order)
    for _, _, kw in edges:
        assert kw["stroke"] == PAPER and kw["line_width"] == pytest.approx(2 * halo)
        assert kw["within"]  # laid only on the bodies of the ribbons it passes over


def test_no_edge_when_its_width_is_nothing():
    ribbons, _ = arrows(3, 1.5, 200, 300)
    sk = paint(ribbons, 0.0)
    assert sk.edges() == [] and sk.fills()


def test_a_ribbon_in_front_keeps_its_colour_one_behind_turns_paler_one_that_dives_is_shaded():
    ribbons = [line(0, 0, 0, 100, 0.5), line(50, 0, 50, 100, -1.0), line(100, 0, 100, 100, lambda t: 1 - 2 * t)]
    colors = [(0.8, 0.1, 0.1), (0.1, 0.5, 0.2), (0.1, 0.1, 0.7)]
    for r, c in zip(ribbons, colors):
        r.color, r.fade = c, 0.4
    sk = paint(ribbons, HALO)
    by_x = {round(args[0][0][1]): (kind, args, kw) for kind, args, kw in sk.fills()}
    front, behind, dives = by_x[-4], by_x[46], by_x[96]
    assert front[0] == "path" and front[2]["fill"] == pytest.approx(colors[0])
    assert behind[0] == "path" and behind[2]["fill"] == pytest.approx(mix(colors[1], PAPER, 0.4))
    assert dives[0] == "linear_gradient"
    _, args, _ = dives
    tones, stops = args[5], args[6]
    assert tones[0] == pytest.approx(colors[2]) and tones[-1] == pytest.approx(mix(colors[2], PAPER, 0.4))
    assert stops[0] == 0 and stops[-1] == pytest.approx(1) and stops == sorted(stops)


def test_pieces_are_painted_once_each_in_the_planned_order():
    ribbons, halo = arrows(3, 1.5, 200, 300)
    painted: list[str] = []
    k = len(ribbons[0].points) // 2
    pieces = [Piece(2.0, lambda sk: painted.append("head")), Piece(-9.0, lambda sk: painted.append("shadow")),
              Piece(ribbons[0].depth[k] + 0.5, lambda sk: painted.append("rung"), host=(0, k))]
    sk = paint(ribbons, halo, pieces)
    assert sorted(painted) == ["head", "rung", "shadow"]
    assert painted[0] == "shadow" and painted[-1] == "head"
    order = plan_ribbons(ribbons, halo, pieces)
    assert len(sk.fills()) == sum(isinstance(s, Segment) for s in order)
