"""Preflight: check ANY PDF against what PDF/UA-1, PDF/A and WCAG require of its objects, and show what a
screen reader will announce.

    check_files([Path("a.pdf")], "text")  -> (report, exit code)    0 clean, 1 errors, 2 unusable input
    read_file(Path("a.pdf"))              -> ["heading level 1: …", …]

`register_cli(subparsers)` adds the `check` and `read` subcommands to an argparse parser; each handler is
stored with `set_defaults(handler=…)`, takes the parsed arguments and returns the exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checks import REGISTRY, run_checks
from .document import Doc
from .findings import ERROR, WARNING, Finding, UnusableInput
from .reader import SpeechUnavailable, read_doc, speak
from .report import EXIT_UNUSABLE, FORMATS, FileResult, exit_code


def check_file(path: Path) -> FileResult:
    try:
        doc = Doc.open(path)
    except UnusableInput as exc:
        return FileResult(path, error=str(exc))
    with doc:
        findings, skipped = run_checks(doc)
        return FileResult(path, findings, skipped=skipped)


def check_files(paths: list[Path], fmt: str = "text") -> tuple[str, int]:
    """Checks each file; returns the report in `fmt` (text, json or sarif) and the exit code."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    results = [check_file(Path(p)) for p in paths]
    return FORMATS[fmt](results), exit_code(results)


def read_file(path: Path) -> list[str]:
    """What a screen reader will announce, line by line. Raises UnusableInput for a file that is no PDF."""
    with Doc.open(Path(path)) as doc:
        return read_doc(doc)


# ---- command line ---------------------------------------------------------------------------------


def _check_handler(args: argparse.Namespace) -> int:
    report, code = check_files(args.files, args.format)
    sys.stdout.write(report)
    return code


def _read_handler(args: argparse.Namespace) -> int:
    try:
        lines = read_file(args.file)
    except UnusableInput as exc:
        print(f"{args.file}: unusable: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    for line in lines:
        print(line)
    if not lines:
        print(f"{args.file}: nothing to announce: no structure tree (or an empty one), so a screen reader "
              "has to guess the reading order", file=sys.stderr)
    if args.speak:
        try:
            speak(lines, args.speak)
        except SpeechUnavailable as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"spoken to {args.speak}", file=sys.stderr)
    return 0


def register_cli(subparsers) -> None:
    """Adds `check FILE... [--format text|json|sarif]` and `read FILE [--speak out.wav]`."""
    check = subparsers.add_parser(
        "check", help="preflight PDFs: PDF/UA-1 tags, fonts, links, metadata, PDF/A, contrast",
        description="Checks any PDF for what PDF/UA-1, PDF/A and WCAG require of its objects. "
                    f"Checks: {', '.join(REGISTRY)}.",
        epilog="Exit codes: 0 no errors, 1 errors found, 2 a file is not a usable PDF.")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.add_argument("--format", choices=sorted(FORMATS), default="text", help="report format (default: text)")
    check.set_defaults(handler=_check_handler)
    read = subparsers.add_parser(
        "read", help="print what a screen reader will announce, from the structure tree",
        description="Prints, in reading order, the roles, text, alt text and language changes a screen reader "
                    "announces; --speak also writes them as speech with espeak-ng.")
    read.add_argument("file", type=Path, metavar="FILE")
    read.add_argument("--speak", type=Path, metavar="OUT.wav", help="also write the announcements as a WAV file")
    read.set_defaults(handler=_read_handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tagprint.preflight")
    register_cli(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)


__all__ = ["ERROR", "WARNING", "Finding", "FileResult", "REGISTRY", "SpeechUnavailable", "UnusableInput",
           "check_file", "check_files", "main", "read_file", "register_cli", "speak"]
