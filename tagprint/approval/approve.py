"""`render.py approve LAYOUT --version V --by NAME [--reference ID] [--note TEXT]`.

Approval is the only way an archive PDF is written: it builds the layout in the archive profile (only if
the layout lists `archive`), writes the file write-once and records the approval in the ledger. A version
that was approved once is never approved again: not with other content, and not after its file was
deleted or replaced (that is tampering, and is reported as such).
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError, Problem, Where, relative
from ..files import AlreadyArchived, write_once
from ..profiles import get
from .ledger import Ledger

EXIT_OK, EXIT_NOT_RECORDED, EXIT_INPUT, EXIT_TAMPERED = 0, 1, 2, 3
ARCHIVE = "archive"


class NotRecorded(Exception):
    """The ledger could not record an approval; its archive file was removed again, so nothing was approved."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Request:
    root: Path
    output: Path
    layout: Path
    version: str
    approver: str
    reference: str = ""
    note: str = ""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def archive_folder(output: Path) -> Path:
    return output / ARCHIVE


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


def ledger_altered(ledger: Ledger, root: Path, fix: str) -> list[Problem]:
    """Every break of the ledger's chain, as a TAMPERING problem with `fix`."""
    where = Where(relative(ledger.path, root))
    return [Problem(where, f"TAMPERING: the approval ledger was altered: {b.message}", fix)
            for b in ledger.chain_breaks()]


def _say(problem: Problem) -> None:
    print(f"error: {problem}", file=sys.stderr)


def approve(req: Request) -> int:
    from ..load.variants import variants_of
    from ..pipeline import prepare

    rel = relative(req.layout, req.root)
    try:
        variants = variants_of(req.root, req.layout) or [None]
        prepared_all = [prepare(req.root, req.layout, v) for v in variants]
    except InputError as exc:
        return _problems(exc.problems)
    problems: list[Problem] = []
    for prepared in prepared_all:
        d, lsrc = prepared.document, prepared.loaded.layout_source
        if ARCHIVE not in d.profiles:
            problems.append(Problem(lsrc.where(("profiles",)), f"{d.name} does not list the archive profile, so "
                                    "it cannot be approved", "add archive to the layout's profiles: [..., archive]"))
        if d.version != req.version:
            problems.append(Problem(lsrc.where(("document", "version")),
                                    f"the layout is version {d.version}, not {req.version}",
                                    f"set document.version: \"{req.version}\" in the layout, or approve "
                                    f"--version {d.version}"))
    if problems:
        return _problems(problems)
    ledger = Ledger(archive_folder(req.output))
    with ledger.exclusive():  # from the chain check to the last entry: no other approval slips in between
        altered = ledger_altered(ledger, req.root, "restore the ledger from a backup and report the incident; "
                                                   "nothing was approved")
        for problem in altered:
            _say(problem)
        if altered:
            return EXIT_TAMPERED
        try:
            return _approve_all(req, prepared_all, ledger, rel)
        except NotRecorded as exc:
            _say(exc.problem)
            return EXIT_NOT_RECORDED


def _approve_all(req: Request, prepared_all: list, ledger: Ledger, rel: str) -> int:
    from ..pipeline import render, sources

    profile = get(ARCHIVE)
    code = EXIT_OK
    for prepared in prepared_all:
        d = prepared.document
        for kind in d.outputs:
            stem = f"{d.name}-{kind}" if kind else d.name
            target = profile.output_path(req.output, stem, d.material_id, d.version)
            key = target.relative_to(archive_folder(req.output)).as_posix()
            earlier = ledger.find(key)
            if earlier:
                why = tampering(earlier[-1], target, req.output)
                if why:
                    _say(why)
                    code = EXIT_TAMPERED
                    continue
            elif target.exists():
                _say(Problem(Where(relative(target, req.output.parent)),
                             "TAMPERING: in the archive, but the ledger has no approval for it (it was put there by "
                             "hand, or its ledger entry was removed)", RESTORE))
                code = EXIT_TAMPERED
                continue
            try:
                built = render(prepared, profile, kind)
            except InputError as exc:
                code = max(code, _problems(exc.problems))
                continue
            if earlier:
                entry = earlier[-1]
                if target.read_bytes() == built.data:
                    print(f"already approved: {relative(target, req.output.parent)} (version {d.version}, by "
                          f"{entry.approver} on {entry.time}, ledger entry {entry.seq}); nothing to do")
                    continue
                problems = [Problem(prepared.loaded.layout_source.where(("document", "version")),
                                    f"version {d.version} of {stem} was approved by {entry.approver} on {entry.time} "
                                    f"(ledger entry {entry.seq}) and the draft now differs from it",
                                    "an approved version is never changed: give the changed document a new "
                                    "document.version and approve that")]
                code = max(code, _problems(problems))
                continue
            try:
                write_once(target, built.data)
            except AlreadyArchived:  # another approval wrote it in the meantime
                print(f"error: {relative(target, req.output.parent)} appeared while approving — run approve again",
                      file=sys.stderr)
                code = max(code, EXIT_INPUT)
                continue
            env_families = (d.theme.font, *d.theme.fallback_fonts)
            try:
                entry = ledger.append(
                    layout=rel, document=key, material_id=d.material_id, version=d.version, approver=req.approver,
                    reference=req.reference, note=req.note,
                    time=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
                    pdf_sha256=sha256(built.data), sources={s.path: sha256(s.data) for s in sources(prepared)},
                    tool=_tool(), environment=_environment(env_families))
            except Exception as exc:  # unrecorded, the file would look like tampering and burn the version
                _withdraw(target)
                raise NotRecorded(Problem(
                    Where(relative(ledger.path, req.root)),
                    f"the approval of {stem} version {d.version} could not be recorded in the ledger "
                    f"({type(exc).__name__}: {exc}); its archive file {relative(target, req.output.parent)} was "
                    f"removed again, so nothing was approved",
                    "make the ledger writable (disk space, permissions, a lock held by another program) and "
                    "approve again")) from exc
            print(f"approved: {stem} version {d.version} by {req.approver}"
                  + (f" ({req.reference})" if req.reference else "")
                  + f" → {relative(target, req.output.parent)} (ledger entry {entry.seq})")
    return code


def _withdraw(target: Path) -> None:
    """Removes an archive file this approval wrote (write-once files are read-only, so made writable first)."""
    os.chmod(target, 0o644)
    target.unlink()


def _tool() -> str:
    from ..tool import tool_digest
    return tool_digest()


def _environment(families: tuple[str, ...]) -> dict:
    from .environment import environment
    return environment(families)


def _problems(problems: list[Problem]) -> int:
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{len(problems)} problem(s); nothing was approved", file=sys.stderr)
    return EXIT_INPUT
