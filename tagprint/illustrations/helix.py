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
from .registry import Range, known_params, register
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


CAP_STEPS = 8  # points along each rounded end (from the tip in, closer together near the tip)
HALO = 0.12  # the knockout beside a strand in front, in strand widths
PITCH_TO_DIAMETER = 1.6  # a full turn's length over the helix's width, at least (B-DNA: about 1.7)
MARGIN = 0.02  # of the frame's shorter side: just room for the strands' edges, so the box is tight


def helix_geometry(p: HelixParams, across: float, along: float) -> tuple[list[Ribbon], list[tuple], float]:
    """The two strands' centre lines and the rungs, upright in an `across` × `along` frame.

    Returns the ribbons (colour unset), the rungs as (x0, x1, y, z0, z1) and the strand width. Each rung's
    ends (x0, y) and (x1, y) lie on the two strands' centre lines. Each strand starts and ends where it
    crosses the axis, running at a slant (never at the crest of a wave, where a cut end reads as a hook),
    with a rounded end (its width narrowing to nothing along a quarter circle); the second strand, a
    groove behind the first, starts and ends a little further along."""
    margin = min(across, along) * MARGIN
    # strand 0 runs from angle 0 to 2π·turns, to the nearest half turn, so that it ends on the axis too
    first_end = math.pi * max(2, round(2 * p.turns))
    offset = math.pi - GROOVE  # strand 1 (angle φ + GROOVE) crosses the axis first at φ = π − GROOVE
    span = first_end + offset  # the angle φ the whole drawing runs over
    # the strands' width: a fraction of one turn's length, so more turns make thinner strands
    length = along - 2 * margin
    pitch = length * 2 * math.pi / span  # one full turn
    rw = max(1.2, min((across - 2 * margin) * 0.13, pitch * 0.09))
    # the pitch follows the size: a turn at least PITCH_TO_DIAMETER times as long as the helix is wide
    # (outer edge to outer edge), as B-DNA's is; many turns in a long frame draw a slimmer helix, never
    # strands knotted at every crossing
    radius = max(1.0, min((across - 2 * margin - rw) / 2, (pitch / PITCH_TO_DIAMETER - rw) / 2))
    cx = across / 2
    # the rounded ends reach no further than half a strand's width from their end points
    y0 = margin + rw / 2
    length = along - 2 * margin - rw

    def y_of(phi: float) -> float:
        return y0 + length * phi / span

    # each end is rounded: over its last half strand-width the strand narrows along a quarter circle to
    # its end point on the axis (a round cap, never a flat cut); at the axis the strand runs nearly
    # straight, so the cap is a true half disc
    speed = math.hypot(radius, length / span)  # the strand's length per radian where it crosses the axis
    cap = rw / 2 / speed  # the angle the cap takes

    def width_at(f: float, lo: float, hi: float) -> float:
        s = min(f - lo, hi - f, cap) / cap  # 0 at an end … 1 a cap's length in
        return rw * max(0.04, math.sqrt(max(0.0, 1 - (1 - s) ** 2)))

    ribbons = []
    for phase, (lo, hi) in ((0.0, (0.0, first_end)), (GROOVE, (offset, span))):
        steps = int(40 * (hi - lo) / (2 * math.pi)) + 20
        inner = [lo + cap + (hi - lo - 2 * cap) * k / steps for k in range(steps + 1)]
        ends = [cap * (1 - math.cos(math.pi / 2 * k / CAP_STEPS)) for k in range(CAP_STEPS)]
        phis = [lo + e for e in ends] + inner + [hi - e for e in reversed(ends)]
        pts = [(cx + radius * math.sin(f + phase), y_of(f)) for f in phis]
        ribbons.append(Ribbon(pts, [math.cos(f + phase) for f in phis], [width_at(f, lo, hi) for f in phis],
                              (0.0, 0.0, 0.0), fade=0.42, axis=(0.0, 1.0)))
    rungs = []
    lo, hi = offset, first_end  # where both strands are drawn
    for k in range(p.rungs):
        f = lo + (hi - lo) * (k + 0.5) / p.rungs
        a, b = f, f + GROOVE
        rungs.append((cx + radius * math.sin(a), cx + radius * math.sin(b), y_of(f), math.cos(a), math.cos(b)))
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
        # the turns and rungs are always said, the default's as every variant's
        details = [words.get("helix_turn" if p.turns == 1 else "helix_turns", n=words.number(p.turns)),
                   words.get("helix_no_rungs") if p.rungs == 0 else
                   words.get("helix_rung" if p.rungs == 1 else "helix_rungs", n=p.rungs)]
        text = words.get("helix_with", helix=words.get("helix"), details=words.join(details))
        if p.orientation == "horizontal":
            text += words.get("helix_horizontal")
        return text

    def fit(self, p: HelixParams, w: float, h: float, theme: Any = None) -> tuple[float, float]:
        """The box the helix needs inside w × h: a helix is never wider than about one turn is long, so in
        a wide box it draws narrower than the box; the box shrinks across to what it draws."""
        lying = p.orientation == "horizontal"
        across, along = (h, w) if lying else (w, h)
        ribbons, _, rw = helix_geometry(p, across, along)
        xs = [x for r in ribbons for x, _ in r.points]
        used = min(across, max(xs) - min(xs) + rw + 2 * across * MARGIN + 1.0)
        return (w, used) if lying else (used, h)

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
        for r, color in zip(ribbons, colors):
            r.color = color
            r.points = [place(u, v) for u, v in r.points]
            r.axis = (1.0, 0.0) if lying else (0.0, 1.0)  # the way along the helix
        background = theme_color(theme, p.background)
        bar = max(0.8, rw * 0.42)
        # each rung is two halves meeting in the middle like a base pair, each a soft tint of its strand's
        # colour, drawn behind both strands: each runs from one strand's centre line to the middle, so its
        # end is tucked under its strand at every phase and it never floats. All the halves of one colour
        # are one path (one fill).
        halves: list[list[tuple]] = [[], []]
        for x0, x1, y, _, _ in rungs:
            mid = (x0 + x1) / 2
            for strand, xa in enumerate((x0, x1)):
                (ax, ay), (bx, by) = place(xa, y), place(mid, y)
                if lying:
                    x, y_, w_, h_ = ax - bar / 2, min(ay, by), bar, abs(by - ay)
                else:
                    x, y_, w_, h_ = min(ax, bx), ay - bar / 2, abs(bx - ax), bar
                # clockwise, as the ribbon engine's outlines run: the rungs are knocked out with their
                # strand where the other strand passes in front
                halves[strand].append(("R", x, y_ + h_, w_, -h_))  # (from its top left corner)
        tones = [mix(color, background, 0.55) for color in colors]
        pieces = [Piece(-9.0, _filled(path, tone)) for path, tone in zip(halves, tones) if path]
        draw_ribbons(sk, ribbons, halo_width(rw), pieces, background, attached=halves)


def halo_width(rw: float) -> float:
    """The gap (in the background colour) either side of a strand where it passes in front of the other:
    a thin, even knockout (a wide one at a shallow crossing leaves long white wedges)."""
    return max(0.6, rw * HALO)


def _filled(path: list[tuple], tone: Any) -> Callable[[Any], None]:
    """Paints `path` filled with `tone` on the sketch it is given."""
    return lambda sk: sk.path(path, fill=tone)


register(Helix())
