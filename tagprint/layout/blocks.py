"""Block layouts: one function per block type, registered by type (no isinstance ladder)."""

from __future__ import annotations

import math
from dataclasses import replace

from .. import illustrations
from ..model import (
    Artwork, Block, CallToAction, Callout, Cards, Figure, Heading, Illustration, ListBlock, MaterialId,
    PageBreak, Paragraph, Photo, Quote, Rect, References, Safety, Spacer,
)
from ..model.inline import plain_text
from . import boxed_warning as _boxed_warning, charts as _charts, table as _table  # noqa: F401  (they register)
from .bidi import base_is_rtl
from .context import (  # noqa: F401  (LAYOUTS and lay_out re-exported: this module is where every layout is known)
    LAYOUTS, LayoutContext, LayoutFn, lay_out, layout_of, stack, text_block,
)
from .items import Break, Chevron, FillBox, Item, Laid, PictureBox, TextLine, as_artifact, keyed
from .text import TextStyle, break_lines, pieces, plain_pieces


@layout_of(Heading)
def _heading(block: Heading, width: float, ctx: LayoutContext) -> Laid:
    ts = replace(ctx.text_style(block.style), direction=block.dir)
    return text_block(pieces(block.runs, ts), width, ts, ctx, block.where)


@layout_of(Paragraph)
def _paragraph(block: Paragraph, width: float, ctx: LayoutContext) -> Laid:
    ts = replace(ctx.text_style(block.style), direction=block.dir)
    return text_block(pieces(block.runs, ts), width, ts, ctx, block.where, splittable=True)


QUOTE_BAR, QUOTE_INDENT = 3.0, 14.0  # the bar beside a quote and the text's distance from the column's edge


@layout_of(Quote)
def _quote(block: Quote, width: float, ctx: LayoutContext) -> Laid:
    """The quoted text beside a bar in the theme's link colour; who said it under it, after a dash."""
    ts = ctx.text_style(block.style)
    out = Laid(0, [], ts.style.space_before, ts.style.space_after)
    text = text_block(pieces(block.runs, ts), width - QUOTE_INDENT, ts, ctx, block.where)
    out.add(text, QUOTE_INDENT, 0)
    height = text.height
    if block.attribution:
        said = plain_pieces("\u2014 ", (block, "dash"), ts) + pieces(block.attribution, ts)
        by = text_block(said, width - QUOTE_INDENT, ts, ctx, block.where)
        height += ts.style.leading * 0.3
        out.add(by, QUOTE_INDENT, height)
        height += by.height
    out.items.insert(0, FillBox(Rect(0, 0, QUOTE_BAR, height), ts.link_color))
    out.height = height
    return out


@layout_of(ListBlock)
def _list(block: ListBlock, width: float, ctx: LayoutContext, depth: int = 0) -> Laid:
    """Bullets, or numbers (letters for an ordered list inside an ordered list: 1. a. b. 2.)."""
    ts = ctx.text_style(block.style)
    indent = ts.style.size * (2.0 if block.ordered else 1.5)
    out = Laid(0, [], ts.style.space_before, ts.style.space_after)
    y = 0.0
    again = keyed_list(block, ctx, depth)
    for n, item in enumerate(block.items, start=1):
        if n > 1:  # a list may be cut between its items
            out.breaks.append(Break(y, None, -ts.style.leading * 0.18, again(n), n))
        letters = depth and len(block.items) <= 26  # as the tags say: LowerAlpha
        label_text = (f"{chr(96 + n) if letters else n}." if block.ordered else "\u2022")
        label_ts = TextStyle(ts.style, ctx.color("secondary") if not block.ordered else ts.color, ts.link_color, ts.fonts)
        label, _ = break_lines(plain_pieces(label_text, (item, "label"), label_ts), indent, label_ts)
        body = text_block(pieces(item.runs, ts), width - indent, ts, ctx, item.where)
        rtl = base_is_rtl(plain_text(item.runs))  # a right-to-left item: its bullet or number at the right
        label_width = max((f.x + f.width for line in label for f in line.fragments), default=0.0)
        out.add(Laid(0, list(label)), width - label_width if rtl else 0, y)
        out.add(body, 0 if rtl else indent, y)
        y += body.height + ts.style.leading * 0.18  # one item spacing, between items at any depth
        if item.children:  # (a nested list ends with that spacing too: added once, not twice)
            child = _list(item.children, width - indent, ctx, depth + 1)
            out.add(child, 0 if rtl else indent, y)
            out.breaks.extend(Break(b.y + y, b.prefix, b.head_extra, again((n, b.key)), (n, b.key))
                              for b in child.breaks)
            y += child.height
    out.height = y
    return out


def keyed_list(block: ListBlock, ctx: LayoutContext, depth: int):
    """The rest of a list after the cut named `key` (an item number; in a nested list, the item's number
    and the key in its list), at any width: the list laid out again and cut there."""
    return lambda key: keyed(lambda width: _list(block, width, ctx, depth), key)


def picture_height(figure: Figure, width: float, ctx: LayoutContext) -> tuple[float, float]:
    """The picture's (width, height) inside `width`: explicit sizes win, else the natural aspect."""
    if isinstance(figure.source, Photo):
        w_px, h_px = ctx.image_size(figure.source)
        aspect = w_px / h_px
    elif isinstance(figure.source, Artwork):
        aspect = figure.source.size[0] / figure.source.size[1]
    else:
        aspect = illustrations.kinds()[figure.source.name].aspect
    w = min(figure.width or width, width)
    if figure.height:
        h = figure.height
    else:
        h = w / aspect
        if h > ctx.max_height:  # no height given: shrink to fit the region rather than overflow it
            h = ctx.max_height
            w = min(w, h * aspect)
    fit = getattr(illustrations.kinds().get(getattr(figure.source, "name", "")), "fit", None)
    if isinstance(figure.source, Illustration) and fit is not None:
        # an illustration that draws less than the box (a narrow helix, a spectrum with few rows of people)
        # gets a box tight to what it draws
        w, h = fit(figure.source.params, w, h, ctx.document.theme)
    return w, h


@layout_of(Figure)
def _figure(block: Figure, width: float, ctx: LayoutContext) -> Laid:
    w, h = picture_height(block, width, ctx)
    x = {"left": 0.0, "center": (width - w) / 2, "right": width - w}[block.align]
    out = Laid(0, [], 0, 8)
    y = 0.0
    caption = None
    # the caption keeps the measure the figure was given, even when the picture's box is tighter
    cap_w = max(w, min(block.width or width, width))
    cap_x = {"left": 0.0, "center": (width - cap_w) / 2, "right": width - cap_w}[block.align]
    if block.caption:
        ts = ctx.text_style(block.caption_style)
        caption = text_block(pieces(block.caption, ts), cap_w, ts, ctx, block.where)
        if block.caption_position == "above":
            out.add(caption, cap_x, 0)
            y = caption.height + 4
    radius = 6.0 if isinstance(block.source, Photo) else 0.0
    out.items.append(PictureBox(Rect(x, y, w, h), block, None if block.decorative else (block, ""), radius))
    y += h
    if caption and block.caption_position == "below":
        gap = max(4.0, ctx.text_style(block.caption_style).style.space_before)  # a caption style may ask for more
        out.add(caption, cap_x, y + gap)
        y += caption.height + gap
    out.height = y
    return out


CALLOUT_BAR, CALLOUT_RULE = 4.0, 1.0  # the left bar's width and the box rule's thickness, in points


@layout_of(Callout)
def _callout(block: Callout, width: float, ctx: LayoutContext) -> Laid:
    return _boxed(block, stack(block.blocks, width - 2 * CALLOUT_PAD, ctx), width, ctx)


CALLOUT_PAD = 12.0


def _boxed(block: Callout, inner: Laid, width: float, ctx: LayoutContext) -> Laid:
    """`inner` in the callout's box (its fill, and its tone as a bar or a ruled box); a part after a cut is
    boxed again at its own width."""
    pad = CALLOUT_PAD
    height = inner.height + 2 * pad
    border = block.border if block.tone else "none"
    items: list = []
    if block.fill:  # rounded when nothing is drawn along its edges
        items.append(FillBox(Rect(0, 0, width, height), ctx.color(block.fill), 6 if border == "none" else 0))
    if border == "left":  # a bar inside the padding: the text is set where it is without one
        items.append(FillBox(Rect(0, 0, CALLOUT_BAR, height), ctx.color(block.tone)))
    elif border == "box":  # four thin boxes: cut between pages, the sides go on with the box
        color, rule = ctx.color(block.tone), CALLOUT_RULE
        items += [FillBox(Rect(0, 0, width, rule), color), FillBox(Rect(0, height - rule, width, rule), color),
                  FillBox(Rect(0, 0, rule, height), color), FillBox(Rect(width - rule, 0, rule, height), color)]
    out = Laid(height, items, 6, 10)
    out.add(inner, pad, pad)
    # cut: each part keeps its padding inside the box
    out.add_breaks(inner, pad, Laid(pad), pad, wrap=lambda rest: lambda w: _boxed(block, rest(w - 2 * pad), w, ctx))
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
    items: list[Item] = [
        FillBox(Rect(0, 0, button_w, height), ctx.color("secondary"), height / 2),
        TextLine(pad, baseline, height, fragments),
        Chevron(pad + text_w + 7, height / 2, 4.0, ctx.color("white")),
    ]
    if block.printed:  # on paper: the address under the button, in the caption style, part of the same text
        small = ctx.text_style("caption")
        below, _ = break_lines(plain_pieces(block.printed, (block, ""), small, None), 10_000, small)
        line = below[0]
        first = line.fragments[0]  # read after the button's words with a space between
        shown = first.actual if first.actual is not None else "".join(seg.text for seg in first.segments)
        fragments = (replace(first, actual=" " + shown), *line.fragments[1:])
        items.append(TextLine(pad, height + 4 + small.style.size, line.height, fragments))
        return Laid(height + 4 + line.height, items, 8, 6)
    return Laid(height, items, 8, 6)


@layout_of(References)
def _references(block: References, width: float, ctx: LayoutContext) -> Laid:
    ts = ctx.text_style_or("references", "small")
    # the title is a heading: set like every other heading of its level
    title_style = ctx.text_style_or(f"h{block.level}", "h2")
    out = Laid(0, [], max(6.0, title_style.style.space_before) if block.title else 6.0, 0)  # (and spaced like one)
    top = 0.0
    if block.title:
        title = text_block(plain_pieces(block.title, (block, "title"), title_style), width, title_style, ctx,
                           block.where)
        out.add(title, 0, 0)
        top = title.height + title_style.style.space_after
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
def _safety(block: Safety, width: float, ctx: LayoutContext, body: Laid | None = None) -> Laid:
    """The title, then the safety text; `body` given: the part after a cut, under the continued title."""
    ts = ctx.text_style("safety_title")
    said = block.title or ctx.document.words.get("safety_title")  # no title of its own: the slide's says it
    label = text_block(plain_pieces(f"{said} {ctx.document.words.get('continued')}", None, ts), width, ts, ctx,
                       block.where)
    continued = as_artifact(Laid(label.height + ts.style.space_after, label.items))
    out = Laid(0, [], ts.style.space_before if block.title and body is None else 0.0, 0)  # spaced like a heading
    if body is None:
        body = stack(block.blocks, width, ctx)
        top = 0.0
        if block.title:  # none when the slide's title says it
            title = text_block(plain_pieces(block.title, (block, "title"), ts), width, ts, ctx, block.where)
            out.add(title, 0, 0)
            top = title.height + ts.style.space_after
    else:
        out.add(continued, 0, 0)
        top = continued.height
    out.add(body, 0, top)
    # cut between its paragraphs and lines, never before the first lines (the title keeps with them);
    # the next page repeats the title with "(continued)", as an artifact (it is read once)
    out.add_breaks(body, top, continued, wrap=lambda rest: lambda w: _safety(block, w, ctx, rest(w)))
    out.height = top + body.height
    return out


@layout_of(MaterialId)
def _material_id(block: MaterialId, width: float, ctx: LayoutContext) -> Laid:
    ts = ctx.text_style("small")
    laid = text_block(plain_pieces(ctx.document.job_code, (block, ""), ts), width, ts, ctx, block.where)
    # the footer moves this line into its own place (the material id stands in the same place on every
    # page): it takes no room where it is written
    return Laid(0, laid.items, 0, 0)


@layout_of(Cards)
def _cards(block: Cards, width: float, ctx: LayoutContext) -> Laid:
    """Cards side by side on white panels, each framed by a hairline: the picture centred on top, an
    accent rule, then the text. The rules and the texts of all the cards stand on one line (a card with
    a shorter picture, or none, keeps its text level with its neighbours')."""
    gap, pad = 16.0, 14.0
    n = len(block.cards)
    col_w = (width - gap * (n - 1)) / n
    inner_w = col_w - 2 * pad
    figures = [_figure(card.figure, inner_w, ctx) if card.figure else None for card in block.cards]
    band = max((f.height for f in figures if f is not None), default=0.0)
    rule_y = pad + (band + 12 if band else 0.0)
    contents = []
    for card, fig in zip(block.cards, figures):
        laid = Laid(0, [])
        if fig is not None:
            laid.add(fig, pad, pad + band - fig.height)  # pictures stand on one line above the rules
        laid.items.append(FillBox(Rect(pad, rule_y, 28, 3), ctx.color("accent"), 0))
        body = stack(card.blocks, inner_w, ctx)
        laid.add(body, pad, rule_y + 10)
        laid.height = rule_y + 10 + body.height + pad
        contents.append(laid)
    tallest = max(c.height for c in contents)
    out = Laid(tallest, [], 10, 10)
    tint, muted = ctx.color("tint"), ctx.color("muted")
    frame = tuple(a + (b - a) * 0.3 for a, b in zip(tint, muted))  # a hairline that shows on white and on tint
    for i, laid in enumerate(contents):
        x = i * (col_w + gap)
        out.items.append(FillBox(Rect(x, 0, col_w, tallest), frame, 8))
        out.items.append(FillBox(Rect(x + 0.75, 0.75, col_w - 1.5, tallest - 1.5), ctx.color("white"), 7.25))
        out.add(laid, x, 0)
    return out


@layout_of(Spacer)
def _spacer(block: Spacer, width: float, ctx: LayoutContext) -> Laid:
    return Laid(block.height)


@layout_of(PageBreak)
def _page_break(block: PageBreak, width: float, ctx: LayoutContext) -> Laid:
    return Laid(0.0)
