"""Fonts: where each family's files are, which characters they have, and how text is shaped.

Families are found by their name tables in the project's `fonts/` folder, in installed font wheels
(`fontpkg_*` packages, like Atkinson Hyperlegible) and in the system's font folders; a theme may also name
the files of a family per style. A variable font is instanced (fontTools' instancer) at the weight a style
uses, since PDF has no variable fonts. Every run of text is shaped by HarfBuzz (kerning, ligatures, marks,
Arabic joining, the style's OpenType features); the shaped advances are what lines are broken with and what
the pen draws.

The first family of a stack sets the text; a character it lacks falls back to the family the theme names
for its script, then to the next family that has it. A character no family has is an input error (never a
.notdef box in the PDF).
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import importlib.util
import io
import os
import pkgutil
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import uharfbuzz as hb
from fontTools.ttLib import TTCollection, TTFont

from .files import stamp

STYLES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}
STYLE_KEYS = {"regular": (False, False), "bold": (True, False), "italic": (False, True), "bold_italic": (True, True)}
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
SYSTEM_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path("/usr/share/texmf/fonts/opentype"),
               Path.home() / ".fonts", Path.home() / ".local/share/fonts")
NO_EMBEDDING = 0x0002  # OS/2 fsType: restricted licence embedding
BITMAP_ONLY = 0x0200   # OS/2 fsType: only bitmaps may be embedded


class FontMissing(Exception):
    """A family that no font folder has (or a style file that cannot be read)."""

    def __init__(self, family: str, how: str):
        super().__init__(f"font family '{family}' is not installed — {how}")
        self.family = family
        self.how = how


class FontNotEmbeddable(Exception):
    def __init__(self, family: str, path: Path, fs_type: int):
        super().__init__(f"font '{family}' ({path.name}) does not allow embedding (OS/2 fsType {fs_type:#06x})")
        self.family = family
        self.path = path


# ---- where fonts are ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """One face of a family on disk: the file, its index in a collection, and (variable fonts) the weight
    it is instanced at."""

    path: Path
    index: int = 0
    weight: int | None = None


@dataclass(frozen=True)
class Entry:
    """What a font file's tables say about one face."""

    family: str
    bold: bool
    italic: bool
    weight: int
    variable: bool  # has a wght axis
    source: Source


@functools.lru_cache(maxsize=1)
def wheel_dirs() -> list[Path]:
    """The `files` folders of installed font wheels (fontpkg_*), in name order."""
    out = []
    for module in sorted(m.name for m in pkgutil.iter_modules() if m.name.startswith("fontpkg_")):
        spec = importlib.util.find_spec(module)
        if spec and spec.origin:
            folder = Path(spec.origin).parent / "files"
            if folder.is_dir():
                out.append(folder)
    return out


def _files(folder: Path) -> list[Path]:
    if folder in SYSTEM_DIRS or folder.parent.name == "site-packages" or "site-packages" in folder.parts:
        return list(_installed_files(folder))  # installed fonts: listed once per process
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in FONT_SUFFIXES and p.is_file())


@functools.lru_cache(maxsize=64)
def _installed_files(folder: Path) -> tuple[Path, ...]:
    if not folder.is_dir():
        return ()
    return tuple(sorted(p for p in folder.rglob("*") if p.suffix.lower() in FONT_SUFFIXES and p.is_file()))


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


@functools.lru_cache(maxsize=4096)
def _entries(path: Path, mtime: int) -> tuple[Entry, ...]:
    """The faces a file holds (a collection holds several)."""
    try:
        if path.suffix.lower() in (".ttc", ".otc"):
            fonts = list(TTCollection(str(path), lazy=True).fonts)
        else:
            fonts = [TTFont(str(path), lazy=True)]
    except Exception:  # not a font we can read: not offered
        return ()
    out = []
    for index, font in enumerate(fonts):
        try:
            name = font["name"]
            family = str(name.getDebugName(16) or name.getDebugName(1) or "").strip()
            os2 = font["OS/2"] if "OS/2" in font else None
            sel = os2.fsSelection if os2 is not None else 0
            weight = os2.usWeightClass if os2 is not None else 400
            sub = str(name.getDebugName(17) or name.getDebugName(2) or "").lower()
            italic = bool(sel & 1) or "italic" in sub or "oblique" in sub
            bold = bool(sel & 0x20) or weight >= 600
            variable = "fvar" in font and any(a.axisTag == "wght" for a in font["fvar"].axes)
        except Exception:
            continue
        if family:
            out.append(Entry(family, bold and not variable, italic, weight, variable, Source(path, index)))
    return tuple(out)


def entries_in(folder: Path) -> list[Entry]:
    out: list[Entry] = []
    for path in _files(folder):
        out.extend(_entries(path, path.stat().st_mtime_ns))
    return out


def search_dirs(root: Path | None) -> list[Path]:
    """Where families are looked for, first found first: the project's fonts/, font wheels, the system."""
    return ([root / "fonts"] if root else []) + wheel_dirs() + [d for d in SYSTEM_DIRS if d.is_dir()]


def _candidates(family: str, root: Path | None) -> list[Entry]:
    """The faces of `family`, from the first folder that has any: the project's folder and the wheels are
    read whole (they are small); system folders by file name first, then whole."""
    want = family.casefold()
    for folder in search_dirs(root):
        if folder in SYSTEM_DIRS or folder.parent in SYSTEM_DIRS or not _is_small(folder):
            key = _key(family)
            named = [p for p in _files(folder) if _key(p.stem).startswith(key[: max(4, len(key) - 2)])]
            found = [e for p in named for e in _entries(p, p.stat().st_mtime_ns) if e.family.casefold() == want]
            if not found:
                found = [e for e in entries_in(folder) if e.family.casefold() == want] if _is_small(folder) else []
        else:
            found = [e for e in entries_in(folder) if e.family.casefold() == want]
        if found:
            return found
    return []


def _is_small(folder: Path) -> bool:
    return folder not in SYSTEM_DIRS


@functools.lru_cache(maxsize=8)
def _system_families() -> tuple[str, ...]:
    names = set()
    for folder in SYSTEM_DIRS:
        for e in entries_in(folder):
            names.add(e.family)
    return tuple(sorted(names))


def available_families(root: Path | None) -> list[str]:
    """Every family tagprint can find (for did-you-mean)."""
    names = set(_system_families())
    for folder in ([root / "fonts"] if root else []) + wheel_dirs():
        names.update(e.family for e in entries_in(folder))
    return sorted(names)


def did_you_mean_family(family: str, root: Path | None) -> str:
    names = available_families(root)
    close = difflib.get_close_matches(family, names, n=3, cutoff=0.5) or difflib.get_close_matches(
        family.lower(), [n.lower() for n in names], n=3, cutoff=0.5)
    close = [next(n for n in names if n.lower() == c.lower()) for c in close]
    hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
    return (f"{hint}put the family's .ttf/.otf files in the project's fonts/ folder (or name them under "
            f"font_files), or use one of: {', '.join(names[:12])}{', …' if len(names) > 12 else ''}")


def pick(entries: list[Entry], bold: bool, italic: bool, weights: tuple[int, int] = (400, 700)) -> Source | None:
    """The face of a family for a style: a static face of that style, else a variable face instanced at the
    style's weight, else the nearest (upright for italic, regular for bold)."""
    weight = weights[1] if bold else weights[0]
    for want_italic in ((italic, not italic) if italic else (False, True)):
        statics = [e for e in entries if not e.variable and e.italic == want_italic]
        exact = [e for e in statics if e.bold == bold]
        if exact:
            return min(exact, key=lambda e: (abs(e.weight - weight), str(e.source.path))).source
        variable = [e for e in entries if e.variable and e.italic == want_italic]
        if variable:
            v = min(variable, key=lambda e: str(e.source.path))
            return Source(v.source.path, v.source.index, weight)
        if statics and not bold:
            return min(statics, key=lambda e: (abs(e.weight - weight), str(e.source.path))).source
    regular = [e for e in entries if not e.italic] or entries
    return min(regular, key=lambda e: (abs(e.weight - weight), str(e.source.path))).source if regular else None


# families resolved for the themes built in this process: family -> style -> Source. A theme's files and
# its project's fonts/ folder are resolved by `resolve` (the validate stage); other families are looked up
# in the wheels and the system on first use.
_RESOLVED: dict[str, dict[tuple[bool, bool], Source]] = {}


def resolve(family: str, root: Path | None, files: dict[str, Path] | None = None,
            weights: tuple[int, int] = (400, 700)) -> dict[tuple[bool, bool], Source]:
    """Finds the four styles of `family` (raises FontMissing), remembers them for layout and drawing."""
    if files:
        sources: dict[tuple[bool, bool], Source] = {}
        for key, path in files.items():
            if not path.is_file():
                raise FontMissing(family, f"the file {path.name} named for its {key} style does not exist")
            entries = _entries(path, path.stat().st_mtime_ns)
            if not entries:
                raise FontMissing(family, f"{path.name} is not a TrueType or OpenType font")
            e = entries[0]
            sources[STYLE_KEYS[key]] = Source(path, 0, (weights[1] if STYLE_KEYS[key][0] else weights[0])
                                              if e.variable else None)
        base = sources.get((False, False)) or next(iter(sources.values()))
        for style in STYLE_KEYS.values():
            if style not in sources:
                sources[style] = sources.get((style[0], False)) or sources.get((False, style[1])) or base
    else:
        entries = _candidates(family, root)
        if not entries:
            raise FontMissing(family, did_you_mean_family(family, root))
        sources = {style: pick(entries, *style, weights=weights) for style in STYLE_KEYS.values()}  # type: ignore[misc]
    _RESOLVED[family] = sources
    return sources


def source(family: str, bold: bool, italic: bool) -> Source:
    if family not in _RESOLVED:
        resolve(family, None)
    return _RESOLVED[family][(bold, italic)]


# ---- faces -------------------------------------------------------------------------------------------

class Glyph(NamedTuple):
    """One shaped glyph: its id, the index of its first character in the shaped text (cluster), and its
    advance and offsets in thousandths of the font size. (A tuple: lines copy thousands of them.)"""

    gid: int
    cluster: int
    advance: float
    dx: float = 0.0
    dy: float = 0.0


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
    metrics: dict[str, float] = field(default_factory=dict, repr=False)
    _hb: object = field(default=None, repr=False)

    def __hash__(self) -> int:
        return hash(self.name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Face) and other.name == self.name

    @property
    def embeddable(self) -> bool:
        return not (self.fs_type & NO_EMBEDDING) and not (self.fs_type & BITMAP_ONLY)

    def shape(self, text: str, features: tuple[str, ...] = (), rtl: bool = False, lang: str = "",
              before: str = "", after: str = "") -> tuple[Glyph, ...]:
        return _shape(self, text, features, rtl, lang, before, after)

    def advance(self, text: str, features: tuple[str, ...] = ()) -> float:
        """The shaped advance of `text` in thousandths of an em."""
        return sum(g.advance for g in self.shape(text, features))

    def width(self, text: str, size: float) -> float:
        return self.advance(text) * size / 1000.0


_BY_NAME: dict[str, Face] = {}


@functools.lru_cache(maxsize=64)
def _load(src: Source) -> Face:
    path = src.path
    if path.suffix.lower() in (".ttc", ".otc"):
        font = TTCollection(str(path)).fonts[src.index]
    else:
        font = TTFont(str(path))
    family = str(font["name"].getDebugName(16) or font["name"].getDebugName(1))
    suffix = ""
    if src.weight is not None and "fvar" in font:
        axes = {a.axisTag: a for a in font["fvar"].axes}
        wght = max(axes["wght"].minValue, min(axes["wght"].maxValue, src.weight))
        data = _instance(path, src.index, font, {tag: (wght if tag == "wght" else a.defaultValue)
                                                 for tag, a in axes.items()})
        suffix = f"-W{int(wght)}"
    else:
        data = path.read_bytes() if path.suffix.lower() not in (".ttc", ".otc") else _saved(font)
    font = TTFont(io.BytesIO(data))
    ps = str(font["name"].getDebugName(6) or family.replace(" ", "")).replace(" ", "")
    if suffix:
        ps = f"{ps.split('-')[0]}{suffix}"
    name = ps
    n = 2
    while name in _BY_NAME and _BY_NAME[name].path != path:
        name = f"{ps}_{n}"
        n += 1
    upem = font["head"].unitsPerEm
    cmap = dict(font.getBestCmap() or {})
    order = font.getGlyphOrder()
    gid_of = {g: i for i, g in enumerate(order)}
    hmtx = font["hmtx"].metrics
    widths = tuple(hmtx[g][0] * 1000.0 / upem for g in order)
    os2 = font["OS/2"] if "OS/2" in font else None
    head, hhea, post = font["head"], font["hhea"], font["post"]
    scale = 1000.0 / upem
    cap = getattr(os2, "sCapHeight", 0) if os2 is not None else 0
    metrics = {
        "ascent": (os2.sTypoAscender if os2 is not None else hhea.ascent) * scale,
        "descent": (os2.sTypoDescender if os2 is not None else hhea.descent) * scale,
        "cap_height": (cap or hhea.ascent * 0.7) * scale,
        "italic_angle": float(post.italicAngle),
        "bbox": tuple(v * scale for v in (head.xMin, head.yMin, head.xMax, head.yMax)),
        "fixed": 1.0 if post.isFixedPitch else 0.0,
        "stem_v": 80.0 + ((os2.usWeightClass - 400) / 5 if os2 is not None else 0.0),
    }
    blob = hb.Blob(data)
    hb_face = hb.Face(blob)
    hb_font = hb.Font(hb_face)
    hb_font.scale = (upem, upem)
    face = Face(name=name, family=family, chars=frozenset(c for c, g in cmap.items() if gid_of.get(g, 0) != 0),
                data=data, path=path, cff="CFF " in font, upem=upem, ps_name=ps,
                fs_type=os2.fsType if os2 is not None else 0, widths=widths,
                cmap={c: gid_of[g] for c, g in cmap.items() if g in gid_of}, metrics=metrics, _hb=hb_font)
    _BY_NAME[name] = face
    return face


def _saved(font: TTFont) -> bytes:
    font.recalcTimestamp = False  # the same bytes in every process
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()


def instance_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tagprint" / "instances"


def _instance(path: Path, index: int, font: TTFont, limits: dict[str, float]) -> bytes:
    """A variable font's static instance (fontTools' instancer takes seconds): kept on disk, by the
    font file's content and the axis values, so each instance is made once per machine."""
    from fontTools.varLib import instancer

    key = hashlib.sha256(path.read_bytes() + repr((index, sorted(limits.items()))).encode()).hexdigest()[:32]
    cached = instance_cache() / f"{key}.ttf"
    if cached.is_file():
        return cached.read_bytes()
    data = _saved(instancer.instantiateVariableFont(font, limits, updateFontNames=False))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, cached)
    except OSError:  # a read-only cache: made again next time
        pass
    return data


def fs_type(src: Source) -> int:
    """The OS/2 embedding bits of a face's file (read without loading the font), once per file stamp."""
    return _fs_type(src.path, src.index, stamp(src.path))


@functools.lru_cache(maxsize=256)
def _fs_type(path: Path, index: int, changed: tuple) -> int:
    """`changed` (the file's stamp) keys the cache only: a replaced font file is read again."""
    font = (TTCollection(str(path), lazy=True).fonts[index] if path.suffix.lower() in (".ttc", ".otc")
            else TTFont(str(path), lazy=True))
    return font["OS/2"].fsType if "OS/2" in font else 0


def load_source(src: Source) -> Face:
    return _load(src)


def face(family: str, bold: bool = False, italic: bool = False) -> Face:
    return _load(source(family, bold, italic))


def by_name(name: str) -> Face:
    """A face loaded in this process, by its name (what segments and the pen carry)."""
    return _BY_NAME[name]


def _features(features: tuple[str, ...]) -> dict[str, bool]:
    out = {}
    for f in features:
        f = f.strip()
        if f.startswith("-"):
            out[f[1:]] = False
        else:
            out[f.lstrip("+")] = True
    return out


@functools.lru_cache(maxsize=1 << 16)
def _shape(face: Face, text: str, features: tuple[str, ...], rtl: bool, lang: str, before: str,
           after: str) -> tuple[Glyph, ...]:
    """HarfBuzz's glyphs for `text` (visual order, left to right), cached per face, features and text:
    the same words are set in every build and every profile."""
    buf = hb.Buffer()
    context = before + text + after
    buf.add_str(context, len(before), len(text))
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.flags = hb.BufferFlags.REMOVE_DEFAULT_IGNORABLES | (hb.BufferFlags.BOT if not before else 0) | (
        hb.BufferFlags.EOT if not after else 0)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    if lang:
        buf.language = lang
    hb.shape(face._hb, buf, _features(features))
    scale = 1000.0 / face.upem
    out = []
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        out.append(Glyph(info.codepoint, info.cluster - len(before), pos.x_advance * scale,
                         pos.x_offset * scale, pos.y_offset * scale))
    return tuple(out)


# ---- script fallbacks and stacks -------------------------------------------------------------------

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
    bold_italic = next(((b, i) for fam, styles in _RESOLVED.items() for (b, i), src in styles.items()
                        if fam == chosen.family and _load(src) is chosen), (False, False))
    others = tuple(f for f in _RESOLVED if f != chosen.family)
    out: list[tuple[Face, str]] = []
    for f, t in FontStack((chosen.family, *others)).segments(text, *bold_italic):
        out.append((chosen if f.family == chosen.family else f, t))
    return out


def theme_stack(theme, style=None) -> FontStack:
    """The stack a theme sets a style in: the style's family (or the theme's), the fallbacks, and the
    families named per script."""
    family = getattr(style, "font", None) or theme.font
    scripts = tuple(getattr(theme, "script_fonts", ()) or ())
    features = tuple(getattr(style, "features", ()) or ())
    return FontStack((family, *(f for f in theme.fallback_fonts if f != family)), scripts, features)




class _Families(dict):
    """The families known by name, as older callers ask (family -> (finder(style) -> [paths], how to
    install)): the defaults and every family resolved in this process."""

    DEFAULTS = {"Atkinson Hyperlegible": "fontpkg-atkinson-hyperlegible (PyPI)",
                "DejaVu Sans": "fonts-dejavu-core (Debian) or matplotlib (PyPI)"}

    def _finder(self, family: str):
        def find(style: str) -> list[Path]:
            bold, italic = next(k for k, v in STYLES.items() if v == style)
            try:
                return [source(family, bold, italic).path]
            except FontMissing:
                return []
        return find

    def _names(self) -> list[str]:
        return list(dict.fromkeys([*self.DEFAULTS, *_RESOLVED]))

    def __getitem__(self, family: str):
        if family not in self._names():
            raise KeyError(family)
        return (self._finder(family), self.DEFAULTS.get(family, "its font files into the project's fonts/"))

    def get(self, family, default=None):
        return self[family] if family in self._names() else default

    def __contains__(self, family) -> bool:
        return family in self._names()

    def __iter__(self):
        return iter(self._names())

    def keys(self):
        return self._names()

    def values(self):
        return [self[f] for f in self._names()]

    def items(self):
        return [(f, self[f]) for f in self._names()]

    def __len__(self) -> int:
        return len(self._names())


FAMILIES = _Families()
