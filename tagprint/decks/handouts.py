"""Handouts: the slides, scaled down but still real tagged content, with notes or ruled lines.

- 1up: one slide per page, its number, and under a "Notes" label its speaker notes (when it has any)
  then ruled lines for the reader's own notes, down to the foot of the page;
- 2up: two slides per page, each with its number, its notes and ruled lines below;
- 3up: three slides per page, each large enough that no text on it is set under 6 pt, its number and
  ruled lines beside it (no speaker notes).
The slides are spread evenly over the pages (seven slides 3-up are 3, 2, 2, not 3, 3, 1); a page left with
fewer slides gives each more room (lines under it too), and a lone last slide of a 2-up handout is set
as on a 1-up page. Reading order: slide 1, its notes, slide 2, … (the tag tree is built with the notes
when they are shown).
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

# The only place the handouts' words are written: the generated-words catalogue (in the document's
# language) takes them over at merge.
NOTES_LABEL = "Notes"
SLIDE_NUMBER = "Slide {number} of {total}"


def shows_notes(kind: str) -> bool:
    return kind in ("1up", "2up")


def spread(count: int, per_page: int) -> list[int]:
    """How many slides go on each page: as few pages as `per_page` allows, the slides shared out evenly
    (the earlier pages take the extra ones)."""
    pages = max(1, math.ceil(count / per_page))
    base, extra = divmod(count, pages)
    return [base + (1 if i < extra else 0) for i in range(pages)]


def _slots(kind: str, k: int, paper: tuple[float, float], slide: tuple[float, float]) -> list[tuple[Rect, Rect]]:
    """For a page holding k slides: per slide, the frame for the slide and the area of its slot left for
    its number, notes and ruled lines (beside the frame for 3-up, below it otherwise)."""
    w, h = paper
    usable_w, top = w - 2 * MARGIN, MARGIN + 6
    avail = h - top - FOOT
    aspect = slide[1] / slide[0]
    if kind == "1up" or (kind == "2up" and k == 1):
        frame = Rect(MARGIN, top, usable_w, usable_w * aspect)
        below = frame.y + frame.height + 10
        return [(frame, Rect(MARGIN, below, usable_w, top + avail - below))]
    if kind == "2up":
        fw = usable_w * 0.8
        slot_h = avail / k
        out = []
        for i in range(k):
            y = top + i * slot_h
            frame = Rect(MARGIN + (usable_w - fw) / 2, y, fw, fw * aspect)
            below = frame.y + frame.height + 8
            out.append((frame, Rect(frame.x, below, fw, y + slot_h - below - 12)))
        return out
    fw = min(THREE_UP_WIDTH, usable_w - 110)
    slot_h = avail / k
    out = []
    for i in range(k):
        y = top + i * slot_h
        frame = Rect(MARGIN, y, fw, fw * aspect)
        out.append((frame, Rect(MARGIN + fw + 18, y, usable_w - fw - 18, slot_h - 12)))
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


def handout_pages(document: Document, slides: list[PageLayout], kind: str, paper_name: str,
                  ctx: LayoutContext) -> list[PageLayout]:
    paper = PAPER[paper_name]
    pages: list[PageLayout] = []
    white, edge, rule = ctx.color("white"), ctx.color("tint"), ctx.color("muted")
    number_ts, label_ts = _styles(ctx)
    total = len(slides)
    index = 0
    for count in spread(total, PER_PAGE[kind]):
        page = PageLayout(len(pages) + 1, paper)
        pages.append(page)
        for frame, side in _slots(kind, count, paper, document.page_size):
            slide = slides[index]
            index += 1
            page.items.append(FillBox(Rect(frame.x - 1.5, frame.y - 1.5, frame.width + 3, frame.height + 3), edge, 3))
            page.items.append(FillBox(frame, white))  # the slide's paper
            page.items.append(SlideFrame(frame, legible(slide, frame.width / document.page_size[0])))
            number = _artifact_text(SLIDE_NUMBER.format(number=index, total=total), number_ts, side.width, ctx,
                                    document)
            placed = Laid(0, [])
            y = side.y
            placed.add(number, side.x, y)
            y += number.height + 4
            notes = document.pages[slide.origin].notes if slide.origin < len(document.pages) else None
            if kind != "3up":
                label = _artifact_text(NOTES_LABEL, label_ts, side.width, ctx, document)
                placed.add(label, side.x, y)
                y += label.height + 2
            first = index == 1 or slides[index - 2].origin != slide.origin  # a slide the body ran on to: no notes
            if shows_notes(kind) and notes and first:
                laid = stack(notes.blocks, side.width, ctx)
                if y + laid.height > side.y + side.height + 0.5:
                    ctx.problems.append(Problem(
                        notes.where, f"the speaker notes of slide {index} need {laid.height:.0f} pt but the "
                                     f"{kind} handout has {side.y + side.height - y:.0f} pt for them",
                        "shorten the notes, or leave this handout kind out of the deck's handouts"))
                placed.add(laid, side.x, y)
                y += laid.height
            page.items.extend(placed.items)
            if kind == "3up":
                bottom = side.y + side.height
                under = bottom > frame.y + frame.height + LINE_GAP * 2  # room under the slide too
                _rules(page, side.x, side.x + side.width, y - 6, frame.y + frame.height if under else bottom, rule)
                if under:
                    _rules(page, frame.x, side.x + side.width, frame.y + frame.height + 4, bottom, rule)
            else:
                _rules(page, side.x, side.x + side.width, y - 4, side.y + side.height, rule)
    return pages
