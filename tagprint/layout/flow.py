"""Flows: sections that run through a template's regions, page after page, as many as they need.

A block that does not fit moves to the next region; a paragraph splits between lines (never leaving
fewer than two lines on either side); a heading keeps with the block after it; a page break starts a
new page. A block taller than an empty region is an error: nothing is ever clipped.
"""

from __future__ import annotations

from ..errors import Problem
from ..model import Block, Document, Page, PageBreak
from .blocks import LayoutContext, lay_out
from .items import FillBox, Laid, PageLayout, RuleLine

MAX_PAGES = 500
FOOT_GAP = 10.0  # between the text and notes set at the foot of a region


Queue = list[tuple[Block, "Laid | None"]]


def flow_pages(document: Document, page: Page, first_number: int, ctx: LayoutContext) -> list[PageLayout]:
    """The flow's pages: the first of `page.template` (its placed regions filled first), the rest of
    `page.then` (or the same template), each region not placed by hand taking the flow in turn."""
    from .pages import decorate, place_fixed

    queue: Queue = [(b, None) for section in page.flow for b in section.blocks]
    pages: list[PageLayout] = []
    fixed = {p.region for p in page.placements}
    if not queue:  # a flow of empty sections still makes its page (decorations, footer)
        out = PageLayout(first_number, document.page_size)
        decorate(out, page, ctx)
        place_fixed(out, page, first_number, ctx)
        return [out]
    while queue:
        if len(pages) >= MAX_PAGES:
            ctx.problems.append(Problem(page.where, f"the flow needs more than {MAX_PAGES} pages",
                                        "check for a block that can never fit"))
            break
        out = PageLayout(first_number + len(pages), document.page_size)
        template = page.template if not pages else (page.then or page.template)
        decorate(out, page, ctx, template)
        if not pages:
            place_fixed(out, page, out.number, ctx)
        pages.append(out)
        progressed = False
        for region in template.regions:
            if region.name in fixed and template is page.template:
                continue
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
    from .pages import inner_box

    if region.background:
        out.items.append(FillBox(region.box, ctx.color(region.background), 4))
    inner = inner_box(region)
    ctx.columns, ctx.gutter = region.columns, region.gutter
    y, previous_after, placed = 0.0, None, False
    foot = 0.0  # height taken at the region's foot by notes placed there
    while queue:
        block, laid = queue[0]
        if isinstance(block, PageBreak):
            queue.pop(0)
            if placed or out.items_placed:
                return placed, True
            continue
        laid = laid or lay_out(block, inner.width, ctx)
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
        if laid.height + _kept_with(block, queue, inner.width, ctx) <= room + 0.5:
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
            queue[0] = (block, tail)
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
        queue[0] = (block, laid)
        return placed, False
    return placed, False


def _keeps(block: Block) -> bool:
    return bool(getattr(block, "keep_with_next", False))


def _kept_with(block: Block, queue: list, width: float, ctx: LayoutContext) -> float:
    """Height that must fit beside `block`: the start of the next block when it keeps with next."""
    if not _keeps(block) or len(queue) < 2:
        return 0.0
    following, laid = queue[1]
    if isinstance(following, PageBreak):
        return 0.0
    laid = laid or lay_out(following, width, ctx)
    return max(laid.space_before, 0.0) + laid.first_part()


def _place(out: PageLayout, laid: Laid, x: float, y: float) -> None:
    placed = Laid(0, [])
    placed.add(laid, x, y)
    out.items.extend(placed.items)
