"""Which characters each drawn glyph stands for: what a font's ToUnicode map says, per glyph id.

A glyph stands for the characters of its cluster (a ligature for all of them, a mark for itself). A glyph
id keeps the first text it was drawn for; a later use for other characters (a ligature of other letters,
a no-break space drawn with the space glyph) is shown inside /ActualText by the pen."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence


def glyph_texts(text: str, glyphs: Sequence[Any]) -> list[str]:
    """The logical characters of each glyph (in the glyphs' order): those from its cluster up to the next
    cluster; glyphs sharing a cluster give it to the first of them and '' to the others."""
    starts = sorted({g.cluster for g in glyphs})
    end_of = {c: (starts[i + 1] if i + 1 < len(starts) else len(text)) for i, c in enumerate(starts)}
    seen: set[int] = set()
    out = []
    for g in glyphs:
        if g.cluster in seen:
            out.append("")
        else:
            seen.add(g.cluster)
            out.append(text[max(0, g.cluster) : end_of[g.cluster]])
    return out


@dataclass
class FontUse:
    """A face as one document uses it: its resource name and what each glyph id stands for."""

    face: Any
    resource: str
    texts: dict[int, str] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)

    def note(self, glyphs: Sequence[Any], texts: Sequence[str]) -> bool:
        """Records the glyphs' texts; False when a glyph already stands for other text (or for none)."""
        ok = True
        for g, t in zip(glyphs, texts):
            self.used.add(g.gid)
            known = self.texts.get(g.gid)
            if known is None:
                if t:
                    self.texts[g.gid] = t
                else:
                    ok = False
            elif known != t:
                ok = False
        return ok
