"""A flow region of height auto honours its valign when the whole flow fits in it (a short safety panel
centred in the room it has), and starts at its top as always when the flow runs on."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from tagprint.commands.cli import main

LAYOUT = """\
document:
  title: Valign
  lang: en-US
  material_id: TEST-0007
  date: 11/2026
  created: 2026-11-01
theme: kineret
page:
  size: letter
  margins: [40, 40, 60, 40]
  grid: {{columns: 1, gutter: 0}}
templates:
  plain:
    regions:
      body: {{columns: 1-1, top: 100, valign: {valign}, background: tint, padding: 12}}
pages:
  - template: plain
    flow: [body]
"""

PARAGRAPH = "  - type: paragraph\n    text: A paragraph of the flow, set in the panel; it says nothing much at all.\n"


def panel(project, capsys, valign: str, paragraphs: int) -> tuple[float, float, int]:
    """(top, bottom) of the page's tinted panel, from the page's top (PDFium's path bounds), and pages."""
    project.layout(LAYOUT.format(valign=valign))
    project.content("body:\n" + PARAGRAPH * paragraphs + "  - type: material_id\n")
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    pdf = pdfium.PdfDocument(project.root / "output" / "test.pdf")
    page = pdf[0]
    paths = [obj.get_bounds() for obj in page.get_objects() if obj.type == raw.FPDF_PAGEOBJ_PATH]
    _, bottom, _, top = max(paths, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
    return page.get_height() - top, page.get_height() - bottom, len(pdf)


def test_a_short_flow_is_centred_in_a_middle_region(project, capsys):
    top, bottom, pages = panel(project, capsys, "middle", 2)
    assert pages == 1 and top > 150
    assert top - 100 == pytest.approx(792 - 60 - bottom, abs=1.0)  # as much room above as below


def test_a_short_flow_sits_at_the_foot_of_a_bottom_region(project, capsys):
    top, bottom, _ = panel(project, capsys, "bottom", 2)
    assert bottom == pytest.approx(792 - 60, abs=1.0) and top > 150


def test_a_top_region_and_a_flow_that_runs_on_start_at_the_top(project, capsys):
    top, _, _ = panel(project, capsys, "top", 2)
    assert top == pytest.approx(100, abs=0.5)
    top, _, pages = panel(project, capsys, "middle", 40)
    assert pages > 1 and top == pytest.approx(100, abs=0.5)
