"""Output profiles: a registry of typed records (`registry.py`), not if-chains. A profile says where its
file goes, its colour model, the preflight family it asks for, and its finishers and checks as functions;
nothing outside this package compares a profile's name."""

from __future__ import annotations

from .profile import ColorModel, Finisher, ImagePolicy, Profile, SavedCheck  # noqa: F401  (first: the
# finishers the registry imports import these records back through the package)
from .registry import (ARCHIVE, EMAIL, NAMES, PRINT, PROFILES, SCREEN, drafts, get, preflight_names,  # noqa: F401
                       printed, profiles, separated)
