"""Faces: one font (a static face, or a variable font's instance at a style's weight) loaded with its
program, its glyph widths, its metrics for the font descriptor, and its HarfBuzz font; each known in the
process by a unique name (what layout segments and the pen carry)."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uharfbuzz as hb
from fontTools.ttLib import TTCollection, TTFont

from .discovery import BITMAP_ONLY, NO_EMBEDDING, Source
from .families import source
from .instances import instance, saved_font
from .metrics import Metrics
from .shaping import Glyph, shape


@dataclass(eq=False)
class Face:
    """One font (a static face, or a variable font's instance): its name, program and metrics."""

    name: str            # unique in the process: family, style and instance ("SourceSans3-Bold")
    family: str
    chars: frozenset[int] = field(repr=False)
    data: bytes = field(default=b"", repr=False)  # the static font program (an instance for variable fonts)
    path: Path | None = None
    cff: bool = False
    upem: int = 1000
    ps_name: str = ""
    fs_type: int = 0
    widths: tuple[float, ...] = field(default=(), repr=False)  # per glyph, thousandths of an em
    cmap: dict[int, int] = field(default_factory=dict, repr=False)
    metrics: Metrics = field(default_factory=Metrics, repr=False)
    hb_font: Any = field(default=None, repr=False)  # HarfBuzz's font, scaled to the em

    def __hash__(self) -> int:
        return hash(self.name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Face) and other.name == self.name

    @property
    def embeddable(self) -> bool:
        return not (self.fs_type & NO_EMBEDDING) and not (self.fs_type & BITMAP_ONLY)

    def shape(self, text: str, features: tuple[str, ...] = (), rtl: bool = False, lang: str = "",
              before: str = "", after: str = "") -> tuple[Glyph, ...]:
        return shape(self, text, features, rtl, lang, before, after)

    def advance(self, text: str, features: tuple[str, ...] = ()) -> float:
        """The shaped advance of `text` in thousandths of an em."""
        return sum(g.advance for g in self.shape(text, features))

    def width(self, text: str, size: float) -> float:
        return self.advance(text) * size / 1000.0


_BY_NAME: dict[str, Face] = {}


def _program(src: Source) -> tuple[bytes, str, str]:
    """The static font program of a source (a variable font instanced at its weight), its family, and the
    suffix its PostScript name takes for the instance."""
    path = src.path
    if path.suffix.lower() in (".ttc", ".otc"):
        font = TTCollection(str(path)).fonts[src.index]
    else:
        font = TTFont(str(path))
    family = str(font["name"].getDebugName(16) or font["name"].getDebugName(1))
    if src.weight is not None and "fvar" in font:
        axes = {a.axisTag: a for a in font["fvar"].axes}
        wght = max(axes["wght"].minValue, min(axes["wght"].maxValue, src.weight))
        data = instance(path, src.index, font, {tag: (wght if tag == "wght" else a.defaultValue)
                                                for tag, a in axes.items()})
        return data, family, f"-W{int(wght)}"
    return (path.read_bytes() if path.suffix.lower() not in (".ttc", ".otc") else saved_font(font)), family, ""


def _unique_name(ps: str, path: Path) -> str:
    """`ps`, or `ps_2`, `ps_3` … when another file's face has that name in this process."""
    name = ps
    n = 2
    while name in _BY_NAME and _BY_NAME[name].path != path:
        name = f"{ps}_{n}"
        n += 1
    return name


@functools.lru_cache(maxsize=64)
def _load(src: Source) -> Face:
    data, family, suffix = _program(src)
    font = TTFont(io.BytesIO(data))
    ps = str(font["name"].getDebugName(6) or family.replace(" ", "")).replace(" ", "")
    if suffix:
        ps = f"{ps.split('-')[0]}{suffix}"
    name = _unique_name(ps, src.path)
    upem = font["head"].unitsPerEm
    cmap = dict(font.getBestCmap() or {})
    order = font.getGlyphOrder()
    gid_of = {g: i for i, g in enumerate(order)}
    hmtx = font["hmtx"].metrics
    widths = tuple(hmtx[g][0] * 1000.0 / upem for g in order)
    os2 = font["OS/2"] if "OS/2" in font else None
    hb_font = hb.Font(hb.Face(hb.Blob(data)))
    hb_font.scale = (upem, upem)
    face = Face(name=name, family=family, chars=frozenset(c for c, g in cmap.items() if gid_of.get(g, 0) != 0),
                data=data, path=src.path, cff="CFF " in font, upem=upem, ps_name=ps,
                fs_type=os2.fsType if os2 is not None else 0, widths=widths,
                cmap={c: gid_of[g] for c, g in cmap.items() if g in gid_of}, metrics=Metrics.of(font),
                hb_font=hb_font)
    _BY_NAME[name] = face
    return face


def load_source(src: Source) -> Face:
    return _load(src)


def face(family: str, bold: bool = False, italic: bool = False) -> Face:
    return _load(source(family, bold, italic))


def by_name(name: str) -> Face:
    """A face loaded in this process, by its name (what segments and the pen carry)."""
    return _BY_NAME[name]
