"""A citation or note marker that would be printed literally is an error at its line with the written-out
fix; so is a Markdown footnote, which the dialect does not have."""

from __future__ import annotations

import pytest

from tagprint.commands.cli import main
from tagprint.errors import Problem, Where
from tagprint.load.inline_markup import parse_inline

CONTENT = """\
body:
  - type: heading
    level: 1
    text: Title
  - type: paragraph
    text: {text}
  - type: notes
    notes:
      - {{marker: '*', text: A note.}}
  - type: references
    entries: [One., Two.]
"""


@pytest.mark.parametrize("text, fragment, fix", [
    ("Fewer migraines with preventives{cite}2.", "'{cite}2' is not a citation", "{cite}`2`"),
    ("Fewer migraines.{cite} Two{cite}`2`{note}`*`.", "'{cite}' is not a citation", "{cite}`1`"),
    ("Monthly{note}* dosing{cite}`1,2`.", "'{note}*' is not a footnote marker", "{note}`*`"),
    ("Monthly dosing[^2]{cite}`1`{note}`*`.", "'[^2]' is a Markdown footnote", "{cite}`2`"),
    ("Monthly{cite}`1-2` dosing{note}`*`{cite}`2.", "'{cite}`2' is not a citation", "{cite}`2`"),
])
def test_a_malformed_marker_is_an_error_at_its_line_with_the_fix(project, capsys, text, fragment, fix):
    project.layout()
    project.content(CONTENT.format(text=text if ":" not in text else f'"{text}"'))
    code = main(["--root", str(project.root)])
    err = capsys.readouterr().err
    assert code == 2, err
    line = next(l for l in err.splitlines() if fragment in l)
    assert "content/test.yaml:6:" in line and fix in line.split(" — ")[1], line
    assert not (project.root / "output" / "test.pdf").exists()


def test_well_formed_markers_and_plain_braces_are_not_flagged():
    problems: list[Problem] = []
    runs = parse_inline("Dose {cite}`1,2` and{note}`†` in [brackets] and {curly} text.", Where("x.yaml", 3), problems)
    assert problems == []
    assert [type(r).__name__ for r in runs].count("Citation") == 1
