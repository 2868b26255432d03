"""The boxed warning: drawn first and read first on page 1, before the title, in a ruled black border."""

from __future__ import annotations

import subprocess
import sys

import pikepdf
import pytest

from readers import mcid_texts, structure
from tagprint.commands.cli import main
from tagprint.preflight import check_file
from tagprint.verify.marked_content import walk_pdf

LAYOUT = """\
document:
  title: Boxed warning test
  lang: en-US
  material_id: TEST-0002
  date: 11/2026
  created: 2026-11-01
theme: kineret
profiles: [screen, print]
templates:
  first:
    regions:
      warning: {box: [40, 40, 532, 120]}
      main: {box: [40, 170, 532, 570]}
pages:
  - template: first
    regions:
      warning: [warning]
      main: [body]
"""
WARNING = """\
warning:
  - type: boxed_warning
    title: "WARNING: SERIOUS INFECTIONS"
    level: LEVEL
    blocks:
      - type: paragraph
        style: safety
        text: Serious infections leading to hospitalisation or death have occurred.
      - type: list
        items: [Test for tuberculosis before the first dose, Stop if a serious infection develops]
body:
  - type: heading
    level: 1
    text: The leave-behind's title
  - type: paragraph
    text: The claims, read after the boxed warning.
  - type: material_id
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import Project
    project = Project(tmp_path_factory.mktemp("boxed") / "project")
    project.layout(LAYOUT)
    project.content(WARNING.replace("LEVEL", "1"))
    assert main(["--root", str(project.root)]) == 0
    return {"screen": project.root / "output" / "test.pdf", "print": project.root / "output" / "test-print.pdf"}


@pytest.mark.parametrize("profile", ["screen", "print"])
def test_the_boxed_warning_is_read_first_and_drawn_first(built, profile):
    """The first structure element under the document is the warning's Sect, its first kid its H1; the first
    marked content drawn on page 1 (MCID 0, in stream order) is that H1's title."""
    root = structure(built[profile])
    first_sect = next(node for node in root.walk() if node.role == "Sect" and node.text().strip())
    warning = next(kid for kid in first_sect.kids if not isinstance(kid, str))
    assert warning.role == "Sect" and warning.kids[0].role == "H1"
    assert warning.kids[0].text() == "WARNING: SERIOUS INFECTIONS"
    headings = [node for node in root.walk() if node.role.startswith("H")]
    assert [h.text() for h in headings] == ["WARNING: SERIOUS INFECTIONS", "The leave-behind's title"]
    with pikepdf.open(built[profile]) as pdf:
        drawn = walk_pdf(pdf)
    assert drawn.findings == []
    first_mcid = drawn.mcids[1][0]
    assert mcid_texts(built[profile])[(0, first_mcid)] == "WARNING: SERIOUS INFECTIONS"


@pytest.mark.parametrize("profile", ["screen", "print"])
def test_pdfua_and_check_are_clean_with_no_reading_order_warning(built, profile):
    run = subprocess.run([sys.executable, "-m", "pdfua", "check", str(built[profile])], capture_output=True, text=True)
    assert run.returncode == 0 and "PASS (no findings)" in run.stdout, run.stdout
    findings = check_file(built[profile]).findings
    assert [f for f in findings if f.check == "READING-ORDER"] == []
    assert [f"{f.check}: {f.message}" for f in findings if f.severity in ("error", "warning")] == []


def test_the_border_is_black_and_ruled_on_all_four_sides(built):
    """Rendered by PDFium: the pixels along the box's edges are black (the screen PDF) on every side."""
    import pypdfium2 as pdfium

    image = pdfium.PdfDocument(built["screen"])[0].render(scale=2).to_pil().convert("RGB")
    root = structure(built["screen"])
    assert root  # the box lies in the warning region, 40 pt from the left and the top
    x0, y0 = 40 * 2, 40 * 2
    x1 = (40 + 532) * 2 - 1
    ys = [y for y in range(y0, y0 + 240) if image.getpixel((x0 + 1, y)) == (0, 0, 0)]
    assert len(ys) > 60  # the left rule, top to bottom
    assert image.getpixel((x1 - 1, ys[len(ys) // 2])) == (0, 0, 0)          # the right rule
    assert all(image.getpixel((x, y0 + 1)) == (0, 0, 0) for x in range(x0 + 4, x1 - 4, 50))  # the top rule
    bottom = ys[-1]
    assert all(image.getpixel((x, bottom)) == (0, 0, 0) for x in range(x0 + 4, x1 - 4, 50))  # the bottom rule


def test_a_boxed_warning_with_a_lower_level_before_the_title_is_a_problem(project, capsys):
    project.layout(LAYOUT)
    project.content(WARNING.replace("LEVEL", "2"))
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "content/test.yaml:2:5: the first heading in reading order is H2" in err
    assert "a boxed warning read before the title has level: 1" in err, err


def test_a_boxed_warning_with_an_unknown_colour_or_no_blocks_is_a_problem(project, capsys):
    project.layout(LAYOUT)
    project.content(WARNING.replace("LEVEL", "1").replace("    level: 1\n", "    level: 1\n    color: blak\n", 1))
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "content/test.yaml:5:5: no colour 'blak' in the theme [warning[0].color]" in err, err
    project.content("warning:\n  - type: boxed_warning\n    blocks: []\n" + WARNING.split("body:\n", 1)[1].join(["body:\n", ""]))
    assert main(["--root", str(project.root)]) == 2
    assert "content/test.yaml:3:5:" in capsys.readouterr().err


def _title_left(pdf) -> float:
    """The left edge of the warning's title as PDFium reads it."""
    import pypdfium2 as pdfium

    text = pdfium.PdfDocument(pdf)[0].get_textpage()
    return text.get_charbox(text.get_text_range().index("WARNING"))[0]


def test_the_title_is_centred_by_default_and_flush_left_when_asked(built, project, capsys):
    project.layout(LAYOUT.replace("profiles: [screen, print]", "profiles: [screen]"))
    project.content(WARNING.replace("LEVEL", "1").replace("    level: 1\n", "    level: 1\n    title_align: left\n", 1))
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    flush = _title_left(project.root / "output" / "test.pdf")
    assert 40 + 1.5 + 10 - 0.5 <= flush <= 40 + 1.5 + 10 + 2  # on the text's edge: the rule and padding in
    assert _title_left(built["screen"]) > flush + 100  # centred in the 532 pt box


def test_a_title_alignment_that_is_not_there_is_a_problem(project, capsys):
    project.layout(LAYOUT)
    project.content(WARNING.replace("LEVEL", "1").replace("    level: 1\n", "    level: 1\n    title_align: right\n", 1))
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "content/test.yaml:" in err and "title_align" in err
