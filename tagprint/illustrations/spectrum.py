"""The spectrum: a shaded horizontal cylinder blending between two colours, a label under each end
and rows of person icons above each end (how many patients lean which way)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import Problem, Where
from ..fonts import face
from .registry import Range, known_params, register
from .arrows import smoothstep

COUNT = Range(0, 40)
LABEL_MIN = 7.5  # points: the labels' size in a narrow column (bold caps legible offset-printed)
LABEL_FLOOR = 6.5  # points: the least, only when the labels would not fit at LABEL_MIN


@dataclass(frozen=True)
class SpectrumParams:
    left_count: int = 13
    right_count: int = 3
    left_label: str = "AUTOIMMUNE"
    right_label: str = "AUTOINFLAMMATORY"
    left_color: str = "secondary"
    right_color: str = "accent"
    label_left_color: str = "secondary"
    label_right_color: str = "accent_text"


def _mix(a: tuple, b: tuple, t: float) -> tuple:
    return tuple(x + (y - x) * t for x, y in zip(a, b))


WHITE, BLACK = (1.0, 1.0, 1.0), (0.0, 0.0, 0.0)
# the neutral the two ends blend through: paper white with a touch of both ends (a warm light grey, light
# enough that the middle reads as a highlight between the two colours, not as a third colour; at 0.64 every
# band's middle prints through the press profile: none matches a mix of brand inks by chance)
NEUTRAL_WHITE = 0.64


def _blend(left: tuple, right: tuple) -> tuple[list[tuple], list[float]]:
    """The body's colours left to right and where each sits: each end held a little, then a light
    neutral between them."""
    neutral = _mix(_mix(left, right, 0.5), WHITE, NEUTRAL_WHITE)
    return [left, left, neutral, right, right], [0.0, 0.08, 0.52, 0.9, 1.0]


SHADE_TOP = 0.42  # the shade underneath reaches this far up (of the height)
BLEND_STEP = 6.0  # points: the most between two columns of the shading where the colour blends
LIGHT_ROWS = 32  # the lit cylinder's shading: rows from bottom to top (and one where the shade stops)


def _light(v: float) -> float:
    """How lit the cylinder is at height v (0 bottom, 1 top): above 0 towards white (a soft highlight a
    third of the way down), below 0 towards black (the shade underneath)."""
    return 0.34 * math.exp(-((v - 0.7) / 0.16) ** 2) - 0.16 * smoothstep((SHADE_TOP - v) / SHADE_TOP)


def _lit(color: tuple, light: float) -> tuple:
    """`color` lit by `light`: mixed with white or with black, never both (in print each band's colours
    are then one ink mix of a brand colour, the same kind in every band, so no band stands out)."""
    return _mix(color, WHITE, light) if light >= 0 else _mix(color, BLACK, -light)


KAPPA = 0.5522847498  # Bézier handle length for a quarter circle, times the radius


def _person(cx: float, base: float, size: float) -> list[tuple]:
    """Path commands for a person icon standing on `base`: a head and rounded shoulders, `size` tall."""
    head_r = size * 0.2
    hy = base + size - head_r
    k = head_r * KAPPA
    w, h = size * 0.62, size * 0.52
    x0, x1 = cx - w / 2, cx + w / 2
    r = w * 0.42
    return [("M", cx + head_r, hy), ("C", cx + head_r, hy + k, cx + k, hy + head_r, cx, hy + head_r),
            ("C", cx - k, hy + head_r, cx - head_r, hy + k, cx - head_r, hy),
            ("C", cx - head_r, hy - k, cx - k, hy - head_r, cx, hy - head_r),
            ("C", cx + k, hy - head_r, cx + head_r, hy - k, cx + head_r, hy),
            ("M", x0, base), ("L", x0, base + h - r), ("C", x0, base + h, x0 + r * 0.2, base + h, x0 + r, base + h),
            ("L", x1 - r, base + h), ("C", x1 - r * 0.2, base + h, x1, base + h, x1, base + h - r),
            ("L", x1, base), ("Z",)]


def _icons(sk: Any, count: int, x0: float, x1: float, base: float, size: float, color: tuple, rows_max: int,
           anchor: str = "start") -> None:
    """`count` person icons in rows between x0 and x1, as even as the count allows, all one path (one fill
    for the lot). The group is anchored to one side: "start" puts its widest row's first icon's outer edge
    on x0, "end" its last icon's on x1 (each group flush with its own end of the bar, whatever the count);
    a shorter row is centred under the widest."""
    if count == 0:
        return
    pitch = size * 0.78
    per_row = max(1, min(count, int((x1 - x0) // pitch)))
    rows = -(-count // per_row)
    if rows > rows_max:
        per_row = -(-count // rows_max)
        pitch = (x1 - x0) / per_row
        rows = rows_max
    # the rows share the icons evenly (13 in two rows: 7 over 6), never a full row over a short one
    per_row = -(-count // rows)
    # the group (its widest row) is anchored; a shorter row is centred under it. The icon is 0.62 × 0.92 of
    # `size` wide: its outer edge, not its pitch cell, meets the anchor
    edge = size * 0.92 * 0.31
    group = (per_row - 1) * pitch
    mid = x0 + edge + group / 2 if anchor == "start" else x1 - edge - group / 2
    placed = 0
    commands: list[tuple] = []
    for row in range(rows):
        n = min(per_row, count - placed)
        start = mid - (n - 1) * pitch / 2
        y = base + (rows - 1 - row) * size * 1.05
        for i in range(n):
            commands += _person(start + i * pitch, y, size * 0.92)
        placed += n
    sk.path(commands, fill=color)


class Spectrum:
    name = "spectrum"
    aspect = 1.8

    def parse(self, params: dict[str, Any], where: Callable[[str], Where], problems: list[Problem]) -> SpectrumParams | None:
        values: dict[str, Any] = {}
        for key, value in known_params(self.name, SpectrumParams, params, where, problems).items():
            if key.endswith("_count"):
                values[key] = COUNT.check(key, value, where(key), problems)
            elif not isinstance(value, str) or not value.strip():
                problems.append(Problem(where(key), f"parameter '{key}' must be text", f"write {key}: \"…\""))
            else:
                values[key] = value
        return SpectrumParams(**values)

    def texts(self, p: SpectrumParams) -> list[str]:
        """The words drawn in the picture (checked against the fonts before drawing)."""
        return [p.left_label, p.right_label]

    def check_theme(self, p: SpectrumParams, theme: Any) -> list[str]:
        """Colour names the theme does not have (the contrast of labels is checked with the page)."""
        names = (p.left_color, p.right_color, p.label_left_color, p.label_right_color)
        return [f"spectrum colour '{name}' is not in the theme (it has {', '.join(sorted(theme.colors))})"
                for name in names if name not in theme.colors]

    def alt_text(self, p: SpectrumParams, lang: str) -> str:
        from ..words import words_for  # the phrases in the document's language
        words = words_for(lang)

        def icons(n: int) -> str:
            return words.get("spectrum_icon" if n == 1 else "spectrum_icons", n=n)
        only = words.get("spectrum_only") if p.right_count < p.left_count else ""
        # the default labels are the spectrum of RA; other labels name a spectrum of their own
        ra = (p.left_label, p.right_label) == (SpectrumParams.left_label, SpectrumParams.right_label)
        return words.get("spectrum" if ra else "spectrum_any", left=p.left_label, right=p.right_label,
                         left_icons=icons(p.left_count),
                         right_icons=icons(p.right_count), only=only)

    def fit(self, p: SpectrumParams, w: float, h: float, theme: Any = None) -> tuple[float, float]:
        """The box the picture needs inside w × h: as wide, and no taller than its rows of people need (a
        taller box would leave an empty band above them)."""
        return w, min(h, _plan(p, w, h, getattr(theme, 'font', None)).height)

    def draw(self, sk: Any, p: SpectrumParams, box: Any, theme: Any) -> None:
        w, h = sk.width, sk.height
        plan = _plan(p, w, h, theme.font)
        left, right = theme.colors[p.left_color], theme.colors[p.right_color]
        label_font = face(theme.font, bold=True).name
        label_size, cyl_h, cyl_y = plan.label_size, plan.cyl_h, plan.cyl_y
        cap = cyl_h * 0.32  # half-width of the elliptical ends
        x0, x1 = cap, w - cap
        body = [("M", x0, cyl_y), ("L", x1, cyl_y), ("C", x1 + cap * 1.33, cyl_y, x1 + cap * 1.33, cyl_y + cyl_h,
                x1, cyl_y + cyl_h), ("L", x0, cyl_y + cyl_h),
                ("C", x0 - cap * 1.33, cyl_y + cyl_h, x0 - cap * 1.33, cyl_y, x0, cyl_y), ("Z",)]
        # the body blends left to right through a light neutral (teal and orange mixed straight would meet
        # in a muddy grey-brown); it is lit from above: a soft highlight a third of the way down from the
        # top and a shade towards the bottom. One smooth shading (a triangle mesh: colour blended smoothly
        # between the grid's points, so no step shows at any zoom and nothing is transparent): columns at
        # the blend's stops, rows close enough that the light's curve reads as a curve. Both ends are the
        # same rounded end, lit alike (no end face on one side only).
        colors, stops = _blend(left, right)
        xs = [-1.0] + [w * t for t in stops[1:-1]] + [w + 1.0]
        vs = sorted(set([k / LIGHT_ROWS for k in range(LIGHT_ROWS + 1)] + [SHADE_TOP]))
        ys = [cyl_y + cyl_h * v for v in vs]
        grid = [_lit(c, _light(v)) for v in vs for c in colors]
        # (between two stops, columns a few points apart, so the blend is as even as one axial shading's)
        sk.mesh_gradient(body, xs, ys, grid, step=BLEND_STEP)
        # labels under each end, in colours dark enough for text
        sk.text(0, label_size * 0.25, p.left_label, label_font, label_size, theme.colors[p.label_left_color],
                tracking=plan.tracking)
        sk.text(w, label_size * 0.25, p.right_label, label_font, label_size, theme.colors[p.label_right_color],
                anchor="end", tracking=plan.tracking)
        # people above each end
        base = cyl_y + cyl_h + plan.icon * 0.3
        # each group anchored to its end of the bar, flush with where the body's straight top edge begins
        # (x0) or ends (x1): the same line in every variant, whatever the counts
        # (spans as wide as the plan counted its rows in)
        _icons(sk, p.left_count, x0, x0 + w * 0.5, base, plan.icon, left, plan.rows, anchor="start")
        _icons(sk, p.right_count, x1 - w * 0.32, x1, base, plan.icon, right, plan.rows, anchor="end")


@dataclass(frozen=True)
class Plan:
    label_size: float
    tracking: float
    cyl_y: float
    cyl_h: float
    icon: float
    rows: int
    height: float  # what it all needs, from the labels' baseline area to the top row of people


def _rows(count: int, span: float, icon: float) -> int:
    per_row = max(1, min(count, int(span // (icon * 0.78))))
    return -(-count // per_row) if count else 0


def _plan(p: SpectrumParams, w: float, h: float, font: str | None) -> Plan:
    """Sizes from the width (labels as large as the width allows, up to 16 pt, so they stay legible
    projected), then as many rows of people as the counts need."""
    try:
        bold = face(font, bold=True) if font else None
    except KeyError:
        bold = None
    # about 10 pt in a leave-behind's column (266 pt), growing with the width to 15.4 pt on a slide
    # (330 pt) so that even a 3-up handout's thumbnail sets it above 6 pt; never under 7.5 pt in print
    # unless the two labels cannot fit side by side (then down to 6.5 pt)
    label_size = max(LABEL_MIN, min(16.0, w * 0.083 - 12.0))
    tracking = label_size * 0.08

    def labels_width(size: float) -> float:
        if bold is None:
            return (len(p.left_label) + len(p.right_label)) * size * 0.7
        return (bold.width(p.left_label, size) + bold.width(p.right_label, size)
                + size * 0.08 * (len(p.left_label) + len(p.right_label)))
    while label_size > LABEL_FLOOR and labels_width(label_size) > w * 0.95:
        label_size -= 0.25
    tracking = label_size * 0.08
    cyl_y = label_size * 1.6
    # the cylinder and the people are sized from the width; only a box too short for them shrinks them
    # (the same sizes whether the box is exactly their height or taller, so a tight box draws the same)
    cyl_h, icon = w * 0.15, w * 0.065
    rows = max(_rows(p.left_count, w * 0.5, icon), _rows(p.right_count, w * 0.32, icon), 1)
    need = cyl_h + icon * 0.3 + rows * icon * 1.05
    if cyl_y + need > h:
        scale = max(0.2, (h - cyl_y) / need)
        cyl_h, icon = cyl_h * scale, icon * scale
        rows = max(_rows(p.left_count, w * 0.5, icon), _rows(p.right_count, w * 0.32, icon), 1)
        room = max(1, int((h - cyl_y - cyl_h - icon * 0.3) // (icon * 1.05)))
        rows = min(rows, room)
    height = cyl_y + cyl_h + icon * 0.3 + rows * icon * 1.05
    return Plan(label_size, tracking, cyl_y, cyl_h, icon, rows, height)


register(Spectrum())
