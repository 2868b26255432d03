"""The shape of a theme file: colours, type styles, fonts and the press settings."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .lengths import FontSize, Leading, Offset, Tracking
from .schema_base import Strict

class TypeStyleSpec(Strict):
    """A type style of the theme."""

    size: FontSize
    """Font size in points (or mm, cm, in)."""
    leading: Leading | None = None
    """Line distance (points, or mm, cm, in); by default 1.3 × size."""
    bold: bool = False
    """Bold face."""
    italic: bool = False
    """Italic face."""
    color: str = "text"
    """A colour name from the theme's colors."""
    space_before: Offset = 0
    """Space above a block of this style (points, or mm, cm, in)."""
    space_after: Offset = 6
    """Space below a block of this style (points, or mm, cm, in)."""
    tracking: Tracking = 0
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
