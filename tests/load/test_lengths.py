"""Lengths: mm, cm, in and pt everywhere a layout or theme gives one; page sizes in any case; one clear
problem for a length that is not one."""

from __future__ import annotations

import pypdf
import pytest

from conftest import MINIMAL_LAYOUT
from tagprint.commands.cli import main
from tagprint.load.lengths import to_points

HEADING = "body:\n  - type: heading\n    level: 1\n    text: Title\n  - type: paragraph\n    text: Hello.\n"


@pytest.mark.parametrize("written, points", [
    (12, 12.0), (12.5, 12.5), ("12", 12.0), ("12pt", 12.0), ("25.4mm", 72.0), ("2.54cm", 72.0),
    ("0.5in", 36.0), ("12 mm", 34.0157), ("1IN", 72.0), (".5in", 36.0),
])
def test_a_length_in_any_unit_is_points(written, points):
    assert to_points(written) == pytest.approx(points, abs=1e-3)


def test_millimetres_inches_and_a4_in_capitals_build(project, capsys):
    layout = MINIMAL_LAYOUT.replace("templates:\n  plain:\n    regions:\n      main: {box: [40, 40, 532, 700]}",
                                    "page:\n  size: A4\n  margins: [12mm, 0.5in, 2cm, 36pt]\ntemplates:\n  plain: {}")
    layout = layout.replace("main: [body]", "body: [body]")
    project.layout(layout)
    project.content(HEADING)
    code = main(["--root", str(project.root)])
    assert code == 0, capsys.readouterr().err
    reader = pypdf.PdfReader(project.root / "output" / "test.pdf")
    box = reader.pages[0].trimbox if "/TrimBox" in reader.pages[0] else reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_a_length_in_furlongs_is_one_clear_problem(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("[40, 40, 532, 700]", "[40, 40, 12 furlongs, 700]"))
    project.content(HEADING)
    code = main(["--root", str(project.root)])
    err = capsys.readouterr().err
    assert code == 2
    lines = [line for line in err.splitlines() if "furlongs" in line]
    assert len(lines) == 1, err
    assert "test.yaml:11:" in lines[0] and "is not a length" in lines[0]
    assert "mm" in lines[0] and "0.5in" in lines[0]
    assert "Annotated" not in err and "float" not in err


def test_padding_in_furlongs_is_one_problem_too(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("[40, 40, 532, 700]}", "[40, 40, 532, 700], padding: 3 furlongs}"))
    project.content(HEADING)
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert err.count("is not a length") == 1 and "valid list" not in err, err


def test_a_theme_size_in_millimetres(project, capsys):
    theme = project.root / "layouts" / "themes" / "kineret.yaml"
    text = theme.read_text(encoding="utf-8")
    assert "  body:     {size: 9.75, leading: 13.6," in text
    theme.write_text(text.replace("  body:     {size: 9.75, leading: 13.6,", "  body: {size: 3.44mm, leading: 0.19in,"),
                     encoding="utf-8")
    project.layout()
    project.content(HEADING)
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err


def test_an_unknown_paper_size_names_the_allowed_ones(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("templates:", "page:\n  size: A5\ntemplates:"))
    project.content(HEADING)
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert err.count("A5") == 1 and "'letter'" in err and "'a4'" in err, err
