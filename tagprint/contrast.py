"""Colour contrast per WCAG 2.x: sRGB relative luminance and the contrast ratio between two colours.

Colours are sRGB tuples with channels from 0 to 1 (as in the theme), or "#RRGGBB" / "#RGB" strings.
Text needs 4.5:1 (3:1 when large); graphics that carry meaning need 3:1 against what is beside them.
"""

from __future__ import annotations

import math
from typing import Sequence, Union

ColorLike = Union[Sequence[float], str]

TEXT = 4.5
LARGE_TEXT = 3.0
GRAPHICS = 3.0


def to_rgb(color: ColorLike) -> tuple[float, float, float]:
    """An sRGB triple (0..1) from a triple or a hex string."""
    if isinstance(color, str):
        digits = color.strip().lstrip("#")
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        if len(digits) != 6:
            raise ValueError(f"not a hex colour: {color!r}")
        try:
            red, green, blue = (int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4))
            return (red, green, blue)
        except ValueError:
            raise ValueError(f"not a hex colour: {color!r}") from None
    r, g, b = color
    for c in (r, g, b):
        if not 0.0 <= c <= 1.0:
            raise ValueError(f"colour channel {c!r} is outside 0..1")
    return (float(r), float(g), float(b))


def to_hex(color: ColorLike) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in to_rgb(color))


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: ColorLike) -> float:
    """Relative luminance: 0 for black, 1 for white."""
    r, g, b = (_linear(c) for c in to_rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: ColorLike, b: ColorLike) -> float:
    """The contrast ratio, from 1 (no contrast) to 21 (black on white); the order does not matter."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def check(foreground: ColorLike, background: ColorLike, minimum: float, what: str) -> str | None:
    """None when `foreground` on `background` reaches `minimum`, else a message saying by how much it misses."""
    r = ratio(foreground, background)
    if r >= minimum:  # WCAG does not round: 4.499:1 fails 4.5:1
        return None
    shown = math.floor(r * 100) / 100  # truncated, so a failing ratio is never shown as the minimum
    return (f"{what}: {to_hex(foreground)} on {to_hex(background)} has contrast {shown:.2f}:1, "
            f"below the {minimum:g}:1 needed")
