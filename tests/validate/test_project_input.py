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


# ---- files and text ------------------------------------------------------------------------------------


def test_windows_1252_text_is_reported_at_the_first_bad_byte(project, capsys):
    project.layout()
    text = (HEADING + "  - type: paragraph\n    text: Caf\u00e9 au lait.\n").encode("cp1252")
    (project.root / "content" / "test.yaml").write_bytes(text)
    err = expect_error(project, capsys, "content/test.yaml:6:14:", "not UTF-8 text", "save the file as UTF-8")
    assert "byte 0xe9" in err


def test_a_data_file_over_the_size_limit_gets_data_advice(project, capsys):
    project.layout(MINIMAL_LAYOUT + "variants: data/markets.yaml\n")
    project.content(HEADING)
    (project.root / "data").mkdir()
    (project.root / "data" / "markets.yaml").write_bytes(b"- {id: us, market: US}\n" + b"#" * (5 * 2**20))
    err = expect_error(project, capsys, "data/markets.yaml", "more than a data file may hold")
    assert "content/" not in err


CONTROL = {"\\0": "U+0000 (NUL)", "\\a": "U+0007 (BEL)", "\\e": "U+001B (ESC)", "\\x7f": "U+007F (DEL)",
           "\\x9b": "U+009B (CSI)", "\\u200b": "U+200B (ZERO WIDTH SPACE)"}


def test_control_characters_are_refused_with_their_own_message(project, capsys):
    project.layout()
    lines = "".join(f"  - type: paragraph\n    text: \"Before{c}after\"\n" for c in CONTROL)
    project.content(HEADING + lines)
    err = expect_error(project, capsys, *CONTROL.values())
    assert "add a font" not in err and "\ufffd" not in err
    assert not any(ch in err for ch in "\x00\x07\x1b\x7f\x9b\u200b")  # nothing raw reaches the terminal
    assert err.count("control or invisible character") == len(CONTROL)
    assert "content/test.yaml:6:" in err and "content/test.yaml:16:" in err


def test_raw_control_bytes_are_escaped_in_the_message(project, capsys):
    project.layout()
    (project.root / "content" / "test.yaml").write_bytes(HEADING.encode() + b"  - type: paragraph\n"
                                                         b"    text: Ring \x07 \x1b[31m red\n")
    err = expect_error(project, capsys, "content/test.yaml:6:")
    assert "\x07" not in err and "\x1b" not in err
    assert "U+0007" in err or "\\x07" in err


def test_a_lone_surrogate_gets_no_indentation_hint(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: \"Half \\ud800 a character\"\n")
    err = expect_error(project, capsys, "content/test.yaml:6:")
    assert "indentation" not in err
    assert "surrogate" in err


def test_a_symlink_that_leaves_the_project_says_it_is_a_symlink(project, capsys, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "other.yaml").write_text(HEADING)
    (project.root / "content" / "link.yaml").symlink_to(outside / "other.yaml")
    project.layout(MINIMAL_LAYOUT + "content: [content/link.yaml]\n")
    expect_error(project, capsys, "layouts/test.yaml:", "content path 'content/link.yaml' is a symbolic link",
                 "leaves the project folder")


def test_a_symlinked_image_that_leaves_the_project_says_it_is_a_symlink(project, capsys, tmp_path):
    outside = tmp_path / "pictures"
    outside.mkdir()
    source = next((project.root / "images").glob("*.jpg"))
    (outside / "photo.jpg").write_bytes(source.read_bytes())
    (project.root / "images" / "linked.jpg").symlink_to(outside / "photo.jpg")
    project.layout()
    project.content(HEADING + "  - type: figure\n    image: linked.jpg\n    alt: A picture\n")
    expect_error(project, capsys, "content/test.yaml:6:", "is a symbolic link (images/linked.jpg)",
                 "leaves the images/ folder (and the project folder)")


# ---- warnings and messages that used to be lost or repeated ------------------------------------------


def test_the_unmarked_note_warning_still_prints_when_the_document_has_an_error(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: Responders{note}`†` only.\n"
                    "  - type: notes\n    notes:\n      - {marker: '‡', text: Orphan note.}\n")
    err = expect_error(project, capsys, "footnote marker '†' has no note")
    assert "warning: content/test.yaml:9:" in err and "note '‡' has no marker in the text" in err


def test_a_list_nested_past_the_depth_limit_is_reported_once_with_a_short_path(project, capsys):
    nested, indent = "", "    "
    for level in range(40):
        nested += f"{indent}items:\n{indent}  - text: Level {level}\n"
        indent += "    "
    project.layout()
    project.content(HEADING + "  - type: list\n" + nested.replace("    items:\n", "    items:\n", 1))
    err = expect_error(project, capsys, "content/test.yaml:", "too deeply nested")
    assert err.count("too deeply nested") == 1, err
    (line,) = [x for x in err.splitlines() if "too deeply nested" in x]
    assert len(line) < 400, line
    assert "…" in line


def test_a_link_with_a_space_in_its_address_warns(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: See [the label](https://example.com/a b.pdf) now.\n")
    code, err = run(project, capsys)
    assert code == 0, err
    assert "warning: content/test.yaml:6:" in err
    assert "the link '[the label](https://example.com/a b.pdf)' is printed as it stands: its address has a space" \
        in err
    assert "[the label](<https://example.com/a b.pdf>)" in err


def test_an_unclosed_bold_warns(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: Take **one pen every week.\n")
    code, err = run(project, capsys)
    assert code == 0, err
    assert "warning: content/test.yaml:6:" in err and "'**' is printed as two asterisks" in err


def test_closed_bold_and_a_good_link_do_not_warn(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: Take **one pen** and see [the label]"
                    "(https://example.com/label.pdf).\n")
    code, err = run(project, capsys)
    assert code == 0, err
    assert "printed" not in err


def test_a_shape_error_no_longer_hides_a_semantic_one(project, capsys):
    """An unknown key in one block, and a citation of a reference that does not exist in another: both."""
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    txet: Misspelt.\n    text: Sub\n"
                    "  - type: paragraph\n    text: A claim.{cite}`7`\n"
                    "  - type: references\n    entries:\n      - An existing reference.\n")
    err = expect_error(project, capsys, "content/test.yaml:6:5", "unknown key 'txet'", "did you mean 'text'")
    assert "content/test.yaml:9:" in err and "7" in err.split("content/test.yaml:9:")[1].split("\n")[0], err


def test_a_file_that_cannot_be_read_at_all_still_reports_only_its_shape(project, capsys):
    project.layout()
    project.content("body: not a list\n")
    err = expect_error(project, capsys, "content/test.yaml:1:")
    assert err.count("error: ") == 1, err
