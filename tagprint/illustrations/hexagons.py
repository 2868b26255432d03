"""Hexagons: an inverted triangle of hexagon rows, the top row widest and each row one hexagon fewer.

The first `fitted` rows tile together like a honeycomb (with a thin even gutter); the last `jumbled`
rows are shifted and turned by seeded jitter, growing towards the bottom, so they no longer fit. A
jumbled hexagon never touches another one: each stays its own shape.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from ..errors import Problem, Where
from .registry import Range, known_params, register
from .dots import check_colors, parse_colors, theme_color

ROWS = Range(2, 12)
PART = Range(0, 12)
SEED = Range(0, 999_999_999)
JITTER = Range(0.1, 1.0)
CHECKS: dict[str, tuple[Range, dict[str, Any]]] = {  # each numeric parameter's range
    "rows": (ROWS, {}), "fitted": (PART, {}), "jumbled": (PART, {}), "seed": (SEED, {}),
    "jitter": (JITTER, {"integer": False})}
SQRT3 = math.sqrt(3)
WHITE = (1.0, 1.0, 1.0)


@dataclass(frozen=True)
class HexagonsParams:
    rows: int = 7
    fitted: int = 4
    jumbled: int = 3
    seed: int = 1
    jitter: float = 0.5  # how far the jumbled rows come apart, 0.1 (a little) to 1 (a lot)
    colors: tuple[str, ...] = ("secondary", "accent")  # fitted rows, jumbled rows


@dataclass(frozen=True)
class Hexagon:
    row: int
    x: float
    y: float
    angle: float  # radians, 0 = pointy top
    jumbled: bool

    def corners(self, r: float) -> list[tuple[float, float]]:
        return _corners(self.x, self.y, self.angle, r)


# the corners of an upright hexagon of circumradius 1 about the origin (the same numbers the general
# formula gives for angle 0, so an upright tile's corners are the same either way)
_UPRIGHT = [(math.cos(0.0 + math.pi / 2 + i * math.pi / 3), math.sin(0.0 + math.pi / 2 + i * math.pi / 3))
            for i in range(6)]


def _corners(x: float, y: float, angle: float, r: float = 1) -> list[tuple[float, float]]:
    if angle == 0.0:
        return [(x + r * c, y + r * s) for c, s in _UPRIGHT]
    return [(x + r * math.cos(angle + math.pi / 2 + i * math.pi / 3),
             y + r * math.sin(angle + math.pi / 2 + i * math.pi / 3)) for i in range(6)]


def _mix(a: tuple, b: tuple, t: float) -> tuple:
    return tuple(x + (y - x) * t for x, y in zip(a, b))


def _separation(a: list[tuple], b: list[tuple]) -> float:
    """A lower bound of the distance between two convex polygons (the widest gap along an edge normal)."""
    best = -math.inf
    for nx, ny in _normals(a) + _normals(b):
        pa = [x * nx + y * ny for x, y in a]
        pb = [x * nx + y * ny for x, y in b]
        best = max(best, min(pb) - max(pa), min(pa) - max(pb))
    return best


def _normals(poly: list[tuple]) -> list[tuple[float, float]]:
    """The unit normal of each edge of a polygon."""
    out = []
    for i in range(len(poly)):
        (x0, y0), (x1, y1) = poly[i], poly[(i + 1) % len(poly)]
        nx, ny = y1 - y0, x0 - x1
        length = math.hypot(nx, ny)
        out.append((nx / length, ny / length))
    return out


class _Tile:
    """A hexagon of circumradius 1 as the separation test needs it: centre, corners and edge normals."""

    __slots__ = ("x", "y", "corners", "normals")

    def __init__(self, x: float, y: float, angle: float):
        self.x, self.y = x, y
        self.corners = _corners(x, y, angle)
        self.normals = _normals(self.corners)


# Centres `_FAR` · 2/√3 apart (plus the gap) always pass `_clear`: along the edge normal of one tile nearest
# to the line between the centres (at most 30° off it), the tiles' shadows are at least
# distance · cos 30° − apothem − circumradius apart. Centres nearer than `_NEAR` (plus the gap) never
# pass: along any line a tile's shadow reaches at least an apothem (√3/2) either side of its centre, so
# no gap is wider than distance − √3. Each with a hair to spare for rounding.
_FAR = 1 + SQRT3 / 2 + 1e-6
_NEAR = SQRT3 - 1e-6


def _clear(a: _Tile, b: _Tile, gap: float) -> bool:
    """Whether `_separation(a, b) >= gap`: the same answer from the same sums, found sooner (tiles far
    apart or overlapping are settled by their centres, and the edge normals most along the line between
    the centres, the likeliest to show a gap, are tried first)."""
    dx, dy = b.x - a.x, b.y - a.y
    d = math.hypot(dx, dy)
    if d * (SQRT3 / 2) >= gap + _FAR:
        return True
    if d < gap + _NEAR:
        return False
    for nx, ny in sorted(a.normals + b.normals, key=lambda n: -abs(n[0] * dx + n[1] * dy)):
        pa = [x * nx + y * ny for x, y in a.corners]
        pb = [x * nx + y * ny for x, y in b.corners]
        if min(pb) - max(pa) >= gap or min(pa) - max(pb) >= gap:
            return True
    return False


def layout_hexagons(p: HexagonsParams, gap: float) -> tuple[Hexagon, ...]:
    """The hexagons for circumradius 1 and a gutter `gap` (both in the same units), top row first, y up.
    The same rows, seed, jitter and gap always give the same tiles, so the answer is kept."""
    return _layout(p.rows, p.fitted, p.jumbled, p.seed, p.jitter, gap)


@lru_cache(maxsize=64)
def _layout(rows: int, fitted: int, jumbled_rows: int, seed: int, jitter: float, gap: float) -> tuple[Hexagon, ...]:
    rng = random.Random(seed)
    apart = loose_gap(gap, jitter)
    homes = _homes(rows, fitted, jitter, gap, apart)
    # only tiles whose centres are near enough could come within a gutter (each fits in a unit circle)
    reach = 2 + gap + 1.0
    home_tiles = [_Tile(x, y, 0.0) for _, x, y, _ in homes]
    placed: list[Hexagon] = []
    placed_tiles: list[_Tile] = []
    for index, (row, hx, hy, jumbled) in enumerate(homes):
        home = Hexagon(row, hx, hy, 0.0, jumbled)
        if not jumbled:
            placed.append(home)
            placed_tiles.append(home_tiles[index])
            continue
        depth = (row - fitted + 1) / max(1, jumbled_rows)  # the lowest row comes apart the most
        amount = min(1.0, jitter * 1.6 * (0.6 + 0.4 * depth))
        # clear of every hexagon placed so far and of the home of every one still to come, so that
        # staying home is always possible (the rows above and below are the only ones in reach)
        others = [t for t in placed_tiles if math.hypot(t.x - hx, t.y - hy) < reach]
        others += [t for t in home_tiles[index + 1:] if math.hypot(t.x - hx, t.y - hy) < reach]
        choice, chosen = _jumbled(rng, home, home_tiles[index], amount, others, apart)
        placed.append(choice)
        placed_tiles.append(chosen)
    return tuple(placed)


def loose_gap(gap: float, jitter: float) -> float:
    """The least gap around a jumbled hexagon: wider than the honeycomb's gutter, and the wider the more
    they are jumbled, so no two loose tiles look as if they touch (an even scatter, not near-misses)."""
    return gap + 0.3 * jitter


def _homes(rows: int, fitted: int, jitter: float, gap: float, apart: float) -> list[tuple[int, float, float, bool]]:
    """Where each hexagon sits before it is jumbled: (row, x, y, jumbled), top row first; a jumbled row
    spread so its tiles are `apart`, with room to turn (as far as the triangle's sides allow), and lowered
    until it is that clear of the row above."""
    pitch_x = SQRT3 + gap
    pitch_y = pitch_x * SQRT3 / 2
    loose = 1 + 0.22 * jitter  # jumbled rows sit a little further apart: room to move without touching
    homes: list[tuple[int, float, float, bool]] = []
    above: list[_Tile] = []
    y = 0.0
    for row in range(rows):
        jumbled = row >= fitted
        n = rows - row
        # spread a jumbled row a little, but never so far that it pokes out of the triangle's sides
        spread = max(loose, (SQRT3 + apart + 0.3 * jitter) / pitch_x)  # apart, with room to turn
        step = pitch_x * (min(spread, 1 + 0.5 / (n - 1)) if jumbled and n > 1 else 1.0)
        xs = [(i - (n - 1) / 2) * step for i in range(n)]
        if row:
            y -= pitch_y * (loose if jumbled else 1.0)
            if jumbled:  # lower it until every tile is clear of the row above
                while not all(_clear(_Tile(x, y, 0.0), c, apart + 0.02) for x in xs for c in above):
                    y -= 0.05
        above = [_Tile(x, y, 0.0) for x in xs]
        homes += [(row, x, y, jumbled) for x in xs]
    return homes


def _jumbled(rng: random.Random, home: Hexagon, home_tile: _Tile, amount: float, others: list[_Tile],
             gap: float) -> tuple[Hexagon, _Tile]:
    """A jumbled hexagon moved and turned at random by up to `amount`, less at each of 60 tries, clear of
    `others` by the gutter; at home if no try is."""
    for attempt in range(60):
        scale = amount * (1 - attempt / 60)
        candidate = Hexagon(home.row, home.x + rng.uniform(-0.4, 0.4) * scale,
                            home.y + rng.uniform(-0.3, 0.3) * scale,
                            rng.choice((-1, 1)) * rng.uniform(0.3, 1.0) * scale * math.radians(28), True)
        tile = _Tile(candidate.x, candidate.y, candidate.angle)
        if all(_clear(tile, o, gap) for o in others):
            return candidate, tile
    return home, home_tile


class Hexagons:
    name = "hexagons"
    aspect = 1.15

    def parse(self, params: dict[str, Any], where: Callable[[str], Where],
              problems: list[Problem]) -> HexagonsParams | None:
        values: dict[str, Any] = {}
        for key, value in known_params(self.name, HexagonsParams, params, where, problems).items():
            if key in CHECKS:
                rule, kwargs = CHECKS[key]
                values[key] = rule.check(key, value, where(key), problems, **kwargs)
            elif key == "colors":
                values[key] = parse_colors(key, value, where(key), problems, most=2)
        values = {k: v for k, v in values.items() if v is not None}
        if any(k in params and k not in values for k in ("rows", "fitted", "jumbled")):
            return None  # already reported
        parts = _rows_parts(values, params, where, problems)
        if parts is None:
            return None
        values.update(zip(("rows", "fitted", "jumbled"), parts))
        return HexagonsParams(**values)

    def alt_text(self, p: HexagonsParams, lang: str) -> str:
        from ..words import words_for  # the phrases in the document's language
        words = words_for(lang)
        start = words.get("hexagons")
        if p.jumbled == 0:
            return start + words.get("hexagons_all_fit", n=p.rows)
        if p.fitted == 0:
            return start + words.get("hexagons_all_jumbled", n=p.rows)
        first = words.get("hexagons_first_row" if p.fitted == 1 else "hexagons_first_rows", n=p.fitted)
        last = words.get("hexagons_next_row" if p.jumbled == 1 else "hexagons_next_rows", n=p.jumbled)
        return start + words.get("hexagons_while", first=first, last=last)

    def check_theme(self, p: HexagonsParams, theme: Any) -> list[str]:
        return check_colors(p.colors, theme, "hexagons")

    def fit(self, p: HexagonsParams, w: float, h: float, theme: Any = None) -> tuple[float, float]:
        """The box the triangle needs inside w × h: as tall, no wider than it draws (a tall box leaves the
        triangle narrower than the box)."""
        used = w
        for _ in range(4):  # the margin follows the box: settle on a width that holds the drawing
            fitted, loose = _figure(p.rows, p.fitted, p.jumbled, p.seed, p.jitter, float(used), float(h))
            xs = [c[k] for path, _ in ([fitted] if fitted else []) + list(loose) for c in path
                  for k in range(1, len(c), 2)]
            need = max(xs) - min(xs) + 2 * min(used, h) * MARGIN + 1.0
            if need >= used - 0.5:
                break
            used = need
        return min(w, used), h

    def draw(self, sk: Any, p: HexagonsParams, box: Any, theme: Any) -> None:
        fitted_color = theme_color(theme, p.colors[0])
        jumbled_color = theme_color(theme, p.colors[-1] if len(p.colors) > 1 else p.colors[0])
        fitted, loose = _figure(p.rows, p.fitted, p.jumbled, p.seed, p.jitter, float(sk.width), float(sk.height))
        if fitted:
            # one light falls over the whole honeycomb: paler at the top, deeper at the bottom (one shading
            # clipped to all the fitted tiles at once, the same on every tile as one a tile would be)
            clip, axis = fitted
            sk.linear_gradient(clip, *axis, [_mix(fitted_color, WHITE, 0.3), fitted_color,
                                             _mix(fitted_color, (0, 0, 0), 0.12)], [0, 0.55, 1])
        for clip, axis in loose:
            # each loose tile lit on its own, turned with it
            sk.linear_gradient(clip, *axis, [_mix(jumbled_color, WHITE, 0.28), jumbled_color,
                                             _mix(jumbled_color, (0, 0, 0), 0.1)], [0, 0.6, 1])


def _rows_parts(values: dict[str, Any], params: dict[str, Any], where: Callable[[str], Where],
                problems: list[Problem]) -> tuple[int, int, int] | None:
    """(rows, fitted, jumbled), whichever is missing filled in from the other two (or the defaults); None,
    with a problem, when they do not add up or make too many or too few rows."""
    d = HexagonsParams()
    rows, fitted, jumbled = (values.get(k) for k in ("rows", "fitted", "jumbled"))
    if rows is None:
        rows = (fitted if fitted is not None else d.fitted) + (jumbled if jumbled is not None else d.jumbled)
    elif fitted is None and jumbled is None:
        jumbled = min(rows - 1, max(1, round(rows * d.jumbled / d.rows)))
    if fitted is None:
        fitted = rows - (jumbled if jumbled is not None else d.jumbled)
    if jumbled is None:
        jumbled = rows - fitted
    if fitted < 0 or jumbled < 0 or fitted + jumbled != rows:
        given = [k for k in ("rows", "fitted", "jumbled") if k in params]
        problems.append(Problem(where(given[-1]),
                                f"fitted ({fitted}) + jumbled ({jumbled}) is {fitted + jumbled}, "
                                f"but rows is {rows}",
                                f"make fitted + jumbled equal rows (rows from {ROWS.low:g} to {ROWS.high:g})"))
        return None
    if not ROWS.low <= rows <= ROWS.high:
        problems.append(Problem(where("fitted" if "fitted" in params else "jumbled"),
                                f"fitted ({fitted}) + jumbled ({jumbled}) makes {rows} rows",
                                f"use from {ROWS.low:g} to {ROWS.high:g} rows in all"))
        return None
    return rows, fitted, jumbled


Axis = tuple[float, float, float, float]  # a gradient's start and end points
MARGIN = 0.03  # of the box's shorter side: room for a loose tile's tilt, no more


@lru_cache(maxsize=64)
def _figure(rows: int, fitted: int, jumbled: int, seed: int, jitter: float, w: float,
            h: float) -> tuple[tuple[tuple, Axis] | None, tuple[tuple[tuple, Axis], ...]]:
    """The drawing in a `w` × `h` box: the fitted tiles as one path with their gradient's axis (None
    without fitted rows), and each jumbled tile's path and axis. Worked out once for each size."""
    margin = min(w, h) * MARGIN
    params = HexagonsParams(rows, fitted, jumbled, seed, jitter)

    def fit(gap: float) -> tuple[tuple[Hexagon, ...], float, float, float]:
        hexes = layout_hexagons(params, gap)
        pts = [c for hx in hexes for c in hx.corners(1)]
        x0, x1 = min(x for x, _ in pts), max(x for x, _ in pts)
        y0, y1 = min(y for _, y in pts), max(y for _, y in pts)
        s = min((w - 2 * margin) / (x1 - x0), (h - 2 * margin) / (y1 - y0))
        return hexes, s, w / 2 - s * (x0 + x1) / 2, h / 2 - s * (y0 + y1) / 2

    gap = 0.16
    hexes, s, dx, dy = fit(gap)
    if gap * s < 1.4:  # keep the gutters visible when drawn small
        hexes, s, dx, dy = fit(1.4 / s)

    top = max(hx.y for hx in hexes) * s + dy + s
    bottom_fitted = min((hx.y for hx in hexes if not hx.jumbled), default=0) * s + dy - s
    honeycomb: list[tuple] = []
    loose: list[tuple[tuple, Axis]] = []
    for hx in hexes:
        corners = [(x * s + dx, y * s + dy) for x, y in hx.corners(1)]
        clip = [("M", *corners[0])] + [("L", *c) for c in corners[1:]] + [("Z",)]
        if hx.jumbled:
            cx, cy = hx.x * s + dx, hx.y * s + dy
            lx, ly = -math.sin(hx.angle) * s, math.cos(hx.angle) * s
            loose.append((tuple(clip), (cx + lx, cy + ly, cx - lx, cy - ly)))
        else:
            honeycomb += clip
    whole = (tuple(honeycomb), (w / 2, top, w / 2, bottom_fitted)) if honeycomb else None
    return whole, tuple(loose)


register(Hexagons())
