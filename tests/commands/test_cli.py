"""The command line as a user runs it: a real process, its exit codes and what it leaves in output/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import MINIMAL_LAYOUT

REPO = Path(__file__).resolve().parents[2]
GOOD = "body:\n  - type: heading\n    level: 1\n    text: Hello\n"


def render(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(REPO / "render.py"), *args], cwd=cwd, capture_output=True,
                          text=True, env=env)


def pdfs(project) -> list[str]:
    return sorted(p.name for p in (project.root / "output").glob("*.pdf"))


def test_no_argument_builds_every_layout_and_prints_a_line_each(project):
    project.layout(name="one")
    project.layout(name="two")
    project.content(GOOD)
    run = render(cwd=project.root)
    assert run.returncode == 0, run.stderr
    header, *rows, summary = run.stdout.strip().splitlines()
    assert header.split() == ["document", "profile", "pages", "bytes", "ms", "status"]
    assert len(rows) == 2
    for row, name in zip(rows, ("one", "two")):
        document, profile, pages, size, ms, status, arrow, target = row.split()
        assert (document, profile, pages, status, target) == (name, "screen", "1", "built", f"output/{name}.pdf")
        assert int(size.replace(",", "")) == (project.root / "output" / f"{name}.pdf").stat().st_size
        assert int(ms) > 0
    assert summary.startswith("2 documents in ") and summary.endswith("2 built")
    assert pdfs(project) == ["one.pdf", "two.pdf"]


def test_build_names_one_layout(project):
    project.layout(name="one")
    project.layout(name="two")
    project.content(GOOD)
    run = render("build", "two", cwd=project.root)
    assert run.returncode == 0, run.stderr
    assert pdfs(project) == ["two.pdf"]


def test_profile_option_builds_that_profile_of_the_layouts_that_list_it(project):
    """`--profile email` builds the email PDF of a layout that lists email, and nothing of one that does
    not (it is not forced on a layout whose author never asked for it); twice, the second run is a no-op."""
    project.layout(MINIMAL_LAYOUT + "profiles: [screen, email]\n", name="mailed")
    project.layout(name="screen-only")
    project.content(GOOD)
    for status in ("built", "up to date"):
        run = render("--profile", "email", cwd=project.root)
        assert run.returncode == 0, run.stderr
        rows = run.stdout.strip().splitlines()[1:-1]
        assert [row.split()[:2] for row in rows] == [["mailed", "email"]] and status in rows[0]
    assert pdfs(project) == ["mailed-email.pdf"]
    run = render("--profile", "print", cwd=project.root)
    assert run.returncode == 0 and "nothing to build: no layout lists the print profile" in run.stderr
    assert pdfs(project) == ["mailed-email.pdf"]


def test_list(project):
    project.layout(name="one")
    run = render("list", cwd=project.root)
    assert run.returncode == 0 and run.stdout.split() == ["layouts/one.yaml"]


def test_help():
    run = render("--help", cwd=REPO)
    assert run.returncode == 0 and "build" in run.stdout and "list" in run.stdout


def test_unknown_layout_is_bad_input(project):
    project.layout(name="one")
    run = render("build", "nope", cwd=project.root)
    assert run.returncode == 2
    assert "nope: no such layout — use one of: one" in run.stderr


def test_one_bad_layout_does_not_stop_the_others_and_is_not_written(project):
    project.layout(name="good")
    project.layout(MINIMAL_LAYOUT.replace("[body]", "[missing]"), name="bad")
    project.content(GOOD)
    run = render(cwd=project.root)
    assert run.returncode == 2
    assert "layouts/bad.yaml:" in run.stderr and "no content with id 'missing'" in run.stderr
    assert "bad  " in run.stdout and "failed" in run.stdout
    assert pdfs(project) == ["good.pdf"]


def test_a_single_bad_layout_writes_nothing(project):
    project.layout(MINIMAL_LAYOUT.replace("[body]", "[missing]"), name="bad")
    project.content(GOOD)
    run = render(cwd=project.root)
    assert run.returncode == 2
    assert [p for p in (project.root / "output").rglob("*") if p.is_file()] == []


def test_an_internal_error_exits_1_and_leaves_no_partial_file(project):
    project.layout()
    project.content(GOOD)
    (project.root / "output").mkdir()
    (project.root / "output" / "test.pdf").mkdir()  # a folder where the PDF should go: the rename fails
    run = render(cwd=project.root)
    assert run.returncode == 1
    assert "cannot write output/test.pdf" in run.stderr and "Traceback" not in run.stderr
    leftovers = [p.name for p in (project.root / "output").iterdir() if p.name != "test.pdf"]
    assert leftovers == []


def test_a_python_without_the_libraries_is_told_how_to_get_them(monkeypatch, capsys):
    """Run with a Python that lacks a library (e.g. the system one instead of .venv): one clear line naming
    the library and the fix, exit 1, no traceback."""
    from tagprint.commands import cli
    monkeypatch.setitem(cli.LIBRARIES, "tagprint_no_such_module", "no-such-package")
    assert cli.main(["list"]) == 1
    err = capsys.readouterr().err
    assert "(no-such-package)" in err and "make build" in err and ".venv/bin/python render.py" in err
    assert "Traceback" not in err


def test_a_root_that_does_not_exist_is_an_error_not_an_empty_build(tmp_path):
    for args in ([], ["list"]):
        run = render("--root", str(tmp_path / "no-such-project"), *args, cwd=tmp_path)
        assert run.returncode == 2, run
        assert "no such folder" in run.stderr


def test_a_reviewer_key_with_no_password_and_no_terminal_is_one_clear_problem(project, tmp_path):
    assert render("keys", "ca", cwd=project.root).returncode == 0
    env = {k: v for k, v in os.environ.items() if k != "TAGPRINT_KEY_PASSWORD"}
    run = subprocess.run([sys.executable, str(REPO / "render.py"), "keys", "reviewer", "--name", "Dr Quinn",
                          "--out", str(tmp_path / "quinn.p12")], cwd=project.root, capture_output=True, text=True,
                         env={**env, "PYTHONPATH": str(REPO)}, stdin=subprocess.DEVNULL)
    assert run.returncode == 2, run
    assert "TAGPRINT_KEY_PASSWORD" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "quinn.p12").exists()


def test_the_accepted_line_names_a_few_documents_and_counts_the_rest(capsys):
    """A library of variants accepts the same placeholders in every document: the one line names three of
    them and counts the others, instead of listing hundreds of names."""
    from tagprint.batch.outcome import Outcome
    from tagprint.commands.cli import _print_warnings
    from tagprint.errors import Problem, Where

    accepted = [Problem(Where("content/a.yaml", 3, 1), "placeholder text", "replace it", "placeholder:body[0]")]
    outcomes = [Outcome("layouts/a.yaml", f"a-m{i:04d}", "screen", "built", accepted=accepted) for i in range(40)]
    _print_warnings(outcomes)
    err = capsys.readouterr().err
    assert "accepted by the layout (a-m0000, a-m0001, a-m0002 and 37 more documents): 1 warning(s) " \
           "placeholder:body[0]" in err
    assert "a-m0003" not in err
