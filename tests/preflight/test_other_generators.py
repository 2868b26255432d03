"""PDF/UA-1 files written by WeasyPrint and Typst pass `check`; a copy with one defect fails it, named by
the check for that defect. (The one-defect copies of our own build are in test_preflight_broken.py.)"""

from __future__ import annotations

import subprocess
import sys

import pikepdf
import pytest

from conftest import REPO
from other_generators import (AS_WRITTEN, VALID, add_annotation, check, claim_pdfa, fixture, struct_elements, text_field,
                              text_note, variant)

from tagprint.preflight import check_file


def test_the_fixtures_come_from_all_four_generators():
    producers = set()
    for name in VALID:
        with pikepdf.open(fixture(name)) as pdf:
            producers.add(str(pdf.docinfo.get("/Producer", "")) + str(pdf.docinfo.get("/Creator", "")))
    for generator in ("WeasyPrint", "Typst", "Skia/PDF", "LibreOffice"):  # Skia/PDF: Chromium's PDF writer
        assert any(generator in p for p in producers), (generator, producers)
    assert len(VALID) >= 6


# what a valid file may still be warned about: Chromium tags a table's grid lines as the Table's content
WARNED = {"chromium-article.pdf": ["TABLE-STRUCT"]}


@pytest.mark.parametrize("name", VALID)
def test_a_valid_file_from_another_generator_passes(name):
    code, report = check(fixture(name))
    assert code == 0, report
    warned = WARNED.get(name, [])
    assert report.endswith(f"1 file(s) checked: 0 error(s), {len(warned)} warning(s)\n"), report
    assert [f.check for f in check_file(fixture(name)).findings] == warned


@pytest.mark.parametrize("name", sorted(AS_WRITTEN))
def test_a_file_that_keeps_its_generators_defect_fails_with_that_rule(name):
    code, report = check(fixture(name))
    assert code == 1, report
    assert [f.check for f in check_file(fixture(name)).findings] == [AS_WRITTEN[name]]


@pytest.mark.parametrize("name", VALID)
def test_the_third_party_checker_finds_no_error_in_the_fixtures(name):
    """pdfua agrees that the fixtures have no errors. (On the WeasyPrint table it warns UA-15-003, "no /Scope
    or /Headers": its data cells do carry /Headers naming the TH IDs, in their /O /Table attribute objects
    where ISO 32000-1 14.8.5.7 puts them, and TABLE-HEADERS reads them there.)"""
    run = subprocess.run([sys.executable, "-m", "pdfua", "check", str(fixture(name))], capture_output=True, text=True)
    assert " errors=0 " in run.stdout, run.stdout
    assert run.returncode == 0 or (run.returncode == 2 and "[WARN ] UA-15-003" in run.stdout
                                   and run.stdout.count("[WARN ]") == 1), run.stdout


def test_render_py_check_exits_0_on_all_of_them():
    run = subprocess.run([sys.executable, "render.py", "check", *(str(fixture(n)) for n in VALID)], cwd=REPO,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    warned = sum(len(w) for w in WARNED.values())
    assert f"{len(VALID)} file(s) checked: 0 error(s), {warned} warning(s)" in run.stdout


# ---- PDF/A rules only for files that claim PDF/A ----------------------------------------------------


def test_a_link_without_print_flag_is_fine_when_pdfa_is_not_claimed():
    with pikepdf.open(fixture("weasyprint-article.pdf")) as pdf:
        (annot,) = pdf.pages[0].Annots
        assert "/F" not in annot  # WeasyPrint writes no /F: PDF/UA-1 does not ask for one
    assert check_file(fixture("weasyprint-article.pdf")).findings == []


def test_a_link_without_print_flag_fails_when_pdfa_is_claimed(tmp_path):
    path = variant("weasyprint-article.pdf", tmp_path / "pdfa.pdf", claim_pdfa)
    code, report = check(path)
    assert code == 1
    found = [f for f in check_file(path).findings if f.check == "PDFA-ANNOT"]
    assert [(f.page, f.message) for f in found] == [
        (1, "the Link annotation has no /F, which PDF/A forbids")]


def test_a_hidden_annotation_fails_only_in_a_pdfa_file(tmp_path):
    def hide(pdf):
        pdf.pages[0].Annots[0].F = 2

    def hide_in_pdfa(pdf):
        hide(pdf)
        claim_pdfa(pdf)

    assert check(variant("typst-article.pdf", tmp_path / "hidden.pdf", hide))[0] == 0
    path = variant("typst-article.pdf", tmp_path / "hidden-pdfa.pdf", hide_in_pdfa)
    assert [f.message for f in check_file(path).findings if f.check == "PDFA-ANNOT"] == [
        "the Link annotation has /F 2, not Print without Hidden or NoView, which PDF/A forbids"]


# ---- RoleMap ------------------------------------------------------------------------------------------


def rolemap(**entries):
    def change(pdf):
        root = pdf.Root.StructTreeRoot
        role_map = root.get("/RoleMap") or pikepdf.Dictionary()
        for name, target in entries.items():
            role_map[f"/{name}"] = pikepdf.Name(f"/{target}")
        root.RoleMap = role_map
    return change


def test_identity_rolemap_entries_are_no_remap(tmp_path):
    path = variant("weasyprint-article.pdf", tmp_path / "identity.pdf", rolemap(P="P", Span="Span", Table="Table"))
    assert check(path) == (0, "1 file(s) checked: 0 error(s), 0 warning(s)\n")


def test_remapping_a_standard_type_is_an_error(tmp_path):
    path = variant("typst-article.pdf", tmp_path / "remap.pdf", rolemap(P="P", H1="P"))
    code, _ = check(path)
    assert code == 1
    assert [f.message for f in check_file(path).findings] == ["the RoleMap remaps the standard type H1 to P"]


# ---- tables ---------------------------------------------------------------------------------------------


def findings_of(path, check_id):
    return [f.message for f in check_file(path).findings if f.check == check_id]


def test_a_table_without_header_cells_is_an_error(tmp_path):
    def no_th(pdf):
        for th in struct_elements(pdf, "TH"):
            th.S = pikepdf.Name.TD
    path = variant("typst-article.pdf", tmp_path / "no-th.pdf", no_th)
    assert check(path)[0] == 1
    assert findings_of(path, "TABLE-STRUCT") == ["the table has no header cells (TH)"]


def test_a_scope_that_is_not_row_column_or_both_is_an_error(tmp_path):
    def diagonal(pdf):
        th = struct_elements(pdf, "TH")[1]
        th.A[0].Scope = pikepdf.Name.Diagonal
    path = variant("typst-article.pdf", tmp_path / "scope.pdf", diagonal)
    assert check(path)[0] == 1
    assert findings_of(path, "TABLE-HEADERS") == ["TH has /Scope Diagonal, not Row, Column or Both"]


def test_headers_must_name_th_ids_of_the_table(tmp_path):
    def dangling(pdf):
        tds = struct_elements(pdf, "TD")
        tds[0].A.Headers = pikepdf.Array([pikepdf.String("55-0-9")])
        tds[1].ID = pikepdf.String("a-data-cell")
        tds[3].A.Headers = pikepdf.Array([pikepdf.String("a-data-cell")])
    path = variant("weasyprint-article.pdf", tmp_path / "headers.pdf", dangling)
    assert check(path)[0] == 1
    assert findings_of(path, "TABLE-HEADERS") == [
        "TD /Headers entry '55-0-9' is no ID in this table",
        "TD /Headers entry 'a-data-cell' is the ID of a TD, not of a TH"]


def test_a_th_with_neither_scope_nor_headers_is_a_warning(tmp_path):
    def unlisted(pdf):
        for td in struct_elements(pdf, "TD"):
            del td.A["/Headers"]
    path = variant("weasyprint-article.pdf", tmp_path / "unlisted.pdf", unlisted)
    findings = [(f.severity, f.message) for f in check_file(path).findings]
    assert findings == [("warning", "TH has no /Scope, and the table's cells do not list their headers (/Headers)")] * 2


# ---- annotations other than links ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["typst-article.pdf", "weasyprint-article.pdf"])
def test_well_tagged_note_and_field_pass(name, tmp_path):
    def add(pdf):
        add_annotation(pdf, text_note(), "Annot")
        add_annotation(pdf, text_field(pdf), "Form")
    assert check(variant(name, tmp_path / "ok.pdf", add)) == (0, "1 file(s) checked: 0 error(s), 0 warning(s)\n")


def test_a_widget_tagged_as_annot_not_form_is_an_error(tmp_path):
    path = variant("typst-article.pdf", tmp_path / "widget.pdf",
                   lambda pdf: add_annotation(pdf, text_field(pdf), "Annot"))
    assert check(path)[0] == 1
    assert [(f.check, f.page, f.message) for f in check_file(path).findings] == [
        ("ANNOT-TAGGED", 1, "the OBJR to the Widget annotation is in Annot, not in a Form element")]


def test_an_untagged_widget_is_an_error(tmp_path):
    path = variant("weasyprint-article.pdf", tmp_path / "widget.pdf",
                   lambda pdf: add_annotation(pdf, text_field(pdf), None))
    assert check(path)[0] == 1
    assert findings_of(path, "ANNOT-TAGGED") == [
        "the Widget annotation has no /StructParent: it is not in the structure tree",
        "no structure element has an OBJR to the Widget annotation"]


def test_a_field_without_tooltip_or_alt_is_an_error_and_alt_is_enough(tmp_path):
    bare = variant("typst-article.pdf", tmp_path / "bare.pdf",
                   lambda pdf: add_annotation(pdf, text_field(pdf, tooltip=None), "Form"))
    assert check(bare)[0] == 1
    assert findings_of(bare, "ANNOT-DESC") == [
        "the Widget annotation's form field has no /TU and its Form element no /Alt: a screen reader cannot "
        "name the field"]
    alt = variant("typst-article.pdf", tmp_path / "alt.pdf", lambda pdf: add_annotation(
        pdf, text_field(pdf, tooltip=None), "Form", Alt=pikepdf.String("Your e-mail address")))
    assert check(alt)[0] == 0


def test_a_text_annotation_without_contents_is_an_error(tmp_path):
    path = variant("weasyprint-article.pdf", tmp_path / "note.pdf",
                   lambda pdf: add_annotation(pdf, text_note(None), "Annot"))
    assert check(path)[0] == 1
    assert [(f.check, f.message) for f in check_file(path).findings] == [
        ("ANNOT-DESC", "the Text annotation has no /Contents (and its Annot element no /Alt)")]


def test_a_hidden_annotation_needs_neither_tag_nor_description(tmp_path):
    def hidden(pdf):
        note = text_note(None)
        note.F = 2
        add_annotation(pdf, note, None)
    assert check(variant("typst-article.pdf", tmp_path / "hidden.pdf", hidden))[0] == 0


# ---- optional content and embedded files ----------------------------------------------------------------


def layers(named: bool, auto_state: bool = False):
    def change(pdf):
        layer = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Notes")))
        config = pikepdf.Dictionary(Order=pikepdf.Array([layer]), ON=pikepdf.Array([layer]))
        if named:
            config.Name = pikepdf.String("Default view")
        if auto_state:
            config.AS = pikepdf.Array([pikepdf.Dictionary(Event=pikepdf.Name.Print, OCGs=pikepdf.Array([layer]),
                                                          Category=pikepdf.Array([pikepdf.Name.Print]))])
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=pikepdf.Array([layer]), D=config)
    return change


def test_a_named_layer_configuration_passes(tmp_path):
    assert check(variant("typst-article.pdf", tmp_path / "oc.pdf", layers(named=True)))[0] == 0


def test_a_layer_configuration_without_name_or_with_as_is_an_error(tmp_path):
    path = variant("typst-article.pdf", tmp_path / "oc.pdf", layers(named=False))
    assert check(path)[0] == 1
    assert findings_of(path, "OC-CONFIG") == ["the default configuration (/D) has no /Name"]
    path = variant("weasyprint-article.pdf", tmp_path / "as.pdf", layers(named=True, auto_state=True))
    assert findings_of(path, "OC-CONFIG") == ["the default configuration (/D) has an /AS array (automatic state "
                                              "changes)"]


def attach(keep_uf: bool):
    def change(pdf):
        spec = pikepdf.AttachedFileSpec(pdf, b"dose,patients\n100 mg,42\n", filename="table.csv",
                                        mime_type="text/csv", description="The table's data")
        pdf.attachments["table.csv"] = spec
        if not keep_uf:
            del pdf.Root.Names.EmbeddedFiles.Names[1]["/UF"]
    return change


def test_an_embedded_file_with_f_and_uf_passes(tmp_path):
    with pikepdf.open(fixture("typst-article.pdf")) as pdf:
        assert set(pdf.attachments) == {"typst-article-data.csv"}  # Typst's own attachment passes (above)
    assert check(variant("weasyprint-article.pdf", tmp_path / "att.pdf", attach(keep_uf=True)))[0] == 0


def test_an_embedded_file_without_uf_is_an_error(tmp_path):
    path = variant("weasyprint-article.pdf", tmp_path / "att.pdf", attach(keep_uf=False))
    assert check(path)[0] == 1
    assert findings_of(path, "EMBEDDED-FILE") == [
        "embedded file 'table.csv' (table.csv) has no /UF in its file specification"]

    def typst_without_uf(pdf):
        del pdf.Root.Names.EmbeddedFiles.Names[1]["/UF"]
    path = variant("typst-article.pdf", tmp_path / "typst-att.pdf", typst_without_uf)
    assert check(path)[0] == 1
    assert findings_of(path, "EMBEDDED-FILE") == [
        "embedded file 'typst-article-data.csv' (typst-article-data.csv) has no /UF in its file specification"]


# ---- a note's marker is a Lbl in running text ------------------------------------------------------------


def test_a_lbl_in_running_text_that_is_no_note_marker_is_still_an_error(tmp_path):
    def plain_label(pdf):
        (marker,) = [lbl for lbl in struct_elements(pdf, "Lbl") if lbl.P.S == pikepdf.Name.P]
        for link in struct_elements(pdf, "Link"):
            if link.P.objgen == marker.objgen:
                link.S = pikepdf.Name.Span  # the label no longer links to its note
    path = variant("typst-footnote.pdf", tmp_path / "label.pdf", plain_label)
    assert "Lbl is inside P, not LI or TOCI or BibEntry or Note" in findings_of(path, "LIST-STRUCT")
