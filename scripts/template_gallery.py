#!/usr/bin/env python3
"""Renders the first page of each `render.py new` template for the README's template gallery.

Each template is written into a throw-away project with `render.py new`, built, and its first page
rendered by PDFium to docs/templates/NAME.png (small: shown 200 wide). Run from the project folder:
python scripts/template_gallery.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

OUT = REPO / "docs" / "templates"
WIDTH = 400  # pixels


def main() -> None:
    import pypdfium2 as pdfium

    from tagprint.commands.cli import main as render
    from tagprint.templates import TEMPLATES

    OUT.mkdir(parents=True, exist_ok=True)
    for name in TEMPLATES:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            assert render(["--root", str(root), "new", name, "--template", name]) == 0
            assert render(["--root", str(root), "build", name]) == 0
            pdf = sorted((root / "output").glob("*.pdf"))[0]  # a deck's handout sorts before its slides
            pdf = next((p for p in (root / "output").glob("*-slides.pdf")), pdf)
            page = pdfium.PdfDocument(pdf)[0]
            image = page.render(scale=WIDTH / page.get_width()).to_pil().convert("RGB")
            image = image.quantize(colors=128).convert("RGB")  # small files: flat colours
            image.save(OUT / f"{name}.png", optimize=True)
            print(f"docs/templates/{name}.png")


if __name__ == "__main__":
    main()
