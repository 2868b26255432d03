"""Blocks: the semantic units a content file holds and a layout places. No drawing here.

Every block type answers the same few questions, so traversal is written once (never an isinstance
ladder elsewhere): `children()` (nested blocks in reading order), `text_runs()` (the inline text it shows
directly, with where it was written), `labels()` (plain strings it shows), `headings()` (the headings it
contributes: part, level, text) and `map_runs()` (a copy with every inline run rewritten).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterator, Literal, Union

from ..errors import Where
from .inline import Inline, plain_text

RunsFn = Callable[[tuple[Inline, ...]], tuple[Inline, ...]]
BlockFn = Callable[["Block"], "Block"]


class BlockNode:
    """What every block type answers; the defaults fit a block with no text and no nested blocks."""

    def children(self) -> tuple["Block", ...]:
        return ()

    def text_runs(self) -> Iterator[tuple[tuple[Inline, ...], Where]]:
        return iter(())

    def labels(self) -> Iterator[tuple[str, Where]]:
        return iter(())

    def headings(self) -> tuple[tuple[str, int, str], ...]:
        return ()

    def footnotes(self) -> tuple[Any, ...]:
        """The footnotes (model.notes.Note) this block sets."""
        return ()

    def map_runs(self, runs: RunsFn, block: BlockFn) -> Any:
        return self


def _map_blocks(blocks: tuple["Block", ...], block: BlockFn) -> tuple["Block", ...]:
    return tuple(block(b) for b in blocks)


@dataclass(frozen=True, eq=False)
class Heading(BlockNode):
    level: int
    runs: tuple[Inline, ...]
    where: Where = field(default_factory=lambda: Where(""))
    style: str = ""
    text_where: Where = field(default_factory=lambda: Where(""))
    keep_with_next: bool = True
    dir: str = "auto"  # the paragraph direction: ltr, rtl, or auto (its first strong letter)

    @property
    def role(self) -> str:
        return f"H{self.level}"

    def text_runs(self):
        yield self.runs, self.text_where

    def headings(self):
        return (("", self.level, plain_text(self.runs)),)

    def map_runs(self, runs, block):
        return replace(self, runs=runs(self.runs))


@dataclass(frozen=True, eq=False)
class Paragraph(BlockNode):
    runs: tuple[Inline, ...]
    where: Where = field(default_factory=lambda: Where(""))
    style: str = "body"
    text_where: Where = field(default_factory=lambda: Where(""))
    keep_with_next: bool = False
    dir: str = "auto"  # the paragraph direction: ltr, rtl, or auto (its first strong letter)

    role = "P"

    def text_runs(self):
        yield self.runs, self.text_where

    def map_runs(self, runs, block):
        return replace(self, runs=runs(self.runs))


@dataclass(frozen=True, eq=False)
class ListItem:
    runs: tuple[Inline, ...]
    children: "ListBlock | None" = None
    where: Where = field(default_factory=lambda: Where(""))

    role = "LI"


@dataclass(frozen=True, eq=False)
class ListBlock(BlockNode):
    items: tuple[ListItem, ...]
    ordered: bool = False
    where: Where = field(default_factory=lambda: Where(""))
    style: str = "body"

    role = "L"

    def text_runs(self):
        for item in self.items:
            yield item.runs, item.where
            if item.children:
                yield from item.children.text_runs()

    def map_runs(self, runs, block):
        def item(i: ListItem) -> ListItem:
            return replace(i, runs=runs(i.runs), children=i.children.map_runs(runs, block) if i.children else None)
        return replace(self, items=tuple(item(i) for i in self.items))


@dataclass(frozen=True, eq=False)
class Photo:
    """A picture file from images/."""

    path: str


@dataclass(frozen=True, eq=False)
class Illustration:
    """A named, parametric vector illustration (see tagprint.illustrations)."""

    name: str
    params: Any


@dataclass(frozen=True, eq=False)
class Figure(BlockNode):
    source: Any  # Photo | Illustration | model.artwork.Artwork
    alt: str
    decorative: bool = False
    caption: tuple[Inline, ...] = ()
    caption_position: Literal["above", "below"] = "below"
    height: float | None = None
    width: float | None = None
    align: Literal["left", "center", "right"] = "center"
    where: Where = field(default_factory=lambda: Where(""))
    caption_style: str = "caption"

    @property
    def role(self) -> str | None:
        return None if self.decorative else "Figure"

    def text_runs(self):
        yield self.caption, self.where

    def map_runs(self, runs, block):
        return replace(self, caption=runs(self.caption)) if self.caption else self


@dataclass(frozen=True, eq=False)
class Callout(BlockNode):
    """A highlighted box holding other blocks (tagged as a Div so its content reads in place)."""

    blocks: tuple["Block", ...]
    tone: str = "accent"     # a theme colour for the border ("" for none)
    where: Where = field(default_factory=lambda: Where(""))
    border: str = "left"     # left, box or none
    fill: str | None = "tint"  # a theme colour, or None

    role = "Div"

    def children(self):
        return self.blocks

    def map_runs(self, runs, block):
        return replace(self, blocks=_map_blocks(self.blocks, block))


@dataclass(frozen=True, eq=False)
class CallToAction(BlockNode):
    """A prominent link drawn as a button ("Learn more")."""

    text: str
    href: str
    description: str
    where: Where = field(default_factory=lambda: Where(""))
    printed: str = ""  # in print: the address, set beneath the button (which keeps its size)

    role = "P"

    def labels(self):
        yield self.text, self.where


@dataclass(frozen=True, eq=False)
class Reference:
    number: int
    runs: tuple[Inline, ...]
    where: Where = field(default_factory=lambda: Where(""))


@dataclass(frozen=True, eq=False)
class References(BlockNode):
    """The numbered reference list that citations point at; its title is a heading (or omitted)."""

    entries: tuple[Reference, ...]
    title: str = "References"
    where: Where = field(default_factory=lambda: Where(""))
    level: int = 2

    role = "L"

    def text_runs(self):
        for entry in self.entries:
            yield entry.runs, entry.where

    def labels(self):
        if self.title:
            yield self.title, self.where

    def headings(self):
        return (("title", self.level, self.title),) if self.title else ()

    def map_runs(self, runs, block):
        return replace(self, entries=tuple(replace(e, runs=runs(e.runs)) for e in self.entries))


@dataclass(frozen=True, eq=False)
class Safety(BlockNode):
    """Important Safety Information: a titled, boxed section as prominent as the claims."""

    title: str
    blocks: tuple["Block", ...]
    where: Where = field(default_factory=lambda: Where(""))
    level: int = 2  # its title's heading level: H2 in a document, one below the slide title on a slide

    role = "Sect"

    def children(self):
        return self.blocks

    def labels(self):
        yield self.title, self.where

    def headings(self):
        return (("title", self.level, self.title),)

    def map_runs(self, runs, block):
        return replace(self, blocks=_map_blocks(self.blocks, block))


@dataclass(frozen=True, eq=False)
class MaterialId(BlockNode):
    """The job code and date, once as real content (every page also shows it as a footer artifact)."""

    where: Where = field(default_factory=lambda: Where(""))

    role = "P"


@dataclass(frozen=True, eq=False)
class Card:
    """One item of a row of cards: a picture above a short text."""

    figure: Figure | None
    blocks: tuple["Block", ...]
    where: Where = field(default_factory=lambda: Where(""))

    role = "LI"


@dataclass(frozen=True, eq=False)
class Cards(BlockNode):
    """Items shown side by side (each a picture and a short text); read as a list."""

    cards: tuple[Card, ...]
    where: Where = field(default_factory=lambda: Where(""))

    role = "L"

    def children(self):
        out: list[Block] = []
        for card in self.cards:
            out.extend(((card.figure,) if card.figure else ()) + card.blocks)
        return tuple(out)

    def map_runs(self, runs, block):
        return replace(self, cards=tuple(replace(c, blocks=_map_blocks(c.blocks, block)) for c in self.cards))


@dataclass(frozen=True, eq=False)
class Spacer(BlockNode):
    height: float
    where: Where = field(default_factory=lambda: Where(""))

    role = None


@dataclass(frozen=True, eq=False)
class PageBreak(BlockNode):
    """In a flow, the next block starts on a new page."""

    where: Where = field(default_factory=lambda: Where(""))

    role = None


from .notes import Notes  # noqa: E402  (they build on BlockNode above)
from .table import Table  # noqa: E402
from .boxed_warning import BoxedWarning  # noqa: E402
from .charts import Chart, QrCode  # noqa: E402

Block = Union[
    Heading, Paragraph, ListBlock, Figure, Callout, CallToAction, References, Safety, MaterialId,
    Cards, Spacer, PageBreak, Table, Notes, BoxedWarning,
    Chart, QrCode,
]
BLOCK_CLASSES: tuple[type, ...] = Block.__args__  # type: ignore[attr-defined]
