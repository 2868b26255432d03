"""Each problem once and no spurious ones: a misspelt content id is the only problem it causes."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_LAYOUT
from tagprint.errors import InputError

TWO_SECTIONS = """\
intro:
  - type: heading
    level: 1
    text: Title
  - type: paragraph
    text: A claim.{cite}`1`
more:
  - type: heading
    level: 2
    text: More
refs:
  - type: references
    entries: [A source.]
"""


@pytest.mark.parametrize("placed, missing", [
    ("[intor, more, refs]", "intor"),   # the H1's section: no spurious "first heading is H2"
    ("[intro, more, refz]", "refz"),    # the references: no spurious "citation 1 has no reference"
])
def test_a_misspelt_content_id_is_the_only_problem(project, placed, missing):
    project.content(TWO_SECTIONS)
    project.layout(MINIMAL_LAYOUT.replace("[body]", placed))
    with pytest.raises(InputError) as caught:
        project.build()
    assert [p.message for p in caught.value.problems] == [f"no content with id '{missing}'"]


def test_heading_order_is_still_checked_when_every_id_exists(project):
    project.content(TWO_SECTIONS)
    project.layout(MINIMAL_LAYOUT.replace("[body]", "[more, intro, refs]"))
    with pytest.raises(InputError, match="the first heading in reading order is H2"):
        project.build()


def test_an_unknown_theme_does_not_hide_the_other_problems(project):
    project.content(TWO_SECTIONS + "  - type: figure\n    image: nope.jpg\n    alt: A picture\n")
    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: kinerte")
                   .replace("[body]", "[intro, mroe, refs]"))
    with pytest.raises(InputError) as caught:
        project.build()
    found = sorted((p.where.file, p.where.line, p.message) for p in caught.value.problems)
    assert found == [
        ("content/test.yaml", 15, "image 'nope.jpg' not found in images/"),
        ("layouts/test.yaml", 7, "no theme 'kinerte' in layouts/themes/"),
        ("layouts/test.yaml", 15, "no content with id 'mroe'"),
    ]
    assert caught.value.problems[1].fix == "use one of: kineret"


def test_a_theme_that_does_not_parse_does_not_hide_the_other_problems(project):
    project.write("layouts/themes/broken.yaml", "colors: [unclosed\n")
    project.content(TWO_SECTIONS.replace("type: heading", "type: headnig", 1))
    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: broken").replace("[body]", "[intro, more, refs]"))
    with pytest.raises(InputError) as caught:
        project.build()
    files = sorted(p.where.file for p in caught.value.problems)
    assert files == ["content/test.yaml", "layouts/themes/broken.yaml"], caught.value


def test_a_layout_syntax_error_does_not_hide_the_content_problems(project):
    project.content(TWO_SECTIONS.replace("type: heading", "type: headnig", 1))
    project.layout(MINIMAL_LAYOUT.replace("[body]", "[intro, more") + "content: [content/test.yaml]\n")
    with pytest.raises(InputError) as caught:
        project.build()
    found = [(p.where.file, p.message) for p in caught.value.problems]
    assert found[0][0] == "content/test.yaml" and "unknown block type 'headnig'" in found[0][1]
    assert found[1][0] == "layouts/test.yaml" and "malformed YAML" in found[1][1]
    assert len(found) == 2


def test_the_command_line_lists_a_broken_layout_with_its_content_problems(project, capsys):
    from tagprint.commands.cli import main

    project.content(TWO_SECTIONS.replace("type: heading", "type: headnig", 1))
    project.layout(MINIMAL_LAYOUT.replace("[body]", "[intro, more"))
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "unknown block type 'headnig'" in err and "malformed YAML" in err and "2 problem(s)" in err
