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


def test_anti_aliased_edges_of_tiny_text_are_not_taken_for_its_background():
    """Teal text on white: the mixes of teal and white at glyph and underline edges are left out, so the
    background is white; a light panel that covers most of the box is kept as the background; and where
    no colour covers half the box nothing is left out."""
    from tagprint.preflight.text_contrast import _without_blends

    teal, white, mix, panel = (0, 115, 119), (255, 255, 255), (198, 223, 224), (234, 242, 245)
    assert _without_blends([(60, white), (30, mix), (10, teal)], teal) == [(60, white), (10, teal)]
    assert _without_blends([(70, panel), (30, (200, 40, 40))], teal) == [(70, panel), (30, (200, 40, 40))]
    assert _without_blends([(40, white), (35, mix), (25, teal)], teal) == [(40, white), (35, mix), (25, teal)]
