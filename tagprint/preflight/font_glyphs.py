"""From character codes to glyphs, for FONT-NOTDEF: `GlyphMap.for_font(font).is_notdef(code)` says
whether the code selects glyph 0 (.notdef) in the embedded font program, following ISO 32000-1 9.6.6.4
for simple TrueType fonts (the (3,0) cmap with the 0xF000 offsets, else (1,0), for symbolic fonts —
ReportLab's subsets are symbolic and carry a (1,0) cmap; the glyph name's Unicode through (3,1) for
non-symbolic ones), CIDToGIDMap for CIDFontType2, the charset for CFF fonts. None means "cannot tell"
(Type 1 programs, unknown CMaps): no finding. The codes come from font_cmaps.py, the glyph names from
font_encodings.py.
"""

from __future__ import annotations

import functools
import io
from typing import Callable

import pikepdf

from .font_cmaps import cid_of
from .font_encodings import (BASE_ENCODINGS, HAVE_FONTTOOLS, SimpleEncoding, glyph_unicode, is_symbolic,
                             simple_encoding)


def descendant(font: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    kids = font.get("/DescendantFonts")
    if isinstance(kids, pikepdf.Array) and len(kids) and isinstance(kids[0], pikepdf.Dictionary):
        return kids[0]
    return None


def descriptor_of(font: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    holder = descendant(font) if font.get("/Subtype") == pikepdf.Name.Type0 else font
    d = holder.get("/FontDescriptor") if holder is not None else None
    return d if isinstance(d, pikepdf.Dictionary) else None


def font_file(font: pikepdf.Dictionary) -> tuple[str, pikepdf.Stream] | None:
    d = descriptor_of(font)
    if d is None:
        return None
    for key in ("/FontFile2", "/FontFile3", "/FontFile"):
        stream = d.get(key)
        if isinstance(stream, pikepdf.Stream):
            return key[1:], stream
    return None


class UnreadableFont(Exception):
    """The embedded font program is there but cannot be parsed."""


class GlyphMap:
    """Answers "does this code show .notdef?" for one font. Build with `GlyphMap.for_font`."""

    def __init__(self, lookup: Callable[[bytes], bool | None]):
        self.is_notdef = lookup

    @classmethod
    def for_font(cls, font: pikepdf.Dictionary) -> "GlyphMap | None":
        """None when the font is not embedded or its kind is not decoded here (Type 1 programs, unknown
        CMaps); UnreadableFont when the embedded program is damaged."""
        if not HAVE_FONTTOOLS:
            return None
        try:
            return _build(font)
        except Exception as exc:  # noqa: BLE001 - fontTools raises many kinds on a damaged program
            raise UnreadableFont(f"{type(exc).__name__}: {exc}") from None


def _build(font: pikepdf.Dictionary) -> GlyphMap | None:
    found = font_file(font)
    if found is None:
        return None
    key, stream = found
    data = stream.read_bytes()
    sub = stream.get("/Subtype")
    glyf = sub == pikepdf.Name.OpenType and _is_glyf(data)  # an OpenType wrapper around TrueType outlines
    if font.get("/Subtype") == pikepdf.Name.Type0:
        return _type0(font, data, sub, key == "FontFile3" and glyf)
    if font.get("/Subtype") == pikepdf.Name.TrueType or key == "FontFile2":
        return _truetype_simple(font, data)
    if key == "FontFile3":
        return _truetype_simple(font, data) if glyf else _cff_simple(font, data, sub)
    return None  # Type 1 (FontFile) programs: not decoded here


def _type0(font: pikepdf.Dictionary, data: bytes, sub: object, glyf: bool) -> GlyphMap | None:
    cid = cid_of(font)
    desc = descendant(font)
    if cid is None or desc is None:
        return None
    if desc.get("/Subtype") == pikepdf.Name.CIDFontType2 or glyf:
        return _cid_truetype(cid, desc, data)
    cids = _type0_cff_cids(data, sub == pikepdf.Name.OpenType)
    if cids is None:
        return None

    def cid0(code: bytes) -> bool | None:
        c = cid(code)
        return c is None or c == 0 or c not in cids
    return GlyphMap(cid0)


def _cid_truetype(cid: Callable[[bytes], int | None], desc: pikepdf.Dictionary, data: bytes) -> GlyphMap:
    """A CIDFontType2: CID → GID through its CIDToGIDMap (Identity when it has none)."""
    count = _truetype_glyph_count(data)
    cid_to_gid = desc.get("/CIDToGIDMap")
    table = cid_to_gid.read_bytes() if isinstance(cid_to_gid, pikepdf.Stream) else None

    def cid2(code: bytes) -> bool | None:
        c = cid(code)
        if c is None:
            return True
        if table is not None:
            gid = int.from_bytes(table[2 * c:2 * c + 2], "big") if 2 * c + 2 <= len(table) else 0
        else:
            gid = c
        return gid == 0 or (count is not None and gid >= count)
    return GlyphMap(cid2)


def _cff_simple(font: pikepdf.Dictionary, data: bytes, sub: object) -> GlyphMap | None:
    """A simple font with a CFF program: code → glyph name (its encoding, else the program's) → charset."""
    cff = _cff(data, sub)
    if cff is None:
        return None
    names = set(cff.CharStrings.keys())
    builtin = _cff_encoding(cff)
    enc = simple_encoding(font) or SimpleEncoding(None)
    symbolic = is_symbolic(font)
    if enc.base is None and not symbolic and font.get("/Encoding") is not None and builtin is None:
        enc.base = "StandardEncoding"

    def cff_simple(code: bytes) -> bool | None:
        name = enc.glyph_name(code[0], builtin)
        return name is None or name == ".notdef" or name not in names
    return GlyphMap(cff_simple)


def _is_glyf(data: bytes) -> bool:
    return data[:4] in (b"\x00\x01\x00\x00", b"true") or b"glyf" in data[:512]


@functools.lru_cache(maxsize=32)
def _truetype_glyph_count(data: bytes) -> int | None:
    """The program's glyph count, read once per process for the same bytes (the subsets recur in every build)."""
    from fontTools.ttLib import TTFont
    try:
        return TTFont(io.BytesIO(data), lazy=True)["maxp"].numGlyphs
    except Exception:
        return None


@functools.lru_cache(maxsize=32)
def _truetype_program(data: bytes):
    """A TrueType program's glyph count and cmap subtables, parsed once per process (the same subsets
    recur in every build); the font is only read afterwards."""
    from fontTools.ttLib import TTFont
    tt = TTFont(io.BytesIO(data), lazy=True)
    count = tt["maxp"].numGlyphs
    tables: dict[tuple[int, int], dict[int, str]] = {}  # (platform, encoding) → code → glyph name
    if "cmap" in tt:
        for sub in tt["cmap"].tables:
            tables.setdefault((sub.platformID, sub.platEncID), sub.cmap)
    tt.getGlyphOrder()  # what getGlyphID reads, loaded now
    return tt, count, tables


def _truetype_simple(font: pikepdf.Dictionary, data: bytes) -> GlyphMap:
    tt, count, tables = _truetype_program(data)
    c30, c31, c10 = tables.get((3, 0)), tables.get((3, 1)), tables.get((1, 0))
    enc = simple_encoding(font)
    symbolic = is_symbolic(font)

    def gid_of(name: str | None) -> int:
        if not name:
            return 0
        try:
            return tt.getGlyphID(name)
        except (KeyError, ValueError):
            return 0

    def lookup(code_bytes: bytes) -> bool | None:
        code = code_bytes[0]
        gid = 0
        if not tables:
            gid = code
        elif not symbolic and enc is not None and (c31 is not None or c10 is not None):
            name = enc.glyph_name(code, BASE_ENCODINGS["StandardEncoding"])
            uni = glyph_unicode(name) if name else ""
            if c31 is not None and uni and len(uni) == 1:
                gid = gid_of(c31.get(ord(uni)))
            if gid == 0 and c10 is not None and uni:
                try:
                    mac = uni.encode("mac_roman")
                except UnicodeEncodeError:
                    mac = b""
                if len(mac) == 1:
                    gid = gid_of(c10.get(mac[0]))
            if gid == 0 and name:
                gid = gid_of(name)
        else:
            if c30 is not None:
                for candidate in (code, 0xF000 + code, 0xF100 + code, 0xF200 + code):
                    if candidate in c30:
                        gid = gid_of(c30[candidate])
                        break
            if gid == 0 and c10 is not None:
                gid = gid_of(c10.get(code))
            if gid == 0 and c31 is not None:
                gid = gid_of(c31.get(code))
            if gid == 0 and enc is not None and code in enc.differences:
                gid = gid_of(enc.differences[code])
        return gid == 0 or gid >= count
    return GlyphMap(lookup)


def _cff(data: bytes, sub: object):
    from fontTools.cffLib import CFFFontSet
    if sub == pikepdf.Name.OpenType:
        from fontTools.ttLib import TTFont
        tt = TTFont(io.BytesIO(data))
        if "CFF " not in tt:
            return None
        cff = tt["CFF "].cff
    else:
        cff = CFFFontSet()
        cff.decompile(io.BytesIO(data), None)
    return cff[cff.fontNames[0]]


@functools.lru_cache(maxsize=32)
def _type0_cff_cids(data: bytes, opentype: bool) -> frozenset[int] | None:
    """The CIDs a CFF program (bare, or in an OpenType wrapper) has glyphs for, parsed once per process for
    the same bytes; None when an OpenType program holds no CFF table."""
    cff = _cff(data, pikepdf.Name.OpenType if opentype else None)
    return None if cff is None else frozenset(_cff_cids(cff))


def _cff_cids(top) -> set[int]:
    charset = top.charset
    if hasattr(top, "ROS"):
        return {int(n[3:]) for n in charset if n.startswith("cid") and n[3:].isdigit()}
    return set(range(1, len(charset)))  # not CID-keyed: CID = GID


def _cff_encoding(top) -> list[str | None] | None:
    enc = getattr(top, "Encoding", None)
    if isinstance(enc, list):
        return [n if n != ".notdef" else None for n in enc]
    if enc == "StandardEncoding" or enc is None:
        return BASE_ENCODINGS["StandardEncoding"]
    return None
