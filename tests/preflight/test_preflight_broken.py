"""Each deliberately broken copy of a good build is caught by exactly the check for what was broken."""

from __future__ import annotations

import pytest
from pikepdf import Array, Dictionary, Name, String

from pdf_surgery import (add_helvetica, add_tagged_text, append_content, drop_glyph_from_font, edited, element,
                         font_named, page_mcids, sample_bytes)  # noqa: F401 - sample_bytes is a fixture

from tagprint.preflight import check_file


def remove_figure_alt(pdf):
    del element(pdf, "Figure")["/Alt"]


def drop_lang(pdf):
    del pdf.Root["/Lang"]


def orphan_mcid(pdf):
    owners = page_mcids(pdf)
    heading = element(pdf, "H1")
    owners[int(heading.K)] = None  # the H1 still claims it, the ParentTree no longer says so


def untagged_path(pdf):
    append_content(pdf, b"q 0 0 1 RG 2 w 72 72 m 300 72 l S Q")


def javascript_open_action(pdf):
    pdf.Root.OpenAction = Dictionary(S=Name.JavaScript, JS=String("app.alert('hello');"))


def unembedded_helvetica(pdf):
    add_tagged_text(pdf, add_helvetica(pdf), b"Hello", b"0 g")


def low_contrast_text(pdf):
    add_tagged_text(pdf, font_named(pdf, "Regular"), b"the", b".85 g")


def launch_action(pdf):
    pdf.Root.OpenAction = Dictionary(S=Name.Launch, F=String("calc.exe"))


def skip_heading_level(pdf):
    element(pdf, "H2").S = Name.H3


def heading_h_and_hn(pdf):
    element(pdf, "H2").S = Name.H


def li_outside_list(pdf):
    li = element(pdf, "LI")
    li.P.S = Name.Div  # the L becomes a Div: its LIs are outside a list


def note_without_id(pdf):
    element(pdf, "P").S = Name.Note


def custom_type_without_rolemap(pdf):
    element(pdf, "P").S = Name("/Paragraph")


def link_without_contents(pdf):
    del pdf.pages[0].Annots[0]["/Contents"]


def link_hidden(pdf):
    pdf.pages[0].Annots[0].F = 2


def link_hidden_in_pdfa(pdf):
    link_hidden(pdf)
    claims_pdfa_without_output_intent(pdf)


def no_tabs(pdf):
    del pdf.pages[0].obj["/Tabs"]


def wrong_parent_link(pdf):
    element(pdf, "LI").P = element(pdf, "Document")


def link_parent_tree_elsewhere(pdf):
    key = int(pdf.pages[0].Annots[0].StructParent)
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    index = [int(nums[i]) for i in range(0, len(nums), 2)].index(key)
    nums[2 * index + 1] = element(pdf, "Document")


def page_without_struct_parents(pdf):
    del pdf.pages[0].obj["/StructParents"]


def not_marked(pdf):
    del pdf.Root["/MarkInfo"]


def title_mismatch(pdf):
    pdf.trailer.Info.Title = String("Another title")


def no_display_doc_title(pdf):
    del pdf.Root["/ViewerPreferences"]


def xmp_without_pdfuaid(pdf):
    data = pdf.Root.Metadata.read_bytes().replace(b"<pdfuaid:part>1</pdfuaid:part>", b"")
    pdf.Root.Metadata.write(data)


def claims_pdfa_without_output_intent(pdf):
    data = pdf.Root.Metadata.read_bytes().replace(
        b"<pdfuaid:part>1</pdfuaid:part>",
        b'<pdfuaid:part>1</pdfuaid:part><pdfaid:part xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">2</pdfaid:part>'
        b'<pdfaid:conformance xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">A</pdfaid:conformance>')
    pdf.Root.Metadata.write(data)


def trim_outside_bleed(pdf):
    page = pdf.pages[0].obj
    page.TrimBox = Array([9, 9, 603, 783])
    page.BleedBox = Array([18, 18, 594, 774])


def invalid_element_lang(pdf):
    element(pdf, "Span").Lang = String("French")


def missing_tounicode(pdf):
    fonts = pdf.pages[0].Resources.Font
    del fonts[font_named(pdf, "Regular")]["/ToUnicode"]


def table_cells_outside_rows(pdf):
    p = element(pdf, "P")
    p.S = Name.Table
    # the paragraph's own content now sits directly in a Table: no rows, no cells


def add_table(pdf, cells_in_rows: bool = True):
    """A small empty table under Document: Table > TR > TH, TD (or the TD straight in the Table); the TH heads
    its row (/Scope /Row), so the TD has a header."""
    document = element(pdf, "Document")

    def elem(role, parent):
        e = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + role), P=parent, K=Array()))
        parent.K = Array(list(parent.K) + [e]) if isinstance(parent.K, Array) else Array([parent.K, e])
        return e

    table = elem("Table", document)
    row = elem("TR", table)
    elem("TH", row).A = Dictionary(O=Name.Table, Scope=Name.Row)
    elem("TD", row if cells_in_rows else table)


def td_outside_row(pdf):
    add_table(pdf, cells_in_rows=False)


CASES = {
    # the seven the issue names
    "figure without /Alt": (remove_figure_alt, {"FIG-ALT"}),
    "no catalog /Lang": (drop_lang, {"LANG"}),
    "MCID missing from the ParentTree": (orphan_mcid, {"STRUCT-TREE"}),
    "untagged path": (untagged_path, {"TAG-CONTENT"}),
    "JavaScript OpenAction": (javascript_open_action, {"ACTION-JS"}),
    "unembedded Helvetica showing text": (unembedded_helvetica, {"FONT-EMBED"}),
    "light grey text on white": (low_contrast_text, {"CONTRAST"}),
    # and the rest of the registry
    "Launch action": (launch_action, {"ACTION-LAUNCH"}),
    "H1 then H3": (skip_heading_level, {"HEADING-LEVELS"}),
    "H mixed with H1": (heading_h_and_hn, {"HEADING-LEVELS"}),
    "LI outside L": (li_outside_list, {"LIST-STRUCT"}),
    "Note without /ID": (note_without_id, {"NOTE-ID"}),
    "custom type without RoleMap": (custom_type_without_rolemap, {"STRUCT-ROLES"}),
    "link without /Contents": (link_without_contents, {"LINK-ANNOT"}),
    "hidden link (no PDF/A claimed: allowed)": (link_hidden, set()),
    "hidden link in a file that claims PDF/A": (link_hidden_in_pdfa, {"PDFA", "PDFA-ANNOT"}),
    "page with annotations but no /Tabs": (no_tabs, {"PAGE-TABS"}),
    "/P pointing at the wrong parent": (wrong_parent_link, {"STRUCT-TREE"}),
    "a link's ParentTree entry names another element": (link_parent_tree_elsewhere, {"STRUCT-TREE"}),
    "page with MCIDs but no /StructParents": (page_without_struct_parents, {"STRUCT-TREE"}),
    "no /MarkInfo": (not_marked, {"CAT-TAGGED"}),
    "Info /Title differs from dc:title": (title_mismatch, {"CAT-TITLE"}),
    "no DisplayDocTitle": (no_display_doc_title, {"CAT-TITLE"}),
    "XMP without pdfuaid:part": (xmp_without_pdfuaid, {"CAT-XMP"}),
    "PDF/A claimed, no OutputIntent": (claims_pdfa_without_output_intent, {"PDFA"}),
    "TrimBox outside the BleedBox": (trim_outside_bleed, {"PAGE-BOXES"}),
    "invalid /Lang on a Span": (invalid_element_lang, {"LANG"}),
    "symbolic TrueType without /ToUnicode": (missing_tounicode, {"FONT-UNICODE"}),
    "Table without rows": (table_cells_outside_rows, {"TABLE-STRUCT"}),
    "TD directly in a Table": (td_outside_row, {"TABLE-STRUCT"}),
    "a well-formed table (nothing to find)": (add_table, set()),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_break_is_caught_by_exactly_its_check(name, sample_bytes, tmp_path):
    change, expected = CASES[name]
    path = edited(sample_bytes, tmp_path / "broken.pdf", change)
    result = check_file(path)
    assert result.error is None
    found = {f.check for f in result.findings}
    assert found == expected, "\n".join(f"{f.check}: {f.message}" for f in result.findings)


def test_a_glyph_missing_from_the_font_is_shown_as_notdef(sample_bytes, tmp_path):
    path = edited(sample_bytes, tmp_path / "notdef.pdf", lambda pdf: drop_glyph_from_font(pdf, "Regular", "g"))
    findings = check_file(path).findings
    assert {f.check for f in findings} == {"FONT-NOTDEF"}
    (finding,) = findings
    assert "'g'" in finding.message


def test_findings_say_where(sample_bytes, tmp_path):
    path = edited(sample_bytes, tmp_path / "broken.pdf", remove_figure_alt)
    (finding,) = check_file(path).findings
    assert finding.page == 1
    assert finding.path == "Document/Sect[1]/Figure[1]"
    assert finding.object and finding.object.endswith(" 0 R")
    assert finding.fix


def test_the_orphaned_mcid_is_named(sample_bytes, tmp_path):
    path = edited(sample_bytes, tmp_path / "broken.pdf", orphan_mcid)
    (finding,) = check_file(path).findings
    assert "MCID 0" in finding.message and "ParentTree" in finding.message
    assert finding.path == "Document/Sect[1]/H1[1]"


def test_contrast_reports_text_colours_and_ratio(sample_bytes, tmp_path):
    path = edited(sample_bytes, tmp_path / "grey.pdf", low_contrast_text)
    (finding,) = check_file(path).findings
    assert finding.page == 1
    assert "'the'" in finding.message
    assert "#D9D9D9 on #FFFFFF" in finding.message
    assert "1.41:1" in finding.message and "4.5:1" in finding.message
    assert finding.path == "Document/P[1]"
