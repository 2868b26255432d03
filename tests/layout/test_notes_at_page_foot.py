"""Notes with `place: page_foot` are set at the foot of the page their block is reached on, below the
text that follows them in the flow (the tag tree still reads them where they stand)."""

from __future__ import annotations

from pathlib import Path

from tagprint.layout.items import TextLine
from tagprint.layout.pages import layout_document
from tagprint.pipeline import prepare

REPO = Path(__file__).resolve().parents[2]


def test_efficacy_note_sits_at_the_foot_of_page_one_below_the_table():
    document = prepare(REPO, REPO / "layouts" / "velaris-psoriasis.yaml").document
    first = layout_document(document, REPO)[0]
    lines = [item for item in first.items if isinstance(item, TextLine)]

    def text(line):
        return "".join(s.text for f in line.fragments for s in f.segments)

    note = next(line for line in lines if text(line).startswith("Non-responder imputation"))
    week0 = next(line for line in lines if text(line).startswith("Week 0"))  # the table's first row
    assert note.baseline > week0.baseline  # read before the table, drawn below it
    lowest = max(lines, key=lambda line: line.baseline)
    assert lowest.where.path == note.where.path  # the note's lines are the lowest above the footer
    assert lowest.baseline > 792 - 60
