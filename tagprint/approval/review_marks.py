"""How the review copy marks changed words on a placed page, so that they read on any ground: a tinted box
behind each line of marked words, and a strike through deleted words or a line under inserted ones.

A box can only be drawn over the placed page (the page's own grounds, a navy masthead, would cover one drawn
before it), so it is blended: on a light ground it multiplies (a light tint; dark text stays dark, as behind
the words), on a dark ground it screens (a deeper tint lifts the ground; light text stays light), and the
strike or underline takes a colour that stands out on that ground. The ground is read from the compared page
rendered by PDFium, under each line's box.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image

from .words import Mark

Colour = tuple[float, float, float]


@dataclass(frozen=True)
class MarkStyle:
    tint: Colour    # the box behind the words
    line: Colour    # the strike (deleted) or the underline (inserted)


# kind → (on a light ground, on a dark ground)
STYLES: dict[str, tuple[MarkStyle, MarkStyle]] = {
    "deleted": (MarkStyle((1.0, 0.84, 0.84), (0.85, 0.0, 0.0)), MarkStyle((0.5, 0.05, 0.1), (1.0, 0.62, 0.62))),
    "inserted": (MarkStyle((0.78, 0.88, 1.0), (0.0, 0.36, 0.72)), MarkStyle((0.08, 0.32, 0.62), (0.7, 0.88, 1.0))),
}
STRIKE = STYLES["deleted"][0].line      # the comments' colours: a deletion's, an insertion's
UNDERLINE = STYLES["inserted"][0].line
BLENDS = {"/TagprintMultiply": "/Multiply", "/TagprintScreen": "/Screen"}   # ExtGState name → blend mode
PAD = 1.2          # the box reaches this far round the words' box (points)
DARK = 0.45        # a ground whose luminance (0–1) is under this is dark


def page_image(data: bytes, number: int) -> Image.Image:
    """Page `number` (1-based) of a PDF rendered at 1 pixel a point, for reading its grounds."""
    doc = pdfium.PdfDocument(data)
    try:
        return doc[number - 1].render(scale=1).to_pil().convert("L")
    finally:
        doc.close()


def dark_ground(image: Image.Image, box: tuple[float, float, float, float]) -> bool:
    """Whether the ground under a box (PDF points, origin bottom left) is dark: the median grey of the
    pixels in it (the words cover less of a box than their ground does)."""
    x0, y0, x1, y1 = box
    top, bottom = image.height - y1, image.height - y0
    crop = image.crop((max(int(x0), 0), max(int(top), 0), min(int(x1) + 1, image.width),
                       min(int(bottom) + 1, image.height)))
    values = sorted(crop.tobytes())   # mode L: a byte a pixel
    return bool(values) and values[len(values) // 2] / 255 < DARK


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _rgb(colour: Colour) -> str:
    return " ".join(_number(c) for c in colour)


RING = 3.0         # the ground a mark is set on is read this far round its lines (outside the words themselves)


def mark_on_dark(image: Image.Image, lines: list[tuple[float, float, float, float]]) -> bool:
    """Whether a mark's ground is dark: the median grey of a ring RING pt wide round each of its lines' boxes
    (the words' own pixels left out: large white words on a navy ground would otherwise read as a light
    ground), all its lines together, so that one change is marked in one style."""
    values: list[int] = []
    for x0, y0, x1, y1 in lines:
        top, bottom = image.height - y1, image.height - y0
        outer = (max(int(x0 - PAD - RING), 0), max(int(top - PAD - RING), 0),
                 min(int(x1 + PAD + RING) + 1, image.width), min(int(bottom + PAD + RING) + 1, image.height))
        inner = (int(x0 - PAD), int(top - PAD), int(x1 + PAD) + 1, int(bottom + PAD) + 1)
        crop = image.crop(outer)
        data = crop.tobytes()
        for row in range(crop.height):
            y = outer[1] + row
            for col in range(crop.width):
                x = outer[0] + col
                if not (inner[0] <= x < inner[2] and inner[1] <= y < inner[3]):
                    values.append(data[row * crop.width + col])
    values.sort()
    return bool(values) and values[len(values) // 2] / 255 < DARK


def marks_ops(marks: list[Mark], image: Image.Image | None) -> bytes:
    """The operators marking `marks`, in the compared page's coordinates (`image`: that page, for its grounds):
    each mark in one style, the one for the ground round all of its lines."""
    ops: list[str] = []
    for mark in marks:
        lines = mark.lines()
        dark = image is not None and mark_on_dark(image, lines)
        style = STYLES[mark.kind if mark.kind in STYLES else "inserted"][dark]
        blend = "/TagprintScreen" if dark else "/TagprintMultiply"
        for x0, y0, x1, y1 in lines:
            ops.append(f"q {blend} gs {_rgb(style.tint)} rg {_number(x0 - PAD)} {_number(y0 - PAD - 1.6)} "
                       f"{_number(x1 - x0 + 2 * PAD)} {_number(y1 - y0 + 2 * PAD + 1.6)} re f Q")
            y = y0 + (y1 - y0) * 0.38 if mark.kind == "deleted" else y0 - 1.4
            ops.append(f"q {_rgb(style.line)} RG 1.3 w 0 J {_number(x0 - 0.5)} {_number(y)} m "
                       f"{_number(x1 + 0.5)} {_number(y)} l S Q")
    return ("\n".join(ops) + "\n").encode() if ops else b""


THUMB_SCALE = 0.6   # a thumbnail's pixels a point of the compared page: about 150 ppi at the summary's 170 pt
THUMB_RULE = (184, 189, 199)   # the hairline round a thumbnail (a white page on the white summary page)


def thumbnail(data: bytes, number: int, areas: list[tuple[float, float, float, float]], kind: str) -> bytes:
    """Page `number` of a PDF as a small PNG for the summary: the page rendered by PDFium, framed by a hairline,
    each area that differs (x, y, width, height in points from the top left) outlined in the side's colour (a
    deletion's red on the approved page, an insertion's blue on the draft's)."""
    import io

    from PIL import ImageDraw

    doc = pdfium.PdfDocument(data)
    try:
        image = doc[number - 1].render(scale=THUMB_SCALE).to_pil().convert("RGB")
    finally:
        doc.close()
    grey = image.convert("L")
    draw = ImageDraw.Draw(image)
    s, pad = THUMB_SCALE, 3
    for x, y, w, h in areas:   # on a dark ground (a navy masthead) the lighter line, as the marks take
        dark = dark_ground(grey, (x * s, grey.height - (y + h) * s, (x + w) * s, grey.height - y * s))
        colour = tuple(round(c * 255) for c in STYLES[kind][1 if dark else 0].line)
        draw.rectangle((max(x * s - pad, 1), max(y * s - pad, 1), min((x + w) * s + pad, image.width - 2),
                        min((y + h) * s + pad, image.height - 2)), outline=colour, width=3)
    draw.rectangle((0, 0, image.width - 1, image.height - 1), outline=THUMB_RULE, width=1)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
