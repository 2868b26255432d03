"""A writer's slip gives one problem that names it: an unquoted ': ' in a list item, a misspelt required key."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_LAYOUT
from tagprint.errors import InputError

HEADING = "body:\n  - type: heading\n    level: 1\n    text: Title\n"


def problems(project) -> list[str]:
    with pytest.raises(InputError) as caught:
        project.build()
    return [str(p) for p in caught.value.problems]


def test_an_unquoted_colon_in_a_list_item_is_one_problem_with_the_quoted_form(project):
    project.layout()
    project.content(HEADING + "  - type: list\n    items:\n      - Patients who want: a monthly dose\n"
                    "      - Everyone else\n")
    found = problems(project)
    assert len(found) == 1, found
    assert found[0].startswith("content/test.yaml:7:9: ")
    assert "': '" in found[0] and 'put it in quotes: "Patients who want: a monthly dose"' in found[0]
    assert "missing key" not in found[0] and "unknown key" not in found[0]


def test_an_unquoted_colon_in_a_table_cell_is_named_too(project):
    project.layout()
    project.content(HEADING + "  - type: table\n    caption: Doses\n    rows:\n      - [Week, Dose]\n"
                    "      - [Week 0, Note: two pens]\n")
    found = problems(project)
    assert len(found) == 1, found
    assert found[0].startswith("content/test.yaml:9:") and '"Note: two pens"' in found[0]


def test_a_list_item_mapping_with_a_known_key_is_not_taken_for_a_colon_slip(project):
    project.layout()
    project.content(HEADING + "  - type: list\n    items:\n      - items: [a]\n")
    found = problems(project)
    assert found and all("quotes" not in f for f in found), found
    assert any("missing key 'text'" in f for f in found), found


def test_a_misspelt_required_key_is_one_problem_at_its_line(project):
    project.layout(MINIMAL_LAYOUT.replace("lang:", "language:"))
    project.content(HEADING)
    found = problems(project)
    assert found == ["layouts/test.yaml:3:3: unknown key 'language', and the required key 'lang' is missing "
                     "[document.language] — rename 'language' to 'lang'"]


def test_an_unknown_key_that_misspells_an_optional_key_keeps_its_did_you_mean(project):
    project.layout(MINIMAL_LAYOUT.replace("  title:", "  kickr: For HCPs\n  title:"))
    project.content(HEADING)
    found = problems(project)
    assert len(found) == 1 and "unknown key 'kickr'" in found[0] and "did you mean 'kicker'?" in found[0], found
