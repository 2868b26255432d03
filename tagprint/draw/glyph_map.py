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
    owner: dict[int, int] = {}  # cluster -> the glyph that carries its text: the widest (a letter, not
    for i, g in enumerate(glyphs):  # the dots or marks a font draws as glyphs of their own)
        if g.cluster not in owner or g.advance > glyphs[owner[g.cluster]].advance:
            owner[g.cluster] = i
    return [text[max(0, g.cluster) : end_of[g.cluster]] if owner[g.cluster] == i else ""
            for i, g in enumerate(glyphs)]


@dataclass
class FontUse:
    """A face as one document uses it: its resource name and what each glyph id stands for."""

    face: Any
    resource: str
    texts: dict[int, str] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)

    def note(self, glyphs: Sequence[Any], texts: Sequence[str]) -> bool:
        """Records the glyphs' texts; False when a glyph already stands for other text. A glyph that is part
        of another's cluster (a dot, a mark drawn apart) stands for nothing of its own."""
        ok = True
        for g, t in zip(glyphs, texts):
            self.used.add(g.gid)
            if not t:
                continue
            known = self.texts.get(g.gid)
            if known is None:
                self.texts[g.gid] = t
            elif known != t:
                ok = False
        return ok
