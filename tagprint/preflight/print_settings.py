"""What the print checks measure against, and the paint scan they share (computed once per document).

The total ink limit defaults to 300 % (coated offset); a build passes its theme's limit, the command line
`--ink-limit`. Lightness of CMYK colours comes from the file's own PDF/X OutputIntent profile."""

from __future__ import annotations

import functools
import hashlib
import io
from typing import TYPE_CHECKING

import pikepdf

from .document import Doc
from .print_paint import PaintScan, scan_paints

from ..print_rules import DARK_TEXT_L as DARK_L, DEFAULT_INK_LIMIT, MIN_PPI, MIN_PPI_BITMAP  # noqa: F401
from ..print_rules import SMALL_TEXT_PT as SMALL_TEXT  # noqa: F401

if TYPE_CHECKING:
    from PIL import ImageCms


def ink_limit(doc: Doc) -> float:
    return doc.ink_limit or DEFAULT_INK_LIMIT


def paints(doc: Doc) -> PaintScan:
    return doc.view("print paints", lambda: scan_paints(doc))


def pdfx_intent(doc: Doc) -> pikepdf.Dictionary | None:
    intents = doc.root.get("/OutputIntents")
    if not isinstance(intents, pikepdf.Array):
        return None
    for intent in intents:
        if isinstance(intent, pikepdf.Dictionary) and intent.get("/S") == "/GTS_PDFX":
            return intent
    return None


def intent_profile(doc: Doc) -> bytes | None:
    """The PDF/X OutputIntent's ICC profile, read once per document."""
    return doc.view("intent profile", lambda: _read_intent_profile(doc))


def _intent_key(doc: Doc) -> str:
    """The digest that names the OutputIntent's profile in the process-wide transform cache ("-": none)."""
    def digest() -> str:
        icc = intent_profile(doc)
        return hashlib.sha256(icc).hexdigest() if icc else "-"
    return doc.view("intent key", digest)


def _read_intent_profile(doc: Doc) -> bytes | None:
    intent = pdfx_intent(doc)
    profile = intent.get("/DestOutputProfile") if intent is not None else None
    if isinstance(profile, pikepdf.Stream):
        try:
            return profile.read_bytes()
        except pikepdf.PdfError:
            return None
    return None


_PROFILES: dict[str, ImageCms.ImageCmsTransform | None] = {}


def _lab_transform(icc: bytes | None, icc_key: str, mode: str):
    from PIL import ImageCms

    key = icc_key + mode
    if key not in _PROFILES:
        try:
            source = (ImageCms.ImageCmsProfile(io.BytesIO(icc)) if mode == "CMYK" and icc
                      else ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")) if mode == "RGB" else None)
            _PROFILES[key] = (ImageCms.buildTransform(source, ImageCms.createProfile("LAB"), mode, "LAB")
                              if source is not None else None)
        except (ImageCms.PyCMSError, OSError):
            _PROFILES[key] = None
    return _PROFILES[key]


@functools.lru_cache(maxsize=4096)
def _lightness(icc_key: str, mode: str, values: tuple[float, ...]) -> float | None:
    from PIL import Image

    transform = _PROFILES.get(icc_key + mode)
    if transform is None:
        return None
    pixel = Image.new(mode, (1, 1), tuple(round(min(1, max(0, v)) * 255) for v in values))
    lab = transform.apply(pixel).getpixel((0, 0))
    assert isinstance(lab, tuple)  # a LAB image: three bands
    return lab[0] * 100 / 255


def lightness(doc: Doc, mode: str, values: tuple[float, ...]) -> float:
    """CIELAB L* of a CMYK colour under the file's PDF/X profile (or of an sRGB colour); without a usable
    profile, an estimate from the inks."""
    icc = intent_profile(doc) if mode == "CMYK" else None
    key = _intent_key(doc) if icc else "-"
    _lab_transform(icc, key, mode)
    found = _lightness(key, mode, values)
    if found is not None:
        return found
    if mode == "CMYK" and len(values) == 4:
        c, m, y, k = values
        return 100 * (1 - k) * (1 - 0.75 * max(c, m, y))
    return 100 * (0.2126 * values[0] + 0.7152 * values[1] + 0.0722 * values[2]) if len(values) == 3 else 50.0
