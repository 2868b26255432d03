"""How text is shaped: HarfBuzz's glyphs for a run (kerning, ligatures, marks, Arabic joining, the style's
OpenType features), in visual order, with advances and offsets in thousandths of the font size."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, NamedTuple

import uharfbuzz as hb

if TYPE_CHECKING:
    from .faces import Face


class Glyph(NamedTuple):
    """One shaped glyph: its id, the index of its first character in the shaped text (cluster), and its
    advance and offsets in thousandths of the font size. (A tuple: lines copy thousands of them.)"""

    gid: int
    cluster: int
    advance: float
    dx: float = 0.0
    dy: float = 0.0


def features_of(features: tuple[str, ...]) -> dict[str, bool]:
    """A style's OpenType features ("smcp", "-liga", "+kern") as HarfBuzz takes them: on or off."""
    out = {}
    for f in features:
        f = f.strip()
        if f.startswith("-"):
            out[f[1:]] = False
        else:
            out[f.lstrip("+")] = True
    return out


@functools.lru_cache(maxsize=1 << 16)
def shape(face: Face, text: str, features: tuple[str, ...], rtl: bool, lang: str, before: str,
           after: str) -> tuple[Glyph, ...]:
    """HarfBuzz's glyphs for `text` (visual order, left to right), cached per face, features and text:
    the same words are set in every build and every profile."""
    buf = hb.Buffer()
    context = before + text + after
    buf.add_str(context, len(before), len(text))
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.flags = hb.BufferFlags.REMOVE_DEFAULT_IGNORABLES | (hb.BufferFlags.BOT if not before else 0) | (
        hb.BufferFlags.EOT if not after else 0)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    if lang:
        buf.language = lang
    hb.shape(face.hb_font, buf, features_of(features))
    scale = 1000.0 / face.upem
    out = []
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        out.append(Glyph(info.codepoint, info.cluster - len(before), pos.x_advance * scale,
                         pos.x_offset * scale, pos.y_offset * scale))
    return tuple(out)

