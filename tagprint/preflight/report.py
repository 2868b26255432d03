"""Reports: readable text, JSON and SARIF 2.1.0; and the exit-code policy.

Exit codes: 0 clean (no errors), 1 findings (at least one error; with fail_on="warning", any finding),
2 unusable input (a file is not a PDF or cannot be read), 3 a check crashed (a defect of the preflight, not
of the file; the other checks ran and are reported) — 2 wins over 3, 3 over 1.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .. import __version__
from ..errors import printable
from .checks import REGISTRY, Crashed, Skipped
from .findings import Finding

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE, EXIT_CRASHED = 0, 1, 2, 3
CRASH_NOTE = "a defect of the preflight, not of the file; please report it with the PDF"
TOOL = "tagprint-preflight"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass
class FileResult:
    path: Path
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None   # set when the file is unusable
    skipped: list[Skipped] = field(default_factory=list)   # checks that could not run here
    crashed: list[Crashed] = field(default_factory=list)   # checks that raised

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


FailOn = Literal["error", "warning"]  # the least severity that fails a check


def exit_code(results: list[FileResult], fail_on: FailOn = "error") -> int:
    if any(r.error for r in results):
        return EXIT_UNUSABLE
    if any(r.crashed for r in results):
        return EXIT_CRASHED
    failing = (lambda f: f.severity != "note") if fail_on == "warning" else (lambda f: f.severity == "error")
    if any(failing(f) for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


# ---- text -----------------------------------------------------------------------------------------


def finding_line(file: str, f: Finding) -> str:
    """`FILE: page N [object] (structure path): CHECK-ID severity: message — fix`; absent parts are left out."""
    location = " ".join(part for part in (
        f"page {f.page}" if f.page is not None else "",
        f"[{f.object}]" if f.object else "",
        f"({f.path})" if f.path else "",
    ) if part)
    head = f"{file}: {location}: " if location else f"{file}: "
    # what the file says (an alt text, a title) may hold escape sequences: never printed raw
    return printable(f"{head}{f.check} {f.severity}: {f.message}" + (f" — {f.fix}" if f.fix else ""))


def format_text(results: list[FileResult]) -> str:
    lines = []
    for r in results:
        name = str(r.path)
        if r.error:
            lines.append(f"{name}: unusable: {r.error}")
            continue
        lines.extend(finding_line(name, f) for f in r.findings)
        lines.extend(f"{name}: {s.check} not checked: {s.reason}" for s in r.skipped)
        lines.extend(f"{name}: {c.check} crashed: {c.error} — {CRASH_NOTE}" for c in r.crashed)
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    unusable = sum(1 for r in results if r.error)
    crashed = sum(len(r.crashed) for r in results)
    summary = f"{len(results)} file(s) checked: {errors} error(s), {warnings} warning(s)"
    if unusable:
        summary += f", {unusable} unusable"
    if crashed:
        summary += f", {crashed} check(s) crashed"
    lines.append(summary)
    return "\n".join(lines) + "\n"


# ---- JSON -----------------------------------------------------------------------------------------


def format_json(results: list[FileResult]) -> str:
    doc = {
        "tool": TOOL,
        "version": __version__,
        "files": [{
            "file": str(r.path),
            "usable": r.error is None,
            "error": r.error,
            "errors": r.errors,
            "warnings": r.warnings,
            "findings": [f.to_dict() for f in r.findings],
            "not_checked": [{"check": s.check, "reason": s.reason} for s in r.skipped],
            "crashed": [{"check": c.check, "error": c.error} for c in r.crashed],
        } for r in results],
        "exit_code": exit_code(results),
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


# ---- SARIF 2.1.0 ----------------------------------------------------------------------------------


def _uri(path: Path) -> str:
    return path.resolve().as_uri() if path.is_absolute() else path.as_posix()


def sarif_rules() -> list[dict]:
    return [{
        "id": check.id,
        "name": check.id.title().replace("-", ""),
        "shortDescription": {"text": check.title},
        "fullDescription": {"text": check.help},
        "help": {"text": f"{check.help} ({check.standard})"},
        "defaultConfiguration": {"level": "error"},
        "properties": {"standard": check.standard},
    } for check in REGISTRY.values()]


def format_sarif(results: list[FileResult]) -> str:
    rule_index = {check_id: i for i, check_id in enumerate(REGISTRY)}
    artifacts, sarif_results, notifications = [], [], []
    for index, r in enumerate(results):
        uri = _uri(r.path)
        artifacts.append({"location": {"uri": uri}, "mimeType": "application/pdf"})
        where = [{"physicalLocation": {"artifactLocation": {"uri": uri, "index": index}}}]
        if r.error:
            notifications.append({"level": "error", "message": {"text": f"{r.path}: {r.error}"}, "locations": where})
            continue
        for s in r.skipped:
            notifications.append({"level": "warning",
                                  "message": {"text": f"{r.path}: {s.check} not checked: {s.reason}"},
                                  "associatedRule": {"id": s.check, "index": rule_index.get(s.check, -1)},
                                  "locations": where})
        for c in r.crashed:
            notifications.append({"level": "error",
                                  "message": {"text": f"{r.path}: {c.check} crashed: {c.error} — {CRASH_NOTE}"},
                                  "associatedRule": {"id": c.check, "index": rule_index.get(c.check, -1)},
                                  "locations": where})
        for f in r.findings:
            location: dict = {"physicalLocation": {"artifactLocation": {"uri": uri, "index": index}}}
            if f.path:
                location["logicalLocations"] = [{"fullyQualifiedName": f.path, "name": f.path.rsplit("/", 1)[-1],
                                                 "kind": "element"}]
            result: dict[str, object] = {
                "ruleId": f.check,
                "level": f.severity,
                "message": {"text": f.message + (f" — {f.fix}" if f.fix else "")},
                "locations": [location],
                "properties": {k: v for k, v in (("page", f.page), ("object", f.object), ("fix", f.fix)) if v},
            }
            if f.check in rule_index:
                result["ruleIndex"] = rule_index[f.check]
            sarif_results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": TOOL, "version": __version__, "rules": sarif_rules()}},
            "invocations": [{"executionSuccessful": not any(r.error or r.crashed for r in results),
                             "toolExecutionNotifications": notifications}],
            "artifacts": artifacts,
            "results": sarif_results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"text": format_text, "json": format_json, "sarif": format_sarif}
