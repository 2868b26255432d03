"""A one-page PDF drawn straight on a ReportLab canvas, as the pen's canvas is set up: to compare what the
pen writes with what ReportLab's own calls write."""

from __future__ import annotations

import io
from typing import Callable

import pikepdf
from reportlab.pdfgen.canvas import Canvas


def page_bytes(draw: Callable[[Canvas], object], size: tuple[float, float] = (300, 300)) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size, invariant=1, pageCompression=0)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def painted(data: bytes) -> tuple[bytes, list]:
    """What the first page paints: its content stream, and each of its shadings as plain values (names as
    text, numbers as floats, functions followed whether written inside the shading or as objects)."""
    def plain(value):
        if isinstance(value, pikepdf.Dictionary):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, pikepdf.Array):
            return [plain(v) for v in value]
        if isinstance(value, pikepdf.Name):
            return str(value)
        return value if isinstance(value, bool) else float(value)

    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        shadings = page.Resources.get("/Shading", {})
        return page.Contents.read_bytes(), [plain(s) for _, s in sorted(shadings.items())]
