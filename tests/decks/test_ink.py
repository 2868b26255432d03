"""decks.ink: the extent of what a drawing's Sketch calls put ink on (the slides line pictures up by it)."""

from __future__ import annotations

import pytest

from tagprint.decks.ink import InkExtent


def test_a_curve_reaches_no_further_than_it_is_drawn():
    """A Bézier arc's extent is the curve's, not its control points' (those reach a quarter further)."""
    ink = InkExtent(100, 100)
    ink.path([("M", 0, 0), ("C", 0, 40, 40, 40, 40, 0)], fill=(0, 0, 0))
    x0, y0, x1, y1 = ink.box
    assert (x0, y0, x1) == (0, 0, 40) and y1 == pytest.approx(30, abs=0.2)  # the arc's top: 3/4 of 40


def test_strokes_grow_by_half_their_width_and_clips_bound_what_they_hold():
    ink = InkExtent(100, 100)
    ink.polyline([(10, 10), (50, 10)], stroke=(0, 0, 0), line_width=4)
    assert ink.box == (8, 8, 52, 12)
    ink.path([("R", 0, 0, 90, 90)], stroke=(1, 1, 1), line_width=10, within=[("R", 20, 20, 10, 10)])
    assert ink.box == (8, 8, 52, 30)  # the stroke shows only inside its clip
    ink.rect(60, 70, 10, -20, fill=(0, 0, 0))  # a rectangle drawn from its top left corner
    assert ink.box == (8, 8, 70, 70)


def test_gradients_circles_and_text_count():
    ink = InkExtent(200, 200)
    ink.linear_gradient([("M", 5, 5), ("L", 20, 5), ("L", 20, 20), ("Z",)], 0, 0, 0, 1, [(0, 0, 0)])
    ink.circle(100, 100, 10, fill=(0, 0, 0))
    ink.text(0, 150, "Label", "Font", 20, (0, 0, 0))
    assert ink.box == (0, 5, 110, 165)  # the text's capitals at 3/4 of its size over the baseline
