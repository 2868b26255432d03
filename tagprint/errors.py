"""Problems found in the input, reported all at once with where they are and how to fix them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


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
