"""The batch's report: a bug in one document is a row, not a traceback; each problem once; the output
folder as the user named it."""

from __future__ import annotations

from conftest import MINIMAL_LAYOUT
from tagprint.commands.cli import main

HEADING = "body:\n  - type: heading\n    level: 1\n    text: T\n"


def _two_layouts(project) -> None:
    project.content(HEADING)
    project.layout(MINIMAL_LAYOUT, name="one")
    project.layout(MINIMAL_LAYOUT, name="two")


def test_a_crash_in_one_document_fails_that_row_only(project, capsys, monkeypatch):
    import tagprint.pipeline as pipeline

    real = pipeline.render

    def render(prepared, profile, output=""):
        if prepared.document.name == "one":
            raise OSError("the disk said no")
        return real(prepared, profile, output)

    monkeypatch.setattr(pipeline, "render", render)
    _two_layouts(project)
    code = main(["--root", str(project.root), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert "Traceback" not in err
    rows = {line.split()[0]: line for line in out.splitlines()[1:-1]}
    assert "failed" in rows["one"] and "built" in rows["two"]
    assert "internal error while building this document (OSError: the disk said no)" in err
    assert (project.root / "output" / "two.pdf").is_file() and not (project.root / "output" / "one.pdf").exists()


def test_a_content_file_shared_by_two_layouts_has_its_problems_once(project, capsys):
    project.content(HEADING + "  - type: paragraf\n    text: Hi\n")
    project.layout(MINIMAL_LAYOUT, name="one")
    project.layout(MINIMAL_LAYOUT, name="two")
    code = main(["--root", str(project.root), "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("unknown block type 'paragraf'") == 1, err
    assert "1 problem(s) in one, two" in err


def test_the_output_folder_is_shown_as_given(project, capsys, monkeypatch):
    project.content(HEADING)
    project.layout(MINIMAL_LAYOUT, name="one")
    monkeypatch.chdir(project.root)
    assert main(["--output", "elsewhere/pdfs/", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "built → elsewhere/pdfs/one.pdf" in out and "output/" not in out
    assert (project.root / "elsewhere" / "pdfs" / "one.pdf").is_file()


def test_an_output_folder_that_cannot_be_written_is_a_problem_not_a_traceback(project, capsys):
    project.content(HEADING)
    project.layout(MINIMAL_LAYOUT, name="one")
    blocked = project.root / "not-a-folder"
    blocked.write_text("a file where the output folder should be")
    code = main(["--root", str(project.root), "--output", str(blocked), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err  # not the input's fault: exit 1, the row says why
    assert "failed" in out.splitlines()[1]
    assert "cannot write not-a-folder/one.pdf" in err and "writable folder" in err


def test_a_failed_in_build_check_is_one_problem_per_finding_with_its_id_page_and_fix(project, capsys, monkeypatch):
    """A PDF that fails the preflight's in-build checks is not written, exits 1 (a bug of ours), and says
    each finding whole: the check id, the page, the message (however long, on one line) and the fix."""
    import dataclasses

    from tagprint.preflight.checks import REGISTRY
    from tagprint.preflight.findings import ERROR, Finding

    long = "the figure's alternate text is missing " + "and this sentence goes on " * 15 + "to its very end"
    findings = [Finding("FIG-ALT", ERROR, long, page=1, path="Document/Figure[1]", fix="give the figure alt text"),
                Finding("FIG-ALT", ERROR, "a second figure has none either", page=1, fix="describe it too")]
    monkeypatch.setitem(REGISTRY, "FIG-ALT", dataclasses.replace(REGISTRY["FIG-ALT"], run=lambda doc: findings))
    project.content(HEADING)
    project.layout(MINIMAL_LAYOUT, name="one")
    code = main(["--root", str(project.root), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert "failed" in out.splitlines()[1] and not (project.root / "output" / "one.pdf").exists()
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2, err
    assert "in-build check FIG-ALT" in errors[0] and "[the screen PDF, page 1]" in errors[0]
    assert long in errors[0], "the finding's message is cut off"
    assert "— give the figure alt text; this is a bug in tagprint" in errors[0]
    assert "a second figure has none either" in errors[1] and "describe it too" in errors[1]
    assert "Finding(" not in err and "2 problem(s) in one" in err
