"""Print images: resolution at the placed size, colour space, and total ink of CMYK pixels."""

from __future__ import annotations

from typing import TYPE_CHECKING

import hashlib
from collections import OrderedDict

import pikepdf

if TYPE_CHECKING:
    from PIL import Image

from ..document import Doc, is_true
from ..findings import ERROR, WARNING, Finding
from ..print_paint import OPERATORS as PAINT_OPERATORS
from ..print_elements import element_words
from ..print_paint import object_label
from ..print_settings import MIN_PPI, MIN_PPI_BITMAP, ink_limit, paints
from ..family import Family
from .registry import register

PPI = "PRINT-IMAGE-PPI"
INK = "PRINT-IMAGE-INK"
TOLERANCE = 0.02  # JPEG rounding on top of a profile's separation


@register(PPI, "Images reach 300 ppi at their placed size (1-bit: 1200)",
          standard="printers' practice (ISO 12647-2 screening at 150–175 lpi)",
          help="The effective resolution of every image drawn on a page (its pixels over the size it is placed "
               "at, the lower of the two axes), in forms too. Below 300 ppi a continuous-tone image looks soft "
               "in print; 1-bit images need 1200 ppi.",
          family=Family.PRESS, operators=PAINT_OPERATORS)
def image_resolution(doc: Doc) -> list[Finding]:
    out = []
    for paint in paints(doc).paints:
        if paint.kind != "image" or paint.image is None or not paint.ppi:
            continue
        bits = int(paint.image.get("/BitsPerComponent", 8)) if not is_true(paint.image.get("/ImageMask")) else 1
        need = MIN_PPI_BITMAP if bits == 1 else MIN_PPI
        if paint.ppi < need - 0.5:
            w, h = int(paint.image.get("/Width", 0)), int(paint.image.get("/Height", 0))
            out.append(Finding(PPI, ERROR if bits > 1 else WARNING,
                               f"image {w} × {h} px ({element_words(doc, paint)}) is {paint.ppi:.0f} ppi where it "
                               f"is placed (needs {need:.0f})",
                               page=paint.page, object=f"{paint.where} > {object_label(paint.image, paint.name)}",
                               fix="use a picture with more pixels, or place it smaller"))
    return out


@register(INK, "CMYK image pixels stay within the total ink limit",
          standard="ISO 12647-2 / the press condition's TAC",
          help="Decodes each DeviceCMYK (or ICC CMYK) image at its own pixels and finds the highest total ink "
               "of any one pixel (not an average: JPEG ringing around line art is real ink); above the limit "
               "(2 % tolerance for rounding) the image was not separated for this press.",
          family=Family.PRESS, operators=PAINT_OPERATORS)
def image_ink(doc: Doc) -> list[Finding]:
    limit = ink_limit(doc)
    out, seen = [], set()
    for paint in paints(doc).paints:
        if paint.kind != "image" or paint.image is None or paint.space is None or paint.space.kind != "cmyk":
            continue
        key = paint.image.objgen
        if key in seen:
            continue
        seen.add(key)
        top = darkest_ink(paint.image)
        if top is not None and top > limit + TOLERANCE:
            out.append(Finding(INK, ERROR, f"the image's darkest pixels ({element_words(doc, paint)}) carry "
                               f"{top * 100:.0f} % ink, over the limit of {limit * 100:.0f} %", page=paint.page,
                               object=f"{paint.where} > {object_label(paint.image, paint.name)}",
                               fix="separate the photo with the press profile (which keeps its ink limit)"))
    return out


# An image's darkest ink depends only on its stream (bytes and decoding keys), so it is measured once per
# process: a batch prints the same photos in every document, and decoding one costs tens of milliseconds.
_DARKEST: OrderedDict[bytes, float | None] = OrderedDict()
DARKEST_KEPT = 256
_DECODING_KEYS = ("/Filter", "/DecodeParms", "/Decode", "/Width", "/Height", "/BitsPerComponent", "/ColorSpace",
                  "/ImageMask", "/SMask")  # a soft mask is a stream: such an image is measured, never kept


def darkest_ink(image: pikepdf.Object) -> float | None:
    """The highest total ink (0..4) of any one pixel of the image; None when it does not decode to CMYK."""
    key = _stream_key(image)
    if key is None:
        return _measure(image)
    if key in _DARKEST:
        _DARKEST.move_to_end(key)
        return _DARKEST[key]
    top = _DARKEST[key] = _measure(image)
    if len(_DARKEST) > DARKEST_KEPT:
        _DARKEST.popitem(last=False)
    return top


def _stream_key(image: pikepdf.Object) -> bytes | None:
    """A digest of the image's bytes and of what decodes them; None (not kept) when a decoding key holds a
    stream (an ICC profile, a palette, JBIG2 globals), whose bytes its text would not show."""
    try:
        h = hashlib.sha256(image.read_raw_bytes())
    except pikepdf.PdfError:
        return None
    for name in _DECODING_KEYS:
        value = _plain(image.get(name))
        if value is None:
            return None
        h.update(f"{name} {value}\0".encode())
    return h.digest()


def _plain(value: object) -> str | None:
    if isinstance(value, pikepdf.Stream):
        return None
    if isinstance(value, pikepdf.Array):
        parts = [_plain(v) for v in value]
        known = [p for p in parts if p is not None]
        return "[" + " ".join(known) + "]" if len(known) == len(parts) else None
    if isinstance(value, pikepdf.Dictionary):
        items = [(str(k), _plain(v)) for k, v in value.items()]
        return None if any(v is None for _, v in items) else "<<" + " ".join(f"{k} {v}" for k, v in sorted(items)) + ">>"
    return repr(value)


def _measure(image: pikepdf.Object) -> float | None:
    from PIL import ImageMath, ImageOps

    if not isinstance(image, pikepdf.Stream):
        return None  # no samples to measure
    try:
        # the samples as separated: compositing a mask would turn CMYK into RGB and leave the inks unmeasured
        picture = pikepdf.PdfImage(image).as_pil_image(apply_mask=False)
    except Exception:  # noqa: BLE001 - undecodable images are the image checks' business
        return None
    if picture.mode != "CMYK":
        return None
    bands = picture.split()
    decode = image.get("/Decode")
    inverted = isinstance(decode, pikepdf.Array) and [float(v) for v in decode][:2] == [1.0, 0.0]
    # pikepdf applies /Decode when it unpacks raw or Flate samples; a JPEG comes from Pillow as stored, and
    # Pillow has already undone Adobe's inverted CMYK JPEGs
    jpeg = pikepdf.Name.DCTDecode in _filters(image)
    if inverted and jpeg and "adobe" not in picture.info:
        bands = tuple(ImageOps.invert(b) for b in bands)
    # every pixel as it is stored (its own maximum, not an average over its neighbours: the ringing a JPEG
    # puts around sharp edges is ink on the plate); the sum in 32-bit integers, so nothing is rounded away
    total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"],
                                  c=bands[0], m=bands[1], y=bands[2], k=bands[3])
    shown = _shown(image, picture.size)
    if shown is not None:  # where a soft mask makes the picture fully transparent, no ink is laid down
        total = ImageMath.lambda_eval(lambda a: a["t"] * (a["s"] > 0), t=total, s=shown)
    return total.getextrema()[1] / 255


def _shown(image: pikepdf.Stream, size: tuple[int, int]) -> "Image.Image | None":
    """The image's soft mask at its size (None: no soft mask, every pixel shown)."""
    mask = image.get("/SMask")
    if not isinstance(mask, pikepdf.Stream):
        return None
    try:
        return pikepdf.PdfImage(mask).as_pil_image().convert("L").resize(size)
    except Exception:  # noqa: BLE001 - an undecodable mask: measure every pixel, as if it showed
        return None


def _filters(image: pikepdf.Object) -> list:
    value = image.get("/Filter")
    return list(value) if isinstance(value, pikepdf.Array) else [value] if value is not None else []
