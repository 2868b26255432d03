"""The approval ledger: an append-only record of every approved version, kept outside the PDFs.

Each entry holds what was approved (layout, document, version, SHA-256 of the PDF and of every source),
who approved it and when, the tool digest and the environment; and the hash of the entry before it, so
that an edited, deleted or inserted entry breaks the chain. The default store is an SQLite file in the
archive folder; everything else in tagprint uses only `Ledger`, so a shared database could replace it.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import sqlite3
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

FILE = "ledger.sqlite"
GENESIS = "0" * 64
FIELDS = ("seq", "layout", "document", "material_id", "version", "approver", "reference", "note", "time",
          "pdf_sha256", "sources", "tool", "environment", "previous", "hash")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS approvals (
    seq INTEGER PRIMARY KEY, layout TEXT NOT NULL, document TEXT NOT NULL, material_id TEXT NOT NULL,
    version TEXT NOT NULL, approver TEXT NOT NULL, reference TEXT NOT NULL, note TEXT NOT NULL,
    time TEXT NOT NULL, pdf_sha256 TEXT NOT NULL, sources TEXT NOT NULL, tool TEXT NOT NULL,
    environment TEXT NOT NULL, previous TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS approvals_no_update BEFORE UPDATE ON approvals
    BEGIN SELECT RAISE(ABORT, 'the approval ledger is append-only'); END;
CREATE TRIGGER IF NOT EXISTS approvals_no_delete BEFORE DELETE ON approvals
    BEGIN SELECT RAISE(ABORT, 'the approval ledger is append-only'); END;
"""


@dataclass(frozen=True)
class Approval:
    seq: int
    layout: str                 # the layout file, relative to the project
    document: str               # the PDF, relative to the archive folder: MATERIAL-ID/VERSION/NAME.pdf
    material_id: str
    version: str
    approver: str
    reference: str              # e.g. the MLR review id
    note: str
    time: str                   # UTC, ISO 8601
    pdf_sha256: str
    sources: dict[str, str] = field(default_factory=dict)      # project path → SHA-256
    tool: str = ""
    environment: dict = field(default_factory=dict)
    previous: str = GENESIS     # the hash of the entry before
    hash: str = ""

    def computed_hash(self) -> str:
        body = {k: v for k, v in asdict(self).items() if k != "hash"}
        return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


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
        db.executescript(_SCHEMA)
        return db

    def entries(self) -> list[Approval]:
        if not self.exists():
            return []
        # read-only needs a URI: the path escaped in it ('#', '?', '%' are legal in a folder's name)
        with closing(sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)) as db:
            rows = db.execute(f"SELECT {', '.join(FIELDS)} FROM approvals ORDER BY seq").fetchall()
        out = []
        for row in rows:
            values = dict(zip(FIELDS, row))
            for key in ("sources", "environment"):
                try:
                    values[key] = json.loads(values[key])
                except (TypeError, ValueError):
                    pass  # an edited entry: the chain check reports it
            out.append(Approval(**values))
        return out

    def find(self, document: str) -> list[Approval]:
        return [e for e in self.entries() if e.document == document]

    def append(self, **values) -> Approval:
        """Adds one entry after the last one, in one transaction (two approvals never share a place)."""
        with closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                last = db.execute("SELECT seq, hash FROM approvals ORDER BY seq DESC LIMIT 1").fetchone()
                seq, previous = (last[0] + 1, last[1]) if last else (1, GENESIS)
                entry = Approval(seq=seq, previous=previous, **values)
                entry = Approval(**{**asdict(entry), "hash": entry.computed_hash()})
                row = asdict(entry)
                row["sources"] = json.dumps(entry.sources, sort_keys=True)
                row["environment"] = json.dumps(entry.environment, sort_keys=True)
                db.execute(f"INSERT INTO approvals ({', '.join(FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))})",
                           [row[k] for k in FIELDS])
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return entry

    def chain_breaks(self) -> list[ChainBreak]:
        """Every place where the chain does not hold: an edited entry, or one removed or slipped in."""
        breaks: list[ChainBreak] = []
        previous, expected_seq = GENESIS, 1
        for entry in self.entries():
            if entry.seq != expected_seq:
                breaks.append(ChainBreak(entry.seq, f"entry {entry.seq} follows entry {expected_seq - 1}: "
                                                    f"entries between them were removed"))
            if entry.previous != previous:
                breaks.append(ChainBreak(entry.seq, f"entry {entry.seq} does not follow the entry before it "
                                                    f"(its previous-entry hash does not match): an entry before "
                                                    f"it was removed, edited or inserted"))
            if entry.computed_hash() != entry.hash:
                breaks.append(ChainBreak(entry.seq, f"entry {entry.seq} ({entry.document}) was edited after "
                                                    f"it was written: its contents do not match its hash"))
            previous, expected_seq = entry.hash, entry.seq + 1
        return breaks
