"""Problems found in the input, reported all at once with where they are and how to fix them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .preflight.findings import Finding


@dataclass(frozen=True)
class Where:
    """A place in a source file: 1-based line and column, and the YAML path to the value."""

    file: str
    line: int = 0
    col: int = 0
    path: str = ""

    def __str__(self) -> str:
        place = self.file
        if self.line:
            place += f":{self.line}:{self.col or 1}"
        return place


@dataclass(frozen=True)
class Problem:
    where: Where
    message: str
    fix: str
    id: str = ""    # a warning's id, e.g. placeholder:safety[0] (named by a layout's or approve's acceptance)

    def __str__(self) -> str:
        path = f" [{self.where.path}]" if self.where.path else ""
        return printable(f"{self.where}: {self.message}{path} — {self.fix}")


class InputError(Exception):
    """Bad input: the user can fix it. Exit code 2."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None, partial: object = None):
        self.problems = sorted(problems, key=lambda p: (p.where.file, p.where.line, p.where.col))
        self.warnings = list(warnings or [])  # still worth showing: warnings never hide behind an error
        self.partial = partial  # what was built despite the problems (validate's document), for its warnings
        super().__init__("\n".join(str(p) for p in self.problems))


class VerifyError(AssertionError):
    """The PDF a build has just made fails verify or an in-build check of the preflight: a bug in tagprint
    (exit 1), never written to output/. It carries every finding (check id, page, message, fix), each
    reported as a problem of its own; its text lists them all, one a line."""

    def __init__(self, findings: "list[Finding]"):
        self.findings = list(findings)
        super().__init__("the built PDF fails the preflight:\n" + "\n".join(map(finding_line, self.findings)))

    def __reduce__(self):  # from a worker to the parent: the findings, not the text
        return (type(self), (self.findings,))


def finding_line(finding: "Finding") -> str:
    """A finding in one line, all of it: check id, page, message and fix."""
    page = f" on page {finding.page}" if finding.page else ""
    fix = f" — {finding.fix}" if finding.fix else ""
    return f"{finding.check}{page}: {finding.message}{fix}"


_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff\u202a-\u202e\ud800-\udfff]")


def printable(text: str) -> str:
    """Control and invisible characters (a BEL or an escape sequence quoted from the input) written as
    \\xNN or \\uNNNN: a message never rings the terminal, recolours it or hides text."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                       text)


def relative(path: Path, root: Path) -> str:
    """A path as the user sees it: relative to the project folder where possible."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
