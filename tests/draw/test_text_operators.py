"""The operators that show shaped glyphs: numbers as content streams write them, TJ corrections from the
shaped advances to the font's widths, raised marks, and right-to-left ligatures split for readers."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tagprint.draw.text_operators import LAM, number, shown, split_ligatures
from tagprint.fonts import Glyph, face


@pytest.mark.parametrize("value, text", [(1.0, "1"), (0.12345, "0.123"), (-0.0001, "0"), (2.5, "2.5"),
                                         (-12.0, "-12"), (0.0, "0")])
def test_numbers_have_at_most_three_decimals_and_no_trailing_zeros(value, text):
    assert number(value) == text


def test_a_run_moves_by_the_shaped_advance_not_the_fonts_width():
    f = face("Atkinson Hyperlegible")
    a, v = f.cmap[ord("A")], f.cmap[ord("V")]
    glyphs = (Glyph(a, 0, f.widths[a] - 40.0), Glyph(v, 1, f.widths[v]))  # A kerned 40/1000 towards V
    assert shown(glyphs, f, 10) == [f"[<{a:04X}> 40 <{v:04X}>] TJ"]


def test_a_raised_mark_is_set_with_a_rise_and_the_rise_taken_back():
    f = face("Atkinson Hyperlegible")
    a, dot = f.cmap[ord("a")], f.cmap[ord(".")]
    glyphs = (Glyph(a, 0, f.widths[a]), Glyph(dot, 1, f.widths[dot], dy=300.0))
    assert shown(glyphs, f, 10) == [f"[<{a:04X}>] TJ", "3 Ts", f"[<{dot:04X}>] TJ", "0 Ts"]


def test_kept_and_made_runs_are_the_same():
    f = face("Atkinson Hyperlegible")
    glyphs = f.shape("Wave to AVA, ffi.")
    assert shown(glyphs, f, 9.5) == shown(list(glyphs), f, 9.5)  # a tuple is kept; a list is made anew
    assert shown(glyphs, f, 9.5) is not shown(glyphs, f, 9.5)  # a copy: the caller may extend it


def test_a_lam_alef_in_a_truetype_font_stands_for_its_alef_and_an_empty_glyph_for_its_lam():
    truetype = SimpleNamespace(cff=False, widths=(500.0,) * 10)
    glyphs, texts = split_ligatures(truetype, (Glyph(7, 0, 600.0),), [LAM + "\u0627"])
    assert glyphs == (Glyph(7, 0, 600.0), Glyph(10, 0, 0.0)) and texts == ["\u0627", LAM]


def test_other_right_to_left_ligatures_turn_their_letters_round():
    cff = SimpleNamespace(cff=True, widths=(500.0,) * 10)
    glyphs, texts = split_ligatures(cff, (Glyph(7, 0, 600.0), Glyph(8, 2, 500.0)), [LAM + "\u0627", "ab"])
    assert glyphs == (Glyph(7, 0, 600.0), Glyph(8, 2, 500.0)) and texts == ["\u0627" + LAM, "ab"]
