"""A small project with an archivable layout, and the command line run in-process on it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import MINIMAL_LAYOUT, Project
from tagprint.commands.cli import main

LAYOUT = MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\nprofiles: [screen, archive]").replace(
    "  created:", '  version: "1.0"\n  created:')
CONTENT = """\
body:
  - type: heading
    level: 1
    text: Approved piece
  - type: paragraph
    text: The first sentence stays. The second sentence will change in the draft.
"""
ARCHIVED = Path("output/archive/TEST-0001/1.0/test.pdf")


def archivable(project: Project) -> Project:
    project.layout(LAYOUT)
    project.content(CONTENT)
    return project


def run(project: Project, *args: str, capsys=None) -> tuple[int, str, str]:
    code = main(["--root", str(project.root), *args])
    out, err = capsys.readouterr() if capsys else ("", "")
    return code, out, err


def approve(project: Project, capsys, version: str = "1.0", by: str = "Dr Quinn") -> tuple[int, str, str]:
    return run(project, "approve", "test", "--version", version, "--by", by, "--reference", "MLR-42", capsys=capsys)


def ledger_rows(project: Project) -> list[tuple]:
    with sqlite3.connect(project.root / "output" / "archive" / "ledger.sqlite") as db:
        return db.execute("SELECT seq, document, version, approver, reference FROM approvals WHERE kind = 'approval' "
                          "ORDER BY seq").fetchall()


def edit_ledger(project: Project, sql: str) -> None:
    """What someone with the sqlite3 tool can do: drop the append-only triggers and change a row."""
    db = sqlite3.connect(project.root / "output" / "archive" / "ledger.sqlite")
    db.execute("DROP TRIGGER approvals_no_update")
    db.execute("DROP TRIGGER approvals_no_delete")
    db.execute(sql)
    db.commit()
    db.close()
