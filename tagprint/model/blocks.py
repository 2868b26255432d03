"""Blocks: the semantic units a content file holds and a layout places. No drawing here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Union

from ..errors import Where
from .inline import Inline


@dataclass(frozen=True, eq=False)
class Heading:
    level: int
    runs: tuple[Inline, ...]
    where: Where = field(default_factory=lambda: Where(""))
    style: str = ""
    text_where: Where = field(default_factory=lambda: Where(""))
    keep_with_next: bool = True

    @property
    def role(self) -> str:
        return f"H{self.level}"


@dataclass(frozen=True, eq=False)
class Paragraph:
    runs: tuple[Inline, ...]
    where: Where = field(default_factory=lambda: Where(""))
    style: str = "body"
    text_where: Where = field(default_factory=lambda: Where(""))
    keep_with_next: bool = False

    role = "P"


@dataclass(frozen=True, eq=False)
class ListItem:
    runs: tuple[Inline, ...]
    children: "ListBlock | None" = None
    where: Where = field(default_factory=lambda: Where(""))

    role = "LI"


@dataclass(frozen=True, eq=False)
class ListBlock:
    items: tuple[ListItem, ...]
    ordered: bool = False
    where: Where = field(default_factory=lambda: Where(""))
    style: str = "body"

    role = "L"


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
class Figure:
    source: Photo | Illustration
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


@dataclass(frozen=True, eq=False)
class Callout:
    """A highlighted box holding other blocks (tagged as a Div so its content reads in place)."""

    blocks: tuple["Block", ...]
    tone: str = "accent"
    where: Where = field(default_factory=lambda: Where(""))

    role = "Div"


@dataclass(frozen=True, eq=False)
class CallToAction:
    """A prominent link drawn as a button ("Learn more")."""

    text: str
    href: str
    description: str
    where: Where = field(default_factory=lambda: Where(""))

    role = "P"


@dataclass(frozen=True, eq=False)
class Reference:
    number: int
    runs: tuple[Inline, ...]
    where: Where = field(default_factory=lambda: Where(""))


@dataclass(frozen=True, eq=False)
class References:
    """The numbered reference list that citations point at."""

    entries: tuple[Reference, ...]
    title: str = "References"
    where: Where = field(default_factory=lambda: Where(""))

    role = "L"


@dataclass(frozen=True, eq=False)
class Safety:
    """Important Safety Information: a titled, boxed section as prominent as the claims."""

    title: str
    blocks: tuple["Block", ...]
    where: Where = field(default_factory=lambda: Where(""))

    role = "Sect"


@dataclass(frozen=True, eq=False)
class MaterialId:
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
class Cards:
    """Items shown side by side (each a picture and a short text); read as a list."""

    cards: tuple[Card, ...]
    where: Where = field(default_factory=lambda: Where(""))

    role = "L"


@dataclass(frozen=True, eq=False)
class Spacer:
    height: float
    where: Where = field(default_factory=lambda: Where(""))

    role = None


@dataclass(frozen=True, eq=False)
class PageBreak:
    """In a flow, the next block starts on a new page."""

    where: Where = field(default_factory=lambda: Where(""))

    role = None


Block = Union[
    Heading, Paragraph, ListBlock, Figure, Callout, CallToAction, References, Safety, MaterialId,
    Cards, Spacer, PageBreak,
]
