#!/usr/bin/env python3
"""Draws the vector logo (images/logo-mark-cmyk.pdf, CMYK paths made with ReportLab) and the line-art PNG
(images/line-art-pen.png: a pen injector in line art, a few flat colours) the block examples show.

Run from the project folder: python scripts/make_vector_art.py. Output is deterministic. (The SVG logo,
images/logo-mark.svg, is written by hand.)
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas

IMAGES = Path(__file__).resolve().parent.parent / "images"


def pdf_logo(path: Path) -> None:
    """The SVG logo (images/logo-mark.svg, 160 × 48) at three quarters, 120 × 36 pt, in process inks: a navy
    tile with an orange peak and a white dot, three bars beside it. The inks are the brand's print recipes
    (layouts/themes/kineret.yaml, press: recipes: primary, secondary and accent): the print master prints
    the logo with the same inks as the SVG's colours, and off press tagprint shows a recipe's inks as the
    brand colour it is the recipe of, so on screen the two logos match exactly."""
    c = Canvas(str(path), pagesize=(120, 36), invariant=1, pageCompression=1)
    navy, teal = CMYKColor(1.0, 0.72, 0, 0.60), CMYKColor(0.80, 0, 0.30, 0.50)  # #1B365D, #007377
    orange, white = CMYKColor(0, 0.75, 1.0, 0.05), CMYKColor(0, 0, 0, 0)      # #D9622B, paper
    c.setFillColor(navy)
    c.roundRect(0, 0, 36, 36, 7.5, stroke=0, fill=1)
    c.setFillColor(orange)
    p = c.beginPath()
    p.moveTo(7.5, 10.5)
    p.lineTo(18, 27)
    p.lineTo(28.5, 10.5)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    c.setFillColor(white)
    c.circle(18, 15, 3.75, stroke=0, fill=1)
    for y, w, h, colour in ((22.5, 69, 6, teal), (13.5, 52.5, 4.5, navy), (6.75, 37.5, 3, orange)):
        c.setFillColor(colour)
        c.roundRect(43.5, y, w, h, h / 2, stroke=0, fill=1)
    c.showPage()
    c.save()


def line_art(path: Path, scale: int = 3) -> None:
    """A pen injector in clean line art, three flat colours on a transparent ground (the page or panel shows
    through: no white box around the drawing): the orange push button at the left end, the barrel with its
    teal inspection window and dose marks, the tapered needle end with a fine needle at the right, and the
    cap pulled off beyond it. Drawn at four times the size and scaled down (smooth edges), then reduced to
    16 colours so it stays line art (lossless, never JPEG). The picture is tight to the drawing
    (4 units of air round it), so a caption set at its left edge lines up with the pen: 1332 × 156 pixels,
    300 ppi at 319 × 37.4 pt (print's minimum)."""
    navy, teal, orange = (27, 54, 93, 255), (0, 115, 119, 255), (217, 98, 43, 255)
    teal_tint = (204, 227, 228, 255)
    left, top = 12, 54  # the drawing below runs from x 16 to 452 and y 58 to 102 (its rules drawn inward)
    k = scale * 4
    im = Image.new("RGBA", (444 * k, 52 * k), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)

    def s(*values: float) -> list[float]:
        return [(v - (left if i % 2 == 0 else top)) * k for i, v in enumerate(values)]

    def pts(*xy: tuple[float, float]) -> list[tuple[float, float]]:
        return [tuple(s(x, y)) for x, y in xy]  # type: ignore[misc]

    rule = round(3 * k)
    # the push button (orange) and the collar that holds it
    d.rounded_rectangle(s(16, 68, 32, 92), radius=5 * k, fill=orange)
    d.rectangle(s(28, 66, 40, 94), fill=navy)
    # the barrel: an outline with round shoulders, a tinted window showing the medicine, dose marks
    d.rounded_rectangle(s(38, 60, 318, 100), radius=12 * k, outline=navy, width=rule)
    d.rounded_rectangle(s(150, 70, 238, 90), radius=4 * k, fill=teal_tint, outline=teal, width=round(2 * k))
    d.rounded_rectangle(s(196, 73, 234, 87), radius=3 * k, fill=teal)  # the liquid seen in the window
    for i, x in enumerate(range(252, 300, 8)):
        d.line(s(x, 66, x, 76 if i % 2 else 80), fill=navy, width=round(2 * k))
    for x in (50, 56, 62):  # the grip ridges by the button
        d.line(s(x, 68, x, 92), fill=navy, width=round(2 * k))
    # the needle end: a tapered nose, the needle hub, a fine needle with a bevelled point
    d.polygon(pts((316, 64), (344, 72), (344, 88), (316, 96)), fill=navy)
    d.rectangle(s(344, 76, 352, 84), fill=navy)
    d.polygon(pts((352, 79), (392, 79.6), (396, 80), (352, 81)), fill=navy)
    # the cap, pulled off the needle end, with ridges to grip it by
    d.rounded_rectangle(s(406, 64, 452, 96), radius=10 * k, outline=navy, width=rule)
    for x in (424, 430, 436):
        d.line(s(x, 70, x, 90), fill=navy, width=round(2 * k))
    im = im.resize((444 * scale, 52 * scale), Image.Resampling.LANCZOS)
    im = im.quantize(16, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).convert("RGBA")
    im.save(path, "PNG", optimize=True)


if __name__ == "__main__":
    pdf_logo(IMAGES / "logo-mark-cmyk.pdf")
    line_art(IMAGES / "line-art-pen.png")
