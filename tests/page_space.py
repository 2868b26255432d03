"""How much of a rendered page is empty, from PDFium's render (never the writer's own idea of the page).

Two measures, inside a 36 pt margin: `empty_share`, the 18 pt squares with no pixel darker than near-white
(a page of scattered little things reads as empty); and `empty_rows`, the 18 pt bands across the page with
nothing in them (a page whose content stops halfway reads as half empty). A slide drawn on a handout is
white paper inside its frame, so handouts are judged by their rows."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import ImageChops

CELL = 18  # pt
MARGIN = 36  # pt


def empty_share(page: "pdfium.PdfPage") -> float:
    """The share (0..1) of the page inside its margin that is empty paper."""
    image = page.render(scale=1).to_pil().convert("RGB")
    r, g, b = image.split()
    darkest = ImageChops.darker(ImageChops.darker(r, g), b)
    ink = darkest.point(lambda v: 255 if v < 245 else 0)
    w, h = image.size
    empty = total = 0
    for y in range(MARGIN, h - MARGIN - CELL + 1, CELL):
        for x in range(MARGIN, w - MARGIN - CELL + 1, CELL):
            total += 1
            empty += ink.crop((x, y, x + CELL, y + CELL)).getbbox() is None
    return empty / total


def empty_shares(path: Path) -> list[float]:
    pdf = pdfium.PdfDocument(path)
    return [empty_share(pdf[i]) for i in range(len(pdf))]


def empty_rows(page: "pdfium.PdfPage") -> float:
    """The share (0..1) of 18 pt bands across the page, inside its margin, with nothing in them."""
    image = page.render(scale=1).to_pil().convert("RGB")
    r, g, b = image.split()
    darkest = ImageChops.darker(ImageChops.darker(r, g), b)
    ink = darkest.point(lambda v: 255 if v < 245 else 0)
    w, h = image.size
    rows = [ink.crop((MARGIN, y, w - MARGIN, y + CELL)).getbbox() is None
            for y in range(MARGIN, h - MARGIN - CELL + 1, CELL)]
    return sum(rows) / len(rows)


def empty_row_shares(path: Path) -> list[float]:
    pdf = pdfium.PdfDocument(path)
    return [empty_rows(pdf[i]) for i in range(len(pdf))]
