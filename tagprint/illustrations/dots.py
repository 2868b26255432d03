"""Dots: a group of randomly scattered dots in the brand colours, spread evenly or gathered in clusters.

The dots never touch (each is its own shape, with a clear gap around it) and the same parameters
always give the same picture: every random choice comes from `random.Random(seed)`.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from ..contrast import GRAPHICS, check
from ..errors import Problem, Where
from .registry import Range, known_params, register

COUNT = Range(1, 400)
SEED = Range(0, 999_999_999)
CLUSTERS = Range(0, 8)
RADIUS = Range(0.5, 40)
MAX_COLORS = 8

WHITE = (1.0, 1.0, 1.0)


@dataclass(frozen=True)
class DotsParams:
    count: int = 60
    seed: int = 1
    colors: tuple[str, ...] = ("secondary", "accent", "primary")
    radius: tuple[float, float] | None = None  # (smallest, largest) in points; None: sized to the box
    clusters: int = 0  # 0: one loose group; else that many clusters


def _mix(a: tuple, b: tuple, t: float) -> tuple:
    return tuple(x + (y - x) * t for x, y in zip(a, b))


# Circles are written out here rather than with Sketch.circle, in as few numbers as look right: numbers are
# what a figure of many dots weighs and takes to write out. As few cubic arcs as keep the circle within
# 0.03 pt of round (three of 120° are off by 0.15 % of the radius, two of 180° by 1.8 %, fine for a
# highlight a point or two across), the points rounded to a twentieth of a point (short numbers; coarser
# shows as lumpy dots when zoomed in), and no "h" (a fill closes every subpath, and the last arc ends
# exactly where the first began).
STEPS = 20  # coordinates are rounded to 1/STEPS pt
_HANDLE = {n: 4 / 3 * math.tan(math.pi / (2 * n)) for n in (2, 3, 4)}  # Bézier handle, times the radius
_TURNS = {n: [(math.cos(a), math.sin(a)) for a in (math.pi * 3 / 4 + k * 2 * math.pi / n for k in range(n))]
          for n in (2, 3, 4)}


def _arcs(r: float) -> int:
    """The fewest arcs that keep a circle of radius `r` within 0.03 pt of round."""
    return 2 if r <= 1.6 else 3 if r <= 20 else 4


def _circle_path(cx: float, cy: float, r: float, arcs: int = 0) -> list[tuple]:
    """Path commands for a circle (in `arcs` arcs, or as few as look round), starting from its top-left
    point, where a glossy dot's tones meet."""
    n = STEPS
    arcs = arcs or _arcs(r)
    turns = _TURNS[arcs]
    h = r * _HANDLE[arcs]
    pts = [(cx + r * c, cy + r * s) for c, s in turns]
    out: list[tuple] = [("M", round(pts[0][0] * n) / n, round(pts[0][1] * n) / n)]
    for k in range(arcs):
        (c0, s0), (c1, s1) = turns[k], turns[(k + 1) % arcs]
        (ax, ay), (bx, by) = pts[k], pts[(k + 1) % arcs]
        out.append(("C", round((ax - h * s0) * n) / n, round((ay + h * c0) * n) / n,
                    round((bx + h * s1) * n) / n, round((by - h * c1) * n) / n,
                    round(bx * n) / n, round(by * n) / n))
    return out


def parse_colors(key: str, value: Any, where: Where, problems: list[Problem], most: int = MAX_COLORS,
                 least: int = 1) -> tuple[str, ...] | None:
    """A list of theme colour names (a single name is taken as a list of one)."""
    if isinstance(value, str):
        value = [value]
    if (not isinstance(value, list) or not least <= len(value) <= most
            or not all(isinstance(v, str) and v.strip() for v in value)):
        problems.append(Problem(where, f"parameter '{key}' is {value!r}",
                                f"use a list of {least} to {most} theme colour names, "
                                f"like {key}: [secondary, accent]"))
        return None
    return tuple(v.strip() for v in value)


def parse_background(value: Any, where: Where, problems: list[Problem]) -> str | None:
    """The theme colour a picture sits on (for gaps that must look cut out of the picture)."""
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(where, f"parameter 'background' is {value!r}",
                                "use the theme colour name of what the picture sits on, like background: tint"))
        return None
    return value.strip()


def theme_color(theme: Any, name: str) -> tuple:
    """A theme colour by name; "white" is white even in a theme that does not name it."""
    try:
        return theme.colors[name]
    except KeyError:
        if name == "white":
            return WHITE
        raise ValueError(f"illustration colour '{name}' is not in the theme; use one of: "
                         + ", ".join(theme.colors)) from None


def check_colors(names: tuple[str, ...], theme: Any, what: str, background: str = "white") -> list[str]:
    """Messages for colour names the theme lacks, or too faint to see on the background (graphics need
    3:1, WCAG 1.4.11)."""
    if background not in theme.colors and background != "white":
        return [f"{what}: background colour '{background}' is not in the theme"]
    messages = []
    for name in names:
        if name not in theme.colors:
            messages.append(f"{what}: colour '{name}' is not in the theme")
            continue
        message = check(theme.colors[name], theme_color(theme, background), GRAPHICS, f"{what} colour '{name}'")
        if message:
            messages.append(message)
    return messages


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    color: int  # index into the params' colours


def _best_candidate(rng: random.Random, n: int, x0: float, y0: float, x1: float, y1: float) -> list[tuple]:
    """`n` points spread well apart (Mitchell's best candidate)."""
    points: list[tuple] = []
    for _ in range(n):
        best, best_d = (x0, y0), -1.0  # the first candidate always replaces it (its distance is at least 0)
        for _ in range(24):
            p = (rng.uniform(x0, x1), rng.uniform(y0, y1))
            d = min((math.dist(p, q) for q in points), default=1.0)
            if d > best_d:
                best, best_d = p, d
        points.append(best)
    return points


def layout_dots(p: DotsParams, width: float, height: float) -> tuple[Dot, ...]:
    """Places the dots inside a `width` × `height` box: none overlapping, all inside the margins. The
    same parameters and size always give the same dots, so the answer is kept (a figure drawn in every
    build, or twice in one, is laid out once)."""
    return _layout_dots(p, float(width), float(height))


@lru_cache(maxsize=64)
def _layout_dots(p: DotsParams, width: float, height: float) -> tuple[Dot, ...]:
    margin = min(width, height) * 0.07
    x0, y0, x1, y1 = margin, margin, width - margin, height - margin
    area = (x1 - x0) * (y1 - y0)
    scale = 1.0
    for _ in range(60):
        dots = _try_layout(p, x0, y0, x1, y1, area, scale)
        if dots is not None:
            return tuple(dots)
        scale *= 0.88  # too crowded at this size: shrink every dot and start again from the seed
    raise ValueError(f"cannot fit {p.count} dots into a {width:.0f} × {height:.0f} pt box")


def _try_layout(p: DotsParams, x0: float, y0: float, x1: float, y1: float, area: float,
                scale: float) -> list[Dot] | None:
    """One try at placing the dots with every radius times `scale`; None when they do not fit. Every
    random number is drawn from one generator seeded by the parameters, in a fixed order."""
    rng = random.Random(p.seed)
    radii = _radii(p, rng.random, area, scale, x1 - x0, y1 - y0)
    gap = max(1.5, 0.35 * sorted(radii)[p.count // 2])
    placer = _Placer(p, rng, (x0, y0, x1, y1), gap, 2 * max(radii) + gap)
    if p.clusters and not placer.make_clusters(radii):
        return None
    placed: list[Dot] = []
    for i in sorted(range(p.count), key=lambda i: -radii[i]):  # the large dots first: the hardest to fit
        dot = placer.place(i, radii[i])
        if dot is None:
            return None
        placed.append(dot)
    return placed


def _radii(p: DotsParams, random_: Callable[[], float], area: float, scale: float, width: float,
           height: float) -> list[float]:
    """The dots' radii: mostly small with a few large ones, covering about a fifth of the box (or in the
    range asked for, shrunk alike if they cannot fit), times `scale`."""
    n = p.count
    rel = [0.45 + 0.55 * random_() ** 1.8 for _ in range(n)]
    if p.radius is None:
        # cover about a fifth of the box (less when there are very few dots, so they stay dots)
        coverage = 0.2 if n >= 12 else 0.05 + 0.0125 * n
        if p.clusters:
            coverage *= 0.65  # room between the clusters
        k = math.sqrt(coverage * area / (math.pi * sum(r * r for r in rel)))
        radii = [r * k for r in rel]
    else:
        lo, hi = p.radius
        radii = [lo + (hi - lo) * (r - 0.45) / 0.55 for r in rel]
        most = 0.3 * area / (math.pi * sum(r * r for r in radii))
        if most < 1:  # the asked-for sizes cannot fit: shrink them all alike
            radii = [r * math.sqrt(most) for r in radii]
    return [min(r * scale, width / 2, height / 2) for r in radii]


class _Placer:
    """Places dots one by one at random, each clear of those placed (a grid of buckets finds the near
    ones): around its cluster's centre, or in one loose group denser in the middle."""

    def __init__(self, p: DotsParams, rng: random.Random, box: tuple[float, float, float, float], gap: float,
                 cell: float):
        self.p, self.rng, self.box, self.gap, self.cell = p, rng, box, gap, cell
        self.grid: dict[tuple[int, int], list[tuple[float, float, float]]] = {}
        self.member: list[int] = []
        self.centres: list[tuple] = []
        self.reach = 0.0

    def make_clusters(self, radii: list[float]) -> bool:
        """Gives each dot a cluster, and each cluster a centre; False when the clusters do not fit apart."""
        p, (x0, y0, x1, y1), n = self.p, self.box, self.p.count
        member = [i % p.clusters for i in range(n)]
        self.rng.shuffle(member)
        # each cluster is a round patch just big enough for its dots (loosely packed)
        need = [0.0] * p.clusters
        for i in range(n):
            need[member[i]] += math.pi * (radii[i] + self.gap / 2) ** 2 / 0.42
        reach = max(math.sqrt(a / math.pi) for a in need)
        if 2 * reach > min(x1 - x0, y1 - y0):
            return False
        centres = _best_candidate(self.rng, p.clusters, x0 + reach, y0 + reach, x1 - reach, y1 - reach)
        if any(math.dist(a, b) < 2.3 * reach for j, a in enumerate(centres) for b in centres[:j]):
            return False
        self.member, self.centres, self.reach = member, centres, reach
        return True

    def place(self, i: int, r: float) -> Dot | None:
        """Dot `i` of radius `r` somewhere free (None after 1,500 tries)."""
        p, rng, random_ = self.p, self.rng, self.rng.random
        x0, y0, x1, y1 = self.box
        left, right, low, high = x0 + r, x1 - r, y0 + r, y1 - r
        for attempt in range(1500):
            spot = self._candidate(i, attempt, left, right, low, high)
            if spot is None:
                continue
            x, y = spot
            if not (left <= x <= right and low <= y <= high):
                continue
            gx, gy = int(x // self.cell), int(y // self.cell)
            if _crowded(self.grid, gx, gy, x, y, r, self.gap, math.hypot):
                continue
            if p.clusters and random_() < 0.7:
                color = self.member[i] % len(p.colors)  # each cluster leans to one colour
            else:
                color = rng.randrange(len(p.colors))
            self.grid.setdefault((gx, gy), []).append((x, y, r))
            return Dot(x, y, r, color)
        return None

    def _candidate(self, i: int, attempt: int, left: float, right: float, low: float,
                   high: float) -> tuple[float, float] | None:
        """A random point for dot `i` (random.uniform(a, b) is a + (b - a) * random(): written out, the same
        numbers); None when the loose group's thinning turns it down."""
        random_ = self.rng.random
        if self.p.clusters:
            c = self.member[i]
            # denser towards the middle; a crowded cluster slowly grows
            dist = self.reach * random_() ** 0.65 * (1 + attempt / 500)
            angle = 2 * math.pi * random_()
            return self.centres[c][0] + dist * math.cos(angle), self.centres[c][1] + dist * math.sin(angle)
        x0, y0, x1, y1 = self.box
        x = left + (right - left) * random_()
        y = low + (high - low) * random_()
        # one loose group: denser in the middle, thinning towards the edges
        d = ((x - (x0 + x1) / 2) / ((x1 - x0) / 2)) ** 2 + ((y - (y0 + y1) / 2) / ((y1 - y0) / 2)) ** 2
        if random_() < 0.5 * d and attempt < 600:
            return None
        return x, y


def _crowded(grid: dict, gx: int, gy: int, x: float, y: float, r: float, gap: float, hypot: Callable) -> bool:
    """Whether a dot placed so far (in the 3 × 3 buckets round (gx, gy)) is within `gap` of a dot of
    radius `r` at (x, y)."""
    for ix in (gx - 1, gx, gx + 1):
        for iy in (gy - 1, gy, gy + 1):
            for qx, qy, qr in grid.get((ix, iy), ()):
                if hypot(qx - x, qy - y) < qr + r + gap:
                    return True
    return False


class Dots:
    name = "dots"
    aspect = 1.8

    def parse(self, params: dict[str, Any], where: Callable[[str], Where], problems: list[Problem]) -> DotsParams:
        values: dict[str, Any] = {}
        for key, value in known_params(self.name, DotsParams, params, where, problems).items():
            if key == "count":
                values[key] = COUNT.check(key, value, where(key), problems)
            elif key == "seed":
                values[key] = SEED.check(key, value, where(key), problems)
            elif key == "clusters":
                values[key] = CLUSTERS.check(key, value, where(key), problems)
            elif key == "colors":
                values[key] = parse_colors(key, value, where(key), problems)
            elif key == "radius":
                values[key] = self._radius(value, where(key), problems)
        parsed = DotsParams(**{k: v for k, v in values.items() if v is not None or k == "radius"})
        if parsed.clusters > parsed.count:
            problems.append(Problem(where("clusters"), f"parameter 'clusters' is {parsed.clusters}, more than "
                                    f"the {parsed.count} dots", f"use at most {parsed.count} clusters, or more dots"))
        return parsed

    @staticmethod
    def _radius(value: Any, where: Where, problems: list[Problem]) -> tuple[float, float] | None:
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = [value, value]
        ok = (isinstance(value, list) and len(value) == 2
              and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
              and all(RADIUS.low <= v <= RADIUS.high for v in value) and value[0] <= value[1])
        if not ok:
            problems.append(Problem(where, f"parameter 'radius' is {value!r}",
                                    f"use two numbers from {RADIUS.low:g} to {RADIUS.high:g} (points), "
                                    f"smallest first, like radius: [2, 6]"))
            return None
        return (float(value[0]), float(value[1]))

    def alt_text(self, p: DotsParams, lang: str) -> str:
        from ..words import words_for  # the phrases in the document's language
        words = words_for(lang)
        if p.count == 1:
            return words.get("dots_single")
        count = f" {p.count}"  # always said, as in every variant
        clusters = ""
        if p.clusters == 1:
            clusters = words.get("in_one_cluster")
        elif p.clusters > 1:
            clusters = words.get("in_clusters", n=p.clusters)
        return words.get("dots_group", count=count, clusters=clusters)

    def check_theme(self, p: DotsParams, theme: Any) -> list[str]:
        return check_colors(p.colors, theme, "dots")

    def draw(self, sk: Any, p: DotsParams, box: Any, theme: Any) -> None:
        colors = [theme_color(theme, name) for name in p.colors]
        for tone, color, commands in _tones(p, float(sk.width), float(sk.height)):
            sk.path(commands, fill=TONES[tone](colors[color]))


# Each dot is a glossy bead lit from the top left, in flat tones rather than a shading of its own (a
# shading is four PDF objects, and its clip a path, for every dot): the whole dot in a deeper shade, the full
# colour over all of it but a crescent at the bottom right, and a pale highlight up at the top left. Every
# dot of one colour and tone goes into one path, so a figure is a few fills however many dots it has.
SHADE, BODY, LIGHT = 0, 1, 2
TONES: dict[int, Callable[[tuple], tuple]] = {
    SHADE: lambda c: _mix(c, (0.0, 0.0, 0.0), 0.14),
    BODY: lambda c: c,
    LIGHT: lambda c: _mix(c, WHITE, 0.35),
}
BEAD = 2.5  # smaller dots are flat: too small for the tones to show
BODY_R = 0.84  # the full colour's circle, touching the dot's edge at the top left, times the dot's radius
LIGHT_R, LIGHT_AT = 0.3, 0.4  # the highlight's radius, and how far up-left its centre is, times the dot's


@lru_cache(maxsize=64)
def _tones(p: DotsParams, width: float, height: float) -> tuple[tuple[int, int, tuple[tuple, ...]], ...]:
    """(tone, colour index, path commands) for each tone of each colour, in painting order (the tones of
    one dot overlap, but no two dots do, so all the shades can go down before all the bodies)."""
    paths: dict[tuple[int, int], list[tuple]] = {}
    up_left = math.sqrt(0.5)
    for dot in layout_dots(p, width, height):
        x, y, r = dot.x, dot.y, dot.r
        if r < BEAD:
            paths.setdefault((BODY, dot.color), []).extend(_circle_path(x, y, r))
            continue
        paths.setdefault((SHADE, dot.color), []).extend(_circle_path(x, y, r))
        shift = (r - BODY_R * r) * up_left
        paths.setdefault((BODY, dot.color), []).extend(_circle_path(x - shift, y + shift, BODY_R * r))
        shift = LIGHT_AT * r * up_left
        light = LIGHT_R * r
        paths.setdefault((LIGHT, dot.color), []).extend(_circle_path(x - shift, y + shift, light))
    return tuple((tone, color, tuple(commands)) for (tone, color), commands in sorted(paths.items()))


register(Dots())
