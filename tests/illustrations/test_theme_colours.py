"""An illustration's colours name theme colours: a name the theme lacks is an input error at the figure's
params (file:line), listing the theme's colours, not a crash when the page is drawn."""

from __future__ import annotations

import pytest

from illustration_pixels import figures  # noqa: F401 (a fixture)

THEME_COLOURS = ("accent", "primary", "secondary", "tint", "white")  # some of the kineret theme's


@pytest.mark.parametrize("kind", ["arrows", "helix", "dots", "hexagons"])
def test_an_unknown_colour_names_the_place_and_the_choices(figures, kind):
    message = figures.error(kind, {"colors": ["secondary", "teal"]})
    # the figure's params are on line 6 of the content file figures.build writes
    assert f"content/test.yaml:6:5: {kind}: colour 'teal' is not in the theme" in message
    line = next(line for line in message.splitlines() if "'teal'" in line)
    assert "use one of the theme's colours:" in line
    assert all(name in line for name in THEME_COLOURS)
    assert "Traceback" not in message and "ValueError" not in message


def test_an_unknown_background_is_reported_too(figures):
    message = figures.error("arrows", {"background": "panel"})
    assert "content/test.yaml:6:5: arrows: background colour 'panel' is not in the theme" in message
    assert "use one of the theme's colours:" in message


def test_a_colour_too_faint_for_its_background_is_reported(figures):
    message = figures.error("helix", {"colors": ["tint", "primary"]})
    assert "content/test.yaml:6:5: helix colour 'tint'" in message and "below the 3:1 needed" in message
    assert "set background:" in message


def test_theme_colours_still_build(figures):
    built = figures.build("arrows", {"params": {"colors": ["primary", "accent"], "background": "white"}})
    assert len(built.figures) == 1
