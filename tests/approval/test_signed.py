"""Signed approvals: each reviewer signs the archived PDF with a key from the project's CA (PAdES, one
incremental update each, the role as the reason) and the ledger entry with the same key; verify checks
every signature against approval/trusted/. A forgery from another clone, a rechained ledger and a
rolled-back ledger are tampering (exit 3)."""

from __future__ import annotations

import io
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from approval_project import ARCHIVED, CONTENT, LAYOUT, archivable, edit_ledger, run
from tagprint.approval import keys

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse"
ROLES_LAYOUT = LAYOUT.replace("profiles: [screen, archive]",
                              "profiles: [screen, archive]\napproval:\n  roles: [medical, legal]")


def make_keys(root: Path, folder: Path, names=("Dr Quinn", "Ms Lee")) -> dict[str, Path]:
    """A project CA in `root` (approval/trusted/) and one .p12 per reviewer in `folder`."""
    keys.make_ca(root)
    return {name: keys.make_reviewer(root, name, folder / f"{name.split()[-1].lower()}.p12", PASSWORD.encode())
            for name in names}


def sign(project, capsys, key: Path, role: str, by: str, *more: str, version: str = "1.0"):
    return run(project, "approve", "test", "--version", version, "--by", by, "--role", role, "--key", str(key),
               *more, capsys=capsys)


@pytest.fixture
def signed(project, capsys, tmp_path, monkeypatch):
    """1.0 approved by two reviewers in turn: Dr Quinn as medical, Ms Lee as legal."""
    monkeypatch.setenv("TAGPRINT_KEY_PASSWORD", PASSWORD)
    archivable(project)
    project.layout(ROLES_LAYOUT)
    p12 = make_keys(project.root, tmp_path / "keys")
    first = sign(project, capsys, p12["Dr Quinn"], "medical", "Dr Quinn")
    assert first[0] == 0, first[2]
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 1 and out.startswith("awaiting: output/archive/TEST-0001/1.0/test.pdf is signed (Dr Quinn as "
                                        "medical) but not yet approved: the layout needs legal too")
    second = sign(project, capsys, p12["Ms Lee"], "legal", "Ms Lee")
    assert second[0] == 0, second[2]
    return project, p12, first, second


def _pyhanko_status(data: bytes, anchors: list[Path]):
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    roots = []
    for path in anchors:
        roots += [asn1_x509.Certificate.load(pikepdf_free) for pikepdf_free in _der_all(path)]
    reader = PdfFileReader(io.BytesIO(data))
    return [(s.field_name, str(s.sig_object["/Reason"]),
             validate_pdf_signature(s, ValidationContext(trust_roots=roots), skip_diff=True))
            for s in reader.embedded_signatures]


def _der_all(path: Path) -> list[bytes]:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    return [c.public_bytes(Encoding.DER) for c in x509.load_pem_x509_certificates(path.read_bytes())]


def test_two_reviewers_sign_in_turn_and_the_file_stays_pdfua_and_pdfa(signed, capsys):
    project, p12, (_, out1, _), (_, out2, _) = signed
    assert out1.splitlines()[0] == ("approved: test version 1.0 by Dr Quinn as medical → "
                                    "output/archive/TEST-0001/1.0/test.pdf (ledger entry 1)")
    assert out2.splitlines()[0] == ("approved: test version 1.0 by Ms Lee as legal → "
                                    "output/archive/TEST-0001/1.0/test.pdf (ledger entry 2)")
    head = re.fullmatch(r"ledger head: ([0-9a-f]{64})", out2.splitlines()[-1]).group(1)
    data = (project.root / ARCHIVED).read_bytes()
    # pyHanko itself, against the project's trust anchors: both intact, valid and trusted, each with its role
    status = _pyhanko_status(data, sorted((project.root / "approval/trusted").glob("*.pem")))
    assert [(name, reason) for name, reason, _ in status] == [("Approval-medical-1", "medical"),
                                                              ("Approval-legal-1", "legal")]
    assert all(s.intact and s.valid and s.trusted for _, _, s in status)
    # incremental: the first signature's revision is a prefix of the file, the unsigned build a prefix of that
    rows = sqlite3.connect(project.root / "output/archive/ledger.sqlite").execute(
        "SELECT pdf_size, base_size, role, fingerprint, os_user, host, hash FROM approvals ORDER BY seq").fetchall()
    assert rows[0][0] < rows[1][0] == len(data) and rows[0][1] == rows[1][1] < rows[0][0]
    assert [r[2] for r in rows] == ["medical", "legal"] and all(re.fullmatch("[0-9a-f]{64}", r[3]) for r in rows)
    assert rows[0][3] != rows[1][3] and all(r[4] and r[5] for r in rows) and rows[1][6] == head
    # still PDF/UA-1 (pdfua) and PDF/A + PDF/UA by the audit
    path = project.root / ARCHIVED
    check = subprocess.run([sys.executable, "-m", "pdfua", "check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0 and "PASS (no findings)" in check.stdout, check.stdout
    audit = subprocess.run([sys.executable, str(REPO / "render.py"), "check", str(path)], capture_output=True,
                           text=True)
    assert audit.returncode == 0 and "0 error(s), 0 warning(s)" in audit.stdout, audit.stdout
    with pikepdf.open(path) as pdf:  # the signature widgets are in the structure tree, with a name
        assert "pdfaid" in str(pdf.open_metadata())
        widgets = [a for page in pdf.pages for a in page.get("/Annots", []) if a.get("/Subtype") == "/Widget"]
        assert len(widgets) == 2 and all("/StructParent" in w and str(w.TU).startswith("Approval signature")
                                         for w in widgets)
    code, out, err = run(project, "verify", "--all", "--expect-head", head, capsys=capsys)
    assert code == 0, out + err
    assert ("match: output/archive/TEST-0001/1.0/test.pdf is the approved file (approved by Ms Lee" in out
            and "signed and trusted: Dr Quinn as medical; Ms Lee as legal)" in out)
    again = sign(project, capsys, p12["Ms Lee"], "legal", "Ms Lee")
    assert again[0] == 0 and again[1].startswith("already approved: ")


def test_a_forgery_from_another_clone_with_its_own_ca_is_tampering(signed, capsys, tmp_path):
    """Another clone makes its own CA and keys with the same names, approves the same layout, and its
    archive and ledger are swapped in: every signature is valid, but none chains to this project's CA."""
    project, *_ = signed
    other = tmp_path / "other-clone"
    shutil.copytree(project.root / "layouts", other / "layouts")
    shutil.copytree(project.root / "content", other / "content")
    forged = make_keys(other, tmp_path / "forged-keys")
    for name, role in (("Dr Quinn", "medical"), ("Ms Lee", "legal")):
        assert main_run(other, "approve", "test", "--version", "1.0", "--by", name, "--role", role,
                        "--key", str(forged[name])) == 0
    shutil.rmtree(project.root / "output/archive")
    shutil.copytree(other / "output/archive", project.root / "output/archive")
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 3, out
    assert ("chain broken: output/archive/ledger.sqlite: entry 1 (TEST-0001/1.0/test.pdf): it is signed by "
            "O=tagprint project reviewers,CN=Dr Quinn, whose certificate does not chain to a certificate in "
            "approval/trusted/") in out
    assert "signature: output/archive/TEST-0001/1.0/test.pdf" in out and "does not chain" in out
    assert "TAMPERING" in out


def main_run(root: Path, *args: str) -> int:
    from tagprint.commands.cli import main
    return main(["--root", str(root), *args])


def test_a_rechained_ledger_fails_the_entry_signatures(signed, capsys):
    """Drop the triggers, rewrite entry 1's PDF hash, recompute every hash of the chain, restore the
    triggers: the chain holds, but the entries' signatures no longer match them."""
    project, *_ = signed
    from tagprint.approval.ledger import Ledger

    edit_ledger(project, "UPDATE approvals SET pdf_sha256 = '" + "ab" * 32 + "' WHERE seq = 1")
    db = sqlite3.connect(project.root / "output/archive/ledger.sqlite")
    previous = "0" * 64
    for entry in Ledger(project.root / "output/archive").entries():
        fixed = entry.__class__(**{**entry.__dict__, "previous": previous})
        digest = fixed.computed_hash()
        db.execute("UPDATE approvals SET previous = ?, hash = ? WHERE seq = ?", (previous, digest, entry.seq))
        previous = digest
    db.commit()
    db.close()
    breaks = Ledger(project.root / "output/archive").chain_breaks()
    assert [b.message for b in breaks] == [
        "entry 1 (TEST-0001/1.0/test.pdf): its signature does not match its contents: the entry was rewritten "
        "(the chain recomputed)",
        "entry 2 (TEST-0001/1.0/test.pdf): its signature does not match its contents: the entry was rewritten "
        "(the chain recomputed)"]
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 3 and "its signature does not match its contents" in out


def test_a_rolled_back_ledger_fails_the_expected_head(signed, capsys, tmp_path):
    """A backup of the ledger from before Ms Lee's signature, restored together with the file of that
    time: everything in it is consistent, only the head printed by the last approve is gone."""
    project, p12, first, second = signed
    head = second[1].splitlines()[-1].removeprefix("ledger head: ")
    earlier = first[1].splitlines()[-1].removeprefix("ledger head: ")
    ledger = project.root / "output/archive/ledger.sqlite"
    rows = sqlite3.connect(ledger).execute("SELECT pdf_size FROM approvals WHERE seq = 1").fetchone()
    target = project.root / ARCHIVED
    data = target.read_bytes()
    edit_ledger(project, "DELETE FROM approvals WHERE seq > 1")
    target.chmod(0o644)
    target.write_bytes(data[:rows[0]])
    code, out, err = run(project, "verify", "--all", "--expect-head", earlier, capsys=capsys)
    assert code == 1 and "awaiting" in out  # consistent on its own: legal has not signed
    code, out, err = run(project, "verify", "--all", "--expect-head", head, capsys=capsys)
    assert code == 3
    assert out.startswith(f"rolled back: output/archive/ledger.sqlite does not hold the ledger head {head} that an "
                          f"earlier approve printed")


def test_approve_refuses_an_untrusted_key_and_an_unsigned_approval(project, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("TAGPRINT_KEY_PASSWORD", PASSWORD)
    archivable(project)
    stranger = make_keys(tmp_path / "elsewhere", tmp_path / "stranger", names=("Dr Quinn",))["Dr Quinn"]
    code, out, err = sign(project, capsys, stranger, "medical", "Dr Quinn")  # no trust anchors yet
    assert code == 2 and "the project lists no trust anchors, so verify could not check this signature" in err
    make_keys(project.root, tmp_path / "keys")
    code, out, err = sign(project, capsys, stranger, "medical", "Dr Quinn")
    assert code == 2 and "does not chain to a certificate in approval/trusted/" in err
    code, out, err = run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn", capsys=capsys)
    assert code == 2 and "this project trusts only signed approvals" in err and "--key FILE.p12" in err
    monkeypatch.setenv("TAGPRINT_KEY_PASSWORD", "wrong")
    code, out, err = sign(project, capsys, tmp_path / "keys/quinn.p12", "medical", "Dr Quinn")
    assert code == 2 and "wrong password" in err and "TAGPRINT_KEY_PASSWORD" in err
    assert not (project.root / ARCHIVED).exists()


def test_an_unsigned_file_in_a_project_that_trusts_keys_is_tampering(signed, capsys, tmp_path):
    """The signed file replaced by its own first revision (the unsigned build) and the ledger kept."""
    project, *_ = signed
    target = project.root / ARCHIVED
    data = target.read_bytes()
    end = data.find(b"%%EOF") + 6
    target.chmod(0o644)
    target.write_bytes(data[:end])
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 3 and out.startswith("replaced: output/archive/TEST-0001/1.0/test.pdf")


def test_an_approval_dated_before_the_last_entry_is_refused(signed, capsys, monkeypatch):
    from datetime import datetime, timezone

    import tagprint.approval.approve as approve_module

    project, p12, *_ = signed
    project.layout(ROLES_LAYOUT.replace('version: "1.0"', 'version: "1.1"'))
    monkeypatch.setattr(approve_module, "now", lambda: datetime(2020, 1, 1, tzinfo=timezone.utc))
    code, out, err = sign(project, capsys, p12["Dr Quinn"], "medical", "Dr Quinn", version="1.1")
    assert code == 2 and "would be dated 2020-01-01T00:00:00+00:00, before the last entry of the ledger" in err
    assert not (project.root / "output/archive/TEST-0001/1.1/test.pdf").exists()
    kinds = sqlite3.connect(project.root / "output/archive/ledger.sqlite").execute(
        "SELECT kind FROM approvals ORDER BY seq").fetchall()
    assert kinds[-1] == ("refusal",)


def test_source_date_epoch_and_the_role_are_recorded(project, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("TAGPRINT_KEY_PASSWORD", PASSWORD)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    archivable(project)
    p12 = make_keys(project.root, tmp_path / "keys")
    assert sign(project, capsys, p12["Dr Quinn"], "regulatory", "Dr Quinn")[0] == 0
    row = sqlite3.connect(project.root / "output/archive/ledger.sqlite").execute(
        "SELECT source_date_epoch, role, time FROM approvals").fetchone()
    assert row[0] == "1790000000" and row[1] == "regulatory" and not row[2].startswith("2026-09")


def test_a_withdrawn_version_is_reported_and_never_approved_again(signed, capsys):
    project, p12, *_ = signed
    code, out, err = run(project, "withdraw", "test", "--version", "1.0", "--by", "Dr Quinn", "--key",
                         str(p12["Dr Quinn"]), "--note", "label update", capsys=capsys)
    assert code == 0 and out.startswith("withdrawn: TEST-0001/1.0/test.pdf version 1.0 by Dr Quinn (label update; "
                                        "ledger entry 3)"), err
    assert (project.root / ARCHIVED).is_file()  # the record stays
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 1 and out.startswith("withdrawn: output/archive/TEST-0001/1.0/test.pdf is the approved file") \
        and "withdrawn from use by Dr Quinn" in out and "label update" in out
    code, out, err = sign(project, capsys, p12["Dr Quinn"], "legal", "Dr Quinn")
    assert code == 2 and "was withdrawn; it is not approved again" in err
    code, out, err = run(project, "withdraw", "test", "--version", "1.0", "--by", "Someone", "--note", "x",
                         capsys=capsys)
    assert code == 2 and "this project trusts only signed withdrawals" in err


def test_the_keys_command_makes_a_ca_and_a_reviewer_key(project, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("TAGPRINT_KEY_PASSWORD", PASSWORD)
    archivable(project)
    code, out, err = run(project, "keys", "ca", capsys=capsys)
    assert code == 0 and "not a qualified signature" in out
    assert (project.root / "approval/trusted/project-ca.pem").is_file()
    assert (project.root / "approval/ca/ca.key").stat().st_mode & 0o077 == 0
    assert run(project, "keys", "ca", capsys=capsys)[0] == 2  # never replaced
    code, out, err = run(project, "keys", "reviewer", "--name", "Dr Quinn", "--out", str(tmp_path / "q.p12"),
                         capsys=capsys)
    assert code == 0, err
    code, out, err = sign(project, capsys, tmp_path / "q.p12", "medical", "Dr Quinn")
    assert code == 0 and "→ output/archive/TEST-0001/1.0/test.pdf (ledger entry 1)" in out, err
