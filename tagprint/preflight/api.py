"""The preflight functions: check files, read them as a screen reader would."""

from __future__ import annotations

from pathlib import Path

from .checks import run_checks
from .document import Doc
from .family import Family
from .findings import UnusableInput
from .reader import read_doc, read_doc_counting
from .report import FORMATS, FailOn, FileResult, exit_code


def check_file(path: Path, profile: str | None = None, ink_limit: float | None = None) -> FileResult:
    """`profile` (a profile's name, as in `--profile print`) adds the checks of its family (a press profile's:
    PDF/X, inks, boxes, image resolution); `ink_limit` is the press checks' total ink limit (0..4, default
    3.0 = 300 %)."""
    family = family_of(profile)
    try:
        doc = Doc.open(path)
    except UnusableInput as exc:
        return FileResult(path, error=str(exc))
    with doc:
        doc.ink_limit = ink_limit
        run = run_checks(doc, family=family)
        return FileResult(path, run.findings, skipped=run.skipped, crashed=run.crashed)


def family_of(profile: str | None) -> Family | None:
    """The family of checks a profile asks for, by the profile's name (None: the common checks only)."""
    if profile is None:
        return None
    from ..profiles import get  # the build's registry, only when a profile is named: the preflight stays light

    return get(profile).preflight


def check_files(paths: list[Path], fmt: str = "text", fail_on: FailOn = "error", profile: str | None = None,
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
