"""What an output profile is: a typed record (where its file goes, its colour model, the preflight family it
asks for, its finishers and checks as functions). The profiles themselves are in `registry.py`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Literal

from ..preflight.family import Family

if TYPE_CHECKING:
    import pikepdf

    from ..errors import Problem
    from ..finish import FinishContext
    from ..model import Document
    from ..pipeline import Prepared

Finisher = Callable[["pikepdf.Pdf", "FinishContext"], None]    # changes the finished PDF before it is saved
SavedCheck = Callable[[bytes, "Prepared"], "list[Problem]"]   # a check of the saved bytes
XmpExtension = Callable[["Document"], tuple[str, str]]        # (namespaces, properties) added to the XMP


class ColorModel(Enum):
    RGB = "rgb"    # sRGB throughout
    CMYK = "cmyk"  # the theme's colours through the press condition (or the brand's recipes), photos separated


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
    name: str                       # as written in a layout's profiles: and on the command line (--profile)
    description: str
    images: ImagePolicy
    color: ColorModel = ColorModel.RGB
    links: bool = True              # live link annotations (printers reject them)
    bleed: float = 0.0              # points added on each side of the trim
    crop_marks: bool = False
    mark_margin: float = 0.0        # room outside the bleed for crop marks
    linearize: bool = False
    output_intent: Literal["sRGB", "CMYK"] | None = None
    pdfa: bool = False              # PDF/A: the sources that built the file are embedded
    approval_only: bool = False     # written only by `render.py approve`, never by a build
    pdf_version: str = ""           # the lowest PDF version written (PDF/X-4: 1.6)
    suffix: str = ""                # added to the file name: NAME-print.pdf
    folder: tuple[str, ...] = ()    # under the output folder; {material_id} and {version} are filled in
    preflight: Family | None = None  # the profile-specific checks a build runs on it (press: PDF/X and inks)
    xmp: XmpExtension | None = None  # what the profile adds to the XMP written with the metadata
    finishers: tuple[Finisher, ...] = ()
    checks: tuple[SavedCheck, ...] = ()

    @property
    def cmyk(self) -> bool:
        return self.color is ColorModel.CMYK

    @property
    def press(self) -> bool:
        """Printed on a press: the print minimum sizes and the PDF/X checks apply."""
        return self.preflight is Family.PRESS

    def output_path(self, output: Path, name: str, material_id: str, version: str) -> Path:
        folder = output.joinpath(*(part.format(material_id=material_id, version=version) for part in self.folder))
        target = folder / f"{name}{self.suffix}.pdf"
        if ".." in target.relative_to(output).parts:
            raise ValueError(f"output path {target} leaves {output}")  # validation keeps ids path-safe
        return target

    @property
    def offset(self) -> float:
        """Distance from the media box corner to the trim corner."""
        return self.bleed + self.mark_margin
