"""The arrows illustration: N ribbons that weave round one another and end in N upward arrowheads."""

from __future__ import annotations

import math

import pytest

from tagprint.illustrations.arrows import ArrowsParams, arrow_lines
from illustration_pixels import figures  # noqa: F401 (a fixture)


def heads(figures, fig):
    """The arrowheads: the separate shapes in a thin strip at the top of the drawing."""
    x0, y0, x1, y1 = figures.ink_box(fig)
    strip = fig.image.crop((x0, y0, x1, y0 + max(4, (y1 - y0) // 25)))
    return sorted(figures.components(strip), key=lambda c: c.x0), strip


def test_default_alt_text_says_its_turns_like_every_variant(figures):
    assert figures.one("arrows", height=84, width=165).alt == (
        "Three arrows intertwine and point upward, making three quarters of a turn around each other")


def test_alt_text_follows_the_params(figures):
    specs = [{"count": 2}, {"count": 4, "twist": 2}, {"count": 5}, {"count": 6, "twist": 0.5}, {"twist": 2.5}]
    built = figures.build("arrows", *({"params": p, "height": 60} for p in specs))
    assert [f.alt for f in built.figures] == [
        "Two arrows intertwine and point upward, making three quarters of a turn around each other",
        "Four arrows intertwine and point upward, making one full turn around each other",
        "Five arrows intertwine and point upward, making three quarters of a turn around each other",
        "Six arrows intertwine and point upward, making a quarter turn around each other",
        "Three arrows intertwine and point upward, making 1.25 turns around each other",
    ]


@pytest.mark.parametrize("count", [2, 3, 4, 6])
def test_one_upward_head_per_arrow_each_in_its_colour(figures, count):
    fig = figures.one("arrows", {"count": count, "colors": ["secondary", "accent", "primary"]},
                      width=260, height=260)
    found, strip = heads(figures, fig)
    assert len(found) == count
    colours = [c.nearest() for c in found]
    assert len(set(colours)) == min(count, 3)  # the colours take turns
    # tips level with one another, and each head pointing up: narrow at the top, wider below
    assert max(c.y0 for c in found) - min(c.y0 for c in found) <= 1
    for c in found:
        top = strip.crop((c.x0, c.y0, c.x1 + 1, c.y0 + 1))
        low = strip.crop((c.x0, strip.height - 1, c.x1 + 1, strip.height))
        width_top = sum(x.width for x in figures.components(top, threshold=200))
        width_low = sum(x.width for x in figures.components(low, threshold=200))
        assert width_top < width_low


def test_the_arrows_cross_on_the_way_up(figures):
    """Read left to right, the colours come in a different order at different heights: they cross."""
    fig = figures.one("arrows", width=260, height=260)
    x0, y0, x1, y1 = figures.ink_box(fig)
    orders = set()
    for k in range(20, 80, 3):
        y = y0 + (y1 - y0) * k // 100
        row = fig.image.crop((x0, y, x1, y + 1))
        runs = [c.nearest() for c in sorted(figures.components(row, threshold=200), key=lambda c: c.x0)
                if c.width >= 4]
        if len(runs) == 3:
            orders.add(tuple(runs))
    assert len(orders) >= 3


def test_count_and_twist_change_the_drawing(figures):
    built = figures.build("arrows", {"params": {"count": 3}}, {"params": {"count": 3, "twist": 3}},
                          {"params": {"count": 5}})
    a, b, c = built.figures
    assert a.image.tobytes() != b.image.tobytes()
    assert len(heads(figures, c)[0]) == 5


def test_the_drawing_fits_its_box_at_any_size(figures):
    built = figures.build("arrows", {"width": 165, "height": 84}, {"width": 60, "height": 200},
                          {"width": 400, "height": 120, "params": {"count": 6, "twist": 4}})
    for fig in built.figures:
        x0, y0, x1, y1 = figures.ink_box(fig)
        w, h = fig.image.size
        assert x0 > 0 and y0 > 0 and x1 < w and y1 < h  # a margin all round
        assert (y1 - y0) > 0.75 * h  # tall enough to read as rising


def test_ribbons_end_upright_in_their_slots():
    p = ArrowsParams(count=4, twist=2)
    slots = [40.0, 60.0, 80.0, 100.0]
    ribbons = arrow_lines(p, 70.0, 20.0, 10.0, 200.0, [55.0, 65.0, 75.0, 85.0], slots, 4.0)
    assert sorted(r.points[-1][0] for r in ribbons) == pytest.approx(slots)
    for r in ribbons:
        (xa, ya), (xb, yb) = r.points[-2], r.points[-1]
        assert abs(xb - xa) < 0.05 * (yb - ya)  # upright at the top: the head points straight up
        assert r.depth[-1] == pytest.approx(0.0)  # and level with the others, not behind


@pytest.mark.parametrize("count,twist,w,h", [(5, 3, 254, 150), (4, 2, 254, 150), (6, 3, 254, 150),
                                              (5, 1.5, 165, 84), (6, 4, 120, 300)])
def test_many_arrowheads_stand_clear_of_one_another(count, twist, w, h):
    """Four or more arrows do not end in a comb: in the box the figure takes (its tight width), between
    two neighbouring heads there is more than a head's width of air (1.15 of it), and never less than 1.5 pt."""
    from tagprint.illustrations.arrows import _fit, arrows_geometry
    p = ArrowsParams(count=count, twist=twist)
    used_w, used_h = _fit(p, w, h)
    ribbons, _, _, (head_w, _, _) = arrows_geometry(p, used_w, used_h)
    tips = sorted(r.points[-1][0] for r in ribbons)
    gaps = [b - a - head_w for a, b in zip(tips, tips[1:])]
    assert min(gaps) >= max(1.5, 1.15 * head_w), (gaps, head_w)
    assert tips[0] - head_w / 2 >= 0 and tips[-1] + head_w / 2 <= used_w  # and all inside the box


@pytest.mark.parametrize("count,twist", [(5, 3), (4, 2)])
def test_many_arrowheads_are_separate_on_the_page(figures, count, twist):
    """On the page, a braid of four or five arrows at the gallery's size shows one separate head each."""
    fig = figures.one("arrows", {"count": count, "twist": twist}, width=254, height=150)
    found, _ = heads(figures, fig)
    assert len(found) == count
    spaces = [b.x0 - a.x1 for a, b in zip(found, found[1:])]
    assert min(spaces) >= 14  # pixels at 144 dpi (7 pt): clear air between heads


def test_same_params_same_bytes(figures):
    first = figures.build("arrows", {"params": {"count": 4, "twist": 2}}).data
    again = figures.build("arrows", {"params": {"count": 4, "twist": 2}}).data
    assert first == again


def test_background_colours_the_gaps(figures):
    """On a tinted panel the gaps where ribbons cross take the panel's colour, not white."""
    fig = figures.one("arrows", {"background": "tint"}, width=260, height=260)
    tint = (0xEA, 0xF2, 0xF5)
    colours = fig.image.getcolors(maxcolors=1 << 20)
    assert any(c == tint and n > 200 for n, c in colours)


def test_bad_params_name_the_key_and_the_range(figures):
    message = figures.error("arrows", {"count": 7})
    assert "parameter 'count' is 7" in message and "use a whole number from 2 to 6" in message
    message = figures.error("arrows", {"twist": 5})
    assert "parameter 'twist' is 5" in message and "use a number from 0.5 to 4" in message
    message = figures.error("arrows", {"count": 2.5})
    assert "'count' is 2.5" in message and "whole number" in message
    message = figures.error("arrows", {"colors": ["a", "b", "c", "d", "e", "f", "g"]})
    assert "'colors'" in message and "1 to 6 theme colour names" in message
    message = figures.error("arrows", {"direction": "up"})
    assert "unknown arrows parameter 'direction'" in message and "colors, count, twist" in message


def test_the_seed_figure_draws_in_a_few_large_paths(figures):
    """The seed's arrows (a card figure, 138.67 × 96 pt) cost a few hundred path operators and a few KB of
    content, not thousands of small shapes: a budget we promise (see page_content)."""
    from illustration_pixels import page_content
    built = figures.build("arrows", {"width": 138.67, "height": 96})
    content = page_content(built.data)
    assert content.path_operators <= 400
    assert content.compressed <= 8 * 1024
    # and it still reads as three arrows
    assert len(heads(figures, built.figures[0])[0]) == 3


@pytest.mark.parametrize("count,twist", [(2, 1), (3, 1.5), (4, 2), (5, 3), (6, 4)])
def test_each_ribbon_is_cut_only_where_it_crosses(count, twist):
    """Planned as stretches, every ribbon is whole from root to head (each stretch starts where the last
    one ends, or overlaps it), and the edge in the background colour is laid only where it passes over
    another ribbon, on that ribbon's body."""
    from tagprint.illustrations.arrows import arrows_geometry
    from tagprint.illustrations.ribbons import Segment, plan_ribbons
    ribbons, rw, halo, _ = arrows_geometry(ArrowsParams(count=count, twist=twist), 200, 300)
    order = plan_ribbons(ribbons, halo)
    for ri, r in enumerate(ribbons):
        stretches = sorted((s for s in order if isinstance(s, Segment) and s.ribbon == ri), key=lambda s: s.start)
        assert stretches[0].start == 0 and stretches[-1].end == len(r.points) - 1
        for a, b in zip(stretches, stretches[1:]):
            assert b.start <= a.end  # no stretch of the ribbon left out
        for s in stretches:
            assert bool(s.halo) == bool(s.covers)  # an edge, only over another ribbon
            for other, lo, hi in s.covers:
                assert other != ri
                near = min(math.dist(r.points[k], ribbons[other].points[m]) for k in range(s.start, s.end + 1)
                           for m in range(lo, hi + 1))
                assert near <= rw + halo + 1e-6


@pytest.mark.parametrize("count,twist", [(3, 1.5), (5, 3), (6, 2)])
def test_no_ribbon_is_broken_on_the_page_except_under_another(figures, count, twist):
    """Rendered, each ribbon's centre line is ink all the way from its root to its head, except where
    another ribbon nearer the viewer passes over it (the clean gap of a crossing): no dashes."""
    from tagprint.illustrations.arrows import arrows_geometry
    fig = figures.one("arrows", {"count": count, "twist": twist}, width=200, height=300)
    x0, y0, x1, y1 = fig.bbox
    w, h = x1 - x0, y1 - y0
    ribbons, rw, halo, _ = arrows_geometry(ArrowsParams(count=count, twist=twist), w, h)
    checked = 0
    for ri, r in enumerate(ribbons):
        for k, (x, y) in enumerate(r.points):
            covered = any(math.dist((x, y), o.points[m]) < (rw + o.width[m]) / 2 + halo + 1.0
                          and o.depth[m] > r.depth[k] - 0.05
                          for oi, o in enumerate(ribbons) if oi != ri for m in range(len(o.points)))
            if covered or k in (0, len(r.points) - 1):  # (an end's pixel is half paper)
                continue
            px = fig.image.getpixel((min(fig.image.width - 1, round(x * 2)), min(fig.image.height - 1, round((h - y) * 2))))
            assert min(px) < 225, (ri, k, x, y, px)
            checked += 1
    assert checked > sum(len(r.points) for r in ribbons) * 0.4


@pytest.mark.parametrize("count,asked,drawn", [(2, 4, 4), (3, 4, 2.5), (4, 3, 2), (5, 3, 1.5), (6, 4, 1),
                                               (5, 1, 1)])
def test_a_dense_braid_is_drawn_and_said_at_most_eight_crossings(count, asked, drawn):
    """Twist × count is capped at 8 crossings (a denser braid reads as a tangle): the ribbons turn as far
    as the capped twist, and the alt text says what is drawn, the same as asking for that twist."""
    from tagprint.illustrations.arrows import Arrows, arrows_geometry
    p, same = ArrowsParams(count=count, twist=asked), ArrowsParams(count=count, twist=drawn)
    assert Arrows().alt_text(p, "en-US") == Arrows().alt_text(same, "en-US")
    ribbons, _, _, _ = arrows_geometry(p, 200, 200)
    again, _, _, _ = arrows_geometry(same, 200, 200)
    assert [r.points for r in ribbons] == [r.points for r in again]
    assert count * drawn <= 8


@pytest.mark.parametrize("count,twist", [(5, 3), (4, 2), (6, 4), (3, 1.5), (2, 4)])
def test_arrowheads_are_not_specks_in_a_tall_braid(count, twist):
    """In the gallery's cell (254 × 150 pt), every arrowhead is at least a tenth of the picture's height
    long and at least 2.6 ribbon widths wide."""
    from tagprint.illustrations.arrows import _fit, arrows_geometry
    p = ArrowsParams(count=count, twist=twist)
    w, h = _fit(p, 254, 150)
    _, rw, _, (head_w, head_l, _) = arrows_geometry(p, w, h)
    assert head_l >= 0.095 * h, (head_l, h)
    assert head_w >= 2.6 * rw
