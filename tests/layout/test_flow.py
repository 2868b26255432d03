"""Flows: content runs through regions and pages; headings keep with next; page breaks; splitting."""

from __future__ import annotations

import pytest

from readers import structure
from tagprint.errors import InputError

FLOW_LAYOUT = """\
document:
  title: Flow
  lang: en-US
  material_id: TEST-0002
  date: 11/2026
  created: 2026-11-01
theme: kineret
page:
  size: a4
  margins: [50, 50, 60, 50]
templates:
  columns:
    regions:
      left: {box: [50, 50, 235, 700]}
      right: {box: [310, 50, 235, 700]}
  plain: {}
pages:
  - template: plain
    flow: [intro]
  - template: columns
    flow: [long]
"""

SENTENCE = "Sentence number {n} of a long text that flows from column to column and page to page."


def long_text(paragraphs: int) -> str:
    out = "long:\n"
    for p in range(paragraphs):
        out += f"  - type: heading\n    level: 2\n    text: Part {p + 1}\n"
        text = " ".join(SENTENCE.format(n=f"{p + 1}.{i}") for i in range(12))
        out += f"  - type: paragraph\n    text: {text}\n"
    return out


INTRO = "intro:\n  - type: heading\n    level: 1\n    text: Flowing\n  - type: page_break\n"


def test_a_long_flow_adds_pages_and_keeps_reading_order(project):
    project.layout(FLOW_LAYOUT)
    project.content(INTRO + long_text(14))
    built = project.build()
    assert built.pages >= 3
    tree = structure(built.data)
    text = " ".join(n.text() for n in tree.walk() if n.role == "P")
    numbers = [s.split(" of a long")[0].split()[-1] for s in text.split("Sentence number")[1:]]
    expected = [f"{p + 1}.{i}" for p in range(14) for i in range(12)]
    assert numbers == expected  # every sentence once, in order, across columns and pages


def test_page_size_a4_and_margins_from_the_layout(project):
    import io
    import pypdf
    project.layout(FLOW_LAYOUT)
    project.content(INTRO + long_text(1))
    reader = pypdf.PdfReader(io.BytesIO(project.build().data))
    assert [round(float(v)) for v in reader.pages[0].mediabox] == [0, 0, 595, 842]


def test_page_break_starts_a_new_page(project):
    import pypdfium2 as pdfium
    project.layout(FLOW_LAYOUT)
    project.content(INTRO + "long:\n"
                    "  - type: heading\n    level: 2\n    text: Part A\n"
                    "  - type: paragraph\n    text: Short.\n"
                    "  - type: page_break\n"
                    "  - type: heading\n    level: 2\n    text: Part B\n"
                    "  - type: paragraph\n    text: Also short.\n")
    built = project.build()
    assert built.pages == 3
    doc = pdfium.PdfDocument(built.data)
    assert "Part A" in doc[1].get_textpage().get_text_range()
    assert "Part B" in doc[2].get_textpage().get_text_range()
    assert "Part B" not in doc[1].get_textpage().get_text_range()


def test_heading_never_ends_a_column(project):
    """Every H2 is followed, on the same page and column, by the start of its paragraph."""
    import pypdfium2 as pdfium
    project.layout(FLOW_LAYOUT)
    project.content(INTRO + long_text(14))
    doc = pdfium.PdfDocument(project.build().data)
    for index in range(1, len(doc)):
        textpage = doc[index].get_textpage()
        for column in ((50, 285), (310, 545)):
            text = textpage.get_text_bounded(left=column[0], right=column[1], bottom=0, top=842).strip()
            if text:
                last_line = text.splitlines()[-1]
                assert not last_line.startswith("Part "), f"page {index + 1}: heading at column end"


def test_block_too_tall_for_any_region_is_an_error(project):
    project.layout(FLOW_LAYOUT)
    project.content(INTRO + "long:\n  - type: figure\n    image: couple-walking.jpg\n    alt: A couple\n"
                    "    height: 900\n")
    with pytest.raises(InputError, match="needs 9\\d\\d pt but the region 'left' holds 700 pt"):
        project.build()


@pytest.mark.parametrize("filler", range(18, 30))
def test_a_chain_of_blocks_that_keep_with_next_never_splits(project, filler):
    """Six short paragraphs, each keeping with the next, after filler text of varying length: wherever the
    filler ends, the six stand on one page and column together (read back with PDFium)."""
    import pypdfium2 as pdfium
    project.layout(FLOW_LAYOUT)
    text = " ".join(SENTENCE.format(n=i) for i in range(filler))
    chain = "".join(f"  - type: paragraph\n    keep_with_next: {'true' if k < 5 else 'false'}\n"
                    f"    text: CHAIN{k} kept with the next one.\n" for k in range(6))
    project.content(INTRO + "long:\n" + f"  - type: paragraph\n    text: {text}\n" * 4 + chain)
    doc = pdfium.PdfDocument(project.build().data)
    where = set()
    for index in range(len(doc)):
        textpage = doc[index].get_textpage()
        for column in ((50, 285), (310, 545)):
            found = textpage.get_text_bounded(left=column[0], right=column[1], bottom=0, top=842)
            if "CHAIN" in found:
                where.add((index, column))
    assert len(where) == 1, where
