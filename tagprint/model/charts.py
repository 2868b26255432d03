"""Charts and QR codes: numbers and an address, drawn as vectors by the layout; no drawing here."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from ..errors import Where
from ..words import ENGLISH, Words
from .node import BlockNode
from .inline import Inline
from .parts import GRAPHIC
from .table import Table

ChartKind = Literal["bar", "stacked_bar", "line", "forest"]

@dataclass(frozen=True, eq=False)
class ChartSeries:
    name: str
    values: tuple[float, ...]
    color: str  # a theme colour name
    low: tuple[float, ...] = ()   # a forest plot's confidence intervals
    high: tuple[float, ...] = ()


@dataclass(frozen=True, eq=False)
class Axis:
    """The value axis: its range, ticks and how its numbers are written."""

    low: float
    high: float
    step: float
    unit: str = ""
    decimals: int = 0
    title: str = ""

    tick_decimals: int = 0
    log: bool = False  # a log scale (ratios), its ticks at powers of two
    words: Words = ENGLISH  # the document's words: its numbers written its language's way (0,62 in German)

    def ticks(self) -> tuple[float, ...]:
        if self.log:
            first, last = math.ceil(math.log2(self.low) - 1e-9), math.floor(math.log2(self.high) + 1e-9)
            return tuple(2.0 ** k for k in range(first, last + 1))
        n = int((self.high - self.low) / self.step + 1e-9)
        return tuple(round(self.low + i * self.step, 9) for i in range(n + 1))

    def fraction(self, value: float) -> float:
        """Where a value lies along the axis, 0 at its low end and 1 at its high end."""
        if self.log:
            return (math.log(value) - math.log(self.low)) / (math.log(self.high) - math.log(self.low))
        return (value - self.low) / (self.high - self.low)

    def text(self, value: float, decimals: int | None = None) -> str:
        """A number as every part of the chart writes it (labels, alt text, data table; ticks with the
        decimals their step needs)."""
        shown = self.words.number(value, self.decimals if decimals is None else decimals)
        return self.words.with_unit(shown.replace("-", "\u2212"), self.unit)

    def tick_text(self, value: float) -> str:
        if self.log:  # powers of two: 0.25, 0.5, 1, 2
            return self.words.with_unit(self.words.number(value), self.unit)
        return self.text(value, self.tick_decimals)


@dataclass(frozen=True, eq=False)
class Chart(BlockNode):
    """A chart: categories × series of numbers, its alt text generated from them, optionally followed by a
    data table with the same numbers (the table block's layout and tags)."""

    kind: ChartKind
    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    axis: Axis
    alt: str
    horizontal: bool = False
    category_title: str = ""
    value_labels: bool = True
    legend: bool = True
    reference: float | None = None
    favours: tuple[str, str] | None = None
    favours_labels: tuple[str, str] | None = None  # as drawn under the axis ("← Favours Drug")
    source: tuple[Inline, ...] = ()
    table: Table | None = None
    height: float = 200.0
    width: float | None = None
    where: Where = field(default_factory=lambda: Where(""))
    data: str = ""  # the CSV the numbers come from (relative to the project), an input of the build

    role = "Figure"
    # its alt text carries every number (so the font check sees what is drawn, and the diff a changed value)
    label_fields = ("drawn", "alt")
    heading_field = ""
    text_role = GRAPHIC

    @property
    def data_files(self) -> tuple[str, ...]:
        return (self.data,) if self.data else ()

    @property
    def drawn(self) -> tuple[str, ...]:
        """The words it draws (categories, series, axis titles), once each."""
        shown = [*self.categories, *(s.name for s in self.series), self.axis.title, self.category_title,
                 *(self.favours or ())]
        return tuple(dict.fromkeys(t for t in shown if t))


@dataclass(frozen=True, eq=False)
class QrCode(BlockNode):
    """A QR code: its modules (rows of dark/light, quiet zone included), the address it opens, a live
    link where links are live, and an optional caption beside it."""

    href: str
    modules: tuple[tuple[bool, ...], ...]
    alt: str
    description: str
    size: float = 72.0
    color: str = "text"
    caption: tuple[Inline, ...] = ()
    caption_position: Literal["right", "left", "below", "above"] = "right"
    caption_style: str = "body"
    align: Literal["left", "center", "right"] = "left"
    min_module_mm: float = 0.4
    where: Where = field(default_factory=lambda: Where(""))
    caption_where: Where = field(default_factory=lambda: Where(""))

    role = "Figure"
    label_fields = ("alt",)  # where the code goes: a changed address is a change
    heading_field = ""
    text_role = GRAPHIC

    @property
    def module_mm(self) -> float:
        return self.size / len(self.modules) * 25.4 / 72
