"""The helix illustration: two strands winding round an axis, joined by rungs, upright or lying down."""

from __future__ import annotations

import math

import pytest

from tagprint.illustrations.helix import HelixParams, helix_geometry
from illustration_pixels import figures  # noqa: F401 (a fixture)


def axis_crossings(figures, fig, vertical: bool = True) -> int:
    """How many times ink crosses the helix's axis, counted along a one-pixel line down its middle."""
    w, h = fig.image.size
    x0, y0, x1, y1 = figures.ink_box(fig)
    if vertical:
        line = fig.image.crop(((x0 + x1) // 2, y0, (x0 + x1) // 2 + 1, y1))
    else:
        line = fig.image.crop((x0, (y0 + y1) // 2, x1, (y0 + y1) // 2 + 1))
    return len(figures.components(line, threshold=200))


def test_default_alt_text_says_its_turns_and_rungs_like_every_variant(figures):
    assert figures.one("helix", width=140, height=150).alt == "A double helix with 2.5 turns and 14 rungs"


def test_alt_text_follows_the_params(figures):
    specs = [{"turns": 3, "rungs": 20, "orientation": "horizontal"}, {"turns": 1}, {"rungs": 0},
             {"rungs": 1, "orientation": "vertical"}, {"turns": 4.5, "orientation": "horizontal"}]
    built = figures.build("helix", *({"params": p, "height": 60} for p in specs))
    assert [f.alt for f in built.figures] == [
        "A double helix with 3 turns and 20 rungs, lying horizontally",
        "A double helix with 1 turn and 14 rungs",
        "A double helix with 2.5 turns and no rungs",
        "A double helix with 2.5 turns and 1 rung",
        "A double helix with 4.5 turns and 14 rungs, lying horizontally",
    ]


def test_two_strands_in_their_colours(figures):
    fig = figures.one("helix", {"rungs": 0}, width=200, height=300)
    parts = figures.components(fig, threshold=150)  # the strands' strong colours, not the pale back parts
    assert {c.nearest() for c in parts if c.area > 50} == {"secondary", "primary"}
    other = figures.one("helix", {"rungs": 0, "colors": ["accent", "secondary"]}, width=200, height=300)
    assert {c.nearest() for c in figures.components(other, threshold=150) if c.area > 50} == {"accent",
                                                                                            "secondary"}


def test_more_turns_wind_more_often(figures):
    built = figures.build("helix", {"params": {"turns": 2, "rungs": 0}, "width": 120, "height": 330},
                          {"params": {"turns": 4, "rungs": 0}, "width": 120, "height": 330})
    two, four = (axis_crossings(figures, f) for f in built.figures)
    # each strand crosses the axis twice a turn and starts and ends on it; the two strands cross it at
    # different heights
    assert 8 <= two <= 10
    assert 16 <= four <= 18


def _near_polyline(point, points) -> float:
    """The distance from `point` to the polyline through `points`."""
    px, py = point
    best = float("inf")
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / ((dx * dx + dy * dy) or 1.0)))
        best = min(best, math.hypot(ax + dx * t - px, ay + dy * t - py))
    return best


@pytest.mark.parametrize("turns,rungs,across,along", [
    (2.5, 14, 140, 150), (1, 3, 60, 200), (1.5, 8, 120, 150), (3, 20, 110, 266), (6, 40, 90, 400),
    (4.5, 17, 300, 300), (2, 40, 40, 60)])
def test_every_rung_end_lies_on_its_strand(turns, rungs, across, along):
    """At every phase of the twist (rungs spread evenly over it), in any frame, each rung's two ends lie on
    the centre lines of the two strands (within 0.5 pt); lying down is the same geometry turned."""
    ribbons, found, rw = helix_geometry(HelixParams(turns=turns, rungs=rungs), across, along)
    assert len(found) == rungs
    for x0, x1, y, _, _ in found:
        assert _near_polyline((x0, y), ribbons[0].points) <= 0.5
        assert _near_polyline((x1, y), ribbons[1].points) <= 0.5


@pytest.mark.parametrize("turns", [1, 1.5, 2.5, 3, 4.5])
def test_strands_start_and_end_on_the_axis_at_a_slant(turns):
    """No hook at either end: each strand is cut where it crosses the axis, running steeply, not at the
    crest of its wave."""
    ribbons, _, rw = helix_geometry(HelixParams(turns=turns), 120, 300)
    for r in ribbons:
        for k, j in ((0, 1), (-1, -2)):
            (x, y), (xn, yn) = r.points[k], r.points[j]
            assert abs(x - 60) < 0.5
            assert abs(xn - x) > 0.5 * abs(yn - y)  # slanted: the strand crosses, it does not turn back


@pytest.mark.parametrize("turns,across,along", [
    (2.5, 140, 150), (1, 60, 200), (1.5, 120, 180), (3, 110, 532), (6, 90, 400), (4.5, 300, 300), (2, 40, 60)])
def test_strand_ends_are_rounded(turns, across, along):
    """Every strand end is a half disc, not a flat cut: from its end point the strand widens along a
    quarter circle of radius half its width (within 0.15 pt), reaching its full width half a width in, at
    any size (lying down is the same geometry turned)."""
    ribbons, _, rw = helix_geometry(HelixParams(turns=turns), across, along)
    for r in ribbons:
        for pts, widths in ((r.points, r.width), (r.points[::-1], r.width[::-1])):
            assert widths[0] <= 0.05 * rw  # the tip: no cut edge across the strand
            run, checked = 0.0, 0
            for (ax, ay), (bx, by), w in zip(pts, pts[1:], widths[1:]):
                run += math.hypot(bx - ax, by - ay)
                if w >= 0.999 * rw:
                    break
                expected = 2 * math.sqrt(max(0.0, (rw / 2) ** 2 - (rw / 2 - run) ** 2))
                assert abs(w - expected) <= 0.15 + 0.02 * rw, (run, w, expected)
                checked += 1
            assert checked >= 5  # the curve is sampled finely enough to draw round
            assert run <= rw / 2 * 1.05  # full width half a width in
            assert max(widths[len(widths) // 4:3 * len(widths) // 4]) == pytest.approx(rw)


@pytest.mark.parametrize("orientation", ["vertical", "horizontal"])
def test_rungs_are_ink_from_strand_to_strand(figures, orientation):
    """On the page, every rung is drawn unbroken from one strand to the other: the pixels along it are
    ink the whole way (none floats short of a strand); without rungs the same places are mostly paper."""
    size = {"width": 160, "height": 200} if orientation == "vertical" else {"width": 320, "height": 110}
    built = figures.build("helix", {"params": {"rungs": 16, "orientation": orientation}, **size},
                          {"params": {"rungs": 0, "orientation": orientation}, **size})
    fig, bare = built.figures
    x0b, y0b, x1b, y1b = fig.bbox
    w, h = x1b - x0b, y1b - y0b
    lying = orientation == "horizontal"
    across, along = (h, w) if lying else (w, h)
    _, rungs, rw = helix_geometry(HelixParams(rungs=16, orientation=orientation), across, along)

    def pixel(image, u, v):
        x, y = (v, across - u) if lying else (u, v)  # the drawing's frame to the box (y up)
        return image.getpixel((min(image.width - 1, round(x * 2)), min(image.height - 1, round((h - y) * 2))))
    checked = 0
    blank = total = 0
    for xa, xb, y, _, _ in rungs:
        if abs(xb - xa) < 3 * rw:
            continue  # near where the strands cross, the rung is hidden under them
        checked += 1
        for k in range(1, 20):
            u = xa + (xb - xa) * k / 20
            assert min(pixel(fig.image, u, y)) < 225, (orientation, xa, xb, y, k)
            total += 1
            blank += min(pixel(bare.image, u, y)) >= 225
    assert checked >= 8
    assert blank > total / 2


def test_rungs_join_the_strands(figures):
    built = figures.build("helix", *({"params": {"rungs": n}, "width": 200, "height": 200} for n in (0, 14, 40)))
    ink = [sum(c.area for c in figures.components(f)) for f in built.figures]
    assert ink[0] < ink[1] < ink[2]


def test_orientation_turns_the_helix(figures):
    built = figures.build("helix", {"params": {"orientation": "vertical"}, "width": 240, "height": 240},
                          {"params": {"orientation": "horizontal"}, "width": 240, "height": 240})
    upright, lying = (figures.ink_box(f) for f in built.figures)
    assert (upright[3] - upright[1]) > 1.5 * (upright[2] - upright[0])  # taller than wide
    assert (lying[2] - lying[0]) > 1.5 * (lying[3] - lying[1])  # wider than tall
    assert axis_crossings(figures, built.figures[1], vertical=False) >= 8


def test_fills_the_box_with_a_margin_at_any_size(figures):
    built = figures.build("helix", {"width": 140, "height": 150}, {"width": 60, "height": 200},
                          {"width": 400, "height": 90, "params": {"orientation": "horizontal", "turns": 6}})
    for fig in built.figures:
        x0, y0, x1, y1 = figures.ink_box(fig)
        w, h = fig.image.size
        assert x0 > 0 and y0 > 0 and x1 < w and y1 < h
    x0, y0, x1, y1 = figures.ink_box(built.figures[2])
    assert (x1 - x0) > 0.8 * built.figures[2].image.width  # lying down, it runs the length of the box


def test_geometry_keeps_rungs_between_the_strands():
    ribbons, rungs, rw = helix_geometry(HelixParams(rungs=20), 140, 150)
    assert len(ribbons) == 2 and len(rungs) == 20
    xs = [x for r in ribbons for x, _ in r.points]
    for x0, x1, y, z0, z1 in rungs:
        assert min(xs) - 1e-6 <= min(x0, x1) and max(x0, x1) <= max(xs) + 1e-6
        assert 0 < y < 150


def test_same_params_same_bytes(figures):
    first = figures.build("helix", {"params": {"turns": 3, "rungs": 9}}).data
    again = figures.build("helix", {"params": {"turns": 3, "rungs": 9}}).data
    assert first == again


def test_bad_params_name_the_key_and_the_range(figures):
    message = figures.error("helix", {"turns": 7})
    assert "parameter 'turns' is 7" in message and "use a number from 1 to 6" in message
    message = figures.error("helix", {"rungs": 41})
    assert "parameter 'rungs' is 41" in message and "use a whole number from 0 to 40" in message
    message = figures.error("helix", {"orientation": "diagonal"})
    assert "'orientation' is 'diagonal'" in message and "vertical or horizontal" in message
    message = figures.error("helix", {"colors": ["a", "b", "c"]})
    assert "'colors'" in message and "1 to 2 theme colour names" in message
    message = figures.error("helix", {"strands": 3})
    assert "unknown helix parameter 'strands'" in message and "orientation, rungs, turns" in message


def test_the_seed_figure_draws_in_a_few_large_paths(figures):
    """The seed's helix (140 × 150 pt) costs a few hundred path operators and a few KB of content, not
    thousands of small shapes: a budget we promise (see page_content)."""
    from illustration_pixels import page_content
    built = figures.build("helix", {"width": 140, "height": 150})
    content = page_content(built.data)
    assert content.path_operators <= 400
    assert content.compressed <= 8 * 1024
    # and it still shows both strands in their colours
    parts = figures.components(built.figures[0], threshold=150)
    assert {c.nearest() for c in parts if c.area > 50} == {"secondary", "primary"}


class _Recorder:
    """A sketch that keeps every path it is given: (commands, keywords)."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.paths: list[tuple[list, dict]] = []

    def path(self, commands, **kw) -> None:
        self.paths.append((list(commands), kw))

    def linear_gradient(self, commands, *args, **kw) -> None:
        self.paths.append((list(commands), {"gradient": True, **kw}))


class _Theme:
    colors = {"primary": (0.1, 0.2, 0.4), "secondary": (0.0, 0.45, 0.45), "white": (1.0, 1.0, 1.0)}


@pytest.mark.parametrize("orientation,w,h", [("horizontal", 532, 110), ("horizontal", 532, 170),
                                             ("vertical", 110, 300)])
def test_a_strand_in_front_knocks_out_the_strand_and_the_rungs_behind_with_a_thin_even_gap(orientation, w, h):
    """Where one strand passes in front of the other, the gap in the paper colour beside it is thin (at most
    0.15 strand widths either side, so a shallow crossing leaves no long white wedge) and is laid on the strand
    behind and on that strand's rungs alike: no rung shows through the gap the strand behind leaves."""
    from tagprint.illustrations.helix import Helix
    p = HelixParams(turns=3, rungs=20, orientation=orientation)
    sk = _Recorder(w, h)
    Helix().draw(sk, p, None, _Theme())
    lying = orientation == "horizontal"
    _, _, rw = helix_geometry(p, *((h, w) if lying else (w, h)))
    rung_paths = [commands for commands, kw in sk.paths[:2] if kw.get("fill") is not None]
    assert len(rung_paths) == 2  # the rungs first, behind everything: one path for each strand's halves
    rung_sets = [set(_subpaths(c)) for c in rung_paths]
    edges = [(commands, kw) for commands, kw in sk.paths if kw.get("stroke") == (1.0, 1.0, 1.0)]
    assert edges  # the strands cross, so there are edges
    from tagprint.illustrations.ribbons.paint import bounds, overlaps
    knocked = 0
    for commands, kw in edges:
        assert kw["line_width"] / 2 <= 0.15 * rw + 1e-9
        within = set(_subpaths(kw["within"]))
        reach = bounds(commands, kw["line_width"] / 2)
        near = [{r for r in rungs if overlaps(bounds(r, 0.0), reach)} for rungs in rung_sets]
        # the rungs of the strand behind that the gap can reach are all knocked out with it; those of the
        # strand in front are not (they stay joined to it)
        assert sum(bool(n) and n <= within for n in near) >= (1 if any(near) else 0)
        assert all(not (n & within) or n <= within for n in near)
        knocked += len(within & (rung_sets[0] | rung_sets[1]))
    assert knocked >= 2


def _subpaths(commands) -> list[tuple]:
    from tagprint.illustrations.ribbons.paint import subpaths
    return [tuple(s) for s in subpaths(commands)]
