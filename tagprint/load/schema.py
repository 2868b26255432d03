"""The shape of the YAML files, checked by pydantic. Semantic checks live in tagprint.validate."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# ---- content files: a mapping of content id -> list of blocks -------------------------------------

class HeadingSpec(Strict):
    type: Literal["heading"]
    level: int = Field(ge=1, le=6)
    text: str
    style: str = ""
    keep_with_next: bool = True


class ParagraphSpec(Strict):
    type: Literal["paragraph"]
    text: str
    style: str = "body"
    keep_with_next: bool = False


class ItemSpec(Strict):
    text: str
    items: list[Union[str, "ItemSpec"]] = []


class ListSpec(Strict):
    type: Literal["list"]
    ordered: bool = False
    items: list[Union[str, ItemSpec]] = Field(min_length=1)
    style: str = "body"


class FigureSpec(Strict):
    type: Literal["figure"] = "figure"
    image: str | None = None
    illustration: str | None = None
    params: dict[str, Any] = {}
    alt: str | None = None
    decorative: bool = False
    caption: str | None = None
    caption_position: Literal["above", "below"] = "below"
    caption_style: str = "caption"
    height: float | None = Field(default=None, gt=0)
    width: float | None = Field(default=None, gt=0)
    align: Literal["left", "center", "right"] = "center"


class CalloutSpec(Strict):
    type: Literal["callout"]
    tone: str = "accent"
    blocks: list["BlockSpec"] = Field(min_length=1)


class CallToActionSpec(Strict):
    type: Literal["call_to_action"]
    text: str = Field(min_length=1, pattern=r"\S")
    href: str
    description: str = Field(min_length=1, pattern=r"\S")


class ReferenceEntrySpec(Strict):
    n: int = Field(ge=1)
    text: str


class ReferencesSpec(Strict):
    """The numbered reference list citations link to. Its title is a heading (`level`), or none at all
    (`title: null`) when a heading of your own stands above it."""

    type: Literal["references"]
    title: Annotated[str, Field(min_length=1, pattern=r"\S")] | None = Field(
        default="References", description="The list's heading; null for none (never write the label twice)")
    level: int = Field(default=2, ge=1, le=6, description="Heading level of the title (H1–H6)")
    entries: list[Union[str, ReferenceEntrySpec]] = Field(min_length=1)


class SafetySpec(Strict):
    type: Literal["safety"]
    title: str = Field(default="Important Safety Information", min_length=1, pattern=r"\S")
    blocks: list["BlockSpec"] = Field(min_length=1)


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
    type: Literal["material_id"]


class CardSpec(Strict):
    figure: FigureSpec | None = None
    text: str


class CardsSpec(Strict):
    type: Literal["cards"]
    cards: list[CardSpec] = Field(min_length=1)


class SpacerSpec(Strict):
    type: Literal["spacer"]
    height: float = Field(gt=0)


class PageBreakSpec(Strict):
    """In a flow: continue on the next page."""

    type: Literal["page_break"]


BlockSpec = Annotated[
    Union[HeadingSpec, ParagraphSpec, ListSpec, FigureSpec, CalloutSpec, CallToActionSpec,
          ReferencesSpec, SafetySpec, MaterialIdSpec, CardsSpec, SpacerSpec, PageBreakSpec, TableSpec,
          NotesSpec],
    Field(discriminator="type"),
]
BLOCK_TYPES = [spec.model_fields["type"].annotation.__args__[0]  # type: ignore[union-attr]
               for spec in BlockSpec.__origin__.__args__]  # type: ignore[attr-defined]

CalloutSpec.model_rebuild()
SafetySpec.model_rebuild()
ItemSpec.model_rebuild()


# ---- theme -----------------------------------------------------------------------------------------

class TypeStyleSpec(Strict):
    size: float = Field(gt=0, le=200)
    leading: float | None = Field(default=None, gt=0)
    bold: bool = False
    italic: bool = False
    color: str = "text"
    space_before: float = 0
    space_after: float = 6
    tracking: float = 0
    uppercase: bool = False


class ThemeSpec(Strict):
    font: str = "Atkinson Hyperlegible"
    fallback_fonts: list[str] = ["DejaVu Sans"]
    colors: dict[str, str]
    styles: dict[str, TypeStyleSpec]


# ---- layouts ---------------------------------------------------------------------------------------

Coordinate = Annotated[float, Field(ge=-10_000, le=10_000)]
Box = Annotated[list[Coordinate], Field(min_length=4, max_length=4)]
Spacing = Annotated[float, Field(ge=0, le=1_000)]


class RegionSpec(Strict):
    box: Box
    padding: Spacing | Annotated[list[Spacing], Field(min_length=4, max_length=4)] = 0
    background: str | None = None
    valign: Literal["top", "middle", "bottom"] = "top"
    columns: int = Field(default=1, ge=1, le=4)
    gutter: Spacing = 18


class DecorationSpec(Strict):
    band: Box | None = None
    rule: Box | None = None
    color: str
    thickness: Spacing = 1


class TemplateSpec(Strict):
    """Regions in drawing order; with none, the template has one region: the page inside the margins."""

    decorations: list[DecorationSpec] = []
    regions: dict[str, RegionSpec] = {}


class PageSpec(Strict):
    """`regions` (content ids per region, in reading order) and/or `flow` (content ids that flow through
    the template's other regions, adding pages as needed). With both, the placed regions are read first."""

    template: str = Field(description="The template of this page (the first page of a flow)")
    regions: dict[str, list[str]] | None = Field(default=None, description="Content ids per region, read in this order")
    flow: list[str] | None = Field(default=None, description="Content ids that run through the free regions")
    then: str | None = Field(default=None, description="Template of the flow's later pages (default: `template`)")


class DocumentSpec(Strict):
    title: str = Field(min_length=1, pattern=r"\S")
    product: str = ""   # a piece that names it must carry the safety information
    kicker: str = ""
    lang: str
    material_id: str = Field(min_length=1)
    date: str = Field(min_length=1)
    created: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    version: str = "1"
    footer: str = ""


class PageSetupSpec(Strict):
    size: Literal["letter", "a4"] = "letter"
    margins: Annotated[list[Spacing], Field(min_length=4, max_length=4)] = [40, 40, 48, 40]  # top right bottom left


class SlideSpec(Strict):
    """One 16:9 slide: a title, then bullets and/or content blocks, an optional figure, speaker notes."""

    title: str
    layout: Literal["title", "content", "figure", "references"] = "content"
    subtitle: str | None = None
    bullets: list[Union[str, ItemSpec]] = []
    content: list[str] = []         # content ids whose blocks fill the slide's body
    figure: FigureSpec | None = None
    notes: str = ""


class HandoutSpec(Strict):
    kind: Literal["1up", "2up", "3up"]
    size: Literal["letter", "a4"] = "letter"


class LayoutSpec(Strict):
    """A document (templates + pages) or a slide deck (slides + handouts)."""

    document: DocumentSpec
    theme: str
    variants: str | None = None   # a data file: the layout expands into one document per entry
    profiles: list[Literal["screen", "print", "email", "archive"]] = Field(default=["screen"], min_length=1)
    email_budget_kb: int = Field(default=300, ge=10, le=100_000)
    page: PageSetupSpec = PageSetupSpec()
    content: list[str] = []
    templates: dict[str, TemplateSpec] = {}
    pages: list[PageSpec] = []
    slides: list[SlideSpec] = []
    handouts: list[HandoutSpec] = [HandoutSpec(kind="1up"), HandoutSpec(kind="2up"), HandoutSpec(kind="3up"),
                                   HandoutSpec(kind="3up", size="a4")]


ContentSpec = dict[str, list[BlockSpec]]
