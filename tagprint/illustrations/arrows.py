"""Arrows: two to six ribbons that twist around one another as they rise, then part and point upward.
Twist × count is at most 8 (a denser braid is a tangle): more is drawn, and said in the alt text, as
that (count 5: 1.5, count 6: 1).

Arrowheads grow towards a tenth of the picture's height as far as they fit side by side.

The ribbons pass properly over and under one another, drawn by the ribbon engine (`.ribbons`, shared
with the double helix); this module holds the picture: its parameters, the ribbons' centre lines, the
arrowheads and the alt text.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..errors import Problem, Where
from .registry import Range, known_params, register
from .dots import check_colors, parse_background, parse_colors, theme_color
# the helix takes the ribbon engine's names from here
from .ribbons import WHITE, Piece, Ribbon, draw_ribbons, mix  # noqa: F401

COUNT = Range(2, 6)
FAN = 2.2  # four or more arrows: from one head's middle to the next's, in head widths (at most)
BIG_HEADS = 1.3  # four or more arrows: their heads this much larger than a few arrows' (for thin ribbons)
TWIST = Range(0.5, 4)
MAX_CROSSINGS = 8  # half-turns times ribbons: a denser braid reads as a tangle, so more twist is drawn as this
FADE_MANY = 0.14  # four or more arrows: how much paler a ribbon turns at the back (three: 0.3)
MIN_HEAD = 0.1  # an arrowhead's length, at least this much of the picture's height
# the alt text's words, keys of the generated-words catalogue (tagprint.words): counts, and turns by half-turns
NUMBERS = {2: "count_2", 3: "count_3", 4: "count_4", 5: "count_5", 6: "count_6"}
TURNS = {0.5: "turn_quarter", 1: "turn_half", 1.5: "turn_three_quarters", 2: "turn_one", 3: "turn_one_and_half",
         4: "turn_two"}


@dataclass(frozen=True)
class ArrowsParams:
    count: int = 3
    colors: tuple[str, ...] = ("secondary", "accent", "primary")
    twist: float = 1.5  # half-turns the bundle makes on the way up
    background: str = "white"  # what the picture sits on: the gaps where ribbons cross show it


def drawn_twist(p: ArrowsParams) -> float:
    """The half-turns drawn (and said): the twist asked for, at most `MAX_CROSSINGS` crossings in all (to
    the half-turn below)."""
    return min(p.twist, max(TWIST.low, math.floor(2 * MAX_CROSSINGS / p.count) / 2))


def smoothstep(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


def _head(sk: Any, x: float, base: float, stem: float, width: float, length: float, color: tuple) -> None:
    """A slim arrowhead with gently hollowed sides, its base overlapping the ribbon's end."""
    tip = base + length
    barb = base - length * 0.08
    notch = base + length * 0.18
    hw, sw = width / 2, stem / 2
    shape = [("M", x, tip),
             ("C", x + hw * 0.35, tip - length * 0.3, x + hw * 0.8, barb + length * 0.25, x + hw, barb),
             ("L", x + sw, notch), ("L", x + sw, base - length * 0.12), ("L", x - sw, base - length * 0.12),
             ("L", x - sw, notch), ("L", x - hw, barb),
             ("C", x - hw * 0.8, barb + length * 0.25, x - hw * 0.35, tip - length * 0.3, x, tip), ("Z",)]
    sk.linear_gradient(shape, x, base, x, tip, [color, mix(color, WHITE, 0.22)], [0, 1])


def arrow_lines(p: ArrowsParams, cx: float, amp: float, y0: float, y1: float, roots: Sequence[float],
                slots: Sequence[float], rw: float) -> list[Ribbon]:
    """The ribbons' centre lines from y0 up to y1: side by side at `roots`, twisting round one another
    about `cx` with sway `amp`, then side by side again at `slots` (the arrowheads' places)."""
    a, b = 0.16, 0.74  # the twist runs from a to b; below and above it the ribbons stand apart
    half_turns = drawn_twist(p)
    twist = Twist(p.count, cx, amp, math.pi * half_turns / (b - a), roots, slots, a, b)
    offset = twist.cleanest_offset()
    ends = twist.plan(offset)
    # enough points for a smooth curve at any twist, and to tell crossings apart however thin the ribbons
    steps = max(45 + int(23 * half_turns), min(400, int(2 * (y1 - y0) / rw)))
    return [twist.centre_line(i, offset, ends, y0, y1, steps, rw) for i in range(p.count)]


Ends = tuple[list, list, list, list]  # each ribbon's (x, dx/dt) entering and leaving the twist, root and slot


@dataclass(frozen=True)
class Twist:
    """`count` ribbons twisting round `cx` with sway `amp` from `a` to `b` of the way up (turning `speed`
    radians per unit of the way), gliding in from `roots` below and out to `slots` above."""

    count: int
    cx: float
    amp: float
    speed: float
    roots: Sequence[float]
    slots: Sequence[float]
    a: float
    b: float

    def plan(self, offset: float) -> Ends:
        """Each ribbon's x and dx/dt where it enters and leaves the twist, and its root and slot."""
        n, a, b, speed, cx, amp = self.count, self.a, self.b, self.speed, self.cx, self.amp
        ends = []
        for i in range(n):
            ths = (speed * (a - a) + 2 * math.pi * i / n + offset, speed * (b - a) + 2 * math.pi * i / n + offset)
            ends.append(tuple((cx + amp * math.sin(th), amp * math.cos(th) * speed) for th in ths))
        # each ribbon leaves the twist for the root or slot on the side it is heading to
        below, above = [0.0] * n, [0.0] * n
        for k, i in enumerate(sorted(range(n), key=lambda i: ends[i][0][0] + 0.5 * ends[i][0][1] * -a)):
            below[i] = self.roots[k]
        for k, i in enumerate(sorted(range(n), key=lambda i: ends[i][1][0] + 0.5 * ends[i][1][1] * (1 - b))):
            above[i] = self.slots[k]
        return [e[0] for e in ends], [e[1] for e in ends], below, above

    def checks(self) -> list[list]:
        """The Hermite weights (of start, start slope, end, end slope) at the places checked for tangles,
        below and above the twist; None where the place is the twist's own end."""
        a, b = self.a, self.b
        checks = []
        for lo, hi in ((0.0, a), (b, 1.0)):
            weights: list = []
            for k in range(25):
                t = lo + (hi - lo) * k / 24
                if t < a:
                    tau = t / a
                elif t > b:
                    tau = (t - b) / (1 - b)
                else:
                    weights.append(None)
                    continue
                t2, t3 = tau * tau, tau * tau * tau
                weights.append((2 * t3 - 3 * t2 + 1, t3 - 2 * t2 + tau, -2 * t3 + 3 * t2, t3 - t2))
            checks.append(weights)
        return checks

    def tangles(self, offset: float, checks: list[list]) -> int:
        """How often ribbons cross outside the twist, where a crossing looks like a tangle."""
        enter, leave, below, above = self.plan(offset)
        n, a, b = self.count, self.a, self.b
        count = 0
        for region, weights in enumerate(checks):
            xs = []
            for i in range(n):
                if region == 0:  # from the root (upright) to the twist
                    (xa, dxa), p0 = enter[i], below[i]
                    m1 = dxa * a
                    xs.append([xa if w is None else w[0] * p0 + w[2] * xa + w[3] * m1 for w in weights])
                else:  # from the twist to the slot (upright)
                    (xb, dxb), p1 = leave[i], above[i]
                    m0 = dxb * (1 - b)
                    xs.append([xb if w is None else w[0] * xb + w[1] * m0 + w[2] * p1 for w in weights])
            for i in range(n):
                for j in range(i):
                    signs = [u > v for u, v in zip(xs[i], xs[j])]
                    count += sum(s != t for s, t in zip(signs, signs[1:]))
        return count

    def cleanest_offset(self) -> float:
        """Of a few starting angles, the one whose ribbons enter and leave the twist most cleanly (the
        first without a tangle, if there is one)."""
        checks = self.checks()
        offset, fewest = 0.0, -1
        for k in range(16):
            o = 2 * math.pi / self.count * k / 16
            c = self.tangles(o, checks)
            if fewest < 0 or c < fewest:
                offset, fewest = o, c
                if c == 0:
                    break
        return offset

    def glide(self, i: int, t: float, th: float, ends: Ends) -> tuple[float, float]:
        """Ribbon i's x at t (of the way up; angle th in the twist), and how loose it is there (0 standing
        apart, 1 in the twist): it glides from the root to the twist and from the twist to the slot along
        smooth curves that end upright."""
        a, b = self.a, self.b
        enter, leave, below, above = ends
        if t < a:
            (xa, dxa) = enter[i]
            m1 = dxa * a
            tau = t / a
            t2, t3 = tau * tau, tau * tau * tau
            x = (2 * t3 - 3 * t2 + 1) * below[i] + (-2 * t3 + 3 * t2) * xa + (t3 - t2) * m1
            loose = min(1.0, max(0.0, tau))
            return x, loose * loose * (3 - 2 * loose)
        if t > b:
            (xb, dxb) = leave[i]
            m0 = dxb * (1 - b)
            tau = (t - b) / (1 - b)
            t2, t3 = tau * tau, tau * tau * tau
            x = (2 * t3 - 3 * t2 + 1) * xb + (t3 - 2 * t2 + tau) * m0 + (-2 * t3 + 3 * t2) * above[i]
            loose = min(1.0, max(0.0, tau))
            return x, 1 - loose * loose * (3 - 2 * loose)
        return self.cx + self.amp * math.sin(th), 1.0

    def centre_line(self, i: int, offset: float, ends: Ends, y0: float, y1: float, steps: int,
                    rw: float) -> Ribbon:
        """Ribbon i sampled at `steps` + 1 points from y0 up to y1 (colour unset)."""
        turn = 2 * math.pi * i / self.count
        span = y1 - y0
        pts, depth, width = [], [], []
        for k in range(steps + 1):
            t = k / steps
            th = self.speed * (t - self.a) + turn + offset
            x, loose = self.glide(i, t, th, ends)
            pts.append((x, y0 + span * t))
            if self.count <= 3:
                # woven like a plait: over one ribbon, under the next
                depth.append((math.sin(2 * th) + 0.35 * math.cos(th)) / 1.35 * loose)
            else:
                # four or more twist like the strands of a rope: a ribbon stays in front for the whole
                # of its sweep across the front (one long unbroken stroke), then passes behind all the
                # others (a plait of five switches over and under every few points: it reads as dashes)
                depth.append(math.cos(th) * loose)
            grow = min(1.0, max(0.0, t / 0.12))
            width.append(rw * (0.55 + 0.45 * (grow * grow * (3 - 2 * grow))))
        # four or more: the back stretches only a little paler, so each strand keeps its colour all the way
        return Ribbon(pts, depth, width, (0.0, 0.0, 0.0), fade=0.3 if self.count <= 3 else FADE_MANY,
                      axis=(0.0, 1.0))


class Arrows:
    name = "arrows"
    aspect = 1.0

    def parse(self, params: dict[str, Any], where: Callable[[str], Where],
              problems: list[Problem]) -> ArrowsParams:
        values: dict[str, Any] = {}
        for key, value in known_params(self.name, ArrowsParams, params, where, problems).items():
            if key == "count":
                values[key] = COUNT.check(key, value, where(key), problems)
            elif key == "twist":
                values[key] = TWIST.check(key, value, where(key), problems, integer=False)
            elif key == "colors":
                values[key] = parse_colors(key, value, where(key), problems, most=6)
            elif key == "background":
                values[key] = parse_background(value, where(key), problems)
        return ArrowsParams(**{k: v for k, v in values.items() if v is not None})

    def alt_text(self, p: ArrowsParams, lang: str) -> str:
        from ..words import words_for  # the phrases in the document's language
        words = words_for(lang)
        text = words.get("arrows", count=words.get(NUMBERS[p.count]))
        # the turns are always said, the default's as every variant's
        twist = drawn_twist(p)  # what is drawn, when a denser braid was asked for
        turns = words.get(TURNS[twist]) if twist in TURNS else words.get("turns_n", n=words.number(twist / 2))
        return text + words.get("arrows_turns", turns=turns)

    def check_theme(self, p: ArrowsParams, theme: Any) -> list[str]:
        return check_colors(p.colors, theme, "arrows", p.background)

    def fit(self, p: ArrowsParams, w: float, h: float, theme: Any = None) -> tuple[float, float]:
        """The box the arrows need inside w × h: as tall, and no wider than they draw (plus the margin)."""
        return _fit(p, w, h)

    def draw(self, sk: Any, p: ArrowsParams, box: Any, theme: Any) -> None:
        n = p.count
        colors = [_strand_color(theme_color(theme, p.colors[i % len(p.colors)]), i // len(p.colors))
                  for i in range(n)]
        ribbons, rw, halo, (head_w, head_l, y1) = arrows_geometry(p, sk.width, sk.height)
        for r, color in zip(ribbons, colors):
            r.color = color

        def head(r: Ribbon) -> Callable[[Any], None]:
            return lambda sk: _head(sk, r.points[-1][0], y1, rw, head_w, head_l, r.color)
        heads = [Piece(2.0, head(r)) for r in ribbons]
        draw_ribbons(sk, ribbons, halo, heads, theme_color(theme, p.background))


PALETTE_TINT = 0.45  # more arrows than colours: each further round of the palette this much lighter


def _strand_color(color: tuple, round_: int) -> tuple:
    """A strand's colour: the palette's, lighter on each further round of it, so no two of four strands
    share one (the braid is followed by colour)."""
    return mix(color, WHITE, min(0.7, PALETTE_TINT * round_)) if round_ else color


@functools.lru_cache(maxsize=1024)
def _fit(p: ArrowsParams, w: float, h: float) -> tuple[float, float]:
    """The arrows' tight box, worked out once per params and box (a few geometry passes each)."""
    used = w
    for _ in range(4):  # in a narrower box the heads fan out less: settle on a width that holds them
        ribbons, rw, _, (head_w, _, _) = arrows_geometry(p, used, h)
        xs = [x for r in ribbons for x, _ in r.points]
        need = max(xs) - min(xs) + max(rw, head_w) + 2 * min(used, h) * 0.02 + 1.0
        if need >= used - 0.5:
            break
        used = need
    return min(w, used), h


def arrows_geometry(p: ArrowsParams, w: float, h: float) -> tuple[list[Ribbon], float, float, tuple]:
    """The ribbons' centre lines in a w × h box (colours unset), the ribbon width, the edge's width and
    the arrowheads' (width, length, base height)."""
    n = p.count
    margin = min(w, h) * 0.02  # just room for the edges: the box is tight to the drawing
    avail_w, avail_h = w - 2 * margin, h - 2 * margin
    # proportions in units of the ribbon width, then scaled to fit the box
    head_w, head_l, gap = 2.6, 3.4, 0.7
    spread = n * head_w + (n - 1) * gap  # the heads side by side at the top
    amp = max(2.2, spread * 0.42)  # the sway: wide enough that the ribbons weave rather than pile up
    # the height of the twisting part: squatter in a wide box so it can grow, and tall enough that
    # each half-turn stays steep
    braid = 11.0 + 4.0 * smoothstep((avail_h / max(avail_w, 1.0) - 0.4) / 0.6)
    braid = max(braid, 2.2 * amp * drawn_twist(p) / 0.75, 2.6 * amp)
    wide = max(spread, 2 * amp + 1.2)
    unit = min(avail_w / wide, avail_h / (braid * 1.15 + head_l))
    if n > 3:  # four or more (larger) heads side by side, with more than a head's width of air between them
        unit = min(unit, avail_w / (BIG_HEADS * head_w * (n + 1.2 * (n - 1))))
    braid = max(braid, (avail_h / unit - head_l) / 1.15)  # a tall, narrow box: rise the whole way up
    # in a wide box, open the composition out sideways rather than leave a thin column: the heads
    # fan out further, the twist itself widens a little
    stretch = min(1.6, max(1.0, min(avail_w, 0.65 * avail_h) / (wide * unit)))
    rw = unit
    amp *= unit * min(stretch, 1.15)
    pitch = (head_w + gap) * unit * stretch
    if n > 3:
        # four or more heads side by side crowd into a comb: a little larger (their ribbons are thin),
        # they fan out further than the twist is wide, with more than a head's width of air beside each,
        # as far as the box allows
        head_w, head_l = head_w * BIG_HEADS, head_l * BIG_HEADS
        room = (avail_w - head_w * unit) / (n - 1)
        pitch = max(pitch, min(room, FAN * head_w * unit))
    head_w, head_l = head_w * unit, head_l * unit
    # a tall braid of thin ribbons would leave the heads specks: at least MIN_HEAD of the height long, as far
    # as they fit side by side
    grow = max(1.0, MIN_HEAD * avail_h / head_l)
    # (with the air between them that a few, or four or more, heads keep: see FAN)
    room = avail_w if n == 1 else pitch / (FAN if n > 3 else 1.27)
    grow = min(grow, max(1.0, room / head_w))
    head_w, head_l = head_w * grow, head_l * grow
    cx = w / 2
    y1 = h - margin - head_l
    y0 = max(margin, y1 - braid * unit * 1.15)
    slots = [cx + (i - (n - 1) / 2) * pitch for i in range(n)]
    roots = [cx + (i - (n - 1) / 2) * pitch * 0.7 for i in range(n)]
    ribbons = arrow_lines(p, cx, amp, y0, y1, roots, slots, rw)
    return ribbons, rw, max(0.5, rw * 0.24), (head_w, head_l, y1)


register(Arrows())
