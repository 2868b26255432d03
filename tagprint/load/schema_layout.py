"""The shape of a layout file: the document's fields, the page setup and grid, templates (regions and
decorations), pages or slides and handouts, variants and what an approval needs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal, Union

from pydantic import Field

from ..profiles import NAMES as PROFILE_NAMES, SCREEN
from .lengths import Columns, Coordinate, HeightOrAuto, PaperName, Spacing
from .schema_base import Strict
from .schema_blocks import FigureSpec, ItemSpec

if TYPE_CHECKING:
    ProfileName = str
else:
    ProfileName = Literal[PROFILE_NAMES]  # the output profiles' names, from their registry

Box = Annotated[list[Coordinate], Field(min_length=4, max_length=4)]


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
    bottom: Coordinate | None = None
    """Without a box: the region stands at the foot of the page, its bottom edge this far above the bottom
    margin (0: on it), as tall as its content or its `height`: on a deeper paper it stays at the foot. Not
    with `top` or `below`."""
    below: str | list[str] | None = None
    """Without a box: the region starts under this region of the template (or under the lowest of a
    list of them), after `gap`; when that one grows (height: auto) this one moves down instead of being
    covered."""
    gap: Spacing | None = None
    """Space between this region and the one it is `below` (default: the grid's gutter)."""
    same_height: str | list[str] | None = None
    """Without a box: as tall as the tallest of these regions and itself (each as tall as its content), so a
    row of panels ends level (a masthead beside its photo); a region at the foot (`bottom`) grows upward."""
    height: HeightOrAuto | None = None
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


class EditionSpec(Strict):
    """What differs in the edition built on one paper size (a layout with `size: [letter, a4]`): its own
    material id, footer line, margins, and content or pages in place of the layout's; everything else is the
    layout's."""

    material_id: str | None = Field(default=None, min_length=1)
    """This edition's material id (two formats of a piece carry two ids)."""
    footer: str | None = None
    """This edition's footer line (e.g. the market it is for)."""
    margins: Annotated[list[Spacing], Field(min_length=4, max_length=4)] | None = None
    """This edition's margins [top, right, bottom, left] (e.g. a deeper foot on the taller A4 page)."""
    content: dict[str, str] = {}
    """Content ids this edition sets in place of the layout's: {reporting: reporting-int} puts content id
    reporting-int wherever reporting stands (a market's own reporting line or legal text)."""
    pages: list[PageSpec] | None = None
    """This edition's pages, in place of the layout's: the same content composed for its paper (the deeper A4
    page holding a section the letter page has no room for). Same keys as the layout's `pages`."""


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
    editions: dict[PaperName, EditionSpec] = {}
    """Per paper size listed in `size`, what its edition changes: {a4: {material_id: …, footer: …,
    margins: […]}}."""


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
