"""The references block's title is a heading of the level the content gives, or is left out."""

from __future__ import annotations

from readers import reading_text, structure

CONTENT = """\
body:
  - type: heading
    level: 1
    text: Title
  - type: paragraph
    text: Claim.{{cite}}`1`
  - type: heading
    level: 2
    text: Sources
  - type: references
{extra}    entries: [Reference 1]
"""


def test_title_is_a_heading_of_the_given_level(project):
    project.layout()
    project.content(CONTENT.format(extra="    title: Literature\n    level: 3\n"))
    tree = structure(project.build().data)
    assert [n.text() for n in tree.walk() if n.role == "H3"] == ["Literature"]
    assert not any(n.role == "P" and n.text() == "Literature" for n in tree.walk())


def test_title_null_leaves_the_heading_above_it_as_the_only_label(project):
    project.layout()
    project.content(CONTENT.format(extra="    title: null\n"))
    tree = structure(project.build().data)
    read = " ".join(reading_text(tree).split())
    assert "Sources" in read and "References" not in read
    assert [n.role for n in tree.walk() if n.role.startswith("H")] == ["H1", "H2"]
