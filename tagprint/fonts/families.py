"""The families resolved for the themes built in this process: each family's four styles, found once (by
the validate stage for a theme's own files and fonts/ folder, else on first use), and the families known by
name as older callers ask for them."""

from __future__ import annotations

from pathlib import Path

from .discovery import STYLE_KEYS, STYLES, FontMissing, Source, _candidates, _entries, did_you_mean_family, pick

Styles = dict[tuple[bool, bool], Source]  # (bold, italic) -> the face's source

# families resolved for the themes built in this process: family -> style -> Source. A theme's files and
# its project's fonts/ folder are resolved by `resolve` (the validate stage); other families are looked up
# in the wheels and the system on first use.
_RESOLVED: dict[str, Styles] = {}


def resolve(family: str, root: Path | None, files: dict[str, Path] | None = None,
            weights: tuple[int, int] = (400, 700)) -> Styles:
    """Finds the four styles of `family` (raises FontMissing), remembers them for layout and drawing."""
    if files:
        sources = _from_files(family, files, weights)
    else:
        entries = _candidates(family, root)
        if not entries:
            raise FontMissing(family, did_you_mean_family(family, root))
        sources = {style: pick(entries, *style, weights=weights) for style in STYLE_KEYS.values()}
    _RESOLVED[family] = sources
    return sources


def _from_files(family: str, files: dict[str, Path], weights: tuple[int, int]) -> Styles:
    """The styles of a family the theme names the files of, per style (a style without a file borrows the
    nearest one's)."""
    sources: Styles = {}
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
    return sources


def resolved() -> dict[str, Styles]:
    """The families resolved in this process so far (the live record: do not change it)."""
    return _RESOLVED


def source(family: str, bold: bool, italic: bool) -> Source:
    if family not in _RESOLVED:
        resolve(family, None)
    return _RESOLVED[family][(bold, italic)]


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
