"""Separations for the print tests, made by Ghostscript's tiffsep device (an independent RIP): one 8-bit
plate per ink, 0 = solid ink, 255 = paper. Coordinates helpers take PDF points (origin bottom-left of
the MediaBox)."""

from __future__ import annotations

import ctypes
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from PIL import Image

PROCESS = ("Cyan", "Magenta", "Yellow", "Black")


@dataclass
class Plates:
    plates: dict[str, Image.Image]   # ink name -> plate
    dpi: float
    height_pt: float                 # MediaBox height

    def px(self, x: float, y: float) -> tuple[int, int]:
        s = self.dpi / 72
        return int(x * s), int((self.height_pt - y) * s)

    def ink(self, name: str, x: float, y: float) -> float:
        """Ink 0..1 of plate `name` at a point (0 when the file has no such plate)."""
        plate = self.plates.get(name)
        return 0.0 if plate is None else (255 - plate.getpixel(self.px(x, y))) / 255

    def crop(self, name: str, box: tuple[float, float, float, float]) -> Image.Image:
        x0, y0, x1, y1 = box
        a, b = self.px(x0, y1)
        c, d = self.px(x1, y0)
        return self.plates[name].crop((a, b, max(c, a + 1), max(d, b + 1)))


def separate(pdf: Path, out: Path, dpi: float = 72) -> list[Plates]:
    gs = shutil.which("gs")
    assert gs, "Ghostscript (gs) is needed for the separations: make setup installs it"
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", f"-r{dpi}",
                    f"-sOutputFile={out}/p%d.tif", str(pdf)], check=True, capture_output=True, timeout=120)
    doc = pdfium.PdfDocument(pdf)
    pages = []
    for index in range(len(doc)):
        plates = {}
        for path in out.glob(f"p{index + 1}(*).tif"):
            name = re.match(rf"p{index + 1}\((.*)\)\.tif", path.name).group(1)
            with Image.open(path) as im:
                plates[name] = im.convert("L")
        pages.append(Plates(plates, dpi, doc[index].get_mediabox()[3]))
    return pages


def small_dark_chars(pdf: Path, max_size: float = 12.0) -> list[list[tuple[str, tuple[float, float, float, float]]]]:
    """Per page, the characters PDFium sees set below `max_size` pt in a dark, near-neutral colour (body
    text, footers, superscripts — black-looking text, whatever inks it is made of), with their boxes."""
    doc = pdfium.PdfDocument(pdf)
    pages = []
    for index in range(len(doc)):
        textpage = doc[index].get_textpage()
        chars = []
        for i in range(textpage.count_chars()):
            ch = chr(raw.FPDFText_GetUnicode(textpage, i))
            if not ch.strip():
                continue
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            raw.FPDFText_GetFillColor(textpage, i, r, g, b, a)
            size = raw.FPDFText_GetFontSize(textpage, i)
            rgb = (r.value, g.value, b.value)
            if size < max_size and max(rgb) < 140 and max(rgb) - min(rgb) < 40:
                chars.append((ch, textpage.get_charbox(i)))
        pages.append(chars)
    return pages
