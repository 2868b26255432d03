"""Headings of one level stand the same distance below whatever precedes them (a paragraph, a list, a
table with its notes, a callout), read back from the built PDF (its lines with poppler, its shapes with PDFium)."""

from __future__ import annotations

import html
import re
import subprocess

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

CONTENT = """\
body:
  - type: heading
    level: 1
    text: Spacing
  - type: paragraph
    text: A paragraph of body text that ends the first section, long enough to wrap onto two lines of the column.
  - type: heading
    level: 2
    text: After a paragraph
  - type: list
    items: [One item, Another item, A last item]
  - type: heading
    level: 2
    text: After a list
  - type: table
    caption: Doses
    rows:
      - [Week, Dose]
      - [Week 4, 1 pen]
  - type: notes
    notes:
      - {marker: "*", text: A note under the table.}
  - type: heading
    level: 2
    text: After a table and its notes
  - type: callout
    blocks:
      - type: paragraph
        text: A boxed block.
  - type: heading
    level: 2
    text: After a callout
  - type: paragraph
    text: The end.
"""

HEADINGS = ("After a paragraph", "After a list", "After a table and its notes", "After a callout")


def _boxes(path) -> list[tuple[str, float, float]]:
    """(text, top, bottom) of every line poppler finds on page 1, y down from the page's top, in points."""
    xml = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    found = []
    for line in re.findall(r'<line xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">(.*?)</line>', xml, re.S):
        words = " ".join(html.unescape(w) for w in re.findall(r">([^<]*)</word>", line[2]))
        found.append((words, float(line[0]), float(line[1])))
    return found


def _paths(path) -> list[tuple[str, float, float]]:
    """("path", top, bottom) of every filled or stroked shape on page 1 (a callout's panel, a table's rules),
    read with PDFium, y down from the page's top."""
    page = pdfium.PdfDocument(path)[0]
    height = page.get_height()
    return [("path", height - top, height - bottom) for obj in page.get_objects(max_depth=4)
            if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH for _, bottom, _, top in [obj.get_bounds()]]


def _space_above(marks, heading: str) -> float:
    """From the bottom of the lowest text line or shape above the heading to the top of its letters."""
    (top,) = {round(t, 2) for text, t, _ in marks if text == heading}
    return top - max(b for _, _, b in marks if b < top + 0.5)


def test_same_level_headings_have_the_same_space_above_whatever_precedes_them(project):
    from conftest import MINIMAL_LAYOUT

    project.layout(MINIMAL_LAYOUT)
    project.content(CONTENT)
    path = project.root / "h.pdf"
    path.write_bytes(project.build().data)
    marks = _boxes(path) + _paths(path)
    spaces = {h: _space_above(marks, h) for h in HEADINGS}
    assert min(spaces.values()) >= 16, spaces  # a heading opens a section: clear air above it
    assert max(spaces.values()) - min(spaces.values()) <= 5, spaces  # the same, give or take a line's descent
