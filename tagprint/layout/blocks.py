"""Block layouts: one function per block type, registered by type (no isinstance ladder)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from PIL import Image

from .. import illustrations
from ..errors import Problem, Where
from ..fonts import FontStack, theme_stack
from ..model import (
    Block, CallToAction, Callout, Cards, Document, Figure, Heading, Illustration, ListBlock, MaterialId,
    PageBreak, Paragraph, Photo, Rect, References, Safety, Spacer,
)
from ..model.inline import plain_text
from .bidi import base_is_rtl
from .items import Break, Chevron, FillBox, Laid, PictureBox, TextLine, as_artifact, line_breaks
from .text import Piece, TextStyle, break_lines, pieces, plain_pieces


@dataclass
class LayoutContext:
    document: Document
    root: Path
    fonts: FontStack
    problems: list[Problem] = field(default_factory=list)
    columns: int = 1
    gutter: float = 18.0
    max_height: float = 1e9  # the region's height: a figure with no height of its own fits within it
    _image_sizes: dict[str, tuple[int, int]] = field(default_factory=dict)

    def text_style(self, name: str) -> TextStyle:
        theme = self.document.theme
        name = self.document.style_name(name)  # content blocks placed on a slide are set at slide sizes
        style = theme.styles.get(name) or theme.styles["body"]
        link = theme.colors.get("secondary", theme.colors["text"]) if style.color == "text" else theme.colors[style.color]
        fonts = self.fonts if not (style.font or style.features or theme.script_fonts) else theme_stack(theme, style)
        return TextStyle(style, theme.colors[style.color], link, fonts, self.document.lang)

    def color(self, name: str):
        return self.document.theme.colors[name]

    def image_size(self, photo: Photo) -> tuple[int, int]:
        if photo.path not in self._image_sizes:
            with Image.open(self.root / photo.path) as im:
                self._image_sizes[photo.path] = im.size
        return self._image_sizes[photo.path]



LayoutFn = Callable[[Block, float, LayoutContext], Laid]
LAYOUTS: dict[type, LayoutFn] = {}


def layout_of(cls: type) -> Callable[[LayoutFn], LayoutFn]:
    def register(fn: LayoutFn) -> LayoutFn:
        LAYOUTS[cls] = fn
        return fn
    return register


def lay_out(block: Block, width: float, ctx: LayoutContext) -> Laid:
    return LAYOUTS[type(block)](block, width, ctx)


def text_block(items: list[Piece], width: float, ts: TextStyle, ctx: LayoutContext, where: Where,
               splittable: bool = False) -> Laid:
    lines, too_wide = break_lines(items, width, ts)
    for word in too_wide:
        ctx.problems.append(Problem(where, f"the word '{word}' is wider than its column ({width:.0f} pt)",
                                    "shorten the word, use a smaller style, or widen the region"))
    lines = [replace(line, where=where) for line in lines]
    return Laid(len(lines) * ts.style.leading, list(lines), ts.style.space_before, ts.style.space_after,
                line_height=ts.style.leading if splittable else 0.0,
                breaks=line_breaks(len(lines), ts.style.leading) if splittable else [])


@layout_of(Heading)
def _heading(block: Heading, width: float, ctx: LayoutContext) -> Laid:
    ts = replace(ctx.text_style(block.style), direction=block.dir)
    return text_block(pieces(block.runs, ts), width, ts, ctx, block.where)


@layout_of(Paragraph)
def _paragraph(block: Paragraph, width: float, ctx: LayoutContext) -> Laid:
    ts = replace(ctx.text_style(block.style), direction=block.dir)
    return text_block(pieces(block.runs, ts), width, ts, ctx, block.where, splittable=True)


@layout_of(ListBlock)
def _list(block: ListBlock, width: float, ctx: LayoutContext, depth: int = 0) -> Laid:
    """Bullets, or numbers (letters for an ordered list inside an ordered list: 1. a. b. 2.)."""
    ts = ctx.text_style(block.style)
    indent = ts.style.size * (2.0 if block.ordered else 1.5)
    out = Laid(0, [], ts.style.space_before, ts.style.space_after)
    y = 0.0
    for n, item in enumerate(block.items, start=1):
        if n > 1:  # a list may be cut between its items
            out.breaks.append(Break(y, None, -ts.style.leading * 0.18))
        letters = depth and len(block.items) <= 26  # as the tags say: LowerAlpha
        label_text = (f"{chr(96 + n) if letters else n}." if block.ordered else "\u2022")
        label_ts = TextStyle(ts.style, ctx.color("secondary") if not block.ordered else ts.color, ts.link_color, ts.fonts)
        label, _ = break_lines(plain_pieces(label_text, (item, "label"), label_ts), indent, label_ts)
        body = text_block(pieces(item.runs, ts), width - indent, ts, ctx, item.where)
        rtl = base_is_rtl(plain_text(item.runs))  # a right-to-left item: its bullet or number at the right
        label_width = max((f.x + f.width for line in label for f in line.fragments), default=0.0)
        out.add(Laid(0, list(label)), width - label_width if rtl else 0, y)
        out.add(body, 0 if rtl else indent, y)
        y += body.height
        if item.children:
            child = _list(item.children, width - indent, ctx, depth + 1)
            out.add(child, 0 if rtl else indent, y)
            out.add_breaks(child, y)
            y += child.height
        y += ts.style.leading * 0.18
    out.height = y
    return out


def picture_height(figure: Figure, width: float, ctx: LayoutContext) -> tuple[float, float]:
    """The picture's (width, height) inside `width`: explicit sizes win, else the natural aspect."""
    if isinstance(figure.source, Photo):
        w_px, h_px = ctx.image_size(figure.source)
        aspect = w_px / h_px
    else:
        aspect = illustrations.kinds()[figure.source.name].aspect
    w = min(figure.width or width, width)
    if figure.height:
        return w, figure.height
    h = w / aspect
    if h > ctx.max_height:  # no height given: shrink to fit the region rather than overflow it
        h = ctx.max_height
        w = min(w, h * aspect)
    return w, h


@layout_of(Figure)
def _figure(block: Figure, width: float, ctx: LayoutContext) -> Laid:
    w, h = picture_height(block, width, ctx)
    x = {"left": 0.0, "center": (width - w) / 2, "right": width - w}[block.align]
    out = Laid(0, [], 0, 8)
    y = 0.0
    caption = None
    if block.caption:
        ts = ctx.text_style(block.caption_style)
        caption = text_block(pieces(block.caption, ts), w, ts, ctx, block.where)
        if block.caption_position == "above":
            out.add(caption, x, 0)
            y = caption.height + 4
    radius = 6.0 if isinstance(block.source, Photo) else 0.0
    out.items.append(PictureBox(Rect(x, y, w, h), block, None if block.decorative else (block, ""), radius))
    y += h
    if caption and block.caption_position == "below":
        out.add(caption, x, y + 4)
        y += caption.height + 4
    out.height = y
    return out


@layout_of(Callout)
def _callout(block: Callout, width: float, ctx: LayoutContext) -> Laid:
    pad = 12.0
    inner = stack(block.blocks, width - 2 * pad, ctx)
    out = Laid(inner.height + 2 * pad, [FillBox(Rect(0, 0, width, inner.height + 2 * pad), ctx.color("tint"), 6)],
               6, 10)
    out.add(inner, pad, pad)
    out.add_breaks(inner, pad, Laid(pad), pad)  # cut: each part keeps its padding inside the box
    return out


@layout_of(CallToAction)
def _cta(block: CallToAction, width: float, ctx: LayoutContext) -> Laid:
    ts = ctx.text_style("cta")
    lines, _ = break_lines(plain_pieces(block.text, (block, ""), ts, None), 10_000, ts)
    line = lines[0]
    text_w = sum(f.width for f in line.fragments)
    height, pad, arrow = 26.0, 14.0, 12.0
    button_w = text_w + 2 * pad + arrow
    fragments = tuple(type(f)(**{**f.__dict__, "link": block}) for f in line.fragments)
    baseline = (height - ts.style.size) / 2 + ts.style.size * 0.76
    items = [
        FillBox(Rect(0, 0, button_w, height), ctx.color("secondary"), height / 2),
        TextLine(pad, baseline, height, fragments),
        Chevron(pad + text_w + 7, height / 2, 4.0, ctx.color("white")),
    ]
    return Laid(height, items, 8, 6)


@layout_of(References)
def _references(block: References, width: float, ctx: LayoutContext) -> Laid:
    ts = ctx.text_style("small")
    title_style = TextStyle(ts.style, ctx.color("primary"), ts.link_color, ts.fonts)
    title_style.style = type(ts.style)(**{**ts.style.__dict__, "bold": True})
    out = Laid(0, [], 6, 0)
    top = 0.0
    if block.title:
        title = text_block(plain_pieces(block.title, (block, "title"), title_style), width, title_style, ctx,
                           block.where)
        out.add(title, 0, 0)
        top = title.height + 2
    cols = max(1, ctx.columns)
    col_w = (width - ctx.gutter * (cols - 1)) / cols
    per_col = math.ceil(len(block.entries) / cols)
    indent = ts.style.size * 1.6
    bottom = top
    for c in range(cols):
        y = top
        for entry in block.entries[c * per_col:(c + 1) * per_col]:
            label, _ = break_lines(plain_pieces(f"{entry.number}.", (entry, "label"), ts), indent, ts)
            body = text_block(pieces(entry.runs, ts), col_w - indent, ts, ctx, entry.where)
            x = c * (col_w + ctx.gutter)
            out.add(Laid(0, list(label)), x, y)
            out.add(body, x + indent, y)
            y += body.height + 1
        bottom = max(bottom, y)
    out.height = bottom
    return out


@layout_of(Safety)
def _safety(block: Safety, width: float, ctx: LayoutContext) -> Laid:
    ts = ctx.text_style("safety_title")
    title = text_block(plain_pieces(block.title, (block, "title"), ts), width, ts, ctx, block.where)
    body = stack(block.blocks, width, ctx)
    out = Laid(0, [], 0, 0)
    out.add(title, 0, 0)
    top = title.height + ts.style.space_after
    out.add(body, 0, top)
    # cut between its paragraphs and lines, never before the first lines (the title keeps with them);
    # the next page repeats the title with "(continued)", as an artifact (it is read once)
    label = text_block(plain_pieces(f"{block.title} (continued)", None, ts), width, ts, ctx,  # type: ignore[arg-type]
                       block.where)
    continued = as_artifact(Laid(label.height + ts.style.space_after, label.items))
    out.add_breaks(body, top, continued)
    out.height = top + body.height
    return out


@layout_of(MaterialId)
def _material_id(block: MaterialId, width: float, ctx: LayoutContext) -> Laid:
    ts = ctx.text_style("small")
    return text_block(plain_pieces(ctx.document.job_code, (block, ""), ts), width, ts, ctx, block.where)


@layout_of(Cards)
def _cards(block: Cards, width: float, ctx: LayoutContext) -> Laid:
    """Cards side by side on white panels: the picture centred on top, an accent rule, then the text."""
    gap, pad = 16.0, 14.0
    n = len(block.cards)
    col_w = (width - gap * (n - 1)) / n
    inner_w = col_w - 2 * pad
    contents = []
    for card in block.cards:
        laid = Laid(0, [])
        y = pad
        if card.figure:
            fig = _figure(card.figure, inner_w, ctx)
            laid.add(fig, pad, y)
            y += fig.height + 12
        laid.items.append(FillBox(Rect(pad, y, 28, 3), ctx.color("accent"), 0))
        body = stack(card.blocks, inner_w, ctx)
        laid.add(body, pad, y + 10)
        laid.height = y + 10 + body.height + pad
        contents.append(laid)
    tallest = max(c.height for c in contents)
    out = Laid(tallest, [], 10, 0)
    for i, laid in enumerate(contents):
        x = i * (col_w + gap)
        out.items.append(FillBox(Rect(x, 0, col_w, tallest), ctx.color("white"), 8))
        out.add(laid, x, 0)
    return out


@layout_of(Spacer)
def _spacer(block: Spacer, width: float, ctx: LayoutContext) -> Laid:
    return Laid(block.height)


@layout_of(PageBreak)
def _page_break(block: PageBreak, width: float, ctx: LayoutContext) -> Laid:
    return Laid(0.0)


def stack(blocks: tuple[Block, ...], width: float, ctx: LayoutContext) -> Laid:
    """Blocks one below the other; the gap between two is the larger of their spacings.

    It may be cut between two blocks (not after one that keeps with the next) and wherever a block
    may be cut itself."""
    out = Laid(0, [])
    y = 0.0
    previous_after = None
    keeps = True
    for block in blocks:
        laid = lay_out(block, width, ctx)
        gap = 0.0
        if previous_after is not None:
            gap = max(previous_after, laid.space_before)
            y += gap
        if not keeps:
            out.breaks.append(Break(y, None, -gap))
        out.add(laid, 0, y)
        out.add_breaks(laid, y)
        y += laid.height
        previous_after = laid.space_after
        keeps = bool(getattr(block, "keep_with_next", False))
    out.height = y
    return out


from . import table as _table  # noqa: E402,F401  (registers the table and notes layouts)
