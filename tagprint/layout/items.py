"""What the layout stage hands to drawing: positioned items, in points, top-left origin, y down.

Each item says which structure slot it fills (`tag`, a key into the TagMap) or that it is an artifact.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Union

from ..errors import Where
from ..model import Color, Rect

TagKey = tuple[Any, str]  # (model node, part)


@dataclass(frozen=True)
class Segment:
    """A run of characters set in one font face."""

    font: str
    text: str
    glyphs: tuple = ()  # the shaped glyphs (fonts.Glyph, visual order); empty: the pen shapes `text` itself
    texts: tuple = ()   # what each glyph stands for (glyph_map.glyph_texts); empty: worked out from clusters


@dataclass(frozen=True)
class Fragment:
    """Part of a line that belongs to one inline run: one marked-content sequence when drawn."""

    x: float
    width: float
    segments: tuple[Segment, ...]
    size: float
    color: Color
    tag: TagKey | None
    rise: float = 0.0
    tracking: float = 0.0
    link: Any = None  # a model Link or Citation whose annotation covers this fragment
    underline: bool = False
    artifact: str = "Footer"  # with no tag: the pagination artifact's subtype (Footer, Header)
    actual: str | None = None  # the logical text, when the drawn characters differ (shaped, right to left)
    hyphen: Segment | None = None  # a hyphen added at the line's end: drawn after the text, as an artifact
    hyphen_width: float = 0.0


@dataclass(frozen=True)
class TextLine:
    x: float
    baseline: float
    height: float
    fragments: tuple[Fragment, ...]
    where: Any = None  # the block it sets, for problems found later (contrast)


@dataclass(frozen=True)
class FillBox:
    """A filled rectangle (rounded if `radius`): background, band, button. Always an artifact."""

    box: Rect
    color: Color
    radius: float = 0.0


@dataclass(frozen=True)
class RuleLine:
    x0: float
    y0: float
    x1: float
    y1: float
    color: Color
    thickness: float


@dataclass(frozen=True)
class Chevron:
    """A small arrow head, as decoration (artifact)."""

    x: float
    y: float
    size: float
    color: Color


@dataclass(frozen=True)
class PictureBox:
    """A photo (cover-cropped into `box`) or an illustration drawn into `box`."""

    box: Rect
    figure: Any  # model Figure
    tag: TagKey | None  # None: decorative, drawn as an artifact
    radius: float = 0.0


@dataclass(frozen=True)
class SlideFrame:
    """A whole laid-out page (a slide) drawn scaled into `box`: its content keeps its own tags."""

    box: Rect
    slide: "PageLayout"


@dataclass(frozen=True)
class VectorBox:
    """Vector shapes drawn into `box` (a chart's plot, a QR code's modules), claiming `tag` (None: an
    artifact). `shapes` are Sketch calls (method name, args, keyword args) in the box's own coordinates
    (points, origin bottom-left, y up). `link`: the model node whose "link" element owns a link annotation
    over the box, where the profile's links are live."""

    box: Rect
    shapes: tuple[tuple[str, tuple, tuple[tuple[str, Any], ...]], ...]
    tag: TagKey | None
    link: Any = None


Item = Union[TextLine, FillBox, RuleLine, Chevron, PictureBox, SlideFrame, VectorBox]


def moved(item: Item, dx: float, dy: float) -> Item:
    if isinstance(item, TextLine):
        return replace(item, x=item.x + dx, baseline=item.baseline + dy)
    if isinstance(item, (FillBox, PictureBox, VectorBox)):
        b = item.box
        return replace(item, box=Rect(b.x + dx, b.y + dy, b.width, b.height))
    if isinstance(item, RuleLine):
        return replace(item, x0=item.x0 + dx, x1=item.x1 + dx, y0=item.y0 + dy, y1=item.y1 + dy)
    if isinstance(item, Chevron):
        return replace(item, x=item.x + dx, y=item.y + dy)
    if isinstance(item, SlideFrame):
        b = item.box
        return replace(item, box=Rect(b.x + dx, b.y + dy, b.width, b.height))
    raise TypeError(type(item).__name__)


Rest = Callable[[float], "Laid"]
"""What follows a cut, laid out again at another width (a region or page of a different width)."""
Wrap = Callable[[Rest], Rest]
"""How a parent turns the rest of a child into its own rest (what follows the child, its box, its title)."""


@dataclass
class Break:
    """A place a block may be cut between pages: above `y` stays, below moves on.

    `prefix` (artifacts: a repeated table header, a "(continued)" title) is set at the top of the part
    that moves on; `head_extra` is room the first part takes below the cut (a box's bottom padding, or a
    negative gap that is not needed at the foot of a page). `rest` lays out the part that moves on (its
    prefix included) at any width: a part that moves to a narrower or wider region is set again there.
    `key` names the cut by content (a row, an item), the same at every width."""

    y: float
    prefix: "Laid | None" = None
    head_extra: float = 0.0
    rest: Rest | None = None
    key: Any = None

    def moved(self, dy: float, prefix: "Laid | None" = None, head_extra: float = 0.0,
              wrap: Wrap | None = None) -> "Break":
        """The same break inside a parent: shifted, with the parent's own prefix above this one's; its rest
        wrapped by the parent (a parent that does not say how has no rest: the part is not set again)."""
        rest = wrap(self.rest) if wrap and self.rest else None
        return Break(self.y + dy, stacked(prefix, self.prefix), self.head_extra + head_extra, rest, self.key)


def stacked(top: "Laid | None", below: "Laid | None") -> "Laid | None":
    if top is None or below is None:
        return top or below
    out = Laid(top.height + below.height, list(top.items))
    out.add(below, 0, top.height)
    return out


def as_artifact(laid: "Laid", subtype: str = "Header") -> "Laid":
    """The same drawing with no tags and no links: a repeat for pagination (read once, not twice)."""
    items: list[Item] = []
    for item in laid.items:
        if isinstance(item, TextLine):
            item = replace(item, fragments=tuple(replace(f, tag=None, link=None, underline=False,
                                                         artifact=subtype) for f in item.fragments))
        elif isinstance(item, VectorBox):
            item = replace(item, tag=None, link=None)
        elif isinstance(item, PictureBox):
            item = replace(item, tag=None)
        items.append(item)
    return Laid(laid.height, items)


def _below(item: Item, cut: float) -> bool:
    if isinstance(item, TextLine):
        return item.baseline > cut
    if isinstance(item, (FillBox, PictureBox, SlideFrame, VectorBox)):
        return item.box.y >= cut - 0.01
    if isinstance(item, RuleLine):
        return min(item.y0, item.y1) > cut + 0.01
    if isinstance(item, Chevron):
        return item.y > cut
    raise TypeError(type(item).__name__)


@dataclass
class Laid:
    """A block after layout: its height and its items relative to its own top-left corner."""

    height: float
    items: list[Item] = field(default_factory=list)
    space_before: float = 0.0
    space_after: float = 0.0
    line_height: float = 0.0  # > 0: lines of text that may be split between regions
    breaks: list[Break] = field(default_factory=list)
    rest: Rest | None = None  # a part after a cut: the same part laid out at another width
    part: bool = False  # the part after a cut (not a whole block)
    rows: list[tuple[float, float, Where]] = field(default_factory=list)  # a table's rows: top, bottom, where

    def add(self, other: "Laid", dx: float, dy: float) -> None:
        self.items.extend(moved(i, dx, dy) for i in other.items)

    def add_breaks(self, other: "Laid", dy: float, prefix: "Laid | None" = None, head_extra: float = 0.0,
                   wrap: Wrap | None = None) -> None:
        self.breaks.extend(b.moved(dy, prefix, head_extra, wrap) for b in other.breaks)

    def first_part(self) -> float:
        """The least height of a first part (what must fit beside a heading kept with this block)."""
        if self.line_height:
            return min(self.line_height * 2, self.height)
        usable = [b.y + b.head_extra for b in self.breaks if 0 < b.y < self.height - 0.01]
        return min(usable, default=self.height)

    def split(self, available: float) -> tuple["Laid", "Laid"] | None:
        """Cuts at the lowest allowed break whose first part fits `available`; None if there is none."""
        fitting = [b for b in self.breaks if 0 < b.y < self.height - 0.01 and b.y + b.head_extra <= available + 0.01]
        if not fitting:
            return None
        return self.cut(max(fitting, key=lambda b: b.y))

    def cut(self, cut: Break) -> tuple["Laid", "Laid"]:
        """The part above the break and the part below it (with the break's prefix on top)."""
        lift = cut.prefix.height if cut.prefix else 0.0
        head = Laid(cut.y + cut.head_extra, [], self.space_before, 0.0, self.line_height)
        tail = Laid(self.height - cut.y + lift, [], 0.0, self.space_after, self.line_height, rest=cut.rest, part=True)
        backgrounds: list[Item] = []
        for item in self.items:
            if isinstance(item, FillBox) and item.box.y < cut.y - 0.01 and item.box.y + item.box.height > cut.y + 0.01:
                b = item.box  # a box the cut runs through: its top part here, the rest (and the prefix) there
                head.items.append(replace(item, box=Rect(b.x, b.y, b.width, cut.y + cut.head_extra - b.y)))
                backgrounds.append(replace(item, box=Rect(b.x, 0, b.width, b.y + b.height - cut.y + lift)))
            elif _below(item, cut.y):
                tail.items.append(moved(item, 0, lift - cut.y))
            else:
                head.items.append(item)
        tail.items = backgrounds + (list(cut.prefix.items) if cut.prefix else []) + tail.items
        tail.rows = [(top - cut.y + lift, bottom - cut.y + lift, where) for top, bottom, where in self.rows
                     if top >= cut.y - 0.01]
        head.breaks = [b for b in self.breaks if b.y < cut.y]
        after = cut.y + (2 * self.line_height - 0.01 if self.line_height else 0.0)
        # lines of one paragraph: the rest keeps its own orphan and widow rule (two lines before a cut)
        tail.breaks = [replace(b, y=b.y - cut.y + lift) for b in self.breaks if b.y > after]
        return head, tail

    def cut_at(self, key: Any) -> "Laid":
        """The part after the break named `key`."""
        return self.cut(next(b for b in self.breaks if b.key == key))[1]


def keyed(relay: Rest, key: Any) -> Rest:
    """The rest after the break named `key` of a block whose breaks are the same at every width (between
    rows, items, notes): the block laid out at the new width, cut there."""
    return lambda width: relay(width).cut_at(key)


def line_breaks(lines: int, line_height: float, min_lines: int = 2) -> list[Break]:
    """Where a paragraph may be cut: never fewer than `min_lines` on either side (orphans and widows)."""
    return [Break(k * line_height) for k in range(min_lines, lines - min_lines + 1)]


@dataclass
class PageLayout:
    """One page after layout: everything to draw, in drawing order."""

    number: int
    size: tuple[float, float]
    items: list[Item] = field(default_factory=list)
    footer: list[TextLine] = field(default_factory=list)
    items_placed: bool = False  # a flow placed content on this page
    regions: list[Any] = field(default_factory=list)  # the regions used on this page, boxes as placed
    origin: int = 0  # which page of the layout (slide of a deck) it was made from: a flow may make several
