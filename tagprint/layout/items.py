"""What the layout stage hands to drawing: positioned items, in points, top-left origin, y down.

Each item says which structure slot it fills (`tag`, a key into the TagMap) or that it is an artifact.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Union

from ..model import Color, Rect

TagKey = tuple[Any, str]  # (model node, part)


@dataclass(frozen=True)
class Segment:
    """A run of characters set in one font face."""

    font: str
    text: str


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


Item = Union[TextLine, FillBox, RuleLine, Chevron, PictureBox, SlideFrame]


def moved(item: Item, dx: float, dy: float) -> Item:
    if isinstance(item, TextLine):
        return replace(item, x=item.x + dx, baseline=item.baseline + dy)
    if isinstance(item, (FillBox, PictureBox)):
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


@dataclass
class Laid:
    """A block after layout: its height and its items relative to its own top-left corner."""

    height: float
    items: list[Item] = field(default_factory=list)
    space_before: float = 0.0
    space_after: float = 0.0
    line_height: float = 0.0  # > 0: lines of text that may be split between regions

    def add(self, other: "Laid", dx: float, dy: float) -> None:
        self.items.extend(moved(i, dx, dy) for i in other.items)

    def split(self, available: float, min_lines: int = 2) -> tuple["Laid", "Laid"] | None:
        """Splits lines of text so the first part fits `available`; None if it cannot (orphans/widows)."""
        if not self.line_height:
            return None
        total = round(self.height / self.line_height)
        fit = int((available + 0.01) // self.line_height)
        if fit < min_lines or total - fit < min_lines:
            fit = min(fit, total - min_lines)
            if fit < min_lines:
                return None
        cut = fit * self.line_height
        head = Laid(cut, [], self.space_before, 0.0, self.line_height)
        tail = Laid(self.height - cut, [], 0.0, self.space_after, self.line_height)
        for item in self.items:
            if isinstance(item, TextLine) and item.baseline > cut:
                tail.items.append(moved(item, 0, -cut))
            else:
                head.items.append(item)
        return head, tail


@dataclass
class PageLayout:
    """One page after layout: everything to draw, in drawing order."""

    number: int
    size: tuple[float, float]
    items: list[Item] = field(default_factory=list)
    footer: list[TextLine] = field(default_factory=list)
    items_placed: bool = False  # a flow placed content on this page
