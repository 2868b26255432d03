"""CMaps, for the font checks: a ToUnicode or embedded CID CMap read as code -> value, and the byte
string of a Tj cut into character codes (1 byte for simple fonts; for Type0 fonts the CMap's code space:
Identity-H/V, an embedded CMap, or a UCS-2 predefined one)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Callable

import pikepdf

from .font_encodings import glyph_unicode

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
    tokens = _tokens(data)
    out = CMap()
    value = _unicode_value if unicode else _cid_value
    i, section = 0, None
    while i < len(tokens):
        t = tokens[i]
        if isinstance(t, str) and t.startswith("begin") and t != "begincmap":
            section = t[5:]
            i += 1
        elif isinstance(t, str) and t.startswith("end"):
            section = None
            i += 1
        else:
            i += _entry(out, tokens, i, section, value, unicode)
    return out


Token = object  # bytes (<hex>), "[" or "]", ("name", text), int, or a word (str)
Value = Callable[[Token], object]


def _tokens(data: bytes) -> list[Token]:
    tokens: list[Token] = []
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
    return tokens


def _unicode_value(v: Token) -> object:
    """A ToUnicode destination: UTF-16BE text, or a glyph name's text."""
    if isinstance(v, bytes):
        return v.decode("utf-16-be", errors="replace")
    if isinstance(v, tuple):
        return glyph_unicode(v[1])
    return None


def _cid_value(v: Token) -> object:
    return v if isinstance(v, int) else None


def _entry(out: CMap, tokens: list[Token], i: int, section: str | None, value: Value, unicode: bool) -> int:
    """Reads the entry of `section` at tokens[i] into `out`; returns how many tokens it took."""
    if section == "codespacerange" and i + 1 < len(tokens):
        lo, hi = tokens[i], tokens[i + 1]
        if isinstance(lo, bytes) and isinstance(hi, bytes):
            out.codespace.append((lo, hi))
        return 2
    if section in ("bfchar", "cidchar") and i + 1 < len(tokens):
        code = tokens[i]
        if isinstance(code, bytes):
            out.map[code] = value(tokens[i + 1])
        return 2
    if section in ("bfrange", "cidrange") and i + 2 < len(tokens):
        return _range(out, tokens, i, value, unicode)
    return 1


def _range(out: CMap, tokens: list[Token], i: int, value: Value, unicode: bool) -> int:
    """A bfrange or cidrange entry: <lo> <hi> and a start value or an [array] of values."""
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
                out.map[key] = _nth_text(dst, k)
            elif isinstance(dst, int):
                out.map[key] = dst + k
    return step


def _nth_text(start: bytes, k: int) -> str:
    """The text `k` codes after a bfrange's UTF-16BE start (its last unit counts up)."""
    if len(start) < 2:
        return chr(start[-1] + k)
    last = (int.from_bytes(start[-2:], "big") + k) & 0xFFFF
    return (start[:-2] + last.to_bytes(2, "big")).decode("utf-16-be", errors="replace")


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
        return lambda code: _cid(cmap.map.get(code))
    return None


def _cid(found: object) -> int | None:
    return found if isinstance(found, int) else None  # a CID CMap maps codes to ints (or to nothing)
