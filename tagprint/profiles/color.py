"""Colour management: the ICC profiles the outputs declare, and RGB → CMYK through a real profile."""

from __future__ import annotations

import functools
import io
from pathlib import Path

from PIL import Image, ImageCms

# A real CMYK press profile from a Debian package (libgs-common: Ghostscript's SWOP-based default).
CMYK_PROFILES = (
    Path("/usr/share/color/icc/ghostscript/default_cmyk.icc"),
)
CMYK_PACKAGE = "libgs-common (Debian)"


class ProfileMissing(Exception):
    pass


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


def cmyk_icc_path() -> Path:
    for path in CMYK_PROFILES:
        if path.is_file():
            return path
    raise ProfileMissing(f"no CMYK ICC profile found — install {CMYK_PACKAGE}")


@functools.lru_cache(maxsize=None)
def cmyk_icc() -> bytes:
    return cmyk_icc_path().read_bytes()


@functools.lru_cache(maxsize=None)
def _to_cmyk_transform() -> ImageCms.ImageCmsTransform:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    cmyk = ImageCms.ImageCmsProfile(io.BytesIO(cmyk_icc()))
    return ImageCms.buildTransform(srgb, cmyk, "RGB", "CMYK",
                                   renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)


def rgb_to_cmyk(color: tuple[float, float, float]) -> tuple[float, float, float, float]:
    """One sRGB colour (0..1) to CMYK (0..1) through the press profile. Pure white stays paper white."""
    return _cmyk_of(tuple(round(min(1.0, max(0.0, c)) * 255) for c in color))


@functools.lru_cache(maxsize=4096)
def _cmyk_of(rgb: tuple[int, ...]) -> tuple[float, float, float, float]:
    if all(c == 255 for c in rgb):
        return (0.0, 0.0, 0.0, 0.0)
    pixel = Image.new("RGB", (1, 1), rgb)
    out = Image.new("CMYK", (1, 1))
    # the core transform directly: ImageCmsTransform.apply also serialises the whole output profile
    # into the image's info on every call (6 ms each for a press profile)
    _to_cmyk_transform().transform.apply(pixel.getim(), out.getim())
    c, m, y, k = out.getpixel((0, 0))
    return (round(c / 255, 4), round(m / 255, 4), round(y / 255, 4), round(k / 255, 4))


def image_to_cmyk(image: Image.Image) -> Image.Image:
    return ImageCms.applyTransform(image.convert("RGB"), _to_cmyk_transform())
