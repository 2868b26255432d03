"""Shaping: HarfBuzz's glyphs with the style's OpenType features, kerned advances, ligatures, and right-to-
left runs in visual order."""

from __future__ import annotations

from tagprint.fonts import face
from tagprint.fonts.shaping import Glyph, features_of, shape


def test_features_are_switched_on_and_off_by_sign():
    assert features_of(("smcp", " -liga ", "+kern")) == {"smcp": True, "liga": False, "kern": True}


def test_a_kerned_pair_is_narrower_than_its_letters_and_kerning_can_be_switched_off():
    heros = face("TeX Gyre Heros")
    apart = heros.advance("A") + heros.advance("V")
    assert heros.advance("AV") < apart == heros.advance("AV", ("-kern",))


def test_a_ligature_is_one_glyph_for_its_letters_unless_switched_off():
    heros = face("TeX Gyre Heros")
    (fi,) = heros.shape("fi")
    assert fi.cluster == 0 and fi.gid not in (heros.cmap[ord("f")], heros.cmap[ord("i")])
    assert [g.gid for g in heros.shape("fi", ("-liga",))] == [heros.cmap[ord("f")], heros.cmap[ord("i")]]


def test_a_right_to_left_run_comes_in_visual_order_with_its_clusters_turned_round():
    dejavu = face("DejaVu Sans")
    glyphs = dejavu.shape("\u05e9\u05dc\u05d5\u05dd", rtl=True)  # shalom
    assert [g.cluster for g in glyphs] == [3, 2, 1, 0]
    assert [g.gid for g in glyphs] == [dejavu.cmap[ord(c)] for c in "\u05dd\u05d5\u05dc\u05e9"]


def test_advances_are_thousandths_of_an_em_and_the_same_call_is_kept():
    dejavu = face("DejaVu Sans")
    (x,) = shape(dejavu, "x", (), False, "", "", "")
    assert isinstance(x, Glyph) and x.advance == dejavu.widths[x.gid]
    assert shape(dejavu, "x", (), False, "", "", "") is shape(dejavu, "x", (), False, "", "", "")
