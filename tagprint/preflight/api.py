"""The preflight functions: check files, read them as a screen reader would."""

from __future__ import annotations

from pathlib import Path

from .checks import run_checks
from .document import Doc
from .findings import UnusableInput
from .reader import read_doc, read_doc_counting
from .report import FORMATS, FileResult, exit_code


def check_file(path: Path, profile: str | None = None, ink_limit: float | None = None) -> FileResult:
    """`profile` adds that profile's checks (print: PDF/X, inks, boxes, image resolution); `ink_limit` is
    the print checks' total ink limit (0..4, default 3.0 = 300 %)."""
    try:
        doc = Doc.open(path)
    except UnusableInput as exc:
        return FileResult(path, error=str(exc))
    with doc:
        doc.ink_limit = ink_limit
        run = run_checks(doc, profile=profile)
        return FileResult(path, run.findings, skipped=run.skipped, crashed=run.crashed)


def check_files(paths: list[Path], fmt: str = "text", fail_on: str = "error", profile: str | None = None,
                ink_limit: float | None = None) -> tuple[str, int]:
    """Checks each file (with a profile's own checks, e.g. print's); returns the report in `fmt` (text,
    json or sarif) and the exit code (findings fail it from severity `fail_on` up: "error", or "warning"
    for any finding)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    results = [check_file(Path(p), profile, ink_limit) for p in paths]
    return FORMATS[fmt](results), exit_code(results, fail_on)


def read_file(path: Path) -> list[str]:
    """What a screen reader will announce, line by line. Raises UnusableInput for a file that is no PDF."""
    with Doc.open(Path(path)) as doc:
        return read_doc(doc)


def read_file_counting(path: Path) -> tuple[list[str], int]:
    """`read_file`, and how many pieces of text were unreadable (glyphs without Unicode)."""
    with Doc.open(Path(path)) as doc:
        return read_doc_counting(doc)
