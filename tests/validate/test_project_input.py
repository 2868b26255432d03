"""Issue "the checker and the messages", project input: each case once slipped through or was told the wrong
fix, and now gets `file:line:col: what — how to fix` (or a warning) of its own."""

from __future__ import annotations

from conftest import MINIMAL_LAYOUT
from test_bad_input import HEADING, expect_error, run
from test_tables_and_notes import TABLE


FLOW_LAYOUT = MINIMAL_LAYOUT.replace("    regions:\n      main: [body]", "    flow: [body]")


# ---- tables --------------------------------------------------------------------------------------------


def test_overlapping_spans_are_an_error_at_the_row(project, capsys):
    """A rowspan 2 and a colspan 3 claiming the same slot: the tags would give one slot to two cells."""
    project.layout()
    project.content(HEADING + """\
  - type: table
    caption: Doses
    rows:
      - [Week, Dose, Note]
      - [Week 0, {text: 1 pen, rowspan: 2}, first]
      - [{text: Both, colspan: 3}]
      - [Week 4, 1 pen, again]
      - [Week 8, 1 pen, again]
""")
    err = expect_error(project, capsys, "content/test.yaml:10:", "both claim row 3, column 2",
                       "lower the colspan or the rowspan")
    assert "row 3: cell 1 (colspan 3) and cell 2 of row 2 both claim" in err


def test_a_colspan_past_the_table_width_says_to_fix_the_colspan(project, capsys):
    project.layout()
    project.content(TABLE + "      - [Week 0, 1 pen]\n      - [{text: All weeks, colspan: 3}]\n")
    err = expect_error(project, capsys, "content/test.yaml:10:10", "row 3 has cells for 3 columns, but the table has 2",
                       "lower the colspan of cell 1 from 3 to 2")
    assert "remove the extra cell" not in err


def test_a_row_taller_than_the_region_points_at_the_row(project, capsys):
    long = " ".join(["Dose instructions that go on and on."] * 160)
    project.layout(FLOW_LAYOUT)
    project.content(TABLE + "      - [Week 0, 1 pen]\n      - [Week 1, 1 pen]\n"
                    f"      - [Week 4, \"{long}\"]\n      - [Week 8, 1 pen]\n      - [Week 9, 1 pen]\n")
    expect_error(project, capsys, "content/test.yaml:11:", "this table row needs",
                 "a table row cannot split across pages or regions", "split it into two rows")
