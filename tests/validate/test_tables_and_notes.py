"""Bad tables and footnotes get `file:line:col: what — how to fix`, exit 2, nothing written; a note
with no marker is only a warning."""

from __future__ import annotations

from conftest import MINIMAL_LAYOUT
from test_bad_input import HEADING, expect_error, run

TABLE = HEADING + """\
  - type: table
    caption: Doses
    rows:
      - [Week, Dose]
"""


def test_marker_without_note_is_an_error(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: Responders{note}`†` only.\n")
    expect_error(project, capsys, "content/test.yaml:6:", "footnote marker '†' has no note", "marker: '†'")


def test_marker_with_a_note_in_another_content_id_is_still_an_error(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("main: [body]", "main: [body, other]"))
    project.content(HEADING + "  - type: paragraph\n    text: Claim{note}`*`.\n"
                    "other:\n  - type: notes\n    notes:\n      - {marker: '*', text: Elsewhere.}\n")
    expect_error(project, capsys, "content/test.yaml:6:", "footnote marker '*' has no note")


def test_note_without_marker_is_a_warning_and_the_document_is_built(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: Plain.\n"
                    "  - type: notes\n    notes:\n      - {marker: '‡', text: Orphan note.}\n  - type: material_id\n")
    code, err = run(project, capsys)
    assert code == 0, err
    assert "warning: content/test.yaml:9:" in err and "note '‡' has no marker in the text" in err
    assert (project.root / "output" / "test.pdf").is_file()


def test_two_notes_with_one_marker_and_an_unknown_marker(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: A{note}`*` and B{note}`#`.\n"
                    "  - type: notes\n    notes:\n      - {marker: '*', text: One.}\n"
                    "      - {marker: '*', text: Two.}\n")
    expect_error(project, capsys, "two notes with the marker '*'",
                 "footnote marker '#' is not *, †, ‡, § or a number")


def test_a_row_that_misses_a_column_is_an_error_with_its_line(project, capsys):
    project.layout()
    project.content(TABLE + "      - [Week 0, 1 pen]\n      - [Week 4]\n")
    expect_error(project, capsys, "content/test.yaml:10:", "row 3 covers 1 of the table's 2 columns", "colspan")


def test_widths_and_align_must_match_the_columns(project, capsys):
    project.layout()
    project.content(TABLE.replace("    rows:", "    widths: [1, 2, 3]\n    align: [left]\n    rows:")
                    + "      - [Week 0, 1 pen]\n")
    expect_error(project, capsys, "widths lists 3 value(s) for 2 columns", "align lists 1 value(s) for 2 columns")


def test_a_table_with_only_header_rows_is_an_error(project, capsys):
    project.layout()
    project.content(TABLE)
    expect_error(project, capsys, "content/test.yaml:5:", "no body rows")


def test_a_rowspan_past_the_body_is_an_error(project, capsys):
    project.layout()
    project.content(TABLE + "      - [{text: Week 0, rowspan: 3}, 1 pen]\n      - [2 pens]\n")
    expect_error(project, capsys, "content/test.yaml:10:", "spans 3 rows, past the end")


def test_too_wide_content_in_a_cell_is_an_error_never_clipped(project, capsys):
    project.layout()
    project.content(TABLE.replace("    rows:", "    widths: [1, 30]\n    rows:")
                    + "      - [Supercalifragilisticexpialidocious, 1 pen]\n")
    expect_error(project, capsys, "content/test.yaml:10:", "is wider than its column")


def test_a_marker_used_by_notes_in_two_blocks_of_one_content_id_is_an_error(project, capsys):
    project.layout()
    notes = "  - type: notes\n    notes:\n      - {marker: '§', text: One.}\n"
    project.content(HEADING + "  - type: paragraph\n    text: A{note}`§`.\n" + notes + notes)
    expect_error(project, capsys, "content/test.yaml:12:", "two notes with the marker '§' in content 'body'")



def test_a_row_with_one_cell_too_many_is_the_only_problem_at_its_line(project, capsys):
    project.layout()
    project.content(TABLE.replace("    rows:", "    widths: [1, 2]\n    align: [left, right]\n    rows:")
                    + "      - [Week 0, 2 pens, then 1]\n      - [Week 4, 1 pen]\n")
    err = expect_error(project, capsys, "content/test.yaml:11:",
                       "row 2 has cells for 3 columns, but the table has 2 (widths lists 2)", "needs quotes")
    assert sum(line.startswith("error: ") for line in err.splitlines()) == 1, err  # (warnings print too)


def test_without_widths_the_header_row_decides_the_columns(project, capsys):
    project.layout()
    project.content(TABLE + "      - [Week 0, 1 pen]\n      - [Week 4, 1 pen, extra]\n      - [Week 8, 1 pen]\n")
    err = expect_error(project, capsys, "content/test.yaml:10:", "row 3 has cells for 3 columns, but the table has 2 "
                                                                 "(as many as the header row)")
    assert sum(line.startswith("error: ") for line in err.splitlines()) == 1, err  # (warnings print too)


def test_without_widths_or_a_header_most_rows_decide_the_columns(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: table\n    caption: Doses\n    header_rows: 0\n    rows:\n"
                    "      - [Week 0, 1 pen, x]\n      - [Week 4, 1 pen, y]\n      - [Week 8, 1 pen]\n")
    err = expect_error(project, capsys, "content/test.yaml:11:", "row 3 covers 2 of the table's 3 columns "
                                                                 "(as many as most rows)")
    assert sum(line.startswith("error: ") for line in err.splitlines()) == 1, err  # (warnings print too)


def test_table_notes_are_set_at_prints_minimum_in_print(project):
    """The theme's small style is 8 pt: on screen a table's notes are 8 pt, in print 9 pt (print's minimum,
    print_rules.PRINT_MIN_TEXT_PT), as PDFium measures the note's characters."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from conftest import MINIMAL_LAYOUT
    from tagprint.pipeline import build

    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\nprofiles: [screen, print]"))
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n  - type: table\n    rows:\n"
                    "      - [Dose, When]\n      - [\"1{note}`*`\", Week 0]\n"
                    "    notes:\n      - {marker: '*', text: Zanzibar quokka footnote.}\n")

    def size_of_note(profile: str) -> float:
        data = build(project.root, project.root / "layouts" / "test.yaml", profile).data
        text = pdfium.PdfDocument(data)[0].get_textpage()
        at = text.get_text_range().index("Zanzibar")
        return round(raw.FPDFText_GetFontSize(text.raw, at), 2)

    assert size_of_note("screen") == 8.0
    assert size_of_note("print") == 9.0
