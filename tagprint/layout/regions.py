"""Region geometry on one page: regions stacked `below` others and `height: auto` are placed from what
is set in them, and no region covers another's text or the footer unless it says it is a background.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import Problem
from ..model import Page, Rect, Region, Template
from .blocks import LayoutContext
from .items import PageLayout, PictureBox, TextLine
from .placing import content_height

OVERLAP = 0.5  # pt: edges that touch (or round to each other) are not an overlap


def placed_here(page: Page, template: Template, first: bool) -> dict[str, tuple]:
    """Region name -> the blocks placed in it by hand on this page (on a flow's first page only)."""
    if not first or template is not page.template:
        return {}
    return {p.region: tuple(b for s in p.sections for b in s.blocks) for p in page.placements}


def by_hand(page: Page, template: Template) -> set[str]:
    """The regions of `template` that this page places by hand (the flow passes them by)."""
    return {p.region for p in page.placements} if template is page.template else set()


def resolved(template: Template, page: Page, ctx: LayoutContext, first: bool = True) -> Template:
    """The template with every region's box found for this page: a region `below` another starts under it
    (after its gap); an `auto` height is the height of the region's content (a flow region's: down to
    the bottom margin)."""
    if not any(r.adapts for r in template.regions):
        return template
    placed = placed_here(page, template, first)
    fixed = by_hand(page, template)
    by_name = {r.name: r for r in template.regions}
    flows = bool(page.flow)
    _, _, bottom_margin, _ = ctx.document.margins
    bottom = ctx.document.page_size[1] - bottom_margin
    boxes: dict[tuple[str, bool], Rect] = {}

    def box(region: Region, depth: int = 0, level: bool = True) -> Rect:
        """The region's box; `level`: grown to the regions it is as tall as (else as tall as its content)."""
        key = (region.name, level and bool(region.same_height))
        if key in boxes:
            return boxes[key]
        b = region.box
        y = b.y
        if region.below and depth < len(by_name):  # under the lowest of the regions it is below
            y = max(_under(box(by_name[name], depth + 1), region.gap) for name in region.below)
        height = b.height
        if region.auto_height:
            if region.name in placed:
                height = content_height(region, placed[region.name], ctx)
            elif flows and region.name not in fixed:
                height = max(bottom - y, 0.0)
                if region.valign != "top" and first:
                    y, height = _aligned(region, y, height, page, ctx)
            else:
                height = 0.0
        if level and region.same_height and depth < len(by_name):  # a row of panels ends level
            height = max([height] + [box(by_name[name], depth + 1, level=False).height for name in region.same_height])
        if region.from_bottom is not None:  # stands at the foot: grows upward
            y = ctx.document.page_size[1] - region.from_bottom - height
        boxes[key] = Rect(b.x, y, b.width, height)
        return boxes[key]

    regions = tuple(replace(r, box=box(r)) for r in template.regions)
    return replace(template, regions=regions)


def _aligned(region: Region, y: float, height: float, page: Page, ctx: LayoutContext) -> tuple[float, float]:
    """A flow region of height: auto that holds the whole flow (a short safety panel): moved down its box
    as its valign says, centred in (or at the foot of) the room it has; a flow that does not fit starts at
    the top as always."""
    need = content_height(region, tuple(b for s in page.flow for b in s.blocks), ctx)
    room = min(region.box.height, height) if region.box.height > 0 else height
    if need > room + 0.5:
        return y, height
    shift = (room - need) / (2 if region.valign == "middle" else 1)
    return y + shift, height - shift


def _under(above: Rect, gap: float) -> float:
    """Where a region below `above` starts: after the gap (an empty region above takes no room)."""
    return above.y + above.height + gap if above.height > 0 else above.y


def _overlap(a: Rect, b: Rect) -> tuple[float, float]:
    w = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
    h = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
    return w, h


def check_overlaps(pages: list[PageLayout], ctx: LayoutContext) -> None:
    """Regions of the content layer that overlap each other, and regions or pictures over the footer, are
    problems at the region's line in the layout: whatever is set in one would cover the other."""
    found: list[Problem] = []
    for page in pages:
        regions = [r for r in page.regions if r.layer != "background" and r.box.height > 0 and r.box.width > 0]
        footer = _footer_band(page, ctx)
        found += _regions_overlapping(page, regions)
        found += _regions_in_footer(page, regions, footer)
        found += _regions_past_the_margin(page, regions, ctx)
        found += _pictures_in_footer(page, footer, ctx)
    for problem in found:
        if not any(p.where == problem.where and p.message.split(" (page")[0] == problem.message.split(" (page")[0]
                   for p in ctx.problems):
            ctx.problems.append(problem)


def _crosses(a: Rect, b: Rect) -> bool:
    w, h = _overlap(a, b)
    return w > OVERLAP and h > OVERLAP


def _regions_overlapping(page: PageLayout, regions: list[Region]) -> list[Problem]:
    found = []
    for i, later in enumerate(regions):
        for earlier in regions[:i]:
            w, h = _overlap(earlier.box, later.box)
            if w > OVERLAP and h > OVERLAP and earlier.name != later.name:
                found.append(Problem(
                    later.where, f"region '{later.name}' overlaps region '{earlier.name}' by {w:.0f} × {h:.0f} pt "
                                 f"(page {page.number}); what is set in one would cover the other",
                    "move or resize one of them (or give it the other's `below:`), or mark the one meant to "
                    "lie behind with layer: background"))
    return found


def _regions_in_footer(page: PageLayout, regions: list[Region], footer: list[Rect]) -> list[Problem]:
    found = []
    for region in regions:
        line = next((line for line in footer if _crosses(region.box, line)), None)
        if line is not None:
            found.append(Problem(
                region.where, f"region '{region.name}' reaches into the page footer (page {page.number}: "
                              f"it ends at y = {region.box.y + region.box.height:.0f} pt, the footer starts at "
                              f"{line.y:.0f} pt)", "make the region end above the footer"))
    return found


def _regions_past_the_margin(page: PageLayout, regions: list[Region], ctx: LayoutContext) -> list[Problem]:
    """A region of height: auto grown by its content past the bottom margin (it is not in the footer's
    letters, but runs over the footer's rule or off the trim): the content needs less room or another page."""
    _, _, bottom_margin, _ = ctx.document.margins
    bottom = page.size[1] - bottom_margin
    return [Problem(region.where, f"region '{region.name}' grows past the bottom margin (page {page.number}: its "
                                  f"content ends at y = {region.box.y + region.box.height:.0f} pt, the margin at "
                                  f"{bottom:.0f} pt)",
                    "shorten its content or the regions above it, or move a content id to another page")
            for region in regions if region.auto_height and region.box.y + region.box.height > bottom + 0.5]


def _pictures_in_footer(page: PageLayout, footer: list[Rect], ctx: LayoutContext) -> list[Problem]:
    found = []
    for item in page.items:
        if not isinstance(item, PictureBox):
            continue
        line = next((line for line in footer if _crosses(item.box, line)), None)
        if line is not None:
            where = getattr(item.figure, "where", None) or ctx.document.pages[0].where
            found.append(Problem(where, f"a picture reaches into the page footer (page {page.number}: "
                                        f"it ends at y = {item.box.y + item.box.height:.0f} pt, the "
                                        f"footer starts at {line.y:.0f} pt)",
                                 "give the picture a smaller height, or end its region above the footer"))
    return found


def _footer_band(page: PageLayout, ctx: LayoutContext) -> list[Rect]:
    """The footer's band: as tall as its letters, across the page between the margins (its texts grow
    with the material id and footer text, so the whole line is kept clear)."""
    boxes = [_line_box(line) for line in page.footer]
    if not boxes:
        return []
    _, right, _, left = ctx.document.margins
    left, right = min(left, *(b.x for b in boxes)), max(page.size[0] - right, *(b.x + b.width for b in boxes))
    top, bottom = min(b.y for b in boxes), max(b.y + b.height for b in boxes)
    return [Rect(left, top, right - left, bottom - top)]


def _line_box(line: TextLine) -> Rect:
    """The box a footer line's letters take."""
    left = line.x + min((f.x for f in line.fragments), default=0.0)
    right = line.x + max((f.x + f.width for f in line.fragments), default=0.0)
    size = max((f.size for f in line.fragments), default=0.0)
    return Rect(left, line.baseline - size * 0.8, right - left, size)
