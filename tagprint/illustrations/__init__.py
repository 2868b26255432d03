"""Parametric vector illustrations. Each module holds its parameters, its drawing and its alt text.

A kind registers itself here; layouts name it (`illustration: spectrum`) and pass `params:`.
"""

from __future__ import annotations

from .registry import REGISTRY, Kind, Range, kinds, known_params, register

# Each module registers its kind when imported.
from . import spectrum  # noqa: F401
from . import arrows, dots, helix, hexagons  # noqa: F401

__all__ = ["REGISTRY", "Kind", "Range", "kinds", "known_params", "register"]
