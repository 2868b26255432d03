"""Approved versions: the explicit approval, the ledger outside the files, verification against it
and the review copy of what changed since.

    render.py approve LAYOUT --version V --by NAME --role ROLE --key FILE.p12 [--review REVIEW.pdf]
                      [--accept WARNING-ID …] [--reference ID] [--note TEXT]
    render.py verify [FILE.pdf | LAYOUT --version V | --all] [--expect-head HASH] [--strict]
    render.py diff LAYOUT [--from V] [--to V]
    render.py withdraw LAYOUT --version V --by NAME --note WHY [--key FILE.p12]
    render.py keys ca | keys reviewer --name NAME --out FILE.p12

`register_cli(subparsers, common)` adds the subcommands; each handler takes the parsed arguments
(with `root` and `output` resolved) and returns the exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _layout(args: argparse.Namespace) -> Path | None:
    from ..discovery import resolve_layouts

    paths, problems = resolve_layouts(args.root, [args.layout])
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return paths[0] if paths else None


def _approve(args: argparse.Namespace) -> int:
    from .approve import Request, approve
    from .exits import EXIT_INPUT

    layout = _layout(args)
    if layout is None:
        return EXIT_INPUT
    if not args.by.strip():
        print("error: --by is empty — name the person who approves", file=sys.stderr)
        return EXIT_INPUT
    return approve(Request(args.root, args.output, layout, args.version, args.by.strip(),
                           (args.reference or "").strip(), (args.note or "").strip(), (args.role or "").strip(),
                           Path(args.key) if args.key else None, tuple(args.accept or ()),
                           Path(args.review) if args.review else None))


def _withdraw(args: argparse.Namespace) -> int:
    from .approve import Request, withdraw
    from .exits import EXIT_INPUT

    layout = _layout(args)
    if layout is None:
        return EXIT_INPUT
    return withdraw(Request(args.root, args.output, layout, args.version, args.by.strip(), "",
                            (args.note or "").strip(), (args.role or "").strip(),
                            Path(args.key) if args.key else None))


def _verify(args: argparse.Namespace) -> int:
    from .verify import verify

    return verify(args.root, args.output, args.target, args.version, args.all, args.expect_head, args.strict)


def _keys(args: argparse.Namespace) -> int:
    from .keys import PASSWORD_VARIABLE, KeyProblem, make_ca, make_reviewer, password

    try:
        if args.what == "ca":
            key, cert = make_ca(args.root, args.name or "Project approvals CA")
            print(f"project CA: {cert} (trusted for approvals; commit it) and its private key {key} (keep it out of "
                  f"version control). For internal use: not a qualified signature.")
            return 0
        if not args.name or not args.out:
            print("error: keys reviewer needs --name NAME and --out FILE.p12", file=sys.stderr)
            return 2
        out = make_reviewer(args.root, args.name, Path(args.out), password(f"password for {args.out}: "))
        print(f"reviewer key: {out} for {args.name}, issued by the project CA (password from {PASSWORD_VARIABLE} "
              f"or the prompt)")
        return 0
    except KeyProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _diff(args: argparse.Namespace) -> int:
    from .exits import EXIT_INPUT
    from .review import diff_command

    layout = _layout(args)
    if layout is None:
        return EXIT_INPUT
    return diff_command(args.root, args.output, layout, args.from_version, args.to_version)


def register_cli(sub, common: argparse.ArgumentParser) -> None:
    a = sub.add_parser("approve", parents=[common],
                       help="build the archive PDF of a layout and record its approval in the ledger",
                       epilog="Exit codes: 0 approved (or already approved), 1 the archive or the ledger could "
                              "not be written (disk full, read-only; nothing was approved), 2 bad input, changed "
                              "content under an approved version, unaccepted placeholder warnings, sources changed "
                              "since --review, an untrusted key, 3 tampering (approved file deleted or replaced, "
                              "ledger altered).")
    a.add_argument("layout", help="a layout name or layouts/NAME.yaml")
    a.add_argument("--version", required=True, help="the version approved (must be the layout's document.version)")
    a.add_argument("--by", required=True, help="who approves")
    a.add_argument("--reference", help="the review's reference, e.g. MLR-2026-0042")
    a.add_argument("--note", help="a note kept with the approval")
    a.add_argument("--role", help="the signatory's role: medical, legal, regulatory, … (the signature's reason)")
    a.add_argument("--key", help="the signatory's key and certificate (.p12); password from TAGPRINT_KEY_PASSWORD, "
                                 "else a prompt")
    a.add_argument("--accept", action="append", metavar="WARNING-ID",
                   help="approve although this must-fix warning (placeholder copy) is there; recorded in the ledger")
    a.add_argument("--review", help="the review copy (from diff) this approval follows: refused if the sources "
                                    "changed since it was made")
    a.set_defaults(handler=_approve)
    w = sub.add_parser("withdraw", parents=[common],
                       help="withdraw an approved version from use (recorded in the ledger; the file stays)",
                       epilog="Exit codes: 0 withdrawn, 1 the ledger could not be written, 2 bad input.")
    w.add_argument("layout", help="a layout name or layouts/NAME.yaml")
    w.add_argument("--version", required=True, help="the approved version withdrawn")
    w.add_argument("--by", required=True, help="who withdraws it")
    w.add_argument("--note", required=True, help="why")
    w.add_argument("--role", help="the role in which it is withdrawn")
    w.add_argument("--key", help="the signatory's .p12 (required when the project has approval/trusted/)")
    w.set_defaults(handler=_withdraw)
    v = sub.add_parser("verify", parents=[common],
                       help="check approved files against the ledger and rebuild them from their sources",
                       epilog="Exit codes: 0 every file is exactly what was approved and signed (a rebuild that "
                              "differs is reported; --strict makes it 1), 1 awaiting a role's signature, "
                              "interrupted, withdrawn or never approved, 2 bad input, 3 tampering (missing, replaced "
                              "or unrecorded file, an untrusted, invalid or missing signature, ledger chain broken, "
                              "ledger missing or rolled back).")
    v.add_argument("target", nargs="?", help="an archived PDF, or a layout (with --version)")
    v.add_argument("--version", help="the approved version of the layout")
    v.add_argument("--all", action="store_true", help="every approval in the ledger")
    v.add_argument("--expect-head", metavar="HASH", help="a ledger head printed by an earlier approve: exit 3 if "
                                                         "the ledger no longer holds it (entries were removed)")
    v.add_argument("--strict", action="store_true", help="exit 1 when today's tagprint would rebuild a file "
                                                         "differently (reported either way)")
    v.set_defaults(handler=_verify)
    d = sub.add_parser("diff", parents=[common],
                       help="a tagged review PDF of what changed since the last approval",
                       epilog="Writes output/review/NAME-FROM-vs-TO.pdf. Exit codes: 0 compared, 2 bad input, "
                              "3 an approved file or the ledger was tampered with.")
    d.add_argument("layout", help="a layout name or layouts/NAME.yaml")
    d.add_argument("--from", dest="from_version", help="approved version to compare from (default: the last)")
    d.add_argument("--to", dest="to_version", help="approved version to compare to (default: the current draft)")
    d.set_defaults(handler=_diff)
    k = sub.add_parser("keys", parents=[common],
                       help="make a project CA or a reviewer's key for signed approvals (internal use)",
                       epilog="keys ca writes approval/trusted/project-ca.pem (trusted by verify) and "
                              "approval/ca/ca.key; keys reviewer writes a .p12 issued by it. Suitable for internal "
                              "use, not a qualified electronic signature.")
    k.add_argument("what", choices=["ca", "reviewer"])
    k.add_argument("--name", help="the CA's or the reviewer's name")
    k.add_argument("--out", help="where the reviewer's .p12 goes")
    k.set_defaults(handler=_keys)
