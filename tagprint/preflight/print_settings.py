"""What the print checks measure against, and the paint scan they share (computed once per document).

The total ink limit defaults to 300 % (coated offset); a build passes its theme's limit, the command line
`--ink-limit`. Lightness of CMYK colours comes from the file's own PDF/X OutputIntent profile."""

from __future__ import annotations

import functools
import hashlib
import io

import pikepdf

from .document import Doc
from .print_paint import PaintScan, scan_paints

from ..print_rules import DARK_TEXT_L as DARK_L, DEFAULT_INK_LIMIT, MIN_PPI, MIN_PPI_BITMAP  # noqa: F401
from ..print_rules import SMALL_TEXT_PT as SMALL_TEXT  # noqa: F401


def ink_limit(doc: Doc) -> float:
    return doc.ink_limit or DEFAULT_INK_LIMIT


def paints(doc: Doc) -> PaintScan:
    scan = doc.views.get("print paints")
    if scan is None:
        scan = doc.views["print paints"] = scan_paints(doc)
    return scan  # type: ignore[return-value]


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
    if "intent profile" not in doc.views:
        doc.views["intent profile"] = _read_intent_profile(doc)
    return doc.views["intent profile"]  # type: ignore[return-value]


def _intent_key(doc: Doc) -> str:
    """The digest that names the OutputIntent's profile in the process-wide transform cache ("-": none)."""
    if "intent key" not in doc.views:
        icc = intent_profile(doc)
        doc.views["intent key"] = hashlib.sha256(icc).hexdigest() if icc else "-"
    return doc.views["intent key"]  # type: ignore[return-value]


def _read_intent_profile(doc: Doc) -> bytes | None:
    intent = pdfx_intent(doc)
    profile = intent.get("/DestOutputProfile") if intent is not None else None
    if isinstance(profile, pikepdf.Stream):
        try:
            return profile.read_bytes()
        except pikepdf.PdfError:
            return None
    return None


_PROFILES: dict[str, object] = {}


def _lab_transform(icc: bytes | None, icc_key: str, mode: str):
    from PIL import ImageCms

    key = icc_key + mode
    if key not in _PROFILES:
        try:
            source = (ImageCms.ImageCmsProfile(io.BytesIO(icc)) if mode == "CMYK" and icc
                      else ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")) if mode == "RGB" else None)
            _PROFILES[key] = source and ImageCms.buildTransform(source, ImageCms.createProfile("LAB"), mode, "LAB")
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
    out = transform.apply(pixel)  # type: ignore[union-attr]
    return out.getpixel((0, 0))[0] * 100 / 255


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
