"""The `check` and `read` subcommands. Light to import: the checks load only when a handler runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMAT_NAMES = ("json", "sarif", "text")
EXIT_UNUSABLE = 2


def _check_handler(args: argparse.Namespace) -> int:
    from .api import check_files

    limit = args.ink_limit / 100 if args.ink_limit else None
    report, code = check_files(args.files, args.format, args.fail_on, args.profile, limit)
    sys.stdout.write(report)
    return code


def _read_handler(args: argparse.Namespace) -> int:
    from .api import read_file_counting
    from .findings import UnusableInput
    from .reader import UNREADABLE, SpeechUnavailable

    try:
        lines, unreadable = read_file_counting(args.file)
    except UnusableInput as exc:
        print(f"{args.file}: unusable: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    from ..errors import printable

    for line in lines:
        print(printable(line))  # text from the file may hold escape sequences: never printed raw
    if not lines:
        print(f"{args.file}: nothing to announce: no structure tree (or an empty one), so a screen reader "
              "has to guess the reading order", file=sys.stderr)
    if unreadable:
        print(f"{args.file}: {unreadable} piece(s) of text are unreadable (shown as {UNREADABLE}): their font "
              "has no Unicode mapping (/ToUnicode), so a screen reader cannot say them — embed the font with a "
              "/ToUnicode CMap", file=sys.stderr)
        if args.strict:
            return 1
    if args.speak:
        from ..commands.speech import speak_pdf
        try:
            spoken = speak_pdf(args.file, args.speak)
        except SpeechUnavailable as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        voices = ", ".join(dict.fromkeys(s.voice or "" for s in spoken))
        print(f"spoken to {args.speak} (voices: {voices or 'none'})", file=sys.stderr)
    return 0


def register_cli(subparsers) -> None:
    """Adds `check FILE... [--format text|json|sarif]` and `read FILE [--speak out.wav]`."""
    check = subparsers.add_parser(
        "check", help="preflight PDFs: PDF/UA-1 tags, fonts, links, metadata, PDF/A, contrast",
        description="Checks any PDF for what PDF/UA-1, PDF/A and WCAG require of its objects: catalog and "
                    "XMP, tagged content, structure tree, reading order, roles, figures, headings, lists, "
                    "tables, notes, links and other annotations, fonts, actions, optional content, embedded "
                    "files, PDF/A (for files that claim it), page boxes and text contrast.",
        epilog="Exit codes: 0 no errors, 1 errors found (with --fail-on warning: any finding), 2 a file is not a "
               "usable PDF, 3 a check crashed (a defect of the preflight, not of the file; the other checks' "
               "findings are still reported). 2 wins over 3, 3 over 1.")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.add_argument("--format", choices=FORMAT_NAMES, default="text", help="report format (default: text)")
    check.add_argument("--fail-on", choices=("error", "warning"), default="error",
                       help="exit 1 on errors only (default), or on any finding, warnings included")
    from ..profiles import preflight_names  # the profiles with checks of their own: print

    check.add_argument("--profile", choices=preflight_names(), help="also run a profile's checks: print = a printer's "
                       "preflight (PDF/X-4 id and OutputIntent, boxes, colour spaces, small text in one ink, "
                       "ink limit, image resolution, transparency)")
    check.add_argument("--ink-limit", type=float, metavar="PERCENT", help="total ink limit for --profile print "
                       "(default 300)")
    check.set_defaults(handler=_check_handler)
    read = subparsers.add_parser(
        "read", help="print what a screen reader will announce, from the structure tree",
        description="Prints, in reading order, the roles, text, alt text and language changes a screen reader "
                    "announces; --speak also writes them as speech with espeak-ng, in the voice of each "
                    "language, with pauses before headings and list items.")
    read.add_argument("file", type=Path, metavar="FILE")
    read.add_argument("--speak", type=Path, metavar="OUT.wav", help="also write the announcements as a WAV file")
    read.add_argument("--strict", action="store_true",
                      help="exit 1 when any text is unreadable (a font without /ToUnicode)")
    read.set_defaults(handler=_read_handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tagprint.preflight")
    register_cli(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)
