"""A page's regions filled with what is placed in them: the template's decorations, the regions placed by
hand, and blocks stacked at a region's inner width (which also gives a region of `height: auto` its height).
Used by pages.py (pages without a flow) and flow.py (a flow's pages); imports neither."""

from __future__ import annotations

from ..errors import Problem
from ..model import Page, Rect, Region
from .blocks import LayoutContext, lay_out
from .items import FillBox, Laid, PageLayout, PictureBox, RuleLine


def decorate(out: PageLayout, page: Page, ctx: LayoutContext, template=None) -> None:
    for deco in (template or page.template).decorations:
        b = deco.box
        if deco.kind == "picture":
            out.items.append(PictureBox(b, deco.figure, None))
            continue
        color = ctx.color(deco.color)
        if deco.kind == "band":
            out.items.append(FillBox(b, color))
        else:
            out.items.append(RuleLine(b.x, b.y, b.x + b.width, b.y + b.height, color, deco.thickness))


def place_fixed(out: PageLayout, page: Page, number: int, ctx: LayoutContext, template=None) -> None:
    """The page's placed regions (a page with a flow too leaves the other regions to the flow);
    `template`: the page's template with its boxes found for this page."""
    placements = {p.region: p for p in page.placements}
    # Drawing order is the template's region order, backgrounds first; reading order (the tag tree) is
    # the page's.
    for region in drawing_order((template or page.template).regions):
        if page.flow and region.name not in placements:
            continue
        placement = placements.get(region.name)
        if region.background and region.box.height > 0:
            out.items.append(FillBox(region.box, ctx.color(region.background), 4))
        if region.background or (placement is not None and placement.sections):
            out.regions.append(region)
        if placement is None or not placement.sections:
            continue
        blocks = tuple(b for s in placement.sections for b in s.blocks)
        ctx.columns, ctx.gutter = region.columns, region.gutter
        laid = _fill(region, blocks, ctx, number, placement.where)
        out.items.extend(laid.items)


def inner_box(region: Region) -> Rect:
    top, right, bottom, left = region.padding
    b = region.box
    return Rect(b.x + left, b.y + top, b.width - left - right, b.height - top - bottom)


def _stacked(region: Region, blocks: tuple, ctx: LayoutContext, room: float) -> tuple[Laid, float]:
    """The blocks one below the other at the region's inner width, and their height."""
    inner = inner_box(region)
    ctx.columns, ctx.gutter = region.columns, region.gutter
    ctx.max_height = room - (24 if any(getattr(b, "caption", ()) for b in blocks) else 0)
    laid_blocks = [lay_out(b, inner.width, ctx) for b in blocks]
    ctx.max_height = 1e9
    out = Laid(0, [])
    y, previous_after = 0.0, None
    for laid in laid_blocks:
        if previous_after is not None:
            y += max(previous_after, laid.space_before)
        out.add(laid, 0, y)
        y += laid.height
        previous_after = laid.space_after
    return out, y


def content_height(region: Region, blocks: tuple, ctx: LayoutContext) -> float:
    """The height a region of `height: auto` takes: its content's and its padding."""
    top, _, bottom, _ = region.padding
    _, y = _stacked(region, blocks, ctx, 1e9)
    return y + top + bottom


def _fill(region: Region, blocks: tuple, ctx: LayoutContext, page: int, where) -> Laid:
    inner = inner_box(region)
    out, y = _stacked(region, blocks, ctx, 1e9 if region.auto_height else inner.height)
    if y > inner.height + 0.5:
        ctx.problems.append(Problem(
            where, f"the content of region '{region.name}' on page {page} needs {y:.0f} pt but the region "
                   f"holds {inner.height:.0f} pt ({y - inner.height:.0f} pt too much); text is never clipped",
            "shorten the text, make the region taller, or move a content id to another region"))
    slack = max(0.0, inner.height - y)
    offset = {"top": 0.0, "middle": slack / 2, "bottom": slack}[region.valign]
    placed = Laid(y, [])
    placed.add(out, inner.x, inner.y + offset)
    return placed


def drawing_order(regions: tuple[Region, ...]) -> list[Region]:
    """Background regions first (others lie over them), then the rest in the template's order."""
    return [r for r in regions if r.layer == "background"] + [r for r in regions if r.layer != "background"]
