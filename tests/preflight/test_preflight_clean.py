"""Our own builds pass; an untagged PDF from plain ReportLab is reported for what it lacks; files that
are no PDF are unusable input."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from conftest import REPO, SEED_LAYOUT
from pdf_surgery import sample, sample_bytes  # noqa: F401 - fixtures

from tagprint.preflight import check_file


def real_findings(path: Path) -> list:
    """The findings of a usable file."""
    result = check_file(path)
    assert result.error is None, result.error
    return result.findings


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> Path:
    """The seed leave-behind (it must build: a failure here is a failure, never a skip)."""
    from tagprint.pipeline import build
    built = build(REPO, REPO / "layouts" / f"{SEED_LAYOUT}.yaml")
    path = tmp_path_factory.mktemp("seed") / f"{SEED_LAYOUT}.pdf"
    path.write_bytes(built.data)
    return path


def test_our_sample_build_is_clean(sample):
    assert real_findings(sample) == []


def test_the_seed_leave_behind_is_clean(seed):
    findings = real_findings(seed)
    assert findings == [], "\n".join(f"{f.check} p{f.page} {f.path}: {f.message}" for f in findings)


def test_plain_reportlab_is_reported_for_what_it_lacks(tmp_path):
    path = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "Hello from plain ReportLab")
    c.showPage()
    c.save()
    findings = check_file(path).findings
    assert {f.check for f in findings} == {"CAT-TAGGED", "LANG", "CAT-TITLE", "CAT-XMP", "TAG-CONTENT", "FONT-EMBED"}
    messages = {f.check: f.message for f in findings if f.check in ("TAG-CONTENT", "FONT-EMBED")}
    assert "Tj: painted outside tagged content and artifacts" == messages["TAG-CONTENT"]
    assert "Helvetica" in messages["FONT-EMBED"] and "not embedded" in messages["FONT-EMBED"]
    assert any("no /StructTreeRoot" in f.message for f in findings if f.check == "CAT-TAGGED")


@pytest.mark.parametrize("content", [b"", b"hello, not a PDF", b"%PDF-1.7\n garbage that qpdf cannot read"])
def test_something_that_is_no_pdf_is_unusable(tmp_path, content):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    result = check_file(path)
    assert result.error and result.findings == []


def test_a_missing_file_is_unusable(tmp_path):
    result = check_file(tmp_path / "nope.pdf")
    assert "cannot read" in (result.error or "")
