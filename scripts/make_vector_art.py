#!/usr/bin/env python3
"""Draws the vector logo (images/logo-mark-cmyk.pdf, CMYK paths made with ReportLab) and the line-art PNG
(images/line-art-pen.png: a few flat colours, sharp edges) the block examples show.

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
    """A pen injector in outline, three flat colours on a transparent ground (the page or panel shows
    through: no white box around the drawing), no anti-aliasing (what a line drawing is). The picture is
    tight to the drawing (4 units of air round it), so a caption set at its left edge lines up with the
    pen: 1332 × 156 pixels, 300 ppi at 319 × 37.4 pt (print's minimum)."""
    navy, teal, orange = (27, 54, 93, 255), (0, 115, 119, 255), (217, 98, 43, 255)
    left, top = 12, 54  # the drawing below runs from x 16 to 452 and y 58 to 102 (its rules drawn inward)
    im = Image.new("RGBA", (444 * scale, 52 * scale), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)

    def s(*values: float) -> tuple[int, ...]:
        return tuple(round((v - (left if k % 2 == 0 else top)) * scale) for k, v in enumerate(values))

    d.rounded_rectangle(s(40, 58, 360, 102), radius=20 * scale, outline=navy, width=6 * scale)  # the body
    d.rectangle(s(360, 70, 420, 90), outline=navy, width=6 * scale)                           # the cap end
    d.line(s(420, 80, 452, 80), fill=navy, width=4 * scale)                                   # the needle
    d.rectangle(s(150, 66, 240, 94), fill=teal)                                               # the window
    d.polygon((s(16, 80), s(40, 64), s(40, 96)), fill=orange)                                 # the button
    for x in range(260, 340, 16):                                                             # dose marks
        d.line(s(x, 66, x, 80), fill=navy, width=3 * scale)
    im.save(path, "PNG", optimize=True)


if __name__ == "__main__":
    pdf_logo(IMAGES / "logo-mark-cmyk.pdf")
    line_art(IMAGES / "line-art-pen.png")
