"""What verify says about a PDF it refuses: every finding, each with its check id, page and fix."""

from __future__ import annotations

import io
import pickle

import pikepdf
import pytest

from tagprint.verify import VerifyError, verify


def _with_untagged_line(seed_pdf, page_number: int) -> bytes:
    """The seed with a line drawn outside any marked content on one page (read back by pikepdf)."""
    with pikepdf.open(seed_pdf) as pdf:
        page = pdf.pages[page_number - 1]
        page.contents_add(pdf.make_stream(b"q 0 0 m 100 100 l S Q\n"), prepend=False)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def test_an_untagged_operator_is_a_finding_with_its_check_page_and_fix(seed_pdf):
    verify(seed_pdf.read_bytes())  # the seed itself passes
    with pytest.raises(VerifyError) as caught:
        verify(_with_untagged_line(seed_pdf, 2))
    found = caught.value.findings
    assert {f.check for f in found} == {"TAG-CONTENT"} and {f.page for f in found} == {2}
    assert all("painted outside tagged content" in f.message and f.fix for f in found)
    text = str(caught.value)
    assert "TAG-CONTENT on page 2:" in text and "Finding(" not in text
    assert len(text.splitlines()) == 1 + len(found)  # a heading, then one line per finding


def test_the_findings_survive_the_way_back_from_a_worker(seed_pdf):
    with pytest.raises(VerifyError) as caught:
        verify(_with_untagged_line(seed_pdf, 1))
    back = pickle.loads(pickle.dumps(caught.value))
    assert back.findings == caught.value.findings and str(back) == str(caught.value)
