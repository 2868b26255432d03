"""Damaged files are reported as damaged (and what the repair lost), not passed as clean; an encrypted file
that forbids accessibility extraction fails; a Flate bomb is capped and reported."""

from __future__ import annotations

import pikepdf
import pytest
from damaged import DAMAGES, deep_array, flate_bomb, no_accessibility_permission, plain
from other_generators import check, claim_pdfa, fixture

from tagprint.preflight import check_file


def write(tmp_path, data: bytes, name: str = "damaged.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("what", sorted(DAMAGES))
def test_each_damaged_file_gets_a_damaged_and_repaired_warning(what, tmp_path):
    path = write(tmp_path, DAMAGES[what]())
    with pikepdf.open(path) as pdf:  # qpdf still opens it: the damage is what a repair hides
        assert len(pdf.pages) >= 1
    damaged = [f for f in check_file(path).findings if f.check == "FILE-DAMAGED"]
    assert damaged, what
    assert all(f.severity == "warning" for f in damaged)
    assert damaged[0].message.startswith("the file is damaged and was repaired: ")
    code, report = check(path, options=("--fail-on", "warning"))
    assert code == 1 and "FILE-DAMAGED" in report


EXPECTED = {
    "/Count 1000000000": "the page tree's /Count is 1000000000, but it holds 1 page(s)",
    "/Parent self-loop": "page 1's /Parent is the page itself (a loop)",
    "outline /Next cycle": "the outline (bookmarks) loops",
    "xref /Prev loop": "loop detected following xref tables",
    "startxref past the end": "xref not found",
    "garbled xref": "invalid xref entry",
    "/Length of 1 GB": "recovered stream length",
}


@pytest.mark.parametrize("what", sorted(EXPECTED))
def test_the_finding_says_what_was_repaired(what, tmp_path):
    path = write(tmp_path, DAMAGES[what]())
    messages = " | ".join(f.message for f in check_file(path).findings if f.check == "FILE-DAMAGED")
    assert EXPECTED[what] in messages
    assert "<_io." not in messages and "BytesIO" not in messages


def test_a_damaged_file_that_claims_pdfa_is_an_error(tmp_path):
    pdfa = plain("typst-article.pdf", claim_pdfa)
    start = pdfa.rindex(b"startxref\n") + len(b"startxref\n")
    path = write(tmp_path, pdfa[:start] + b"99999999\n%%EOF\n")
    (finding,) = [f for f in check_file(path).findings if f.check == "FILE-DAMAGED"]
    assert finding.severity == "error"
    assert check(path)[0] == 1


def test_a_page_lost_in_repair_is_said_once_instead_of_pg_errors(tmp_path):
    path = write(tmp_path, deep_array())
    findings = check_file(path).findings
    lost = [f for f in findings if "lost in repair" in f.message]
    assert [(f.check, f.severity, f.page) for f in lost] == [("FILE-DAMAGED", "error", 1)]
    assert lost[0].message.startswith("page 1 was lost in repair (object ")
    assert not [f for f in findings if "/Pg" in f.message]
    assert check(path)[0] == 1


def test_a_file_that_forbids_accessibility_extraction_is_an_error(tmp_path):
    path = write(tmp_path, no_accessibility_permission())
    with pikepdf.open(path) as pdf:
        assert pdf.is_encrypted and not pdf.allow.accessibility
    code, report = check(path)
    assert code == 1, report
    assert [(f.check, f.severity) for f in check_file(path).findings] == [("ENCRYPT-ACCESS", "error")]


def test_an_encrypted_file_that_allows_accessibility_passes(tmp_path):
    with pikepdf.open(fixture("typst-article.pdf")) as pdf:
        pdf.save(tmp_path / "enc.pdf", encryption=pikepdf.Encryption(owner="owner", user=""))
    assert check(tmp_path / "enc.pdf") == (0, "1 file(s) checked: 0 error(s), 0 warning(s)\n")


def test_a_flate_bomb_is_capped_and_reported(tmp_path):
    """1 MB inflating to 1 GiB (measured: `check` ends in under a second with about 50 MB resident; the
    test asserts the finding, not the time)."""
    path = write(tmp_path, flate_bomb())
    assert path.stat().st_size < 2 * 2**20
    findings = check_file(path).findings
    (bomb,) = [f for f in findings if f.check == "FILE-DAMAGED"]
    assert bomb.severity == "error"
    assert bomb.message.endswith("(the content of page 1) inflates to more than 128 MB: not read (a decompression "
                                 "bomb, or a damaged stream)")


def test_a_stream_below_the_cap_is_read_as_usual(tmp_path):
    path = write(tmp_path, flate_bomb(size=2**24))  # 16 MB of spaces: large, but no bomb
    assert not [f for f in check_file(path).findings if f.check == "FILE-DAMAGED"]


def test_a_damaged_file_that_claims_pdfx_is_an_error(tmp_path):
    def claim_pdfx(pdf):
        pdf.docinfo["/GTS_PDFXVersion"] = "PDF/X-4"
    pdfx = plain("typst-article.pdf", claim_pdfx)
    start = pdfx.rindex(b"startxref\n") + len(b"startxref\n")
    path = write(tmp_path, pdfx[:start] + b"99999999\n%%EOF\n")
    (finding,) = [f for f in check_file(path).findings if f.check == "FILE-DAMAGED"]
    assert finding.severity == "error"
