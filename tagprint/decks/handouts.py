"""Handouts: the slides, scaled down but still real tagged content, with notes or ruled lines.

- 1up: one slide per page, its speaker notes below;
- 2up: two slides per page, each with its notes below;
- 3up: three slides per page, ruled lines beside each for the audience's own notes (no speaker notes).
Reading order: slide 1, its notes, slide 2, … (the tag tree is built with the notes when they are shown).
"""

from __future__ import annotations

from ..errors import Problem
from ..model import Document, Rect
from ..layout.blocks import LayoutContext, stack
from ..layout.items import FillBox, Laid, PageLayout, RuleLine, SlideFrame

PAPER = {"letter": (612.0, 792.0), "a4": (595.0, 842.0)}
MARGIN = 42.0
PER_PAGE = {"1up": 1, "2up": 2, "3up": 3}


def shows_notes(kind: str) -> bool:
    return kind in ("1up", "2up")


def _geometry(kind: str, paper: tuple[float, float], slide: tuple[float, float]) -> list[tuple[Rect, Rect]]:
    """Per slot on a page: the frame for the slide, and the box for its notes or ruled lines."""
    w, h = paper
    usable_w, top = w - 2 * MARGIN, MARGIN + 6
    aspect = slide[1] / slide[0]
    if kind == "1up":
        frame = Rect(MARGIN, top, usable_w, usable_w * aspect)
        notes_top = frame.y + frame.height + 22
        return [(frame, Rect(MARGIN, notes_top, usable_w, h - notes_top - 56))]
    if kind == "2up":
        fw = usable_w * 0.8
        slot_h = (h - top - 56) / 2
        out = []
        for i in range(2):
            y = top + i * slot_h
            frame = Rect(MARGIN + (usable_w - fw) / 2, y, fw, fw * aspect)
            notes_top = frame.y + frame.height + 12
            out.append((frame, Rect(frame.x, notes_top, fw, y + slot_h - notes_top - 14)))
        return out
    fw = usable_w * 0.46
    slot_h = (h - top - 56) / 3
    out = []
    for i in range(3):
        y = top + i * slot_h + 6
        frame = Rect(MARGIN, y, fw, fw * aspect)
        out.append((frame, Rect(MARGIN + fw + 24, y, usable_w - fw - 24, frame.height)))
    return out


def handout_pages(document: Document, slides: list[PageLayout], kind: str, paper_name: str,
                  ctx: LayoutContext) -> list[PageLayout]:
    paper = PAPER[paper_name]
    slots = _geometry(kind, paper, document.page_size)
    pages: list[PageLayout] = []
    white, edge, rule = ctx.color("white"), ctx.color("tint"), ctx.color("muted")
    for index, slide in enumerate(slides):
        if index % len(slots) == 0:
            pages.append(PageLayout(len(pages) + 1, paper))
        page = pages[-1]
        frame, side = slots[index % len(slots)]
        page.items.append(FillBox(Rect(frame.x - 1.5, frame.y - 1.5, frame.width + 3, frame.height + 3), edge, 3))
        page.items.append(FillBox(frame, white))  # the slide's paper
        page.items.append(SlideFrame(frame, slide))
        notes = document.pages[index].notes
        if shows_notes(kind) and notes:
            laid = stack(notes.blocks, side.width, ctx)
            if laid.height > side.height + 0.5:
                ctx.problems.append(Problem(
                    notes.where, f"the speaker notes of slide {index + 1} need {laid.height:.0f} pt but the "
                                 f"{kind} handout has {side.height:.0f} pt for them",
                    "shorten the notes, or leave this handout kind out of the deck's handouts"))
            placed = Laid(0, [])
            placed.add(laid, side.x, side.y)
            page.items.extend(placed.items)
        elif kind == "3up":
            y = side.y + 18
            while y <= side.y + side.height:
                page.items.append(RuleLine(side.x, y, side.x + side.width, y, rule, 0.5))
                y += 22
    return pages
