"""Glyph names and the encodings of simple fonts, for the font checks: a glyph name's Unicode text (Adobe
Glyph List rules), the base encodings (Standard, WinAnsi, MacRoman) and a font's /Encoding with its
/Differences."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Callable

import pikepdf

from .document import number

try:  # fontTools reads the embedded font programs; without it FONT-NOTDEF says it could not check
    from fontTools.encodings.StandardEncoding import StandardEncoding
    HAVE_FONTTOOLS = True
except ImportError:  # pragma: no cover - depends on the environment
    StandardEncoding = [".notdef"] * 256
    HAVE_FONTTOOLS = False


@functools.cache
def _agl():
    """The Adobe Glyph List (a large table: imported when a glyph name is first looked up)."""
    if not HAVE_FONTTOOLS:  # pragma: no cover - depends on the environment
        return None
    from fontTools import agl
    return agl


def glyph_unicode(name: str) -> str:
    """The Unicode text of a glyph name (Adobe Glyph List rules); '' when unknown."""
    agl = _agl()
    if agl is not None:
        return agl.toUnicode(name)
    if name.startswith("uni") and len(name) == 7:
        try:
            return chr(int(name[3:], 16))
        except ValueError:
            return ""
    return name if len(name) == 1 else ""


def glyph_name(codepoint: int) -> str:
    agl = _agl()
    if agl is not None and codepoint in agl.UV2AGL:
        return agl.UV2AGL[codepoint]
    return f"uni{codepoint:04X}"

SYMBOLIC = 4

# ---- encodings of simple fonts --------------------------------------------------------------------


def _codec_names(codec: str) -> list[str | None]:
    names: list[str | None] = []
    for code in range(256):
        try:
            char = bytes([code]).decode(codec)
        except UnicodeDecodeError:
            names.append(None)
            continue
        names.append(glyph_name(ord(char)) if code >= 32 else None)
    return names


class _BaseEncodings(dict):
    """The glyph names of the base encodings, each made when first asked for (WinAnsi and MacRoman need
    the glyph list)."""

    MAKERS: dict[str, Callable[[], list[str | None]]] = {
        "StandardEncoding": lambda: [n if n != ".notdef" else None for n in StandardEncoding],
        "WinAnsiEncoding": lambda: _codec_names("cp1252"),
        "MacRomanEncoding": lambda: _codec_names("mac_roman"),
    }

    def __missing__(self, name: str) -> list[str | None]:
        table = self[name] = self.MAKERS[name]()
        return table

    def get(self, name: str, default=None):
        return self[name] if name in self.MAKERS else default


BASE_ENCODINGS: dict[str, list[str | None]] = _BaseEncodings()
PREDEFINED_SIMPLE = {"StandardEncoding", "WinAnsiEncoding", "MacRomanEncoding", "MacExpertEncoding"}


@dataclass
class SimpleEncoding:
    base: str | None                      # name of the base encoding, None: the font's built-in one
    differences: dict[int, str] = field(default_factory=dict)

    def glyph_name(self, code: int, builtin: list[str | None] | None = None) -> str | None:
        if code in self.differences:
            return self.differences[code]
        table = BASE_ENCODINGS.get(self.base) if self.base else builtin
        if table is None:
            return None
        return table[code] if code < len(table) else None


def simple_encoding(font: pikepdf.Dictionary) -> SimpleEncoding | None:
    """The /Encoding of a simple font; None when the font has none."""
    enc = font.get("/Encoding")
    if isinstance(enc, pikepdf.Name):
        return SimpleEncoding(str(enc)[1:])
    if isinstance(enc, pikepdf.Dictionary):
        base = enc.get("/BaseEncoding")
        out = SimpleEncoding(str(base)[1:] if isinstance(base, pikepdf.Name) else None)
        code = 0
        diffs = enc.get("/Differences")
        for item in (diffs if isinstance(diffs, pikepdf.Array) else []):
            if isinstance(item, int):
                code = item
            elif isinstance(item, pikepdf.Name):
                out.differences[code] = str(item)[1:]
                code += 1
        return out
    return None


def is_symbolic(font: pikepdf.Dictionary) -> bool:
    descriptor = font.get("/FontDescriptor")
    if isinstance(descriptor, pikepdf.Dictionary):
        return bool((number(descriptor.get("/Flags")) or 0) & SYMBOLIC)
    base = str(font.get("/BaseFont", ""))
    return base.endswith(("Symbol", "ZapfDingbats"))
