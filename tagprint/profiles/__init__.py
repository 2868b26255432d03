"""Output profiles: a registry of data plus a finisher, not if-chains.

- screen:  the everyday tagged PDF/UA file (output/NAME.pdf)
- print:   field reps' print master: trim and bleed boxes, crop marks, CMYK, no live links, ≥ 300 ppi
- email:   HCP attachment: sRGB, photos at 150 ppi, a size budget (not linearized: see profiles/email.py)
- archive: approved version: PDF/A-3a with its sources embedded, in a write-once store; written only
           by `render.py approve` (tagprint.approval), never by a build
Every profile stays tagged PDF/UA-1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any, Callable, Literal

from ..print_rules import MIN_PPI

Finisher = Callable[..., None]
NAMES = ("screen", "print", "email", "archive")


@dataclass(frozen=True)
class ImagePolicy:
    max_ppi: int | None = None   # downsample above this, at the placed size
    min_ppi: int | None = None   # below this is an error (print)
    cmyk: bool = False
    quality: int = 80
    icc: Path | None = None          # the press profile CMYK photos go through (None: the default)
    ink_limit: float | None = None   # total area coverage of CMYK photos, 0..4


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    images: ImagePolicy
    color: Literal["rgb", "cmyk"] = "rgb"
    links: bool = True              # live link annotations (printers reject them)
    bleed: float = 0.0              # points added on each side of the trim
    crop_marks: bool = False
    mark_margin: float = 0.0        # room outside the bleed for crop marks
    linearize: bool = False
    output_intent: Literal["sRGB", "CMYK"] | None = None
    pdfa: bool = False
    approval_only: bool = False     # written only by `render.py approve`, never by a build
    pdf_version: str = ""           # the lowest PDF version written (PDF/X-4: 1.6)
    finisher_names: tuple[str, ...] = field(default=())  # "module:function" in this package, loaded on use
    check_names: tuple[str, ...] = field(default=())     # checks of the saved bytes: (data, prepared) -> problems

    @property
    def finishers(self) -> tuple[Finisher, ...]:
        return _load(self.finisher_names)

    @property
    def checks(self) -> tuple[Callable[..., list], ...]:
        return _load(self.check_names)

    def output_path(self, output: Path, name: str, material_id: str, version: str) -> Path:
        if self.name == "screen":
            target = output / f"{name}.pdf"
        elif self.name == "archive":
            target = output / "archive" / material_id / version / f"{name}.pdf"
        else:
            target = output / f"{name}-{self.name}.pdf"
        if ".." in target.relative_to(output).parts:
            raise ValueError(f"output path {target} leaves {output}")  # validation keeps ids path-safe
        return target

    @property
    def offset(self) -> float:
        """Distance from the media box corner to the trim corner."""
        return self.bleed + self.mark_margin


def _load(names: tuple[str, ...]) -> tuple[Callable[..., Any], ...]:
    out = []
    for name in names:
        module, function = name.split(":")
        out.append(getattr(import_module(f".{module}", __name__), function))
    return tuple(out)


def _registry() -> dict[str, Profile]:
    return {
        "screen": Profile("screen", "tagged PDF/UA-1 for screens", ImagePolicy(max_ppi=150, quality=80)),
        "print": Profile("print", "print master: bleed, crop marks, CMYK, no live links",
                         ImagePolicy(min_ppi=MIN_PPI, cmyk=True, quality=90), color="cmyk", links=False,
                         bleed=9.0, crop_marks=True, mark_margin=18.0, output_intent="CMYK", pdf_version="1.6",
                         finisher_names=("print_master:finish",)),
        "email": Profile("email", "HCP attachment: sRGB, 150 ppi photos, size budget",
                         ImagePolicy(max_ppi=150, quality=72), output_intent="sRGB",
                         finisher_names=("email:finish",), check_names=("email:check_budget",)),
        "archive": Profile("archive", "approved version: PDF/A-3a + PDF/UA-1, sources embedded",
                           ImagePolicy(max_ppi=300, quality=88), output_intent="sRGB", pdfa=True,
                           approval_only=True, finisher_names=("archive:finish",)),
    }


PROFILES: dict[str, Profile] = {}


def profiles() -> dict[str, Profile]:
    if not PROFILES:
        PROFILES.update(_registry())
    return PROFILES


def get(name: str) -> Profile:
    return profiles()[name]


def drafts(names) -> list[str]:
    """The profiles a build writes: all of `names` except those only an approval writes."""
    return [name for name in names if not get(name).approval_only]
