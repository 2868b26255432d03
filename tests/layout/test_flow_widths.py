"""A block cut between regions of different widths is set again at each region's width: every glyph's
box (read back with PDFium) lies inside the region it is set in, and every word is read once, in order."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from readers import structure

WIDE = [40.0, 40.0, 532.0, 150.0]
NARROW = [40.0, 40.0, 180.0, 700.0]
OTHER = [300.0, 40.0, 272.0, 700.0]

LAYOUT = """\
document:
  title: Widths
  lang: en-US
  material_id: TEST-0003
  date: 11/2026
  created: 2026-11-01
theme: kineret
templates:
  wide:
    regions:
      lead: {box: %s}
      aside: {box: [40, 250, 532, 480]}
  narrow:
    regions:
      column: {box: %s}
      other: {box: %s}
pages:
  - template: wide
    regions:
      aside: [aside]
    flow: [long]
    then: narrow
""" % (WIDE, NARROW, OTHER)

ASIDE = "aside:\n  - type: heading\n    level: 1\n    text: Widths\n  - type: paragraph\n    text: A placed paragraph.\n"


def words(n: int, tag: str) -> str:
    return " ".join(f"{tag}{i:03d} cohort-outcome" for i in range(n))


def blocks(kind: str) -> str:
    """A `long` content id whose one block of `kind` is cut between the wide and the narrow region."""
    if kind == "paragraph":
        return f"  - type: paragraph\n    text: {words(160, 'w')}\n"
    if kind == "list":
        return "  - type: list\n    items:\n" + "".join(f"      - {words(9, f'i{i:02d}w')}\n" for i in range(30))
    if kind == "table":
        rows = "".join(f"      - [{words(3, f'r{r:02d}a')}, {words(4, f'r{r:02d}b')}]\n" for r in range(40))
        return "  - type: table\n    rows:\n      - [Name, Value]\n" + rows
    if kind == "safety":
        return ("  - type: safety\n    blocks:\n"
                + "".join(f"      - type: paragraph\n        text: {words(30, f's{p}w')}\n" for p in range(6)))
    if kind == "callout":
        return ("  - type: callout\n    blocks:\n"
                + "".join(f"      - type: paragraph\n        text: {words(30, f'c{p}w')}\n" for p in range(6)))
    if kind == "notes":
        return ("  - type: notes\n    notes:\n"
                + "".join(f"      - marker: '{n + 1}'\n        text: {words(8, f'n{n:02d}w')}\n" for n in range(40)))
    raise AssertionError(kind)


def char_boxes(data: bytes):
    """(page index, character, left, right, top, bottom) of every character PDFium finds: points from the
    page's top-left corner, as boxes are written in a layout."""
    doc = pdfium.PdfDocument(data)
    out = []
    for p in range(len(doc)):
        height = doc[p].get_height()
        text = doc[p].get_textpage()
        for i in range(text.count_chars()):
            char = text.get_text_range(i, 1)
            if char.strip():
                left, bottom, right, top = text.get_charbox(i)
                out.append((p, char, left, right, height - top, height - bottom))
    return out


def inside(box, region) -> bool:
    x, y, w, h = region
    return box[2] >= x - 1 and box[3] <= x + w + 1 and box[4] >= y - 1 and box[5] <= y + h + 1


FOOTER_TOP = 750.0  # the page footer (an artifact) is not set in a region


@pytest.mark.parametrize("kind", ["paragraph", "list", "table", "safety", "callout", "notes"])
def test_a_block_cut_into_a_narrower_region_is_set_at_its_width(project, kind):
    project.layout(LAYOUT)
    project.content(ASIDE + "long:\n" + blocks(kind))
    built = project.build()
    assert built.pages >= 2
    boxes = char_boxes(built.data)
    later = [b for b in boxes if b[0] >= 1 and b[4] < FOOTER_TOP]
    assert later, "nothing was set in the narrow region"
    outside = [b for b in later if not inside(b, NARROW) and not inside(b, OTHER)]
    assert not outside, f"{len(outside)} glyphs outside their region, e.g. {outside[:3]}"
    assert any(inside(b, NARROW) for b in later)
    first = [b for b in boxes if b[0] == 0 and b[4] < FOOTER_TOP]
    assert max(b[3] for b in first) > 400  # the first part really is set wide
    # every word once, in order, across the cut (nothing lost, nothing set twice)
    text = " ".join(n.text() for n in structure(built.data).walk() if n.role in ("P", "LBody", "TD", "Note", "Lbl"))
    found = re.findall(r"(?<![a-z])[wirscn](?:[0-9]{1,2}[wab])?[0-9]{3}(?![0-9])", text)
    assert found == sorted(found, key=found.index) and len(found) == len(set(found))
    expected = {"paragraph": 160, "list": 30 * 9, "table": 40 * 7, "safety": 180, "callout": 180, "notes": 320}[kind]
    assert len(found) == expected, (kind, len(found))


def test_the_flow_from_narrow_to_wide_fills_the_wide_region(project):
    layout = LAYOUT.replace(f"lead: {{box: {WIDE}}}", f"lead: {{box: [40, 40, 180, 150]}}")
    layout = layout.replace(f"column: {{box: {NARROW}}}", "column: {box: [40, 40, 532, 700]}")
    layout = layout.replace(f"      other: {{box: {OTHER}}}\n", "")
    project.layout(layout)
    project.content(ASIDE + "long:\n" + blocks("paragraph"))
    built = project.build()
    later = [b for b in char_boxes(built.data) if b[0] >= 1 and b[4] < FOOTER_TOP]
    assert max(b[3] for b in later) > 450  # set again at the wide region's width, not kept at 180 pt


@pytest.mark.parametrize("layout", ["block-examples", "velaris-psoriasis", "kineret-dtt-ra"])
def test_every_cut_of_every_shipped_block_can_be_set_again(layout):
    """Every break of every block in the shipped examples knows how to set what follows at another width,
    and doing so at a narrower width keeps every line inside it."""
    from conftest import REPO
    from tagprint.fonts import FontStack
    from tagprint.layout.blocks import LayoutContext, lay_out
    from tagprint.layout.items import TextLine
    from tagprint.pipeline import prepare

    document = prepare(REPO, REPO / "layouts" / f"{layout}.yaml").document
    ctx = LayoutContext(document, REPO, FontStack((document.theme.font, *document.theme.fallback_fonts)))
    cuts = 0
    for section in document.sections():
        for block in section.blocks:
            laid = lay_out(block, 400, ctx)
            for b in laid.breaks:
                assert b.rest is not None, (type(block).__name__, block.where)
                rest = b.rest(220)
                cuts += 1
                right = max((line.x + f.x + f.width for line in rest.items if isinstance(line, TextLine)
                             for f in line.fragments), default=0.0)
                assert right <= 220.5, (type(block).__name__, block.where, right)
    assert cuts >= 5
    assert not ctx.problems
