"""What the approval commands return and how they print a problem: exit codes and "error: …" lines."""

from __future__ import annotations

import sys

from ..errors import Problem

EXIT_OK, EXIT_NOT_RECORDED, EXIT_INPUT, EXIT_TAMPERED = 0, 1, 2, 3
EXIT_INTERNAL = 1  # a bug in tagprint (as for a build); nothing was approved


def say(problem: Problem) -> None:
    print(f"error: {problem}", file=sys.stderr)


def refuse(problems: list[Problem]) -> int:
    """Prints every problem and says nothing was approved: EXIT_INPUT."""
    for problem in problems:
        say(problem)
    print(f"{len(problems)} problem(s); nothing was approved", file=sys.stderr)
    return EXIT_INPUT
