#!/usr/bin/env python3
"""Renders page 1 of the seed leave-behind to docs/kineret-dtt-ra-page1.png for the README (PDFium)."""

from pathlib import Path
import sys

import pypdfium2 as pdfium

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tagprint.pipeline import build  # noqa: E402

data = build(REPO, REPO / "layouts" / "kineret-dtt-ra.yaml").data
image = pdfium.PdfDocument(data)[0].render(scale=1.25).to_pil().convert("RGB")
image.save(REPO / "docs" / "kineret-dtt-ra-page1.png", optimize=True)
print("docs/kineret-dtt-ra-page1.png", image.size)
