"""The spectrum: a shaded horizontal cylinder blending between two colours, a label under each end
and rows of person icons above each end (how many patients lean which way)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..errors import Problem, Where
from ..fonts import face
from . import Range, known_params, register

COUNT = Range(0, 40)


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


def _icons(sk: Any, count: int, x0: float, x1: float, base: float, size: float, color: tuple, rows_max: int) -> None:
    """`count` person icons in rows centred between x0 and x1, all one path (one fill for the lot)."""
    if count == 0:
        return
    pitch = size * 0.78
    per_row = max(1, min(count, int((x1 - x0) // pitch)))
    rows = -(-count // per_row)
    if rows > rows_max:
        per_row = -(-count // rows_max)
        pitch = (x1 - x0) / per_row
        rows = rows_max
    placed = 0
    commands: list[tuple] = []
    for row in range(rows):
        n = min(per_row, count - placed)
        row_w = n * pitch
        start = (x0 + x1) / 2 - row_w / 2 + pitch / 2
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
        return words.get("spectrum", left=p.left_label, right=p.right_label, left_icons=icons(p.left_count),
                         right_icons=icons(p.right_count), only=only)

    def draw(self, sk: Any, p: SpectrumParams, box: Any, theme: Any) -> None:
        w, h = sk.width, sk.height
        left, right = theme.colors[p.left_color], theme.colors[p.right_color]
        white = (1.0, 1.0, 1.0)
        label_size = max(6.5, min(10.0, h * 0.075))
        label_font = face(theme.font, bold=True).name
        cyl_h = h * 0.24
        cyl_y = label_size * 2.2
        cap = cyl_h * 0.32  # half-width of the elliptical ends
        x0, x1 = cap, w - cap
        body = [("M", x0, cyl_y), ("L", x1, cyl_y), ("C", x1 + cap * 1.33, cyl_y, x1 + cap * 1.33, cyl_y + cyl_h,
                x1, cyl_y + cyl_h), ("L", x0, cyl_y + cyl_h),
                ("C", x0 - cap * 1.33, cyl_y + cyl_h, x0 - cap * 1.33, cyl_y, x0, cyl_y), ("Z",)]
        sk.linear_gradient(body, 0, 0, w, 0, [left, _mix(left, right, 0.5), right], [0, 0.55, 1])
        # 3-D shading: a soft highlight along the top and a shade along the bottom
        top = cyl_y + cyl_h
        sk.path([("M", x0, top - cyl_h * 0.18), ("L", x1, top - cyl_h * 0.18), ("L", x1, top - cyl_h * 0.42),
                 ("L", x0, top - cyl_h * 0.42), ("Z",)], fill=white, alpha=0.22)
        sk.path([("M", x0, cyl_y), ("L", x1, cyl_y), ("L", x1, cyl_y + cyl_h * 0.2), ("L", x0, cyl_y + cyl_h * 0.2),
                 ("Z",)], fill=(0, 0, 0), alpha=0.12)
        # the visible right end of the cylinder
        sk.ellipse(x1 - cap, cyl_y, x1 + cap, cyl_y + cyl_h, fill=_mix(right, white, 0.35))
        sk.ellipse(x1 - cap * 0.55, cyl_y + cyl_h * 0.2, x1 + cap * 0.55, cyl_y + cyl_h * 0.8,
                   fill=_mix(right, white, 0.55))
        # labels under each end, in colours dark enough for text
        sk.text(2, label_size * 0.6, p.left_label, label_font, label_size, theme.colors[p.label_left_color],
                tracking=0.8)
        sk.text(w - 2, label_size * 0.6, p.right_label, label_font, label_size, theme.colors[p.label_right_color],
                anchor="end", tracking=0.8)
        # people above each end
        icon = min(h * 0.2, w * 0.065)
        base = top + icon * 0.35
        rows_max = max(1, int((h - base) // (icon * 1.05)))
        _icons(sk, p.left_count, 0, w * 0.5, base, icon, left, rows_max)
        _icons(sk, p.right_count, w * 0.68, w, base, icon, right, rows_max)


register(Spectrum())
