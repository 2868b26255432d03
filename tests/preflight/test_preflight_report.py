"""The three report formats, the exit-code policy, and the command-line handlers."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from pdf_surgery import edited, element, sample, sample_bytes  # noqa: F401 - fixtures

from tagprint.preflight import check_files, register_cli
from tagprint.preflight.checks import REGISTRY
from tagprint.preflight.findings import Finding
from tagprint.preflight.report import FileResult, exit_code, finding_line


@pytest.fixture
def broken(sample_bytes, tmp_path) -> Path:
    """The sample with its figure's /Alt removed: one finding, with page, object and structure path."""
    def change(pdf):
        del element(pdf, "Figure")["/Alt"]
    return edited(sample_bytes, tmp_path / "broken.pdf", change)


@pytest.fixture
def not_a_pdf(tmp_path) -> Path:
    path = tmp_path / "notes.pdf"
    path.write_text("just some notes")
    return path


def test_text_line_format():
    f = Finding("FIG-ALT", "error", "Figure has no /Alt", page=2, object="12 0 R", path="Document/Sect[2]/Figure[1]",
                fix="add /Alt")
    assert finding_line("a.pdf", f) == \
        "a.pdf: page 2 [12 0 R] (Document/Sect[2]/Figure[1]): FIG-ALT error: Figure has no /Alt — add /Alt"
    assert finding_line("a.pdf", Finding("LANG", "error", "no /Lang", fix="set it")) == \
        "a.pdf: LANG error: no /Lang — set it"


def test_text_report(broken):
    report, code = check_files([broken], "text")
    lines = report.splitlines()
    assert code == 1
    assert lines[0].startswith(f"{broken}: page 1 [")
    assert "(Document/Sect[1]/Figure[1]): FIG-ALT error: Figure has no /Alt and no /ActualText — add /Alt" in lines[0]
    assert lines[-1] == "1 file(s) checked: 1 error(s), 0 warning(s)"


def test_json_report(broken, sample):
    report, code = check_files([broken, sample], "json")
    data = json.loads(report)
    assert code == 1 and data["exit_code"] == 1
    first, second = data["files"]
    assert first["file"] == str(broken) and first["usable"] and first["errors"] == 1
    (finding,) = first["findings"]
    assert finding["check"] == "FIG-ALT" and finding["severity"] == "error" and finding["page"] == 1
    assert set(finding) == {"check", "severity", "message", "page", "object", "path", "fix"}
    assert second["findings"] == []


def test_sarif_report(broken, not_a_pdf):
    report, code = check_files([broken, not_a_pdf], "sarif")
    log = json.loads(report)
    assert code == 2
    assert log["version"] == "2.1.0" and "sarif" in log["$schema"]
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(REGISTRY)
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    (result,) = run["results"]
    assert result["ruleId"] == "FIG-ALT" and result["level"] == "error"
    assert rules[result["ruleIndex"]]["id"] == "FIG-ALT"
    assert result["message"]["text"].startswith("Figure has no /Alt")
    (location,) = result["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == broken.resolve().as_uri()
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "Document/Sect[1]/Figure[1]"
    assert result["properties"]["page"] == 1
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    texts = [n["message"]["text"] for n in invocation["toolExecutionNotifications"] if n["level"] == "error"]
    assert texts == [f"{not_a_pdf}: not a PDF (no %PDF- header in the first 1024 bytes)"]


def test_exit_codes(sample, broken, not_a_pdf):
    assert check_files([sample])[1] == 0
    assert check_files([broken])[1] == 1
    assert check_files([not_a_pdf])[1] == 2
    assert check_files([sample, broken, not_a_pdf])[1] == 2  # unusable input wins


def test_warnings_alone_do_not_fail_unless_asked():
    warned = [FileResult(Path("a.pdf"), [Finding("TABLE-STRUCT", "warning", "no TH")])]
    assert exit_code(warned) == 0
    assert exit_code(warned, fail_on="warning") == 1


def test_unknown_format_is_refused(sample):
    with pytest.raises(ValueError, match="unknown format"):
        check_files([sample], "xml")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser()
    register_cli(p.add_subparsers(dest="command"))
    return p


def test_check_command(broken, capsys):
    args = parser().parse_args(["check", str(broken), "--format", "json"])
    assert args.handler(args) == 1
    assert json.loads(capsys.readouterr().out)["files"][0]["errors"] == 1


def test_read_command(sample, capsys):
    args = parser().parse_args(["read", str(sample)])
    assert args.handler(args) == 0
    assert capsys.readouterr().out.splitlines()[0] == "heading level 1: Preflight sample"


def test_read_command_on_unusable_input(not_a_pdf, capsys):
    args = parser().parse_args(["read", str(not_a_pdf)])
    assert args.handler(args) == 2
    assert "unusable" in capsys.readouterr().err


def test_read_command_without_espeak(sample, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("shutil.which", lambda name: None)
    args = parser().parse_args(["read", str(sample), "--speak", str(tmp_path / "out.wav")])
    assert args.handler(args) == 1
    captured = capsys.readouterr()
    assert "espeak-ng is not installed" in captured.err
    assert captured.out.startswith("heading level 1")


def test_a_check_that_cannot_run_is_a_note_not_a_finding(sample, monkeypatch):
    import tagprint.preflight.checks.fonts as fonts
    monkeypatch.setattr(fonts, "HAVE_FONTTOOLS", False)
    report, code = check_files([sample], "text")
    assert code == 0
    assert f"{sample}: FONT-NOTDEF not checked: the Python package fontTools" in report
    data = json.loads(check_files([sample], "json")[0])
    assert data["files"][0]["findings"] == [] and data["files"][0]["not_checked"][0]["check"] == "FONT-NOTDEF"


@pytest.fixture
def crashing_check(monkeypatch):
    """A registered check that raises on every file, as a check meeting an object it does not expect does."""
    from tagprint.preflight.checks import Check

    def explode(doc):
        raise KeyError("/Unexpected")
    monkeypatch.setitem(REGISTRY, "BOOM", Check("BOOM", "explodes", standard="-", help="-", run=explode))
    return "BOOM"


def test_a_crashing_check_is_its_own_outcome_not_a_finding(sample, crashing_check):
    report, code = check_files([sample], "text")
    assert code == 3
    lines = report.splitlines()
    assert lines[0].startswith(f"{sample}: BOOM crashed: KeyError: '/Unexpected' (at explode:")
    assert lines[0].endswith("— a defect of the preflight, not of the file; please report it with the PDF")
    assert lines[-1] == "1 file(s) checked: 0 error(s), 0 warning(s), 1 check(s) crashed"
    data = json.loads(check_files([sample], "json")[0])
    assert data["exit_code"] == 3 and data["files"][0]["findings"] == []
    assert data["files"][0]["crashed"][0]["check"] == "BOOM"
    sarif = json.loads(check_files([sample], "sarif")[0])
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "BOOM crashed" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    assert sarif["runs"][0]["results"] == []


def test_exit_code_precedence_with_a_crash(sample, broken, not_a_pdf, crashing_check):
    assert check_files([broken])[1] == 3           # the file has an error, and a check crashed: 3 wins over 1
    assert check_files([sample, not_a_pdf])[1] == 2  # unusable input wins over a crash


def test_a_crash_fails_the_build_time_preflight(sample_bytes, crashing_check):
    from tagprint.preflight.in_build import check_built
    from tagprint.verify import VerifyError
    with pytest.raises(VerifyError, match="BOOM: the check crashed: KeyError"):
        check_built(sample_bytes)


def test_fail_on_warning_from_the_command_line(tmp_path, capsys):
    from other_generators import fixture, struct_elements, variant

    def unlisted(pdf):  # TH cells with neither /Scope nor /Headers: two warnings, no error
        for td in struct_elements(pdf, "TD"):
            del td.A["/Headers"]
    path = variant("weasyprint-article.pdf", tmp_path / "warned.pdf", unlisted)
    for options, code in (((), 0), (("--fail-on", "warning"), 1), (("--fail-on", "error"), 0)):
        args = parser().parse_args(["check", str(path), *options])
        assert args.handler(args) == code
    assert "0 error(s), 2 warning(s)" in capsys.readouterr().out
    args = parser().parse_args(["check", str(fixture("weasyprint-article.pdf")), "--fail-on", "warning"])
    assert args.handler(args) == 0
