"""Colour management: the ICC profiles the outputs declare, RGB → CMYK through a real press profile, CIELAB
for measuring colour differences, and the total-ink limit.

A press profile, its transforms and the colours converted through it are cached by the profile file's
stamp (`IccFile`: path, size, inode, times), not by its path alone: a profile replaced while `watch` runs
is read again."""

from __future__ import annotations

import functools
import io
import math
from pathlib import Path

from PIL import Image, ImageCms, ImageMath

from ..files import stamp
from .icc_files import CMYK_PACKAGE, CMYK_PROFILES  # noqa: F401  (the press profile's place)

IccFile = tuple[Path, tuple[int, int, int, int]]  # a profile file and its stamp: what a cached profile is made from


class ProfileMissing(Exception):
    """No CMYK ICC profile to print with: the file that cannot be read (`path`; None: none of the known
    places has one), and what installs or replaces it (`fix`)."""

    def __init__(self, path: Path | None, fix: str):
        self.path = path
        self.fix = fix
        self.what = "no CMYK ICC profile found" if path is None else f"the CMYK ICC profile {path} cannot be read"
        super().__init__(f"{self.what} — {fix}")


@functools.lru_cache(maxsize=None)
def srgb_icc() -> bytes:
    """An sRGB ICC profile (littleCMS's, through Pillow): small and valid for OutputIntents.

    littleCMS stamps the creation time into the header (bytes 24–35) and a digest of it into the profile
    ID (84–99); both are cleared so that the same input gives the same bytes in every process (an all-zero
    ID means "not computed", which the ICC specification allows)."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = bytes([0x07, 0xE6, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])  # 2022-01-01 00:00:00
    data[84:100] = bytes(16)
    return bytes(data)


def cmyk_icc_path(candidates: tuple[Path, ...] = CMYK_PROFILES, package: str = CMYK_PACKAGE) -> Path:
    for path in candidates:
        if path.is_file():
            return path
    raise ProfileMissing(None, f"install {package}")


def icc_file(path: Path | None = None) -> IccFile:
    """The press profile at `path` (None: the default one) as it is now: the key of every cache below."""
    chosen = path or cmyk_icc_path()
    try:
        return chosen, stamp(chosen)
    except OSError:
        raise ProfileMissing(chosen, "put the press's profile there") from None


def cmyk_icc(path: Path | None = None) -> bytes:
    return _icc_bytes(icc_file(path))


@functools.lru_cache(maxsize=16)
def _icc_bytes(file: IccFile) -> bytes:
    return file[0].read_bytes()


def icc_description(icc: bytes) -> str:
    """The profile's own description tag (what the profile says it characterises)."""
    return (ImageCms.ImageCmsProfile(io.BytesIO(icc)).profile.profile_description or "").strip()


@functools.lru_cache(maxsize=16)
def _to_cmyk_transform_of(file: IccFile) -> ImageCms.ImageCmsTransform:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    cmyk = ImageCms.ImageCmsProfile(io.BytesIO(_icc_bytes(file)))
    return ImageCms.buildTransform(srgb, cmyk, "RGB", "CMYK",
                                   renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)


@functools.lru_cache(maxsize=16)
def _to_lab_transform(mode: str, file: IccFile | None = None) -> ImageCms.ImageCmsTransform:
    """sRGB (`mode` RGB, no file) or the press's CMYK (`file`) to CIELAB."""
    source = (ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")) if file is None
              else ImageCms.ImageCmsProfile(io.BytesIO(_icc_bytes(file))))
    return ImageCms.buildTransform(source, ImageCms.createProfile("LAB"), mode, "LAB",
                                   renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)


def _apply(transform: ImageCms.ImageCmsTransform, pixel: Image.Image, mode: str) -> tuple[int, ...]:
    out = Image.new(mode, (1, 1))
    # the core transform directly: ImageCmsTransform.apply also serialises the whole output profile
    # into the image's info on every call (6 ms each for a press profile)
    transform.transform.apply(pixel.getim(), out.getim())
    value = out.getpixel((0, 0))
    assert isinstance(value, tuple)  # every mode used here (RGB, CMYK, LAB) has several bands
    return value


def rgb_to_cmyk(color: tuple[float, float, float], path: Path | None = None) -> tuple[float, float, float, float]:
    """One sRGB colour (0..1) to CMYK (0..1) through the press profile. Pure white stays paper white."""
    rgb = tuple(round(min(1.0, max(0.0, c)) * 255) for c in color)
    if all(c == 255 for c in rgb):
        return (0.0, 0.0, 0.0, 0.0)
    return _cmyk_of(rgb, icc_file(path))


@functools.lru_cache(maxsize=4096)
def _cmyk_of(rgb: tuple[int, ...], file: IccFile) -> tuple[float, float, float, float]:
    c, m, y, k = _apply(_to_cmyk_transform_of(file), Image.new("RGB", (1, 1), rgb), "CMYK")
    return (round(c / 255, 4), round(m / 255, 4), round(y / 255, 4), round(k / 255, 4))


def _lab(pixel: tuple[int, ...]) -> tuple[float, float, float]:
    L, a, b = pixel
    return (L * 100 / 255, a - 128.0, b - 128.0)


@functools.lru_cache(maxsize=4096)
def rgb_to_lab(color: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIELAB (D50, as the ICC connection space) of an sRGB colour (0..1)."""
    rgb = tuple(round(min(1.0, max(0.0, c)) * 255) for c in color)
    return _lab(_apply(_to_lab_transform("RGB"), Image.new("RGB", (1, 1), rgb), "LAB"))


def cmyk_to_lab(cmyk: tuple[float, float, float, float], path: Path | None = None) -> tuple[float, float, float]:
    """CIELAB of CMYK inks (0..1) printed in the press condition the profile characterises."""
    return _cmyk_lab(tuple(round(min(1.0, max(0.0, c)) * 255) for c in cmyk), icc_file(path))


@functools.lru_cache(maxsize=4096)
def _cmyk_lab(ink: tuple[int, ...], file: IccFile) -> tuple[float, float, float]:
    return _lab(_apply(_to_lab_transform("CMYK", file), Image.new("CMYK", (1, 1), ink), "LAB"))


@functools.lru_cache(maxsize=16)
def _to_rgb_transform(file: IccFile) -> ImageCms.ImageCmsTransform:
    return ImageCms.buildTransform(ImageCms.ImageCmsProfile(io.BytesIO(_icc_bytes(file))),
                                   ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")), "CMYK", "RGB",
                                   renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)


def cmyk_to_rgb(cmyk: tuple[float, float, float, float], path: Path | None = None) -> tuple[float, float, float]:
    """The sRGB colour (0..1) that CMYK inks print as in the press condition."""
    return _cmyk_rgb(tuple(round(min(1.0, max(0.0, c)) * 255) for c in cmyk), icc_file(path))


@functools.lru_cache(maxsize=4096)
def _cmyk_rgb(ink: tuple[int, ...], file: IccFile) -> tuple[float, float, float]:
    r, g, b = _apply(_to_rgb_transform(file), Image.new("CMYK", (1, 1), ink), "RGB")
    return (r / 255, g / 255, b / 255)


def delta_e(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """CIE76 colour difference."""
    return sum((x - y) ** 2 for x, y in zip(a, b)) ** 0.5


def delta_e2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference (CIE 142-2001; Sharma, Wu and Dalal's formulation), the ΔE print
    tolerances are quoted in (ISO 12647-2:2013)."""
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dL, dC = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dH = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    L_mean, C_mean = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    else:
        h_mean = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_mean - 30)) + 0.24 * math.cos(math.radians(2 * h_mean))
         + 0.32 * math.cos(math.radians(3 * h_mean + 6)) - 0.20 * math.cos(math.radians(4 * h_mean - 63)))
    d_theta = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(C_mean ** 7 / (C_mean ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (L_mean - 50) ** 2 / math.sqrt(20 + (L_mean - 50) ** 2)
    s_c = 1 + 0.045 * C_mean
    s_h = 1 + 0.015 * C_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dL / s_l) ** 2 + (dC / s_c) ** 2 + (dH / s_h) ** 2 + r_t * (dC / s_c) * (dH / s_h))


def limit_ink(cmyk: tuple[float, float, float, float], limit: float) -> tuple[float, float, float, float]:
    """Keeps the total area coverage within `limit` (0..4): black stays, C, M and Y give way evenly."""
    c, m, y, k = cmyk
    colour = c + m + y
    if c + m + y + k <= limit + 1e-9 or colour <= 0:
        return cmyk
    f = max(0.0, limit - k) / colour
    down = lambda v: math.floor(v * f * 10000) / 10000  # noqa: E731 - rounded down: never over the limit
    return (down(c), down(m), down(y), k)


def total_ink(image: Image.Image) -> float:
    """The highest total ink (0..4) of any one pixel of a CMYK image."""
    c, m, y, k = image.split()
    total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"], c=c, m=m, y=y, k=k)
    return total.getextrema()[1] / 255


def limit_image_ink(out: Image.Image, limit: float) -> Image.Image:
    """Pixels over the total ink limit give up C, M and Y (black kept) until they are within it."""
    bands = out.split()
    cap = int(limit * 255)
    if total_ink(out) * 255 <= cap:
        return out
    # factor in 1/1024 steps, integer arithmetic: cmy' = cmy * (cap - k) / (c + m + y) where over the cap
    scaled = []
    for band in bands[:3]:
        scaled.append(ImageMath.lambda_eval(
            lambda a: a["convert"](
                (a["c"] + a["m"] + a["y"] + a["k"] > cap) * (a["x"] * ((cap - a["k"]) * 1024 / (a["c"] + a["m"] + a["y"] + (a["c"] + a["m"] + a["y"] == 0))) / 1024)
                + (a["c"] + a["m"] + a["y"] + a["k"] <= cap) * a["x"], "L"),
            c=bands[0], m=bands[1], y=bands[2], k=bands[3], x=band))
    return Image.merge("CMYK", (*scaled, bands[3]))
