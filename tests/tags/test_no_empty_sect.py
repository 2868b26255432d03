"""A content id that holds only artifacts (a decorative figure) leaves no empty Sect in the tree."""

from __future__ import annotations

from conftest import MINIMAL_LAYOUT
from readers import structure


def test_a_decorative_figure_alone_leaves_no_empty_sect(project):
    project.layout(MINIMAL_LAYOUT.replace("main: [body]", "main: [logo, body]"))
    project.content("logo:\n  - type: figure\n    image: logo-mark.svg\n    decorative: true\n    width: 80\n"
                    "body:\n  - type: heading\n    level: 1\n    text: Title\n  - type: material_id\n")
    root = structure(project.build().data)
    sects = [node for node in root.walk() if node.role == "Sect"]
    assert len(sects) == 1 and all(node.kids for node in sects)
    assert [node.role for node in root.walk()][:3] == ["Document", "Sect", "H1"]
