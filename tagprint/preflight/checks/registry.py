"""The registry of preflight checks and how they run: `register`, `REGISTRY` (in report order), `run_checks`.
The check modules import this module; the package (checks/__init__.py) imports every check module."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, replace
from typing import Callable, NamedTuple

from ..document import Doc, plain_message
from ..family import Family
from ..findings import Finding

CheckFunction = Callable[[Doc], list[Finding]]


@dataclass(frozen=True)
class Check:
    id: str
    title: str          # one line: what must hold
    standard: str       # where the requirement comes from
    help: str           # what the check looks at and how to fix what it finds
    run: CheckFunction
    family: Family | None = None  # run only for profiles of this family (press: PDF/X); None: always
    in_build: bool = True  # runs on every PDF a build writes (False: only when a file is checked)
    operators: str = ""  # content operators it reads through Doc.instructions (the shared parse) in a build


REGISTRY: dict[str, Check] = {}


def register(check_id: str, title: str, *, standard: str, help: str, family: Family | None = None,
             in_build: bool = True, operators: str = "") -> Callable[[CheckFunction], CheckFunction]:
    def decorate(fn: CheckFunction) -> CheckFunction:
        if check_id in REGISTRY:
            raise ValueError(f"check id {check_id} registered twice")
        REGISTRY[check_id] = Check(check_id, title, standard, help, fn, family, in_build, operators)
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


def build_operators(family: Family | None) -> str:
    """The content operators the in-build checks for a profile of `family` read through the shared parse."""
    return " ".join(c.operators for c in REGISTRY.values()
                    if c.in_build and c.operators and c.family in (None, family))


@dataclass(frozen=True)
class Crashed:
    """A check that raised: a defect of the preflight (or a case it does not handle), not a finding about
    the file. Reported on its own, with its own exit code."""
    check: str
    error: str          # "KeyError: '/X' (at function:line)"


class CheckRun(NamedTuple):
    findings: list[Finding]
    skipped: list[Skipped]
    crashed: list[Crashed]


def run_checks(doc: Doc, only: list[str] | None = None, family: Family | None = None) -> CheckRun:
    """Every registered check (or the named ones) on one document: the findings, the checks that could
    not run here, and the checks that crashed. A crash does not stop the other checks. Checks that belong
    to a family of profiles (press: PDF/X, inks) run only for that `family`."""
    run = CheckRun([], [], [])
    for check in REGISTRY.values():
        if only is not None and check.id not in only:
            continue
        if check.family is not None and check.family is not family:
            continue
        try:
            run.findings.extend(_plain(f) for f in check.run(doc))
        except CheckSkipped as exc:
            run.skipped.append(Skipped(check.id, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one broken object must not stop the preflight
            where = traceback.extract_tb(exc.__traceback__)[-1]
            run.crashed.append(Crashed(check.id, f"{type(exc).__name__}: {plain_message(exc)} "
                                              f"(at {where.name}:{where.lineno})"))
    return run


def _plain(finding: Finding) -> Finding:
    """A finding whose message quotes a qpdf error, without the in-memory stream's name in it."""
    if "<_io." not in finding.message:
        return finding
    return replace(finding, message=plain_message(finding.message))
