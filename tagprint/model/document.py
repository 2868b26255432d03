"""The document as a whole: metadata, theme, page geometry and where each section goes."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Where
from ..words import Words
from .blocks import Block

Color = tuple[float, float, float]  # sRGB, 0..1


FOOTER_SEPARATOR = " · "  # between the material id, its date and the footer text, on every page


@dataclass(frozen=True)
class TypeStyle:
    size: float
    leading: float
    bold: bool = False
    italic: bool = False
    color: str = "text"
    space_before: float = 0.0
    space_after: float = 6.0
    tracking: float = 0.0
    uppercase: bool = False
    font: str | None = None               # a family of its own (else the theme's font)
    features: tuple[str, ...] = ()        # OpenType features: "tnum", "zero", "-liga"
    hyphenate: bool = False
    align: str | None = None              # left, right, center, justify; None: the paragraph's start


Ink = tuple[float, float, float, float]  # C, M, Y, K, 0..1


@dataclass(frozen=True)
class Recipe:
    """A brand colour's print values: process CMYK, or a spot ink (a Separation) with its CMYK alternate."""

    cmyk: Ink
    spot: str | None = None


@dataclass(frozen=True)
class Press:
    """How the print profile prints the theme: the press condition, its ink limit and the brand recipes."""

    condition: str = "artifex-swop"
    ink_limit: float = 3.0                          # total area coverage, 0..4 (300 %)
    recipes: dict[str, Recipe] = field(default_factory=dict)  # theme colour name -> recipe (this condition's)
    profile: str = ""                               # condition "custom": the ICC profile's absolute path


@dataclass(frozen=True)
class Theme:
    colors: dict[str, Color]
    styles: dict[str, TypeStyle]
    font: str = "Atkinson Hyperlegible"
    fallback_fonts: tuple[str, ...] = ("DejaVu Sans",)
    press: Press = field(default_factory=Press)
    script_fonts: tuple[tuple[str, str], ...] = ()  # (script, family): tried first for that script's letters

    def color(self, name: str) -> Color:
        return self.colors[name]


@dataclass(frozen=True)
class Section:
    """A reusable piece of content (a content id): one or more blocks, tagged as a Sect."""

    id: str
    blocks: tuple[Block, ...]
    where: Where = field(default_factory=lambda: Where(""))

    role = "Sect"


@dataclass(frozen=True)
class Rect:
    """A box in points, measured from the top-left corner of the page."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Region:
    name: str
    box: Rect
    padding: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # top right bottom left
    background: str | None = None
    valign: str = "top"
    columns: int = 1
    gutter: float = 18.0
    where: Where = field(default_factory=lambda: Where(""))
    layer: str = "content"  # or "background": drawn first, and other regions may lie over it
    below: tuple[str, ...] = ()  # stacked under these regions of the template (its y is found at layout time)
    gap: float = 0.0  # between this region and the one it is below
    auto_height: bool = False  # as tall as its content (a flow region: down to the bottom margin)
    from_bottom: float | None = None  # stands at the page's foot: its bottom edge this far above the page's edge
    same_height: tuple[str, ...] = ()  # as tall as the tallest of these regions (a row that ends level)

    @property
    def adapts(self) -> bool:
        """Whether its box depends on what is set on the page (found again for each page)."""
        return bool(self.below) or self.auto_height or bool(self.same_height)


@dataclass(frozen=True)
class Decoration:
    """A band, rule or picture drawn as an artifact: `kind` is "band" (filled rect), "rule" (a line) or
    "picture" (a decorative figure: a logo)."""

    kind: str
    box: Rect
    color: str
    thickness: float = 1.0
    figure: Block | None = None  # kind "picture": a decorative Figure drawn in `box`


@dataclass(frozen=True)
class Template:
    name: str
    regions: tuple[Region, ...]
    decorations: tuple[Decoration, ...] = ()

    def region(self, name: str) -> Region:
        return next(r for r in self.regions if r.name == name)


@dataclass(frozen=True)
class Placement:
    """Sections placed in one region of one page, in reading order."""

    region: str
    sections: tuple[Section, ...]
    where: Where = field(default_factory=lambda: Where(""))


@dataclass(frozen=True)
class Page:
    """A page of the layout: sections placed in regions, or a flow that may become several pages."""

    template: Template
    placements: tuple[Placement, ...]  # in reading order
    where: Where = field(default_factory=lambda: Where(""))
    flow: tuple[Section, ...] = ()
    notes: Section | None = None  # a slide's speaker notes: read after the slide, shown in handouts
    title: str = ""               # a slide's name, for its Sect in the tag tree
    then: Template | None = None  # a flow's pages after the first (default: the same template)
    read_last: tuple[str, ...] = ()  # regions placed by hand that are read after the flow (a slide's figure)

    def sections(self) -> list[Section]:
        """Reading order: the regions placed by hand, then the flow (then any regions read after it)."""
        first = [s for pl in self.placements if pl.region not in self.read_last for s in pl.sections]
        last = [s for pl in self.placements if pl.region in self.read_last for s in pl.sections]
        return first + list(self.flow) + last


# Content placed on a slide is set at slide sizes: the style a block names, as a deck sets it (where the
# theme has the slide style).
SLIDE_STYLES = {"body": "slide_body", "safety": "slide_safety", "safety_title": "slide_safety_title",
                "small": "slide_small", "caption": "slide_small", "references": "slide_references"}


@dataclass(frozen=True)
class Document:
    title: str
    kicker: str
    lang: str
    material_id: str
    date: str  # as printed, e.g. "11/2026"
    version: str
    page_size: tuple[float, float]
    theme: Theme
    pages: tuple[Page, ...]
    source: str  # the layout file, relative to the project
    name: str  # output stem
    created: str = ""  # ISO date for metadata
    footer: str = ""
    profiles: tuple[str, ...] = ("screen",)
    email_budget: int = 300 * 1024  # bytes
    email_budget_where: Where = field(default_factory=lambda: Where(""))  # email_budget_kb, else profiles
    kind: str = "document"  # or "deck": each page (slide) is one Sect in the tag tree
    handouts: tuple[tuple[str, str], ...] = ()  # (kind, paper) of each handout a deck makes
    margins: tuple[float, float, float, float] = (40.0, 40.0, 48.0, 40.0)  # top, right, bottom, left
    live_links: bool = True  # False in print: links, citations and note markers are printed, not followed
    paper: str = ""  # the paper's name when the layout is built on several sizes (letter, a4)
    other_sizes: tuple["Document", ...] = ()  # the same document on the layout's other paper sizes
    words: Words = field(default_factory=Words)  # the words tagprint writes itself, in the document's language
    min_text_size: float = 0.0  # print's minimum: footnotes (a table's, a notes block's) are never set smaller

    role = "Document"

    def style_name(self, name: str) -> str:
        """The theme style a block's style name is set in: a deck's own slide style where it has one."""
        if self.kind == "deck" and SLIDE_STYLES.get(name) in self.theme.styles:
            return SLIDE_STYLES[name]
        return name

    @property
    def job_code(self) -> str:
        """The material id and its date as printed: "US-KIN-0001 · 11/2026" (the footer goes on with the
        same separator)."""
        return f"{self.material_id}{FOOTER_SEPARATOR}{self.date}"

    def sections(self) -> list[Section]:
        """Every placed section in reading order (page by page, region by region; a slide's notes last)."""
        return [s for page in self.pages for s in page.sections() + ([page.notes] if page.notes else [])]

    @property
    def outputs(self) -> tuple[str, ...]:
        """What one build makes: the document, or a deck's slides and each of its handouts."""
        if self.kind != "deck":
            return (self.paper, *(d.paper for d in self.other_sizes)) if self.other_sizes else ("",)
        return ("slides",) + tuple(f"handout-{kind}" + ("" if paper == "letter" else f"-{paper}")
                                   for kind, paper in self.handouts)

    def for_output(self, output: str) -> "Document":
        """The document one output shows: a layout on several paper sizes has one per size."""
        return next((d for d in self.other_sizes if d.paper == output), self)
