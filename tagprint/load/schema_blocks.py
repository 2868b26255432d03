"""The shape of a content file: a mapping of content id to a list of blocks, each block type one spec of
the `BlockSpec` union (charts and QR codes in schema_charts)."""

from __future__ import annotations

import typing
from typing import Annotated, Any, Literal, Union

from pydantic import Field

from .lengths import Extent
from .schema_base import Strict

class HeadingSpec(Strict):
    """A heading (H1–H6). Keeps with the block after it in a flow."""

    type: Literal["heading"]
    level: int = Field(ge=1, le=6)
    """1 for the document title, 2 for sections, 3 below them; levels never skip going deeper."""
    text: str
    """Inline Markdown: strong, emphasis, links, citations, phrases in another language (docs/format.md)."""
    style: str = ""
    """A type style of the theme; empty means h1 … h6 after the level."""
    keep_with_next: bool = True
    """In a flow, never leave the heading alone at the bottom of a region."""
    dir: Literal["ltr", "rtl", "auto"] = "auto"
    """The direction its lines run: auto takes that of its first letter (Arabic, Hebrew: right to left)."""


class ParagraphSpec(Strict):
    """A paragraph of inline Markdown. Splits between lines in a flow, at least two lines each side."""

    type: Literal["paragraph"]
    text: str
    """Inline Markdown: strong, emphasis, links, citations, phrases in another language (docs/format.md)."""
    style: str = "body"
    """A type style of the theme (body, small, lead, …)."""
    keep_with_next: bool = False
    """In a flow, keep the paragraph on the same page as the block after it."""
    dir: Literal["ltr", "rtl", "auto"] = "auto"
    """The direction its lines run: auto takes that of its first letter (Arabic, Hebrew: right to left)."""


class QuoteSpec(Strict):
    """A quotation set apart (BlockQuote): its text beside a bar, and who said it under it."""

    type: Literal["quote"]
    text: str = Field(min_length=1, pattern=r"\S")
    """The quoted words (inline Markdown), without quotation marks."""
    attribution: str = ""
    """Who said it, e.g. "Dr A. Patel, rheumatologist" (inline Markdown); set after a dash, under the text."""
    style: str = "body"
    """A type style of the theme, for the text and the attribution."""


class ItemSpec(Strict):
    """A list item with a nested list."""

    text: str
    """The item's own text (inline Markdown)."""
    items: list[Union[str, "ItemSpec"]] = []
    """A nested list under this item: strings or items with their own items."""


class ListSpec(Strict):
    """A bulleted or numbered list (L, LI, Lbl, LBody)."""

    type: Literal["list"]
    ordered: bool = False
    """Numbered 1., 2., … instead of bullets (tagged /ListNumbering /Decimal)."""
    items: list[Union[str, ItemSpec]] = Field(min_length=1)
    """The items: a string each, or {text, items} for an item with a nested list."""
    style: str = "body"
    """A type style of the theme for the items' text."""


class FigureSpec(Strict):
    """A photo or a drawn illustration, with alt text (or decorative) and an optional caption."""

    type: Literal["figure"] = "figure"
    """May be left out where only a figure can stand (a card's figure, a slide's figure)."""
    image: str | None = None
    """A picture in images/: a photo (JPEG or PNG; a PNG of few flat colours, line art, stays lossless), or
    vector artwork (SVG, or a one-page PDF) drawn as vectors, never as pixels. Give either image or
    illustration."""
    illustration: str | None = None
    """An illustration drawn from parameters; give either image or illustration."""
    params: dict[str, Any] = {}
    """The illustration's parameters; an unknown one is an error that names the allowed ones."""
    alt: str | None = None
    """What the picture shows, for screen readers. Photos need it; an illustration generates one from its
    parameters when it is left out."""
    decorative: bool = False
    """Drawn as an artifact, skipped by screen readers; then no alt text."""
    caption: str | None = None
    """A visible caption, tagged as the figure's Caption (inline Markdown)."""
    caption_position: Literal["above", "below"] = "below"
    """Where the caption stands."""
    caption_style: str = "caption"
    """A type style of the theme for the caption."""
    height: Extent | None = None
    """Height (points, or mm, cm, in); by default from the width and the picture's aspect ratio."""
    width: Extent | None = None
    """Width (points, or mm, cm, in); by default the width of the region or column."""
    align: Literal["left", "center", "right"] = "center"
    """Horizontal placement when the figure is narrower than its column."""


class CalloutSpec(Strict):
    """A shaded box holding other blocks."""

    type: Literal["callout"]
    tone: str = "accent"
    """A theme colour for the callout's border: the bar at its left edge, or the rule around it."""
    border: Literal["left", "box", "none"] = "left"
    """left: a bar in the tone colour down the left edge; box: a rule all round; none: the fill alone."""
    fill: str | None = "tint"
    """A theme colour the box is filled with; null for none (then give it a border)."""
    blocks: list["BlockSpec"] = Field(min_length=1)
    """The blocks inside the box (any block type)."""


class CallToActionSpec(Strict):
    """A button-like link that says where it goes."""

    type: Literal["call_to_action"]
    text: str = Field(min_length=1, pattern=r"\S")
    """The button's text."""
    href: str
    """Where it goes: an https://, http://, mailto: or tel: address (tel:+ and an international number)."""
    description: str = Field(min_length=1, pattern=r"\S")
    """What the link is, for screen readers (the link annotation's /Contents); say where it goes."""


class ReferenceEntrySpec(Strict):
    """A numbered reference."""

    n: int = Field(ge=1)
    """The reference's number, cited in text as {cite}`n`."""
    text: str
    """The reference (inline Markdown)."""


class ReferencesSpec(Strict):
    """The numbered reference list citations link to. Its title is a heading (`level`), or none at all
    (`title: null`) when a heading of your own stands above it."""

    type: Literal["references"]
    title: Annotated[str, Field(min_length=1, pattern=r"\S")] | None = Field(
        default="References", description="The list's heading; null for none (never write the label twice). "
                                          "Left out: the generated word `references_title` in the document's "
                                          "language")
    level: int = Field(default=2, ge=1, le=6, description="Heading level of the title (H1–H6)")
    entries: list[Union[str, ReferenceEntrySpec]] = Field(min_length=1)
    """The references: strings (numbered 1, 2, … in order) or {n, text}."""


class SafetySpec(Strict):
    """Important Safety Information: required when the piece names its product."""

    type: Literal["safety"]
    title: Annotated[str, Field(min_length=1, pattern=r"\S")] | None = None
    """The heading of the safety information (tagged H2); by default "Important Safety Information" in the
    document's language (the generated word `safety_title`)."""
    blocks: list["BlockSpec"] = Field(min_length=1)
    """The safety text: paragraphs, lists and headings."""


class NoteSpec(Strict):
    """One footnote. Mark the place it belongs to in inline text with {note}`*` (same marker)."""

    marker: str = Field(pattern=r"^(\*|\u2020|\u2021|\u00a7|[1-9][0-9]?)$",
                        description="The marker as printed: *, †, ‡, § or a number 1–99")
    text: str = Field(description="The note's text (inline Markdown and citations allowed)")


class NotesSpec(Strict):
    """Footnotes set where this block stands, e.g. right under the paragraph or figure they annotate.
    Each marker is unique within its content id; the markers in the text link to these notes."""

    type: Literal["notes"]
    notes: list[NoteSpec] = Field(min_length=1, description="The notes, in the order they are printed")
    style: str = Field(default="small", description="Theme text style of the notes")
    place: Literal["here", "page_foot"] = Field(
        default="here", description="here: where the block stands; page_foot: at the foot of the page it is "
                                    "reached on (in a flow), still read where it stands")


class CellSpec(Strict):
    """A table cell with more than text: spans or its own alignment."""

    text: str = Field(description="Inline Markdown, citations and footnote markers allowed")
    colspan: int = Field(default=1, ge=1, le=20, description="Grid columns the cell covers")
    rowspan: int = Field(default=1, ge=1, le=200,
                         description="Rows the cell covers (within its header, body or footer)")
    align: Literal["left", "center", "right"] | None = Field(
        default=None, description="Overrides the column's alignment")


class TableSpec(Strict):
    """A data table: the first `header_rows` rows are column headers (repeated on every page the table
    crosses), `row_headers` makes each body row's first cell a row header; the last `footer_rows` rows
    are a footer. Widths are relative (e.g. [2, 1, 1]); a table breaks between body rows."""

    type: Literal["table"]
    caption: str | None = Field(default=None, description="Shown above the table and tagged as its Caption")
    header_rows: int = Field(default=1, ge=0, le=5, description="How many leading rows are column headers")
    footer_rows: int = Field(default=0, ge=0, le=5, description="How many trailing rows are a footer (TFoot)")
    row_headers: bool = Field(default=False, description="The first cell of each body row is a row header")
    widths: list[Annotated[float, Field(gt=0, le=1000)]] | None = Field(
        default=None, description="Relative column widths, one per column (default: equal)")
    align: list[Literal["left", "center", "right"]] | None = Field(
        default=None, description="Alignment per column (default: left)")
    rows: list[list[Union[str, CellSpec]]] = Field(min_length=1, description="Rows of cells, headers first")
    zebra: bool = Field(default=True, description="Stripe every other body row in the `stripe` colour")
    stripe: str = Field(default="tint", description="Theme colour of the zebra stripes")
    rule: str = Field(default="primary", description="Theme colour of the rules under the header and the table")
    style: str = Field(default="small", description="Theme text style of the cells")
    notes: list[NoteSpec] = Field(default=[], description="Footnotes set right under the table")


class MaterialIdSpec(Strict):
    """The material id and date as real content (they are also in every page's footer as an artifact)."""

    type: Literal["material_id"]


class CardSpec(Strict):
    """One card: an optional figure above its text."""

    figure: FigureSpec | None = None
    """An optional picture at the top of the card."""
    text: str
    """The card's text (inline Markdown)."""


class CardsSpec(Strict):
    """Cards side by side, read left to right."""

    type: Literal["cards"]
    cards: list[CardSpec] = Field(min_length=1)
    """The cards, side by side in reading order."""


class SpacerSpec(Strict):
    """Empty vertical space."""

    type: Literal["spacer"]
    height: Extent
    """Empty space (points, or mm, cm, in)."""


class PageBreakSpec(Strict):
    """In a flow: continue on the next page."""

    type: Literal["page_break"]


class BoxedWarningSpec(Strict):
    """A boxed warning ("black box"): its title and text in a ruled black border. Place it first in the
    first region of page 1 (first in the template's regions and in the page's `regions:`) and it is drawn
    and read before the document's title; its title is then the first heading (H1)."""

    type: Literal["boxed_warning"]
    title: Annotated[str, Field(min_length=1, pattern=r"\S")] | None = None
    """The warning's title, e.g. "WARNING: SERIOUS INFECTIONS"; by default "WARNING" in the document's
    language (the generated word `boxed_warning_title`)."""
    level: int = Field(default=1, ge=1, le=6)
    """Its title's heading level: 1 when it is read before the document's title, else one below the
    heading it stands under."""
    rule: float = Field(default=1.5, ge=0.5, le=6)
    """The border's thickness in points."""
    color: str | None = None
    """A theme colour for the border and the title; by default black."""
    title_align: Literal["center", "left"] = "center"
    """Where its title stands: centred, as the FDA's labels set it, or flush left with the text."""
    blocks: list["BlockSpec"] = Field(min_length=1)
    """The warning's text: paragraphs and lists."""

from .schema_charts import ChartSpec, QrSpec  # noqa: E402  (charts and QR codes: their own module)

BlockSpec = Annotated[
    Union[HeadingSpec, ParagraphSpec, ListSpec, FigureSpec, CalloutSpec, CallToActionSpec,
          ReferencesSpec, SafetySpec, MaterialIdSpec, CardsSpec, SpacerSpec, PageBreakSpec, TableSpec,
          NotesSpec, BoxedWarningSpec,
          ChartSpec, QrSpec, QuoteSpec],
    Field(discriminator="type"),
]
BLOCK_TYPES: list[str] = [typing.get_args(spec.model_fields["type"].annotation)[0]
                          for spec in typing.get_args(typing.get_args(BlockSpec)[0])]

CalloutSpec.model_rebuild()
SafetySpec.model_rebuild()
BoxedWarningSpec.model_rebuild()
ItemSpec.model_rebuild()


ContentSpec = dict[str, list[BlockSpec]]
