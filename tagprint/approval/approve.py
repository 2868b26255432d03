"""`render.py approve LAYOUT --version V --by NAME [--reference ID] [--note TEXT]`.

Approval is the only way an archive PDF is written: it builds the layout in the archive profile (only if
the layout lists `archive`), writes the file write-once and records the approval in the ledger. A version
that was approved once is never approved again: not with other content, and not after its file was
deleted or replaced (that is tampering, and is reported as such).
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError, Problem, relative
from ..files import AlreadyArchived, write_once
from ..profiles import get
from .ledger import Ledger

EXIT_OK, EXIT_INPUT, EXIT_TAMPERED = 0, 2, 3
ARCHIVE = "archive"


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


def tampering(entry, target: Path, output: Path) -> str | None:
    """Why the approved file of a ledger entry is no longer what was approved, or None."""
    where = relative(target, output.parent)
    if not target.is_file():
        return (f"TAMPERING: {where} was approved by {entry.approver} on {entry.time} (ledger entry {entry.seq}) "
                f"and has been deleted")
    if sha256(target.read_bytes()) != entry.pdf_sha256:
        return (f"TAMPERING: {where} was approved by {entry.approver} on {entry.time} (ledger entry {entry.seq}) "
                f"and has been replaced: its SHA-256 is not the approved {entry.pdf_sha256[:16]}…")
    return None


RESTORE = ("restore the approved file from a backup (its SHA-256 is in the ledger) and report the incident; "
           "this version can never be approved again")


def approve(req: Request) -> int:
    from ..load.variants import variants_of
    from ..pipeline import prepare

    ledger = Ledger(archive_folder(req.output))
    breaks = ledger.chain_breaks()
    if breaks:
        for b in breaks:
            print(f"error: TAMPERING: the approval ledger {relative(ledger.path, req.root)} was altered: {b.message}",
                  file=sys.stderr)
        print("nothing was approved — restore the ledger from a backup and report the incident", file=sys.stderr)
        return EXIT_TAMPERED
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
    with ledger.exclusive():
        return _approve_all(req, prepared_all, ledger, rel)


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
                    print(f"error: {why} — {RESTORE}", file=sys.stderr)
                    code = EXIT_TAMPERED
                    continue
            elif target.exists():
                print(f"error: TAMPERING: {relative(target, req.output.parent)} is in the archive but the ledger has "
                      f"no approval for it (it was put there by hand, or its ledger entry was removed) — "
                      f"{RESTORE}", file=sys.stderr)
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
            entry = ledger.append(
                layout=rel, document=key, material_id=d.material_id, version=d.version, approver=req.approver,
                reference=req.reference, note=req.note,
                time=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
                pdf_sha256=sha256(built.data), sources={s.path: sha256(s.data) for s in sources(prepared)},
                tool=_tool(), environment=_environment(env_families))
            print(f"approved: {stem} version {d.version} by {req.approver}"
                  + (f" ({req.reference})" if req.reference else "")
                  + f" → {relative(target, req.output.parent)} (ledger entry {entry.seq})")
    return code


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
