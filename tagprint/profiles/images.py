"""Pictures prepared for a profile, decoded honestly: checked strictly, turned upright, read in their own
colour space, downsampled to a ppi, converted and recompressed, checked for resolution.

In this order, for every picture:
1. decoded strictly: a JPEG whose decoder only warns (corrupt data it would paint as grey bands) is a
   problem at the figure's line (`decode_problem`), like a file that does not decode at all;
2. turned by its EXIF Orientation before anything else (sizes, cropping and resolution are the upright
   picture's);
3. 16-bit samples scaled to 8 bits (not clipped: a 16-bit greyscale PNG is no longer white);
4. alpha kept as a soft mask in every profile. Print keeps it too (PDF/X-4 allows soft masks, and the photo
   module does not know what lies beneath a picture: flattening onto white would paint a white box on a
   tint panel); the print preflight lists it as a transparency note;
5. the embedded ICC profile is the source (Adobe RGB is not read as sRGB; a CMYK photo already separated
   with the press profile is passed through untouched); without one, sRGB (or the press profile for CMYK);
6. converted with black-point compensation, so that the shadows keep their steps;
7. line art (a lossless picture of at most 256 colours) stays lossless (Flate) at its own pixels; photos
   become JPEG;
8. for CMYK, the total ink limit is applied last: the JPEG is decoded again and, where its ringing goes
   over the limit, the limit is applied with a margin and the photo encoded again (stored lossless if no
   margin is enough), so that the pixels in the file are within the limit.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, ImageCms, ImageOps

from ..files import stamp, write_atomically
from . import ImagePolicy
from .color import IccFile, cmyk_icc, cmyk_icc_path, icc_file, total_ink
from .color import limit_image_ink as limit_ink

Image.MAX_IMAGE_PIXELS = 60_000_000  # decompression bombs: refuse absurd pictures before decoding

LOSSLESS_FORMATS = ("PNG", "GIF", "TIFF", "BMP")
LINE_ART_COLOURS = 256
MAX_MARGIN = 0.3  # how far under the ink limit a JPEG may be separated to keep its ringing within the limit
FLAGS = ImageCms.Flags.BLACKPOINTCOMPENSATION


class PictureProblem(ValueError):
    """A picture that cannot be used as it is: the message says why."""


@dataclass(frozen=True)
class Prepared:
    data: bytes  # JPEG (DCT) or, when `lossless`, a TIFF whose pixels are embedded with Flate
    pixels: tuple[int, int]
    ppi: float   # effective resolution at the placed size (of the source picture)
    mask: bytes | None = None   # the alpha channel as a greyscale PNG (a soft mask), None: opaque
    lossless: bool = False


def effective_ppi(pixels: tuple[int, int], placed_pt: tuple[float, float]) -> float:
    """The picture is cover-cropped into the box: the smaller scale decides what a printer sees."""
    return min(pixels[0] / (placed_pt[0] / 72), pixels[1] / (placed_pt[1] / 72)) if placed_pt[0] and placed_pt[1] else 0


# ---- decoding ----------------------------------------------------------------------------------------

def decode_problem(data: bytes) -> str | None:
    """Why a JPEG's data is corrupt, as libjpeg-turbo says when its warnings count as errors (strict mode);
    None for a sound JPEG or another format. Pillow's decoder paints over such damage silently."""
    if not data.startswith(b"\xff\xd8"):
        return None
    from ..fonts import cache_folder, kept_on_disk  # the verdict kept by the bytes: a new process building
                                                     # the same photos loads no strict decoder (nor NumPy)
    key = hashlib.sha256(b"tagprint strict JPEG verdict 1\0" + data).hexdigest()
    return kept_on_disk(cache_folder("pictures") / f"{key}.jpeg.txt",
                        lambda: (_strict_jpeg_problem(data) or "").encode()).decode() or None


def _strict_jpeg_problem(data: bytes) -> str | None:
    import simplejpeg

    try:
        header = simplejpeg.decode_jpeg_header(data)
        space = {"Gray": "GRAY", "CMYK": "CMYK", "YCCK": "CMYK"}.get(header[2], "RGB")
        simplejpeg.decode_jpeg(data, colorspace=space, strict=True)
    except ValueError as exc:
        return f"its JPEG data is corrupt ({str(exc).strip().rstrip('.')})"
    return None


ORIENTATION = 0x0112
TURNED = (5, 6, 7, 8)  # EXIF orientations that swap width and height


def picture_size(path: Path) -> tuple[int, int]:
    """The upright picture's size in pixels (EXIF orientation applied)."""
    with Image.open(path) as im:
        w, h = im.size
        return (h, w) if im.getexif().get(ORIENTATION) in TURNED else (w, h)


def upright(im: Image.Image) -> Image.Image:
    """EXIF orientation first, and 16-bit samples scaled (not clipped) to 8 bits."""
    icc = im.info.get("icc_profile")
    im = ImageOps.exif_transpose(im) or im
    if im.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        im = im.point(lambda v: v * (1 / 257)) if im.mode == "I" else im.convert("I").point(lambda v: v * (1 / 257))
        im = im.convert("L")
    elif im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    elif im.mode in ("1", "PA", "La"):
        im = im.convert("LA" if "A" in im.mode or "a" in im.mode else "L")
    elif im.mode == "RGBa":
        im = im.convert("RGBA")
    if icc:
        im.info["icc_profile"] = icc
    return im


def _split_alpha(im: Image.Image) -> tuple[Image.Image, Image.Image | None]:
    if im.mode in ("RGBA", "LA"):
        alpha = im.getchannel("A")
        colour = im.convert("RGB" if im.mode == "RGBA" else "L")
        colour.info = dict(im.info)
        if alpha.getextrema()[0] == 255:
            return colour, None  # all opaque: no mask
        return colour, alpha
    return im, None


# ---- colour --------------------------------------------------------------------------------------------

SRGB = "sRGB"


@functools.lru_cache(maxsize=16)
def _profile(icc: bytes | None) -> ImageCms.ImageCmsProfile:
    if icc is None:
        return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return ImageCms.ImageCmsProfile(io.BytesIO(icc))


@functools.lru_cache(maxsize=16)
def _transform(source: bytes | None, mode: str, target: bytes | None, out_mode: str) -> ImageCms.ImageCmsTransform:
    return ImageCms.buildTransform(_profile(source), _profile(target), mode, out_mode,
                                   renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC, flags=FLAGS)


def _source_icc(im: Image.Image, press: bytes | None) -> bytes | None:
    """The picture's own profile when it is one for its mode; else sRGB (None) or, for CMYK, the press's."""
    icc = im.info.get("icc_profile")
    if icc:
        try:
            space = _profile(icc).profile.xcolor_space.strip()
        except (ImageCms.PyCMSError, OSError):
            space = ""
        if space == "RGB" and im.mode == "RGB" and _is_srgb(icc):
            return None  # an embedded sRGB profile: the picture is what the output assumes already
        if {"RGB": "RGB", "L": "GRAY", "CMYK": "CMYK"}.get(im.mode) == space:
            return icc
    if im.mode == "CMYK":
        return press or cmyk_icc()
    if im.mode == "L":
        return None  # greyscale without a profile: read as sRGB grey
    return None


@functools.lru_cache(maxsize=16)
def _is_srgb(icc: bytes) -> bool:
    try:
        description = _profile(icc).profile.profile_description or ""
    except (ImageCms.PyCMSError, OSError):
        return False
    return description.strip().lower().startswith(("srgb", "srgb iec61966"))


def same_profile(a: bytes | None, b: bytes | None) -> bool:
    """Two ICC profiles with the same colour data (the header's dates and ID aside)."""
    if not a or not b:
        return False
    return a[128:] == b[128:] and a[4:24] == b[4:24] and a[36:84] == b[36:84]


def image_to_cmyk(image: Image.Image, press: Path | None, limit: float | None, source: bytes | None = None) -> Image.Image:
    """A picture through its own profile to the press profile, with black-point compensation; with `limit`
    the total ink limit (the caller applies it again after the last lossy step)."""
    press_icc = cmyk_icc(press)
    mode = "RGB" if image.mode not in ("L", "CMYK") or (image.mode == "L" and source is None) else image.mode
    out = _converted(image.convert(mode), _transform(source, mode, press_icc, "CMYK"))
    return limit_ink(out, limit) if limit is not None else out


def to_srgb(image: Image.Image, source: bytes | None) -> Image.Image:
    mode = "RGB" if image.mode not in ("L", "CMYK") else image.mode
    if source is None and mode != "CMYK":
        return image.convert("RGB")  # already sRGB
    return _converted(image.convert(mode), _transform(source, mode, None, "RGB"))


def _converted(image: Image.Image, transform: ImageCms.ImageCmsTransform) -> Image.Image:
    out = ImageCms.applyTransform(image, transform)
    assert out is not None  # not in place: applyTransform returns the new image
    return out


# ---- encoding -----------------------------------------------------------------------------------------

def _jpeg(picture: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def _lossless(picture: Image.Image) -> bytes:
    out = io.BytesIO()
    picture.save(out, "TIFF", compression="tiff_deflate")
    return out.getvalue()


def _png(mask: Image.Image) -> bytes:
    out = io.BytesIO()
    mask.save(out, "PNG", optimize=True)
    return out.getvalue()


def _ink_limited_jpeg(picture: Image.Image, limit: float, quality: int) -> tuple[bytes, bool]:
    """A CMYK JPEG whose decoded pixels are within `limit`: the limit is applied before the encoder with a
    margin grown by what the last try's ringing went over, until the decoded file keeps it; (a lossless
    TIFF, True) if no margin up to MAX_MARGIN does."""
    margin = 0.0
    while margin <= MAX_MARGIN:
        data = _jpeg(limit_ink(picture, max(0.0, limit - margin)), quality)
        with Image.open(io.BytesIO(data)) as decoded:
            decoded.load()
            over = total_ink(decoded) - limit
        if over <= 0.5 / 255:
            return data, False
        margin = max(margin + 0.02, margin + over * 1.25)
    return _lossless(limit_ink(picture, limit)), True


def line_art(im: Image.Image, source_format: str | None = None) -> bool:
    """A lossless picture of few flat colours (a diagram, a logo, a line drawing): JPEG would blur and ring
    its edges, and resampling would blur them too."""
    return ((source_format or im.format) in LOSSLESS_FORMATS
            and im.convert("RGBA").getcolors(LINE_ART_COLOURS) is not None)


# ---- preparing ------------------------------------------------------------------------------------------

_KEPT_IN: Path | None = None  # where prepared photos are kept between runs (output/.tagprint/photos)


def keep_in(folder: Path | None) -> None:
    """Keep prepared photos in `folder`, named by what makes them (None: only in this process)."""
    global _KEPT_IN
    _KEPT_IN = folder


def _open(path: Path) -> Image.Image:
    data = path.read_bytes()
    problem = decode_problem(data)
    if problem:
        raise PictureProblem(problem)
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


@functools.lru_cache(maxsize=64)
def _prepare(path: Path, changed: tuple, placed: tuple[float, float], policy: ImagePolicy,
             folder: Path | None, press: IccFile | None) -> Prepared:
    """`changed` (the photo's stamp) and `press` (the press profile's, in CMYK) key the cache only."""
    raw = _open(path)
    im = upright(raw)
    ppi = effective_ppi(im.size, placed)
    lossless = line_art(im, raw.format)
    resize = bool(policy.max_ppi and ppi > policy.max_ppi) and not lossless  # line art keeps its pixels
    press_icc = cmyk_icc(policy.icc) if policy.cmyk else None
    if _ready(raw, im, resize, policy, press_icc):
        return Prepared(path.read_bytes(), im.size, ppi)  # already what the output wants: the file as it is
    key = _key(path, placed, policy) if folder is not None else ""
    kept = _kept(folder, key, ppi) if folder is not None else None
    if kept is not None:
        return kept
    colour, alpha = _split_alpha(im)
    if resize and policy.max_ppi:  # (resize implies a max_ppi)
        scale = policy.max_ppi / ppi
        colour, alpha = _resized(colour, alpha, (max(1, round(im.width * scale)), max(1, round(im.height * scale))))
    picture, data, lossless = _encoded(colour, _source_icc(colour, press_icc), lossless, policy)
    prepared = Prepared(data, picture.size, ppi, _png(alpha) if alpha is not None else None, lossless)
    if folder is not None:
        _keep(folder, key, prepared)
    return prepared


def _ready(raw: Image.Image, im: Image.Image, resize: bool, policy: ImagePolicy, press_icc: bytes | None) -> bool:
    """A JPEG that needs nothing done: sRGB for the screen; for print, separated for this press already and
    within its ink limit."""
    plain_jpeg = (raw.format == "JPEG" and not resize and raw.getexif().get(ORIENTATION, 1) == 1)
    if not plain_jpeg:
        return False
    if not policy.cmyk:
        return im.mode == "RGB" and _source_icc(im, None) is None
    return (im.mode == "CMYK" and same_profile(im.info.get("icc_profile"), press_icc)
            and (policy.ink_limit is None or total_ink(im) <= policy.ink_limit + 0.5 / 255))


def _resized(colour: Image.Image, alpha: Image.Image | None,
             size: tuple[int, int]) -> tuple[Image.Image, Image.Image | None]:
    info = colour.info
    colour = colour.resize(size, Image.Resampling.LANCZOS)
    colour.info = info  # the embedded profile goes with the pixels
    return colour, alpha.resize(size, Image.Resampling.LANCZOS) if alpha is not None else None


def _encoded(colour: Image.Image, source: bytes | None, lossless: bool,
             policy: ImagePolicy) -> tuple[Image.Image, bytes, bool]:
    """The picture in the output's colours, its encoded bytes, and whether they are lossless."""
    if policy.cmyk:
        picture = image_to_cmyk(colour, policy.icc, policy.ink_limit, source)
        if lossless:
            return picture, _lossless(picture), lossless
        if policy.ink_limit is not None:
            data, lossless = _ink_limited_jpeg(picture, policy.ink_limit, policy.quality)
            return picture, data, lossless
        return picture, _jpeg(picture, policy.quality), lossless
    picture = to_srgb(colour, source) if colour.mode != "L" or source else colour
    return picture, (_lossless(picture) if lossless else _jpeg(picture, policy.quality)), lossless


def prepare(path: Path, placed: tuple[float, float], policy: ImagePolicy) -> Prepared:
    press = icc_file(policy.icc) if policy.cmyk else None  # a replaced press profile, the photos again
    return _prepare(path, stamp(path), (round(placed[0], 2), round(placed[1], 2)), policy, _KEPT_IN, press)


# ---- prepared photos kept between runs: named by the digest of all that makes their bytes ----------

_MAKERS = (Path(__file__), Path(__file__).with_name("color.py"))  # the code that prepares a photo


@functools.lru_cache(maxsize=8)
def _file_digest(path: Path, changed: tuple) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def _key(path: Path, placed: tuple[float, float], policy: ImagePolicy) -> str:
    """The source's bytes, the placed size, the policy (with the press profile's bytes), Pillow's version
    and this code: the same key, the same picture."""
    h = hashlib.sha256(b"tagprint photo 2\0")
    h.update(_file_digest(path, stamp(path)))
    h.update(repr((placed, policy, PIL.__version__)).encode())
    if policy.cmyk:
        icc = policy.icc or cmyk_icc_path()
        h.update(_file_digest(icc, stamp(icc)))
    for maker in _MAKERS:
        h.update(_file_digest(maker, stamp(maker)))
    return h.hexdigest()


def _kept(folder: Path, key: str, ppi: float) -> Prepared | None:
    """A kept picture: the picture file (.jpg or .tif) and its soft mask (.mask.png) if it has one."""
    for suffix, lossless in ((".jpg", False), (".tif", True)):
        try:
            data = (folder / f"{key}{suffix}").read_bytes()
        except OSError:
            continue
        try:
            with Image.open(io.BytesIO(data)) as im:  # the header only: its size
                size = im.size
            mask_path = folder / f"{key}.mask.png"
            mask = mask_path.read_bytes() if mask_path.exists() else None
            return Prepared(data, size, ppi, mask, lossless)
        except (OSError, Image.UnidentifiedImageError):
            return None
    return None


def _keep(folder: Path, key: str, prepared: Prepared) -> None:
    try:
        if prepared.mask is not None:
            write_atomically(folder / f"{key}.mask.png", prepared.mask)
        write_atomically(folder / f"{key}{'.tif' if prepared.lossless else '.jpg'}", prepared.data)
    except OSError:
        pass  # a folder that cannot be written: the photo is prepared again next time
