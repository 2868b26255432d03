"""Blocks: the semantic units a content file holds and a layout places. No drawing here.

Every block type answers the same few questions, so traversal is written once (never an isinstance
ladder elsewhere): `children()` (nested blocks in reading order), `text_runs()` (the inline text it shows
directly, with where it was written), `labels()` (plain strings it shows), `headings()` (the headings it
contributes: part, level, text), `footnotes()` and `map_runs()` (a copy with every inline run rewritten).
The answers come from the types of its fields and its few declarations (`model.parts`), never from
methods a new block type could forget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Callable, ClassVar, Iterator, Literal, Union, get_args

from ..errors import Where
from . import parts
from .boxed_warning import BoxedWarning
from .charts import Chart, QrCode
from .inline import Inline
from .node import BlockFn, BlockNode, RunsFn  # noqa: F401  (the base of every block, named here too)
from .notes import Notes
from .quote import Quote
from .table import Table
from .parts import (BODY_TEXT, BUTTON, CAPTION, CONTAINER, HEADING, MATERIAL_ID, REFERENCES, SAFETY, SPACE,
                    Inside)

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

    label_fields = ()
    heading_field = "runs"
    text_role = HEADING


@dataclass(frozen=True, eq=False)
class Paragraph(BlockNode):
    runs: tuple[Inline, ...]
    where: Where = field(default_factory=lambda: Where(""))
    style: str = "body"
    text_where: Where = field(default_factory=lambda: Where(""))
    keep_with_next: bool = False
    dir: str = "auto"  # the paragraph direction: ltr, rtl, or auto (its first strong letter)

    role = "P"
    label_fields = ()
    heading_field = ""
    text_role = BODY_TEXT


@dataclass(frozen=True, eq=False)
class ListItem:
    runs: tuple[Inline, ...]
    children: Annotated["ListBlock | None", Inside] = None  # its items are this list's items
    where: Where = field(default_factory=lambda: Where(""))

    role = "LI"


@dataclass(frozen=True, eq=False)
class ListBlock(BlockNode):
    items: tuple[ListItem, ...]
    ordered: bool = False
    where: Where = field(default_factory=lambda: Where(""))
    style: str = "body"

    role = "L"
    label_fields = ()
    heading_field = ""
    text_role = BODY_TEXT


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

    label_fields = ()
    heading_field = ""
    text_role = CAPTION


@dataclass(frozen=True, eq=False)
class Callout(BlockNode):
    """A highlighted box holding other blocks (tagged as a Div so its content reads in place)."""

    blocks: tuple["Block", ...]
    tone: str = "accent"     # a theme colour for the border ("" for none)
    where: Where = field(default_factory=lambda: Where(""))
    border: str = "left"     # left, box or none
    fill: str | None = "tint"  # a theme colour, or None

    role = "Div"
    label_fields = ()
    heading_field = ""
    text_role = CONTAINER


@dataclass(frozen=True, eq=False)
class CallToAction(BlockNode):
    """A prominent link drawn as a button ("Learn more")."""

    text: str
    href: str
    description: str
    where: Where = field(default_factory=lambda: Where(""))
    printed: str = ""  # in print: the address, set beneath the button (which keeps its size)

    role = "P"
    label_fields = ("text",)
    heading_field = ""
    text_role = BUTTON


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
    label_fields = ("title",)
    heading_field = "title"
    text_role = REFERENCES


@dataclass(frozen=True, eq=False)
class Safety(BlockNode):
    """Important Safety Information: a titled, boxed section as prominent as the claims."""

    title: str
    blocks: tuple["Block", ...]
    where: Where = field(default_factory=lambda: Where(""))
    level: int = 2  # its title's heading level: H2 in a document, one below the slide title on a slide

    role = "Sect"
    label_fields = ("title",)
    heading_field = "title"
    text_role = SAFETY


@dataclass(frozen=True, eq=False)
class MaterialId(BlockNode):
    """The job code and date, once as real content (every page also shows it as a footer artifact)."""

    where: Where = field(default_factory=lambda: Where(""))

    role = "P"
    label_fields = ()
    heading_field = ""
    text_role = MATERIAL_ID


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
    label_fields = ()
    heading_field = ""
    text_role = CONTAINER


@dataclass(frozen=True, eq=False)
class Spacer(BlockNode):
    height: float
    where: Where = field(default_factory=lambda: Where(""))

    role = None
    label_fields = ()
    heading_field = ""
    text_role = SPACE


@dataclass(frozen=True, eq=False)
class PageBreak(BlockNode):
    """In a flow, the next block starts on a new page."""

    where: Where = field(default_factory=lambda: Where(""))

    role = None
    label_fields = ()
    heading_field = ""
    text_role = SPACE


Block = Union[
    Heading, Paragraph, ListBlock, Figure, Callout, CallToAction, References, Safety, MaterialId,
    Cards, Spacer, PageBreak, Table, Notes, BoxedWarning,
    Chart, QrCode, Quote,
]
BLOCK_CLASSES: tuple[type, ...] = get_args(Block)  # the union's members, in the order written
parts.NAMESPACE.update(vars())  # the names block annotations use ("Block", the members), for model.parts
