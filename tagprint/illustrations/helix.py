"""Helix: a double helix, two ribbons winding round a common axis, joined by rungs like base pairs.

The strands pass properly in front of and behind one another (with a thin edge in the background
colour; the ribbon drawing is shared with the arrows); the strand behind is paler. Upright by default,
or lying on its side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import Problem, Where
from . import Range, known_params, register
from .arrows import Piece, Ribbon, draw_ribbons, mix
from .dots import check_colors, parse_background, parse_colors, theme_color

TURNS = Range(1, 6)
RUNGS = Range(0, 40)
ORIENTATIONS = ("vertical", "horizontal")
GROOVE = 0.8 * math.pi  # the second strand trails the first by this angle: a wide and a narrow groove


@dataclass(frozen=True)
class HelixParams:
    turns: float = 2.5
    rungs: int = 14
    colors: tuple[str, ...] = ("secondary", "primary")
    orientation: str = "vertical"
    background: str = "white"  # what the picture sits on: the gaps where the strands cross show it


def _number(value: float) -> str:
    return f"{value:g}"


def helix_geometry(p: HelixParams, across: float, along: float) -> tuple[list[Ribbon], list[tuple], float]:
    """The two strands' centre lines and the rungs, upright in an `across` × `along` frame.

    Returns the ribbons (colour unset), the rungs as (x0, x1, y, z0, z1) and the strand width."""
    margin = min(across, along) * 0.07
    length = along - 2 * margin
    pitch = length / p.turns  # one full turn
    # as wide as the frame allows, but never wider than about one turn is long (it would look squashed)
    radius = max(1.0, min((across - 2 * margin) / 2, pitch * 0.5) * 0.92)
    rw = max(1.2, min(radius * 0.26, pitch * 0.09))
    radius -= rw / 2
    cx = across / 2
    y0 = margin
    steps = int(40 * p.turns) + 20  # points along a strand: its outline is fitted to them with curves
    # the strands start on opposite sides, level with each other (for whole and half turns they end so too)
    start = -GROOVE / 2

    def angle(t: float) -> float:
        return start + 2 * math.pi * p.turns * t

    ribbons = []
    ts = [k / steps for k in range(steps + 1)]
    for phase in (0.0, GROOVE):
        ths = [angle(t) + phase for t in ts]
        pts = [(cx + radius * math.sin(th), y0 + length * t) for th, t in zip(ths, ts)]
        ribbons.append(Ribbon(pts, [math.cos(th) for th in ths], [rw] * len(ts), (0.0, 0.0, 0.0), fade=0.42,
                              axis=(0.0, 1.0)))
    rungs = []
    for k in range(p.rungs):
        t = 0.04 + 0.92 * (k + 0.5) / p.rungs
        a, b = angle(t), angle(t) + GROOVE
        rungs.append((cx + radius * math.sin(a), cx + radius * math.sin(b), y0 + length * t, math.cos(a),
                      math.cos(b)))
    return ribbons, rungs, rw


class Helix:
    name = "helix"
    aspect = 0.85

    def parse(self, params: dict[str, Any], where: Callable[[str], Where], problems: list[Problem]) -> HelixParams:
        values: dict[str, Any] = {}
        for key, value in known_params(self.name, HelixParams, params, where, problems).items():
            if key == "turns":
                values[key] = TURNS.check(key, value, where(key), problems, integer=False)
            elif key == "rungs":
                values[key] = RUNGS.check(key, value, where(key), problems)
            elif key == "colors":
                values[key] = parse_colors(key, value, where(key), problems, most=2)
            elif key == "background":
                values[key] = parse_background(value, where(key), problems)
            elif key == "orientation":
                if value not in ORIENTATIONS:
                    problems.append(Problem(where(key), f"parameter 'orientation' is {value!r}",
                                            "use vertical or horizontal"))
                else:
                    values[key] = value
        return HelixParams(**{k: v for k, v in values.items() if v is not None})

    def alt_text(self, p: HelixParams, lang: str) -> str:
        from ..words import words_for  # the phrases in the document's language
        words = words_for(lang)
        d = HelixParams()
        details = []
        if p.turns != d.turns:
            details.append(words.get("helix_turn" if p.turns == 1 else "helix_turns", n=words.number(p.turns)))
        if p.rungs != d.rungs:
            details.append(words.get("helix_no_rungs") if p.rungs == 0 else
                           words.get("helix_rung" if p.rungs == 1 else "helix_rungs", n=p.rungs))
        text = words.get("helix")
        if details:
            text = words.get("helix_with", helix=text, details=words.join(details))
        if p.orientation == "horizontal":
            text += words.get("helix_horizontal")
        return text

    def check_theme(self, p: HelixParams, theme: Any) -> list[str]:
        return check_colors(p.colors, theme, "helix", p.background)

    def draw(self, sk: Any, p: HelixParams, box: Any, theme: Any) -> None:
        w, h = sk.width, sk.height
        lying = p.orientation == "horizontal"
        across, along = (h, w) if lying else (w, h)
        ribbons, rungs, rw = helix_geometry(p, across, along)

        def place(u: float, v: float) -> tuple[float, float]:
            """From the upright frame to the box: lying down is a quarter turn clockwise."""
            return (v, across - u) if lying else (u, v)

        colors = [theme_color(theme, p.colors[0]), theme_color(theme, p.colors[-1])]
        bottom, top = ribbons[0].points[0][1], ribbons[0].points[-1][1]
        last = len(ribbons[0].points) - 1

        def at(y: float) -> int:
            """The strands' point level with height y (the strands share their heights)."""
            return min(last, max(0, round((y - bottom) / (top - bottom) * last)))
        for r, color in zip(ribbons, colors):
            r.color = color
            r.points = [place(u, v) for u, v in r.points]
            r.axis = (1.0, 0.0) if lying else (0.0, 1.0)  # the way along the helix
        background = theme_color(theme, p.background)
        pieces = []
        bar = max(0.8, rw * 0.42)

        def rung(sk: Any, start: tuple, end: tuple, tone: tuple) -> None:
            """A bar `bar` thick from start to end, square at both ends (a rung is level with the frame)."""
            (x0, y0), (x1, y1) = start, end
            if lying:
                sk.rect(x0 - bar / 2, min(y0, y1), bar, abs(y1 - y0), fill=tone)
            else:
                sk.rect(min(x0, x1), y0 - bar / 2, abs(x1 - x0), bar, fill=tone)
        for x0, x1, y, z0, z1 in rungs:
            mid = (x0 + x1) / 2
            # each rung is two halves, one from each strand, meeting in the middle like a base pair; a
            # soft tint of its strand's colour, paler the further back it is; it hangs from its strand
            # (behind it, which covers its end, unless the strand is further back)
            for strand, (xa, za, color) in enumerate(((x0, z0, colors[0]), (x1, z1, colors[1]))):
                z = (za + (z0 + z1) / 2) / 2 - 0.05
                tone = mix(color, background, 0.5 + 0.25 * (1 - z) / 2)
                start, end = place(xa, y), place(mid, y)
                pieces.append(Piece(z, lambda sk, s=start, e=end, c=tone: rung(sk, s, e, c), host=(strand, at(y)),
                                    shape=(start, end), thick=bar / 2))
        draw_ribbons(sk, ribbons, max(0.7, rw * 0.22), pieces, background)


register(Helix())
