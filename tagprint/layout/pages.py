"""Layout stage: places each page's sections into its template's regions and checks they fit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import InputError, Problem, Where
from ..fonts import FontStack
from ..model import Document, MaterialId, Page
from ..model.document import FOOTER_SEPARATOR
from .blocks import LayoutContext
from .contrast import check_contrast
from .flow import flow_pages
from .placing import decorate, place_fixed
from .regions import check_overlaps, resolved
from ..contrast import ratio
from .items import FillBox, PageLayout, TextLine
from .text import TextStyle, break_lines, plain_pieces

FOOTER_BASELINE_FROM_BOTTOM = 24.0


def layout_document(document: Document, root: Path) -> list[PageLayout]:
    fonts = FontStack((document.theme.font, *document.theme.fallback_fonts))
    ctx = LayoutContext(document, root, fonts)
    pages: list[PageLayout] = []
    for origin, page in enumerate(document.pages):
        number = len(pages) + 1
        made = flow_pages(document, page, number, ctx) if page.flow else [_page(document, page, number, ctx)]
        for out in made:
            out.origin = origin
        pages.extend(made)
    add_footers(document, pages, ctx)
    check_overlaps(pages, ctx)
    if not ctx.problems:  # text that does not fit lies where nothing was meant to be behind it: judged once it fits
        ctx.problems.extend(check_contrast(document, pages))
    if ctx.problems:
        raise InputError(ctx.problems)
    return pages


def _page(document: Document, page: Page, number: int, ctx: LayoutContext) -> PageLayout:
    out = PageLayout(number, document.page_size)
    decorate(out, page, ctx)
    place_fixed(out, page, number, ctx, resolved(page.template, page, ctx))
    return out


def add_footers(document: Document, pages: list[PageLayout], ctx: LayoutContext, numbered: bool = True) -> None:
    """The material id and page number on every page, as pagination artifacts (not `numbered`: no page
    number, where the page says its number otherwise: a 1-up handout's "Slide N of M")."""
    for page in pages:
        page.footer = _footer(document, page, len(pages), ctx, numbered)


def _behind_footer(page: PageLayout, baseline: float, height: float):
    """The colour the footer is set on: the last filled box drawn under its line, else the paper."""
    colour = None
    for item in page.items:
        if isinstance(item, FillBox) and item.box.y <= baseline - height and baseline <= item.box.y + item.box.height \
                and item.box.x <= 40.0 and item.box.x + item.box.width >= page.size[0] - 40.0:  # a full-width band
            colour = item.color
    return colour


def _readable_on(ts: TextStyle, background, ctx: LayoutContext) -> TextStyle:
    """The footer's own colour where it is readable (4.5:1) on what lies behind it; on a dark band (a title
    slide) the theme colour that reads best there instead."""
    if background is None or ratio(ts.color, background) >= 4.5:
        return ts
    best = max(ctx.document.theme.colors.values(), key=lambda c: ratio(c, background))
    return replace(ts, color=best)


def _footer(document: Document, page: PageLayout, total: int, ctx: LayoutContext,
            numbered: bool = True) -> list[TextLine]:
    width, height = page.size
    slide = document.kind == "deck" and page.size == document.page_size  # a slide, not a handout's page
    ts = ctx.text_style_or("slide_footer", "footer") if slide else ctx.text_style("footer")
    baseline = height - FOOTER_BASELINE_FROM_BOTTOM
    ts = _readable_on(ts, _behind_footer(page, baseline, ts.style.size), ctx)
    # where the material id is set as content, that line moves into the footer's place (the material id
    # stands in the same place on every page) and the footer does not print it a second time
    content_id = _take_material_id(page)
    left = _footer_text(document, content_id is not None)
    right = document.words.get("slide_of" if slide else "page_of", n=page.number, m=total) if numbered else ""
    left_edge, right_edge = _footer_edges(document, slide, page.size)
    shift = 0.0
    if content_id is not None:  # real content (tagged), set where the footer starts
        page.items.append(replace(content_id, x=left_edge, baseline=baseline))
        shift = sum(f.width for f in content_id.fragments) + _space_width(ts)  # the separator's own space
    lines = []
    for text, align in ((left, "left"), (right, "right")):
        found, _ = break_lines(plain_pieces(text, None, ts), 1e9, ts)
        if not found:
            continue
        line = found[0]
        text_w = sum(f.width for f in line.fragments)
        if align == "left":
            _check_room(document, ctx, text, text_w, width - left_edge - right_edge - 70 - shift)
        x = left_edge + shift if align == "left" else width - right_edge - text_w
        lines.append(TextLine(x, baseline, line.height, line.fragments))
    return lines


def _footer_text(document: Document, content_id: bool) -> str:
    """The footer's left text, "ID · date · text": one separator, the same on every page (with the id set as
    content or not)."""
    left = FOOTER_SEPARATOR.join(t for t in ("" if content_id else document.job_code, document.footer) if t)
    if content_id and left:
        left = FOOTER_SEPARATOR.lstrip() + left  # "· text", set one space after the content's date
    return left


def _footer_edges(document: Document, slide: bool, paper: tuple[float, float]) -> tuple[float, float]:
    """The footer's left and right edges: it lines up with the page's text."""
    _, right_edge, _, left_edge = document.margins
    if document.kind == "deck" and not slide:  # a handout's page: its own margins, by paper
        from ..decks.handouts import margin
        return margin(paper), margin(paper)
    return left_edge, right_edge


def _check_room(document: Document, ctx: LayoutContext, text: str, text_w: float, room: float) -> None:
    if text_w <= room:
        return
    key = "footer" if document.footer else "material_id"
    problem = Problem(Where(document.source, 1, 1, f"document.{key}"),
                      f"the footer '{text[:60]}…' is {text_w:.0f} pt wide; the page has room for "
                      f"{room:.0f} pt beside the page number", "shorten document.footer")
    if problem not in ctx.problems:
        ctx.problems.append(problem)


def _space_width(ts: TextStyle) -> float:
    """The width of one word space in the footer's style (what the separator's spaces are set at)."""
    def width(text: str) -> float:
        found, _ = break_lines(plain_pieces(text, None, ts), 1e9, ts)
        return sum(f.width for f in found[0].fragments)
    return width("x x") - width("xx")


def _take_material_id(page: PageLayout) -> TextLine | None:
    """The line of content setting the material id, taken out of the page's items (placed again by the
    footer), or None."""
    for i, item in enumerate(page.items):
        if isinstance(item, TextLine) and any(isinstance(f.tag, tuple) and isinstance(f.tag[0], MaterialId)
                                              for f in item.fragments):
            del page.items[i]
            return item
    return None
