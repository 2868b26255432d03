"""Table tags read back by pypdf: a simple table needs no /ID or /Headers; a footer row is a TFoot."""

from __future__ import annotations

from readers import structure

CONTENT = """\
body:
  - type: heading
    level: 1
    text: Title
  - type: table
    footer_rows: 1
    row_headers: true
    rows:
      - [Reaction, Drug, Placebo]
      - [Headache, 4%, 3%]
      - [Fatigue, 3%, 2%]
      - [Any, 7%, 5%]
"""


def test_simple_table_with_a_footer(project):
    project.layout()
    project.content(CONTENT)
    tree = structure(project.build().data)
    (table,) = [n for n in tree.walk() if n.role == "Table"]
    assert [k.role for k in table.kids] == ["THead", "TBody", "TFoot"]  # no caption given, none made
    assert [[c.role for c in tr.kids] for part in table.kids for tr in part.kids] == [
        ["TH", "TH", "TH"], ["TH", "TD", "TD"], ["TH", "TD", "TD"], ["TD", "TD", "TD"]]
    scopes = [c.attrs.get("Scope") for part in table.kids for tr in part.kids for c in tr.kids if c.role == "TH"]
    assert scopes == ["Column"] * 3 + ["Row"] * 2
    assert not any("ID" in n.attrs or "Headers" in n.attrs for n in table.walk())
    assert " ".join(table.kids[2].text().split()) == "Any 7% 5%"
