"""The dots illustration: as many separate dots as asked for, in the asked-for colours, seeded."""

from __future__ import annotations

import math

from tagprint.illustrations import kinds
from tagprint.illustrations.dots import DotsParams, layout_dots
from illustration_pixels import PALETTE, figures  # noqa: F401 (a fixture)

PALETTE_SECONDARY = PALETTE["secondary"]


def test_default_alt_text_says_its_count_like_every_variant(figures):
    fig = figures.one("dots", height=84, width=165)
    assert fig.alt == "A group of 60 randomly scattered dots"


def test_alt_text_states_the_params(figures):
    built = figures.build("dots", {"params": {"count": 120, "clusters": 3}},
                          {"params": {"count": 1}}, {"params": {"clusters": 1}},
                          {"params": {"seed": 9, "colors": ["accent"]}})
    assert [f.alt for f in built.figures] == [
        "A group of 120 randomly scattered dots in 3 clusters",
        "A single dot",
        "A group of 60 randomly scattered dots in one cluster",
        "A group of 60 randomly scattered dots",  # seed and colours do not change what it shows
    ]


def test_every_dot_is_drawn_and_separate(figures):
    built = figures.build("dots", {"params": {"count": 30, "seed": 3}, "width": 300, "height": 150},
                          {"params": {"count": 90, "seed": 3}, "width": 300, "height": 150},
                          {"width": 165, "height": 84})
    counts = [len(figures.components(f)) for f in built.figures]
    assert counts == [30, 90, 60]  # the default is 60


def test_clustered_dots_are_all_there_and_gathered(figures):
    fig = figures.one("dots", {"count": 80, "clusters": 4, "seed": 2}, width=400, height=160)
    dots = figures.components(fig)
    assert len(dots) == 80
    # gathered: each dot's nearest neighbour is close, compared with dots spread evenly over the box
    centres = [d.centre for d in dots]
    nearest = sorted(min(math.dist(a, b) for b in centres if b is not a) for a in centres)
    even = math.sqrt(fig.image.size[0] * fig.image.size[1] / 80)
    assert nearest[len(nearest) // 2] < 0.6 * even


def test_colours_come_from_the_params(figures):
    built = figures.build("dots", {"params": {"count": 40, "colors": ["accent"]}, "width": 300},
                          {"params": {"count": 40, "colors": ["secondary", "primary"]}, "width": 300},
                          {"params": {"count": 60}, "width": 300})
    only_orange, two, default = (figures.components(f) for f in built.figures)
    assert {d.nearest() for d in only_orange} == {"accent"}
    assert {d.nearest() for d in two} == {"secondary", "primary"}
    assert {d.nearest() for d in default} == {"secondary", "accent", "primary"}


def test_dots_stay_inside_the_box_with_a_margin(figures):
    fig = figures.one("dots", {"count": 200, "seed": 5}, width=300, height=120)
    dots = figures.components(fig)
    assert len(dots) == 200
    w, h = fig.image.size
    assert min(d.x0 for d in dots) > 2 and min(d.y0 for d in dots) > 2
    assert max(d.x1 for d in dots) < w - 3 and max(d.y1 for d in dots) < h - 3


def test_same_params_same_bytes_and_seed_changes_the_picture(figures):
    first = figures.build("dots", {"params": {"count": 50, "seed": 4}}).data
    again = figures.build("dots", {"params": {"count": 50, "seed": 4}}).data
    other = figures.build("dots", {"params": {"count": 50, "seed": 5}})
    assert first == again
    assert first != other.data
    assert len(figures.components(other.figures[0])) == 50


def test_layout_never_overlaps_at_any_size():
    for count, clusters, size in ((400, 0, (160, 84)), (400, 8, (500, 100)), (12, 0, (40, 40)),
                                  (60, 3, (120, 300)), (1, 0, (100, 100))):
        p = DotsParams(count=count, clusters=clusters, seed=count + clusters)
        dots = layout_dots(p, *size)
        assert len(dots) == count
        for i, a in enumerate(dots):
            assert a.r <= a.x <= size[0] - a.r and a.r <= a.y <= size[1] - a.r
            for b in dots[:i]:
                assert math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r + 1.0


def test_radius_range_is_kept(figures):
    p = kinds()["dots"].parse({"radius": [3, 6], "count": 40}, lambda key: key, [])
    dots = layout_dots(p, 400, 200)
    assert all(3 - 1e-9 <= d.r <= 6 + 1e-9 for d in dots)
    assert max(d.r for d in dots) > 5 and min(d.r for d in dots) < 4


def test_bad_params_name_the_key_and_the_range(figures):
    message = figures.error("dots", {"count": 0})
    assert "parameter 'count' is 0" in message and "use a whole number from 1 to 400" in message
    message = figures.error("dots", {"clusters": 9})
    assert "'clusters'" in message and "from 0 to 8" in message
    message = figures.error("dots", {"count": 3, "clusters": 5})
    assert "'clusters' is 5, more than the 3 dots" in message
    message = figures.error("dots", {"radius": [6, 2]})
    assert "'radius'" in message and "smallest first" in message
    message = figures.error("dots", {"colours": ["accent"]})
    assert "unknown dots parameter 'colours'" in message and "colors" in message
    message = figures.error("dots", {"colors": "", "seed": "x"})
    assert "'colors'" in message and "'seed'" in message



def test_the_seed_figure_is_a_few_flat_fills(figures):
    """The seed's dots (a card figure, 138.67 × 96 pt) are drawn in flat tones, a few paths for the lot:
    no shading a dot (each one four PDF objects to write), at most a dozen objects in all beyond the
    figure's form, and under 6 KB of content — a budget we promise (see page_content)."""
    from illustration_pixels import drawing_objects, page_content
    built = figures.build("dots", {"width": 138.67, "height": 96})
    content = page_content(built.data)
    assert content.operators["sh"] == 0
    assert drawing_objects(built.data) <= 12
    assert content.compressed <= 6 * 1024
    assert content.path_operators <= 600
    assert content.operators["f"] + content.operators["f*"] <= 3 * 3  # a fill per tone per colour
    # and still 60 separate dots in the three colours
    dots = figures.components(built.figures[0])
    assert len(dots) == 60
    assert {d.nearest() for d in dots} == {"secondary", "accent", "primary"}


def test_a_dot_is_lit_from_the_top_left(figures):
    """A large dot reads as a glossy bead: paler up to the top left, deeper at the bottom right, its own
    colour in between — and still one shape."""
    fig = figures.one("dots", {"count": 1, "radius": 30, "colors": ["secondary"]}, width=120, height=120)
    (dot,) = figures.components(fig)
    assert dot.nearest() == "secondary"
    cx, cy = dot.centre
    r = dot.width / 2
    px = fig.image.convert("RGB").getpixel

    def lightness(dx: float, dy: float) -> int:
        return sum(px((round(cx + dx * r), round(cy + dy * r))))

    light, middle, shade = lightness(-0.45, -0.45), lightness(0.1, 0.1), lightness(0.62, 0.62)
    assert light > middle > shade
    assert abs(sum(px((round(cx), round(cy)))) - sum(PALETTE_SECONDARY)) < 12  # the colour itself
