"""Faces: a family's style loaded once, known by its unique name, with the widths of its hmtx table and a
variable font's instance named for its weight."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont

from tagprint.fonts import Source, by_name, face, load_source


def test_a_face_is_loaded_once_and_found_again_by_its_name():
    regular = face("Atkinson Hyperlegible")
    assert face("Atkinson Hyperlegible") is regular and by_name(regular.name) is regular
    assert regular.name == "AtkinsonHyperlegible-Regular" and face("Atkinson Hyperlegible", bold=True).name.endswith("Bold")


def test_widths_and_characters_are_the_fonts_own():
    heros = face("TeX Gyre Heros")
    font = TTFont(str(heros.path))
    upem = font["head"].unitsPerEm
    order = font.getGlyphOrder()
    a = heros.cmap[ord("a")]
    assert order[a] == font.getBestCmap()[ord("a")]
    assert heros.widths[a] == font["hmtx"][order[a]][0] * 1000 / upem
    assert heros.cff and ord("a") in heros.chars and ord("\u05d0") not in heros.chars
    assert heros.width("a", 10) == heros.advance("a") * 10 / 1000


def test_a_variable_font_is_instanced_at_the_weight_and_named_for_it():
    regular = face("Source Sans 3")
    path = regular.path
    bold = load_source(Source(path, 0, 700))  # (the weight of a bold heading: made once per machine)
    assert regular.name == "SourceSans3-W400" and bold.name == "SourceSans3-W700"
    instance = TTFont(io.BytesIO(bold.data))
    assert "fvar" not in instance and instance["OS/2"].usWeightClass == 700
    assert "fvar" in TTFont(str(path))
