"""A face's metrics as PDF's font descriptor states them (ISO 32000-1 9.8): read from the font's tables
once, in thousandths of an em, and turned into the descriptor's entries in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fontTools.ttLib import TTFont

NONSYMBOLIC, FIXED_PITCH, ITALIC = 32, 1, 64  # font descriptor flags (ISO 32000-1 table 123)


@dataclass(frozen=True)
class Metrics:
    ascent: float = 800.0
    descent: float = -200.0
    cap_height: float = 700.0
    italic_angle: float = 0.0
    bbox: tuple[float, float, float, float] = (0.0, -200.0, 1000.0, 800.0)
    fixed: bool = False
    stem_v: float = 80.0

    @classmethod
    def of(cls, font: TTFont) -> "Metrics":
        """The metrics of a font's OS/2 (typographic), hhea, head and post tables."""
        os2 = font["OS/2"] if "OS/2" in font else None
        head, hhea, post = font["head"], font["hhea"], font["post"]
        scale = 1000.0 / head.unitsPerEm
        cap = getattr(os2, "sCapHeight", 0) if os2 is not None else 0
        x0, y0, x1, y1 = (v * scale for v in (head.xMin, head.yMin, head.xMax, head.yMax))
        return cls(
            ascent=(os2.sTypoAscender if os2 is not None else hhea.ascent) * scale,
            descent=(os2.sTypoDescender if os2 is not None else hhea.descent) * scale,
            cap_height=(cap or hhea.ascent * 0.7) * scale,
            italic_angle=float(post.italicAngle),
            bbox=(x0, y0, x1, y1),
            fixed=bool(post.isFixedPitch),
            stem_v=80.0 + ((os2.usWeightClass - 400) / 5 if os2 is not None else 0.0),
        )

    @property
    def flags(self) -> int:
        """The descriptor's /Flags: nonsymbolic (Latin text), fixed pitch, italic."""
        return NONSYMBOLIC | (FIXED_PITCH if self.fixed else 0) | (ITALIC if self.italic_angle else 0)

    def descriptor(self) -> dict[str, Any]:
        """The font descriptor's metric entries, in the order they are written."""
        return dict(Flags=self.flags, FontBBox=[round(v) for v in self.bbox], ItalicAngle=self.italic_angle,
                    Ascent=round(self.ascent), Descent=round(self.descent), CapHeight=round(self.cap_height),
                    StemV=round(self.stem_v))
