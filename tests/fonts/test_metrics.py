"""A face's metrics, read from its tables, and the font descriptor entries made from them, as a reader of
the written font finds them."""

from __future__ import annotations

import pikepdf
from fontTools.ttLib import TTFont

from tagprint.draw.glyph_map import FontUse
from tagprint.finish.fonts import font_object
from tagprint.fonts import Metrics, face


def test_metrics_are_the_typographic_values_in_thousandths_of_an_em():
    heros = face("TeX Gyre Heros")
    font = TTFont(str(heros.path))
    scale = 1000 / font["head"].unitsPerEm
    m = heros.metrics
    assert m.ascent == font["OS/2"].sTypoAscender * scale and m.descent == font["OS/2"].sTypoDescender * scale
    assert m.bbox == tuple(v * scale for v in (font["head"].xMin, font["head"].yMin, font["head"].xMax,
                                                font["head"].yMax))
    assert m.stem_v == 80 + (font["OS/2"].usWeightClass - 400) / 5 and not m.fixed


def test_flags_say_latin_text_fixed_pitch_and_italic():
    assert Metrics().flags == 32
    assert Metrics(fixed=True).flags == 33 and Metrics(italic_angle=-12.0).flags == 96
    assert face("TeX Gyre Heros", italic=True).metrics.flags == 96


def test_the_written_descriptor_holds_the_rounded_metrics():
    heros = face("TeX Gyre Heros", bold=True)
    use = FontUse(heros, "TF0")
    use.note(heros.shape("Hi"), ["H", "i"])
    pdf = pikepdf.new()
    font = font_object(pdf, use)
    descriptor = font.DescendantFonts[0].FontDescriptor
    m = heros.metrics
    assert int(descriptor.Flags) == m.flags and int(descriptor.Ascent) == round(m.ascent)
    assert int(descriptor.Descent) == round(m.descent) and int(descriptor.CapHeight) == round(m.cap_height)
    assert [int(v) for v in descriptor.FontBBox] == [round(v) for v in m.bbox]
    assert float(descriptor.ItalicAngle) == m.italic_angle and int(descriptor.StemV) == round(m.stem_v)
