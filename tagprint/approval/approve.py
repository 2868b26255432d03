"""`render.py approve LAYOUT --version V --by NAME --role ROLE --key FILE.p12 [--review REVIEW.pdf]
[--accept WARNING-ID …] [--reference ID] [--note TEXT]`.

Approval is the only way an archive PDF is written: it builds the layout in the archive profile (only if
the layout lists `archive`), signs it (PAdES, the role as the reason) and records the approval in the
ledger, signed with the same key. Further signatories of the same version each add their signature as an
incremental update. A version is never approved with other content, nor after its file was deleted or
replaced (that is tampering, and is reported as such).

The writes are ordered so that a crash at any point is either nothing or completed by the next approve:
the signed file goes to NAME.pdf.pending (synced), then the ledger entry is committed (the commit point),
then the pending file replaces the archived one. The next approve (and verify) finds a pending file: if
the ledger records its SHA-256 the approval is completed, else it is rolled back ("interrupted").
"""

from __future__ import annotations

import errno
import getpass
import hashlib
import os
import socket
import sqlite3
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError, Problem, Where, relative
from ..profiles import ARCHIVE
from .ledger import Approval, Ledger, crash_point

EXIT_OK, EXIT_NOT_RECORDED, EXIT_INPUT, EXIT_TAMPERED = 0, 1, 2, 3


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
    role: str = ""
    key: Path | None = None
    accept: tuple[str, ...] = ()
    review: Path | None = None


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


def _say(problem: Problem) -> None:
    print(f"error: {problem}", file=sys.stderr)


PENDING = ".pending"


def accepted_by(warning_id: str, accepted: tuple[str, ...] | list[str]) -> bool:
    """`--accept placeholder:references[0]` accepts that id and every id under that block."""
    return any(warning_id == a or warning_id.startswith(a + ".") or warning_id.startswith(a + "[")
               for a in accepted)


def must_fix(warnings: list) -> list:
    """The warnings of the "must fix before approval" kind (placeholder copy), one per id."""
    from ..validate.lint import MUST_FIX

    found: dict[str, object] = {}
    for w in warnings:
        if getattr(w, "id", "").split(":")[0] in MUST_FIX:
            found.setdefault(w.id, w)
    return list(found.values())


def required_roles(prepared) -> list[str]:
    return list(prepared.loaded.layout.approval.roles)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def approve(req: Request) -> int:
    from ..load.variants import variants_of
    from ..pipeline import prepare
    from .keys import KeyProblem, issued_by, open_p12, trust_anchors

    rel = relative(req.layout, req.root)
    try:
        variants = variants_of(req.root, req.layout) or [None]
        prepared_all = [prepare(req.root, req.layout, v) for v in variants]
    except InputError as exc:
        return _problems(exc.problems)
    problems: list[Problem] = []
    for prepared in prepared_all:
        d, lsrc = prepared.document, prepared.loaded.layout_source
        if ARCHIVE.name not in d.profiles:
            problems.append(Problem(lsrc.where(("profiles",)), f"{d.name} does not list the archive profile, so "
                                    "it cannot be approved", "add archive to the layout's profiles: [..., archive]"))
        if d.version != req.version:
            problems.append(Problem(lsrc.where(("document", "version")),
                                    f"the layout is version {d.version}, not {req.version}",
                                    f"set document.version: \"{req.version}\" in the layout, or approve "
                                    f"--version {d.version}"))
        roles = required_roles(prepared)
        if roles and req.role and req.role not in roles:
            problems.append(Problem(lsrc.where(("approval", "roles")),
                                    f"the layout asks for the roles {', '.join(roles)}, not {req.role}",
                                    f"approve with --role {' or --role '.join(roles)}, or add {req.role} to "
                                    f"approval.roles in the layout"))
    if problems:
        return _problems(problems)
    ledger = Ledger(archive_folder(req.output))
    refused = _refusals(req, prepared_all)
    if refused:
        for problem in refused:
            ledger.record("refusal", layout=rel, version=req.version, approver=req.approver, role=req.role,
                          note=problem.message, time=_now().isoformat(), **_who())
        return _problems(refused)
    anchors = trust_anchors(req.root)
    signatory = None
    if req.key is not None:
        try:
            signatory = open_p12(req.key)
        except KeyProblem as exc:
            return _problems([Problem(Where(str(req.key)), exc.message, exc.fix)])
        if not anchors:
            return _problems([Problem(Where("approval/trusted"), "the project lists no trust anchors, so verify "
                                      "could not check this signature", "add the CA that issued your key to "
                                      "approval/trusted/ (render.py keys ca makes a project CA), or approve without "
                                      "--key (unsigned)")])
        if not issued_by(signatory.certificate, anchors):
            return _problems([Problem(Where(str(req.key)), f"the certificate of {signatory.subject} does not chain "
                                      "to a certificate in approval/trusted/, so this project would not trust "
                                      "the approval", "use a key issued by the project's CA (render.py keys reviewer)"
                                      ", or add its CA to approval/trusted/ through the project's review")])
    elif anchors:
        return _problems([Problem(Where("approval/trusted"), "this project trusts only signed approvals",
                                  "sign with your key: --key FILE.p12 (password in TAGPRINT_KEY_PASSWORD or at "
                                  "the prompt)")])
    try:
        with ledger.exclusive():  # from the chain check to the last entry: no other approval slips in between
            recover(ledger, req.output, say=print)
            altered = ledger_altered(ledger, req.root, "restore the ledger from a backup and report the incident; "
                                                       "nothing was approved", anchors or None)
            for problem in altered:
                _say(problem)
            if altered:
                ledger.record("alarm", layout=rel, version=req.version, approver=req.approver,
                              note="; ".join(p.message for p in altered)[:2000], time=_now().isoformat(), **_who())
                return EXIT_TAMPERED
            code = _approve_all(req, prepared_all, ledger, rel, signatory)
            if ledger.exists():
                print(f"ledger head: {ledger.head()}")
            return code
    except NotRecorded as exc:
        _say(exc.problem)
        return EXIT_NOT_RECORDED
    except OSError as exc:  # the lock file or the archive folder itself cannot be made
        _say(_storage_problem(exc, ledger, req.root))
        return EXIT_NOT_RECORDED


def _who() -> dict:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    return {"os_user": user, "host": socket.gethostname()}


def _refusals(req: Request, prepared_all: list) -> list[Problem]:
    """Placeholder warnings not named with --accept, and sources changed since the review copy."""
    from ..pipeline import sources

    out: list[Problem] = []
    for prepared in prepared_all:
        for w in must_fix(prepared.warnings + prepared.accepted):
            if not accepted_by(w.id, req.accept):
                out.append(Problem(w.where, f"{w.message} (warning {w.id}) must be fixed before approval",
                                   f"{w.fix}; or, if this version is approved with it on purpose, name it: "
                                   f"--accept {w.id}"))
    if req.review is not None:
        from .review_document import read_review_stamp

        stamp = read_review_stamp(req.review)
        if stamp is None:
            out.append(Problem(Where(str(req.review)), "not a review copy made by render.py diff",
                               "pass the review PDF that diff wrote into output/review/"))
            return out
        digest = sha256(req.review.read_bytes())
        reviews = [e for e in Ledger(archive_folder(req.output)).entries() if e.kind == "review"]
        if not any(e.pdf_sha256 == digest for e in reviews):
            out.append(Problem(Where(str(req.review)), "this review copy is not in the ledger: it was made in "
                               "another project folder, or changed after diff wrote it",
                               "make the review copy here with render.py diff and pass that one"))
            return out
        now = {}
        for prepared in prepared_all:
            now.update({s.path: sha256(s.data) for s in sources(prepared)})
        changed = sorted(p for p in set(now) | set(stamp.get("sources", {}))
                         if now.get(p) != stamp.get("sources", {}).get(p))
        if changed:
            out.append(Problem(Where(str(req.review)), f"the sources changed after this review copy was made "
                               f"({stamp.get('made', '?')}): {', '.join(changed)}",
                               "make a new review copy (render.py diff), have it reviewed, and approve with "
                               "--review NEW-REVIEW.pdf"))
    return out


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
                          note="completed after a crash", time=_now().isoformat(), **_who())
        else:
            pending.unlink()
            say(f"interrupted: an approval of {shown} was interrupted before it was recorded; nothing was "
                f"approved by it, starting over")
            ledger.record("interrupted", document=key, note="rolled back after a crash", time=_now().isoformat(),
                          **_who())
    for key, entry in latest.items():  # interrupted between the rename and making it read-only
        target = archive / key
        if target.is_file() and target.stat().st_mode & 0o222 and sha256(target.read_bytes()) == entry.pdf_sha256:
            os.chmod(target, 0o444)


def _storage_problem(exc: BaseException, ledger: Ledger, root: Path, what: str = "") -> Problem:
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


def _write_pending(pending: Path, data: bytes) -> None:
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


def _approve_all(req: Request, prepared_all: list, ledger: Ledger, rel: str, signatory) -> int:
    from ..pipeline import render, sources
    from .signing import sign

    profile = ARCHIVE
    code = EXIT_OK
    for prepared in prepared_all:
        d = prepared.document
        for kind in d.outputs:
            stem = f"{d.name}-{kind}" if kind else d.name
            target = profile.output_path(req.output, stem, d.material_id, d.version)
            key = target.relative_to(archive_folder(req.output)).as_posix()
            shown = relative(target, req.output.parent)
            earlier = ledger.find(key)
            if any(e.kind == "withdrawal" and e.document == key for e in ledger.entries()):
                code = max(code, _problems([Problem(prepared.loaded.layout_source.where(("document", "version")),
                                                    f"version {d.version} of {stem} was withdrawn; it is not "
                                                    f"approved again", "give the document a new document.version "
                                                    "and approve that")]))
                continue
            if earlier:
                why = tampering(earlier[-1], target, req.output)
                if why:
                    _say(why)
                    ledger.record("alarm", layout=rel, document=key, version=d.version, note=why.message,
                                  time=_now().isoformat(), **_who())
                    code = EXIT_TAMPERED
                    continue
            elif target.exists():
                why = Problem(Where(shown), "TAMPERING: in the archive, but the ledger has no approval for it (it was "
                                            "put there by hand, or its ledger entry was removed)", RESTORE)
                _say(why)
                ledger.record("alarm", layout=rel, document=key, version=d.version, note=why.message,
                              time=_now().isoformat(), **_who())
                code = EXIT_TAMPERED
                continue
            try:
                built = render(prepared, profile, kind)
            except InputError as exc:
                code = max(code, _problems(exc.problems))
                continue
            crash_point("built")
            current = target.read_bytes() if earlier else None
            if earlier:
                entry = earlier[-1]
                base = current[:entry.base_size] if entry.base_size else current
                if base != built.data:
                    problems = [Problem(prepared.loaded.layout_source.where(("document", "version")),
                                        f"version {d.version} of {stem} was approved by {entry.approver} on "
                                        f"{entry.time} (ledger entry {entry.seq}) and the draft now differs from it",
                                        "an approved version is never changed: give the changed document a new "
                                        "document.version and approve that")]
                    code = max(code, _problems(problems))
                    continue
                same = [e for e in earlier if e.role == req.role and (
                    e.fingerprint == signatory.fingerprint if signatory else e.approver == req.approver)]
                if same or (signatory is None and not req.role):
                    e = (same or earlier)[-1]
                    print(f"already approved: {shown} (version {d.version}, by {e.approver}"
                          + (f" as {e.role}" if e.role else "") + f" on {e.time}, ledger entry {e.seq}); nothing to do")
                    continue
            when = _now()
            last = ledger.approvals()
            if last and when.isoformat() < last[-1].time:
                problem = Problem(Where(relative(ledger.path, req.root)),
                                  f"this approval would be dated {when.isoformat()}, before the last entry of the "
                                  f"ledger ({last[-1].time}, entry {last[-1].seq}): the clock is wrong",
                                  "set the computer's clock right and approve again")
                ledger.record("refusal", layout=rel, document=key, version=d.version, approver=req.approver,
                              role=req.role, note=problem.message, time=last[-1].time, **_who())
                code = max(code, _problems([problem]))
                continue
            data_in = current if current is not None else built.data
            url = prepared.loaded.layout.approval.timestamp_url
            try:
                data = sign(data_in, signatory, req.role, req.approver, url) if signatory else data_in
            except Exception as exc:
                if not url:
                    raise
                code = max(code, _problems([Problem(prepared.loaded.layout_source.where(("approval", "timestamp_url")),
                                                    f"no timestamp from {url} ({type(exc).__name__}: {exc})",
                                                    "check the timestamp authority's address and the network, and "
                                                    "approve again")]))
                continue
            crash_point("signed")
            pending = target.with_name(target.name + PENDING)
            changed = data != current
            if changed:
                try:
                    _write_pending(pending, data)
                except OSError as exc:
                    pending.unlink(missing_ok=True)
                    raise NotRecorded(_storage_problem(exc, ledger, req.root)) from exc
                crash_point("pending-written")
            env_families = (d.theme.font, *d.theme.fallback_fonts)
            try:
                entry = ledger.append(
                    signer=signatory,
                    layout=rel, document=key, material_id=d.material_id, version=d.version, approver=req.approver,
                    role=req.role, reference=req.reference, note=req.note, time=when.isoformat(),
                    pdf_sha256=sha256(data), pdf_size=len(data), base_size=len(built.data),
                    sources={s.path: sha256(s.data) for s in sources(prepared)},
                    accepted=sorted({w.id for w in must_fix(prepared.warnings + prepared.accepted)}),
                    required_roles=required_roles(prepared),
                    review=sha256(req.review.read_bytes()) if req.review else "",
                    certificate=signatory.certificate_pem() if signatory else "",
                    fingerprint=signatory.fingerprint if signatory else "",
                    source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH", ""),
                    tool=_tool(), environment=_environment(env_families), **_who())
            except (sqlite3.Error, OSError) as exc:  # unrecorded: the pending file goes, nothing was approved
                pending.unlink(missing_ok=True)
                raise NotRecorded(_storage_problem(
                    exc, ledger, req.root, f"the approval of {stem} version {d.version} could not be recorded, so "
                                           f"nothing was approved")) from exc
            crash_point("ledger-committed")
            if changed:
                os.replace(pending, target)
                crash_point("replaced")
                os.chmod(target, 0o444)
                _sync_folder(target.parent)
            crash_point("read-only")
            print(f"approved: {stem} version {d.version} by {req.approver}"
                  + (f" as {req.role}" if req.role else "")
                  + (f" ({req.reference})" if req.reference else "")
                  + f" → {shown} (ledger entry {entry.seq})"
                  + ("" if signatory else " — unsigned: the project lists no trust anchors in approval/trusted/"))
            crash_point("printed")
    return code


def withdraw(req: Request) -> int:
    """`render.py withdraw LAYOUT --version V --by NAME [--key FILE.p12] --note WHY`: the approved version
    is withdrawn from use. The archived file stays as it is (it is the record); a withdrawal entry, signed
    like an approval, says who withdrew it, when and why, and verify reports the version as withdrawn."""
    from .keys import KeyProblem, issued_by, open_p12, trust_anchors

    ledger = Ledger(archive_folder(req.output))
    rel = relative(req.layout, req.root)
    stem = req.layout.stem
    anchors = trust_anchors(req.root)
    signatory = None
    if req.key is not None:
        try:
            signatory = open_p12(req.key)
        except KeyProblem as exc:
            return _problems([Problem(Where(str(req.key)), exc.message, exc.fix)])
        if anchors and not issued_by(signatory.certificate, anchors):
            return _problems([Problem(Where(str(req.key)), f"the certificate of {signatory.subject} does not chain "
                                      "to a certificate in approval/trusted/", "use a key issued by the project's CA")])
    elif anchors:
        return _problems([Problem(Where("approval/trusted"), "this project trusts only signed withdrawals",
                                  "sign with your key: --key FILE.p12")])
    if not req.note:
        return _problems([Problem(Where(rel), "a withdrawal needs its reason", "say why with --note TEXT")])
    with ledger.exclusive():
        documents = {e.document: e for e in ledger.approvals()
                     if Path(e.layout).stem == stem and e.version == req.version}
        if not documents:
            return _problems([Problem(Where(rel), f"version {req.version} of {stem} was never approved",
                                      "name an approved version with --version")])
        withdrawn = {e.document for e in ledger.entries() if e.kind == "withdrawal"}
        when = _now()
        for key, entry in documents.items():
            if key in withdrawn:
                print(f"already withdrawn: {key}; nothing to do")
                continue
            try:
                done = ledger.append(
                    signer=signatory, kind="withdrawal", layout=entry.layout, document=key,
                    material_id=entry.material_id, version=entry.version, approver=req.approver, role=req.role,
                    reference=req.reference, note=req.note, time=when.isoformat(), pdf_sha256=entry.pdf_sha256,
                    certificate=signatory.certificate_pem() if signatory else "",
                    fingerprint=signatory.fingerprint if signatory else "",
                    source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH", ""), **_who())
            except (sqlite3.Error, OSError) as exc:
                _say(_storage_problem(exc, ledger, req.root, "nothing was withdrawn"))
                return EXIT_NOT_RECORDED
            print(f"withdrawn: {key} version {entry.version} by {req.approver} ({req.note}; ledger entry {done.seq})")
        print(f"ledger head: {ledger.head()}")
    return EXIT_OK


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
