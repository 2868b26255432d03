"""WCAG relative luminance and contrast ratio, and the check that reports a shortfall."""

from __future__ import annotations

import pytest

from tagprint.contrast import GRAPHICS, TEXT, check, luminance, ratio, to_hex, to_rgb


def test_luminance_of_the_extremes_and_primaries():
    assert luminance((0, 0, 0)) == 0
    assert luminance((1, 1, 1)) == pytest.approx(1)
    assert luminance("#FF0000") == pytest.approx(0.2126)
    assert luminance("#00FF00") == pytest.approx(0.7152)
    assert luminance("#0000FF") == pytest.approx(0.0722)


def test_the_linear_segment_below_the_knee():
    # channel values at or below 0.04045 are divided by 12.92; above, the 2.4 power curve applies
    c = 0.04045
    assert luminance((c, c, c)) == pytest.approx(c / 12.92)
    c = 0.5
    assert luminance((c, c, c)) == pytest.approx(((c + 0.055) / 1.055) ** 2.4)
    # the two pieces meet (almost) at the knee, so luminance climbs smoothly through it
    below, above = luminance((0.04045,) * 3), luminance((0.0405,) * 3)
    assert 0 < above - below < 1e-4


def test_ratio_known_values():
    assert ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1)
    assert ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the lightest grey for text on white


def test_ratio_is_symmetric_and_accepts_both_notations():
    assert ratio("#1B365D", "#FFFFFF") == ratio("#FFFFFF", "#1B365D")
    assert ratio("#1B365D", "#fff") == pytest.approx(ratio((0x1B / 255, 0x36 / 255, 0x5D / 255), (1, 1, 1)))


def test_the_brand_colours_against_white():
    # graphics need 3:1 and text 4.5:1 (WCAG 1.4.11 and 1.4.3)
    assert ratio("#1B365D", "#FFFFFF") > TEXT  # navy: fine for text
    assert ratio("#007377", "#FFFFFF") > TEXT  # teal
    assert GRAPHICS < ratio("#D9622B", "#FFFFFF") < TEXT  # orange: graphics only, as the theme says
    assert ratio("#A8461A", "#FFFFFF") > TEXT  # the darker orange made for text


def test_check_passes_quietly_at_or_above_the_minimum():
    assert check("#000000", "#FFFFFF", TEXT, "body text") is None
    assert check("#767676", "#FFFFFF", 4.5, "small print") is None
    assert check("#D9622B", "#FFFFFF", GRAPHICS, "accent dot") is None


def test_check_names_both_colours_and_the_ratio():
    message = check("#777777", "#ffffff", 4.5, "caption text")
    assert message == "caption text: #777777 on #FFFFFF has contrast 4.47:1, below the 4.5:1 needed"
    message = check((0.85, 0.38, 0.17), (1, 1, 1), 4.5, "orange text")
    assert message is not None and "#D9612B on #FFFFFF" in message and "4.5:1" in message


def test_check_does_not_round_a_shortfall_up():
    # #777777 is 4.478:1; shown to two places it must not look like it meets 4.48
    message = check("#777777", "#FFFFFF", 4.48, "x")
    assert message is not None and "4.47:1" in message


def test_hex_round_trip_and_bad_input():
    assert to_hex("#1b365d") == "#1B365D"
    assert to_hex((1, 1, 1)) == "#FFFFFF"
    assert to_rgb("#abc") == pytest.approx((0xAA / 255, 0xBB / 255, 0xCC / 255))
    for bad in ("#12345", "#GGGGGG", "navy"):
        with pytest.raises(ValueError):
            to_rgb(bad)
    with pytest.raises(ValueError):
        to_rgb((1.2, 0, 0))


def test_illustration_colours_are_checked_against_the_theme(project):
    """Each illustration's check_theme: brand colours pass on white, a pale tint and unknown names do not."""
    from tagprint.illustrations import kinds
    project.layout()
    project.content("body:\n  - type: heading\n    level: 1\n    text: Theme\n")
    theme = project.build().document.theme
    for name in ("dots", "hexagons", "arrows", "helix"):
        kind = kinds()[name]
        assert kind.check_theme(kind.parse({}, lambda key: key, []), theme) == [], name
    dots = kinds()["dots"]
    faint = dots.parse({"colors": ["tint", "accent", "nope"]}, lambda key: key, [])
    messages = dots.check_theme(faint, theme)
    assert len(messages) == 2
    assert messages[0].startswith("dots colour 'tint': #EAF2F5 on #FFFFFF has contrast 1.1")
    assert messages[1] == "dots: colour 'nope' is not in the theme"
    # against the background the picture sits on: orange still passes on the pale panel, navy on navy not
    arrows = kinds()["arrows"]
    on_tint = arrows.parse({"background": "tint", "colors": ["accent", "secondary"]}, lambda key: key, [])
    assert arrows.check_theme(on_tint, theme) == []
    on_navy = arrows.parse({"background": "primary", "colors": ["primary", "white"]}, lambda key: key, [])
    assert arrows.check_theme(on_navy, theme) == [
        "arrows colour 'primary': #1B365D on #1B365D has contrast 1.00:1, below the 3:1 needed"]
