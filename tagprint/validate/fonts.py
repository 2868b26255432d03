"""Fonts: every family the theme names is found and may be embedded, and every character the document
draws is in one of its fonts and in a script tagprint can set."""

from __future__ import annotations

import unicodedata
from typing import Iterator

from .. import illustrations
from ..errors import Problem, Where
from ..fonts import BITMAP_ONLY, NO_EMBEDDING, STYLE_KEYS, FontMissing, FontStack, Source, fs_type, resolve
from ..layout.bidi import SUPPORTED_RTL
from ..load.project import Loaded
from ..load.yaml_source import Located
from ..model import Artwork, Document, Figure, Link, Photo
from ..model.walk import blocks_in_order, inline_runs
from .scripts import right_to_left, unsupported_right_to_left


def resolve_fonts(loaded: Loaded, problems: list[Problem]) -> None:
    """Every family the theme names is found (its files, or by name in the project's fonts/, the font
    packages and the system) and may be embedded; each one that is not is a problem at its line."""
    spec, src = loaded.theme, loaded.theme_source
    named: dict[str, tuple] = {}
    named.setdefault(spec.font, ("font",))
    for i, fam in enumerate(spec.fallback_fonts):
        named.setdefault(fam, ("fallback_fonts", i))
    for script, fam in spec.script_fonts.items():
        named.setdefault(fam, ("script_fonts", script))
    for name, s in spec.styles.items():
        if s.font:
            named.setdefault(s.font, ("styles", name, "font"))
    for fam, key in named.items():
        files = spec.font_files.get(fam)
        where = src.where(("font_files", fam) if files else key)
        try:
            paths = {k: loaded.root / v for k, v in files.model_dump().items() if v} if files else None
            sources = resolve(fam, loaded.root, paths)
        except FontMissing as exc:
            problems.append(Problem(where, f"font family '{fam}' is not available" + (f": {exc.how}" if files else ""),
                                    exc.how if not files else "give the path of a .ttf, .otf or .ttc file from "
                                    "the project folder, e.g. fonts/Brand-Regular.otf"))
            continue
        _check_embedding(fam, sources, where, problems)


def _check_embedding(fam: str, sources: dict[tuple[bool, bool], Source], where: Where,
                     problems: list[Problem]) -> None:
    """A family's files can be read and their licence allows embedding (the first that fails is said)."""
    for style, source in sorted(sources.items()):
        try:
            bits = fs_type(source)
        except Exception as exc:  # a damaged file
            problems.append(Problem(where, f"font '{fam}' ({source.path.name}) cannot be read: {exc}",
                                    "replace the file with a working .ttf or .otf"))
            return
        if bits & (NO_EMBEDDING | BITMAP_ONLY):
            style_name = next(k for k, v in STYLE_KEYS.items() if v == style)
            problems.append(Problem(
                where, f"font '{fam}' ({source.path.name}, {style_name}) does not allow embedding "
                       f"(its OS/2 fsType is {bits:#06x}), and a PDF/UA file must embed its fonts",
                "use a font whose licence allows embedding (ask the foundry for a web/PDF licence), or "
                "another family"))
            return


def drawn_texts(document: Document, lsrc: Located | None = None) -> Iterator[tuple[str, Where, bool]]:
    """Every text the document draws, with its place and whether it is set by line breaking (where
    Arabic and Hebrew are shaped and reordered) rather than drawn as it is (illustration labels)."""
    def field_where(key: str) -> Where:
        return lsrc.where(("document", key)) if lsrc else Where(document.source, 1, 1, key)

    yield document.title, field_where("title"), True
    yield document.footer, field_where("footer"), True
    yield document.job_code, field_where("material_id"), True
    for block in blocks_in_order(document):
        for run, where in inline_runs(block):
            if not isinstance(run, Link):
                yield run.text, where, True
        if isinstance(block, Figure) and not isinstance(block.source, (Photo, Artwork)):
            texts = getattr(illustrations.kinds()[block.source.name], "texts", None)
            for text in texts(block.source.params) if texts else ():
                yield text, block.where, False
        for text, where in block.labels():
            yield text, where, True


def check_fonts(document: Document, theme_where: Where, problems: list[Problem], lsrc: Located | None = None) -> None:
    """Every character drawn is in a font of the theme, and in a script it can be set in."""
    theme = document.theme
    families = [theme.font, *theme.fallback_fonts, *(f for _, f in theme.script_fonts),
                *(s.font for s in theme.styles.values() if s.font)]
    stack = FontStack(tuple(dict.fromkeys(families)))
    try:
        for text, where, set_by_lines in drawn_texts(document, lsrc):
            _check_direction(text, where, set_by_lines, problems)
            missing = stack.missing(text)
            if missing:
                shown = " ".join(f"'{c}' (U+{ord(c):04X})" if c in text else
                                 f"the joined form U+{ord(c):04X} of '{unicodedata.normalize('NFKC', c)}'"
                                 for c in sorted(missing))
                problems.append(Problem(where, f"no configured font has {shown}",
                                        f"replace the character, or add a font that has it to the theme's "
                                        f"fallback_fonts (now: {', '.join(stack.families)})"))
    except FontMissing as exc:  # reported at the theme's line when it was resolved
        if not any(f"'{exc.family}'" in p.message for p in problems):
            problems.append(Problem(theme_where, f"font family '{exc.family}' is not available", exc.how))


def _check_direction(text: str, where: Where, set_by_lines: bool, problems: list[Problem]) -> None:
    """Right-to-left text only where it is set right to left: running text in a supported script."""
    refused = unsupported_right_to_left(text) if set_by_lines else right_to_left(text)
    for script, sample in refused.items():
        problems.append(Problem(
            where, f"right-to-left text ({script}: '{sample}') cannot be set "
                   + ("inside an illustration" if script in SUPPORTED_RTL else "yet")
                   + ": its letters would not join and its words would run the wrong way",
            "put the passage in running text (paragraphs, headings, lists, tables set "
            f"{' and '.join(SUPPORTED_RTL)} right to left)" if script in SUPPORTED_RTL
            else f"leave the passage out of this document (tagprint sets {' and '.join(SUPPORTED_RTL)} "
                 "right to left, and left-to-right scripts)"))
