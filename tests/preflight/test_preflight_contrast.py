"""The background behind text is measured on a render without the text, whatever is drawn there."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.pdfgen import canvas

from tagprint.preflight.document import Doc
from tagprint.preflight.text_contrast import text_runs


def draw(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=(400, 300))
    c.setFillColor(HexColor("#1B365D"))
    c.rect(0, 150, 400, 150, stroke=0, fill=1)                      # a navy band on the top half
    c.setFont("Helvetica", 12)
    c.setFillColor(HexColor("#FFFFFF"))
    c.drawString(20, 250, "white on navy")
    c.setFillColor(HexColor("#2E4A75"))
    c.drawString(20, 220, "dim blue on navy")
    c.setFillColor(HexColor("#007377"))
    c.drawString(20, 100, "underlined teal on white")
    c.setStrokeColor(HexColor("#007377"))
    c.setLineWidth(1)
    c.line(20, 98, 160, 98)                                         # an underline in the text colour
    c.setFillColor(HexColor("#777777"))
    c.drawString(20, 146, "grey straddling the band edge")           # half on navy, half on white
    c.save()
    return path


def test_backgrounds(tmp_path):
    with Doc.open(draw(tmp_path / "bands.pdf")) as doc:
        runs = {r.text: r for r in text_runs(doc)}
    assert runs["white on navy"].bg == (0x1B, 0x36, 0x5D)
    assert runs["dim blue on navy"].bg == (0x1B, 0x36, 0x5D)
    assert runs["underlined teal on white"].bg == (255, 255, 255)     # the underline is not the background
    assert runs["grey straddling the band edge"].bg == (0x1B, 0x36, 0x5D)  # judged against its worse part
    assert runs["white on navy"].size == 12 and not runs["white on navy"].bold
