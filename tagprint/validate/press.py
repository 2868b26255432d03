"""The theme's press settings: its press condition (or its own ICC profile), and the brand's print recipes,
each naming a theme colour, within the ink limit, and no rich black for text below 12 pt."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from ..load.schema import PressSpec, RecipeSpec
from ..load.schema_errors import did_you_mean
from ..load.yaml_source import Located
from ..model import Press, Recipe, Theme, TypeStyle
from ..print_rules import SMALL_TEXT_PT


def press(spec: PressSpec, colors: dict, styles: dict[str, TypeStyle], src: Located, problems: list[Problem],
          root: Path | None = None) -> Press:
    """The theme's print recipes: each names a theme colour, stays within the ink limit, and is no rich
    black for a text style below 12 pt."""
    profile = _profile(spec, src, root, problems)
    _check_conditions(spec, src, problems)
    recipes = {}
    chosen = {**spec.recipes, **spec.condition_recipes.get(spec.condition, {})}
    for name, r in chosen.items():
        where = src.where(("press", "condition_recipes", spec.condition, name) if name in
                          spec.condition_recipes.get(spec.condition, {}) else ("press", "recipes", name))
        if name not in colors:
            problems.append(Problem(where, f"recipe for '{name}', which is no colour of the theme",
                                    did_you_mean(name, colors)))
        recipes[name] = _recipe(spec, name, r, styles, src, problems)
    return Press(spec.condition, spec.ink_limit / 100, recipes, profile)


def _profile(spec: PressSpec, src: Located, root: Path | None, problems: list[Problem]) -> str:
    """The path of a custom condition's ICC profile (relative to the theme file), or ""."""
    if spec.condition != "custom":
        return ""
    if not spec.profile:
        problems.append(Problem(src.where(("press", "condition")), "condition: custom names no ICC profile",
                                "add profile: FILE.icc (the press's CMYK output profile, next to the theme)"))
        return ""
    theme_file = Path(src.file) if root is None or Path(src.file).is_absolute() else Path(root) / src.file
    path = (theme_file.parent / spec.profile).resolve()
    if not path.is_file():
        problems.append(Problem(src.where(("press", "profile")), f"the ICC profile '{spec.profile}' is missing",
                                "put the press's CMYK output profile there (relative to the theme file)"))
    return str(path)


def _check_conditions(spec: PressSpec, src: Located, problems: list[Problem]) -> None:
    """The press condition, and each condition recipes are given for, is a known one."""
    from ..profiles.press import CONDITIONS

    if spec.condition != "custom" and spec.condition not in CONDITIONS:
        problems.append(Problem(src.where(("press", "condition")), f"unknown press condition '{spec.condition}'",
                                did_you_mean(spec.condition, [*CONDITIONS, "custom"])))
    for condition in spec.condition_recipes:
        if condition not in CONDITIONS and condition != "custom":
            problems.append(Problem(src.where(("press", "condition_recipes", condition)),
                                    f"recipes for an unknown press condition '{condition}'",
                                    did_you_mean(condition, CONDITIONS)))


def _recipe(spec: PressSpec, name: str, r: RecipeSpec, styles: dict[str, TypeStyle], src: Located,
            problems: list[Problem]) -> Recipe:
    """One colour's recipe: its inks within the limit, and no rich black under small text."""
    from ..profiles.press import CONDITIONS, rich_black

    for inks, path in ((r.cmyk, ("cmyk",)), *(((r.spot.cmyk, ("spot", "cmyk")),) if r.spot else ())):
        if sum(inks) > spec.ink_limit:
            problems.append(Problem(src.where(("press", "recipes", name) + path),
                                    f"recipe {inks} covers {sum(inks):g} %, over the ink limit of "
                                    f"{spec.ink_limit:g} %", "take some cyan, magenta or yellow out"))
    # a spot ink prints as a Separation whose alternate is the spot's own CMYK
    c, m, y, k = r.spot.cmyk if r.spot else r.cmyk
    recipe = Recipe((c / 100, m / 100, y / 100, k / 100), r.spot.name if r.spot else None)
    small = _small_styles(styles, name)
    if small and not r.spot and spec.condition in CONDITIONS and rich_black(recipe, spec.condition):
        problems.append(Problem(src.where(("press", "recipes", name, "cmyk")),
                                f"recipe {list(r.cmyk)} is a rich black, and text below 12 pt is set in it "
                                f"(styles {', '.join(small)}): misregistration blurs it",
                                "print dark text in black ink only, e.g. cmyk: [0, 0, 0, 100]"))
    return recipe


def _small_styles(styles: dict[str, TypeStyle], color: str) -> list[str]:
    """The text styles below 12 pt set in colour `color`, by name."""
    return sorted(s for s, style in styles.items() if style.color == color and style.size < SMALL_TEXT_PT)


def small_text_in_one_ink(theme: Theme, src: Located, problems: list[Problem]) -> None:
    """A dark colour with no recipe that the press profile would print from several inks (a rich black)
    must not be the colour of a text style below 12 pt: misregistration blurs it. Said here, at the
    colour, rather than by the print build's preflight."""
    from ..profiles.color import ProfileMissing, cmyk_to_lab
    from ..profiles.press import RICH_BLACK_L, PressPalette, percent

    palette = PressPalette(theme)
    for name, color in theme.colors.items():
        small = _small_styles(theme.styles, name)
        if not small or name in theme.press.recipes:
            continue
        try:
            ink = palette.ink(color)
            dark = ink.how == "profile" and cmyk_to_lab(ink.cmyk, palette.condition.icc_path)[0] < RICH_BLACK_L
        except ProfileMissing:
            return  # reported where the profile is needed
        if dark and sum(v > 0.004 for v in ink.cmyk) >= 2:
            problems.append(Problem(src.where(("colors", name)),
                                    f"colour '{name}' has no print recipe and would print as a rich black "
                                    f"({percent(ink.cmyk)}), but text below 12 pt is set in it (styles "
                                    f"{', '.join(small)}): misregistration blurs it",
                                    f"add the brand's one-ink recipe under press: recipes: {name}: a spot ink "
                                    "{cmyk: [...], spot: {name: ..., cmyk: [...]}} or black only {cmyk: [0, 0, 0, 100]}"))
