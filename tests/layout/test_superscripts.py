"""Citations and footnote markers are superscripts of a readable size: 0.7 of their text, never below
5.5 pt (a marker in a table cell or a caption), never above the text — measured by PDFium in the PDF."""

from __future__ import annotations

import ctypes
import math

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

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


def _sizes(data: bytes) -> list[tuple[str, float]]:
    """(text, size in points on the page) of every text object PDFium finds on page 1."""
    page = pdfium.PdfDocument(data)[0]
    textpage = page.get_textpage()
    out = []
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
            continue
        n = raw.FPDFTextObj_GetText(obj, textpage.raw, None, 0)
        buf = ctypes.create_string_buffer(n)
        raw.FPDFTextObj_GetText(obj, textpage.raw, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), n)
        size, m = ctypes.c_float(), raw.FS_MATRIX()
        raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
        raw.FPDFPageObj_GetMatrix(obj, m)
        out.append((buf.raw[: n - 2].decode("utf-16-le"), size.value * math.hypot(m.c, m.d)))
    return out


@pytest.mark.parametrize("size, expected", [(12, 8.4), (9.75, 6.825), (8, 5.6), (7, 5.5), (5, 5)])
def test_the_superscript_size_is_readable_and_never_above_its_text(size, expected):
    assert superscript_size(size) == pytest.approx(expected)


def test_a_marker_in_a_small_table_cell_is_drawn_at_least_at_5_5_pt(project):
    project.layout()
    project.content(CONTENT)
    sizes = _sizes(project.build().data)
    markers = [s for text, s in sizes if text.strip() == "‡"]
    citation = [s for text, s in sizes if text.strip() == "1"]
    assert markers and min(markers) >= 5.5 - 0.01, sizes
    assert citation and citation[0] == pytest.approx(9.75 * 0.7, abs=0.01), sizes
