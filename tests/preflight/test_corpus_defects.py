"""One-defect copies of the Chromium, LibreOffice, WeasyPrint and Typst files: each defect the checker
used to miss now fails `check` (exit 1) with its rule id, and nothing else is found."""

from __future__ import annotations

import pikepdf
import pytest
from other_generators import check, fixture, struct_elements, variant

from tagprint.preflight import check_file


def _kids(node) -> list:
    k = node.get("/K")
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def file_name_alt(pdf):
    (figure,) = [f for f in struct_elements(pdf, "Figure") if "/Alt" in f]
    figure.Alt = pikepdf.String("IMG_0042.jpg")


def row_scoped_column_headers(pdf):
    for th in struct_elements(pdf, "TH"):
        th.A[0].Scope = pikepdf.Name.Row
    for td in struct_elements(pdf, "TD"):  # Chromium also lists each cell's headers; without them
        del td.A[0]["/Headers"]            # the scopes are all a reader has


def figure_at_the_root(pdf):
    """LibreOffice's page-anchored picture: a Figure in StructTreeRoot /K before the Document element."""
    root = pdf.Root.StructTreeRoot
    (document,) = _kids(root)
    (figure,) = [f for f in struct_elements(pdf, "Figure") if "/Alt" in f]
    holder = figure.P
    holder.K = pikepdf.Array([k for k in _kids(holder) if not (k.is_indirect and k.objgen == figure.objgen)])
    figure.P = root
    root.K = pikepdf.Array([figure, document])


def paragraph_before_h1(pdf):
    document = _kids(pdf.Root.StructTreeRoot)[0]
    kids = _kids(document)
    kids[0], kids[1] = kids[1], kids[0]  # H1, P → P, H1: the paragraph below the title is read first
    document.K = pikepdf.Array(kids)


def french_lang_on_english(pdf):
    pdf.Root.Lang = pikepdf.String("fr-FR")
    for element in struct_elements(pdf, "Document"):
        if "/Lang" in element:
            element.Lang = pikepdf.String("fr-FR")


DEFECTS = {
    "an /Alt that is a file name": ("chromium-article.pdf", file_name_alt, "FIG-ALT"),
    "an /Alt that is a file name (Typst)": ("typst-article.pdf", file_name_alt, "FIG-ALT"),
    "column headers with /Scope /Row": ("chromium-article.pdf", row_scoped_column_headers, "TABLE-HEADERS"),
    "column headers with /Scope /Row (Typst)": ("typst-article.pdf", row_scoped_column_headers, "TABLE-HEADERS"),
    "a Figure at the tree root before Document": ("chromium-article.pdf", figure_at_the_root, "READ-BEFORE-H1"),
    "a paragraph read before the H1": ("chromium-article.pdf", paragraph_before_h1, "READ-BEFORE-H1"),
    "a paragraph read before the H1 (LibreOffice)": ("libreoffice-article.pdf", paragraph_before_h1,
                                                     "READ-BEFORE-H1"),
    "/Lang fr-FR on English text": ("chromium-article.pdf", french_lang_on_english, "LANG-TEXT"),
    "/Lang fr-FR on English text (LibreOffice)": ("libreoffice-article.pdf", french_lang_on_english, "LANG-TEXT"),
}
WARNED = {"chromium-article.pdf": {"TABLE-STRUCT"}}  # the valid file's own warning (its table's grid lines)


@pytest.mark.parametrize("what", sorted(DEFECTS))
def test_each_defect_fails_with_its_rule(what, tmp_path):
    name, change, rule = DEFECTS[what]
    path = variant(name, tmp_path / "defect.pdf", change)
    # a language that does not match its text is a warning (a detector can be wrong): it fails with
    # --fail-on warning
    options = ("--fail-on", "warning") if rule == "LANG-TEXT" else ()
    code, report = check(path, options=options)
    assert code == 1, report
    found = {f.check for f in check_file(path).findings}
    assert found - WARNED.get(name, set()) == {rule}, report


def test_the_file_name_alt_says_what_is_wrong(tmp_path):
    path = variant("chromium-article.pdf", tmp_path / "alt.pdf", file_name_alt)
    (finding,) = [f for f in check_file(path).findings if f.check == "FIG-ALT"]
    assert finding.message == "Figure's /Alt 'IMG_0042.jpg' is a file name, not a description"


def test_row_scoped_column_headers_are_named(tmp_path):
    path = variant("chromium-article.pdf", tmp_path / "scope.pdf", row_scoped_column_headers)
    (finding,) = [f for f in check_file(path).findings if f.check == "TABLE-HEADERS"]
    assert finding.severity == "error"
    assert finding.message.startswith("4 of 4 data cells have no header that applies to them, the first in row 2, "
                                      "column 1 (the TH cells of the header row say /Scope /Row")


def test_the_paragraph_read_first_is_an_error_not_a_reading_order_warning(tmp_path):
    path = variant("chromium-article.pdf", tmp_path / "first.pdf", paragraph_before_h1)
    findings = [f for f in check_file(path).findings if f.check != "TABLE-STRUCT"]
    assert [(f.check, f.severity) for f in findings] == [("READ-BEFORE-H1", "error")]
    assert findings[0].message.startswith("P 'This file was written by Chromium")
    assert "is read before the H1 'Chromium preflight sample', which the page shows above it" in findings[0].message


def test_the_language_mismatch_names_both_languages(tmp_path):
    path = variant("chromium-article.pdf", tmp_path / "fr.pdf", french_lang_on_english)
    (finding,) = [f for f in check_file(path).findings if f.check == "LANG-TEXT"]
    assert finding.severity == "warning"
    assert "reads as English, but its /Lang is fr-FR" in finding.message


def test_text_in_the_language_it_claims_is_not_warned(tmp_path):
    """The same English file that says it is English: no LANG-TEXT (also true of every valid file)."""
    assert not [f for f in check_file(fixture("chromium-article.pdf")).findings if f.check == "LANG-TEXT"]


def test_grid_lines_in_a_table_are_a_warning_to_mark_them_as_artifacts():
    (finding,) = check_file(fixture("chromium-article.pdf")).findings
    assert (finding.check, finding.severity) == ("TABLE-STRUCT", "warning")
    assert "draw only lines or shapes" in finding.message
    assert finding.fix.startswith("mark the lines as an artifact")


def test_text_in_a_table_is_still_an_error(tmp_path):
    def text_in_table(pdf):
        (table,) = struct_elements(pdf, "Table")
        (h1,) = struct_elements(pdf, "H1")
        table.K = pikepdf.Array(_kids(table) + [_kids(h1)[0].K])  # the H1's MCID, claimed by the Table too
    path = variant("chromium-article.pdf", tmp_path / "t.pdf", text_in_table)
    messages = [(f.severity, f.message) for f in check_file(path).findings if f.check == "TABLE-STRUCT"]
    assert ("error", "Table holds content directly") in messages


def test_nonstruct_is_looked_through_but_misplaced_items_are_not(tmp_path):
    def li_in_nonstruct_in_document(pdf):
        (first_list, _nested) = struct_elements(pdf, "L")
        first_list.S = pikepdf.Name.NonStruct  # Document > NonStruct > LI: the LI is still outside an L
    path = variant("chromium-article.pdf", tmp_path / "li.pdf", li_in_nonstruct_in_document)
    messages = [f.message for f in check_file(path).findings if f.check == "LIST-STRUCT"]
    assert messages and all(m == "LI is inside Document, not L" for m in messages), messages


def test_the_tabs_string_message_says_string_and_name():
    (finding,) = check_file(fixture("libreoffice-link.pdf")).findings
    assert finding.message == "the page's /Tabs is the string (S), not the name /S that PDF/UA-1 asks for"


def test_an_image_drawn_as_an_artifact_under_an_empty_figure():
    (finding,) = check_file(fixture("libreoffice-picture.pdf")).findings
    assert finding.check == "FIG-CONTENT"
    assert finding.message == "Figure is empty, and page 1 draws an image as an artifact"
