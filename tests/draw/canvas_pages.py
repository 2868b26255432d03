"""A one-page PDF drawn straight on a ReportLab canvas, as the pen's canvas is set up: to compare what the
pen writes with what ReportLab's own calls write."""

from __future__ import annotations

import io
from typing import Callable

from reportlab.pdfgen.canvas import Canvas


def page_bytes(draw: Callable[[Canvas], object], size: tuple[float, float] = (300, 300)) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size, invariant=1, pageCompression=0)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
