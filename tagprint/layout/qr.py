"""QR code layout: the modules segno makes as one vector path (a VectorBox linked where links are live),
with an optional caption beside, above or below it."""

from __future__ import annotations

from dataclasses import replace

from ..model import QrCode, Rect
from .context import LayoutContext, layout_of, text_block
from .chart_marks import Shapes
from .items import Laid, TextLine, VectorBox
from .text import pieces


def qr_commands(modules: tuple[tuple[bool, ...], ...], size: float) -> list[tuple]:
    """The dark modules as one path, each row's runs of dark modules one rectangle (top-left coordinates)."""
    n = len(modules)
    m = size / n
    commands: list[tuple] = []
    for r, row in enumerate(modules):
        c = 0
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            x0, x1, y0, y1 = start * m, c * m, r * m, (r + 1) * m
            commands += [("M", x0, y0), ("L", x1, y0), ("L", x1, y1), ("L", x0, y1), ("Z",)]
    return commands


@layout_of(QrCode)
def _qr(block: QrCode, width: float, ctx: LayoutContext) -> Laid:
    size = min(block.size, width)
    shapes = Shapes(size)
    shapes.rect(0, 0, size, size, fill=ctx.color("white"))  # the quiet zone stays white on a tinted panel
    shapes.path(qr_commands(block.modules, size), fill=ctx.color(block.color))
    quiet = size / len(block.modules) * _quiet_modules(block.modules)
    caption: Laid | None = None
    gap = max(8.0, 14.0 - quiet)  # the quiet zone is part of the gap to the words
    if block.caption:
        ts = ctx.text_style(block.caption_style)
        side = block.caption_position in ("left", "right")
        caption = text_block(pieces(block.caption, ts), (width - size - gap) if side else width, ts, ctx,
                             block.caption_where)
    out = Laid(0, [], 6, 10)
    code = VectorBox(Rect(0, 0, size, size), tuple(shapes.calls), (block, ""), link=block)
    if caption is None:
        total_w, h = size, size
        out.items.append(code)
    elif block.caption_position in ("left", "right"):
        used = max((line.x + sum(f.width for f in line.fragments) for line in caption.items
                    if isinstance(line, TextLine)), default=0.0)
        total_w = size + gap + used
        h = max(size, caption.height)
        cy = (h - caption.height) / 2
        if block.caption_position == "right":
            out.items.append(replace(code, box=Rect(0, (h - size) / 2, size, size)))
            out.add(caption, size + gap, cy)
        else:
            out.add(caption, 0, cy)
            out.items.insert(0, replace(code, box=Rect(used + gap, (h - size) / 2, size, size)))
    else:  # above or below: the code and each line of the caption aligned as the block is
        cap_gap = max(2.0, 8.0 - quiet)
        lines = [item for item in caption.items if isinstance(item, TextLine)]
        widths = [sum(f.width for f in line.fragments) for line in lines]
        total_w = max([size] + widths)
        share = {"left": 0.0, "center": 0.5, "right": 1.0}[block.align]
        placed = Laid(caption.height, [replace(line, x=line.x + (total_w - w) * share) if isinstance(line, TextLine)
                                       else line for line, w in zip(lines, widths)])
        code_x = (total_w - size) * share
        h = size + cap_gap + caption.height
        if block.caption_position == "below":
            out.items.append(replace(code, box=Rect(code_x, 0, size, size)))
            out.add(placed, 0, size + cap_gap)
        else:
            out.add(placed, 0, 0)
            out.items.insert(0, replace(code, box=Rect(code_x, caption.height + cap_gap, size, size)))
    shift = {"left": 0.0, "center": (width - total_w) / 2, "right": width - total_w}[block.align]
    if shift > 0:
        moved = Laid(0, [])
        moved.add(out, shift, 0)
        out.items = moved.items
    out.height = h
    return out


def _quiet_modules(modules: tuple[tuple[bool, ...], ...]) -> int:
    """The light modules around the code (the quiet zone segno added)."""
    n = 0
    while n < len(modules) and not any(modules[n]):
        n += 1
    return n
