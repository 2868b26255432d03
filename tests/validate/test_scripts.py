"""Right-to-left text is refused with its place (tagprint cannot shape and reorder it yet)."""

from __future__ import annotations

import pytest

from tagprint.errors import InputError
from tagprint.validate.scripts import right_to_left

HEADING = "body:\n  - type: heading\n    level: 1\n    text: T\n"


def test_scripts_found():
    assert right_to_left("Ask about مرحبا بكم today") == {"Arabic": "مرحبابكم"}
    assert right_to_left("שלום") == {"Hebrew": "שלום"}
    assert right_to_left("Café, Ελληνικά, русский, 1–2 mg") == {}


@pytest.mark.parametrize("phrase, script", [("مرحبا بكم", "Arabic"), ("שלום עולם", "Hebrew")])
def test_right_to_left_text_is_refused_at_its_line(project, phrase, script):
    project.layout()
    project.content(HEADING + f"  - type: paragraph\n    text: Welcome, or [{phrase}]{{lang=ar}}.\n"
                    f"  - type: list\n    items: [One, '{phrase}']\n")
    with pytest.raises(InputError) as caught:
        project.build()
    found = [(p.where.line, p.message) for p in caught.value.problems]
    assert [line for line, _ in found] == [6, 8]
    assert all(f"right-to-left text ({script}:" in message for _, message in found)
