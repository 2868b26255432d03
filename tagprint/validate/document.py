"""Validate stage, part two: the whole document — pages, regions, headings, citations, fonts."""

from __future__ import annotations

import re
from dataclasses import replace
import unicodedata
from typing import Iterator

from .. import illustrations
from ..errors import InputError, Problem, Where
from ..fonts import BITMAP_ONLY, NO_EMBEDDING, STYLE_KEYS, FontMissing, FontStack, fs_type, resolve
from ..load.project import AnyName, Loaded, placed_content_ids
from ..load.schema import RegionSpec
from ..load.lengths import span
from ..load.variants import profiles_for
from ..load.schema_errors import did_you_mean
from ..model import (
    Artwork, Block, BoxedWarning, Citation, Decoration, Document, Figure, Link, NoteRef, Page, Photo, Placement,
    Press, Recipe, Rect, References, Region, Section, Template, Theme, TypeStyle,
)
from ..model.inline import Inline
from .model_builder import BlockBuilder, check_lang
from .decorations import picture_decoration
from .words import checked_words
from ..print_rules import SMALL_TEXT_PT
from ..profiles import separated
from ..layout.bidi import SUPPORTED_RTL
from .scripts import right_to_left, unsupported_right_to_left

PAGE_SIZES = {"letter": (612.0, 792.0), "a4": (595.0, 842.0)}
_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")


def validate(loaded: Loaded) -> Document:
    """Builds the document model, or raises InputError listing every problem found."""
    problems: list[Problem] = list(loaded.problems)  # the theme's, when a stand-in took its place
    spec = loaded.layout
    lsrc = loaded.layout_source
    check_lang(spec.document.lang, lsrc.where(("document", "lang")), problems)
    theme = _theme(loaded, problems)
    if not problems and separated(spec.profiles):
        _small_text_in_one_ink(theme, loaded.theme_source, problems)  # only where the layout is printed
    papers = [spec.page.size] if isinstance(spec.page.size, str) else list(dict.fromkeys(spec.page.size))
    page_size = PAGE_SIZES[papers[0]]
    margins = tuple(spec.page.margins)
    templates = {name: _template(loaded, name, page_size, margins, theme, problems) for name in spec.templates}

    sections: dict[str, Section] = {}
    placed_ids = placed_content_ids(spec)
    for cid, (cfile, block_specs) in loaded.content.items():
        # content this document does not place is another document's business (a broken picture in it
        # must not stop this one): it is built for the did-you-mean of misspelt ids, its problems dropped
        builder = BlockBuilder(loaded, cfile.source, problems if cid in placed_ids else [])
        sections[cid] = Section(cid, builder.blocks(block_specs, (cid,)), cfile.source.where((cid,)))

    pages = []
    missing: list[str] = []  # content ids placed but not defined: the reading order is incomplete
    if bool(spec.pages) == bool(spec.slides):
        problems.append(Problem(lsrc.where(()), "a layout has either pages (a document) or slides (a deck)",
                                "add pages: with templates:, or slides:"))
    if spec.slides:
        from ..decks.slides import MARGINS, SLIDE, build_slides
        page_size = SLIDE
        margins = MARGINS  # the slide grid's: the footer lines up with the titles and text
        pages = build_slides(spec.slides, BlockBuilder(loaded, lsrc, problems), sections, lsrc.where, problems)
        missing += [cid for slide in spec.slides for cid in slide.content if cid not in sections]
    for p, page_spec in enumerate(spec.pages):
        ppath = ("pages", p)
        template = templates.get(page_spec.template)
        if template is None:
            problems.append(Problem(lsrc.where(ppath + ("template",)), f"no template '{page_spec.template}'",
                                    did_you_mean(page_spec.template, templates)))
            continue
        if page_spec.regions is None and page_spec.flow is None:
            problems.append(Problem(lsrc.where(ppath), "a page needs 'regions' or 'flow'",
                                    "write regions: {region: [content ids]} and/or flow: [content ids]"))
            continue
        then = None
        if page_spec.then is not None:
            then = templates.get(page_spec.then)
            if then is None or page_spec.flow is None:
                problems.append(Problem(lsrc.where(ppath + ("then",)), f"'then: {page_spec.then}' needs a flow "
                                        "and a template of that name", did_you_mean(page_spec.then, templates)))

        def placed(ids: list[str], path: tuple) -> tuple[Section, ...]:
            found = []
            for i, cid in enumerate(ids):
                if cid not in sections:
                    missing.append(cid)
                    problems.append(Problem(lsrc.where(path + (i,)), f"no content with id '{cid}'",
                                            did_you_mean(cid, sections)))
                else:
                    found.append(sections[cid])
            return tuple(found)

        placements = []
        for region_name, ids in (page_spec.regions or {}).items():
            rpath = ppath + ("regions", region_name)
            if region_name not in {r.name for r in template.regions}:
                problems.append(Problem(lsrc.where(rpath), f"template '{template.name}' has no region '{region_name}'",
                                        did_you_mean(region_name, [r.name for r in template.regions])))
                continue
            placements.append(Placement(region_name, placed(ids, rpath), lsrc.where(rpath)))
        flow = placed(page_spec.flow, ppath + ("flow",)) if page_spec.flow is not None else ()
        pages.append(Page(template, tuple(placements), lsrc.where(ppath), flow, then=then))

    d = spec.document
    document = Document(
        title=d.title, kicker=d.kicker, lang=d.lang, material_id=d.material_id, date=d.date,
        version=d.version, page_size=page_size, margins=margins, theme=theme, pages=tuple(pages), source=lsrc.file,
        name=loaded.name, created=d.created, footer=d.footer,
        profiles=tuple(dict.fromkeys(profiles_for(spec, loaded.variant))), email_budget=spec.email_budget_kb * 1024,
        email_budget_where=lsrc.where(("email_budget_kb",) if "email_budget_kb" in spec.model_fields_set
                                     else ("profiles",)),
        kind="deck" if spec.slides else "document", words=checked_words(spec, lsrc, problems),
        handouts=tuple(dict.fromkeys((h.kind, h.size) for h in spec.handouts)) if spec.slides else (),
    )
    if len(papers) > 1 and not spec.slides:  # one output per paper size, named after it
        others = tuple(_on_paper(document, loaded, paper, theme, problems) for paper in papers[1:])
        document = replace(document, paper=papers[0], other_sizes=others)
    # document-wide checks run on whatever was built, so one run reports every problem; the order of
    # headings and the citations' references are judged only when every placed content id exists
    # a block that failed its shape (a stand-in took its place) may be a heading, or the reference list
    judged = {"paragraph", "list", "figure", "callout", "call_to_action", "safety", "notes", "table", "material_id",
              "cards", "spacer", "page_break"}
    if not missing and not loaded.stand_ins:
        _check_headings(document, problems)
    if not missing and all(kind in judged for kind in loaded.stand_ins):
        _check_citations(document, problems)
    _check_note_markers(document, problems)
    if loaded.theme_known:  # a stand-in theme knows no fonts
        _check_fonts(document, lsrc.where(("theme",)), problems, lsrc)
    _check_document_fields(spec, lsrc, problems)
    _check_placed_once(document, problems)
    _check_columns(document, problems)
    if problems:
        raise InputError(problems, partial=document)
    return document


SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _check_document_fields(spec, lsrc, problems: list[Problem]) -> None:
    """Fields that become dates or parts of file paths (the archive's MATERIAL-ID/VERSION folders)."""
    from datetime import datetime

    d = spec.document
    try:
        datetime.strptime(d.created, "%Y-%m-%d")
    except ValueError:
        problems.append(Problem(lsrc.where(("document", "created")), f"'{d.created}' is not a date",
                                "write a real date as YYYY-MM-DD"))
    for key in ("material_id", "version"):
        value = getattr(d, key)
        if not SAFE_SEGMENT.match(value) or ".." in value:
            problems.append(Problem(lsrc.where(("document", key)), f"{key} '{value}' cannot name a folder",
                                    "use letters, digits, '.', '-' and '_' only (it names the archive folder)"))


def _color(value: str, where: Where, problems: list[Problem]) -> tuple[float, float, float]:
    m = _HEX.match(value.strip())
    if not m:
        problems.append(Problem(where, f"colour '{value}' is not #RRGGBB", "write it as \"#1B365D\" (quoted)"))
        return (0.0, 0.0, 0.0)
    h = m.group(1)
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _theme(loaded: Loaded, problems: list[Problem]) -> Theme:
    spec, src = loaded.theme, loaded.theme_source
    if not loaded.theme_known:  # the theme could not be read: every colour and style name passes
        return Theme(AnyName((0.0, 0.0, 0.0)), AnyName(TypeStyle(10, 13)), spec.font, tuple(spec.fallback_fonts))
    colors = {name: _color(v, src.where(("colors", name)), problems) for name, v in spec.colors.items()}
    styles = {}
    for name, s in spec.styles.items():
        if s.color not in colors:
            problems.append(Problem(src.where(("styles", name, "color")), f"no colour '{s.color}' in the theme",
                                    did_you_mean(s.color, colors)))
        styles[name] = TypeStyle(s.size, s.leading or round(s.size * 1.3, 2), s.bold, s.italic, s.color,
                                 s.space_before, s.space_after, s.tracking, s.uppercase, s.font,
                                 tuple(s.features), s.hyphenate, s.align)
    _resolve_fonts(loaded, problems)
    for needed in ("text", "primary", "secondary", "accent", "tint", "white"):
        if needed not in colors:
            problems.append(Problem(src.where(("colors",)), f"the theme has no '{needed}' colour",
                                    f'add {needed}: "#RRGGBB" under colors'))
    for needed in ("body", "caption", "small", "footer", "cta"):
        if needed not in styles:
            problems.append(Problem(src.where(("styles",)), f"the theme has no '{needed}' text style",
                                    f"add {needed}: {{size: 10}} under styles"))
    return Theme(colors, styles, spec.font, tuple(spec.fallback_fonts), _press(spec.press, colors, styles, src, problems,
                                                                                   loaded.root),
                 tuple(sorted(spec.script_fonts.items())))


def _resolve_fonts(loaded: Loaded, problems: list[Problem]) -> None:
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
            problems.append(Problem(where, f"font family '{fam}' is not available"
                                    + (f": {exc.how.split(';')[0]}" if files else ""),
                                    exc.how if not files else "give the path of a .ttf, .otf or .ttc file from "
                                    "the project folder, e.g. fonts/Brand-Regular.otf"))
            continue
        for style, source in sorted(sources.items()):
            try:
                bits = fs_type(source)
            except Exception as exc:  # a damaged file
                problems.append(Problem(where, f"font '{fam}' ({source.path.name}) cannot be read: {exc}",
                                        "replace the file with a working .ttf or .otf"))
                break
            if bits & (NO_EMBEDDING | BITMAP_ONLY):
                style_name = next(k for k, v in STYLE_KEYS.items() if v == style)
                problems.append(Problem(
                    where, f"font '{fam}' ({source.path.name}, {style_name}) does not allow embedding "
                           f"(its OS/2 fsType is {bits:#06x}), and a PDF/UA file must embed its fonts",
                    "use a font whose licence allows embedding (ask the foundry for a web/PDF licence), or "
                    "another family"))
                break


def _small_text_in_one_ink(theme: Theme, src, problems: list[Problem]) -> None:
    """A dark colour with no recipe that the press profile would print from several inks (a rich black)
    must not be the colour of a text style below 12 pt: misregistration blurs it. Said here, at the
    colour, rather than by the print build's preflight."""
    from ..profiles.color import ProfileMissing, cmyk_to_lab
    from ..profiles.press import RICH_BLACK_L, PressPalette, percent

    palette = PressPalette(theme)
    for name, color in theme.colors.items():
        small = sorted(s for s, style in theme.styles.items() if style.color == name and style.size < SMALL_TEXT_PT)
        if not small or name in theme.press.recipes:
            continue
        try:
            ink = palette.ink(color)
            dark = ink.how == "profile" and cmyk_to_lab(ink.cmyk, palette.condition.icc_path)[0] < RICH_BLACK_L
        except ProfileMissing:
            return  # reported where the profile is needed
        if dark and sum(v > 0.004 for v in ink.cmyk) >= 2:
            problems.append(Problem(src.where(("colors", name)),
                                    f"colour '{name}' has no print recipe and would print as a rich black "
                                    f"({percent(ink.cmyk)}), but text below 12 pt is set in it (styles "
                                    f"{', '.join(small)}): misregistration blurs it",
                                    f"add the brand's one-ink recipe under press: recipes: {name}: a spot ink "
                                    "{cmyk: [...], spot: {name: ..., cmyk: [...]}} or black only {cmyk: [0, 0, 0, 100]}"))


def _press(spec, colors: dict, styles: dict, src, problems: list[Problem], root=None) -> Press:
    """The theme's print recipes: each names a theme colour, stays within the ink limit, and is no rich
    black for a text style below 12 pt."""
    from ..profiles.press import CONDITIONS, rich_black

    from pathlib import Path

    profile = ""
    if spec.condition == "custom":
        if not spec.profile:
            problems.append(Problem(src.where(("press", "condition")), "condition: custom names no ICC profile",
                                    "add profile: FILE.icc (the press's CMYK output profile, next to the theme)"))
        else:
            theme_file = Path(src.file) if root is None or Path(src.file).is_absolute() else Path(root) / src.file
            path = (theme_file.parent / spec.profile).resolve()
            if not path.is_file():
                problems.append(Problem(src.where(("press", "profile")), f"the ICC profile '{spec.profile}' is missing",
                                        "put the press's CMYK output profile there (relative to the theme file)"))
            profile = str(path)
    elif spec.condition not in CONDITIONS:
        problems.append(Problem(src.where(("press", "condition")), f"unknown press condition '{spec.condition}'",
                                did_you_mean(spec.condition, [*CONDITIONS, "custom"])))
    for condition in spec.condition_recipes:
        if condition not in CONDITIONS and condition != "custom":
            problems.append(Problem(src.where(("press", "condition_recipes", condition)),
                                    f"recipes for an unknown press condition '{condition}'",
                                    did_you_mean(condition, CONDITIONS)))
    recipes = {}
    chosen = {**spec.recipes, **spec.condition_recipes.get(spec.condition, {})}
    for name, r in chosen.items():
        where = src.where(("press", "condition_recipes", spec.condition, name) if name in
                          spec.condition_recipes.get(spec.condition, {}) else ("press", "recipes", name))
        if name not in colors:
            problems.append(Problem(where, f"recipe for '{name}', which is no colour of the theme",
                                    did_you_mean(name, colors)))
        for inks, path in ((r.cmyk, ("cmyk",)), *(((r.spot.cmyk, ("spot", "cmyk")),) if r.spot else ())):
            if sum(inks) > spec.ink_limit:
                problems.append(Problem(src.where(("press", "recipes", name) + path),
                                        f"recipe {inks} covers {sum(inks):g} %, over the ink limit of "
                                        f"{spec.ink_limit:g} %", "take some cyan, magenta or yellow out"))
        # a spot ink prints as a Separation whose alternate is the spot's own CMYK
        inks = r.spot.cmyk if r.spot else r.cmyk
        recipes[name] = Recipe(tuple(v / 100 for v in inks), r.spot.name if r.spot else None)
        small = sorted(s for s, style in styles.items() if style.color == name and style.size < SMALL_TEXT_PT)
        if small and not r.spot and spec.condition in CONDITIONS and rich_black(recipes[name], spec.condition):
            problems.append(Problem(src.where(("press", "recipes", name, "cmyk")),
                                    f"recipe {list(r.cmyk)} is a rich black, and text below 12 pt is set in it "
                                    f"(styles {', '.join(small)}): misregistration blurs it",
                                    "print dark text in black ink only, e.g. cmyk: [0, 0, 0, 100]"))
    return Press(spec.condition, spec.ink_limit / 100, recipes, profile)


def _check_columns(document: Document, problems: list[Problem]) -> None:
    """`columns` sets reference lists in columns; any other block in such a region would silently take the
    full width, so it is a problem at the region's `columns`."""
    for page in document.pages:
        regions = {r.name: r for r in page.template.regions}
        placed = [(regions.get(pl.region), pl.sections) for pl in page.placements]
        placed += [(r, page.flow) for r in page.template.regions if page.flow]
        for region, sections in placed:
            if region is None or region.columns < 2:
                continue
            others = sorted({type(b).__name__ for s in sections for b in s.blocks if not isinstance(b, References)})
            if others:
                where = replace(region.where, path=f"{region.where.path}.columns" if region.where.path else "columns")
                problem = Problem(where, f"region '{region.name}' has columns: {region.columns}, which sets reference "
                                         f"lists in columns only; its {', '.join(others)} blocks would take the "
                                         "full width",
                                  "remove columns (or keep only the references in this region), or place two "
                                  "regions side by side: a flow runs through them in order")
                if problem not in problems:
                    problems.append(problem)


def _on_paper(document: Document, loaded: Loaded, paper: str, theme: Theme, problems: list[Problem]) -> Document:
    """The document on another paper size: regions on the grid are placed on that page's own grid, fixed
    boxes and decorations are carried over keeping the margins (see `adapted`)."""
    size = PAGE_SIZES[paper]
    found: list[Problem] = []
    templates = {name: _template(loaded, name, size, document.margins, theme, found, document.page_size)
                 for name in loaded.layout.templates}
    problems.extend(p for p in found if p not in problems)
    pages = tuple(replace(page, template=templates.get(page.template.name, page.template),
                          then=templates.get(page.then.name, page.then) if page.then else None)
                  for page in document.pages)
    return replace(document, page_size=size, pages=pages, paper=paper)


def adapted(raw: list[float], design: tuple[float, float], page: tuple[float, float], margins: tuple) -> list[float]:
    """A box [x, y, w, h] drawn for the `design` page, on `page`: what lies in a margin stays there (a
    bleed stays a bleed), what lies between the margins is stretched to the new page's text area, so
    both sizes keep the margins the layout gives and no dead space is left."""
    top, right, bottom, left = margins

    def along(v: float, before: float, after: float, old: float, new: float) -> float:
        if v <= before:
            return v
        if v >= old - after:
            return v + new - old
        return before + (v - before) * (new - before - after) / (old - before - after)

    x, y, w, h = raw
    x0, x1 = along(x, left, right, design[0], page[0]), along(x + w, left, right, design[0], page[0])
    y0, y1 = along(y, top, bottom, design[1], page[1]), along(y + h, top, bottom, design[1], page[1])
    return [round(x0, 3), round(y0, 3), round(x1 - x0, 3), round(y1 - y0, 3)]


def _template(loaded: Loaded, name: str, page: tuple[float, float], margins: tuple, theme: Theme,
              problems: list[Problem], design: tuple[float, float] | None = None) -> Template:
    """A template on a page of size `page`; `design`: the page size its fixed boxes were written for."""
    spec = loaded.layout.templates[name]
    src = loaded.layout_source
    regions = []
    top, right, bottom, left = margins
    if not spec.regions:  # one region: the page inside the margins
        box = _box([left, top, page[0] - left - right, page[1] - top - bottom], page,
                   src.where(("page", "margins")), problems, "the page inside the margins")
        regions.append(Region("body", box, where=src.where(("templates", name))))
    grid = spec.grid or loaded.layout.page.grid
    grid_path = ("templates", name, "grid") if spec.grid else ("page", "grid")
    frame = page[0] - left - right
    column = (frame - grid.gutter * (grid.columns - 1)) / grid.columns
    if column <= 0:
        problems.append(Problem(src.where(grid_path), f"{grid.columns} columns with a {grid.gutter:g} pt gutter do "
                                f"not fit in the {frame:g} pt between the margins", "use fewer columns or a smaller gutter"))
    names = list(spec.regions)
    for rname, r in spec.regions.items():
        path = ("templates", name, "regions", rname)
        cols = span(r.columns)
        placed_on_grid = r.below is not None or r.top is not None or r.height is not None
        if r.box is not None:
            if placed_on_grid or cols:
                problems.append(Problem(src.where(path + ("box",)), f"region '{rname}' has a box and is placed on "
                                        "the grid too (columns: a-b, top, below or height)",
                                        "keep the box, or remove it and place the region with columns, top, "
                                        "below and height"))
            raw = adapted(r.box, design, page, margins) if design else list(r.box)
            box = _box(raw, page, src.where(path + ("box",)), problems, f"region '{rname}'")
            region = Region(rname, box, _padding(r), r.background, r.valign, r.columns if not cols else 1,
                            r.gutter, src.where(path), r.layer)
        else:
            first, last = cols or (1, grid.columns)
            if last > grid.columns:
                problems.append(Problem(src.where(path + ("columns",)), f"columns {first}-{last}: the grid has "
                                        f"{grid.columns} columns", f"use a span within 1-{grid.columns}"))
                first, last = min(first, grid.columns), grid.columns
            x = left + (first - 1) * (column + grid.gutter)
            width = (last - first + 1) * column + (last - first) * grid.gutter
            y = top if r.top is None else r.top
            auto = r.height in (None, "auto")
            height = (page[1] - bottom - y) if auto else float(r.height)  # type: ignore[arg-type]
            below = _below(r)
            for other in below:
                if other not in spec.regions or other == rname:
                    problems.append(Problem(src.where(path + ("below",)), f"'below: {other}' names no other region "
                                            f"of template '{name}'", did_you_mean(other, [n for n in names if n != rname])))
            if below and r.top is not None:
                problems.append(Problem(src.where(path + ("top",)), f"region '{rname}' has both top and below",
                                        "keep one: below places it under the other region"))
            if not below and not auto:
                box = _box([x, y, width, height], page, src.where(path), problems, f"region '{rname}'")
            else:
                box = Rect(x, y, width, max(height, 0.0))
            below = tuple(other for other in below if other in spec.regions and other != rname)
            region = Region(rname, box, _padding(r), r.background, r.valign, 1 if cols or r.columns == 1 else r.columns,
                            r.gutter, src.where(path), r.layer, below, grid.gutter if r.gap is None else r.gap, auto)
        if r.background and r.background not in theme.colors:
            problems.append(Problem(src.where(path + ("background",)), f"no colour '{r.background}' in the theme",
                                    did_you_mean(r.background, theme.colors)))
        regions.append(region)
    _check_stacking(spec.regions, src, name, problems)
    decorations = []
    for i, d in enumerate(spec.decorations):
        path = ("templates", name, "decorations", i)
        if sum(v is not None for v in (d.band, d.rule, d.image)) != 1:
            problems.append(Problem(src.where(path), "a decoration is either a band, a rule or an image",
                                    "write band: [x, y, w, h], rule: [x, y, length, 0] or image: logo.svg"))
            continue
        if d.image is not None:
            if d.box is None:
                problems.append(Problem(src.where(path), "an image decoration needs a box",
                                        "add box: [x, y, width, height] (points from the top-left corner)"))
                continue
            box = _box(d.box, page, src.where(path + ("box",)), problems, "the image decoration's")
            decorations.extend(picture_decoration(loaded, d.image, box, path, problems))
            continue
        if d.color is None:
            problems.append(Problem(src.where(path), "a band or a rule needs a colour",
                                    "add color: with a theme colour, e.g. color: primary"))
            continue
        if d.color not in theme.colors:
            problems.append(Problem(src.where(path + ("color",)), f"no colour '{d.color}' in the theme",
                                    did_you_mean(d.color, theme.colors)))
        raw = list(d.band or d.rule or [0, 0, 0, 0])
        if design:
            if d.band:
                raw = adapted(raw, design, page, margins)
            else:  # a rule: its two ends
                x0, y0 = adapted([raw[0], raw[1], 0, 0], design, page, margins)[:2]
                x1, y1 = adapted([raw[0] + raw[2], raw[1] + raw[3], 0, 0], design, page, margins)[:2]
                raw = [x0, y0, x1 - x0, y1 - y0]
        decorations.append(Decoration("band" if d.band else "rule", Rect(*raw), d.color, d.thickness))
    return Template(name, tuple(regions), tuple(decorations))


def _check_stacking(specs: dict[str, RegionSpec], src, template: str, problems: list[Problem]) -> None:
    """`below` never goes round in a circle."""
    def circle(path: list[str]) -> list[str] | None:
        for other in _below(specs[path[-1]]):
            if other == path[0]:
                return path + [other]
            if other in specs and other not in path:
                found = circle(path + [other])
                if found:
                    return found
        return None

    for name in specs:
        found = circle([name])
        if found:
            problems.append(Problem(src.where(("templates", template, "regions", name, "below")),
                                    "regions placed below each other in a circle: " + " → ".join(found),
                                    "one of them needs a top (or a box) instead of below"))


def _below(r: RegionSpec) -> tuple[str, ...]:
    return (r.below,) if isinstance(r.below, str) else tuple(r.below or ())


def _padding(r: RegionSpec) -> tuple[float, float, float, float]:
    if isinstance(r.padding, list):
        return tuple(r.padding)  # type: ignore[return-value]
    return (r.padding,) * 4  # type: ignore[return-value]


def _box(raw: list[float], page: tuple[float, float], where: Where, problems: list[Problem], what: str) -> Rect:
    x, y, w, h = raw
    if w <= 0 or h <= 0 or x < 0 or y < 0 or x + w > page[0] + 0.01 or y + h > page[1] + 0.01:
        problems.append(Problem(where, f"{what} box {raw} does not lie on the {page[0]:g} × {page[1]:g} pt page",
                                "use [x, y, width, height] in points from the top-left corner, inside the page"))
    return Rect(x, y, w, h)


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block in reading order, nested blocks included (each block type says its children)."""
    for block in blocks:
        yield block
        yield from walk(block.children())


def inline_runs(block: Block) -> Iterator[tuple[Inline, Where]]:
    """Every inline run a block shows directly, links opened up."""
    def flat(runs: tuple[Inline, ...], where: Where) -> Iterator[tuple[Inline, Where]]:
        for run in runs:
            yield run, where
            if isinstance(run, Link):
                yield from flat(run.runs, where)

    for runs, where in block.text_runs():
        yield from flat(runs, where)


def _blocks_in_order(document: Document) -> Iterator[Block]:
    for section in document.sections():
        yield from walk(section.blocks)


def _check_headings(document: Document, problems: list[Problem]) -> None:
    previous = 0
    for block in _blocks_in_order(document):
        for _part, level, _text in block.headings():
            if previous == 0 and level != 1:
                fix = ("a boxed warning read before the title has level: 1" if isinstance(block, BoxedWarning)
                       else "start the document with a level 1 heading")
                problems.append(Problem(block.where, f"the first heading in reading order is H{level}", fix))
            elif level > previous + 1 and previous:
                problems.append(Problem(block.where, f"heading level {level} follows level {previous}",
                                        f"use level {previous + 1} here, or add the missing level above it"))
            previous = level


def _check_citations(document: Document, problems: list[Problem]) -> None:
    numbers = {e.number for b in _blocks_in_order(document) if isinstance(b, References) for e in b.entries}
    for block in _blocks_in_order(document):
        for run, where in inline_runs(block):
            if isinstance(run, Citation):
                for n in run.numbers:
                    if n not in numbers:
                        listed = ", ".join(map(str, sorted(numbers))) or "none — add a references block"
                        problems.append(Problem(where, f"citation {n} has no matching reference",
                                                f"add reference {n} to the reference list (it has {listed})"))


def _check_note_markers(document: Document, problems: list[Problem]) -> None:
    """Every footnote marker has its note in the same content id (a note with no marker only warns)."""
    notes: set[str] = set()
    for section in document.sections():
        for block in walk(section.blocks):
            for note in block.footnotes():
                if note.note_id in notes:  # its /ID would be used twice
                    problems.append(Problem(note.where, f"two notes with the marker '{note.marker}' in content "
                                                        f"'{section.id}'",
                                            "give each note of a content id its own marker"))
                notes.add(note.note_id)
    for block in _blocks_in_order(document):
        for run, where in inline_runs(block):
            if isinstance(run, NoteRef) and run.note_id not in notes:
                problems.append(Problem(where, f"footnote marker '{run.marker}' has no note",
                                        f"add a note with marker: '{run.marker}' to the table's notes: or to a "
                                        "'- type: notes' block in the same content id"))


def _texts(document: Document, lsrc=None) -> Iterator[tuple[str, Where, bool]]:
    """Every text the document draws, with its place and whether it is set by line breaking (where
    Arabic and Hebrew are shaped and reordered) rather than drawn as it is (illustration labels)."""
    def where(*key: str) -> Where:
        return lsrc.where(("document",) + key) if lsrc else Where(document.source, 1, 1, ".".join(key))

    yield document.title, where("title"), True
    yield document.footer, where("footer"), True
    yield document.job_code, where("material_id"), True
    for block in _blocks_in_order(document):
        for run, where in inline_runs(block):
            if not isinstance(run, Link):
                yield run.text, where, True
        if isinstance(block, Figure) and not isinstance(block.source, (Photo, Artwork)):
            texts = getattr(illustrations.kinds()[block.source.name], "texts", None)
            for text in texts(block.source.params) if texts else ():
                yield text, block.where, False
        for text, where in block.labels():
            yield text, where, True


def _check_fonts(document: Document, theme_where: Where, problems: list[Problem], lsrc=None) -> None:
    theme = document.theme
    families = [theme.font, *theme.fallback_fonts, *(f for _, f in theme.script_fonts),
                *(s.font for s in theme.styles.values() if s.font)]
    stack = FontStack(tuple(dict.fromkeys(families)))
    try:
        for text, where, set_by_lines in _texts(document, lsrc):
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


def _check_placed_once(document: Document, problems: list[Problem]) -> None:
    seen: dict[str, Where] = {}
    for page in document.pages:
        for section in page.sections():
            if section.id in seen:
                problems.append(Problem(page.where, f"content '{section.id}' is placed twice",
                                        "place each content id once per document"))
            seen[section.id] = page.where
