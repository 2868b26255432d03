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

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, Problem, Where, relative
from ..profiles import ARCHIVE
from .acceptance import accepted_by, must_fix, required_roles
from .archive_files import (PENDING, RESTORE, archive_folder, ledger_altered, now, recover, sha256,
                            storage_problem, sync_folder, tampering, who, write_pending)
from .exits import EXIT_NOT_RECORDED, EXIT_OK, EXIT_TAMPERED, refuse, say
from .ledger import Ledger, crash_point

if TYPE_CHECKING:  # the key library loads only when a key is opened
    from .keys import Signatory



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


def approve(req: Request) -> int:
    from ..load.variants import variants_of
    from ..pipeline import prepare
    from .keys import trust_anchors

    rel = relative(req.layout, req.root)
    try:
        found = variants_of(req.root, req.layout)
        variants: list[dict[str, str] | None] = list(found) if found else [None]
        prepared_all = [prepare(req.root, req.layout, v) for v in variants]
    except InputError as exc:
        return refuse(exc.problems)
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
        return refuse(problems)
    ledger = Ledger(archive_folder(req.output))
    refused = _refusals(req, prepared_all)
    if refused:
        for problem in refused:
            ledger.record("refusal", layout=rel, version=req.version, approver=req.approver, role=req.role,
                          note=problem.message, time=now().isoformat(), **who())
        return refuse(refused)
    anchors = trust_anchors(req.root)
    signatory, unusable = _signatory(req, anchors, "approval")
    if unusable is not None:
        return refuse([unusable])
    try:
        with ledger.exclusive():  # from the chain check to the last entry: no other approval slips in between
            recover(ledger, req.output, say=print)
            altered = ledger_altered(ledger, req.root, "restore the ledger from a backup and report the incident; "
                                                       "nothing was approved", anchors or None)
            for problem in altered:
                say(problem)
            if altered:
                ledger.record("alarm", layout=rel, version=req.version, approver=req.approver,
                              note="; ".join(p.message for p in altered)[:2000], time=now().isoformat(), **who())
                return EXIT_TAMPERED
            code = _approve_all(req, prepared_all, ledger, rel, signatory)
            if ledger.exists():
                print(f"ledger head: {ledger.head()}")
            return code
    except NotRecorded as exc:
        say(exc.problem)
        return EXIT_NOT_RECORDED
    except OSError as exc:  # the lock file or the archive folder itself cannot be made
        say(storage_problem(exc, ledger, req.root))
        return EXIT_NOT_RECORDED


def _signatory(req: Request, anchors: list, act: str) -> tuple[Signatory | None, Problem | None]:
    """The key `req` signs an approval or a withdrawal (`act`) with, opened once; or the problem that stops it.

    A project with trust anchors takes only signed acts, by keys its anchors issued. An approval signed with a
    key needs anchors (else verify could not check it); a withdrawal may be signed without."""
    from .keys import KeyProblem, issued_by, open_p12

    if req.key is None:
        if not anchors:
            return None, None
        fix = ("sign with your key: --key FILE.p12 (password in TAGPRINT_KEY_PASSWORD or at the prompt)"
               if act == "approval" else "sign with your key: --key FILE.p12")
        return None, Problem(Where("approval/trusted"), f"this project trusts only signed {act}s", fix)
    try:
        signatory = open_p12(req.key)
    except KeyProblem as exc:
        return None, Problem(Where(str(req.key)), exc.message, exc.fix)
    if act == "approval" and not anchors:
        return None, Problem(Where("approval/trusted"), "the project lists no trust anchors, so verify could not "
                             "check this signature", "add the CA that issued your key to approval/trusted/ "
                             "(render.py keys ca makes a project CA), or approve without --key (unsigned)")
    if anchors and not issued_by(signatory.certificate, anchors):
        if act == "approval":
            return None, Problem(Where(str(req.key)), f"the certificate of {signatory.subject} does not chain to a "
                                 "certificate in approval/trusted/, so this project would not trust the approval",
                                 "use a key issued by the project's CA (render.py keys reviewer), or add its CA to "
                                 "approval/trusted/ through the project's review")
        return None, Problem(Where(str(req.key)), f"the certificate of {signatory.subject} does not chain to a "
                             "certificate in approval/trusted/", "use a key issued by the project's CA")
    return signatory, None


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
                code = max(code, refuse([Problem(prepared.loaded.layout_source.where(("document", "version")),
                                                    f"version {d.version} of {stem} was withdrawn; it is not "
                                                    f"approved again", "give the document a new document.version "
                                                    "and approve that")]))
                continue
            if earlier:
                why = tampering(earlier[-1], target, req.output)
                if why:
                    say(why)
                    ledger.record("alarm", layout=rel, document=key, version=d.version, note=why.message,
                                  time=now().isoformat(), **who())
                    code = EXIT_TAMPERED
                    continue
            elif target.exists():
                why = Problem(Where(shown), "TAMPERING: in the archive, but the ledger has no approval for it (it was "
                                            "put there by hand, or its ledger entry was removed)", RESTORE)
                say(why)
                ledger.record("alarm", layout=rel, document=key, version=d.version, note=why.message,
                              time=now().isoformat(), **who())
                code = EXIT_TAMPERED
                continue
            try:
                built = render(prepared, profile, kind)
            except InputError as exc:
                code = max(code, refuse(exc.problems))
                continue
            crash_point("built")
            current = target.read_bytes() if earlier else None
            if earlier and current is not None:  # an earlier signatory's file: this approval adds its signature
                entry = earlier[-1]
                base = current[:entry.base_size] if entry.base_size else current
                if base != built.data:
                    problems = [Problem(prepared.loaded.layout_source.where(("document", "version")),
                                        f"version {d.version} of {stem} was approved by {entry.approver} on "
                                        f"{entry.time} (ledger entry {entry.seq}) and the draft now differs from it",
                                        "an approved version is never changed: give the changed document a new "
                                        "document.version and approve that")]
                    code = max(code, refuse(problems))
                    continue
                same = [e for e in earlier if e.role == req.role and (
                    e.fingerprint == signatory.fingerprint if signatory else e.approver == req.approver)]
                if same or (signatory is None and not req.role):
                    e = (same or earlier)[-1]
                    print(f"already approved: {shown} (version {d.version}, by {e.approver}"
                          + (f" as {e.role}" if e.role else "") + f" on {e.time}, ledger entry {e.seq}); nothing to do")
                    continue
            when = now()
            last = ledger.approvals()
            if last and when.isoformat() < last[-1].time:
                problem = Problem(Where(relative(ledger.path, req.root)),
                                  f"this approval would be dated {when.isoformat()}, before the last entry of the "
                                  f"ledger ({last[-1].time}, entry {last[-1].seq}): the clock is wrong",
                                  "set the computer's clock right and approve again")
                ledger.record("refusal", layout=rel, document=key, version=d.version, approver=req.approver,
                              role=req.role, note=problem.message, time=last[-1].time, **who())
                code = max(code, refuse([problem]))
                continue
            data_in = current if current is not None else built.data
            url = prepared.loaded.layout.approval.timestamp_url
            try:
                data = sign(data_in, signatory, req.role, req.approver, url) if signatory else data_in
            except Exception as exc:
                if not url:
                    raise
                code = max(code, refuse([Problem(prepared.loaded.layout_source.where(("approval", "timestamp_url")),
                                                    f"no timestamp from {url} ({type(exc).__name__}: {exc})",
                                                    "check the timestamp authority's address and the network, and "
                                                    "approve again")]))
                continue
            crash_point("signed")
            pending = target.with_name(target.name + PENDING)
            changed = data != current
            if changed:
                try:
                    write_pending(pending, data)
                except OSError as exc:
                    pending.unlink(missing_ok=True)
                    raise NotRecorded(storage_problem(exc, ledger, req.root)) from exc
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
                    tool=_tool(), environment=_environment(env_families), **who())
            except (sqlite3.Error, OSError) as exc:  # unrecorded: the pending file goes, nothing was approved
                pending.unlink(missing_ok=True)
                raise NotRecorded(storage_problem(
                    exc, ledger, req.root, f"the approval of {stem} version {d.version} could not be recorded, so "
                                           f"nothing was approved")) from exc
            crash_point("ledger-committed")
            if changed:
                os.replace(pending, target)
                crash_point("replaced")
                os.chmod(target, 0o444)
                sync_folder(target.parent)
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
    from .keys import trust_anchors

    ledger = Ledger(archive_folder(req.output))
    rel = relative(req.layout, req.root)
    stem = req.layout.stem
    anchors = trust_anchors(req.root)
    signatory, problem = _signatory(req, anchors, "withdrawal")
    if problem is not None:
        return refuse([problem])
    if not req.note:
        return refuse([Problem(Where(rel), "a withdrawal needs its reason", "say why with --note TEXT")])
    with ledger.exclusive():
        documents = {e.document: e for e in ledger.approvals()
                     if Path(e.layout).stem == stem and e.version == req.version}
        if not documents:
            return refuse([Problem(Where(rel), f"version {req.version} of {stem} was never approved",
                                      "name an approved version with --version")])
        withdrawn = {e.document for e in ledger.entries() if e.kind == "withdrawal"}
        when = now()
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
                    source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH", ""), **who())
            except (sqlite3.Error, OSError) as exc:
                say(storage_problem(exc, ledger, req.root, "nothing was withdrawn"))
                return EXIT_NOT_RECORDED
            print(f"withdrawn: {key} version {entry.version} by {req.approver} ({req.note}; ledger entry {done.seq})")
        print(f"ledger head: {ledger.head()}")
    return EXIT_OK


def _tool() -> str:
    from ..tool import tool_digest
    return tool_digest()


def _environment(families: tuple[str, ...]) -> dict:
    from .environment import environment
    return environment(families)


