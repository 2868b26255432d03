"""Nothing covers text unless declared: overlapping regions, a figure over text and a region or picture
in the footer are problems at the layout's line (exit 2); `layer: background` regions may lie behind."""

from __future__ import annotations

import pypdfium2 as pdfium

from tagprint.commands.cli import main

LAYOUT = """\
document:
  title: Overlaps
  lang: en-US
  material_id: TEST-0004
  date: 11/2026
  created: 2026-11-01
theme: kineret
templates:
  plain:
    regions:
      text: {box: [40, 40, 532, 300]}
      figure: {box: %s}
pages:
  - template: plain
    regions:
      text: [body]
      figure: [picture]
"""

CONTENT = """\
body:
  - type: heading
    level: 1
    text: Overlaps
  - type: paragraph
    text: Body text that a figure must never cover without the layout saying so.
picture:
  - type: figure
    image: couple-walking.jpg
    alt: Two people walking on a beach.
"""


def run(project, capsys, figure_box: str, extra: str = "") -> tuple[int, str]:
    layout = LAYOUT % figure_box
    if extra:
        layout = layout.replace("      figure: {box: %s}" % figure_box, "      figure: {box: %s, %s}" % (figure_box, extra))
    project.layout(layout)
    project.content(CONTENT)
    code = main(["--root", str(project.root)])
    return code, capsys.readouterr().err


def test_separate_regions_build(project, capsys):
    code, err = run(project, capsys, "[40, 360, 532, 300]")
    assert code == 0, err


def test_a_figure_over_text_is_a_problem_at_its_layout_line(project, capsys):
    code, err = run(project, capsys, "[300, 200, 272, 300]")
    assert code == 2
    problems = [line for line in err.splitlines() if "overlaps" in line]
    assert len(problems) == 1, err
    assert "layouts/test.yaml:12:" in problems[0]  # the figure region's line
    assert "region 'figure' overlaps region 'text' by 272 × 140 pt" in problems[0]
    assert "layer: background" in problems[0]
    assert not (project.root / "output" / "test.pdf").exists()


def test_a_background_region_may_lie_behind_text_and_is_drawn_first(project, capsys):
    code, err = run(project, capsys, "[300, 200, 272, 300]", "layer: background")
    assert code == 0, err
    page = pdfium.PdfDocument(project.root / "output" / "test.pdf")[0]
    kinds = [obj.type for obj in page.get_objects()]
    image = kinds.index(pdfium.raw.FPDF_PAGEOBJ_IMAGE)
    text = kinds.index(pdfium.raw.FPDF_PAGEOBJ_TEXT)
    assert image < text  # the picture is drawn first, the text over it


def test_a_region_in_the_footer_is_a_problem(project, capsys):
    code, err = run(project, capsys, "[40, 560, 532, 230]")
    assert code == 2
    assert "region 'figure' reaches into the page footer" in err and "layouts/test.yaml:12:" in err


def test_two_regions_of_a_flow_that_overlap(project, capsys):
    project.layout(LAYOUT.replace("      figure: {box: %s}\n", "      right: {box: [300, 40, 272, 300]}\n")
                   .replace("    regions:\n      text: [body]\n      figure: [picture]\n", "    flow: [body]\n"))
    project.content(CONTENT)
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "layouts/test.yaml:12:" in err and "region 'right' overlaps region 'text'" in err


def test_a_photo_behind_everything_still_may_not_cover_the_footer(project, capsys):
    code, err = run(project, capsys, "[40, 560, 532, 230]", "layer: background")
    assert code == 2
    problems = [line for line in err.splitlines() if "reaches into the page footer" in line]
    assert len(problems) == 1 and "a picture reaches into the page footer" in problems[0], err
    assert "content/test.yaml:8:" in problems[0]  # the figure's line
