#!/usr/bin/env python3
"""Renders the seed's page 1 three ways side by side into docs/kineret-dtt-ra-print-proof.png: the screen
PDF (PDFium), the print master as the press would print it (Ghostscript, CMYK through the OutputIntent's
profile, trimmed), and its black plate alone (Ghostscript tiffsep), where all small text must be.

Run from the project folder: python scripts/print_proof.py (needs Ghostscript: make setup installs it)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tagprint.fonts import FAMILIES  # noqa: E402
from tagprint.pipeline import build  # noqa: E402

DPI = 72
OUT = REPO / "docs" / "kineret-dtt-ra-print-proof.png"


def main() -> None:
    screen = build(REPO, REPO / "layouts" / "kineret-dtt-ra.yaml").data
    printed = build(REPO, REPO / "layouts" / "kineret-dtt-ra.yaml", "print").data
    left = pdfium.PdfDocument(screen)[0].render(scale=DPI / 72).to_pil().convert("RGB")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "print.pdf"
        pdf.write_bytes(printed)
        gs = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dUseTrimBox", f"-r{DPI}", "-dFirstPage=1",
              "-dLastPage=1"]
        subprocess.run(gs + ["-sDEVICE=png16m", f"-sOutputFile={tmp}/proof.png", str(pdf)], check=True)
        subprocess.run(gs + ["-sDEVICE=tiffsep", f"-sOutputFile={tmp}/sep.tif", str(pdf)], check=True)
        middle = Image.open(f"{tmp}/proof.png").convert("RGB")
        right = Image.open(f"{tmp}/sep(Black).tif").convert("RGB")
    captions = ("screen (sRGB)", "print proof (CMYK, press profile)", "black plate alone")
    w, h = left.size
    band = 24
    sheet = Image.new("RGB", (3 * w + 40, h + band), "white")
    draw = ImageDraw.Draw(sheet)
    from PIL import ImageFont
    finder, _ = FAMILIES["Atkinson Hyperlegible"]
    font = ImageFont.truetype(str(next(p for p in finder("Bold") if p.is_file())), 14)
    for i, (image, caption) in enumerate(zip((left, middle, right), captions)):
        x = i * (w + 20)
        sheet.paste(image.resize((w, h)), (x, band))
        draw.text((x + 4, 4), caption, fill=(29, 35, 48), font=font)
    sheet.save(OUT, optimize=True)
    print(OUT.relative_to(REPO), sheet.size)


if __name__ == "__main__":
    main()
