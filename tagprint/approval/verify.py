"""`render.py verify [FILE.pdf | LAYOUT --version V | --all]`: approved files against the ledger.

For each approved document it reports one of: match (the file is the approved one and rebuilds byte for
byte from its embedded sources), missing (deleted), replaced (not the approved bytes, even if the file
rebuilds from its own sources), rebuild differs (naming the first differing object), and whether the
environment recorded with the approval differs from the current one. A ledger whose chain is broken, and
files in the archive the ledger does not know, are reported as tampering.

Exit codes: 0 every file matches; 1 a rebuild differs; 2 bad input; 3 tampering (missing, replaced,
unrecorded file, ledger altered).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import relative
from ..verify.archived import NotArchived, rebuild_check
from .approve import EXIT_INPUT, EXIT_OK, EXIT_TAMPERED, archive_folder, sha256
from .environment import differences, environment
from .ledger import FILE, Approval, Ledger

EXIT_DIFFERS = 1


class Report:
    def __init__(self, output: Path):
        self.base = output.parent
        self.code = EXIT_OK

    def line(self, status: str, text: str, code: int = EXIT_OK) -> None:
        print(f"{status}: {text}")
        self.code = max(self.code, code)

    def where(self, path: Path) -> str:
        return relative(path, self.base)


def _latest(entries: list[Approval]) -> list[Approval]:
    by_doc: dict[str, Approval] = {}
    for e in entries:
        by_doc[e.document] = e
    return list(by_doc.values())


def _check_entry(entry: Approval, archive: Path, report: Report) -> None:
    path = archive / entry.document
    shown = report.where(path)
    who = f"approved by {entry.approver} on {entry.time}, ledger entry {entry.seq}"
    if not path.is_file():
        report.line("missing", f"{shown} ({who}) has been deleted — TAMPERING: restore it from a backup "
                               f"(SHA-256 {entry.pdf_sha256}); version {entry.version} can never be approved again",
                    EXIT_TAMPERED)
        return
    data = path.read_bytes()
    if sha256(data) != entry.pdf_sha256:
        try:
            own = rebuild_check(data)
            how = ("even though it rebuilds from its own embedded sources: a different build was put in place "
                   "of the approved one" if own.identical else f"and it does not rebuild from its own embedded "
                   f"sources either ({own.differences[0]})")
        except NotArchived as exc:
            how = f"and it is not an archived tagprint PDF ({exc})"
        report.line("replaced", f"{shown} ({who}) is not the approved file: its SHA-256 differs from the ledger, "
                                f"{how} — TAMPERING: restore the approved file (SHA-256 {entry.pdf_sha256})",
                    EXIT_TAMPERED)
        return
    try:
        check = rebuild_check(data)
    except NotArchived as exc:
        report.line("rebuild differs", f"{shown}: {exc}", EXIT_DIFFERS)
        return
    changed = differences(entry.environment, _current(entry.environment))
    if check.identical:
        report.line("match", f"{shown} is the approved file ({who}) and rebuilds byte for byte "
                             f"from its embedded sources")
    else:
        report.line("rebuild differs", f"{shown} is the approved file ({who}) but its rebuild differs: "
                                       + "; ".join(check.differences)
                                       + (" (the environment differs too, see below)" if changed else ""),
                    EXIT_DIFFERS)
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
    known = {e.document for e in ledger.entries()}
    for path in sorted(archive.rglob("*.pdf")):
        if path.relative_to(archive).as_posix() not in known:
            report.line("unrecorded", f"{report.where(path)} is in the archive but the ledger has no approval "
                                      f"for it — TAMPERING: it was put there by hand, or its ledger entry was "
                                      f"removed", EXIT_TAMPERED)


def verify(root: Path, output: Path, target: str | None, version: str | None, everything: bool) -> int:
    archive = archive_folder(output)
    ledger = Ledger(archive)
    report = Report(output)
    if not ledger.exists():
        if target and Path(target).suffix == ".pdf" and Path(target).is_file():
            return _unknown_file(Path(target), report, "there is no approval ledger")
        print(f"error: {relative(archive / FILE, root)}: no approval ledger — nothing was approved here yet; "
              f"approve with: render.py approve LAYOUT --version V --by NAME", file=sys.stderr)
        return EXIT_INPUT
    for b in ledger.chain_breaks():
        report.line("chain broken", f"{relative(ledger.path, root)}: {b.message} — TAMPERING: restore the "
                                    f"ledger from a backup", EXIT_TAMPERED)
    entries = ledger.entries()
    if everything:
        for entry in _latest(entries):
            _check_entry(entry, archive, report)
        _unrecorded(archive, ledger, report)
        if not entries:
            print("the ledger holds no approvals")
        return report.code
    if target is None:
        print("error: name a file, a layout with --version, or --all", file=sys.stderr)
        return EXIT_INPUT
    path = Path(target)
    if path.suffix == ".pdf":
        if not path.is_absolute():
            path = Path.cwd() / path
        chosen = _by_path(path, archive, entries)
        if chosen is None:
            if not path.is_file():
                print(f"error: {target}: no such file and no approval of it in the ledger", file=sys.stderr)
                return EXIT_INPUT
            return max(report.code, _unknown_file(path, report, "no ledger entry has its SHA-256"))
        _check_entry(chosen, archive, report)
        return report.code
    if version is None:
        print(f"error: {target}: name the approved version with --version V", file=sys.stderr)
        return EXIT_INPUT
    stem = Path(target).stem
    chosen_all = [e for e in _latest(entries) if Path(e.layout).stem == stem and e.version == version]
    if not chosen_all:
        known = sorted({e.version for e in entries if Path(e.layout).stem == stem})
        print(f"error: {target} version {version} was never approved — approved versions: "
              f"{', '.join(known) or 'none'}", file=sys.stderr)
        return EXIT_INPUT
    for entry in chosen_all:
        _check_entry(entry, archive, report)
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
