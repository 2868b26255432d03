"""The approval ledger: an append-only audit trail kept outside the PDFs.

Every event is one entry: an approval (one signatory's signature on one version: what was approved,
SHA-256 of the PDF after that signature and of every source, who approved it, in which role, the
certificate's fingerprint, OS user and host, when, SOURCE_DATE_EPOCH, the warnings accepted, the tool
digest and the environment), and the events around approvals: a review copy made (`review`), an
approval refused (`refusal`), tampering found (`alarm`), an interrupted approval rolled back or completed
(`interrupted`), an approved version withdrawn from use (`withdrawal`, signed like an approval). Each entry holds the hash of the entry
before it, so an edited, deleted or inserted entry breaks the chain; an approval entry is also signed
with the approver's key (its certificate is in the entry), so a chain recomputed after an edit
("rechained") fails the signature, and one signed with a key the project does not trust fails the
trust check. The last entry's hash is the ledger head, printed by `approve`: `verify --expect-head`
proves that nothing was removed since.

The default store is an SQLite file in the archive folder, opened read-write even to read so that a
journal left by a killed writer ("hot journal") is rolled back by SQLite itself; everything else in
tagprint uses only `Ledger`, so a shared database could replace it.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

FILE = "ledger.sqlite"
GENESIS = "0" * 64
APPROVAL = "approval"
WITHDRAWAL = "withdrawal"
EVENT_KINDS = (APPROVAL, "review", "refusal", "alarm", "interrupted", WITHDRAWAL)
_JSON = ("sources", "environment", "accepted", "required_roles")
FIELDS = ("seq", "kind", "layout", "document", "material_id", "version", "approver", "role", "reference", "note",
          "time", "pdf_sha256", "pdf_size", "base_size", "sources", "accepted", "required_roles", "review",
          "certificate", "fingerprint", "os_user", "host", "source_date_epoch", "tool", "environment", "previous",
          "hash", "signature")
# columns added with signed approvals, and their value in entries written before (older ledgers are migrated)
ADDED = {"kind": APPROVAL, "role": "", "pdf_size": 0, "base_size": 0, "accepted": [], "required_roles": [],
         "review": "", "certificate": "", "fingerprint": "", "os_user": "", "host": "", "source_date_epoch": "",
         "signature": ""}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS approvals (
    seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, layout TEXT NOT NULL, document TEXT NOT NULL,
    material_id TEXT NOT NULL, version TEXT NOT NULL, approver TEXT NOT NULL, role TEXT NOT NULL,
    reference TEXT NOT NULL, note TEXT NOT NULL, time TEXT NOT NULL, pdf_sha256 TEXT NOT NULL,
    pdf_size INTEGER NOT NULL, base_size INTEGER NOT NULL, sources TEXT NOT NULL, accepted TEXT NOT NULL,
    required_roles TEXT NOT NULL, review TEXT NOT NULL, certificate TEXT NOT NULL, fingerprint TEXT NOT NULL,
    os_user TEXT NOT NULL, host TEXT NOT NULL, source_date_epoch TEXT NOT NULL, tool TEXT NOT NULL,
    environment TEXT NOT NULL, previous TEXT NOT NULL, hash TEXT NOT NULL, signature TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS approvals_no_update BEFORE UPDATE ON approvals
    BEGIN SELECT RAISE(ABORT, 'the approval ledger is append-only'); END;
CREATE TRIGGER IF NOT EXISTS approvals_no_delete BEFORE DELETE ON approvals
    BEGIN SELECT RAISE(ABORT, 'the approval ledger is append-only'); END;
"""


def crash_point(name: str) -> None:
    """A test hook: TAGPRINT_CRASH_AT=NAME kills this process (SIGKILL, no clean-up) at the point NAME,
    so the tests can prove that every interrupted approval is completed or rolled back, never TAMPERING."""
    if os.environ.get("TAGPRINT_CRASH_AT") == name:
        import signal
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass(frozen=True)
class Approval:
    """One ledger entry (an approval, or with `kind` another event of the audit trail)."""

    seq: int
    layout: str = ""             # the layout file, relative to the project
    document: str = ""           # the PDF, relative to the archive folder: MATERIAL-ID/VERSION/NAME.pdf
    material_id: str = ""
    version: str = ""
    approver: str = ""
    reference: str = ""          # e.g. the MLR review id
    note: str = ""
    time: str = ""               # UTC, ISO 8601
    pdf_sha256: str = ""         # the archived file after this signature
    sources: dict[str, str] = field(default_factory=dict)      # project path → SHA-256
    tool: str = ""
    environment: dict = field(default_factory=dict)
    previous: str = GENESIS      # the hash of the entry before
    hash: str = ""
    kind: str = APPROVAL
    role: str = ""
    pdf_size: int = 0            # the archived file's length after this signature (earlier revisions are prefixes)
    base_size: int = 0           # the unsigned build's length: the file's first revision
    accepted: list[str] = field(default_factory=list)          # warning ids accepted with --accept
    required_roles: list[str] = field(default_factory=list)    # the roles the layout needs for this version
    review: str = ""             # the review copy's SHA-256 this approval was checked against
    certificate: str = ""        # the signatory's certificate (PEM)
    fingerprint: str = ""        # SHA-256 of the certificate (DER)
    os_user: str = ""
    host: str = ""
    source_date_epoch: str = ""  # SOURCE_DATE_EPOCH when approved ("" if unset)
    signature: str = ""          # hex: the approver's signature over `hash`

    def computed_hash(self) -> str:
        # the fields added with signed approvals count only when set, so entries of older ledgers keep their hash
        body = {k: v for k, v in asdict(self).items()
                if k not in ("hash", "signature") and not (k in ADDED and v == ADDED[k])}
        return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    @property
    def is_approval(self) -> bool:
        return self.kind == APPROVAL


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    message: str


class Ledger:
    def __init__(self, archive: Path):
        self.path = archive / FILE

    def exists(self) -> bool:
        return self.path.is_file()

    @contextmanager
    def exclusive(self):
        """Held while one approval checks, writes and records: two approvals never race for a version."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA synchronous=FULL")
        db.executescript(_SCHEMA)
        have = _columns(db)
        for name, value in ADDED.items():  # a ledger of an older tagprint: add the columns, keep every row
            if name not in have:
                default = json.dumps(value) if name in _JSON else str(value)
                kind = "INTEGER" if isinstance(value, int) else "TEXT"
                db.execute(f"ALTER TABLE approvals ADD COLUMN {name} {kind} NOT NULL DEFAULT "
                           + (str(default) if kind == "INTEGER" else "'" + default.replace("'", "''") + "'"))
        return db

    def entries(self) -> list[Approval]:
        """Every entry in order. Opened read-write (no `mode=ro`): SQLite rolls back a hot journal that a
        killed writer left, which a read-only connection cannot do; read-only files still open for reading."""
        if not self.exists():
            return []
        with closing(sqlite3.connect(self.path, timeout=30, isolation_level=None)) as db:
            have = [f for f in FIELDS if f in _columns(db)]
            rows = db.execute(f"SELECT {', '.join(have)} FROM approvals ORDER BY seq").fetchall()
        out = []
        for row in rows:
            values = {**{k: v for k, v in ADDED.items() if k not in have}, **dict(zip(have, row))}
            for key in _JSON:
                try:
                    values[key] = json.loads(values[key])
                except (TypeError, ValueError):
                    pass  # an edited entry: the chain check reports it
            out.append(Approval(**values))
        return out

    def approvals(self) -> list[Approval]:
        return [e for e in self.entries() if e.is_approval]

    def find(self, document: str) -> list[Approval]:
        return [e for e in self.approvals() if e.document == document]

    def head(self) -> str:
        entries = self.entries()
        return entries[-1].hash if entries else GENESIS

    def append(self, signer=None, **values) -> Approval:
        """Adds one entry after the last one, in one transaction (two approvals never share a place);
        `signer` (a keys.Signatory) signs the entry's hash."""
        values.setdefault("kind", APPROVAL)
        with closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                crash_point("ledger-begun")
                last = db.execute("SELECT seq, hash FROM approvals ORDER BY seq DESC LIMIT 1").fetchone()
                seq, previous = (last[0] + 1, last[1]) if last else (1, GENESIS)
                entry = Approval(seq=seq, previous=previous, **values)
                digest = entry.computed_hash()
                signature = signer.sign(digest.encode()).hex() if signer is not None else ""
                entry = Approval(**{**asdict(entry), "hash": digest, "signature": signature})
                row = asdict(entry)
                for key in _JSON:
                    row[key] = json.dumps(row[key], sort_keys=True)
                db.execute(f"INSERT INTO approvals ({', '.join(FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))})",
                           [row[k] for k in FIELDS])
                crash_point("ledger-inserted")  # killed here, SQLite leaves a hot journal
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return entry

    def record(self, kind: str, **values) -> Approval | None:
        """An event of the audit trail besides approvals; never fails the command that records it (a
        read-only or full archive is reported by that command already)."""
        if not self.exists():
            return None
        try:
            return self.append(kind=kind, **values)
        except (sqlite3.Error, OSError):
            return None

    def chain_breaks(self, anchors: list | None = None) -> list[ChainBreak]:
        """Every place where the chain does not hold: an edited entry, one removed or slipped in, an
        approval whose signature does not match its entry, or (with `anchors`) whose certificate the
        project does not trust."""
        breaks: list[ChainBreak] = []
        previous, expected_seq, last_time = GENESIS, 1, ""
        for entry in self.entries():
            if entry.seq != expected_seq:
                breaks.append(ChainBreak(entry.seq, f"entry {entry.seq} follows entry {expected_seq - 1}: "
                                                    f"entries between them were removed"))
            if entry.previous != previous:
                breaks.append(ChainBreak(entry.seq, f"entry {entry.seq} does not follow the entry before it "
                                                    f"(its previous-entry hash does not match): an entry before "
                                                    f"it was removed, edited or inserted"))
            if entry.computed_hash() != entry.hash:
                breaks.append(ChainBreak(entry.seq, f"entry {entry.seq} ({entry.document or entry.kind}) was edited "
                                                    f"after it was written: its contents do not match its hash"))
            if entry.is_approval and entry.time < last_time:
                breaks.append(ChainBreak(entry.seq, f"entry {entry.seq} is dated {entry.time}, before the entry "
                                                    f"before it ({last_time}): entries were reordered or back-dated"))
            if (entry.is_approval or entry.kind == WITHDRAWAL) and (entry.signature or anchors):
                why = entry_signature_problem(entry, anchors)
                if why:
                    breaks.append(ChainBreak(entry.seq, f"entry {entry.seq} ({entry.document}): {why}"))
            if entry.is_approval:
                last_time = max(last_time, entry.time)
            previous, expected_seq = entry.hash, entry.seq + 1
        return breaks


def _columns(db: sqlite3.Connection) -> set[str]:
    return {row[1] for row in db.execute("PRAGMA table_info(approvals)")}


def entry_signature_problem(entry: Approval, anchors: list | None) -> str:
    """Why an approval entry's own signature does not hold ("" if it does)."""
    from .keys import issued_by, load_certificate, verify_signature

    if not entry.signature or not entry.certificate:
        return "it is not signed, but the project trusts only signed approvals (approval/trusted/)"
    try:
        certificate = load_certificate(entry.certificate.encode())
    except ValueError:
        return "its certificate cannot be read"
    if not verify_signature(certificate, bytes.fromhex(entry.signature), entry.hash.encode()):
        return "its signature does not match its contents: the entry was rewritten (the chain recomputed)"
    try:
        at = datetime.fromisoformat(entry.time)
    except ValueError:
        return f"its time {entry.time!r} cannot be read"
    if anchors is not None and not issued_by(certificate, anchors, at):
        return (f"it is signed by {certificate.subject.rfc4514_string()}, whose certificate does not chain to a "
                f"certificate in approval/trusted/")
    return ""
