"""Notes with `place: page_foot` are set at the foot of the page their block is reached on, below the
text that follows them in the flow (the tag tree still reads them where they stand)."""

from __future__ import annotations

from conftest import two_column_layout

from pathlib import Path

from tagprint.layout.items import TextLine
from tagprint.layout.pages import layout_document
from tagprint.pipeline import prepare

REPO = Path(__file__).resolve().parents[2]

LAYOUT = two_column_layout("Notes at the foot", "TEST-0032", "results")

CONTENT = """\
results:
  - type: paragraph
    text: Most patients reached the endpoint at week 16.{note}`*`
  - type: notes
    place: page_foot
    notes:
      - {marker: "*", text: "Non-responder imputation; patients who switched therapy were counted as non-responders."}
  - type: table
    caption: Visits
    rows:
      - [Visit, What happens]
%s""" % "".join(f"      - [Week {4 * r}, A visit to check the skin]\n" for r in range(12))


def test_a_page_foot_note_sits_at_the_foot_of_its_page_below_the_table(project):
    project.layout(LAYOUT)
    project.content(CONTENT)
    document = prepare(project.root, project.root / "layouts" / "test.yaml").document
    first = layout_document(document, project.root)[0]
    lines = [item for item in first.items if isinstance(item, TextLine)]

    def text(line):
        return "".join(s.text for f in line.fragments for s in f.segments)

    note = next(line for line in lines if text(line).startswith("Non-responder imputation"))
    week0 = next(line for line in lines if text(line).startswith("Week 0"))  # the table's first row
    assert note.baseline > week0.baseline  # read before the table, drawn below it
    lowest = max(lines, key=lambda line: line.baseline)
    assert lowest.where.path == note.where.path  # the note's lines are the lowest above the footer
    assert lowest.baseline > 792 - 60
