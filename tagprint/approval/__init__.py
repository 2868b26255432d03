"""Approved versions: the explicit approval, the ledger outside the files, verification against it
and the review copy of what changed since.

    render.py approve LAYOUT --version V --by NAME [--reference ID] [--note TEXT]
    render.py verify [FILE.pdf | LAYOUT --version V | --all]
    render.py diff LAYOUT [--from V] [--to V]

`register_cli(subparsers, common)` adds the subcommands; each handler takes the parsed arguments
(with `root` and `output` resolved) and returns the exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _layout(args: argparse.Namespace) -> Path | None:
    from ..cli import _resolve

    paths, problems = _resolve(args.root, [args.layout])
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return paths[0] if paths else None


def _approve(args: argparse.Namespace) -> int:
    from .approve import EXIT_INPUT, Request, approve

    layout = _layout(args)
    if layout is None:
        return EXIT_INPUT
    if not args.by.strip():
        print("error: --by is empty — name the person who approves", file=sys.stderr)
        return EXIT_INPUT
    return approve(Request(args.root, args.output, layout, args.version, args.by.strip(),
                           (args.reference or "").strip(), (args.note or "").strip()))


def _verify(args: argparse.Namespace) -> int:
    from .verify import verify

    return verify(args.root, args.output, args.target, args.version, args.all)


def _diff(args: argparse.Namespace) -> int:
    from .approve import EXIT_INPUT
    from .review import diff_command

    layout = _layout(args)
    if layout is None:
        return EXIT_INPUT
    return diff_command(args.root, args.output, layout, args.from_version, args.to_version)


def register_cli(sub, common: argparse.ArgumentParser) -> None:
    a = sub.add_parser("approve", parents=[common],
                       help="build the archive PDF of a layout and record its approval in the ledger",
                       epilog="Exit codes: 0 approved (or already approved), 1 the ledger could not be written "
                              "(the archive file was removed again), 2 bad input or changed content under an "
                              "approved version, 3 tampering (approved file deleted or replaced, ledger altered).")
    a.add_argument("layout", help="a layout name or layouts/NAME.yaml")
    a.add_argument("--version", required=True, help="the version approved (must be the layout's document.version)")
    a.add_argument("--by", required=True, help="who approves")
    a.add_argument("--reference", help="the review's reference, e.g. MLR-2026-0042")
    a.add_argument("--note", help="a note kept with the approval")
    a.set_defaults(handler=_approve)
    v = sub.add_parser("verify", parents=[common],
                       help="check approved files against the ledger and rebuild them from their sources",
                       epilog="Exit codes: 0 every file matches, 1 a rebuild differs or the file was never "
                              "approved, 2 bad input, 3 tampering (missing, replaced or unrecorded file, ledger "
                              "chain broken).")
    v.add_argument("target", nargs="?", help="an archived PDF, or a layout (with --version)")
    v.add_argument("--version", help="the approved version of the layout")
    v.add_argument("--all", action="store_true", help="every approval in the ledger")
    v.set_defaults(handler=_verify)
    d = sub.add_parser("diff", parents=[common],
                       help="a tagged review PDF of what changed since the last approval",
                       epilog="Writes output/review/NAME-FROM-vs-TO.pdf. Exit codes: 0 compared, 2 bad input, "
                              "3 an approved file or the ledger was tampered with.")
    d.add_argument("layout", help="a layout name or layouts/NAME.yaml")
    d.add_argument("--from", dest="from_version", help="approved version to compare from (default: the last)")
    d.add_argument("--to", dest="to_version", help="approved version to compare to (default: the current draft)")
    d.set_defaults(handler=_diff)
