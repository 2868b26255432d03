"""The ledger on its own: a hash chain that notices edited, removed and inserted entries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tagprint.approval.ledger import GENESIS, Ledger


def _append(ledger: Ledger, version: str):
    return ledger.append(layout="layouts/a.yaml", document=f"A/{version}/a.pdf", material_id="A", version=version,
                         approver="Dr Quinn", reference="MLR-1", note="", time="2026-11-30T10:00:00+00:00",
                         pdf_sha256="ab" * 32, sources={"layouts/a.yaml": "cd" * 32}, tool="ef" * 32,
                         environment={"libraries": {"reportlab": "5.1.0"}})


def test_each_entry_carries_the_hash_of_the_one_before(tmp_path):
    ledger = Ledger(tmp_path)
    first, second = _append(ledger, "1.0"), _append(ledger, "1.1")
    assert first.previous == GENESIS and second.previous == first.hash
    assert [e.hash for e in ledger.entries()] == [first.hash, second.hash]
    assert ledger.entries()[1].environment == {"libraries": {"reportlab": "5.1.0"}}
    assert ledger.chain_breaks() == []


def test_the_store_refuses_updates_and_deletes(tmp_path):
    ledger = Ledger(tmp_path)
    _append(ledger, "1.0")
    with sqlite3.connect(ledger.path) as db, pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE approvals SET approver = 'x'")
    with sqlite3.connect(ledger.path) as db, pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM approvals")


def _tamper(ledger: Ledger, sql: str, *args) -> None:
    db = sqlite3.connect(ledger.path)
    db.executescript("DROP TRIGGER approvals_no_update; DROP TRIGGER approvals_no_delete;")
    db.execute(sql, args)
    db.commit()
    db.close()


@pytest.mark.parametrize("column, value", [("approver", "Mallory"), ("pdf_sha256", "00" * 32),
                                           ("environment", '{"libraries": {}}'), ("time", "2020-01-01")])
def test_an_edited_field_is_found(tmp_path, column, value):
    ledger = Ledger(tmp_path)
    _append(ledger, "1.0")
    _append(ledger, "1.1")
    _tamper(ledger, f"UPDATE approvals SET {column} = ? WHERE seq = 1", value)
    breaks = ledger.chain_breaks()
    assert [b.seq for b in breaks] == [1] and "was edited after it was written" in breaks[0].message


def test_an_edited_entry_with_its_hash_recomputed_breaks_the_next_link(tmp_path):
    ledger = Ledger(tmp_path)
    _append(ledger, "1.0")
    _append(ledger, "1.1")
    forged = ledger.entries()[0]
    from dataclasses import replace
    forged = replace(forged, approver="Mallory")
    _tamper(ledger, "UPDATE approvals SET approver = ?, hash = ? WHERE seq = 1", "Mallory", forged.computed_hash())
    assert [(b.seq, "does not follow" in b.message) for b in ledger.chain_breaks()] == [(2, True)]


def test_a_removed_entry_is_found(tmp_path):
    ledger = Ledger(tmp_path)
    for version in ("1.0", "1.1", "1.2"):
        _append(ledger, version)
    _tamper(ledger, "DELETE FROM approvals WHERE seq = 2")
    messages = [b.message for b in ledger.chain_breaks()]
    assert any("entry 3 follows entry 1" in m for m in messages)
    assert any("entry 3 does not follow the entry before it" in m for m in messages)


@pytest.mark.parametrize("folder", ["issue #12", "draft?v=2", "100% final", "a%20b"])
def test_an_output_folder_named_with_uri_characters_is_read(tmp_path, monkeypatch, folder):
    """The ledger is read through a read-only SQLite URI: the folder's name is escaped in it, also when
    the output folder is given relative to the working directory."""
    archive = tmp_path / folder / "archive"
    first = _append(Ledger(archive), "1.0")
    assert [e.hash for e in Ledger(archive).entries()] == [first.hash]
    monkeypatch.chdir(tmp_path)
    relative = Ledger(Path(folder) / "archive")
    assert [e.version for e in relative.entries()] == ["1.0"] and relative.chain_breaks() == []
