"""The archive folder and its files: where they are, whether they are still what the ledger says was approved,
and writing them so that a crash at any point leaves nothing half-done (see approve.py's text)."""

from __future__ import annotations

import errno
import getpass
import hashlib
import os
import socket
from datetime import datetime, timezone
from pathlib import Path

from ..errors import Problem, Where, relative
from ..profiles import ARCHIVE
from .ledger import Ledger, crash_point

PENDING = ".pending"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def archive_folder(output: Path) -> Path:
    return output / ARCHIVE.folder[0]


RESTORE = ("restore the approved file from a backup (its SHA-256 is in the ledger) and report the incident; "
           "this version can never be approved again")


def tampering(entry, target: Path, output: Path, fix: str = RESTORE) -> Problem | None:
    """Why the approved file of a ledger entry is no longer what was approved (where, what, `fix`), or None."""
    where = Where(relative(target, output.parent))
    approved = f"approved by {entry.approver} on {entry.time} (ledger entry {entry.seq})"
    if not target.is_file():
        return Problem(where, f"TAMPERING: {approved}, and has been deleted", fix)
    if sha256(target.read_bytes()) != entry.pdf_sha256:
        return Problem(where, f"TAMPERING: {approved}, and has been replaced: its SHA-256 is not the approved "
                              f"{entry.pdf_sha256[:16]}…", fix)
    return None


def ledger_altered(ledger: Ledger, root: Path, fix: str, anchors: list | None = None) -> list[Problem]:
    """Every break of the ledger's chain, as a TAMPERING problem with `fix`."""
    where = Where(relative(ledger.path, root))
    return [Problem(where, f"TAMPERING: the approval ledger was altered: {b.message}", fix)
            for b in ledger.chain_breaks(anchors)]


def now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def who() -> dict:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    return {"os_user": user, "host": socket.gethostname()}


def recover(ledger: Ledger, output: Path, say) -> None:
    """Completes or rolls back approvals a crash interrupted (see the module's text): never TAMPERING."""
    archive = archive_folder(output)
    if not archive.is_dir():
        return
    latest = {e.document: e for e in ledger.approvals()}
    for pending in sorted(archive.rglob("*.pdf" + PENDING)):
        target = pending.with_name(pending.name[:-len(PENDING)])
        key = target.relative_to(archive).as_posix()
        entry = latest.get(key)
        data = pending.read_bytes()
        shown = relative(target, output.parent)
        if entry is not None and sha256(data) == entry.pdf_sha256:
            if not (target.is_file() and sha256(target.read_bytes()) == entry.pdf_sha256):
                os.replace(pending, target)
            else:
                pending.unlink()
            say(f"interrupted: the approval of {shown} by {entry.approver} ({entry.role or 'no role'}, ledger entry "
                f"{entry.seq}) was interrupted after it was recorded; completed now")
            ledger.record("interrupted", layout=entry.layout, document=key, version=entry.version,
                          approver=entry.approver, role=entry.role, pdf_sha256=entry.pdf_sha256,
                          note="completed after a crash", time=now().isoformat(), **who())
        else:
            pending.unlink()
            say(f"interrupted: an approval of {shown} was interrupted before it was recorded; nothing was "
                f"approved by it, starting over")
            ledger.record("interrupted", document=key, note="rolled back after a crash", time=now().isoformat(),
                          **who())
    for key, entry in latest.items():  # interrupted between the rename and making it read-only
        target = archive / key
        if target.is_file() and target.stat().st_mode & 0o222 and sha256(target.read_bytes()) == entry.pdf_sha256:
            os.chmod(target, 0o444)


def storage_problem(exc: BaseException, ledger: Ledger, root: Path, what: str = "") -> Problem:
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    where = Where(relative(ledger.path.parent, root))
    tail = f"; {what}" if what else "; nothing was approved"
    if code == errno.ENOSPC or "disk is full" in text or "disk full" in text:
        return Problem(where, f"the archive's disk is full{tail}", "free disk space and approve again")
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text or "read-only" in text:
        return Problem(where, f"the archive folder is read-only{tail}",
                       "approve on a machine or mount where the archive folder is writable")
    return Problem(where, f"the archive could not be written ({type(exc).__name__}: {exc}){tail}",
                   "make the archive folder and its ledger writable, and approve again")


def write_pending(pending: Path, data: bytes) -> None:
    pending.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(pending, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        half = len(data) // 2
        os.write(fd, data[:half])
        crash_point("pending-half")
        view = memoryview(data)[half:]
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


