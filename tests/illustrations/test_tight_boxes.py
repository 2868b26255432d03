"""Each illustration's box (its Figure's /BBox) is tight to what it draws: given a box wider (or taller)
than the picture needs, the box shrinks to the picture, so no band of empty paper is tagged as figure."""

from __future__ import annotations

import pytest

from illustration_pixels import figures  # noqa: F401 (a fixture)

CASES = [
    ("helix", {}, 300, 200),                                   # upright in a wide box
    ("helix", {"orientation": "horizontal"}, 300, 200),        # lying in a tall box
    ("arrows", {}, 300, 200),
    ("arrows", {"count": 5, "twist": 3}, 300, 200),
    ("hexagons", {}, 300, 150),
    ("spectrum", {}, 300, 220),                                # few rows of people in a tall box
    ("spectrum", {"left_count": 4, "right_count": 2}, 260, 220),
]


@pytest.mark.parametrize("kind,params,width,height", CASES)
def test_the_box_is_tight_to_the_drawing(figures, kind, params, width, height):
    fig = figures.one(kind, params or None, width=width, height=height)
    w, h = fig.image.size  # rendered at 2 px a point
    x0, y0, x1, y1 = figures.ink_box(fig)
    margins = [x0 / 2, y0 / 2, (w - x1) / 2, (h - y1) / 2]  # points: left, top, right, bottom
    assert max(margins) <= 8.0, (kind, params, [round(m, 1) for m in margins])
    assert (w / 2 < width - 20) or (h / 2 < height - 20)  # it did shrink from the box it was given
