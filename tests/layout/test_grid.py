"""Layout that adapts: regions on a column grid, stacked with `below:` and `height: auto`, on letter and
A4 with the same margins; more content in one region moves the next instead of overflowing."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from tagprint.commands.cli import main

LAYOUT = """\
document:
  title: Grid
  lang: en-US
  material_id: TEST-0005
  date: 11/2026
  created: 2026-11-01
theme: kineret
page:
  size: [letter, A4]
  margins: [15mm, 15mm, 20mm, 15mm]
  grid: {columns: 12, gutter: 4mm}
templates:
  plain:
    regions:
      first: {columns: 1-12, background: tint, padding: 8}
      second: {columns: 1-6, below: first}
      third: {columns: 7-12, below: first, gap: 10mm}
pages:
  - template: plain
    regions:
      first: [first]
      second: [second]
      third: [third]
"""

PARAGRAPH = "  - type: paragraph\n    text: {text}\n"
MM = 72 / 25.4


def content(paragraphs: int) -> str:
    out = "first:\n  - type: heading\n    level: 1\n    text: On the grid\n"
    out += "".join(PARAGRAPH.format(text=f"First region paragraph {n} grows the region it is set in.")
                   for n in range(paragraphs))
    out += "second:\n" + PARAGRAPH.format(text="SECOND starts under the first region.")
    out += "third:\n" + PARAGRAPH.format(text="THIRD starts under it too, after a larger gap.")
    return out


def build(project, capsys, paragraphs: int) -> dict[str, bytes]:
    project.layout(LAYOUT)
    project.content(content(paragraphs))
    code = main(["--root", str(project.root)])
    assert code == 0, capsys.readouterr().err
    return {size: (project.root / "output" / f"test-{size}.pdf").read_bytes() for size in ("letter", "a4")}


def tint_box(data: bytes) -> tuple[float, float, float, float, float]:
    """(left, top, right, bottom, page width) of the first region's filled panel, from the page's top-left."""
    page = pdfium.PdfDocument(data)[0]
    width, height = page.get_width(), page.get_height()
    paths = [obj for obj in page.get_objects() if obj.type == raw.FPDF_PAGEOBJ_PATH]
    left, bottom, right, top = max((obj.get_bounds() for obj in paths), key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
    return left, height - top, right, height - bottom, width


def word_top(data: bytes, word: str) -> tuple[float, float]:
    """(x, y from the top) of the first character of `word` on page 1, read with PDFium."""
    page = pdfium.PdfDocument(data)[0]
    text = page.get_textpage()
    found = text.get_text_range().find(word)
    assert found >= 0, word
    left, _, _, top = text.get_charbox(found)
    return left, page.get_height() - top


def test_a_grid_layout_builds_on_letter_and_a4_with_equal_margins(project, capsys):
    built = build(project, capsys, 1)
    for size, page_width in (("letter", 612), ("a4", 595)):
        left, top, right, _, width = tint_box(built[size])
        assert width == pytest.approx(page_width, abs=0.5)
        assert left == pytest.approx(15 * MM, abs=0.5), size
        assert width - right == pytest.approx(15 * MM, abs=0.5), size  # the same margin on the right
        assert top == pytest.approx(15 * MM, abs=0.5), size
        # the grid: 'third' starts at column 7, half-way across the text area plus half a gutter
        x, _ = word_top(built[size], "THIRD")
        assert x == pytest.approx(15 * MM + (width - 30 * MM + 4 * MM) / 2, abs=1.5), size


def test_a_paragraph_added_to_the_first_region_moves_the_second(project, capsys):
    before = build(project, capsys, 1)
    after = build(project, capsys, 4)
    for size in ("letter", "a4"):
        _, _, _, bottom_before, _ = tint_box(before[size])
        _, _, _, bottom_after, _ = tint_box(after[size])
        assert bottom_after > bottom_before + 30  # the first region grew with its content
        _, second_before = word_top(before[size], "SECOND")
        _, second_after = word_top(after[size], "SECOND")
        assert second_after - second_before == pytest.approx(bottom_after - bottom_before, abs=0.5)
        assert second_after > bottom_after  # below the grown region, not under it
        _, third = word_top(after[size], "THIRD")
        assert third - second_after == pytest.approx(10 * MM - 4 * MM, abs=0.5)  # its own gap


def test_a_region_grown_past_the_bottom_margin_is_a_problem_at_its_line(project, capsys):
    """So many paragraphs that the region below the first is pushed off the page: the build stops and names
    the region (its line in the layout) that ends past the bottom margin, instead of setting text over the
    footer's rule."""
    project.layout(LAYOUT)
    project.content(content(60))
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "grows past the bottom margin" in err and "layouts/test.yaml:" in err, err
    assert "region 'first'" in err or "region 'second'" in err, err


def test_below_a_region_that_does_not_exist(project, capsys):
    project.layout(LAYOUT.replace("below: first, gap", "below: frist, gap"))
    project.content(content(1))
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "layouts/test.yaml:17:" in err and "'below: frist' names no other region" in err and "'first'" in err


def test_a_span_beyond_the_grid(project, capsys):
    project.layout(LAYOUT.replace("columns: 7-12", "columns: 7-14"))
    project.content(content(1))
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "columns 7-14: the grid has 12 columns" in err and "layouts/test.yaml:17:" in err


FIXED = """\
document:
  title: Fixed boxes
  lang: en-US
  material_id: TEST-0006
  date: 11/2026
  created: 2026-11-01
theme: kineret
page:
  size: [letter, a4]
templates:
  plain:
    decorations:
      - {band: [0, 0, 612, 20], color: primary}
    regions:
      panel: {box: [40, 40, 532, 300], background: tint, padding: 8}
      low: {box: [40, 600, 532, 140]}
pages:
  - template: plain
    regions:
      panel: [first]
      low: [second]
"""


def test_fixed_boxes_written_for_letter_keep_their_margins_on_a4(project, capsys):
    project.layout(FIXED)
    project.content(content(1))
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    tops = {}
    for size, (width, height) in (("letter", (612, 792)), ("a4", (595, 842))):
        data = (project.root / "output" / f"test-{size}.pdf").read_bytes()
        page = pdfium.PdfDocument(data)[0]
        boxes = sorted((obj.get_bounds() for obj in page.get_objects() if obj.type == raw.FPDF_PAGEOBJ_PATH),
                       key=lambda b: -(b[2] - b[0]) * (b[3] - b[1]))
        band = next(b for b in boxes if b[3] == pytest.approx(height, abs=0.5))
        assert (band[0], band[2]) == (pytest.approx(0, abs=0.5), pytest.approx(width, abs=0.5))  # still full bleed
        left, _, right, top = next(b for b in boxes if b[0] == pytest.approx(40, abs=0.5))
        assert (left, width - right, height - top) == (pytest.approx(40, abs=0.5),) * 3, size
        # the text area grew with the page: the low region's text ends as far above the footer as on letter
        _, second = word_top(data, "SECOND")
        tops[size] = second - (40 + (600 - 40) * (height - 88) / (792 - 88))  # below the region's top
    assert tops["letter"] == pytest.approx(tops["a4"], abs=0.2) and 0 < tops["a4"] < 6


def test_regions_below_each_other_in_a_circle(project, capsys):
    project.layout(LAYOUT.replace("first: {columns: 1-12, background: tint, padding: 8}",
                                  "first: {columns: 1-12, below: second}"))
    project.content(content(1))
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "in a circle: first → second → first" in err and "layouts/test.yaml:15:" in err


def test_a_box_and_a_grid_span_together(project, capsys):
    project.layout(LAYOUT.replace("second: {columns: 1-6, below: first}", "second: {box: [40, 400, 200, 100], columns: 1-6}"))
    project.content(content(1))
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "has a box and is placed on the grid too" in err and "layouts/test.yaml:16:" in err


def panel_bottoms(data: bytes) -> list[float]:
    """The bottoms (from the page's top) of the filled panels on page 1, largest panel first, with the page height."""
    page = pdfium.PdfDocument(data)[0]
    paths = sorted((obj.get_bounds() for obj in page.get_objects() if obj.type == raw.FPDF_PAGEOBJ_PATH),
                   key=lambda b: -(b[2] - b[0]) * (b[3] - b[1]))
    return [page.get_height() - b[1] for b in paths]


def test_a_region_at_the_foot_stays_at_the_foot_on_either_paper_and_grows_upward(project, capsys):
    foot = LAYOUT.replace("third: {columns: 7-12, below: first, gap: 10mm}",
                          "third: {columns: 7-12, bottom: 0, background: tint, padding: 8}")
    project.layout(foot)
    project.content(content(1))
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    tops = {}
    for size, height in (("letter", 792), ("a4", 842)):
        data = (project.root / "output" / f"test-{size}.pdf").read_bytes()
        bottoms = panel_bottoms(data)
        assert any(b == pytest.approx(height - 20 * MM, abs=0.5) for b in bottoms), (size, bottoms)
        _, tops[size] = word_top(data, "THIRD")
        assert tops[size] > height / 2  # at the foot, not under the first region
    assert tops["a4"] - tops["letter"] == pytest.approx(842 - 792, abs=0.5)  # it moved down with the paper
    # more text in it: its top moves up, its bottom stays
    project.content(content(1).replace("THIRD starts under it too, after a larger gap.",
                                       "THIRD stands at the foot. " + "More words in the foot region. " * 12))
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    data = (project.root / "output" / "test-letter.pdf").read_bytes()
    assert any(b == pytest.approx(792 - 20 * MM, abs=0.5) for b in panel_bottoms(data))
    _, grown = word_top(data, "THIRD")
    assert grown < tops["letter"] - 20


def test_a_region_at_the_foot_and_below_another(project, capsys):
    project.layout(LAYOUT.replace("third: {columns: 7-12, below: first, gap: 10mm}",
                                  "third: {columns: 7-12, below: first, bottom: 0}"))
    project.content(content(1))
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "region 'third' has both bottom and below" in err and "layouts/test.yaml:17:" in err


ROW = """\
document:
  title: Row
  lang: en-US
  material_id: TEST-0007
  date: 11/2026
  created: 2026-11-01
theme: kineret
page:
  size: [letter, a4]
  margins: [15mm, 15mm, 20mm, 15mm]
  grid: {columns: 12, gutter: 4mm}
templates:
  plain:
    regions:
      left: {columns: 1-8, same_height: right, background: tint, padding: 8}
      right: {columns: 9-12, background: tint, padding: 8}
      low: {columns: 1-8, bottom: 0, background: tint, padding: 8}
      low-2: {columns: 9-12, bottom: 0, same_height: low, background: tint, padding: 8}
pages:
  - template: plain
    regions:
      left: [short]
      right: [tall]
      low: [tall-2]
      low-2: [short-2]
"""


def filled_boxes(data: bytes) -> list[tuple[float, float, float, float]]:
    """(left, top, right, bottom) from the page's top-left of the filled paths wider than 60 pt on page 1."""
    page = pdfium.PdfDocument(data)[0]
    height = page.get_height()
    out = []
    for obj in page.get_objects():
        if obj.type == raw.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = obj.get_bounds()
            if right - left > 60 and top - bottom > 20:
                out.append((round(left, 1), round(height - top, 1), round(right, 1), round(height - bottom, 1)))
    return out


def test_a_row_of_panels_ends_level_whatever_each_holds(project, capsys):
    project.layout(ROW)
    tall = "".join(PARAGRAPH.format(text=f"A longer panel, line {n}.") for n in range(6))
    short = PARAGRAPH.format(text="Short.")
    project.content(f"short:\n{short}tall:\n{tall}short-2:\n{short}tall-2:\n{tall}")
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    for size, height in (("letter", 792), ("a4", 842)):
        boxes = filled_boxes((project.root / "output" / f"test-{size}.pdf").read_bytes())
        top_row = sorted(b for b in boxes if b[1] < height / 2)
        foot_row = sorted(b for b in boxes if b[1] > height / 2)
        assert len(top_row) == 2 and len(foot_row) == 2, boxes
        (_, t1, _, b1), (_, t2, _, b2) = top_row
        assert (t1, b1) == (pytest.approx(t2, abs=0.2), pytest.approx(b2, abs=0.2))  # the short panel grew down
        assert b1 - t1 > 90  # to the tall one's height, not its own
        (_, t3, _, b3), (_, t4, _, b4) = foot_row
        assert (t3, b3) == (pytest.approx(t4, abs=0.2), pytest.approx(b4, abs=0.2))  # at the foot: grew upward
        assert b3 == pytest.approx(height - 20 * MM, abs=0.5)


def test_same_height_as_a_region_that_does_not_exist(project, capsys):
    project.layout(ROW.replace("same_height: right", "same_height: rihgt"))
    project.content("".join(f"{cid}:\n" + PARAGRAPH.format(text="Words.") for cid in ("short", "tall", "short-2", "tall-2")))
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "'same_height: rihgt' names no other region" in err and "layouts/test.yaml:15:" in err and "'right'" in err
