"""`read` on other generators' files: unreadable text is said to be unreadable (and fails --strict), form
fields are announced, cells are read with their headers, a print file's note markers are notes, a bullet
and its text are one line."""

from __future__ import annotations

import contextlib
import io

import pikepdf
import pytest
from other_generators import fixture, struct_elements, variant

from tagprint.preflight import main, read_file


def read(path, *options) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["read", str(path), *options])
    return code, out.getvalue(), err.getvalue()


def no_to_unicode(pdf):
    for page in pdf.pages:
        for font in page.Resources.Font.values():
            if "/ToUnicode" in font:
                del font["/ToUnicode"]


@pytest.mark.parametrize("name", ["chromium-article.pdf", "typst-article.pdf", "weasyprint-article.pdf",
                                  "libreoffice-article.pdf"])
def test_text_without_unicode_is_said_to_be_unreadable(name, tmp_path):
    path = variant(name, tmp_path / "blind.pdf", no_to_unicode)
    code, out, err = read(path)
    assert code == 0
    assert out.splitlines()[0] == "heading level 1: [unreadable text]", out
    # no control characters, and no glyph ids passed off as letters
    assert not any(ord(c) < 32 and c != "\n" for c in out)
    assert "preflight sample" not in out
    assert "piece(s) of text are unreadable" in err and "/ToUnicode" in err
    strict, _, _ = read(path, "--strict")
    assert strict == 1


def test_readable_text_passes_strict():
    code, out, err = read(fixture("chromium-article.pdf"), "--strict")
    assert (code, err) == (0, "")
    assert out.startswith("heading level 1: Chromium preflight sample\n")


@pytest.mark.parametrize("name", ["chromium-article.pdf", "libreoffice-article.pdf", "typst-article.pdf",
                                  "weasyprint-article.pdf"])
def test_cells_are_read_with_their_column_header(name):
    lines = read_file(fixture(name))
    cells = [line for line in lines if line.startswith("cell: ")]
    assert cells[:2] == ["cell: Dose, 100 mg", "cell: Patients, 42"], lines


def print_marker(pdf):
    """What a print file holds: the note marker is a Reference with the marker's text, no link annotation."""
    for lbl in struct_elements(pdf, "Lbl"):
        if lbl.P.S == pikepdf.Name.P:
            lbl.S = pikepdf.Name.Reference
    for link in struct_elements(pdf, "Link"):
        link.S = pikepdf.Name.Span
        link.K = pikepdf.Array([k for k in link.K if not isinstance(k, pikepdf.Dictionary)
                                or k.get("/Type") != pikepdf.Name.OBJR]) if isinstance(link.K, pikepdf.Array) \
            else link.K
    for page in pdf.pages:
        if "/Annots" in page.obj:
            del page.obj["/Annots"]


def test_a_note_marker_in_a_print_file_is_read_as_a_note(tmp_path):
    path = variant("typst-note-symbol.pdf", tmp_path / "print.pdf", print_marker)
    lines = read_file(path)
    assert lines[1] == "Most patients reached the primary endpoint by week 16. [note: *]", lines
    assert not [line for line in lines if "[reference: *]" in line]


def test_a_numbered_marker_without_link_stays_a_reference(tmp_path):
    path = variant("typst-footnote.pdf", tmp_path / "print.pdf", print_marker)
    assert "The first paragraph ends with a footnote marker. [reference: 1]" in read_file(path)


def test_a_bullet_and_its_paragraph_are_one_line():
    lines = read_file(fixture("libreoffice-article.pdf"))
    assert "list item: • The first thing" in lines
    assert "list item: • A detail of the second thing" in lines
    assert "•" not in lines and "list item" not in lines


def test_a_label_before_a_block_body_is_joined_with_it(tmp_path):
    def body_in_paragraph(pdf):
        for body in struct_elements(pdf, "LBody"):
            p = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=body,
                                                     K=body.K, Pg=body.get("/Pg")))
            body.K = pikepdf.Array([p])
    path = variant("weasyprint-article.pdf", tmp_path / "body.pdf", body_in_paragraph)
    lines = read_file(path)
    assert "list item: • The first thing" in lines, lines


def test_messages_about_a_broken_file_name_no_in_memory_stream(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage that is no PDF at all\n" * 20)
    code, out, err = read(path)
    assert code == 2
    assert err.startswith(f"{path}: unusable: "), err
    assert "BytesIO" not in err and "0x" not in err, err
    checked = io.StringIO()
    with contextlib.redirect_stdout(checked):
        assert main(["check", str(path)]) == 2
    assert "BytesIO" not in checked.getvalue(), checked.getvalue()


def test_escape_sequences_in_the_file_never_reach_the_terminal(tmp_path):
    def ringing_alt(pdf):
        (figure,) = [f for f in struct_elements(pdf, "Figure") if "/Alt" in f]
        figure.Alt = pikepdf.String("IMG_0042.jpg\x07\x1b[31m")
    path = variant("chromium-article.pdf", tmp_path / "esc.pdf", ringing_alt)
    checked = io.StringIO()
    with contextlib.redirect_stdout(checked):
        main(["check", str(path)])
    _, out, _ = read(path)
    for said in (checked.getvalue(), out):
        assert "\x1b" not in said and "\x07" not in said
    assert "\\x1b[31m" in out
