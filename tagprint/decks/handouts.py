"""Handouts: the slides, scaled down but still real tagged content, with notes or ruled lines.

- 1up: one slide per page; under it, on one line, "Speaker notes" and the slide's number, then its
  speaker notes (at most about 75 characters a line), and ruled lines for the reader's own notes under
  "Your notes", at one height on every page with notes (under the deck's longest speaker notes); a
  slide without speaker notes has "Your notes" beside its number and the lines right under them (the
  same lines, on one grid, with more above them);
- 2up: two slides per page (392 pt wide: a picture's own labels print at 6.5 pt), each slot one notes
  system: beside the slide, as on 3-up, its number, "Your notes" and one column of ruled lines down to
  the slot's foot (beside the speaker notes too), at the same heights in every slot; under the slide, at
  a reading measure (about 70 characters a line, as on 1-up), "Speaker notes" and its speaker notes, and
  nothing ruled there (no second, unlabelled set of lines); under a slide without speaker notes the
  column's own lines run on across the slot, so no cell is left blank;
- 3up: three slides per page, each large enough that no text on it is set under 6 pt, its number, "Your
  notes" and ruled lines beside it down to its frame's foot (no speaker notes); the slides as large as
  the page allows (A4, with the house's 40 pt margins: 392 pt wide), the spare depth shared out as even
  gaps between them; on the last page, "More notes" stands where the next slide would (its capitals level
  with the slot's top, one slot gap under the last slide).
One label scheme everywhere: "Speaker notes" above printed speaker notes, "Your notes" above a slide's
ruled lines, and on 2-up and 3-up "More notes" above the ruled lines of the slots a part-filled page has
no slide for (one area, so no page says "Your notes" twice for one slide). Every page of a handout uses
one fixed grid of slots, at the same places on every page; on 2-up and 3-up every slot has the same
ruled lines at the same place, and on 1-up every page. The lines are hairlines in a light grey (they
guide a pen; they are not content), one pitch (PITCH) apart on every handout. Every page but the last is
full (seven slides 3-up are 3, 3, 1); the last page's slots without a slide are one full-width "More
notes" area down to the footer. Reading order: slide 1, its notes, slide 2, … (the tag tree is built
with the notes when they are shown).
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
MARGIN = 40.0  # pt: the handout page's margins (the thumbnails and the notes take the rest)
MARGINS = {(612.0, 792.0): MARGIN, (595.0, 842.0): MARGIN}  # by paper: one house margin on each, the
# leave-behinds' (A4 is 17 pt narrower and 50 pt deeper: its 3-up slides are 392 pt wide, its extra depth
# goes to even gaps between them)
FOOT = 56.0  # the page's footer below the last line
PER_PAGE = {"1up": 1, "2up": 2, "3up": 3}
PITCH = 20.0  # pt between ruled lines, on every handout and in every area: a comfortable handwriting line
RULE_WIDTH = 0.4  # pt: a hairline
RULE_TINT = 0.35  # the lines' grey: the theme's muted colour at 35 % on white (light, still visible printed)
THREE_UP_WIDTH = 410.0  # pt: a 3-up slide at most this wide (it sets a picture's 16 pt labels at 6.8 pt)
THREE_UP_NOTES = 105.0  # pt: a 3-up notes column no narrower (letter's slides are as wide as its depth
# allows, 388 pt, its column 126 pt; A4's 400 pt, its column 105 pt)
LEAST = 7.0  # pt: no text a thumbnail sets is smaller (smaller text, superscripts, is enlarged to this; a
# picture's own labels, drawn inside it, print at the picture's scale: 6 pt or more, see THREE_UP_WIDTH)
SLOT_GAP = 18.0  # pt between one slot of a page's grid and the next
SIDE_GAP = 18.0  # pt between a 2-up or 3-up slide and the column beside it
TWO_UP_WIDTH = 392.0  # pt: a 2-up slide at the left, its speaker notes under it (at most NOTES_MEASURE
# wide: about 70 characters a line) and the ruled lines beside both (as wide as the 3-up's: a picture's
# 16 pt labels, drawn inside the picture where they cannot be enlarged, print at 6.5 pt)
NOTES_MEASURE = 360.0  # pt: speaker notes set no wider (at most about 75 characters of 11 pt text a line)
LABEL_GAP = 10.0  # pt between a slide's speaker notes (or its frame) and its "Your notes"
CAP_HEIGHT = 0.7  # of the font size: the capitals' height (the theme's sans, within a tenth of a point)
RULE_UNDER = 2.0  # pt from a label's foot to the ruled line it stands on
UNDER_CLEAR = PITCH - 2  # pt: 2-up, a line run on under a slide lies this far or more under its frame's foot

# The only place the handouts' words are written: the generated-words catalogue (in the document's
# language) takes them over at merge.
NOTES_LABEL = "Speaker notes"
OWN_NOTES_LABEL = "Your notes"
MORE_NOTES_LABEL = "More notes"
SLIDE_NUMBER = "Slide {number} of {total}"


def is_handout(document: Document, output: str) -> bool:
    """Whether `output` is one of a deck's handouts: a piece for paper, built with its links printed (every
    link's address written after its words, as in the print profile, the thumbnails' included) and with
    no live links, in every profile (a handout is printed to be written on; a link on it cannot be
    followed)."""
    return document.kind == "deck" and output in document.outputs[1:]


def numbers_pages(kind: str) -> bool:
    """Whether the handout's footer numbers its pages: not 1-up, where each page's number is its slide's,
    said once, as "Slide N of M" on its notes line."""
    return kind != "1up"


def shows_notes(kind: str) -> bool:
    return kind in ("1up", "2up")


def spread(count: int, per_page: int) -> list[int]:
    """How many slides go on each page: every page full but the last, which holds what is left (seven
    slides 3-up are 3, 3, 1 and 2-up 2, 2, 2, 1), so that every page but the last keeps the grid's rhythm
    and slides that belong together share a sheet (3-up: the last claim slide, 5, and the safety slide, 6).
    The last page is balanced by its notes, not by thinning the slides out: its slides stand in their
    slots and one full-width "More notes" area fills the rest of it (the brief's "the last page balanced
    (slides spread, not one at the top)": no part of it is left empty)."""
    if count <= 0:
        return [0]
    return [min(per_page, count - start) for start in range(0, count, per_page)]


class Slot(NamedTuple):
    """One slide's place on a handout page: its frame; the area for its number, notes and ruled lines
    (`side`: below the frame for 1-up, beside it, the frame's height, for 2-up and 3-up); the area under
    the frame, at its width, for the speaker notes (2-up; empty elsewhere); and the whole slot (on a page
    with no slide for it, part of the "More notes" area)."""

    frame: Rect
    side: Rect
    under: Rect
    whole: Rect


def margin(paper: tuple[float, float]) -> float:
    """A handout page's side margins (the footer lines up with them too)."""
    return MARGINS.get((float(paper[0]), float(paper[1])), MARGIN)


def _slots(kind: str, paper: tuple[float, float], slide: tuple[float, float]) -> list[Slot]:
    """The handout's fixed grid: the same slots on every page, whatever number of slides it holds. A 3-up
    slot is its slide's frame, as deep (the ruled lines end level with its foot), the slots spread down
    the page with even gaps."""
    w, h = paper
    left = margin(paper)
    usable_w, top = w - 2 * left, left + 6
    avail = h - top - FOOT
    aspect = slide[1] / slide[0]
    if kind == "1up":
        frame = Rect(left, top, usable_w, usable_w * aspect)
        below = frame.y + frame.height + 10
        side = Rect(left, below, usable_w, top + avail - below)
        return [Slot(frame, side, Rect(left, below, usable_w, 0), Rect(left, top, usable_w, avail))]
    k = PER_PAGE[kind]
    slot_h = (avail - (k - 1) * SLOT_GAP) / k
    fw = TWO_UP_WIDTH if kind == "2up" else min(THREE_UP_WIDTH, usable_w - SIDE_GAP - THREE_UP_NOTES,
                                                       slot_h / aspect)
    fh = fw * aspect
    gap = SLOT_GAP
    if kind == "3up":  # the slot is the frame; what depth is left over is shared out between the slots
        slot_h = fh
        gap = max(SLOT_GAP, (avail - k * fh) / (k - 1))
    out = []
    for i in range(k):
        y = top + i * (slot_h + gap)
        frame = Rect(left, y, fw, fh)
        # beside the frame: its lines end level with the frame's foot (3-up), or run on beside the speaker
        # notes to the slot's foot (2-up: one ruled column per slot, nothing ruled under the slide)
        beside = Rect(left + fw + SIDE_GAP, y, usable_w - fw - SIDE_GAP, fh if kind == "3up" else slot_h)
        under = Rect(left, y + fh, fw, slot_h - fh) if kind == "2up" else Rect(left, y + slot_h, usable_w, 0)
        out.append(Slot(frame, beside, under, Rect(left, y, usable_w, slot_h)))
    return out


def _styles(ctx: LayoutContext) -> tuple[TextStyle, TextStyle]:
    """The slide number's style (small, muted) and the labels' ("Speaker notes", "Your notes": bold)."""
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


def rule_heights(first: float, bottom: float) -> list[float]:
    """The ruled lines from `first` down to no lower than `bottom`, PITCH apart."""
    count = math.floor((bottom - first) / PITCH + 1e-6) + 1
    return [first + k * PITCH for k in range(max(count, 0))]


def _rules(page: PageLayout, x0: float, x1: float, first: float, bottom: float, color) -> list[float]:
    """The lines from `first` down to no lower than `bottom`, PITCH apart. Returns their heights."""
    heights = rule_heights(first, bottom)
    for y in heights:
        page.items.append(RuleLine(x0, y, x1, y, color, RULE_WIDTH))
    return heights


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


def _above_caps(laid: Laid) -> float:
    """How far under a laid line's top its capitals start (its first baseline less the cap height)."""
    line = next(item for item in laid.items if isinstance(item, TextLine))
    return line.baseline - CAP_HEIGHT * max(f.size for f in line.fragments)


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


class _Setting(NamedTuple):
    """What every slot of one handout shares: the words' styles and heights, the laid-out speaker notes
    (by slide index) and the height kept for the longest, and the ruled lines' colour."""

    number_ts: TextStyle
    label_ts: TextStyle
    number_h: float
    label_h: float  # 1-up, 2-up: the label and the number share a line
    laid_notes: dict[int, Laid]
    notes_h: float
    rule: tuple[float, float, float]
    width: float  # the widest a label or number is set


def handout_pages(document: Document, slides: list[PageLayout], kind: str, paper_name: str,
                  ctx: LayoutContext) -> list[PageLayout]:
    paper = PAPER[paper_name]
    pages: list[PageLayout] = []
    white, edge = ctx.color("white"), ctx.color("tint")
    total = len(slides)
    grid = _slots(kind, paper, document.page_size)
    side_w = grid[0].side.width
    number_ts, label_ts = _styles(ctx)
    number_h = _artifact_text(SLIDE_NUMBER.format(number=total, total=total), number_ts, side_w, ctx, document).height
    label_h = max(_artifact_text(OWN_NOTES_LABEL, label_ts, side_w, ctx, document).height, number_h)
    notes_w = (grid[0].under if kind == "2up" else grid[0].side).width  # 2-up: under the slide, at its width
    laid_notes, notes_h = _notes_area(document, slides, kind, min(notes_w, NOTES_MEASURE), ctx)
    setting = _Setting(number_ts, label_ts, number_h, label_h, laid_notes, notes_h, rule_color(ctx), side_w)
    index = 0
    for count in spread(total, PER_PAGE[kind]):
        page = PageLayout(len(pages) + 1, paper)
        pages.append(page)
        end = grid[-1].whole.y + grid[-1].whole.height  # the grid's foot
        cut = None  # 2-up: where a part-filled page's "More notes" area starts a pitch under (its last frame's foot)
        if count < len(grid):  # the slots this page has no slide for: one notes area
            first = grid[count].whole
            last = grid[count - 1].frame if count else None
            if kind == "2up" and last is not None and _notes_of(document, slides, index + count - 1) is None:
                # the page's last slide has no speaker notes: its side lines stop level with its foot and
                # "More notes" starts one pitch under it (no quiet band under the slide, no two rulings side
                # by side); the lines then run from the label down
                cut = last.y + last.height
                _more_notes_area(page, Rect(first.x, cut + PITCH, first.width, end - cut - PITCH), setting, ctx,
                                 document, from_top=True)
            elif kind == "3up":  # "More notes" where the slot's slide would stand: its capitals level with the
                # slot's top (as a slide's number is with its frame's), one slot gap under the last slide
                lift = _above_caps(_label(MORE_NOTES_LABEL, setting, ctx, document))
                _more_notes_area(page, Rect(first.x, first.y - lift, first.width, end - first.y + lift), setting,
                                 ctx, document, from_top=True)
            else:
                _more_notes_area(page, Rect(first.x, first.y, first.width, end - first.y), setting, ctx, document)
        for k, slot in enumerate(grid[:count]):
            frame = slot.frame
            slide = slides[index]
            index += 1
            page.items.append(FillBox(Rect(frame.x - 1.5, frame.y - 1.5, frame.width + 3, frame.height + 3), edge, 3))
            page.items.append(FillBox(frame, white))  # the slide's paper
            page.items.append(SlideFrame(frame, legible(slide, frame.width / document.page_size[0])))
            number = _artifact_text(SLIDE_NUMBER.format(number=index, total=total), number_ts, side_w, ctx, document)
            notes = _notes_of(document, slides, index - 1) if shows_notes(kind) else None
            if kind == "3up":
                _beside(page, slot.side, number, setting, ctx, document)
            elif kind == "2up":
                _two_up(page, slot, number, index, notes, setting, ctx, document, cut is None or k < count - 1)
            else:
                _below(page, slot.side, number, index, notes, setting, ctx, document)
    return pages


def _label(words: str, setting: _Setting, ctx: LayoutContext, document: Document) -> Laid:
    return _artifact_text(words, setting.label_ts, setting.width, ctx, document)


def _more_notes_area(page: PageLayout, area: Rect, setting: _Setting, ctx: LayoutContext,
                     document: Document, from_top: bool = False) -> None:
    """The slots a part-filled page has no slide for, as one area: ruled lines up from the area's end (the
    last on the page's foot line) and "More notes" standing on the first of them; `from_top`: "More notes"
    at the area's top and the lines from under it down (the last within a pitch of the area's end)."""
    bottom = area.y + area.height
    heights = rule_heights(area.y + setting.label_h + RULE_UNDER, bottom)
    # from the top: on a whole point, as the other lines are (a hairline between two pixels renders faint)
    first = math.ceil(heights[0] - 1e-6) if from_top else heights[0] + bottom - heights[-1]
    placed = Laid(0, [])
    placed.add(_label(MORE_NOTES_LABEL, setting, ctx, document), area.x, first - RULE_UNDER - setting.label_h)
    page.items.extend(placed.items)
    _rules(page, area.x, area.x + area.width, first, bottom, setting.rule)


def _beside(page: PageLayout, side: Rect, number: Laid, setting: _Setting, ctx: LayoutContext,
            document: Document, widen: tuple[float, float] | None = None) -> float:
    """3-up: the slide's number, "Your notes" under it and the ruled lines, beside the frame: the number's
    capitals level with the frame's top edge. `widen` (x, y): the lines at y or lower start at x instead
    (2-up, a slide without speaker notes: the same lines run on under the slide, across the slot).
    Returns the first line's height (the slot's grid)."""
    placed = Laid(0, [])
    placed.add(number, side.x, side.y - _above_caps(number))
    label = _label(OWN_NOTES_LABEL, setting, ctx, document)
    placed.add(label, side.x, side.y + setting.number_h)
    page.items.extend(placed.items)
    first = side.y + setting.number_h + label.height + RULE_UNDER
    for y in rule_heights(first, side.y + side.height):
        x0 = widen[0] if widen is not None and y >= widen[1] else side.x
        page.items.append(RuleLine(x0, y, side.x + side.width, y, setting.rule, RULE_WIDTH))
    return first


def _check_room(laid: Laid, room: float, notes, index: int, kind: str, ctx: LayoutContext) -> None:
    if laid.height > room + 0.5:
        ctx.problems.append(Problem(
            notes.where, f"the speaker notes of slide {index} need {laid.height:.0f} pt but the "
                         f"{kind} handout has {room:.0f} pt for them",
            "shorten the notes, or leave this handout kind out of the deck's handouts"))


def _two_up(page: PageLayout, slot: Slot, number: Laid, index: int, notes, setting: _Setting,
            ctx: LayoutContext, document: Document, to_foot: bool = True) -> None:
    """2-up: beside the frame, as on 3-up, the slide's number, "Your notes" and ruled lines, one column
    running down to the slot's foot (the same in every slot; not `to_foot`: a page's "More notes" area
    starts under this slide, so they stop level with the frame's foot); under the frame, "Speaker notes"
    and the slide's speaker notes when it has any. Nothing is ruled under the slide: one notes system."""
    side = slot.side if to_foot else Rect(slot.side.x, slot.side.y, slot.side.width, slot.frame.height)
    under = slot.under
    # no speaker notes: the column's lines that lie a writing line or more under the frame run on across
    # the space under the slide (no blank cell; the same lines, so no second label)
    widen = (under.x, under.y + UNDER_CLEAR) if notes is None and to_foot else None
    _beside(page, side, number, setting, ctx, document, widen)
    y = under.y + LABEL_GAP
    if notes is None:
        return
    placed = Laid(0, [])
    placed.add(_label(NOTES_LABEL, setting, ctx, document), under.x, y)
    laid = setting.laid_notes[index - 1]
    _check_room(laid, under.y + under.height - y - setting.label_h - 2, notes, index, "2up", ctx)
    placed.add(laid, under.x, y + setting.label_h + 2)
    page.items.extend(placed.items)


def _below(page: PageLayout, side: Rect, number: Laid, index: int, notes, setting: _Setting,
           ctx: LayoutContext, document: Document) -> None:
    """1-up: under the frame, the slide's number at the right of a label line; "Speaker notes" on that
    line and the speaker notes under it; then "Your notes" on the first of the ruled lines, PITCH apart
    down to the page's foot. Every page's lines lie on one grid, the one that starts under the label line:
    a slide without speaker notes has "Your notes" on the label line and its lines start right under it
    (nothing said about notes it does not have); a slide with notes has its "Your notes" on the first
    line of that grid LABEL_GAP or more under where the deck's longest speaker notes end (so at one
    height on every page with notes), and the same lines under it."""
    placed = Laid(0, [])
    placed.add(number, side.x + side.width - _width(number), side.y)  # the number at the right
    y = side.y + setting.label_h + 4
    first = side.y + setting.label_h + RULE_UNDER  # the grid's first line: under the label line
    if notes is not None:
        laid = setting.laid_notes[index - 1]
        _check_room(laid, side.y + side.height - y - setting.label_h - LABEL_GAP, notes, index, "1up", ctx)
        placed.add(_label(NOTES_LABEL, setting, ctx, document), side.x, side.y)
        placed.add(laid, side.x, y)
        want = y + setting.notes_h + LABEL_GAP + setting.label_h + RULE_UNDER
        first += math.ceil((want - first) / PITCH - 1e-6) * PITCH
    placed.add(_label(OWN_NOTES_LABEL, setting, ctx, document), side.x, first - RULE_UNDER - setting.label_h)
    page.items.extend(placed.items)
    _rules(page, side.x, side.x + side.width, first, side.y + side.height, setting.rule)
