"""Crash-safe and honest: `approve` killed (SIGKILL) at each of ten points never leaves a state that reads
as TAMPERING; the next `approve` completes the approval (recorded before the crash) or starts over; a hot
SQLite journal is rolled back without manual steps; a full disk and a read-only archive are one clear
problem each (exit 1, nothing burned); a missing ledger beside archived files is tampering (exit 3)."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from approval_project import ARCHIVED, LAYOUT, archivable, ledger_rows, run
from test_signed import PASSWORD, make_keys

REPO = Path(__file__).resolve().parents[2]
POINTS = ("built", "signed", "pending-half", "pending-written", "ledger-begun", "ledger-inserted",
          "ledger-committed", "replaced", "read-only", "printed")
RECORDED = {"ledger-committed", "replaced", "read-only", "printed"}   # the ledger commit is the commit point


def _approve(root: Path, key: Path, role: str, by: str, crash: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "TAGPRINT_KEY_PASSWORD": PASSWORD}
    env.pop("TAGPRINT_CRASH_AT", None)
    if crash:
        env["TAGPRINT_CRASH_AT"] = crash
    return subprocess.run([sys.executable, str(REPO / "render.py"), "--root", str(root), "approve", "test",
                           "--version", "1.0", "--by", by, "--role", role, "--key", str(key)],
                          capture_output=True, text=True, env=env)


SECOND = ("pending-written", "ledger-inserted", "ledger-committed", "replaced")  # the second signature too


@pytest.mark.parametrize("point,second", [(p, False) for p in POINTS] + [(p, True) for p in SECOND])
def test_a_kill_at_any_point_is_completed_or_started_over_never_tampering(project, capsys, tmp_path, monkeypatch,
                                                                          point, second):
    monkeypatch.setenv("TAGPRINT_KEY_PASSWORD", PASSWORD)
    archivable(project)
    p12 = make_keys(project.root, tmp_path / "keys")
    root = project.root
    lee = ("approve", "test", "--version", "1.0", "--by", "Ms Lee", "--role", "legal", "--key", str(p12["Ms Lee"]))
    if second:
        assert run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn", "--role", "medical",
                   "--key", str(p12["Dr Quinn"]), capsys=capsys)[0] == 0
    before = (root / ARCHIVED).read_bytes() if second else None
    crashed = _approve(root, p12["Ms Lee"], "legal", "Ms Lee", crash=point)  # a process of its own, killed
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    journal = root / "output/archive/ledger.sqlite-journal"
    if point == "ledger-inserted":
        assert journal.is_file() and journal.stat().st_size > 0  # the journal a kill inside the transaction leaves
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert "TAMPERING" not in out + err and code != 3 and "internal error" not in err, out + err
    if point in ("ledger-committed",):
        assert out.startswith("interrupted: output/archive/TEST-0001/1.0/test.pdf: the approval by Ms Lee (ledger "
                              "entry"), out
    if not second and point not in RECORDED:
        assert not (root / ARCHIVED).exists()
    if second and point not in RECORDED:
        assert (root / ARCHIVED).read_bytes() == before
    code, out, err = run(project, *lee, capsys=capsys)
    assert code == 0, err
    assert "TAMPERING" not in out + err
    if point in ("pending-half", "pending-written", "ledger-begun", "ledger-inserted"):
        assert "was interrupted before it was recorded; nothing was approved by it, starting over" in out
    if point == "ledger-committed":
        assert "was interrupted after it was recorded; completed now" in out and "already approved" in out
    assert not journal.exists()  # nobody touched the database by hand
    rows = ledger_rows(project)
    assert [r[3] for r in rows] == (["Dr Quinn", "Ms Lee"] if second else ["Ms Lee"])
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 0 and out.startswith("match: "), out
    assert not list((root / "output/archive").rglob("*.pending"))
    assert (root / ARCHIVED).stat().st_mode & 0o222 == 0


HOT = """
import os, signal, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA cache_size=1")  # pages spill into the database file before the commit
db.execute("BEGIN IMMEDIATE")
db.execute("CREATE TABLE scratch (x)")
for _ in range(2000):
    db.execute("INSERT INTO scratch VALUES (?)", ("x" * 500,))
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_hot_journal_is_rolled_back_by_the_next_command(project, capsys, tmp_path):
    """A writer killed in a large transaction leaves a hot journal: a read-only open cannot read the ledger
    then (the old 'internal error'); verify, diff and approve open it read-write, so SQLite rolls it back."""
    archivable(project)
    assert run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn", capsys=capsys)[0] == 0
    ledger = project.root / "output/archive/ledger.sqlite"
    killed = subprocess.run([sys.executable, "-c", HOT, str(ledger)], capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    journal = ledger.with_name("ledger.sqlite-journal")
    assert journal.stat().st_size > 0
    with pytest.raises(sqlite3.OperationalError):
        sqlite3.connect(ledger.resolve().as_uri() + "?mode=ro", uri=True).execute("SELECT * FROM approvals").fetchall()
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 0 and out.startswith("match: ") and "internal error" not in err, out + err
    assert not journal.exists()
    tables = sqlite3.connect(ledger).execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    assert tables == [("approvals",)]  # the killed transaction was rolled back, not half kept


def test_disk_full_and_a_read_only_archive_are_one_clear_problem_each(project, capsys, tmp_path, monkeypatch):
    import tagprint.approval.approve as approve_module

    monkeypatch.setenv("TAGPRINT_KEY_PASSWORD", PASSWORD)
    archivable(project)
    p12 = make_keys(project.root, tmp_path / "keys")
    args = ("approve", "test", "--version", "1.0", "--by", "Dr Quinn", "--role", "medical", "--key",
            str(p12["Dr Quinn"]))
    real = os.write
    for number, message in ((errno.ENOSPC, "the archive's disk is full; nothing was approved — free disk space"),
                            (errno.EROFS, "the archive folder is read-only; nothing was approved — approve on a "
                                          "machine or mount where the archive folder is writable")):
        def failing(fd, data, number=number):
            raise OSError(number, os.strerror(number))

        with monkeypatch.context() as patched:
            patched.setattr(approve_module.os, "write", failing)
            code, out, err = run(project, *args, capsys=capsys)
        assert os.write is real
        assert code == 1 and "Traceback" not in err and err.count("error: ") == 1, err
        assert err.startswith(f"error: output/archive: {message}")
        assert not (project.root / ARCHIVED).exists() and not list((project.root / "output").rglob("*.pending"))
    code, out, err = run(project, *args, capsys=capsys)  # nothing was burned: the same version approves
    assert code == 0 and "ledger entry 1)" in out, err


def test_a_missing_ledger_beside_archived_files_is_tampering(project, capsys):
    archivable(project)
    assert run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn", capsys=capsys)[0] == 0
    (project.root / "output/archive/ledger.sqlite").unlink()
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 3 and out.startswith("ledger missing: output/archive/ledger.sqlite is gone but the archive holds "
                                        "1 approved file(s) — TAMPERING")
