"""Font stacks: a theme's families in fallback order. The first family of a stack sets the text; a
character it lacks falls back to the family the theme names for its script, then to the next family that
has it. A character no family has is an input error (never a .notdef box in the PDF)."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Any

from .faces import Face, by_name, face, load_source
from .families import resolved


def script_of(ch: str) -> str:
    """The script of a character, as the theme's `script_fonts` names it (arabic, hebrew, greek, …)."""
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return ""
    first = name.split(" ")[0].lower()
    return first if first in _SCRIPTS else ""


_SCRIPTS = {"arabic", "hebrew", "greek", "cyrillic", "armenian", "georgian", "thai", "devanagari"}


@dataclass(frozen=True)
class FontStack:
    """A theme's families in fallback order, with the families named per script (tried first for
    characters of that script)."""

    families: tuple[str, ...]
    scripts: tuple[tuple[str, str], ...] = ()
    features: tuple[str, ...] = ()

    def faces(self, bold: bool, italic: bool) -> list[Face]:
        return [face(f, bold, italic) for f in self.families]

    def missing(self, text: str) -> set[str]:
        """Characters of `text` that no family in the stack can show (spaces and controls aside)."""
        return set(_missing(self, text))

    def _missing(self, text: str) -> frozenset[str]:
        needed = {c for c in text if c not in " \n\t\u00ad"}
        # control characters (but the joiners and directional marks), the replacement character and
        # characters beyond the BMP have no reliable glyph and ToUnicode entry: they count as missing
        refused = {c for c in needed if (unicodedata.category(c).startswith("C") and c not in _FORMAT_OK)
                   or c == "\ufffd" or ord(c) > 0xFFFF}
        needed -= refused | _FORMAT_OK
        for fam in self._order():
            have = face(fam).chars
            needed = {c for c in needed if ord(c) not in have}
            if not needed:
                break
        return frozenset(needed | refused)

    def _order(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*self.families, *(f for _, f in self.scripts)]))

    def segments(self, text: str, bold: bool, italic: bool) -> list[tuple[Face, str]]:
        """Splits `text` into runs, each set in the first face that has all its characters."""
        return list(_segments(self, text, bold, italic))

    def _segments(self, text: str, bold: bool, italic: bool) -> tuple[tuple[Face, str], ...]:
        first = face(self.families[0], bold, italic)
        if not self.scripts and all(ord(c) in first.chars or c in " \u00ad" or c in _FORMAT_OK for c in text):
            return ((first, text),)  # the common case: no fallback needed, no other font loaded
        by_script = dict(self.scripts)
        out: list[tuple[Face, str]] = []
        for ch in text:
            order = self._order()
            script = script_of(ch)
            if script in by_script:
                order = (by_script[script], *order)
            chosen = next((face(f, bold, italic) for f in order if ord(ch) in face(f, bold, italic).chars), None)
            if chosen is None:  # no face of this style has it: the upright face of a family that does
                chosen = next((face(f) for f in order if ord(ch) in face(f).chars), first)
            if ch in " \u00ad" or ch in _FORMAT_OK or unicodedata.category(ch) == "Mn":
                chosen = out[-1][0] if out else chosen  # spaces, joiners and marks stay with their letters
            if out and out[-1][0] is chosen:
                out[-1] = (chosen, out[-1][1] + ch)
            else:
                out.append((chosen, ch))
        return tuple(out)

    def width(self, text: str, size: float, bold: bool, italic: bool) -> float:
        return _stack_width(self, text, size, bold, italic)


_FORMAT_OK = frozenset("\u200c\u200d\u200e\u200f\u2060")


@functools.lru_cache(maxsize=1 << 16)
def _stack_width(stack: FontStack, text: str, size: float, bold: bool, italic: bool) -> float:
    """A word's shaped width, measured once per (stack, text, size, style)."""
    return sum(f.advance(t, stack.features) for f, t in _segments(stack, text, bold, italic)) * size / 1000.0


# a stack's answers for a text never change: the same words are asked about in every build and profile
_missing = functools.lru_cache(maxsize=1 << 16)(FontStack._missing)
_segments = functools.lru_cache(maxsize=1 << 16)(FontStack._segments)


def segments_for(font_name: str, text: str) -> list[tuple[Face, str]]:
    """`text` set in the loaded face `font_name`, with the other families in use as fallbacks."""
    chosen = by_name(font_name)
    if all(ord(c) in chosen.chars or c == " " for c in text):
        return [(chosen, text)]
    families = resolved()
    bold_italic = next(((b, i) for fam, styles in families.items() for (b, i), src in styles.items()
                        if fam == chosen.family and load_source(src) is chosen), (False, False))
    others = tuple(f for f in families if f != chosen.family)
    out: list[tuple[Face, str]] = []
    for f, t in FontStack((chosen.family, *others)).segments(text, *bold_italic):
        out.append((chosen if f.family == chosen.family else f, t))
    return out


def theme_stack(theme: Any, style: Any = None) -> FontStack:
    """The stack a theme sets a style in: the style's family (or the theme's), the fallbacks, and the
    families named per script."""
    family = getattr(style, "font", None) or theme.font
    scripts = tuple(getattr(theme, "script_fonts", ()) or ())
    features = tuple(getattr(style, "features", ()) or ())
    return FontStack((family, *(f for f in theme.fallback_fonts if f != family)), scripts, features)
