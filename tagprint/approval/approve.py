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
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, Problem, VerifyError, Where, relative
from ..profiles import ARCHIVE
from .acceptance import accepted_by, must_fix, required_roles
from .archive_files import (PENDING, RESTORE, archive_folder, ledger_altered, now, recover, sha256,
                            storage_problem, sync_folder, tampering, who, write_pending)
from .exits import EXIT_INTERNAL, EXIT_NOT_RECORDED, EXIT_OK, EXIT_TAMPERED, refuse, say
from .ledger import Ledger, crash_point

if TYPE_CHECKING:  # the key library loads only when a key is opened; the pipeline only when a build runs
    from ..pipeline import Prepared
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
    problems = _mismatches(req, prepared_all)
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


def _mismatches(req: Request, prepared_all: list[Prepared]) -> list[Problem]:
    """What stops the request before anything is built: a layout without the archive profile, another
    version than the one named, a role the layout does not ask for."""
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
    return problems


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


def _approve_all(req: Request, prepared_all: list[Prepared], ledger: Ledger, rel: str,
                 signatory: Signatory | None) -> int:
    code = EXIT_OK
    for prepared in prepared_all:
        for kind in prepared.document.outputs:
            code = max(code, _approve_output(_Output(req, prepared, kind, ledger, rel, signatory)))
    return code


@dataclass(frozen=True)
class _Output:
    """One output of one approval: the request, its document, and where its archived file goes."""
    req: Request
    prepared: Prepared
    kind: str                   # a deck's "slides" or "handout-…"; "" for a document
    ledger: Ledger
    rel: str                    # the layout, relative to the project
    signatory: Signatory | None

    @property
    def stem(self) -> str:
        d = self.prepared.document
        return f"{d.name}-{self.kind}" if self.kind else d.name

    @property
    def target(self) -> Path:
        d = self.prepared.document
        return ARCHIVE.output_path(self.req.output, self.stem, d.material_id, d.version)

    @property
    def key(self) -> str:
        return self.target.relative_to(archive_folder(self.req.output)).as_posix()

    @property
    def shown(self) -> str:
        return relative(self.target, self.req.output.parent)

    def at_version(self) -> Where:
        return self.prepared.loaded.layout_source.where(("document", "version"))

    def alarm(self, why: Problem) -> int:
        say(why)
        self.ledger.record("alarm", layout=self.rel, document=self.key, version=self.prepared.document.version,
                           note=why.message, time=now().isoformat(), **who())
        return EXIT_TAMPERED


def _approve_output(o: _Output) -> int:
    """Builds, signs, stores and records one output; each step may end it with the exit code it comes to."""
    from ..pipeline import render

    earlier = o.ledger.find(o.key)
    stop = _archive_refuses(o, earlier)
    if stop is not None:
        return stop
    try:
        built = render(o.prepared, ARCHIVE, o.kind)
    except InputError as exc:
        return refuse(exc.problems)
    except VerifyError as exc:  # a bug of ours: one problem per finding of the in-build check, nothing approved
        return _failed_checks(o, exc)
    crash_point("built")
    current = o.target.read_bytes() if earlier else None
    if earlier and current is not None:
        stop = _already_approved(o, earlier, current, built.data)
        if stop is not None:
            return stop
    when = now()
    last = o.ledger.approvals()
    if last and when.isoformat() < last[-1].time:
        problem = Problem(Where(relative(o.ledger.path, o.req.root)),
                          f"this approval would be dated {when.isoformat()}, before the last entry of the "
                          f"ledger ({last[-1].time}, entry {last[-1].seq}): the clock is wrong",
                          "set the computer's clock right and approve again")
        o.ledger.record("refusal", layout=o.rel, document=o.key, version=o.prepared.document.version,
                        approver=o.req.approver, role=o.req.role, note=problem.message, time=last[-1].time, **who())
        return refuse([problem])
    data = _signed(o, current if current is not None else built.data)
    if isinstance(data, int):
        return data
    crash_point("signed")
    _store(o, data, current, len(built.data), when)
    return EXIT_OK


def _failed_checks(o: _Output, exc: VerifyError) -> int:
    """The archive PDF fails an in-build check: each finding is a problem (check id, page, fix), as a build
    reports it; exit 1, since it is a bug in tagprint, not in the files."""
    from ..batch.outcome import failed_check

    for finding in exc.findings:
        say(failed_check(o.rel, ARCHIVE.name, o.kind, finding))
    print(f"{len(exc.findings)} problem(s); nothing was approved", file=sys.stderr)
    return EXIT_INTERNAL


def _archive_refuses(o: _Output, earlier: list) -> int | None:
    """The exit code when the archive forbids approving this output: it was withdrawn, its approved file
    was tampered with, or a file is there that the ledger never approved. None when it may go on."""
    d = o.prepared.document
    if any(e.kind == "withdrawal" and e.document == o.key for e in o.ledger.entries()):
        return refuse([Problem(o.at_version(), f"version {d.version} of {o.stem} was withdrawn; it is not approved "
                                               "again", "give the document a new document.version and approve that")])
    if earlier:
        why = tampering(earlier[-1], o.target, o.req.output)
        return o.alarm(why) if why else None
    if o.target.exists():
        return o.alarm(Problem(Where(o.shown), "TAMPERING: in the archive, but the ledger has no approval for it (it "
                                               "was put there by hand, or its ledger entry was removed)", RESTORE))
    return None


def _already_approved(o: _Output, earlier: list, current: bytes, built: bytes) -> int | None:
    """An output approved before: refused when the draft now differs from it, nothing to do when this
    signatory (or, unsigned, this approver) has approved it in this role; None when this adds a signature."""
    d, req, entry = o.prepared.document, o.req, earlier[-1]
    base = current[:entry.base_size] if entry.base_size else current
    if base != built:
        return refuse([Problem(o.at_version(), f"version {d.version} of {o.stem} was approved by {entry.approver} on "
                                               f"{entry.time} (ledger entry {entry.seq}) and the draft now differs "
                                               "from it", "an approved version is never changed: give the changed "
                                                          "document a new document.version and approve that")])
    same = [e for e in earlier if e.role == req.role and (
        e.fingerprint == o.signatory.fingerprint if o.signatory else e.approver == req.approver)]
    if same or (o.signatory is None and not req.role):
        e = (same or earlier)[-1]
        print(f"already approved: {o.shown} (version {d.version}, by {e.approver}"
              + (f" as {e.role}" if e.role else "") + f" on {e.time}, ledger entry {e.seq}); nothing to do")
        return EXIT_OK
    return None


def _signed(o: _Output, data: bytes) -> bytes | int:
    """`data` signed by the signatory (with a timestamp when the layout names an authority); unchanged when
    the approval is unsigned; the exit code when the timestamp authority cannot be reached."""
    from .signing import sign

    url = o.prepared.loaded.layout.approval.timestamp_url
    try:
        return sign(data, o.signatory, o.req.role, o.req.approver, url) if o.signatory else data
    except Exception as exc:
        if not url:
            raise
        return refuse([Problem(o.prepared.loaded.layout_source.where(("approval", "timestamp_url")),
                               f"no timestamp from {url} ({type(exc).__name__}: {exc})",
                               "check the timestamp authority's address and the network, and approve again")])


def _store(o: _Output, data: bytes, current: bytes | None, base_size: int, when: datetime) -> None:
    """The crash-safe write (see the module's text): pending file, ledger entry, then the archived file."""
    from ..pipeline import sources

    d, req, signatory = o.prepared.document, o.req, o.signatory
    pending = o.target.with_name(o.target.name + PENDING)
    changed = data != current
    if changed:
        try:
            write_pending(pending, data)
        except OSError as exc:
            pending.unlink(missing_ok=True)
            raise NotRecorded(storage_problem(exc, o.ledger, req.root)) from exc
        crash_point("pending-written")
    env_families = (d.theme.font, *d.theme.fallback_fonts)
    try:
        entry = o.ledger.append(
            signer=signatory,
            layout=o.rel, document=o.key, material_id=d.material_id, version=d.version, approver=req.approver,
            role=req.role, reference=req.reference, note=req.note, time=when.isoformat(),
            pdf_sha256=sha256(data), pdf_size=len(data), base_size=base_size,
            sources={s.path: sha256(s.data) for s in sources(o.prepared)},
            accepted=sorted({w.id for w in must_fix(o.prepared.warnings + o.prepared.accepted)}),
            required_roles=required_roles(o.prepared),
            review=sha256(req.review.read_bytes()) if req.review else "",
            certificate=signatory.certificate_pem() if signatory else "",
            fingerprint=signatory.fingerprint if signatory else "",
            source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH", ""),
            tool=_tool(), environment=_environment(env_families), **who())
    except (sqlite3.Error, OSError) as exc:  # unrecorded: the pending file goes, nothing was approved
        pending.unlink(missing_ok=True)
        raise NotRecorded(storage_problem(
            exc, o.ledger, req.root, f"the approval of {o.stem} version {d.version} could not be recorded, so "
                                     f"nothing was approved")) from exc
    crash_point("ledger-committed")
    if changed:
        os.replace(pending, o.target)
        crash_point("replaced")
        os.chmod(o.target, 0o444)
        sync_folder(o.target.parent)
    crash_point("read-only")
    print(f"approved: {o.stem} version {d.version} by {req.approver}"
          + (f" as {req.role}" if req.role else "")
          + (f" ({req.reference})" if req.reference else "")
          + f" → {o.shown} (ledger entry {entry.seq})"
          + ("" if signatory else " — unsigned: the project lists no trust anchors in approval/trusted/"))
    crash_point("printed")


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


