"""What every block layout shares: the layout context (document, fonts, problems, the region's columns), the
registry of layouts by block type, text set in lines, and blocks stacked one below the other. The block
layouts (blocks.py, table.py, boxed_warning.py, charts.py) register themselves here; blocks.py imports them all."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, TypeVar

from ..errors import Problem, Where
from ..fonts import FontStack, theme_stack
from ..model import Block, Document, Photo
from .items import Break, Laid, Rest, TextLine, Wrap, line_breaks
from .remainder import pieces_after
from .text import Piece, TextStyle, break_lines


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

    def text_style_or(self, name: str, fallback: str) -> TextStyle:
        """The style `name` where the theme has it (or its slide style, on a slide), else `fallback`."""
        styles = self.document.theme.styles
        return self.text_style(name if self.document.style_name(name) in styles or name in styles else fallback)

    def color(self, name: str):
        return self.document.theme.colors[name]

    def image_size(self, photo: Photo) -> tuple[int, int]:
        if photo.path not in self._image_sizes:
            from ..profiles.images import picture_size  # upright: EXIF orientation applied
            self._image_sizes[photo.path] = picture_size(self.root / photo.path)
        return self._image_sizes[photo.path]



# A block's layout: (block of its type, width, context, optional extra arguments of its own) -> Laid.
LayoutFn = Callable[..., Laid]
LAYOUTS: dict[type, LayoutFn] = {}
Fn = TypeVar("Fn", bound=LayoutFn)


def layout_of(cls: type) -> Callable[[Fn], Fn]:
    """Registers a layout for blocks of type `cls`; the function keeps its own signature (a list's depth, a
    safety panel's continued body)."""
    def register(fn: Fn) -> Fn:
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
    breaks = line_breaks(len(lines), ts.style.leading) if splittable else []
    for b in breaks:  # the lines after a cut, set again from where the first part stops, at any width
        b.rest = _text_rest(items, lines, round(b.y / ts.style.leading), ts, ctx, where)
    return Laid(len(lines) * ts.style.leading, list(lines), ts.style.space_before, ts.style.space_after,
                line_height=ts.style.leading if splittable else 0.0, breaks=breaks)


def _text_rest(items: list[Piece], lines: list[TextLine], shown: int, ts: TextStyle, ctx: LayoutContext,
               where: Where) -> Rest:
    """The text after the first `shown` lines, set at any width."""
    return lambda width: text_block(pieces_after(items, lines[:shown]), width, ts, ctx, where, splittable=True)


def stack(blocks: tuple[Block, ...], width: float, ctx: LayoutContext, lead: Laid | None = None) -> Laid:
    """Blocks one below the other; the gap between two is the larger of their spacings. `lead`: the part
    after a cut of the block before `blocks`, set above them.

    It may be cut between two blocks (not after one that keeps with the next) and wherever a block
    may be cut itself; what follows a cut can be set again at another width."""
    out = Laid(0, [])
    y = 0.0
    previous_after = None
    keeps = True
    entries: list[Block | Laid] = [lead] if lead else []
    entries += blocks
    first = len(entries) - len(blocks)  # index in `entries` of blocks[0]
    for i, entry in enumerate(entries):
        block = None if isinstance(entry, Laid) else entry
        laid = entry if isinstance(entry, Laid) else lay_out(entry, width, ctx)
        gap = 0.0
        if previous_after is not None:
            gap = max(previous_after, laid.space_before)
            y += gap
        following = blocks[i + 1 - first:]
        if not keeps:
            out.breaks.append(Break(y, None, -gap, _stack_rest(blocks[i - first:], ctx)))
        out.add(laid, 0, y)
        out.add_breaks(laid, y, wrap=_stack_after(following, ctx))
        y += laid.height
        previous_after = laid.space_after
        keeps = bool(getattr(block, "keep_with_next", False))
    out.height = y
    return out


def _stack_rest(blocks: tuple[Block, ...], ctx: LayoutContext) -> Rest:
    return lambda width: stack(blocks, width, ctx)


def _stack_after(after: tuple[Block, ...], ctx: LayoutContext) -> Wrap:
    """A cut inside a block of a stack: the part after it, then the blocks `after` it, at any width."""
    return lambda rest: lambda w: stack(after, w, ctx, rest(w))
