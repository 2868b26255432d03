"""Photos prepared for a profile: downsampled to a ppi, recompressed, converted, checked for resolution."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from . import ImagePolicy
from .color import image_to_cmyk

Image.MAX_IMAGE_PIXELS = 60_000_000  # decompression bombs: refuse absurd pictures before decoding


@dataclass(frozen=True)
class Prepared:
    data: bytes  # JPEG
    pixels: tuple[int, int]
    ppi: float   # effective resolution at the placed size (of the source picture)


def effective_ppi(pixels: tuple[int, int], placed_pt: tuple[float, float]) -> float:
    """The picture is cover-cropped into the box: the smaller scale decides what a printer sees."""
    return min(pixels[0] / (placed_pt[0] / 72), pixels[1] / (placed_pt[1] / 72)) if placed_pt[0] and placed_pt[1] else 0


@functools.lru_cache(maxsize=64)
def _prepare(path: Path, stamp: float, placed: tuple[float, float], policy: ImagePolicy) -> Prepared:
    with Image.open(path) as im:
        im.load()
        source = im
        ppi = effective_ppi(im.size, placed)
        if policy.max_ppi and ppi > policy.max_ppi:
            scale = policy.max_ppi / ppi
            size = (max(1, round(im.width * scale)), max(1, round(im.height * scale)))
            source = im.convert("RGB").resize(size, Image.Resampling.LANCZOS)
        elif not policy.cmyk and im.format == "JPEG" and im.mode == "RGB":
            return Prepared(path.read_bytes(), im.size, ppi)  # already right: pass the file through
        picture = image_to_cmyk(source, policy.icc, policy.ink_limit) if policy.cmyk else source.convert("RGB")
        out = io.BytesIO()
        picture.save(out, "JPEG", quality=policy.quality, optimize=True)
        return Prepared(out.getvalue(), picture.size, ppi)


def prepare(path: Path, placed: tuple[float, float], policy: ImagePolicy) -> Prepared:
    return _prepare(path, path.stat().st_mtime, (round(placed[0], 2), round(placed[1], 2)), policy)
