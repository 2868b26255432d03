"""What building one document came to: a row of the build table, with its problems and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import Problem, VerifyError, Where

if TYPE_CHECKING:
    from ..preflight.findings import Finding

BUG = "this is a bug in tagprint, not in your files: please report it with this layout"


@dataclass
class Outcome:
    layout: str                 # relative path of the layout
    name: str
    profile: str
    status: str                 # built | up to date | unchanged | failed
    target: str = ""            # relative path of the output
    pages: int = 0
    size: int = 0
    milliseconds: float = 0.0
    data: bytes | None = None
    inputs: dict[str, list] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    output_kind: str = ""       # a deck's "slides" or "handout-…"; "" for a document
    variant: str = ""           # the variant id, for a layout that expands over a data file
    jobs: list[tuple[str, str, str]] | None = None  # every (profile, output, variant) the layout makes
    warnings: list[Problem] = field(default_factory=list)
    accepted: list[Problem] = field(default_factory=list)   # warnings the layout accepts (approval.accept)
    digest: str = ""            # SHA-256 of data, computed where it was built
    internal: bool = False      # failed because of a bug in tagprint (exit 1), not because of the input

    @property
    def key(self) -> str:
        return f"{self.profile}|{self.output_kind}|{self.variant}"


def crashed(layout: str, name: str, profile: str, exc: BaseException, variant: str = "",
            kind: str = "") -> Outcome:
    """A document that failed because of a bug in tagprint (or a worker that died): reported in the
    table, never a traceback. A built PDF that fails an in-build check is one problem per finding."""
    if isinstance(exc, VerifyError) and exc.findings:
        return Outcome(layout, name, profile, "failed", problems=[failed_check(layout, profile, kind, f)
                                                                  for f in exc.findings],
                       output_kind=kind, variant=variant, internal=True)
    what = f"{type(exc).__name__}: {exc}".split("\n")[0][:300]
    fix = ("check the machine's free memory, and report it with this layout if it happens again"
           if isinstance(exc, WorkerDied) else
           BUG)
    return Outcome(layout, name, profile, "failed", problems=[Problem(
        Where(layout), f"internal error while building this document ({what})", fix)],
        output_kind=kind, variant=variant, internal=True)


def failed_check(layout: str, profile: str, kind: str, finding: "Finding") -> Problem:
    """A finding of the preflight on a PDF tagprint has just made: the check id, the page, the whole
    message and the check's fix."""
    where = f"the {profile} PDF" + (f" ({kind})" if kind else "") + (f", page {finding.page}" if finding.page else "")
    fix = (f"{finding.fix}; " if finding.fix else "") + BUG
    return Problem(Where(layout, 0, 0, where),
                   f"internal error: the built PDF fails the in-build check {finding.check}: {finding.message}", fix)


class WorkerDied(Exception):
    """The worker process building a layout ended abruptly."""
