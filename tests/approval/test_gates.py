"""Approve what was reviewed: placeholder copy (the lint's must-fix warnings) is refused unless each is
named with --accept (recorded); a layout's own acceptance shows once in the build's summary but does not
let approve pass; `diff` stamps its review copy with the draft's source hashes and records a review event;
`approve --review` refuses sources changed since. Refusals and alarms are in the audit trail too."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pikepdf

from approval_project import ARCHIVED, CONTENT, LAYOUT, archivable, ledger_rows, run

REPO = Path(__file__).resolve().parents[2]
PLACEHOLDER = CONTENT + """\
  - type: paragraph
    text: Placeholder for the approved safety text.
  - type: references
    entries:
      - Reference 1
"""
ACCEPTING = LAYOUT.replace("profiles: [screen, archive]", """profiles: [screen, archive]
approval:
  accept:
    - {id: "placeholder:body[2]", reason: the approved safety text is not written yet}""")


def _events(project) -> list[tuple]:
    with sqlite3.connect(project.root / "output/archive/ledger.sqlite") as db:
        return db.execute("SELECT kind, note, accepted FROM approvals ORDER BY seq").fetchall()


def test_placeholders_are_refused_unless_each_is_named(project, capsys):
    archivable(project)
    project.content(PLACEHOLDER)
    project.layout(ACCEPTING)
    code, out, err = run(project, "build", "test", capsys=capsys)
    assert code == 0
    assert "placeholder text: 'Placeholder for the approved safety text.'" not in err  # accepted by the layout…
    assert ("accepted by the layout (test): 1 warning(s) placeholder:body[2] — render.py approve refuses them "
            "unless --accept names each") in err                                   # …once, in the summary
    assert "placeholder text: 'Reference 1' [body[3].entries[0]] — replace it with the approved copy before the " \
           "piece is approved (warning placeholder:body[3])" in err
    code, out, err = run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn", capsys=capsys)
    assert code == 2 and not (project.root / ARCHIVED).exists()
    assert "(warning placeholder:body[2]) must be fixed before approval" in err
    assert "(warning placeholder:body[3]) must be fixed before approval" in err and "--accept placeholder:body[3]" in err
    assert err.strip().endswith("2 problem(s); nothing was approved")
    code, out, err = run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn",
                         "--accept", "placeholder:body[2]", capsys=capsys)
    assert code == 2 and "placeholder:body[3]" in err and "placeholder:body[2])" not in err
    code, out, err = run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn",
                         "--accept", "placeholder:body[2]", "--accept", "placeholder:body[3]", capsys=capsys)
    assert code == 0, err
    events = _events(project)
    assert events[-1][0] == "approval" and json.loads(events[-1][2]) == ["placeholder:body[2]", "placeholder:body[3]"]
    assert [e[0] for e in events] == ["approval"]  # refusals before the ledger existed had nowhere to go


def test_refusals_and_alarms_are_in_the_audit_trail(project, capsys):
    archivable(project)
    assert run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn", capsys=capsys)[0] == 0
    project.content(PLACEHOLDER)
    project.layout(LAYOUT.replace('"1.0"', '"1.1"'))
    assert run(project, "approve", "test", "--version", "1.1", "--by", "Dr Quinn", capsys=capsys)[0] == 2
    (project.root / ARCHIVED).unlink()
    assert run(project, "approve", "test", "--version", "1.1", "--by", "Dr Quinn", "--accept", "placeholder:body",
               capsys=capsys)[0] == 0  # 1.1 is fine; the deleted 1.0 is verify's business
    project.layout(LAYOUT)
    project.content(CONTENT)
    assert run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn", capsys=capsys)[0] == 3
    kinds = [e[0] for e in _events(project)]
    assert kinds == ["approval", "refusal", "refusal", "approval", "alarm"], kinds
    notes = [e[1] for e in _events(project)]
    assert "placeholder:body[2]" in notes[1] and "has been deleted" in notes[4]


def test_approve_refuses_sources_changed_after_the_review_copy(project, capsys):
    archivable(project)
    assert run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn", capsys=capsys)[0] == 0
    project.layout(LAYOUT.replace('"1.0"', '"1.1"'))
    project.content(CONTENT.replace("will change", "has changed"))
    code, out, err = run(project, "diff", "test", capsys=capsys)
    assert code == 0, err
    review = project.root / "output/review/test-1.0-vs-draft.pdf"
    with pikepdf.open(review) as pdf:
        stamp = json.loads(str(pdf.docinfo["/TagprintReview"]))
    assert stamp["approved"]["entry"] == 1 and set(stamp["sources"]) >= {"layouts/test.yaml", "content/test.yaml"}
    events = _events(project)
    assert events[-1][0] == "review"
    project.content(CONTENT.replace("will change", "has changed twice"))  # edited after the review
    code, out, err = run(project, "approve", "test", "--version", "1.1", "--by", "Dr Quinn", "--review", str(review),
                         capsys=capsys)
    assert code == 2 and "the sources changed after this review copy was made" in err and "content/test.yaml" in err
    assert "layouts/test.yaml" not in err.split("made")[1].split("—")[0]
    assert not (project.root / "output/archive/TEST-0001/1.1").exists()
    assert _events(project)[-1][0] == "refusal"
    project.content(CONTENT.replace("will change", "has changed"))  # back to what was reviewed
    code, out, err = run(project, "approve", "test", "--version", "1.1", "--by", "Dr Quinn", "--review", str(review),
                         capsys=capsys)
    assert code == 0, err
    with sqlite3.connect(project.root / "output/archive/ledger.sqlite") as db:
        (recorded,) = db.execute("SELECT review FROM approvals WHERE kind = 'approval' AND version = '1.1'").fetchone()
    import hashlib
    assert recorded == hashlib.sha256(review.read_bytes()).hexdigest()
    code, out, err = run(project, "approve", "test", "--version", "1.1", "--by", "Dr Quinn", "--review",
                         str(project.root / "layouts/test.yaml"), capsys=capsys)
    assert code == 2


def test_a_review_copy_the_ledger_does_not_know_is_refused(project, capsys):
    archivable(project)
    assert run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn", capsys=capsys)[0] == 0
    project.layout(LAYOUT.replace('"1.0"', '"1.1"'))
    assert run(project, "diff", "test", capsys=capsys)[0] == 0
    review = project.root / "output/review/test-1.0-vs-draft.pdf"
    with pikepdf.open(review, allow_overwriting_input=True) as pdf:  # edited after diff wrote it
        pdf.docinfo["/Title"] = "Someone else's review"
        pdf.save(review)
    code, out, err = run(project, "approve", "test", "--version", "1.1", "--by", "Dr Quinn", "--review", str(review),
                         capsys=capsys)
    assert code == 2 and "this review copy is not in the ledger" in err
