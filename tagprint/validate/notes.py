"""Footnotes: every marker has its note in the same content id, and no marker is given twice there."""

from __future__ import annotations

from ..errors import Problem
from ..model import Document, NoteRef
from ..model.walk import blocks_in_order, inline_runs, walk


def check_note_markers(document: Document, problems: list[Problem]) -> None:
    """Every footnote marker has its note in the same content id (a note with no marker only warns)."""
    notes: set[str] = set()
    for section in document.sections():
        for block in walk(section.blocks):
            for note in block.footnotes():
                if note.note_id in notes:  # its /ID would be used twice
                    problems.append(Problem(note.where, f"two notes with the marker '{note.marker}' in content "
                                                        f"'{section.id}'",
                                            "give each note of a content id its own marker"))
                notes.add(note.note_id)
    for block in blocks_in_order(document):
        for run, where in inline_runs(block):
            if isinstance(run, NoteRef) and run.note_id not in notes:
                problems.append(Problem(where, f"footnote marker '{run.marker}' has no note",
                                        f"add a note with marker: '{run.marker}' to the table's notes: or to a "
                                        "'- type: notes' block in the same content id"))
