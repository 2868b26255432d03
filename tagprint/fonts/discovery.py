"""Where each family's files are: font files found by their name tables in the project's `fonts/` folder,
in installed font wheels (`fontpkg_*` packages, like Atkinson Hyperlegible) and in the system's font
folders, and the face of a family that serves each style."""

from __future__ import annotations

import difflib
import functools
import importlib.util
import pkgutil
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from fontTools.ttLib import TTCollection, TTFont

from ..files import stamp

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


def pick(entries: Sequence[Entry], bold: bool, italic: bool, weights: tuple[int, int] = (400, 700)) -> Source:
    """The face of a family for a style: a static face of that style, else a variable face instanced at the
    style's weight, else the nearest (upright for italic, regular for bold). `entries` holds at least one."""
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
    if not regular:
        raise ValueError("pick() needs the faces of a family, and was given none")
    return min(regular, key=lambda e: (abs(e.weight - weight), str(e.source.path))).source


def fs_type(src: Source) -> int:
    """The OS/2 embedding bits of a face's file (read without loading the font), once per file stamp."""
    return _fs_type(src.path, src.index, stamp(src.path))


@functools.lru_cache(maxsize=256)
def _fs_type(path: Path, index: int, changed: tuple) -> int:
    """`changed` (the file's stamp) keys the cache only: a replaced font file is read again."""
    font = (TTCollection(str(path), lazy=True).fonts[index] if path.suffix.lower() in (".ttc", ".otc")
            else TTFont(str(path), lazy=True))
    return font["OS/2"].fsType if "OS/2" in font else 0

