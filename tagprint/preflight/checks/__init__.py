"""The registry of preflight checks: one module per concern, each check a function `(doc) -> list[Finding]`
registered under a stable id. The registry order is the report order and the SARIF rule order.

Adding a check: write a function in the module for its concern (or a new module, imported at the end of
this file), decorate it with `@register("ID", "title", standard=..., help=...)`, and return findings
made with the same id.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from typing import Callable

from ..document import Doc
from ..findings import ERROR, Finding

CheckFunction = Callable[[Doc], list[Finding]]


@dataclass(frozen=True)
class Check:
    id: str
    title: str          # one line: what must hold
    standard: str       # where the requirement comes from
    help: str           # what the check looks at and how to fix what it finds
    run: CheckFunction
    in_build: bool = True  # runs on every PDF a build writes (False: only when a file is checked)


REGISTRY: dict[str, Check] = {}


def register(check_id: str, title: str, *, standard: str, help: str,
             in_build: bool = True) -> Callable[[CheckFunction], CheckFunction]:
    def decorate(fn: CheckFunction) -> CheckFunction:
        if check_id in REGISTRY:
            raise ValueError(f"check id {check_id} registered twice")
        REGISTRY[check_id] = Check(check_id, title, standard, help, fn, in_build)
        return fn
    return decorate


class CheckSkipped(Exception):
    """Raised by a check that cannot run here (a missing library): reported as a note, not a finding."""


@dataclass(frozen=True)
class Skipped:
    check: str
    reason: str


def build_checks() -> list[str]:
    """The checks every build runs on what it has just written."""
    return [c.id for c in REGISTRY.values() if c.in_build]


def run_checks(doc: Doc, only: list[str] | None = None) -> tuple[list[Finding], list[Skipped]]:
    """Every registered check (or the named ones) on one document: the findings, and the checks that
    could not run. A check that crashes on a malformed file becomes a finding of that check, so the
    others still run."""
    findings: list[Finding] = []
    skipped: list[Skipped] = []
    for check in REGISTRY.values():
        if only is not None and check.id not in only:
            continue
        try:
            findings.extend(check.run(doc))
        except CheckSkipped as exc:
            skipped.append(Skipped(check.id, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one broken object must not stop the preflight
            where = traceback.extract_tb(exc.__traceback__)[-1]
            findings.append(Finding(check.id, ERROR, f"the check could not finish: {type(exc).__name__}: {exc} "
                                    f"(at {where.name}:{where.lineno})",
                                    fix="the file is probably damaged here; repair it, or report the PDF to us"))
    return findings, skipped


# the modules register their checks on import; this order is the report order
from . import catalog, content, structure, roles, figures, headings, lists, tables, notes  # noqa: E402,F401
from . import links, fonts, actions, pdfa, boxes, contrast  # noqa: E402,F401

__all__ = ["Check", "CheckSkipped", "REGISTRY", "Skipped", "build_checks", "register", "run_checks"]
