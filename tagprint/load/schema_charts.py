"""The shape of the chart and QR code blocks (imported into schema.py's block union)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .schema_base import Strict

Number = Annotated[float, Field(ge=-1e9, le=1e9)]


class ChartSeriesSpec(Strict):
    """One series of a chart: its name and its numbers (inline), or the CSV column they come from."""

    name: str | None = Field(default=None, min_length=1, pattern=r"\S")
    """The series' name, shown in the legend, the direct labels, the alt text and the data table (by default
    the CSV column's name)."""
    values: list[Number] | None = None
    """One number per category (a forest plot: the point estimates); or give `column`."""
    column: str | None = None
    """The CSV column (by its header) the numbers come from, with `data:`."""
    low: list[Number] | None = None
    """A forest plot: the lower ends of the confidence intervals, one per category."""
    high: list[Number] | None = None
    """A forest plot: the upper ends of the confidence intervals, one per category."""
    low_column: str | None = None
    """A forest plot with `data:`: the CSV column of the lower ends."""
    high_column: str | None = None
    """A forest plot with `data:`: the CSV column of the upper ends."""
    color: str | None = None
    """A theme colour (by default primary, secondary, accent, … in turn)."""


class ChartSpec(Strict):
    """A bar, line or forest chart drawn as vectors from its numbers; tagged as a Figure whose alt text
    lists every value, optionally followed by a data table with the same numbers."""

    type: Literal["chart"]
    kind: Literal["bar", "stacked_bar", "line", "forest"]
    """bar: grouped bars; stacked_bar: bars stacked per category; line: lines with markers; forest: point
    estimates with confidence intervals and a reference line."""
    title: str = Field(min_length=1, pattern=r"\S")
    """What the chart shows ("ACR20 at week 24"): it opens the alt text and is the data table's caption."""
    orientation: Literal["vertical", "horizontal"] = "vertical"
    """Bars standing (vertical) or lying (horizontal); a forest plot is always horizontal."""
    data: str | None = None
    """A CSV file in data/ (e.g. data/acr20.csv), named relative to the project: its first column holds the
    categories, its header row the column names."""
    categories: list[Annotated[str, Field(min_length=1)]] | None = None
    """The categories (bar groups, points of a line, rows of a forest plot); with `data:`, the first column."""
    series: list[ChartSeriesSpec] | None = None
    """The series; with `data:` and no series, every column after the first is one."""
    value_title: str | None = None
    """The value axis' title ("Patients responding, %")."""
    category_title: str | None = None
    """The category axis' title ("Week")."""
    min: Number | None = None
    """The value axis' lowest value (default: 0, or below the smallest value)."""
    max: Number | None = None
    """The value axis' highest value (default: a round number above the largest value)."""
    step: Annotated[float, Field(gt=0)] | None = None
    """The distance between ticks and gridlines on the value axis (default: a round number)."""
    unit: str = ""
    """Written after every value in labels, ticks, the alt text and the table ("%" or " %")."""
    decimals: int | None = Field(default=None, ge=0, le=6)
    """Decimals shown (default: as many as the numbers have, so no value is rounded)."""
    value_labels: bool = True
    """Each bar or point labelled with its value."""
    legend: bool | None = None
    """A legend above the plot (default: with more than one series)."""
    scale: Literal["linear", "log"] = "linear"
    """A forest plot's value axis: linear, or log (ratios: 0.5 and 2 equally far from 1), its ticks at
    powers of two."""
    reference: Number | None = None
    """A forest plot's reference line (1 for ratios, 0 for differences); default 1."""
    favours: Annotated[list[str], Field(min_length=2, max_length=2)] | None = None
    """A forest plot: what each side of the reference line favours, e.g. [Drug, Placebo]."""
    summary: str | None = None
    """A sentence added to the generated alt text (what the chart shows, in words)."""
    source: str | None = None
    """A source or footnote line under the chart (inline Markdown)."""
    data_table: bool = False
    """Follow the chart with a tagged data table holding the same numbers."""
    table_caption: str | None = None
    """The data table's caption, as a designed table is titled ("Table 1: ACR response at week 24");
    default: the title, saying the table holds the chart's numbers. Needs `data_table: true`."""
    height: float = Field(default=200, gt=40, le=1000)
    """The chart's height in points (a forest plot: at least a row per category)."""
    width: float | None = Field(default=None, gt=60)
    """Width in points; by default the width of the region or column."""


class QrSpec(Strict):
    """A QR code that opens an address: vector modules, a live link on screen and in e-mail, a Figure whose
    alt text says where it goes. Its caption (the printed address) can stand beside it."""

    type: Literal["qr"]
    href: str
    """Where it goes: an https://, http:// or mailto: address, encoded in the code."""
    description: str | None = None
    """What the link is (the link's description for screen readers); by default the address."""
    alt: str | None = None
    """The figure's alt text; by default "QR code: opens …" with the address."""
    size: float = Field(default=72, ge=20, le=600)
    """The code's width and height in points, quiet zone included."""
    error_correction: Literal["L", "M", "Q", "H"] = "M"
    """How much of the code may be damaged or covered and still read: L 7 %, M 15 %, Q 25 %, H 30 %."""
    quiet_zone: int = Field(default=4, ge=2, le=10)
    """White modules around the code (4 is the standard's minimum for QR codes)."""
    min_module_mm: float = Field(default=0.4, ge=0.1, le=5)
    """The least module size (mm) the print profile accepts; a smaller code is a problem."""
    color: str = "text"
    """A dark theme colour for the modules (printed in black ink only)."""
    caption: str | None = None
    """Text shown beside or under the code, usually the printed address (inline Markdown)."""
    caption_position: Literal["right", "left", "below", "above"] = "right"
    """Where the caption stands: right or left of the code (vertically centred), above or below it."""
    caption_style: str = "body"
    """A type style of the theme for the caption."""
    align: Literal["left", "center", "right"] = "left"
    """Horizontal placement of the code and its caption in the column."""
