"""Photos prepared for a profile: downsampled to a ppi, recompressed, converted, checked for resolution."""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image

from ..files import stamp, write_atomically
from . import ImagePolicy
from .color import cmyk_icc_path, image_to_cmyk

Image.MAX_IMAGE_PIXELS = 60_000_000  # decompression bombs: refuse absurd pictures before decoding


@dataclass(frozen=True)
class Prepared:
    data: bytes  # JPEG; with `lossless`, a PNG (RGB) or TIFF (CMYK) to be embedded Flate-compressed
    pixels: tuple[int, int]
    ppi: float   # effective resolution at the placed size (of the source picture)
    lossless: bool = False


LINE_ART_COLOURS = 16  # a PNG of at most this many colours is line art: never JPEG (ringing round its edges)


def line_art(im: Image.Image) -> bool:
    """A PNG of few flat colours (a diagram, a logo, a line drawing): JPEG would blur and ring its edges."""
    return im.format == "PNG" and im.convert("RGBA").getcolors(LINE_ART_COLOURS) is not None


def _lossless(im: Image.Image, policy: ImagePolicy, ppi: float) -> Prepared:
    """Line art kept lossless at its own pixels (no resampling: that would blur its edges), on white where
    it is transparent, in the profile's colour (CMYK through the press profile in print)."""
    rgba = im.convert("RGBA")
    flat = Image.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, mask=rgba.split()[3])
    out = io.BytesIO()
    if policy.cmyk:
        image_to_cmyk(flat, policy.icc, policy.ink_limit).save(out, "TIFF", compression="tiff_deflate")
    else:
        flat.save(out, "PNG")
    return Prepared(out.getvalue(), flat.size, ppi, lossless=True)


def effective_ppi(pixels: tuple[int, int], placed_pt: tuple[float, float]) -> float:
    """The picture is cover-cropped into the box: the smaller scale decides what a printer sees."""
    return min(pixels[0] / (placed_pt[0] / 72), pixels[1] / (placed_pt[1] / 72)) if placed_pt[0] and placed_pt[1] else 0


_KEPT_IN: Path | None = None  # where prepared photos are kept between runs (output/.tagprint/photos)


def keep_in(folder: Path | None) -> None:
    """Keep prepared photos in `folder`, named by what makes them (None: only in this process)."""
    global _KEPT_IN
    _KEPT_IN = folder


@functools.lru_cache(maxsize=64)
def _prepare(path: Path, changed: tuple, placed: tuple[float, float], policy: ImagePolicy,
             folder: Path | None) -> Prepared:
    with Image.open(path) as im:
        ppi = effective_ppi(im.size, placed)
        if line_art(im):
            return _lossless(im, policy, ppi)
        resize = bool(policy.max_ppi and ppi > policy.max_ppi)
        if not resize and not policy.cmyk and im.format == "JPEG" and im.mode == "RGB":
            return Prepared(path.read_bytes(), im.size, ppi)  # already right: pass the file through
        key = _key(path, placed, policy) if folder is not None else ""
        kept = _kept(folder, key, ppi) if folder is not None else None
        if kept is not None:
            return kept
        im.load()
        source = im
        if resize:
            scale = policy.max_ppi / ppi  # type: ignore[operator]
            size = (max(1, round(im.width * scale)), max(1, round(im.height * scale)))
            source = im.convert("RGB").resize(size, Image.Resampling.LANCZOS)
        picture = image_to_cmyk(source, policy.icc, policy.ink_limit) if policy.cmyk else source.convert("RGB")
        out = io.BytesIO()
        picture.save(out, "JPEG", quality=policy.quality, optimize=True)
        prepared = Prepared(out.getvalue(), picture.size, ppi)
    if folder is not None:
        _keep(folder, key, prepared)
    return prepared


def prepare(path: Path, placed: tuple[float, float], policy: ImagePolicy) -> Prepared:
    return _prepare(path, stamp(path), (round(placed[0], 2), round(placed[1], 2)), policy, _KEPT_IN)


# ---- prepared photos kept between runs: named by the digest of all that makes their bytes ----------

_MAKERS = (Path(__file__), Path(__file__).with_name("color.py"))  # the code that prepares a photo


@functools.lru_cache(maxsize=8)
def _file_digest(path: Path, changed: tuple) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def _key(path: Path, placed: tuple[float, float], policy: ImagePolicy) -> str:
    """The source's bytes, the placed size, the policy (with the press profile's bytes), Pillow's version
    and this code: the same key, the same JPEG."""
    h = hashlib.sha256(b"tagprint photo 1\0")
    h.update(_file_digest(path, stamp(path)))
    h.update(repr((placed, policy, PIL.__version__)).encode())
    if policy.cmyk:
        icc = policy.icc or cmyk_icc_path()
        h.update(_file_digest(icc, stamp(icc)))
    for maker in _MAKERS:
        h.update(_file_digest(maker, stamp(maker)))
    return h.hexdigest()


def _kept(folder: Path, key: str, ppi: float) -> Prepared | None:
    try:
        data = (folder / f"{key}.jpg").read_bytes()
        with Image.open(io.BytesIO(data)) as im:  # the header only: its size
            return Prepared(data, im.size, ppi)
    except (OSError, Image.UnidentifiedImageError):
        return None


def _keep(folder: Path, key: str, prepared: Prepared) -> None:
    try:
        write_atomically(folder / f"{key}.jpg", prepared.data)
    except OSError:
        pass  # a folder that cannot be written: the photo is prepared again next time
