"""Fonts: where each family's files are, which characters they have, and how wide text is.

The first family of a theme sets the text; a character it lacks falls back to the next family that
has it. A character no family has is an input error (never a .notdef box in the PDF).
"""

from __future__ import annotations

import functools
import importlib.util
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

STYLES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}


def _package_dir(module: str) -> Path | None:
    spec = importlib.util.find_spec(module)
    return Path(spec.origin).parent / "files" if spec and spec.origin else None


def _atkinson(style: str) -> list[Path]:
    base = _package_dir("fontpkg_atkinson_hyperlegible")
    return [base / f"AtkinsonHyperlegible-{style}.ttf"] if base else []


def _dejavu(style: str) -> list[Path]:
    suffix = {"Regular": "", "Bold": "-Bold", "Italic": "-Oblique", "BoldItalic": "-BoldOblique"}[style]
    name = f"DejaVuSans{suffix}.ttf"
    candidates = [Path("/usr/share/fonts/truetype/dejavu") / name]
    mpl = importlib.util.find_spec("matplotlib")
    if mpl and mpl.origin:
        candidates.append(Path(mpl.origin).parent / "mpl-data" / "fonts" / "ttf" / name)
    return candidates


FAMILIES = {
    "Atkinson Hyperlegible": (_atkinson, "fontpkg-atkinson-hyperlegible (PyPI)"),
    "DejaVu Sans": (_dejavu, "fonts-dejavu-core (Debian) or matplotlib (PyPI)"),
}


class FontMissing(Exception):
    def __init__(self, family: str, how: str):
        super().__init__(f"font family '{family}' is not installed — install {how}")
        self.family = family
        self.how = how


@dataclass(frozen=True)
class Face:
    """One registered font file: its ReportLab name and the characters it can show."""

    name: str
    family: str
    chars: frozenset[int] = field(repr=False)

    def width(self, text: str, size: float) -> float:
        return pdfmetrics.stringWidth(text, self.name, size)


@functools.lru_cache(maxsize=None)
def face(family: str, bold: bool = False, italic: bool = False) -> Face:
    if family not in FAMILIES:
        raise KeyError(family)
    finder, how = FAMILIES[family]
    style = STYLES[(bold, italic)]
    path = next((p for p in finder(style) if p.is_file()), None)
    if path is None:
        raise FontMissing(family, how)
    name = f"{family.replace(' ', '')}-{style}"
    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    chars = frozenset(c for c in font.face.charToGlyph if font.face.charToGlyph[c] != 0)
    return Face(name, family, chars)


@dataclass(frozen=True)
class FontStack:
    """A theme's families in fallback order."""

    families: tuple[str, ...]

    def faces(self, bold: bool, italic: bool) -> list[Face]:
        return [face(f, bold, italic) for f in self.families]

    def missing(self, text: str) -> set[str]:
        """Characters of `text` that no family in the stack can show (spaces and controls aside)."""
        return set(_missing(self, text))

    def _missing(self, text: str) -> frozenset[str]:
        needed = {c for c in text if c not in " \n\t\u00ad"}
        # control characters, the replacement character and characters beyond the BMP have no reliable
        # glyph and ToUnicode entry: they count as missing, so the author is told
        refused = {c for c in needed if unicodedata.category(c).startswith("C") or c == "\ufffd" or ord(c) > 0xFFFF}
        needed -= refused
        for fam in self.families:
            have = face(fam).chars
            needed = {c for c in needed if ord(c) not in have}
            if not needed:
                break
        return frozenset(needed | refused)

    def segments(self, text: str, bold: bool, italic: bool) -> list[tuple[Face, str]]:
        """Splits `text` into runs, each set in the first face that has all its characters."""
        return list(_segments(self, text, bold, italic))

    def _segments(self, text: str, bold: bool, italic: bool) -> tuple[tuple[Face, str], ...]:
        first = face(self.families[0], bold, italic)
        if all(ord(c) in first.chars or c in " \u00ad" for c in text):
            return ((first, text),)  # the common case: no fallback needed, no other font loaded
        faces = self.faces(bold, italic)
        out: list[tuple[Face, str]] = []
        for ch in text:
            chosen = next((f for f in faces if ord(ch) in f.chars), None)
            if chosen is None:  # no face of this style has it: the upright face of a family that does
                chosen = next((face(f) for f in self.families if ord(ch) in face(f).chars), faces[0])
            if ch == " ":
                chosen = out[-1][0] if out else faces[0]
            if out and out[-1][0] is chosen:
                out[-1] = (chosen, out[-1][1] + ch)
            else:
                out.append((chosen, ch))
        return tuple(out)

    def width(self, text: str, size: float, bold: bool, italic: bool) -> float:
        return _stack_width(self, text, size, bold, italic)


@functools.lru_cache(maxsize=1 << 16)
def _stack_width(stack: FontStack, text: str, size: float, bold: bool, italic: bool) -> float:
    """A word's width, measured once per (stack, text, size, style): layout measures the same words in every
    build and every profile, and a registered face's metrics never change."""
    return sum(f.width(t, size) for f, t in _segments(stack, text, bold, italic))


# a stack's answers for a text never change (its faces are registered once): the same words are asked about
# in every build and every profile
_missing = functools.lru_cache(maxsize=1 << 16)(FontStack._missing)
_segments = functools.lru_cache(maxsize=1 << 16)(FontStack._segments)


def segments_for(font_name: str, text: str) -> list[tuple[Face, str]]:
    """`text` set in the registered face `font_name`, with the other known families as fallbacks."""
    for family in FAMILIES:
        for (bold, italic), style in STYLES.items():
            if font_name == f"{family.replace(' ', '')}-{style}":
                others = tuple(f for f in FAMILIES if f != family)
                return FontStack((family, *others)).segments(text, bold, italic)
    raise KeyError(font_name)
