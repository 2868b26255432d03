"""Parametric vector illustrations. Each module holds its parameters, its drawing and its alt text.

A kind registers itself in `registry` when its module is imported (all of them are, here); layouts name it
(`illustration: spectrum`) and pass `params:`.
"""

from __future__ import annotations

from .registry import REGISTRY, Kind, Range, kinds, known_params, register
from . import spectrum  # noqa: F401  (each module registers its kind; this order is the registry's)
from . import arrows, dots, helix, hexagons  # noqa: F401

__all__ = ["REGISTRY", "Kind", "Range", "kinds", "known_params", "register"]
