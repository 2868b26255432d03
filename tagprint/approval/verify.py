"""`render.py verify [FILE.pdf | LAYOUT --version V | --all] [--expect-head HASH] [--strict]`.

For each approved document it reports one of: match (the file is exactly what was approved and signed:
its bytes are the ledger's, every revision before each signature too, and every signature holds against
the project's trust anchors in approval/trusted/), missing (deleted), replaced (not the approved bytes),
signature (an untrusted, invalid or missing signature), interrupted (an approval a crash interrupted:
run approve again), awaiting (signed, but not yet by every role the layout needs), withdrawn (withdrawn
from use by a signed ledger entry); then, apart from that,
whether today's tagprint rebuilds the file's first revision byte for byte from its embedded sources
("rebuild differs" is reported, exit 0, or 1 with --strict) and whether the environment differs. A ledger
whose chain is broken, files in the archive the ledger does not know, a missing ledger beside archived
files, and a ledger that no longer holds a head printed by an earlier approve are tampering.

Exit codes: 0 every file is what was approved; 1 awaiting signatures, interrupted, withdrawn, never
approved, or (with --strict) a rebuild differs; 2 bad input; 3 tampering.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import relative
from ..verify.archived import NotArchived, rebuild_check
from .archive_files import PENDING, archive_folder, sha256
from .exits import EXIT_INPUT, EXIT_OK, EXIT_TAMPERED
from .environment import differences, environment
from .keys import trust_anchors
from .ledger import FILE, Approval, Ledger

EXIT_DIFFERS = 1


def first_revision(data: bytes) -> bytes:
    """The file as first written, before any signature was appended (up to its first %%EOF)."""
    end = data.find(b"%%EOF")
    return data if end < 0 else data[:end + 5] + (b"\n" if data[end + 5:end + 6] == b"\n" else b"")


class Report:
    def __init__(self, output: Path, strict: bool = False, anchors: list | None = None):
        self.base = output.parent
        self.code = EXIT_OK
        self.strict = strict
        self.anchors = anchors or []
        self.withdrawals: list[Approval] = []

    def line(self, status: str, text: str, code: int = EXIT_OK) -> None:
        print(f"{status}: {text}")
        self.code = max(self.code, code)

    def where(self, path: Path) -> str:
        return relative(path, self.base)


def _latest(entries: list[Approval]) -> list[Approval]:
    by_doc: dict[str, Approval] = {}
    for e in entries:
        if e.is_approval:
            by_doc[e.document] = e
    return list(by_doc.values())


def _signed(entries: list[Approval], latest: Approval) -> list[Approval]:
    return [e for e in entries if e.is_approval and e.document == latest.document]


def _check_entry(entry: Approval, archive: Path, report: Report, signed: list[Approval] | None = None) -> None:
    """`entry`: the document's latest approval; `signed`: all of its approvals in order."""
    signed = signed or [entry]
    path = archive / entry.document
    shown = report.where(path)
    who = f"approved by {entry.approver} on {entry.time}, ledger entry {entry.seq}"
    data = _approved_bytes(entry, path, shown, who, report, signed)
    if data is None:
        return
    keyed = [e for e in signed if e.fingerprint]
    stamps = _signature_stamps(data, keyed, shown, who, report)
    if stamps is None:
        return
    pulled = [w for w in report.withdrawals if w.document == entry.document]
    if pulled:
        w = pulled[-1]
        report.line("withdrawn", f"{shown} is the approved file ({who}), withdrawn from use by {w.approver} on "
                                 f"{w.time} (ledger entry {w.seq}): {w.note}", EXIT_DIFFERS)
        return
    roles = [e.role for e in signed if e.role]
    needed = [r for r in (entry.required_roles or []) if r not in roles]
    by = "; ".join(f"{e.approver}" + (f" as {e.role}" if e.role else "") for e in signed)
    if needed:
        report.line("awaiting", f"{shown} is signed ({by}) but not yet approved: the layout needs {', '.join(needed)} "
                                f"too — approve with --role {' and --role '.join(needed)}", EXIT_DIFFERS)
    else:
        kind = "signed and trusted" if keyed else "unsigned: the project lists no trust anchors"
        report.line("match", f"{shown} is the approved file ({who}; {kind}: {by})")
        if stamps:
            print(f"  timestamped (RFC 3161, trusted authority): {'; '.join(stamps)}")
    _rebuild(entry, data, shown, report)


def _approved_bytes(entry: Approval, path: Path, shown: str, who: str, report: Report,
                    signed: list[Approval]) -> bytes | None:
    """The archived file's bytes when they are what the ledger recorded (every revision of it); else None,
    with the line that says what happened to it (interrupted, deleted, replaced)."""
    pending = path.with_name(path.name + PENDING)
    if pending.is_file() and sha256(pending.read_bytes()) == entry.pdf_sha256:
        report.line("interrupted", f"{shown}: the approval by {entry.approver} (ledger entry {entry.seq}) was "
                                   f"recorded but a crash interrupted it before the file was put in place — run "
                                   f"render.py approve again to complete it", EXIT_DIFFERS)
        return None
    if not path.is_file():
        report.line("missing", f"{shown} ({who}) has been deleted — TAMPERING: restore it from a backup "
                               f"(SHA-256 {entry.pdf_sha256}); version {entry.version} can never be approved again",
                    EXIT_TAMPERED)
        return None
    data = path.read_bytes()
    if sha256(data) != entry.pdf_sha256:
        try:
            own = rebuild_check(first_revision(data))
            how = ("even though it rebuilds from its own embedded sources: a different build was put in place "
                   "of the approved one" if own.identical else f"and it does not rebuild from its own embedded "
                   f"sources either ({own.differences[0]})")
        except NotArchived as exc:
            how = f"and it is not an archived tagprint PDF ({exc})"
        report.line("replaced", f"{shown} ({who}) is not the approved file: its SHA-256 differs from the ledger, "
                                f"{how} — TAMPERING: restore the approved file (SHA-256 {entry.pdf_sha256})",
                    EXIT_TAMPERED)
        return None
    for e in signed:  # every earlier revision is the one its ledger entry recorded
        if e.pdf_size and sha256(data[:e.pdf_size]) != e.pdf_sha256:
            report.line("replaced", f"{shown}: its revision of ledger entry {e.seq} ({e.approver}) is not the one "
                                    f"recorded — TAMPERING: restore the approved file", EXIT_TAMPERED)
            return None
    return data


def _signature_stamps(data: bytes, keyed: list[Approval], shown: str, who: str, report: Report) -> list[str] | None:
    """The timestamps of the file's signatures when every signature holds and is the one its ledger entry
    recorded (none to check: []); else None, with the TAMPERING line that says why."""
    from .signing import after_last, signatures

    if not (keyed or report.anchors):
        return []
    checked = signatures(data, report.anchors)
    problems = [f"signature {c.field} ({c.signer}): {c.problem}" for c in checked if not c.holds]
    if len(checked) != len(keyed):
        problems.append(f"the file carries {len(checked)} signature(s), the ledger records {len(keyed)}")
    for c, e in zip(checked, keyed):
        if c.fingerprint != e.fingerprint or c.revision_end != e.pdf_size:
            problems.append(f"signature {c.field} is not the one ledger entry {e.seq} recorded for {e.approver}")
    if not keyed and report.anchors:
        problems.append("it is not signed, but the project trusts only signed approvals (approval/trusted/)")
    if checked and after_last(data, checked):
        problems.append(f"{after_last(data, checked)} bytes were added after the last signature")
    if problems:
        report.line("signature", f"{shown} ({who}): " + "; ".join(problems)
                    + " — TAMPERING: restore the approved file and report the incident", EXIT_TAMPERED)
        return None
    return [f"{c.field} at {c.timestamp}" for c in checked if c.timestamp]


def _rebuild(entry: Approval, data: bytes, shown: str, report: Report) -> None:
    """Whether today's tagprint rebuilds the approved file from its embedded sources, and how the
    environment differs from the one recorded with the approval."""
    try:
        check = rebuild_check(data[:entry.base_size] if entry.base_size else data)
    except NotArchived as exc:
        report.line("rebuild differs", f"{shown}: {exc}", EXIT_DIFFERS if report.strict else EXIT_OK)
        return
    changed = differences(entry.environment, _current(entry.environment))
    if check.identical:
        print(f"  rebuild: today's tagprint rebuilds it byte for byte from its embedded sources")
    else:
        report.line("  rebuild differs", "today's tagprint would rebuild it differently (the approved file above "
                                         "is unaffected): " + "; ".join(check.differences)
                    + (" (the environment differs too, see below)" if changed else ""),
                    EXIT_DIFFERS if report.strict else EXIT_OK)
    if changed:
        print(f"  environment differs from the one recorded with the approval ({len(changed)}):")
        for line in changed:
            print(f"    {line}")
    else:
        print("  environment: the same as recorded with the approval")


def _current(recorded: dict) -> dict:
    families = tuple(dict.fromkeys(name.split("/")[0] for name in recorded.get("fonts", {})))
    return environment(families)


def _unrecorded(archive: Path, ledger: Ledger, report: Report) -> None:
    known = {e.document: e for e in ledger.approvals()}
    for pending in sorted(archive.rglob("*.pdf" + PENDING)):
        entry = known.get(pending.relative_to(archive).as_posix()[:-len(PENDING)])
        if entry is None or sha256(pending.read_bytes()) != entry.pdf_sha256:
            report.line("interrupted", f"{report.where(pending)}: an approval was interrupted before it was "
                                       f"recorded, so nothing was approved by it; the next approve removes it")
    for path in sorted(archive.rglob("*.pdf")):
        if path.relative_to(archive).as_posix() not in known:
            report.line("unrecorded", f"{report.where(path)} is in the archive but the ledger has no approval "
                                      f"for it — TAMPERING: it was put there by hand, or its ledger entry was "
                                      f"removed", EXIT_TAMPERED)


def verify(root: Path, output: Path, target: str | None, version: str | None, everything: bool,
           expect_head: str | None = None, strict: bool = False) -> int:
    archive = archive_folder(output)
    ledger = Ledger(archive)
    anchors = trust_anchors(root)
    report = Report(output, strict, anchors)
    if not ledger.exists():
        return _without_ledger(root, archive, target, report)
    for b in ledger.chain_breaks(anchors or None):
        report.line("chain broken", f"{relative(ledger.path, root)}: {b.message} — TAMPERING: restore the "
                                    f"ledger from a backup", EXIT_TAMPERED)
    entries = ledger.entries()
    report.withdrawals = [e for e in entries if e.kind == "withdrawal"]
    if expect_head:
        _check_head(expect_head.strip().lower(), expect_head.strip(), entries, relative(ledger.path, root), report)
    if everything:
        for entry in _latest(entries):
            _check_entry(entry, archive, report, _signed(entries, entry))
        _unrecorded(archive, ledger, report)
        if not ledger.approvals():
            print("the ledger holds no approvals")
        return report.code
    if target is None:
        if expect_head:
            return report.code
        print("error: name a file, a layout with --version, or --all", file=sys.stderr)
        return EXIT_INPUT
    if Path(target).suffix == ".pdf":
        return _verify_file(target, archive, entries, report)
    return _verify_layout(target, version, archive, entries, report)


def _verify_layout(target: str, version: str | None, archive: Path, entries: list[Approval], report: Report) -> int:
    """`verify LAYOUT --version V`: every document of that approved version, checked."""
    if version is None:
        print(f"error: {target}: name the approved version with --version V", file=sys.stderr)
        return EXIT_INPUT
    stem = Path(target).stem
    chosen_all = [e for e in _latest(entries) if Path(e.layout).stem == stem and e.version == version]
    if not chosen_all:
        known = sorted({e.version for e in entries if e.is_approval and Path(e.layout).stem == stem})
        print(f"error: {target} version {version} was never approved — approved versions: "
              f"{', '.join(known) or 'none'}", file=sys.stderr)
        return EXIT_INPUT
    for entry in chosen_all:
        _check_entry(entry, archive, report, _signed(entries, entry))
    return report.code


def _without_ledger(root: Path, archive: Path, target: str | None, report: Report) -> int:
    """No ledger: TAMPERING when the archive holds approved files, else nothing was approved here."""
    archived = sorted(archive.rglob("*.pdf")) if archive.is_dir() else []
    if archived:
        report.line("ledger missing", f"{relative(archive / FILE, root)} is gone but the archive holds "
                                      f"{len(archived)} approved file(s) — TAMPERING: restore the ledger from a "
                                      f"backup", EXIT_TAMPERED)
        return report.code
    if target and Path(target).suffix == ".pdf" and Path(target).is_file():
        return _unknown_file(Path(target), report, "there is no approval ledger")
    print(f"error: {relative(archive / FILE, root)}: no approval ledger — nothing was approved here yet; "
          f"approve with: render.py approve LAYOUT --version V --by NAME", file=sys.stderr)
    return EXIT_INPUT


def _check_head(head: str, given: str, entries: list[Approval], ledger_name: str, report: Report) -> None:
    """The ledger still holds the head an earlier approve printed (`given`, as typed), or it was rolled back."""
    if head not in {e.hash for e in entries}:
        report.line("rolled back", f"{ledger_name} does not hold the ledger head {given} that an earlier approve "
                                   f"printed: entries were removed or the ledger was replaced by an older copy — "
                                   f"TAMPERING: restore the ledger and the archive from a backup", EXIT_TAMPERED)
        return
    later = len(entries) - next(i for i, e in enumerate(entries, 1) if e.hash == head)
    print(f"head: the ledger holds {given[:16]}… and {later} later entr{'y' if later == 1 else 'ies'}")


def _verify_file(target: str, archive: Path, entries: list[Approval], report: Report) -> int:
    """`verify FILE.pdf`: the approval it is (by its place in the archive, or its SHA-256), checked."""
    path = Path(target)
    if not path.is_absolute():
        path = Path.cwd() / path
    chosen = _by_path(path, archive, [e for e in entries if e.is_approval])
    if chosen is None:
        if not path.is_file():
            print(f"error: {target}: no such file and no approval of it in the ledger", file=sys.stderr)
            return EXIT_INPUT
        return max(report.code, _unknown_file(path, report, "no ledger entry has its SHA-256"))
    latest = [e for e in _latest(entries) if e.document == chosen.document][0]
    _check_entry(latest, archive, report, _signed(entries, latest))
    return report.code


def _by_path(path: Path, archive: Path, entries: list[Approval]) -> Approval | None:
    try:
        key = path.resolve().relative_to(archive.resolve()).as_posix()
    except ValueError:
        key = None
    if key is not None:
        found = [e for e in entries if e.document == key]
        if found:
            return found[-1]
    if path.is_file():
        digest = sha256(path.read_bytes())
        found = [e for e in entries if e.pdf_sha256 == digest]
        if found:
            return found[-1]
    return None


def _unknown_file(path: Path, report: Report, why: str) -> int:
    """A PDF the ledger does not know: never approved. Still says whether it rebuilds from its sources."""
    try:
        check = rebuild_check(path.read_bytes())
    except NotArchived as exc:
        print(f"error: {path.name}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    own = ("it rebuilds byte for byte from its embedded sources" if check.identical
           else f"and it does not rebuild from its embedded sources ({'; '.join(check.differences)})")
    report.line("not approved", f"{path.name}: {why}, so it is not an approved version; {own}", EXIT_DIFFERS)
    return report.code
