"""Handouts: the slides, scaled down but still real tagged content, with notes or ruled lines.

- 1up: one slide per page, its number, under a "Notes" label its speaker notes (set at a readable
  measure) and, under a "Your notes" label, ruled lines for the reader's own notes;
- 2up: two slides per page, each with its number, its notes and ruled lines below;
- 3up: three slides per page, each large enough that no text on it is set under 6 pt, its number and
  ruled lines beside it (no speaker notes).
Every page of a handout uses one fixed grid of slots (seven slides 3-up are 3, 3, 1; the last slide of a
2-up handout sits in the top slot of the same grid), and every slot has the same ruled lines at the same
place, however long its slide's notes: the notes area is as tall as the longest notes of the deck. Reading
order: slide 1, its notes, slide 2, … (the tag tree is built with the notes when they are shown).
"""

from __future__ import annotations

import math
from dataclasses import replace

from ..errors import Problem
from ..model import Document, Rect
from ..layout.blocks import LayoutContext, stack, text_block
from ..layout.items import FillBox, Laid, PageLayout, RuleLine, SlideFrame, TextLine, as_artifact
from ..layout.text import TextStyle, plain_pieces

PAPER = {"letter": (612.0, 792.0), "a4": (595.0, 842.0)}
MARGIN = 42.0
FOOT = 56.0  # the page's footer below the last line
PER_PAGE = {"1up": 1, "2up": 2, "3up": 3}
LINE_GAP = 22.0  # ruled lines for notes: a comfortable handwriting line
THREE_UP_WIDTH = 390.0  # a 3-up slide this wide sets a slide's 15.4 pt labels at 6.3 pt
LEAST = 6.0  # pt: no text on a thumbnail is smaller (smaller text, superscripts, is enlarged to this)
SLOT_GAP = 18.0  # pt between one slot of a page's grid and the next
TWO_UP_WIDTH = 0.72  # of the usable width: a 2-up slide, leaving room under it for notes and lines
# (but never narrower than a 3-up one: its text would go under LEAST pt)
NOTES_MEASURE = 360.0  # pt: speaker notes set no wider (about 75 characters of 10 pt text a line)

# The only place the handouts' words are written: the generated-words catalogue (in the document's
# language) takes them over at merge.
NOTES_LABEL = "Notes"
OWN_NOTES_LABEL = "Your notes"
SLIDE_NUMBER = "Slide {number} of {total}"


def shows_notes(kind: str) -> bool:
    return kind in ("1up", "2up")


def spread(count: int, per_page: int) -> list[int]:
    """How many slides go on each page: every page full but the last (seven slides 3-up are 3, 3, 1), so
    that one grid serves every page."""
    full, rest = divmod(count, per_page)
    return [per_page] * full + ([rest] if rest or not full else [])


def _slots(kind: str, paper: tuple[float, float], slide: tuple[float, float]) -> list[tuple[Rect, Rect]]:
    """The page's fixed grid: per slot, the frame for the slide and the area of the slot left for its
    number, notes and ruled lines (beside the frame for 3-up, below it otherwise). Every page of a
    handout uses the same slots, whatever number of slides it holds."""
    w, h = paper
    usable_w, top = w - 2 * MARGIN, MARGIN + 6
    avail = h - top - FOOT
    aspect = slide[1] / slide[0]
    if kind == "1up":
        frame = Rect(MARGIN, top, usable_w, usable_w * aspect)
        below = frame.y + frame.height + 10
        return [(frame, Rect(MARGIN, below, usable_w, top + avail - below))]
    k = PER_PAGE[kind]
    slot_h = (avail - (k - 1) * SLOT_GAP) / k
    out = []
    if kind == "2up":
        fw = max(usable_w * TWO_UP_WIDTH, THREE_UP_WIDTH)
        for i in range(k):
            y = top + i * (slot_h + SLOT_GAP)
            frame = Rect(MARGIN + (usable_w - fw) / 2, y, fw, fw * aspect)
            below = frame.y + frame.height + 8
            out.append((frame, Rect(frame.x, below, fw, y + slot_h - below)))
        return out
    fw = min(THREE_UP_WIDTH, usable_w - 110, slot_h / aspect)
    fh = fw * aspect
    for i in range(k):
        y = top + i * (fh + SLOT_GAP)
        frame = Rect(MARGIN, y, fw, fh)
        out.append((frame, Rect(MARGIN + fw + 18, y, usable_w - fw - 18, fh)))
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
    return as_artifact(text_block(plain_pieces(text, None, ts), width, ts, ctx,  # type: ignore[arg-type]
                                  Where(document.source)), "Pagination")


def _rules(page: PageLayout, x0: float, x1: float, top: float, bottom: float, color) -> None:
    y = top + LINE_GAP
    while y <= bottom:
        page.items.append(RuleLine(x0, y, x1, y, color, 0.5))
        y += LINE_GAP


def legible(slide: PageLayout, scale: float) -> PageLayout:
    """The slide as a thumbnail drawn at `scale` sets it: text that would print under LEAST pt (the
    superscript citations) is set at LEAST pt instead, from the same place."""
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


def handout_pages(document: Document, slides: list[PageLayout], kind: str, paper_name: str,
                  ctx: LayoutContext) -> list[PageLayout]:
    paper = PAPER[paper_name]
    pages: list[PageLayout] = []
    white, edge, rule = ctx.color("white"), ctx.color("tint"), ctx.color("muted")
    number_ts, label_ts = _styles(ctx)
    total = len(slides)
    grid = _slots(kind, paper, document.page_size)
    side_w = grid[0][1].width
    measure = side_w if kind == "2up" else min(side_w, NOTES_MEASURE)  # 2-up: the slide's width, ~80 characters
    number_h = _artifact_text(SLIDE_NUMBER.format(number=total, total=total), number_ts, side_w, ctx,
                              document).height
    label_h = _artifact_text(NOTES_LABEL, label_ts, side_w, ctx, document).height
    # the notes area: as tall as the longest notes, so that every slot's ruled lines are at one place
    notes_h = label_h + 2 + 4  # room at least for the "Your notes" label
    if shows_notes(kind):
        laid_notes = {i: stack(n.blocks, measure, ctx) for i in range(total)
                      if (n := _notes_of(document, slides, i)) is not None}
        if laid_notes:
            notes_h = max(laid.height for laid in laid_notes.values()) + label_h + 2 + 4
    index = 0
    for count in spread(total, PER_PAGE[kind]):
        page = PageLayout(len(pages) + 1, paper)
        pages.append(page)
        for frame, side in grid[:count]:
            slide = slides[index]
            notes = _notes_of(document, slides, index)
            index += 1
            page.items.append(FillBox(Rect(frame.x - 1.5, frame.y - 1.5, frame.width + 3, frame.height + 3), edge, 3))
            page.items.append(FillBox(frame, white))  # the slide's paper
            page.items.append(SlideFrame(frame, legible(slide, frame.width / document.page_size[0])))
            number = _artifact_text(SLIDE_NUMBER.format(number=index, total=total), number_ts, side.width, ctx,
                                    document)
            placed = Laid(0, [])
            y = side.y
            placed.add(number, side.x, y)
            y += number_h + 4
            if kind == "3up":
                page.items.extend(placed.items)
                _rules(page, side.x, side.x + side.width, y - 6, side.y + side.height, rule)
                continue
            if notes is not None:
                placed.add(_artifact_text(NOTES_LABEL, label_ts, side.width, ctx, document), side.x, y)
                laid = laid_notes[index - 1]
                if y + label_h + 2 + laid.height > side.y + side.height + 0.5:
                    ctx.problems.append(Problem(
                        notes.where, f"the speaker notes of slide {index} need {laid.height:.0f} pt but the "
                                     f"{kind} handout has {side.y + side.height - y - label_h - 2:.0f} pt for them",
                        "shorten the notes, or leave this handout kind out of the deck's handouts"))
                placed.add(laid, side.x, y + label_h + 2)
            else:  # no speaker notes: the lines are the reader's, and say so, where "Notes" stands elsewhere
                placed.add(_artifact_text(OWN_NOTES_LABEL, label_ts, side.width, ctx, document), side.x, y)
            y += notes_h  # the same place in every slot, with notes or without
            page.items.extend(placed.items)
            _rules(page, side.x, side.x + side.width, y - 4, side.y + side.height, rule)
    return pages
