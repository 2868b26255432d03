"""One item spacing in a list at every depth: from an item to its first sub-item, between sub-items, and
from a nested list's last item back to the next item, read back from the built PDF (baselines with PDFium)."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from conftest import MINIMAL_LAYOUT
from tagprint.commands.cli import main

CONTENT = """\
body:
  - type: heading
    level: 1
    text: Lists
  - type: list
    ordered: true
    items:
      - text: Alpha item, first of the list
        items:
          - Bravo sub-item
          - Charlie sub-item
      - Delta item
      - Echo item
"""


def baselines(data: bytes, words: list[str]) -> list[float]:
    page = pdfium.PdfDocument(data)[0]
    text = page.get_textpage()
    everything = text.get_text_range()
    out = []
    for word in words:
        found = everything.find(word)
        assert found >= 0, word
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(text.raw, found, x, y)
        out.append(page.get_height() - y.value)
    return out


def test_items_at_every_depth_are_one_spacing_apart(project, capsys):
    project.layout(MINIMAL_LAYOUT)
    project.content(CONTENT)
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    data = (project.root / "output" / "test.pdf").read_bytes()
    lines = baselines(data, ["Alpha", "Bravo", "Charlie", "Delta", "Echo"])
    gaps = [b - a for a, b in zip(lines, lines[1:])]
    assert gaps[0] > 0 and gaps == pytest.approx([gaps[0]] * 4, abs=0.05), gaps
