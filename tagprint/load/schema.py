"""The shape of the YAML files, checked by pydantic. Semantic checks live in tagprint.validate."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import Field

from ..profiles import NAMES as PROFILE_NAMES, SCREEN
from .lengths import Columns, PaperName, length, length_or_auto
from .schema_charts import ChartSpec, QrSpec  # charts and QR codes: their own module
from .strict import Strict

if TYPE_CHECKING:
    ProfileName = str
else:
    ProfileName = Literal[PROFILE_NAMES]  # the output profiles' names, from their registry


# ---- content files: a mapping of content id -> list of blocks -------------------------------------

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
    height: length(gt=0, le=10_000) | None = None
    """Height (points, or mm, cm, in); by default from the width and the picture's aspect ratio."""
    width: length(gt=0, le=10_000) | None = None
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
    height: length(gt=0, le=10_000)
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
    blocks: list["BlockSpec"] = Field(min_length=1)
    """The warning's text: paragraphs and lists."""


BlockSpec = Annotated[
    Union[HeadingSpec, ParagraphSpec, ListSpec, FigureSpec, CalloutSpec, CallToActionSpec,
          ReferencesSpec, SafetySpec, MaterialIdSpec, CardsSpec, SpacerSpec, PageBreakSpec, TableSpec,
          NotesSpec, BoxedWarningSpec,
          ChartSpec, QrSpec, QuoteSpec],
    Field(discriminator="type"),
]
BLOCK_TYPES = [spec.model_fields["type"].annotation.__args__[0]  # type: ignore[union-attr]
               for spec in BlockSpec.__origin__.__args__]  # type: ignore[attr-defined]

CalloutSpec.model_rebuild()
SafetySpec.model_rebuild()
BoxedWarningSpec.model_rebuild()
ItemSpec.model_rebuild()


# ---- theme -----------------------------------------------------------------------------------------

class TypeStyleSpec(Strict):
    """A type style of the theme."""

    size: length(gt=0, le=200)
    """Font size in points (or mm, cm, in)."""
    leading: length(gt=0, le=1_000) | None = None
    """Line distance (points, or mm, cm, in); by default 1.3 × size."""
    bold: bool = False
    """Bold face."""
    italic: bool = False
    """Italic face."""
    color: str = "text"
    """A colour name from the theme's colors."""
    space_before: length(ge=-1_000, le=1_000) = 0
    """Space above a block of this style (points, or mm, cm, in)."""
    space_after: length(ge=-1_000, le=1_000) = 6
    """Space below a block of this style (points, or mm, cm, in)."""
    tracking: length(ge=-100, le=100) = 0
    """Extra space between letters (points, or mm, cm, in)."""
    uppercase: bool = False
    """Set in capitals (the text itself is kept as written, for screen readers)."""
    font: str | None = None
    """A font family for this style (headings in another typeface); by default the theme's font."""
    features: list[Annotated[str, Field(pattern=r"^[-+]?[a-z0-9]{4}$")]] = []
    """OpenType features: `tnum` (tabular figures), `zero` (slashed zero), `-liga` (no ligatures), …"""
    hyphenate: bool = False
    """Hyphenate words at line ends (by each span's language) where that evens the lines."""
    align: Literal["left", "right", "center", "justify"] | None = None
    """How lines sit in their column; by default at the paragraph's start (left, or right for Arabic and
    Hebrew). Justified text sets its last line at the start."""


Percent = Annotated[float, Field(ge=0, le=100)]
InkRecipe = Annotated[list[Percent], Field(min_length=4, max_length=4)]  # C, M, Y, K in percent


class SpotSpec(Strict):
    """A spot ink for a colour (printed as a /Separation with its process alternate)."""

    name: str = Field(min_length=1, max_length=127)
    """The ink's name, e.g. "PANTONE 534 C"."""
    cmyk: InkRecipe
    """The process alternate for proofs and non-spot presses: C, M, Y, K in percent."""


class RecipeSpec(Strict):
    """The brand's print recipe for a theme colour, used verbatim by the print profile."""

    cmyk: InkRecipe
    """C, M, Y, K in percent."""
    spot: SpotSpec | None = None
    """A spot ink to print this colour with instead of the process inks."""


class PressSpec(Strict):
    """The press condition the print profile prints for, and the brand's colour recipes."""

    condition: str = "artifex-swop"
    """A press condition: fogra39, cgats-tr006 (GRACoL), cgats-tr005 (SWOP), artifex-swop, or custom (with
    `profile`); its ICC profile and registered OutputIntent."""
    profile: str | None = Field(default=None, max_length=500)
    """condition: custom only: the project's own CMYK output ICC profile, relative to the theme file."""
    ink_limit: float = Field(default=300, ge=100, le=400)
    """Total area coverage in percent (300 for coated offset); colours and photos stay within it."""
    recipes: dict[str, RecipeSpec] = {}
    """Theme colour name → the brand's print recipe."""
    condition_recipes: dict[str, dict[str, RecipeSpec]] = {}
    """Press condition → recipes for that condition only (the brand's coated/uncoated values), over `recipes`."""


class FontFilesSpec(Strict):
    """The files of a font family per style (paths from the project folder, e.g. fonts/Brand-Bold.otf)."""

    regular: str
    """The upright, regular face (.ttf, .otf, .ttc; a variable font is instanced at weight 400)."""
    bold: str | None = None
    """The bold face (a variable font: instanced at weight 700); by default the regular one."""
    italic: str | None = None
    """The italic face; by default the upright one."""
    bold_italic: str | None = None
    """The bold italic face; by default the bold one."""


class ThemeSpec(Strict):
    """A theme (layouts/themes/NAME.yaml): font, colours and type styles."""

    font: str = "Atkinson Hyperlegible"
    """The text font family: found by name in the project's fonts/ folder, installed font packages
    (fontpkg-*) and the system's fonts, or by the files given under font_files."""
    fallback_fonts: list[str] = ["DejaVu Sans"]
    """Fonts for characters the text font lacks, tried in order."""
    font_files: dict[str, FontFilesSpec] = {}
    """Family name → its files per style, when they should not be found by their names."""
    script_fonts: dict[Literal["arabic", "hebrew", "greek", "cyrillic"], str] = {}
    """A family tried first for the letters of a script (e.g. arabic: Noto Sans Arabic)."""
    colors: dict[str, str]
    """Colour names and their values (#RRGGBB); layouts and styles use the names."""
    styles: dict[str, TypeStyleSpec]
    """Type styles by name: body, caption, small, footer, cta and h1 … h6 are needed."""
    press: PressSpec = PressSpec()
    """How the theme's colours print: press condition, ink limit and the brand's recipes."""


# ---- layouts ---------------------------------------------------------------------------------------

Coordinate = length(ge=-10_000, le=10_000)
Box = Annotated[list[Coordinate], Field(min_length=4, max_length=4)]
Spacing = length(ge=0, le=1_000)


class GridSpec(Strict):
    """Columns across the page inside its margins that regions are placed on (`columns: 1-6`)."""

    columns: int = Field(default=12, ge=1, le=24)
    """How many columns."""
    gutter: Spacing = 12
    """Space between two columns (points, or mm, cm, in); also the default gap between stacked regions."""


class RegionSpec(Strict):
    """A rectangle of the page that content is placed in: a fixed `box`, or placed on the grid (`columns`)
    and stacked (`below`, `top`, `height`)."""

    box: Box | None = None
    """[x, y, width, height] from the top-left corner of the page: points, or lengths such as 20mm. Leave it
    out to place the region on the grid: by `columns`, `top` or `below`, and `height`."""
    top: Coordinate | None = None
    """Without a box: the region's top, from the top of the page (default: the top margin)."""
    below: str | list[str] | None = None
    """Without a box: the region starts under this region of the template (or under the lowest of a
    list of them), after `gap`; when that one grows (height: auto) this one moves down instead of being
    covered."""
    gap: Spacing | None = None
    """Space between this region and the one it is `below` (default: the grid's gutter)."""
    height: length_or_auto() | None = None
    """Without a box: a length, or `auto` (the default): as tall as its content (a flow region: down to
    the bottom margin)."""
    layer: Literal["content", "background"] = "content"
    """`background`: drawn first, and other regions may lie over it (a panel behind text). Regions of
    the content layer may not overlap each other or the footer."""
    padding: Spacing | Annotated[list[Spacing], Field(min_length=4, max_length=4)] = 0
    """Inner space: one length, or [top, right, bottom, left] (points, or mm, cm, in)."""
    background: str | None = None
    """A theme colour filling the region (drawn as an artifact)."""
    valign: Literal["top", "middle", "bottom"] = "top"
    """Where the content sits when it is shorter than the region."""
    columns: Columns = 1
    """A span of the grid's columns such as `1-6` (without a box: the region's left and right edges), or a
    number: the columns a reference list in this region is set in (other blocks are not set in columns: for
    text in columns, place regions side by side and flow through them)."""
    gutter: Spacing = 18
    """Space between columns (points, or mm, cm, in)."""


class DecorationSpec(Strict):
    """A band, a rule or a picture (a logo) drawn as an artifact on every page of the template."""

    band: Box | None = None
    """A filled rectangle [x, y, width, height]; give band, rule or image."""
    rule: Box | None = None
    """A line [x, y, dx, dy]: from (x, y) to (x + dx, y + dy); [40, 700, 532, 0] is a horizontal rule."""
    image: str | None = None
    """A picture in images/ (SVG or one-page PDF artwork, drawn as vectors; or a PNG or JPEG), drawn in
    `box` as an artifact: a logo screen readers need not hear on every page."""
    box: Box | None = None
    """Where the image is drawn: [x, y, width, height]; it keeps its shape, centred in the box."""
    color: str | None = None
    """A theme colour (a band's or a rule's)."""
    thickness: Spacing = 1
    """Line width of a rule (points, or mm, cm, in)."""


class TemplateSpec(Strict):
    """Regions in drawing order; with none, the template has one region: the page inside the margins."""

    grid: GridSpec | None = None
    """The grid its regions are placed on (default: the page's grid)."""
    decorations: list[DecorationSpec] = []
    """Bands and rules drawn as artifacts, before the regions."""
    regions: dict[str, RegionSpec] = {}
    """Named regions in drawing order."""


class PageSpec(Strict):
    """`regions` (content ids per region, in reading order) and/or `flow` (content ids that flow through
    the template's other regions, adding pages as needed). With both, the placed regions are read first."""

    template: str = Field(description="The template of this page (the first page of a flow)")
    regions: dict[str, list[str]] | None = Field(default=None, description="Content ids per region, read in this order")
    flow: list[str] | None = Field(default=None, description="Content ids that run through the free regions")
    then: str | None = Field(default=None, description="Template of the flow's later pages (default: `template`)")


class DocumentSpec(Strict):
    """What the document is."""

    title: str = Field(min_length=1, pattern=r"\S")
    """The document title: the PDF title viewers show."""
    product: str = ""   # a piece that names it must carry the safety information
    """The product the piece names; a piece that names it must carry safety information."""
    kicker: str = ""
    """A short line above the title (optional)."""
    lang: str
    """The document language, BCP-47 (en-US, fr-FR, de)."""
    material_id: str = Field(min_length=1)
    """The material id printed with the date on every page (letters, digits, - _ .)."""
    date: str = Field(min_length=1)
    """The material date printed with the id, such as 11/2026."""
    created: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    """The PDF's creation date, YYYY-MM-DD (SOURCE_DATE_EPOCH overrides it)."""
    version: str = "1"
    """The approved version; an archived version is never overwritten, so a change needs a new one."""
    footer: str = ""
    """Extra footer text on every page (an artifact)."""


class PageSetupSpec(Strict):
    """Paper size and margins."""

    size: PaperName | Annotated[list[PaperName], Field(min_length=1, max_length=2)] = "letter"
    """US letter (612 × 792 pt) or A4 (595 × 842 pt), in any case; a list such as [letter, a4] builds one
    output per size (named NAME-letter, NAME-a4), each with the page's own margins."""
    margins: Annotated[list[Spacing], Field(min_length=4, max_length=4)] = [40, 40, 48, 40]  # top right bottom left
    """[top, right, bottom, left] (points, or mm, cm, in): the page of a template with no regions, and the
    frame a grid is set in."""
    grid: GridSpec = GridSpec()
    """The column grid inside the margins that regions without a box are placed on (a template may have
    its own)."""


class SlideSpec(Strict):
    """One 16:9 slide: a title, then bullets and/or content blocks, an optional figure, speaker notes."""

    title: str
    """The slide's title (its heading)."""
    layout: Literal["title", "content", "figure", "references"] = "content"
    """The slide's arrangement."""
    subtitle: str | None = None
    """A line under the title (title slides)."""
    bullets: list[Union[str, ItemSpec]] = []
    """Bullet points: strings, or {text, items} for nested ones."""
    content: list[str] = []         # content ids whose blocks fill the slide's body
    """Content ids whose blocks fill the slide's body."""
    figure: FigureSpec | None = None
    """A picture beside or below the text."""
    notes: str = ""
    """Speaker notes: read after the slide, printed in 1-up and 2-up handouts."""


class HandoutSpec(Strict):
    """A handout printed from a deck."""

    kind: Literal["1up", "2up", "3up"]
    """1up: a slide and its notes per page; 2up: two, each with notes; 3up: three, with lines for notes."""
    size: PaperName = "letter"
    """Paper size: letter or A4 (any case)."""


class VariantsSpec(Strict):
    """Variants limited to some profiles: e.g. one e-mail copy per field representative, while screen and
    print are built once, with `defaults` filled in."""

    file: str
    """The data file: a list of mappings, each with an id and the values of {{name}} placeholders."""
    profiles: list[ProfileName] = Field(min_length=1)
    """The profiles built once per variant; the layout's other profiles are built once, as one document."""
    defaults: dict[str, str] = {}
    """The values of the placeholders in the document built once (the profiles not listed above)."""


class AcceptedWarningSpec(Strict):
    """A warning this layout accepts on purpose: shown once in the build's summary, not at every build."""

    id: str = Field(min_length=1)
    """The warning's id as printed, e.g. placeholder:references[0] (a block's id covers the blocks in it)."""
    reason: str = Field(min_length=1)
    """Why it is accepted (approve still refuses it unless --accept names it)."""


class ApprovalSpec(Strict):
    """What an approval of this layout needs."""

    roles: list[str] = []
    """The roles that must each sign a version before verify calls it approved, e.g. [medical, legal, regulatory]."""
    accept: list[AcceptedWarningSpec] = []
    """Warnings accepted on purpose (placeholder copy in an example); approve refuses them unless --accept names them."""
    timestamp_url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """An RFC 3161 timestamp authority: each approval signature gets a timestamp from it (PAdES B-T)."""


class LayoutSpec(Strict):
    """A document (templates + pages) or a slide deck (slides + handouts)."""

    document: DocumentSpec
    """What the document is: title, language, material id, dates."""
    theme: str
    """A theme in layouts/themes/ (without .yaml): colours and type styles."""
    variants: str | VariantsSpec | None = None   # a data file: the layout expands into one document per entry
    """A data file (a list of {id, …}); the layout is built once per entry with {{name}} filled in. Or
    {file, profiles, defaults}: only those profiles are built per entry, the others once with `defaults`."""

    @property
    def variants_file(self) -> str | None:
        """The variants' data file, in either form of `variants`."""
        return self.variants.file if isinstance(self.variants, VariantsSpec) else self.variants
    profiles: list[ProfileName] = Field(default=[SCREEN.name], min_length=1)
    """The outputs built: screen, print, email, archive."""
    words: dict[str, str] = {}
    """The words tagprint writes itself, overridden: catalogue key → text, e.g. {continued: "(Fortsetzung)",
    page_of: "S. {n}/{m}"}. By default they come from the catalogue in the document's language (en, de, fr,
    es, it; others fall back to English with a warning). The keys: "Generated words" below."""
    email_budget_kb: int = Field(default=300, ge=10, le=100_000)
    """The email profile's size budget, in kB."""
    approval: ApprovalSpec = ApprovalSpec()
    """The roles an approval needs, and warnings accepted on purpose."""
    page: PageSetupSpec = PageSetupSpec()
    """The paper size and the margins of every page."""
    content: list[str] = []
    """Content files to read; by default every file in content/."""
    templates: dict[str, TemplateSpec] = {}
    """Page templates by name: decorations and regions."""
    pages: list[PageSpec] = []
    """The pages in order (a document); or give slides."""
    slides: list[SlideSpec] = []
    """The slides in order (a 16:9 deck, with handouts)."""
    handouts: list[HandoutSpec] = [HandoutSpec(kind="1up"), HandoutSpec(kind="2up"), HandoutSpec(kind="3up"),
                                   HandoutSpec(kind="3up", size="a4")]
    """The handouts built from a deck."""


ContentSpec = dict[str, list[BlockSpec]]
