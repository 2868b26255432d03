"""The second example's tag tree, read back by pypdf + PDFium: tables, notes, sidebar order, golden file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from readers import reading_text, structure, tree_text

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden" / "velaris-psoriasis.tags.txt"


@pytest.fixture(scope="module")
def tree(velaris_profiles):
    return structure(velaris_profiles["screen"])


def test_tag_tree_matches_golden(tree):
    """Set TAGPRINT_UPDATE_GOLDEN=1 to rewrite the golden file on purpose, then review the diff."""
    text = tree_text(tree) + "\n"
    if os.environ.get("TAGPRINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_golden_shows_tables_and_notes():
    roles = {line.split()[0] for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()[:1].isalpha()}
    assert {"Table", "Caption", "THead", "TBody", "TFoot", "TR", "TH", "TD", "Note", "H1", "H2", "H3", "L", "LI",
            "Figure", "Reference", "Link", "Span"} <= roles


def _tables(tree):
    return [n for n in tree.walk() if n.role == "Table"]


def test_tables_hold_only_table_parts_and_every_th_has_a_scope(tree):
    tables = _tables(tree)
    assert len(tables) == 2
    for table in tables:
        assert [k.role for k in table.kids][0] == "Caption"
        assert {k.role for k in table.kids[1:]} <= {"THead", "TBody", "TFoot"}
        for part in table.kids[1:]:
            assert {tr.role for tr in part.kids} == {"TR"}
            assert all(cell.role in ("TH", "TD") for tr in part.kids for cell in tr.kids)
        ths = [n for n in table.walk() if n.role == "TH"]
        assert ths and all(th.attrs.get("Scope") in ("Column", "Row") for th in ths)


def _table(tree, caption: str):
    return next(t for t in _tables(tree) if t.kids[0].text().strip().startswith(caption))


def test_the_two_level_header_table_links_every_cell_to_its_headers(tree):
    dosing = _table(tree, "Dosing schedule")
    ths = {th.attrs["ID"]: th for th in dosing.walk() if th.role == "TH"}
    assert len(ths) == 5 + 14  # five column headers on two levels, one row header per body row
    spanned = [th for th in ths.values() if th.attrs.get("ColSpan") == "2"]
    assert [th.text().strip() for th in spanned] == ["VELARIS 100 mg"]
    lower = next(th for th in ths.values() if th.text().startswith("Weight ≤"))
    assert lower.attrs["Headers"] == spanned[0].attrs["ID"]  # the lower header level names the upper one
    tds = [n for n in dosing.walk() if n.role == "TD"]
    assert tds
    for td in tds:
        named = td.attrs["Headers"].split()
        assert all(h in ths for h in named)
        assert sum(ths[h].attrs["Scope"] == "Row" for h in named) == 1  # its row header
        assert sum(ths[h].attrs["Scope"] == "Column" for h in named) >= 1


def test_the_adverse_reaction_header_gives_the_arm_and_its_size_in_one_cell(tree):
    """"VELARIS (n=1,204)" is one header cell, the count written as one word, so it wraps under the arm's
    name and never inside its parenthesis."""
    table = _table(tree, "Adverse reactions")
    head = next(part for part in table.kids if part.role == "THead")
    rows = [[cell.text().strip() for cell in tr.kids] for tr in head.kids]
    assert rows == [["Adverse reaction", "VELARIS (n=1,204)", "Placebo (n=402)"]]


def test_notes_have_unique_ids_and_every_marker_links_to_a_note(tree):
    notes = [n for n in tree.walk() if n.role == "Note"]
    ids = [n.attrs.get("ID") for n in notes]
    assert len(notes) == 5 and all(ids) and len(set(ids)) == len(ids)
    markers = [n for n in tree.walk() if n.role == "Link" and n.attrs.get("Alt", "").startswith("Note ")]
    assert {m.attrs["Alt"].split()[1] for m in markers} == {n.text().split()[0] for n in notes}


def test_sidebar_is_read_after_its_section_and_before_the_flow(tree):
    read = " ".join(reading_text(tree).split())
    intro = read.find("Why lasting clearance matters")
    sidebar = read.find("VELARIS at a glance")
    results = read.find("Results from the VOYAGE-P trials")
    assert 0 <= intro < sidebar < results


def test_phrase_in_another_language_and_the_three_figures(tree):
    spans = [n for n in tree.walk() if n.role == "Span" and n.attrs.get("Lang") == "fr"]
    assert [s.text().strip() for s in spans] == ["nouvelle peau"]
    alts = [n.attrs.get("Alt", "") for n in tree.walk() if n.role == "Figure"]
    assert len(alts) == 3, alts  # the photo, the PASI 90 chart, the QR code beside the safety box
    assert "forearm" in alts[0]
    assert all(value in alts[1] for value in ("74%", "3%", "71%", "4%"))  # the chart says every value
    assert "example.com/velaris/pi" in alts[2]


def test_references_heading_is_a_heading_not_a_second_label(tree):
    read = " ".join(reading_text(tree).split())
    assert read.count("References") == 1
    headings = [n.text() for n in tree.walk() if n.role == "H2"]
    assert "References" in headings
