"""The batch's report: a bug in one document is a row, not a traceback; each problem once; the output
folder as the user named it."""

from __future__ import annotations

from conftest import MINIMAL_LAYOUT
from tagprint.cli import main

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
