"""Handouts: the slides, scaled down but still real tagged content, with notes or ruled lines.

- 1up: one slide per page; under it, on one line, a "Notes" label and the slide's number, its speaker notes
  (at most about 75 characters a line) and ruled lines for the reader's own notes;
- 2up: two slides per page, each with the same label line, its notes and ruled lines below;
- 3up: three slides per page, each large enough that no text on it is set under 6 pt, its number and
  ruled lines beside it (no speaker notes).
Every page of a handout uses one fixed grid of slots, and every slot has the same ruled lines at the same
place, however long its slide's notes: the notes area is as tall as the longest notes of the deck. The
lines are hairlines in a light grey (they guide a pen; they are not content), spaced evenly from under the
notes down to the slot's end. The slides are spread over the pages evenly (seven slides 3-up are 3, 2, 2,
never 3, 3, 1: no last page holds one slide at its top). Reading order: slide 1, its notes, slide 2, …
(the tag tree is built with the notes when they are shown).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import NamedTuple

from ..errors import Problem
from ..model import Document, Rect
from ..layout.blocks import LayoutContext, stack, text_block
from ..layout.items import FillBox, Laid, PageLayout, RuleLine, SlideFrame, TextLine, as_artifact
from ..layout.text import TextStyle, plain_pieces

PAPER = {"letter": (612.0, 792.0), "a4": (595.0, 842.0)}
MARGIN = 42.0
FOOT = 56.0  # the page's footer below the last line
PER_PAGE = {"1up": 1, "2up": 2, "3up": 3}
LINE_GAP = 22.0  # ruled lines for notes: a comfortable handwriting line (the slot's lines are spread to
# fill it evenly, each between LINE_GAP_LEAST and about LINE_GAP apart)
LINE_GAP_LEAST = 18.0
RULE_WIDTH = 0.4  # pt: a hairline
RULE_TINT = 0.35  # the lines' grey: the theme's muted colour at 35 % on white (light, still visible printed)
THREE_UP_WIDTH = 390.0  # a 3-up slide this wide sets a slide's 15.4 pt labels at 6.3 pt
LEAST = 6.0  # pt: no text on a thumbnail is smaller (smaller text, superscripts, is enlarged to this)
SLOT_GAP = 18.0  # pt between one slot of a page's grid and the next
TWO_UP_WIDTH = 360.0  # pt: a 2-up slide, centred, leaving room under it for notes and three ruled lines
NOTES_MEASURE = 360.0  # pt: speaker notes set no wider (at most about 75 characters of 11 pt text a line)

# The only place the handouts' words are written: the generated-words catalogue (in the document's
# language) takes them over at merge.
NOTES_LABEL = "Notes"
OWN_NOTES_LABEL = "Your notes"
SLIDE_NUMBER = "Slide {number} of {total}"


def shows_notes(kind: str) -> bool:
    return kind in ("1up", "2up")


def spread(count: int, per_page: int) -> list[int]:
    """How many slides go on each page: as few pages as hold them all, the slides shared out evenly, the
    fuller pages first (seven slides 3-up are 3, 2, 2 and 2-up 2, 2, 2, 1), so that one grid serves every
    page and no last page is a lone slide at the top of an empty sheet when it need not be."""
    pages = max(1, math.ceil(count / per_page))
    base, extra = divmod(count, pages)
    return [base + 1] * extra + [base] * (pages - extra)


class Slot(NamedTuple):
    """One slide's place on a handout page: its frame, the area for its number, notes and ruled lines
    (beside the frame for 3-up, below it otherwise) and, on a page with fewer slides than the grid has
    slots, the room left under a 3-up frame, ruled across the page (None elsewhere)."""

    frame: Rect
    side: Rect
    under: Rect | None = None


def _slots(kind: str, paper: tuple[float, float], slide: tuple[float, float], count: int | None = None) -> list[Slot]:
    """The slots of a page holding `count` slides (None: a full page). A full page uses the handout's fixed
    grid; a page with fewer slides shares the page's height among them the same way (each frame at the top
    of its slot, the same size as on a full page), and its ruled lines run on down the taller slot: the page
    is filled, never a lone slide at the top of an empty sheet."""
    w, h = paper
    usable_w, top = w - 2 * MARGIN, MARGIN + 6
    avail = h - top - FOOT
    aspect = slide[1] / slide[0]
    if kind == "1up":
        frame = Rect(MARGIN, top, usable_w, usable_w * aspect)
        below = frame.y + frame.height + 10
        return [Slot(frame, Rect(MARGIN, below, usable_w, top + avail - below))]
    k = PER_PAGE[kind]
    n = k if count is None else count
    full_h = (avail - (k - 1) * SLOT_GAP) / k  # a slot of a full page: it sets the frame's size
    slot_h = (avail - (n - 1) * SLOT_GAP) / n
    out = []
    if kind == "2up":
        fw = TWO_UP_WIDTH
        for i in range(n):
            y = top + i * (slot_h + SLOT_GAP)
            frame = Rect(MARGIN + (usable_w - fw) / 2, y, fw, fw * aspect)
            below = frame.y + frame.height + 8
            out.append(Slot(frame, Rect(frame.x, below, fw, y + slot_h - below)))
        return out
    fw = min(THREE_UP_WIDTH, usable_w - 110, full_h / aspect)
    fh = fw * aspect
    for i in range(n):
        y = top + i * ((fh if n == k else slot_h) + SLOT_GAP)
        frame = Rect(MARGIN, y, fw, fh)
        rest = (slot_h if n < k else fh) - fh
        under = Rect(MARGIN, y + fh, usable_w, rest) if rest >= LINE_GAP else None
        out.append(Slot(frame, Rect(MARGIN + fw + 18, y, usable_w - fw - 18, fh), under))
    return out


def _styles(ctx: LayoutContext) -> tuple[TextStyle, TextStyle]:
    """The slide number's style (small, muted) and the "Notes" label's (bold)."""
    notes = ctx.text_style("slide_notes")
    number = TextStyle(notes.style, ctx.color("muted"), notes.link_color, notes.fonts)
    label = TextStyle(type(notes.style)(**{**notes.style.__dict__, "bold": True}), ctx.color("primary"),
                      notes.link_color, notes.fonts)
    return number, label


def _artifact_text(text: str, ts: TextStyle, width: float, ctx: LayoutContext, document: Document) -> Laid:
    from ..errors import Where
    return as_artifact(text_block(plain_pieces(text, None, ts), width, ts, ctx,
                                  Where(document.source)), "Pagination")


def rule_color(ctx: LayoutContext) -> tuple[float, float, float]:
    """The ruled lines' light grey: the theme's muted colour mixed with white."""
    r, g, b = (1 - RULE_TINT * (1 - c) for c in ctx.color("muted"))
    return r, g, b


def rule_heights(top: float, bottom: float) -> list[float]:
    """The ruled lines between `top` and `bottom`, spread evenly: the last one at `bottom`, as many as fit
    about LINE_GAP apart (never closer than LINE_GAP_LEAST)."""
    room = bottom - top
    count = max(round(room / LINE_GAP), 1) if room >= LINE_GAP_LEAST else 0
    while count > 1 and room / count < LINE_GAP_LEAST:
        count -= 1
    return [top + room * (k + 1) / count for k in range(count)]


def _rules(page: PageLayout, x0: float, x1: float, top: float, bottom: float, color,
           since: float | None = None) -> None:
    """The lines spread between `top` and `bottom`; where the slot's own text ends higher (at `since`: a
    slide without speaker notes), more lines above them at the same pitch, so that every slot's lines lie
    at the same heights and none leaves a blank band under a short label."""
    heights = rule_heights(top, bottom)
    if since is not None and len(heights) > 1:
        pitch = heights[1] - heights[0]
        while heights[0] - pitch >= since + pitch - 0.01:
            heights.insert(0, heights[0] - pitch)
    for y in heights:
        page.items.append(RuleLine(x0, y, x1, y, color, RULE_WIDTH))


def legible(slide: PageLayout, scale: float) -> PageLayout:
    """The slide as a thumbnail drawn at `scale` sets it: text that would print under LEAST pt (the
    superscript citations) is set at LEAST pt instead, from the same place. (The slide's own footer is
    not drawn on a thumbnail at all: the handout's page and slot number say the same, legibly.)"""
    least = LEAST / scale
    items = []
    for item in slide.items:
        if isinstance(item, TextLine) and any(f.size < least for f in item.fragments):
            item = replace(item, fragments=tuple(
                replace(f, size=least, width=f.width * least / f.size) if f.size < least else f
                for f in item.fragments))
        items.append(item)
    return replace(slide, items=items)


def _notes_of(document: Document, slides: list[PageLayout], index: int):
    """The speaker notes shown under slide `index` (0-based): none for a slide the body ran on to."""
    slide = slides[index]
    notes = document.pages[slide.origin].notes if slide.origin < len(document.pages) else None
    first = index == 0 or slides[index - 1].origin != slide.origin
    return notes if first else None


def _width(laid: Laid) -> float:
    return max((f.x + f.width + getattr(item, "x", 0.0) for item in laid.items if isinstance(item, TextLine)
                for f in item.fragments), default=0.0)


def _notes_area(document: Document, slides: list[PageLayout], kind: str, measure: float,
                ctx: LayoutContext) -> tuple[dict[int, Laid], float]:
    """The laid-out speaker notes by slide index, and the height every slot keeps for them (the longest)."""
    if not shows_notes(kind):
        return {}, 0.0
    laid = {i: stack(n.blocks, measure, ctx) for i in range(len(slides))
            if (n := _notes_of(document, slides, i)) is not None}
    return laid, max((one.height for one in laid.values()), default=0.0)


def handout_pages(document: Document, slides: list[PageLayout], kind: str, paper_name: str,
                  ctx: LayoutContext) -> list[PageLayout]:
    paper = PAPER[paper_name]
    pages: list[PageLayout] = []
    white, edge, rule = ctx.color("white"), ctx.color("tint"), rule_color(ctx)
    number_ts, label_ts = _styles(ctx)
    total = len(slides)
    side_w = _slots(kind, paper, document.page_size)[0].side.width
    measure = min(side_w, NOTES_MEASURE)

    def text(words: str, ts: TextStyle) -> Laid:
        return _artifact_text(words, ts, side_w, ctx, document)

    number_h = text(SLIDE_NUMBER.format(number=total, total=total), number_ts).height
    label_h = max(text(NOTES_LABEL, label_ts).height, number_h)  # 1-up, 2-up: the label and number share a line
    laid_notes, notes_h = _notes_area(document, slides, kind, measure, ctx)
    index = 0
    for count in spread(total, PER_PAGE[kind]):
        page = PageLayout(len(pages) + 1, paper)
        pages.append(page)
        for frame, side, under in _slots(kind, paper, document.page_size, count):
            slide = slides[index]
            notes = _notes_of(document, slides, index)
            index += 1
            page.items.append(FillBox(Rect(frame.x - 1.5, frame.y - 1.5, frame.width + 3, frame.height + 3), edge, 3))
            page.items.append(FillBox(frame, white))  # the slide's paper
            page.items.append(SlideFrame(frame, legible(slide, frame.width / document.page_size[0])))
            number = text(SLIDE_NUMBER.format(number=index, total=total), number_ts)
            placed = Laid(0, [])
            if kind == "3up":
                placed.add(number, side.x, side.y)
                page.items.extend(placed.items)
                _rules(page, side.x, side.x + side.width, side.y + number_h, side.y + side.height, rule)
                if under is not None:  # a page with fewer slides: the lines run on under the slide
                    _rules(page, under.x, under.x + under.width, under.y, under.y + under.height, rule)
                continue
            placed.add(number, side.x + side.width - _width(number), side.y)  # the number at the right
            placed.add(text(NOTES_LABEL if notes is not None else OWN_NOTES_LABEL, label_ts), side.x, side.y)
            y = own = side.y + label_h + 4
            if notes is not None:
                laid = laid_notes[index - 1]
                if y + laid.height > side.y + side.height + 0.5:
                    ctx.problems.append(Problem(
                        notes.where, f"the speaker notes of slide {index} need {laid.height:.0f} pt but the "
                                     f"{kind} handout has {side.y + side.height - y:.0f} pt for them",
                        "shorten the notes, or leave this handout kind out of the deck's handouts"))
                placed.add(laid, side.x, y)
                own += laid.height
            y += notes_h  # the same place in every slot, with notes or without
            page.items.extend(placed.items)
            _rules(page, side.x, side.x + side.width, y, side.y + side.height, rule, own)
    return pages
