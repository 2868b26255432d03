"""The preflight functions: check files, read them as a screen reader would."""

from __future__ import annotations

from pathlib import Path

from .checks import run_checks
from .document import Doc
from .findings import UnusableInput
from .reader import read_doc
from .report import FORMATS, FileResult, exit_code


def check_file(path: Path) -> FileResult:
    try:
        doc = Doc.open(path)
    except UnusableInput as exc:
        return FileResult(path, error=str(exc))
    with doc:
        run = run_checks(doc)
        return FileResult(path, run.findings, skipped=run.skipped, crashed=run.crashed)


def check_files(paths: list[Path], fmt: str = "text", fail_on: str = "error") -> tuple[str, int]:
    """Checks each file; returns the report in `fmt` (text, json or sarif) and the exit code (findings
    fail it from severity `fail_on` up: "error", or "warning" for any finding)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    results = [check_file(Path(p)) for p in paths]
    return FORMATS[fmt](results), exit_code(results, fail_on)


def read_file(path: Path) -> list[str]:
    """What a screen reader will announce, line by line. Raises UnusableInput for a file that is no PDF."""
    with Doc.open(Path(path)) as doc:
        return read_doc(doc)
