"""Vector artwork placed as a figure: an SVG or a one-page PDF from images/ (see tagprint.artwork)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class Artwork:
    """A vector file from images/: `kind` is "svg" or "pdf"; `size` its natural size in points."""

    path: str
    kind: str
    size: tuple[float, float]
