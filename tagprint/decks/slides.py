"""Slides: each slide spec becomes a page with a built-in template; its speaker notes ride along."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from ..errors import Problem
from ..load.schema import ListSpec, SlideSpec
from ..load.schema_errors import did_you_mean
from ..model import (
    Decoration, Figure, Heading, Page, Paragraph, Placement, Rect, References, Region, Safety, Section, Template, plain_text,
)

SLIDE = (960.0, 540.0)


def _region(name: str, box: tuple[float, float, float, float], **kw: Any) -> Region:
    return Region(name, Rect(*box), **kw)


# The slide grid: every content slide's title sits on one baseline, its accent rule under it; under it the
# body area, from TOP to FIGURE_BOTTOM: the text starts on its top line on every slide (paging through,
# nothing jumps), and the picture beside it starts on the same top line (its ink, not its box: see
# balance_slides), a tall one filling the area's height; every picture's ink centred across its zone.
TITLE_BOTTOM = 104.0  # the title region's foot (its last line's descenders); the accent rule 8 pt under it
RULE_Y, RULE_H = 112.0, 5.0
TOP = 144.0
BOTTOM = 484.0  # above the footer
FIGURE_BOTTOM = 480.0  # a figure is at most 336 pt tall and ends 24 pt or more above the footer's text
LEFT, WIDTH = 64.0, 832.0
MARGINS = (36.0, LEFT, 40.0, LEFT)  # top, right, bottom, left
CONTINUED_TOP = 56.0  # a slide the body runs on to starts its body near the top
GUTTER = 32.0  # between the text column and the figure
FIGURE_TEXT_W = 420.0  # layout: figure: the text column (half the width: the bullets fill the body's depth
# in two or three lines each); the wide picture, the spectrum, takes the rest (368 pt), FIGURE_GUTTER
# apart: read from the back of a room, the text (which may overhang its column by a glyph's edge) and the
# picture must not seem to touch: 40 pt or more between them)
FIGURE_GUTTER = 44.0
# The visual zone: every slide's picture (the title slide's photo too) is fitted into one box at the
# slide's right, x 560 to the right margin (896), as tall as the body area, and centred across it, from
# the body's top line down; paging through, the art keeps its top line and its axis whatever its width.
# (layout: figure gives a wide picture, the spectrum, the slide's right half out to the same right margin.)
ZONE_X = 560.0
ZONE_W = LEFT + WIDTH - ZONE_X
TITLE_ZONE_X = ZONE_X  # the title slide's photo (its own name: the zone could differ there)
CONTENT_TEXT_W = ZONE_X - GUTTER - LEFT  # a content slide's text column: up to the zone, a gutter apart
# The title slide: its accent rule, then (16 pt below the rule) the title's capitals; the photo's top on
# the rule's top, then the block (rule to subtitle) moved down to centre on the photo (balance_slides); the subtitle on a measure of its own (about 34 characters of 20 pt a line: two balanced
# lines rather than a long one and a lone word)
TITLE_RULE_Y, TITLE_RULE_H, RULE_GAP = 140.0, 6.0, 16.0
TITLE_X, SUBTITLE_W = LEFT, 340.0  # on the left margin, as every slide's text and the footer
TITLE_W = TITLE_ZONE_X - GUTTER - TITLE_X  # the title up to the visual zone, a gutter apart
TITLE_GAP = 12.0  # between the title and the subtitle
# The height of capitals, as a share of the type size (Atkinson Hyperlegible's is 0.68; most sans faces'
# lie between 0.66 and 0.72): where the first line's capitals begin, the grid's top line is drawn.
CAP_HEIGHT = 0.68
LINE_ASCENT = 0.78  # the layout's first baseline: LINE_ASCENT × size + half the leading's extra


def cap_top(size: float, leading: float) -> float:
    """How far under a text region's top the capitals of its first line begin (the line's baseline, as the
    layout sets it, less the capitals' height)."""
    return LINE_ASCENT * size + (leading - size) / 2 - CAP_HEIGHT * size


def slide_template(layout: str, has_figure: bool, has_body: bool, panel: str | None = None,
                   continued: bool = False, columns: int = 2, title_caps: float = 0.0) -> Template:
    """The built-in slide templates; colours are theme names. `panel`: a colour the body is set on (a
    safety slide: the boxed information reads as one panel, its top on the body's top line under the
    title, reaching at least to the body area's foot: see balance_slides). `continued`: a slide the body
    runs on to (it has no figure). `title_caps`: how far under its region's top the capitals of the title
    slide's title begin (its rule 16 pt above them)."""
    if layout == "title":
        title_y = TITLE_RULE_Y + TITLE_RULE_H + RULE_GAP - title_caps
        return Template("slide-title", (
            _region("title", (TITLE_X, title_y, TITLE_W if has_figure else 816, 0), auto_height=True),
            _region("subtitle", (TITLE_X, title_y, SUBTITLE_W, 0), auto_height=True, below=("title",),
                    gap=TITLE_GAP),
            _region("figure", (TITLE_ZONE_X, TITLE_RULE_Y, LEFT + WIDTH - TITLE_ZONE_X, FIGURE_BOTTOM - TITLE_RULE_Y), valign="top"),
        ), (Decoration("band", Rect(0, 0, 960, 540), "primary"),
            Decoration("band", Rect(TITLE_X, TITLE_RULE_Y, 96, TITLE_RULE_H), "accent")))
    wide = not has_figure
    body_w = WIDTH if wide else (FIGURE_TEXT_W if layout == "figure" else CONTENT_TEXT_W)
    gutter = FIGURE_GUTTER if layout == "figure" else GUTTER
    figure_x = LEFT + body_w + gutter if has_body or layout != "figure" else LEFT
    figure_w = LEFT + WIDTH - figure_x
    body = _body_kwargs(layout, panel, columns)
    regions = [
        _region("title", (LEFT, 20, WIDTH, TITLE_BOTTOM - 20), valign="bottom"),
        _region("body", (LEFT, TOP, body_w, BOTTOM - TOP), **body),
    ]
    if has_figure:  # the picture on the body's top line, the zone's full height (its ink moved up to the
        # top line and centred across the zone: see balance_slides)
        regions.append(_region("figure", (figure_x, TOP, figure_w, FIGURE_BOTTOM - TOP), valign="top"))
    name = f"slide-{layout}" + ("-panel" if panel else "") + ("-continued" if continued else "")
    if continued:  # no title of its own (the body's own "(continued)" line says what it is): no rule for one
        return Template(name, (_region("body", (LEFT, CONTINUED_TOP, WIDTH, BOTTOM - CONTINUED_TOP), **body),),
                        (Decoration("band", Rect(0, 0, 960, 8), "primary"),))
    return Template(name, tuple(regions), (
        Decoration("band", Rect(0, 0, 960, 8), "primary"),
        Decoration("band", Rect(LEFT, RULE_Y, 80, RULE_H), "accent"),
    ))


def _body_kwargs(layout: str, panel: str | None, columns: int = 2) -> dict:
    kw: dict = dict(columns=columns if layout == "references" else 1, gutter=GUTTER)
    if panel:  # the panel starts on the body's top line (anchored under the title), sized to its text here
        # (at least to the body area's foot: balance_slides)
        kw.update(background=panel, padding=(20.0, 28.0, 20.0, 28.0), auto_height=True)
    return kw


def _under_title(block: Any, title: str, level: int) -> Any:
    """A content block as it stands under the slide's title: a reference list's or safety information's own
    title that says what the slide title says is dropped (one heading, not two), and safety information's
    title is otherwise a heading one level below the slide's."""
    if not isinstance(block, (References, Safety)):
        return block
    if block.title.strip().lower() == title.strip().lower():
        block = replace(block, title="")
    return replace(block, level=level + 1) if isinstance(block, Safety) else block


def _body(spec: SlideSpec, path: tuple, blocks: Any, sections: dict[str, Section], used: set[str],
          where: Callable[[tuple], Any], problems: list[Problem], title: str, level: int) -> list:
    """The slide's body: its bullets, then the content it names (each content id once per deck)."""
    body: list = []
    if spec.bullets:
        body.append(blocks.block(ListSpec(type="list", items=spec.bullets, style="slide_body"), path + ("bullets",)))
    for i, cid in enumerate(spec.content):
        if cid not in sections:
            problems.append(Problem(where(path + ("content", i)), f"no content with id '{cid}'",
                                    did_you_mean(cid, sections)))
        elif cid in used:
            problems.append(Problem(where(path + ("content", i)), f"content '{cid}' is already on another slide",
                                    "place each content id once per deck"))
        else:
            used.add(cid)
            body.extend(_under_title(b, title, level) for b in sections[cid].blocks)
    return body


def _notes(spec: SlideSpec, n: int, path: tuple, blocks: Any, where: Callable[[tuple], Any]) -> Section | None:
    """The speaker notes, a paragraph per blank-line-separated part (None when there are none)."""
    if not spec.notes.strip():
        return None
    paragraphs = [p for p in spec.notes.split("\n\n") if p.strip()]
    at = where(path + ("notes",))
    return Section(f"slide-{n}-notes", tuple(
        Paragraph(blocks.inline(p, path + ("notes",)), at, "slide_notes", at) for p in paragraphs), at)


def _cap_top(styles: dict, name: str) -> float:
    """cap_top() of the theme's style `name` (0 when the theme has no such style)."""
    style = styles.get(name)
    if style is None:
        return 0.0
    size = float(style.size)
    return cap_top(size, float(style.leading or 1.3 * size))


def _titles(spec: SlideSpec, n: int, path: tuple, blocks: Any, where: Callable[[tuple], Any]) -> tuple:
    """The slide's heading, the blocks of its title region and the subtitle set on a measure of its own
    (the title slide's; None elsewhere, where the subtitle follows the heading)."""
    style = "slide_title" if spec.layout == "title" else "slide_heading"
    heading = Heading(1 if n == 1 else 2, blocks.inline(spec.title, path + ("title",)), where(path), style,
                      where(path + ("title",)))
    if not spec.subtitle:
        return heading, [heading], None
    subtitle = Paragraph(blocks.inline(spec.subtitle, path + ("subtitle",)), where(path), "slide_subtitle",
                         where(path + ("subtitle",)))
    return (heading, [heading], subtitle) if spec.layout == "title" else (heading, [heading, subtitle], None)


def _placements(n: int, path: tuple, where: Callable[[tuple], Any], **regions: Any) -> tuple[Placement, ...]:
    """A placement per region given a block list (None: none), in reading order."""
    return tuple(Placement(name, (Section(f"slide-{n}-{name}", tuple(found), where(path)),), where(path))
                 for name, found in regions.items() if found is not None)


def build_slides(specs: list[SlideSpec], blocks: Any, sections: dict[str, Section],
                 where: Callable[[tuple], Any], problems: list[Problem]) -> list[Page]:
    """`blocks` is the validate stage's BlockBuilder for the layout file (inline text, figures)."""
    pages = []
    theme = getattr(getattr(blocks, "loaded", None), "theme", None)
    colors = set(getattr(theme, "colors", None) or ())
    used: set[str] = set()
    styles = getattr(theme, "styles", None) or {}
    title_caps = _cap_top(styles, "slide_title")
    for n, spec in enumerate(specs, start=1):
        path = ("slides", n - 1)
        heading, title_blocks, subtitle = _titles(spec, n, path, blocks, where)
        body = _body(spec, path, blocks, sections, used, where, problems, plain_text(heading.runs), heading.level)
        figure = blocks.block(spec.figure, path + ("figure",)) if spec.figure else None
        if isinstance(figure, Figure):  # set right in its region (balance_slides then centres its ink in the zone)
            figure = replace(figure, align="right")
        if spec.layout == "title" and body:
            problems.append(Problem(where(path), "a title slide has no bullets or content",
                                    "use layout: content, or move the text into subtitle"))
            body = []
        panel = None
        if body and all(isinstance(b, Safety) for b in body):
            panel = "tint_warm" if "tint_warm" in colors else "tint"
        # a short reference list reads down one column (two columns of three lines leave the slide bare)
        entries = sum(len(b.entries) for b in body if isinstance(b, References))
        columns = 2 if entries > 8 else 1
        template = slide_template(spec.layout, figure is not None, bool(body), panel, columns=columns,
                                  title_caps=title_caps)
        placements = _placements(n, path, where, title=title_blocks, subtitle=subtitle and [subtitle],
                                 figure=figure and [figure])
        # the body flows: what does not fit on the slide continues on the next one (same grid and sizes,
        # its title repeated), never set smaller to fit
        flow = (Section(f"slide-{n}-body", tuple(body), where(path)),) if body else ()
        then = None
        if body:
            then = slide_template(spec.layout, False, True, panel, continued=True, columns=columns)
        notes = _notes(spec, n, path, blocks, where)
        pages.append(Page(template, placements, where(path), flow=flow, notes=notes,
                          title=f"Slide {n}: {spec.title}", then=then, read_last=("figure",)))
    return pages


def balance_slides(document: Any, pages: list) -> None:
    """Every content slide's picture (not the title slide's) has its ink (what it draws, not its box: an
    illustration keeps a little room round its drawing) on the grid's top line, level with the text's,
    and centred across its zone (see _align_picture). Every content slide that
    holds its whole body (not a title slide, not one its body runs on from): the text stays on the top
    line, a list's items spread over the body's spare depth (see _spread_items); a safety panel is drawn
    at least down to the body area's foot, its text on the top line under the title."""
    from collections import Counter
    slides = Counter(page.origin for page in pages)
    seen: set[int] = set()
    theme = getattr(document, "theme", None)
    for page in pages:
        first = page.origin not in seen
        seen.add(page.origin)
        source = document.pages[page.origin] if page.origin < len(document.pages) else None
        if source is None or not first:
            continue
        if source.template.name == "slide-title":
            _centre_title(page)
            continue
        _align_picture(page, theme, _zone(source.template))
        if slides[page.origin] > 1:
            continue
        if source.template.name.endswith("-panel"):
            _fill_panel(page)
            continue
        _spread_items(page)


ITEM_GAP = 18.0  # the most extra space between two bullets (or references) that a slide's spare depth gives
DESCENT = 0.32  # below its baseline a line's descenders (its font's box) reach this share of its size


def _spread_items(page: Any) -> None:
    """The items of the slide's list (bullets, a reference list) spaced apart by up to ITEM_GAP more, as far
    as the body area's depth allows (the last line's descenders stay above FIGURE_BOTTOM): a short list is
    not left bunched at the top of a slide (the first line stays on the top line; the text is not set
    larger or smaller)."""
    from ..layout.items import TextLine, moved
    body = [i for i, item in enumerate(page.items) if isinstance(item, TextLine) and item.fragments
            and TOP - 0.5 <= _top(item) and item.baseline <= BOTTOM]
    labels = sorted(page.items[i].baseline for i in body if _is_label(page.items[i]))
    if len(labels) < 2:
        return
    last = max(body, key=lambda i: page.items[i].baseline)
    size = max(f.size for f in page.items[last].fragments)
    room = FIGURE_BOTTOM - (page.items[last].baseline + DESCENT * size)
    gap = min(ITEM_GAP, room / (len(labels) - 1))
    if gap <= 0:
        return
    for i in body:  # each line down by the gaps above its item (the items above it, its own label included)
        item = sum(1 for y in labels[1:] if y <= page.items[i].baseline + 0.5)
        if item:
            page.items[i] = moved(page.items[i], 0.0, gap * item)


def _is_label(line: Any) -> bool:
    """A list item's bullet or a reference's number (the line holds only label fragments)."""
    return all(f.tag is not None and f.tag[1] == "label" for f in line.fragments)


def _fill_panel(page: Any) -> None:
    """The safety panel (the filled box on the body's top line) reaches at least FIGURE_BOTTOM."""
    from ..layout.items import FillBox
    for i, item in enumerate(page.items):
        if isinstance(item, FillBox) and abs(item.box.y - TOP) < 0.5 and abs(item.box.x - LEFT) < 0.5:
            box = item.box
            page.items[i] = replace(item, box=Rect(box.x, box.y, box.width, max(box.height, FIGURE_BOTTOM - TOP)))


def _centre_title(page: Any) -> None:
    """The title slide's block (its accent rule, the title and the subtitle: the text left of the photo)
    moved down so that its middle is the photo's (the lower left is not left empty under a block hung
    from the photo's top); a block as tall as the photo or taller stays where it is."""
    from ..layout.items import FillBox, PictureBox, TextLine, moved
    photos = [item.box for item in page.items if isinstance(item, PictureBox)]
    if not photos:
        return
    photo = photos[0]
    block = [i for i, item in enumerate(page.items)
             if (isinstance(item, TextLine) and item.fragments and item.x < photo.x)
             or (isinstance(item, FillBox) and abs(item.box.y - TITLE_RULE_Y) < 0.5
                 and abs(item.box.x - TITLE_X) < 0.5 and item.box.width < 200)]
    lines = [page.items[i] for i in block if isinstance(page.items[i], TextLine)]
    if not lines:
        return
    last = max(lines, key=lambda line: line.baseline)
    bottom = last.baseline + DESCENT * max(f.size for f in last.fragments)
    dy = (photo.y + photo.height / 2) - (TITLE_RULE_Y + bottom) / 2
    if dy <= 0:
        return
    for i in block:
        page.items[i] = moved(page.items[i], 0.0, dy)


def _zone(template: Any) -> tuple[float, float]:
    """The left and right edges of the template's figure region (the visual zone, or a half-and-half
    slide's right half)."""
    for region in template.regions:
        if region.name == "figure":
            return region.box.x, region.box.x + region.box.width
    return ZONE_X, LEFT + WIDTH


def _align_picture(page: Any, theme: Any, zone: tuple[float, float]) -> None:
    """The picture beside the text (at the zone's top) moved so that its ink's top is the grid's top line
    and its ink is centred across the zone (a photo's ink is its box): paging through, the pictures keep
    one top line and one axis, whatever their widths."""
    from .. import illustrations
    from ..layout.items import PictureBox, moved
    from ..model import Illustration
    from .ink import ink_box
    for i, item in enumerate(page.items):
        if not isinstance(item, PictureBox) or item.box.y < TOP - 0.5:
            continue
        source = getattr(item.figure, "source", None)
        ink = item.box
        if isinstance(source, Illustration) and theme is not None:
            ink = ink_box(illustrations.kinds()[source.name], source.params, item.box, theme)
        page.items[i] = moved(item, (zone[0] + zone[1]) / 2 - (ink.x + ink.width / 2), TOP - ink.y)


def _top(item: Any) -> float:
    """Where an item starts, pt from the slide's top (a line: its baseline, clear of the title's)."""
    from ..layout.items import RuleLine, TextLine
    if isinstance(item, TextLine):
        return item.baseline
    if isinstance(item, RuleLine):
        return min(item.y0, item.y1)
    box = getattr(item, "box", None)
    return box.y if box is not None else getattr(item, "y", 0.0)
