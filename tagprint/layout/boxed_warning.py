"""The boxed warning's layout: the title in bold (centred, or flush left), the text below, all inside a ruled
border."""

from __future__ import annotations

from dataclasses import replace

from ..model import BoxedWarning
from .context import LayoutContext, layout_of, stack, text_block
from .items import Laid, RuleLine, TextLine
from .text import TextStyle, plain_pieces

PAD = 10.0
BLACK = (0.0, 0.0, 0.0)


def centred(laid: Laid, width: float) -> Laid:
    """Each line of `laid` moved to the middle of `width`."""
    items = []
    for item in laid.items:
        if isinstance(item, TextLine) and item.fragments:
            left = min(f.x for f in item.fragments)
            right = max(f.x + f.width for f in item.fragments)
            item = replace(item, x=item.x + (width - right - left) / 2)
        items.append(item)
    return Laid(laid.height, items, laid.space_before, laid.space_after)


@layout_of(BoxedWarning)
def _boxed_warning(block: BoxedWarning, width: float, ctx: LayoutContext) -> Laid:
    color = ctx.color(block.color) if block.color else BLACK
    base = ctx.text_style("safety_title")
    ts = TextStyle(replace(base.style, bold=True), color, base.link_color, base.fonts)
    inner = width - 2 * PAD - 2 * block.rule
    title = text_block(plain_pieces(block.title, (block, "title"), ts), inner, ts, ctx, block.where)
    if block.title_align == "center":
        title = centred(title, inner)
    body = stack(block.blocks, inner, ctx)
    x = y = block.rule + PAD
    out = Laid(0, [], 4, 10)  # kept whole: a boxed warning is never cut between pages
    out.add(title, x, y)
    y += title.height + ts.style.space_after
    out.add(body, x, y)
    height = y + body.height + PAD + block.rule
    half = block.rule / 2
    # the border first: four rules on the box's edge (artifacts; they meet at the corners)
    border = [RuleLine(x0, y0, x1, y1, color, block.rule)
              for x0, y0, x1, y1 in ((0, half, width, half), (0, height - half, width, height - half),
                                     (half, 0, half, height), (width - half, 0, width - half, height))]
    out.items[:0] = border
    out.height = height
    return out
