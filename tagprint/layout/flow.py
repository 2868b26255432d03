"""Flows: sections that run through a template's regions, page after page, as many as they need.

A block that does not fit moves to the next region; a paragraph splits between lines (never leaving
fewer than two lines on either side); a heading keeps with the block after it; a page break starts a
new page. A block taller than an empty region is an error: nothing is ever clipped. A block is laid out
at the width of the region it is set in: the part after a cut that moves to a region of another width
is set again at that width (its lines broken anew), never carried over at the first region's width.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import Problem
from ..model import Block, Document, Page, PageBreak
from .blocks import LayoutContext, lay_out
from .items import FillBox, Laid, PageLayout, RuleLine, TextLine

MAX_PAGES = 500
FOOT_GAP = 10.0  # between the text and notes set at the foot of a region


Queue = list[tuple[Block, "Laid | None", float]]  # a block, its layout so far (if any) and the width of it


def flow_pages(document: Document, page: Page, first_number: int, ctx: LayoutContext) -> list[PageLayout]:
    """The flow's pages: the first of `page.template` (its placed regions filled first), the rest of
    `page.then` (or the same template), each region not placed by hand taking the flow in turn."""
    from .placing import decorate, place_fixed
    from .regions import resolved

    queue: Queue = [(b, None, 0.0) for section in page.flow for b in section.blocks]
    pages: list[PageLayout] = []
    fixed = {p.region for p in page.placements}
    if not queue:  # a flow of empty sections still makes its page (decorations, footer)
        out = PageLayout(first_number, document.page_size)
        decorate(out, page, ctx)
        place_fixed(out, page, first_number, ctx, resolved(page.template, page, ctx))
        return [out]
    while queue:
        if len(pages) >= MAX_PAGES:
            ctx.problems.append(Problem(page.where, f"the flow needs more than {MAX_PAGES} pages",
                                        "check for a block that can never fit"))
            break
        out = PageLayout(first_number + len(pages), document.page_size)
        template = page.template if not pages else (page.then or page.template)
        template = resolved(template, page, ctx, first=not pages)  # boxes that depend on what is set
        decorate(out, page, ctx, template)
        if not pages:
            place_fixed(out, page, out.number, ctx, template)
        pages.append(out)
        progressed = False
        flowing = [r for r in template.regions if not (r.name in fixed and template.name == page.template.name)]
        out.regions.extend(flowing)
        for region in flowing:
            placed, page_break = _fill_region(queue, region, out, ctx, page)
            progressed = progressed or placed
            if page_break or not queue:
                break
        if not progressed and queue:  # nothing fitted on a fresh page: report, never loop forever
            block = queue.pop(0)[0]
            ctx.problems.append(Problem(getattr(block, "where", page.where),
                                        "a block cannot be placed in any region of the flow",
                                        "make the regions larger or the block smaller"))
    return pages


def _fill_region(queue: Queue, region, out: PageLayout, ctx: LayoutContext, page: Page) -> tuple[bool, bool]:
    """Fills one region from the front of the queue. Returns (placed anything, a page break was hit)."""
    from .placing import inner_box

    panel = None
    if region.background:
        panel = len(out.items)
        out.items.append(FillBox(region.box, ctx.color(region.background), 4))
    inner = inner_box(region)

    def fitted(result: tuple[bool, bool]) -> tuple[bool, bool]:
        """A region of height: auto with a background: the background ends under what was set in it (a
        safety panel sized to its text), not at the foot of the page."""
        if panel is not None and region.auto_height and not foot and y > 0:
            fill = out.items[panel]
            assert isinstance(fill, FillBox)  # the panel's background, appended above
            height = inner.y - region.box.y + y + region.padding[2]
            out.items[panel] = replace(fill, box=replace(fill.box, height=min(fill.box.height, height)))
        return result

    ctx.columns, ctx.gutter = region.columns, region.gutter
    y, previous_after, placed = 0.0, None, False
    foot = 0.0  # height taken at the region's foot by notes placed there
    while queue:
        block, laid, width = queue[0]
        if isinstance(block, PageBreak):
            queue.pop(0)
            if placed or out.items_placed:
                return fitted((placed, True))
            continue
        laid = at_width(block, laid, width, inner.width, ctx)
        _check_inside(laid, inner.width, block, region, ctx, page)
        if getattr(block, "at_foot", False) and y + laid.height + foot + FOOT_GAP <= inner.height + 0.5:
            # footnotes at the foot of the page their markers are on (read where they stand in the flow)
            foot += laid.height + FOOT_GAP
            top = inner.y + inner.height - foot + FOOT_GAP
            out.items.append(RuleLine(inner.x, top - 5, inner.x + 72, top - 5, ctx.color("text"), 0.5))
            _place(out, laid, inner.x, top)
            queue.pop(0)
            placed = out.items_placed = True
            continue
        gap = 0.0 if previous_after is None else max(previous_after, laid.space_before)
        room = inner.height - foot - y - gap
        kept = _kept_with(block, laid, queue, inner.width, ctx) if y > 0 else 0.0  # a region's first block always goes
        if laid.height + kept <= room + 0.5:
            _place(out, laid, inner.x, inner.y + y + gap)
            y += gap + laid.height
            previous_after = laid.space_after
            queue.pop(0)
            placed = out.items_placed = True
            continue
        parts = None if _keeps(block) else laid.split(room)
        if parts:
            head, tail = parts
            _place(out, head, inner.x, inner.y + y + gap)
            queue[0] = (block, tail, inner.width)
            return True, False
        if y == 0 and laid.height > inner.height + 0.5:
            tall = next((row for row in laid.rows if row[1] - row[0] > inner.height + 0.5), None)
            if tall is not None:  # one row is the trouble: point at it (rows are never cut)
                ctx.problems.append(Problem(
                    tall[2], f"this table row needs {tall[1] - tall[0]:.0f} pt but the region '{region.name}' holds "
                             f"{inner.height:.0f} pt; a table row cannot split across pages or regions",
                    "shorten the row's text, split it into two rows, or make the region taller"))
            else:
                ctx.problems.append(Problem(
                    getattr(block, "where", page.where),
                    f"a {type(block).__name__.lower()} needs {laid.height:.0f} pt but the region '{region.name}' "
                    f"holds {inner.height:.0f} pt; text is never clipped",
                    "shorten it, make it smaller, or make the region taller"))
            queue.pop(0)
            continue
        queue[0] = (block, laid, inner.width)
        return fitted((placed, False))
    return fitted((placed, False))


def at_width(block: Block, laid: Laid | None, width: float, region_width: float, ctx: LayoutContext) -> Laid:
    """The block (or the part of it still to set) laid out at the region's width."""
    if laid is None:
        return lay_out(block, region_width, ctx)
    if abs(width - region_width) < 0.01:
        return laid
    if not laid.part:  # a whole block that moved on: laid out again at this width
        return lay_out(block, region_width, ctx)
    if laid.rest is not None:  # the part after a cut, in a region of another width: set again there
        again = laid.rest(region_width)
        again.part, again.rest = True, laid.rest  # if it moves on again, it is set again again
        return again
    return laid  # a part that cannot be set again: the check of every line's region reports it


def _check_inside(laid: Laid, width: float, block: Block, region, ctx: LayoutContext, page: Page) -> None:
    """Every line set in a region lies inside it (a part that could not be set again would not)."""
    right = max((line.x + f.x + f.width for line in laid.items if isinstance(line, TextLine)
                 for f in line.fragments), default=0.0)
    if right > width + 0.5:
        problem = Problem(getattr(block, "where", page.where),
                          f"a line of this {type(block).__name__.lower()} is {right:.0f} pt wide but region "
                          f"'{region.name}' is {width:.0f} pt wide; text never leaves its region",
                          "give the regions this block flows through the same width, and report this "
                          "layout: the block should have been set again at the narrower width")
        if problem not in ctx.problems:
            ctx.problems.append(problem)


def _keeps(block: Block) -> bool:
    return bool(getattr(block, "keep_with_next", False))


def _kept_with(block: Block, own: Laid, queue: list, width: float, ctx: LayoutContext) -> float:
    """Height that must fit beside `block`: when it keeps with next, the next block's start, or the whole
    of the next when that keeps with its next too (a chain: a block of fingerprints never splits)."""
    total, current, before = 0.0, block, own.space_after
    for following, laid, laid_width in queue[1:]:
        if not _keeps(current) or isinstance(following, PageBreak):
            break
        laid = at_width(following, laid, laid_width, width, ctx)
        gap = max(before, laid.space_before, 0.0)  # the space between them, as the flow sets it
        if not _keeps(following):
            return total + gap + laid.first_part()
        total += gap + laid.height
        current, before = following, laid.space_after
    return total


def _place(out: PageLayout, laid: Laid, x: float, y: float) -> None:
    placed = Laid(0, [])
    placed.add(laid, x, y)
    out.items.extend(placed.items)
