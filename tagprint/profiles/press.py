"""Press conditions and the print palette: which inks each colour of a theme is printed with.

A colour is printed, in this order of preference:
1. with the brand's recipe from the theme (`press: recipes:`), verbatim: process CMYK, or a spot ink
   (a Separation colour space) with its CMYK alternate;
2. in black ink only when it is a dark, near-neutral colour (text colours such as #1D2330): near-black as
   K 100, dark greys as the tint of K that matches their lightness under the press profile;
3. through the press profile, within the condition's total ink limit.

A colour mixed from a theme colour that has a recipe (an illustration's lighter or darker shade, a
gradient's stop: the colour moved towards white, black or another theme colour) prints as the same mix of
the inks: a tint of the spot or of the process recipe, with black added, or the two recipes mixed. So every
shade of a brand colour on a page is printed from its recipe, never part from the recipe and part through
the profile (which, with a stale recipe, printed one page in two colours).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ..model import Color, Ink, Press, Recipe, Theme
from ..print_rules import DARK_TEXT_L
from .color import (IccFile, ProfileMissing, cmyk_icc, cmyk_icc_path, cmyk_to_lab, cmyk_to_rgb, delta_e2000, icc_description,
                    icc_file, limit_ink, rgb_to_cmyk, rgb_to_lab)

BLACK_ONLY_L = 50.0  # CIELAB lightness below which a near-neutral colour is printed in black ink only
NEUTRAL_C = 15.0    # chroma below which a colour counts as near-neutral


@dataclass(frozen=True)
class PressCondition:
    """A printing condition and the ICC profile that characterises it, as the OutputIntent declares it."""

    name: str
    profiles: tuple[Path, ...]   # where the characterisation profile may be installed
    package: str                 # what installs it
    identifier: str              # OutputConditionIdentifier: a registered name, or "Custom"
    condition: str               # OutputCondition: the condition in words
    registry: str                # RegistryName ("" for a custom condition)
    ink_limit: float             # the highest total area coverage the condition allows (0..4)

    @property
    def icc_path(self) -> Path:
        return cmyk_icc_path(self.profiles, self.package)

    @property
    def icc(self) -> bytes:
        return cmyk_icc(self.icc_path)

    @property
    def info(self) -> str:
        """/Info: what the embedded profile says it is, so that a preflight can compare the claim."""
        return f"{icc_description(self.icc)} ({self.condition})"


ICC = Path(__file__).with_name("icc")  # the registered conditions' profiles (scripts/make_press_profiles.py)
COLOR_ORG = "http://www.color.org"

CONDITIONS: dict[str, PressCondition] = {
    # Built with argyll's colprof from the registered characterisation data Debian's icc-profiles-free
    # ships (see icc/README.md): the OutputIntent names the registered condition the data belongs to.
    "fogra39": PressCondition(
        "fogra39", (ICC / "fogra39.icc",), "tagprint (tagprint/profiles/icc)", identifier="FOGRA39",
        condition="Offset commercial and specialty printing according to ISO 12647-2:2004/Amd 1, OFCOM, paper "
                  "type 1 or 2 = coated art, 115 g/m2, tone value increase curves A (CMY) and B (K)",
        registry=COLOR_ORG, ink_limit=3.3),
    "cgats-tr006": PressCondition(
        "cgats-tr006", (ICC / "cgats-tr006.icc",), "tagprint (tagprint/profiles/icc)", identifier="CGATS TR 006",
        condition="GRACoL 2006: commercial sheet-fed offset on grade 1 coated paper (CGATS TR 006)",
        registry=COLOR_ORG, ink_limit=3.2),
    "cgats-tr005": PressCondition(
        "cgats-tr005", (ICC / "cgats-tr005.icc",), "tagprint (tagprint/profiles/icc)", identifier="CGATS TR 005",
        condition="SWOP 2006: publication web offset on grade 5 coated paper (CGATS TR 005)",
        registry=COLOR_ORG, ink_limit=3.0),
    # Ghostscript's default CMYK profile is Artifex's own characterisation of a SWOP-like coated web press;
    # it is not the registered CGATS TR 001 data set, so the intent names it as a custom condition.
    "artifex-swop": PressCondition(
        "artifex-swop", (Path("/usr/share/color/icc/ghostscript/default_cmyk.icc"),), "libgs-common (Debian)",
        identifier="Custom", condition="coated offset, SWOP-like, as characterised by Artifex's CMYK SWOP Profile",
        registry="", ink_limit=3.0),
}


def custom_condition(path: Path) -> PressCondition:
    """A project's own ICC output profile (`condition: custom`, `profile: FILE.icc`): a Custom intent whose
    /Info is what the profile says it is."""
    return PressCondition("custom", (path,), "the project", identifier="Custom",
                          condition=f"the project's own press profile {path.name}", registry="", ink_limit=4.0)


def condition_of(press: Press) -> PressCondition:
    if press.condition == "custom":
        return custom_condition(Path(press.profile))
    return CONDITIONS[press.condition]


@dataclass(frozen=True)
class PressInk:
    """The inks one colour is printed with: process CMYK (0..1), or a spot ink at full tint."""

    cmyk: Ink
    spot: str | None = None
    how: str = "profile"        # "recipe", "black", "profile", "paper" or "mix" (of recipes' inks)
    tint: float = 1.0           # a spot ink's tint (0..1); `cmyk` stays its full-tint alternate

    @property
    def total(self) -> float:
        return sum(self.cmyk)


class PressPalette:
    """Maps the sRGB colours the layout draws with to the inks of the print master.

    Equal, and hashed, by what makes it (the condition, the ink limit, the recipes by colour and the theme's
    colours): two palettes of the same theme share the cache of inks, however often one is made."""

    def __init__(self, theme: Theme):
        self.condition = condition_of(theme.press)
        self.limit = min(theme.press.ink_limit, self.condition.ink_limit)
        self._recipes: dict[Color, Recipe] = {}
        for name, recipe in theme.press.recipes.items():
            if name in theme.colors:
                self._recipes.setdefault(_rounded(theme.colors[name]), recipe)
        # what a shade may be mixed from: the theme's colours, paper white and black
        self._anchors = tuple(dict.fromkeys(_rounded(color) for color in theme.colors.values()))
        self._value = (self.condition, self.limit, tuple(sorted(self._recipes.items())), self._anchors)
        self._hash = hash(self._value)
        # the profile file as it is when the palette is made (one per build: a replaced profile is read by
        # the next build, and a drawing's hundreds of colours do not each look at the file again)
        self._icc = _icc_now(self.condition)
        self._inks: dict[Color, PressInk] = {}

    def ink(self, color: Color) -> PressInk:
        found = self._inks.get(color)
        if found is None:
            found = self._inks[color] = _ink(self, self._icc, _rounded(color))
        return found

    def by_profile(self, color: Color) -> Ink:
        return limit_ink(rgb_to_cmyk(color, self.condition.icc_path), self.limit)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PressPalette) and self._value == other._value

    def __hash__(self) -> int:
        return self._hash


def _rounded(color: Color) -> Color:
    r, g, b = color
    return (round(r, 6), round(g, 6), round(b, 6))


def _icc_now(condition: PressCondition) -> IccFile | None:
    """The condition's profile file as it is now, for the cache of inks (None: not installed, which is said
    where a colour needs it)."""
    try:
        return icc_file(condition.icc_path)
    except ProfileMissing:
        return None


MIX_TOLERANCE = 1.5 / 255  # how far (per channel) a colour may lie from the line between two it is mixed from


def _mixed_from(palette: PressPalette, color: Color) -> tuple[Color, Color, float] | None:
    """(a, b, t) when `color` is a + t (b − a) for a theme colour `a` that has a recipe and `b` paper white,
    black or another theme colour (0 < t < 1); None otherwise.

    Of every line the colour lies near, the nearest; on a tie, towards paper white, then black, then the
    theme's colours. A pale theme colour (a tint panel's #EAF2F5) lies close to white, so a colour lightened
    towards white also lies near the line towards that panel colour: taking the first line found printed
    the teal helix's rungs as a process mix towards the panel's inks instead of a tint of the teal's own."""
    best: tuple[float, Color, Color, float] | None = None
    ends = ((1.0, 1.0, 1.0), (0.0, 0.0, 0.0)) + palette._anchors
    for a in palette._anchors:
        if a not in palette._recipes:
            continue
        for b in ends:
            if b == a:
                continue
            d = [y - x for x, y in zip(a, b)]
            norm = sum(v * v for v in d)
            if norm < 1e-6:
                continue
            t = sum((c - x) * v for c, x, v in zip(color, a, d)) / norm
            if not 0 < t < 1:
                continue
            off = max(abs(x + t * v - c) for x, v, c in zip(a, d, color))
            if off <= MIX_TOLERANCE and (best is None or off < best[0] - 1e-9):
                best = (off, a, b, t)
    return None if best is None else best[1:]


def _mix(first: PressInk, second: PressInk, t: float) -> PressInk:
    """`first` moved by `t` towards `second`: a spot's tint towards paper, else the process inks mixed."""
    if first.spot and second.how == "paper":
        return PressInk(first.cmyk, first.spot, "mix", round(first.tint * (1 - t), 4))
    if second.spot and first.how == "paper":
        return PressInk(second.cmyk, second.spot, "mix", round(second.tint * t, 4))
    a = [v * first.tint for v in first.cmyk]
    b = [v * second.tint for v in second.cmyk]
    c, m, y, k = (round(x + (z - x) * t, 4) for x, z in zip(a, b))
    return PressInk((c, m, y, k), None, "mix")


@functools.lru_cache(maxsize=8192)
def _ink(palette: PressPalette, icc: IccFile | None, color: Color) -> PressInk:
    """The inks of `color`; `icc` (the profile file's stamp) keys the cache: a replaced profile, new inks."""
    recipe = palette._recipes.get(color)
    if recipe is not None:
        return PressInk(recipe.cmyk, recipe.spot, "recipe")
    if all(c >= 0.999 for c in color):
        return PressInk((0.0, 0.0, 0.0, 0.0), None, "paper")
    if all(c <= 0.001 for c in color):
        return PressInk((0.0, 0.0, 0.0, 1.0), None, "black")
    mixed = _mixed_from(palette, color) if color not in palette._anchors else None  # a theme colour is itself
    if mixed is not None:
        first, second, t = mixed
        return _mix(_ink(palette, icc, first), _ink(palette, icc, second), t)
    L, a, b = rgb_to_lab(color)
    if L < BLACK_ONLY_L and (a * a + b * b) ** 0.5 < NEUTRAL_C:
        return PressInk((0.0, 0.0, 0.0, black_for(L, palette.condition.icc_path)), None, "black")
    return PressInk(palette.by_profile(color), None, "profile")


@functools.lru_cache(maxsize=16)
def _black_ramp(file: IccFile) -> tuple[tuple[float, float], ...]:
    return tuple((k / 100, cmyk_to_lab((0.0, 0.0, 0.0, k / 100), file[0])[0]) for k in range(0, 101))


def black_for(lightness: float, path: Path) -> float:
    """The tint of black ink whose lightness under the press profile is nearest `lightness`; anything
    darker than solid black is solid black."""
    ramp = _black_ramp(icc_file(path))
    if lightness <= ramp[-1][1]:
        return 1.0
    return min(ramp, key=lambda kl: abs(kl[1] - lightness))[0]


RICH_BLACK_L = DARK_TEXT_L  # as the print preflight judges dark text


def rich_black(recipe, condition: str) -> bool:
    """A process recipe that prints dark (L* below 40 under the press profile) from two or more inks."""
    inks = [v for v in recipe.cmyk if v > 0.004]
    if recipe.spot or len(inks) < 2:
        return False
    try:
        return cmyk_to_lab(tuple(recipe.cmyk), CONDITIONS[condition].icc_path)[0] < RICH_BLACK_L
    except ProfileMissing:
        return False  # reported where the profile is needed


DELTA_E_WARN = 5.0  # ΔE2000 between a colour's screen value and its print above which a build warns


@dataclass(frozen=True)
class Printed:
    """How one theme colour prints, and how far that is from its screen value."""

    name: str
    screen: Color
    ink: PressInk
    delta_e: float   # CIEDE2000 between the screen colour and the print under the press profile
    print_rgb: Color  # the print as sRGB (what the screen colour would be to match it)


def printed(theme: Theme) -> list[Printed]:
    """Every theme colour that puts ink on paper, its inks and its ΔE2000 from the screen colour (for a
    near-neutral colour in black ink only, of lightness alone: black ink has no hue to match)."""
    palette = PressPalette(theme)
    path = palette.condition.icc_path
    out = []
    for name, color in theme.colors.items():
        ink = palette.ink(color)
        if ink.how == "paper":
            continue
        c, m, y, k = (v * ink.tint for v in ink.cmyk)
        inks = (c, m, y, k)
        screen, paper = rgb_to_lab(color), cmyk_to_lab(inks, path)
        if _black_only(ink, screen):  # black ink has no hue to match: a dark neutral is judged by lightness
            screen, paper = (screen[0], 0.0, 0.0), (paper[0], 0.0, 0.0)
        error = delta_e2000(screen, paper)
        out.append(Printed(name, color, ink, round(error, 1), cmyk_to_rgb(inks, path)))
    return out


def _black_only(ink: PressInk, lab: tuple[float, float, float]) -> bool:
    """Black ink only for a near-neutral colour: text black, as printers set it."""
    return not ink.spot and not any(ink.cmyk[:3]) and (lab[1] ** 2 + lab[2] ** 2) ** 0.5 < NEUTRAL_C


def unrecipied(theme: Theme) -> list[Printed]:
    """The theme's colours that have no recipe, how they print instead and how far that is from the screen
    colour, so that a designer can add recipes."""
    return [item for item in printed(theme) if item.name not in theme.press.recipes]


def percent(cmyk: Ink) -> str:
    return "C{:.0f} M{:.0f} Y{:.0f} K{:.0f}".format(*(v * 100 for v in cmyk))


def hex_of(color: Color) -> str:
    return "#" + "".join(f"{round(min(1.0, max(0.0, c)) * 255):02X}" for c in color)


def recipe_notes(theme: Theme, where, recipe_where=None) -> list:
    """Build warnings: a theme colour printed without a recipe (how it prints and its ΔE2000, so that a
    designer can add the brand's recipe), and a recipe that prints more than ΔE2000 5 away from its
    screen colour (a stale recipe after the screen colour changed: both values and the fix). `where(name)`
    gives the colour's place in the theme file, `recipe_where(name)` the recipe's."""
    from ..errors import Problem

    recipe_where = recipe_where or where
    palette = PressPalette(theme)
    condition = palette.condition.identifier if palette.condition.identifier != "Custom" else palette.condition.name
    out = []
    for item in printed(theme):
        if item.name in theme.press.recipes:
            if item.delta_e <= DELTA_E_WARN:
                continue
            recipe = theme.press.recipes[item.name]
            what = f"spot {recipe.spot} (alternate {percent(recipe.cmyk)})" if recipe.spot else percent(recipe.cmyk)
            suggestion = percent(palette.by_profile(item.screen))
            out.append(Problem(recipe_where(item.name),
                               f"colour '{item.name}' is {hex_of(item.screen)} on screen, but its print recipe "
                               f"{what} prints as about {hex_of(item.print_rgb)} under {condition}: ΔE2000 "
                               f"{item.delta_e:g}, over {DELTA_E_WARN:g}",
                               f"if the screen colour changed, give the recipe the brand's print values for "
                               f"{hex_of(item.screen)} (through the press profile about {suggestion}); if the recipe "
                               f"is right, set the screen colour to {hex_of(item.print_rgb)}"))
            continue
        how = {"black": "in black ink only", "profile": "through the press profile",
               "mix": "as a mix of other recipes"}[item.ink.how]
        out.append(Problem(where(item.name), f"colour '{item.name}' has no print recipe: printed {how} as "
                                             f"{percent(item.ink.cmyk)}, ΔE2000 {item.delta_e:g} from the screen "
                                             "colour",
                           f"add the brand's values under press: recipes: {item.name}: {{cmyk: [C, M, Y, K]}} "
                           "if this is not what the brand wants"))
    return out
