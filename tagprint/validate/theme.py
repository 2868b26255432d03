"""The theme: its colours (#RRGGBB), its text styles (each in a colour of the theme), the colours and
styles every document needs, its fonts and its press settings."""

from __future__ import annotations

import re

from ..errors import Problem, Where
from ..load.project import AnyName, Loaded
from ..load.schema_errors import did_you_mean
from ..model import Theme, TypeStyle
from .fonts import resolve_fonts
from .press import press

_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")
NEEDED_COLORS = ("text", "primary", "secondary", "accent", "tint", "white")
NEEDED_STYLES = ("body", "caption", "small", "footer", "cta")


def color(value: str, where: Where, problems: list[Problem]) -> tuple[float, float, float]:
    """A colour from "#RRGGBB" (black, and a problem at `where`, when it is not written so)."""
    m = _HEX.match(value.strip())
    if not m:
        problems.append(Problem(where, f"colour '{value}' is not #RRGGBB", "write it as \"#1B365D\" (quoted)"))
        return (0.0, 0.0, 0.0)
    h = m.group(1)
    return (int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255)


def theme(loaded: Loaded, problems: list[Problem]) -> Theme:
    spec, src = loaded.theme, loaded.theme_source
    if not loaded.theme_known:  # the theme could not be read: every colour and style name passes
        return Theme(AnyName((0.0, 0.0, 0.0)), AnyName(TypeStyle(10, 13)), spec.font, tuple(spec.fallback_fonts))
    colors = {name: color(v, src.where(("colors", name)), problems) for name, v in spec.colors.items()}
    styles = {}
    for name, s in spec.styles.items():
        if s.color not in colors:
            problems.append(Problem(src.where(("styles", name, "color")), f"no colour '{s.color}' in the theme",
                                    did_you_mean(s.color, colors)))
        styles[name] = TypeStyle(s.size, s.leading or round(s.size * 1.3, 2), s.bold, s.italic, s.color,
                                 s.space_before, s.space_after, s.tracking, s.uppercase, s.font,
                                 tuple(s.features), s.hyphenate, s.align)
    resolve_fonts(loaded, problems)
    for needed in NEEDED_COLORS:
        if needed not in colors:
            problems.append(Problem(src.where(("colors",)), f"the theme has no '{needed}' colour",
                                    f'add {needed}: "#RRGGBB" under colors'))
    for needed in NEEDED_STYLES:
        if needed not in styles:
            problems.append(Problem(src.where(("styles",)), f"the theme has no '{needed}' text style",
                                    f"add {needed}: {{size: 10}} under styles"))
    return Theme(colors, styles, spec.font, tuple(spec.fallback_fonts),
                 press(spec.press, colors, styles, src, problems, loaded.root), tuple(sorted(spec.script_fonts.items())))
