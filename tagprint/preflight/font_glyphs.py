"""From shown bytes to glyphs and to Unicode, for the font checks.

- `split_codes`: the byte string of a Tj split into character codes (1 byte for simple fonts; for
  Type0 fonts the CMap's code space: Identity-H/V, an embedded CMap, or a UCS-2 predefined one).
- `read_cmap`: a CMap stream (ToUnicode or an embedded CID CMap) as code -> value.
- `GlyphMap.for_font(font).is_notdef(code)`: whether the code selects glyph 0 (.notdef) in the embedded
  font program, following ISO 32000-1 9.6.6.4 for simple TrueType fonts (the (3,0) cmap with the
  0xF000 offsets, else (1,0), for symbolic fonts — ReportLab's subsets are symbolic and carry a (1,0)
  cmap; the glyph name's Unicode through (3,1) for non-symbolic ones), CIDToGIDMap for CIDFontType2,
  the charset for CFF fonts. None means "cannot tell" (Type 1 programs, unknown CMaps): no finding.
"""

from __future__ import annotations

import functools
import io
import re
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

    def get(self, name: str, default=None):  # type: ignore[override]
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


# ---- CMaps ----------------------------------------------------------------------------------------

_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|(\[)|(\])|/([^\s<>\[\]()/%]+)|(-?\d+)|([A-Za-z]+)|%[^\r\n]*")


@dataclass
class CMap:
    codespace: list[tuple[bytes, bytes]] = field(default_factory=list)
    map: dict[bytes, object] = field(default_factory=dict)   # code -> str (ToUnicode) or int (CID)

    def split(self, data: bytes) -> list[bytes]:
        return split_with_codespace(data, self.codespace or [(b"\x00", b"\xff")])


def split_with_codespace(data: bytes, ranges: list[tuple[bytes, bytes]]) -> list[bytes]:
    codes, i = [], 0
    lengths = sorted({len(lo) for lo, _ in ranges})
    while i < len(data):
        for n in lengths:
            chunk = data[i:i + n]
            if len(chunk) == n and any(len(lo) == n and all(a <= c <= b for a, b, c in zip(lo, hi, chunk))
                                       for lo, hi in ranges):
                codes.append(chunk)
                i += n
                break
        else:  # not in any range: take the shortest length (ISO 32000-1 9.7.6.3)
            n = lengths[0] if lengths else 1
            codes.append(data[i:i + n])
            i += n
    return codes


def read_cmap(stream: pikepdf.Stream, unicode: bool) -> CMap:
    """ToUnicode (unicode=True: values are text) or a CID CMap (values are CIDs). The same bytes are
    parsed once per process (the same fonts recur in every build); callers only read the map."""
    return _parse_cmap(stream.read_bytes(), unicode)


@functools.lru_cache(maxsize=64)
def _parse_cmap(data: bytes, unicode: bool) -> CMap:
    tokens: list[object] = []
    for m in _TOKEN.finditer(data):
        hexstr, open_, close, name, num, word = m.groups()
        if hexstr is not None:
            tokens.append(bytes.fromhex(re.sub(rb"\s", b"", hexstr).decode().ljust(2, "0")))
        elif open_:
            tokens.append("[")
        elif close:
            tokens.append("]")
        elif name is not None:
            tokens.append(("name", name.decode("latin-1")))
        elif num is not None:
            tokens.append(int(num))
        elif word is not None:
            tokens.append(word.decode())
    out = CMap()

    def value(v: object) -> object:
        if unicode:
            if isinstance(v, bytes):
                return v.decode("utf-16-be", errors="replace")
            if isinstance(v, tuple):
                return glyph_unicode(v[1])
            return None
        return v if isinstance(v, int) else None

    i, section = 0, None
    while i < len(tokens):
        t = tokens[i]
        if isinstance(t, str) and t.startswith("begin") and t != "begincmap":
            section = t[5:]
            i += 1
            continue
        if isinstance(t, str) and t.startswith("end"):
            section = None
            i += 1
            continue
        if section == "codespacerange" and i + 1 < len(tokens):
            lo, hi = tokens[i], tokens[i + 1]
            if isinstance(lo, bytes) and isinstance(hi, bytes):
                out.codespace.append((lo, hi))
            i += 2
        elif section in ("bfchar", "cidchar") and i + 1 < len(tokens):
            if isinstance(tokens[i], bytes):
                out.map[tokens[i]] = value(tokens[i + 1])
            i += 2
        elif section in ("bfrange", "cidrange") and i + 2 < len(tokens):
            lo, hi, dst = tokens[i], tokens[i + 1], tokens[i + 2]
            step = 3
            if dst == "[":
                j = i + 3
                items = []
                while j < len(tokens) and tokens[j] != "]":
                    items.append(tokens[j])
                    j += 1
                step = j - i + 1
                dst = items
            if isinstance(lo, bytes) and isinstance(hi, bytes) and len(lo) == len(hi):
                a, b = int.from_bytes(lo, "big"), int.from_bytes(hi, "big")
                for k, code in enumerate(range(a, min(b, a + 65535) + 1)):
                    key = code.to_bytes(len(lo), "big")
                    if isinstance(dst, list):
                        out.map[key] = value(dst[k]) if k < len(dst) else None
                    elif isinstance(dst, bytes) and unicode and dst:
                        last = (int.from_bytes(dst[-2:], "big") + k) & 0xFFFF if len(dst) >= 2 else dst[-1] + k
                        out.map[key] = (dst[:-2] + last.to_bytes(2, "big")).decode("utf-16-be", errors="replace") \
                            if len(dst) >= 2 else chr(last)
                    elif isinstance(dst, int):
                        out.map[key] = dst + k
            i += step
        else:
            i += 1
    return out


# ---- splitting shown strings into codes -----------------------------------------------------------

IDENTITY = {"Identity-H", "Identity-V"}
_ONE_BYTE = [bytes([b]) for b in range(256)]  # a simple font's codes, made once: cutting is then a lookup


def code_splitter(font: pikepdf.Dictionary) -> Callable[[bytes], list[bytes]] | None:
    """How to cut a shown string into codes; None when the CMap is not understood."""
    if font.get("/Subtype") != pikepdf.Name.Type0:
        return lambda data: list(map(_ONE_BYTE.__getitem__, data))
    enc = font.get("/Encoding")
    if isinstance(enc, pikepdf.Name):
        name = str(enc)[1:]
        if name in IDENTITY or "UCS2" in name:
            return lambda data: [data[i:i + 2] for i in range(0, len(data) - 1, 2)]
        return None
    if isinstance(enc, pikepdf.Stream):
        try:
            cmap = read_cmap(enc, unicode=False)
        except pikepdf.PdfError:
            return None
        return cmap.split
    return None


def cid_of(font: pikepdf.Dictionary) -> Callable[[bytes], int | None] | None:
    enc = font.get("/Encoding")
    if isinstance(enc, pikepdf.Name) and str(enc)[1:] in IDENTITY:
        return lambda code: int.from_bytes(code, "big")
    if isinstance(enc, pikepdf.Stream):
        try:
            cmap = read_cmap(enc, unicode=False)
        except pikepdf.PdfError:
            return None
        return lambda code: cmap.map.get(code)  # type: ignore[return-value]
    return None


# ---- glyphs ---------------------------------------------------------------------------------------


class UnreadableFont(Exception):
    """The embedded font program is there but cannot be parsed."""


class GlyphMap:
    """Answers "does this code show .notdef?" for one font. Build with `GlyphMap.for_font`."""

    def __init__(self, lookup: Callable[[bytes], bool | None]):
        self.is_notdef = lookup

    @classmethod
    def for_font(cls, font: pikepdf.Dictionary) -> "GlyphMap | None":
        if not HAVE_FONTTOOLS:
            return None
        """None when the font is not embedded or its kind is not decoded here (Type 1 programs, unknown
        CMaps); UnreadableFont when the embedded program is damaged."""
        try:
            return _build(font)
        except Exception as exc:  # noqa: BLE001 - fontTools raises many kinds on a damaged program
            raise UnreadableFont(f"{type(exc).__name__}: {exc}") from None


def _build(font: pikepdf.Dictionary) -> GlyphMap | None:
    subtype = font.get("/Subtype")
    found = font_file(font)
    if found is None:
        return None
    key, stream = found
    data = stream.read_bytes()
    sub = stream.get("/Subtype")
    if subtype == pikepdf.Name.Type0:
        cid = cid_of(font)
        desc = descendant(font)
        if cid is None or desc is None:
            return None
        if desc.get("/Subtype") == pikepdf.Name.CIDFontType2 or (key == "FontFile3" and sub == pikepdf.Name.OpenType
                                                                  and _is_glyf(data)):
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
        cids = _type0_cff_cids(data, sub == pikepdf.Name.OpenType)
        if cids is None:
            return None

        def cid0(code: bytes) -> bool | None:
            c = cid(code)
            return c is None or c == 0 or c not in cids
        return GlyphMap(cid0)

    if subtype == pikepdf.Name.TrueType or (key == "FontFile2"):
        return _truetype_simple(font, data)
    if key == "FontFile3":
        if sub == pikepdf.Name.OpenType and _is_glyf(data):
            return _truetype_simple(font, data)
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
    return None  # Type 1 (FontFile) programs: not decoded here


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
    tables = {}
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
