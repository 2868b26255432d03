"""Paints a VectorBox (a chart's shapes, a QR code's modules) through the pen's Sketch, so theme colours
reach the page as every other drawing's do (the print palette's recipes and black ink included)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..layout.items import VectorBox

if TYPE_CHECKING:
    from .painters import DrawContext


def paint_vector_box(item: VectorBox, ctx: DrawContext) -> None:
    pen = ctx.pen

    def paint() -> None:
        with pen.sketch(item.box) as sketch:
            for name, args, kwargs in item.shapes:
                getattr(sketch, name)(*args, **dict(kwargs))

    if item.tag is None:
        with pen.artifact():
            paint()
    else:
        slot = ctx.tags.slot(*item.tag)
        with pen.marked(slot, at=(item.box.x, item.box.y)):
            paint()
        slot.owner.bbox = (pen.page_index, pen.page_rect(item.box))
    if item.link is not None and ctx.profile.links and ctx.tags.has_elem(item.link, "link"):
        b = item.box
        node = item.link
        pen.link((b.x, b.y, b.x + b.width, b.y + b.height), ("uri", node.href), node.description,
                 ctx.tags.elem(node, "link"))
