"""Citations and footnote markers are superscripts of a readable size: 0.7 of their text, never below
5.5 pt (a marker in a table cell or a caption), never above the text — measured by PDFium in the PDF."""

from __future__ import annotations

import pytest

from readers import text_sizes
from tagprint.layout.text import superscript_size

CONTENT = """\
body:
  - type: heading
    level: 1
    text: Doses
  - type: paragraph
    text: Fewer flares{cite}`1`.
  - type: table
    caption: Doses
    style: small
    rows:
      - [Week, Dose]
      - [Week 0, "2 pens{note}`‡`"]
    notes:
      - {marker: '‡', text: Loading dose.}
  - type: references
    entries: [A trial.]
  - type: material_id
"""


@pytest.mark.parametrize("size, expected", [(12, 8.4), (9.75, 6.825), (8, 5.6), (7, 5.5), (5, 5)])
def test_the_superscript_size_is_readable_and_never_above_its_text(size, expected):
    assert superscript_size(size) == pytest.approx(expected)


def test_a_marker_in_a_small_table_cell_is_drawn_at_least_at_5_5_pt(project):
    project.layout()
    project.content(CONTENT)
    sizes = text_sizes(project.build().data)
    markers = [s for text, s in sizes if text.strip() == "‡"]
    citation = [s for text, s in sizes if text.strip() == "1"]
    assert markers and min(markers) >= 5.5 - 0.01, sizes
    assert citation and citation[0] == pytest.approx(9.75 * 0.7, abs=0.01), sizes
