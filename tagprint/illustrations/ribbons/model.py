"""The ribbon engine's data: a ribbon's centre line, the pieces drawn among ribbons, and the stretches
a ribbon is cut into for drawing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

WHITE = (1.0, 1.0, 1.0)


def mix(a: tuple, b: tuple, t: float) -> tuple:
    return tuple(x + (y - x) * t for x, y in zip(a, b))


@dataclass
class Ribbon:
    """A ribbon's centre line: points (x, y), depth z (-1 behind … 1 in front) and width at each point.

    `axis` is the way the ribbon runs on the whole (a unit vector; each point further along it than the
    last), along which its shading is laid out: then every stretch of the ribbon shades alike where they
    meet. By default, from its first point towards its last."""

    points: list[tuple[float, float]]
    depth: list[float]
    width: list[float]
    color: tuple
    fade: float = 0.35  # how much paler the ribbon turns at the back
    axis: tuple[float, float] | None = None


@dataclass
class Piece:
    """Anything drawn in depth order besides the ribbons (rungs, arrowheads): `paint(sk)`.

    A piece with a `host` (ribbon number, point index) hangs from that ribbon: it is drawn just before the
    ribbon's part there if it lies deeper than the ribbon at that point (the ribbon covers its end and sets
    it off with the edge in the background colour), else just after. A piece without one takes its place
    among the ribbons' parts by depth `z` (arrowheads, at 2, come last). A hanging piece drawn first gives
    its `shape` (a line through its middle, reaching `thick` either side of it) so that edge follows it
    all the way across.
    """

    z: float
    paint: Callable[[Any], None]
    host: tuple[int, int] | None = None
    shape: tuple[tuple[float, float], ...] = ()
    thick: float = 0.0


@dataclass
class Segment:
    """One stretch of a ribbon, points `start` to `end` (both included), drawn as one outline. Neighbouring
    stretches of a ribbon overlap by a step, so no hairline seam shows between them."""

    ribbon: int
    start: int
    end: int
    key: float = 0.0  # the depth it is sorted by where no crossing decides
    halo: list[tuple[int, int, int]] = field(default_factory=list)  # (first, last, side) points along
    # which it passes over something close by, on its left (side 0), right (1) or both (2): lay the edge
    # in the background colour there first
    under: list[Piece] = field(default_factory=list)  # hung from it, behind: drawn just before it
    covers: list[tuple[int, int, int]] = field(default_factory=list)  # (ribbon, first, last) points of the
    # ribbons drawn before it that it passes over: its edge is laid only on those (never on a rung or
    # anything else drawn beside them)
    over: list[Piece] = field(default_factory=list)  # hung from it, in front: drawn just after it
