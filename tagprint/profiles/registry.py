"""The output profiles, one record each: the only place a profile is known by its name.

- screen:  the everyday tagged PDF/UA file (output/NAME.pdf)
- print:   field reps' print master: trim and bleed boxes, crop marks, CMYK, no live links, ≥ 300 ppi
- email:   HCP attachment: sRGB, photos at 150 ppi, a size budget (not linearized: see profiles/email.py)
- archive: approved version: PDF/A-3a with its sources embedded, in a write-once store; written only
           by `render.py approve` (tagprint.approval), never by a build
Every profile stays tagged PDF/UA-1."""

from __future__ import annotations

from collections.abc import Iterable

from ..preflight.family import Family
from ..print_rules import MIN_PPI
from . import archive, email, print_master
from .profile import ColorModel, ImagePolicy, Profile

SCREEN = Profile("screen", "tagged PDF/UA-1 for screens", ImagePolicy(max_ppi=150, quality=80))
PRINT = Profile("print", "print master: bleed, crop marks, CMYK, no live links",
                ImagePolicy(min_ppi=MIN_PPI, cmyk=True, quality=90), color=ColorModel.CMYK, links=False,
                bleed=9.0, crop_marks=True, mark_margin=18.0, output_intent="CMYK", pdf_version="1.6",
                suffix="-print", preflight=Family.PRESS, finishers=(print_master.finish,))
EMAIL = Profile("email", "HCP attachment: sRGB, 150 ppi photos, size budget",
                ImagePolicy(max_ppi=150, quality=72), output_intent="sRGB", suffix="-email",
                finishers=(email.finish,), checks=(email.check_budget,))
ARCHIVE = Profile("archive", "approved version: PDF/A-3a + PDF/UA-1, sources embedded",
                  ImagePolicy(max_ppi=300, quality=88), output_intent="sRGB", pdfa=True, approval_only=True,
                  folder=("archive", "{material_id}", "{version}"), xmp=archive.xmp_extension,
                  finishers=(archive.finish,))

PROFILES: dict[str, Profile] = {p.name: p for p in (SCREEN, PRINT, EMAIL, ARCHIVE)}
NAMES: tuple[str, ...] = tuple(PROFILES)  # in the order builds are listed; the schema's profile names


def profiles() -> dict[str, Profile]:
    return PROFILES


def get(name: str) -> Profile:
    return PROFILES[name]


def drafts(names: Iterable[str]) -> list[str]:
    """The profiles a build writes: all of `names` except those only an approval writes."""
    return [name for name in names if not get(name).approval_only]


def printed(names: Iterable[str]) -> bool:
    """Whether any of the profiles `names` is printed on a press (the print minimum sizes apply)."""
    return any(get(name).press for name in names)


def separated(names: Iterable[str]) -> bool:
    """Whether any of the profiles `names` prints the theme's colours in CMYK."""
    return any(get(name).cmyk for name in names)


def preflight_names() -> tuple[str, ...]:
    """The profiles with checks of their own, for `render.py check --profile` (print)."""
    return tuple(name for name, p in PROFILES.items() if p.preflight is not None)
