"""PDF/UA-1 files written by WeasyPrint and Typst pass `check`; a copy with one defect fails it, named by
the check for that defect. (The one-defect copies of our own build are in test_preflight_broken.py.)"""

from __future__ import annotations

import subprocess
import sys

import pikepdf
import pytest

from conftest import REPO
from other_generators import VALID, check, claim_pdfa, fixture, variant

from tagprint.preflight import check_file


def test_the_fixtures_come_from_both_generators():
    producers = set()
    for name in VALID:
        with pikepdf.open(fixture(name)) as pdf:
            producers.add(str(pdf.docinfo.get("/Producer", "")) + str(pdf.docinfo.get("/Creator", "")))
    assert any("WeasyPrint" in p for p in producers) and any("Typst" in p for p in producers), producers
    assert len(VALID) >= 4


@pytest.mark.parametrize("name", VALID)
def test_a_valid_file_from_another_generator_passes(name):
    code, report = check(fixture(name))
    assert code == 0, report
    assert report.endswith("1 file(s) checked: 0 error(s), 0 warning(s)\n"), report


def test_render_py_check_exits_0_on_all_of_them():
    run = subprocess.run([sys.executable, "render.py", "check", *(str(fixture(n)) for n in VALID)], cwd=REPO,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"{len(VALID)} file(s) checked: 0 error(s), 0 warning(s)" in run.stdout


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
