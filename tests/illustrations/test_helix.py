"""The helix illustration: two strands winding round an axis, joined by rungs, upright or lying down."""

from __future__ import annotations

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


def test_default_alt_text_is_the_seed_wording(figures):
    assert figures.one("helix", width=140, height=150).alt == "A double helix"


def test_alt_text_follows_the_params(figures):
    specs = [{"turns": 3, "rungs": 20, "orientation": "horizontal"}, {"turns": 1}, {"rungs": 0},
             {"rungs": 1, "orientation": "vertical"}, {"turns": 4.5, "orientation": "horizontal"}]
    built = figures.build("helix", *({"params": p, "height": 60} for p in specs))
    assert [f.alt for f in built.figures] == [
        "A double helix with 3 turns and 20 rungs, lying horizontally",
        "A double helix with 1 turn",
        "A double helix with no rungs",
        "A double helix with 1 rung",
        "A double helix with 4.5 turns, lying horizontally",
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
    # each strand crosses the axis twice a turn; the two strands cross it at different heights
    assert 6 <= two <= 8
    assert 14 <= four <= 16


def test_rungs_join_the_strands(figures):
    built = figures.build("helix", *({"params": {"rungs": n}, "width": 200, "height": 200} for n in (0, 14, 40)))
    ink = [sum(c.area for c in figures.components(f)) for f in built.figures]
    assert ink[0] < ink[1] < ink[2]
    # where each of the 40 rungs should be, halfway between the strands, there is ink; without rungs
    # the same places are mostly empty paper
    _, rungs, rw = helix_geometry(HelixParams(rungs=40), 200, 200)
    spots = [((x0 + x1) / 2, y) for x0, x1, y, _, _ in rungs if abs(x1 - x0) > 4 * rw]
    assert len(spots) > 20

    def inked(fig, x, y):
        r, g, b = fig.image.getpixel((round(x * 2), round((200 - y) * 2)))
        return min(r, g, b) < 215
    assert all(inked(built.figures[2], x, y) for x, y in spots)
    assert sum(inked(built.figures[0], x, y) for x, y in spots) < len(spots) / 2


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
