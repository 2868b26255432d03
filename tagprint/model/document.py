"""The document as a whole: metadata, theme, page geometry and where each section goes."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Where
from .blocks import Block

Color = tuple[float, float, float]  # sRGB, 0..1


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
    recipes: dict[str, Recipe] = field(default_factory=dict)  # theme colour name -> recipe


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


@dataclass(frozen=True)
class Decoration:
    """A band or rule drawn as an artifact: `kind` is "band" (filled rect) or "rule" (a line)."""

    kind: str
    box: Rect
    color: str
    thickness: float = 1.0


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

    def sections(self) -> list[Section]:
        """Reading order: the regions placed by hand, then the flow."""
        return [s for pl in self.placements for s in pl.sections] + list(self.flow)


# Content placed on a slide is set at slide sizes: the style a block names, as a deck sets it (where the
# theme has the slide style).
SLIDE_STYLES = {"body": "slide_body", "safety": "slide_safety", "safety_title": "slide_safety_title",
                "small": "slide_small", "caption": "slide_small"}


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
    kind: str = "document"  # or "deck": each page (slide) is one Sect in the tag tree
    handouts: tuple[tuple[str, str], ...] = ()  # (kind, paper) of each handout a deck makes
    margins: tuple[float, float, float, float] = (40.0, 40.0, 48.0, 40.0)  # top, right, bottom, left
    live_links: bool = True  # False in print: links, citations and note markers are printed, not followed

    role = "Document"

    def style_name(self, name: str) -> str:
        """The theme style a block's style name is set in: a deck's own slide style where it has one."""
        if self.kind == "deck" and SLIDE_STYLES.get(name) in self.theme.styles:
            return SLIDE_STYLES[name]
        return name

    @property
    def job_code(self) -> str:
        return f"{self.material_id} {self.date}"

    def sections(self) -> list[Section]:
        """Every placed section in reading order (page by page, region by region; a slide's notes last)."""
        return [s for page in self.pages for s in page.sections() + ([page.notes] if page.notes else [])]

    @property
    def outputs(self) -> tuple[str, ...]:
        """What one build makes: the document, or a deck's slides and each of its handouts."""
        if self.kind != "deck":
            return ("",)
        return ("slides",) + tuple(f"handout-{kind}" + ("" if paper == "letter" else f"-{paper}")
                                   for kind, paper in self.handouts)
