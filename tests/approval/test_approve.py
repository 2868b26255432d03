"""Approval is an explicit act: builds never archive; `approve` writes one file and one ledger entry, and
a version once approved is never approved again, not after its file was deleted or replaced."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from approval_project import ARCHIVED, CONTENT, LAYOUT, approve, archivable, edit_ledger, ledger_rows, run
from tagprint.pipeline import build

REPO = Path(__file__).resolve().parents[2]
CONTENT_CHANGED = CONTENT.replace("will change", "has changed")
LAYOUT_11 = LAYOUT.replace('version: "1.0"', 'version: "1.1"')


def _archive_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "output").rglob("*") if p.is_file() and "archive" in p.parts)


def test_a_plain_build_of_a_fresh_clone_writes_no_archive_file(tmp_path):
    root = tmp_path / "clone"
    for folder in ("layouts", "content", "images", "data"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("*.py"))
    run_ = subprocess.run([sys.executable, str(REPO / "render.py"), "--root", str(root), "--jobs", "1"],
                          capture_output=True, text=True)
    assert run_.returncode == 0, run_.stderr
    assert "archive" not in run_.stdout
    assert list((root / "output").glob("*.pdf")) and _archive_files(root) == []


def test_the_archive_profile_cannot_be_built_only_approved(project, capsys):
    archivable(project)
    code, out, err = run(project, "--profile", "archive", capsys=capsys)
    assert code == 2 and "written only by an approval" in err and "render.py approve" in err
    code, out, err = run(project, capsys=capsys)
    assert code == 0 and "archive" not in out
    assert _archive_files(project.root) == []
    project.layout(LAYOUT.replace("[screen, archive]", "[archive]"))
    code, out, err = run(project, capsys=capsys)
    assert code == 0 and "nothing to build: the layouts list only profiles that an approval writes" in err
    assert _archive_files(project.root) == []


def test_approve_writes_exactly_one_file_and_one_ledger_entry_and_verify_passes(project, capsys):
    archivable(project)
    code, out, err = approve(project, capsys)
    assert code == 0, err
    first, head = out.strip().splitlines()
    assert first == ("approved: test version 1.0 by Dr Quinn (MLR-42) → output/archive/TEST-0001/1.0/test.pdf "
                     "(ledger entry 1) — unsigned: the project lists no trust anchors in approval/trusted/")
    assert re.fullmatch(r"ledger head: [0-9a-f]{64}", head)
    assert [p for p in _archive_files(project.root) if p.suffix == ".pdf"] == [project.root / ARCHIVED]
    assert (project.root / "output/archive/ledger.sqlite").is_file()
    assert ledger_rows(project) == [(1, "TEST-0001/1.0/test.pdf", "1.0", "Dr Quinn", "MLR-42")]
    assert (project.root / ARCHIVED).stat().st_mode & 0o222 == 0  # read-only
    code, out, err = run(project, "verify", str(project.root / ARCHIVED), capsys=capsys)
    assert code == 0, out + err
    assert out.startswith("match: output/archive/TEST-0001/1.0/test.pdf is the approved file (approved by Dr Quinn")
    assert "environment: the same as recorded" in out and "rebuilds it byte for byte" in out
    again = approve(project, capsys)
    assert again[0] == 0 and again[1].startswith("already approved:")
    assert len(ledger_rows(project)) == 1


def test_only_layouts_listing_archive_and_only_their_own_version(project, capsys):
    project.layout()  # profiles: [screen]
    project.content("body:\n  - type: heading\n    level: 1\n    text: Hello\n")
    code, out, err = approve(project, capsys, version="1")
    assert code == 2 and "does not list the archive profile" in err and "add archive" in err
    archivable(project)
    code, out, err = approve(project, capsys, version="2.0")
    assert code == 2 and "layouts/test.yaml:" in err and "the layout is version 1.0, not 2.0" in err
    assert not (project.root / "output" / "archive").exists()


def test_a_changed_draft_is_never_approved_under_an_approved_version(project, capsys):
    archivable(project)
    assert approve(project, capsys)[0] == 0
    original = (project.root / ARCHIVED).read_bytes()
    project.content(CONTENT_CHANGED)
    code, out, err = approve(project, capsys)
    assert code == 2 and "was approved by Dr Quinn" in err and "new document.version" in err
    assert "TAMPERING" not in err
    assert (project.root / ARCHIVED).read_bytes() == original and len(ledger_rows(project)) == 1


def test_a_deleted_approved_file_is_reported_and_never_reapproved(project, capsys):
    archivable(project)
    assert approve(project, capsys)[0] == 0
    (project.root / ARCHIVED).unlink()
    code, out, err = approve(project, capsys)
    assert code == 3 and "TAMPERING" in err and "has been deleted" in err and "new version" not in err
    assert not (project.root / ARCHIVED).exists() and len(ledger_rows(project)) == 1
    code, out, err = run(project, "verify", "test", "--version", "1.0", capsys=capsys)
    assert code == 3 and out.startswith("missing: output/archive/TEST-0001/1.0/test.pdf")
    assert "TAMPERING" in out
    code, out, err = run(project, "build", "test", capsys=capsys)  # a rebuild does not bring it back
    assert code == 0 and not (project.root / ARCHIVED).exists()


def test_a_replaced_approved_file_is_reported_even_if_it_verifies_against_its_own_sources(project, capsys):
    archivable(project)
    assert approve(project, capsys)[0] == 0
    project.content(CONTENT_CHANGED)
    other = build(project.root, project.root / "layouts" / "test.yaml", "archive").data  # same version, other text
    target = project.root / ARCHIVED
    target.chmod(0o644)
    target.write_bytes(other)
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 3
    assert out.startswith("replaced: output/archive/TEST-0001/1.0/test.pdf")
    assert "even though it rebuilds from its own embedded sources" in out and "TAMPERING" in out
    code, out, err = approve(project, capsys)
    assert code == 3 and "has been replaced" in err and "new version" not in err
    assert target.read_bytes() == other and len(ledger_rows(project)) == 1


def test_an_unrecorded_file_in_the_archive_is_tampering(project, capsys):
    archivable(project)
    target = project.root / ARCHIVED
    target.parent.mkdir(parents=True)
    target.write_bytes(build(project.root, project.root / "layouts" / "test.yaml", "archive").data)
    code, out, err = approve(project, capsys)
    assert code == 3 and "the ledger has no approval for it" in err
    assert approve(project, capsys, by="x")[0] == 3


def test_an_edited_ledger_entry_is_reported_and_blocks_approvals(project, capsys):
    archivable(project)
    assert approve(project, capsys)[0] == 0
    edit_ledger(project, "UPDATE approvals SET approver = 'Someone Else'")
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 3
    assert out.splitlines()[0] == ("chain broken: output/archive/ledger.sqlite: entry 1 (TEST-0001/1.0/test.pdf) was "
                                   "edited after it was written: its contents do not match its hash — TAMPERING: "
                                   "restore the ledger from a backup")
    project.layout(LAYOUT_11)
    code, out, err = approve(project, capsys, version="1.1")
    assert code == 3 and "output/archive/ledger.sqlite: TAMPERING: the approval ledger was altered" in err
    assert not (project.root / "output/archive/TEST-0001/1.1").exists()


def test_a_removed_ledger_entry_breaks_the_chain(project, capsys):
    archivable(project)
    assert approve(project, capsys)[0] == 0
    project.layout(LAYOUT_11)
    assert approve(project, capsys, version="1.1")[0] == 0
    assert [r[2] for r in ledger_rows(project)] == ["1.0", "1.1"]
    edit_ledger(project, "DELETE FROM approvals WHERE seq = 1")
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 3
    assert "chain broken: output/archive/ledger.sqlite: entry 2 follows entry 0" in out
    assert "unrecorded: output/archive/TEST-0001/1.0/test.pdf is in the archive but the ledger has no approval" in out


def test_each_variant_is_approved_and_rebuilds_as_itself(project, capsys):
    project.layout(LAYOUT.replace("theme: kineret", "theme: kineret\nvariants: data/markets.yaml")
                   .replace("TEST-0001", "TEST-0001-{{id}}"))
    project.content(CONTENT.replace("Approved piece", "Approved piece for {{market}}"))
    project.write("data/markets.yaml", "- {id: us, market: the US}\n- {id: uk, market: the UK}\n")
    code, out, err = approve(project, capsys)
    assert code == 0, err
    assert [line.split(" → ")[1].split(" — ")[0] for line in out.splitlines() if " → " in line] == [
        "output/archive/TEST-0001-us/1.0/test-us.pdf (ledger entry 1)",
        "output/archive/TEST-0001-uk/1.0/test-uk.pdf (ledger entry 2)"]
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 0, out
    assert [line.split(" is ")[0] for line in out.splitlines() if line.startswith("match")] == [
        "match: output/archive/TEST-0001-us/1.0/test-us.pdf", "match: output/archive/TEST-0001-uk/1.0/test-uk.pdf"]


def test_a_failed_ledger_write_approves_nothing_and_leaves_the_version_free(project, capsys, monkeypatch):
    """The file is written before its ledger entry: when the entry cannot be written, the file goes too (no
    unrecorded file, so no false TAMPERING alarm), and the same version is approved once the ledger works."""
    from tagprint.approval.ledger import Ledger

    archivable(project)

    def full_disk(self, **values):
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patched:
        patched.setattr(Ledger, "append", full_disk)
        code, out, err = approve(project, capsys)
    assert code == 1 and out == ""
    assert err.strip() == (
        "error: output/archive: the archive's disk is full; the approval of test version 1.0 could not be recorded, "
        "so nothing was approved — free disk space and approve again")
    assert not (project.root / ARCHIVED).exists() and not (project.root / "output/archive/ledger.sqlite").exists()
    assert not list((project.root / "output/archive").rglob("*.pending"))
    code, out, err = approve(project, capsys)
    assert code == 0 and "TAMPERING" not in err and "(ledger entry 1)" in out
    assert len(ledger_rows(project)) == 1


def test_the_chain_is_checked_while_the_ledger_is_locked(project, capsys, monkeypatch):
    """Another approval could add an entry between an unlocked check and the write: the check runs under
    the lock."""
    from tagprint.approval.ledger import Ledger

    archivable(project)
    held = []
    chain_breaks = Ledger.chain_breaks

    def check(self, *anchors):
        held.append(self.path.with_suffix(".lock").exists() and _locked(self.path.with_suffix(".lock")))
        return chain_breaks(self, *anchors)

    monkeypatch.setattr(Ledger, "chain_breaks", check)
    assert approve(project, capsys)[0] == 0
    assert held == [True]


def _locked(lock: Path) -> bool:
    import fcntl

    with open(lock, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def test_an_archive_pdf_failing_an_in_build_check_is_one_problem_per_finding(project, capsys, monkeypatch):
    """A built archive PDF that fails the preflight (a bug of ours) is reported like a build reports it: each
    finding its own error with its check id, page and fix; exit 1, and nothing is archived or recorded."""
    import tagprint.pipeline
    from tagprint.errors import VerifyError
    from tagprint.preflight.findings import ERROR, Finding

    def failing(prepared, profile, output=""):
        raise VerifyError([Finding("FONT-GLYPHS", ERROR, "a glyph is missing from Kineret Sans", page=1,
                                   fix="set the text in a font that has it"),
                           Finding("TAG-CONTENT", ERROR, "Tj outside marked content", page=2, fix="tag it")])

    archivable(project)
    monkeypatch.setattr(tagprint.pipeline, "render", failing)
    code, out, err = approve(project, capsys)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 3, err
    assert lines[0].startswith("error: layouts/test.yaml: internal error: the built PDF fails the in-build check "
                               "FONT-GLYPHS: a glyph is missing from Kineret Sans [the archive PDF, page 1] — set the "
                               "text in a font that has it; this is a bug in tagprint")
    assert "TAG-CONTENT: Tj outside marked content [the archive PDF, page 2] — tag it;" in lines[1]
    assert lines[2] == "2 problem(s); nothing was approved"
    assert [p.name for p in _archive_files(project.root) if ".pdf" in p.name] == []
    assert not (project.root / "output/archive/ledger.sqlite").exists() or ledger_rows(project) == []
