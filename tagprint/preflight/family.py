"""Families of profile-specific checks: a profile names the family it asks for (`Profile.preflight`), a
check names the family it belongs to (`register(..., family=...)`). A new print-like profile gets every
PDF/X check by saying it is a press profile, not by being listed in each check."""

from __future__ import annotations

from enum import Enum


class Family(Enum):
    PRESS = "press"  # a printer's preflight: PDF/X-4 id and OutputIntent, boxes, inks, image resolution
