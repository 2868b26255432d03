"""What a check reports: one problem, where it is in the PDF, and how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "note"]
ERROR: Severity = "error"
WARNING: Severity = "warning"
NOTE: Severity = "note"  # information for the reader (the printer): never fails a check or a build


@dataclass(frozen=True)
class Finding:
    check: str                  # the registered check id, e.g. "FIG-ALT"
    severity: Severity
    message: str                # what is wrong, in a sentence
    page: int | None = None     # 1-based
    object: str | None = None   # "12 0 R", a resource name such as "/Fm0", or a key path
    path: str | None = None     # structure path, e.g. "Document/Sect[2]/Figure[1]"
    fix: str = ""               # what to change

    def to_dict(self) -> dict:
        return asdict(self)


class UnusableInput(Exception):
    """The file is not a PDF, cannot be read or needs a password: exit code 2."""
