"""Messages of the YAML reader: tabs, empty files, aliases, and files too large to parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from tagprint.errors import InputError
from tagprint.load import yaml_source
from tagprint.load.yaml_source import load_yaml


def problems_of(tmp_path: Path, text: str) -> list:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path, "content/c.yaml")
    return caught.value.problems


@pytest.mark.parametrize("text, line, col", [
    ("body:\n  - type: heading\n\tlevel: 1\n", 3, 1),       # a tab that indents a key
    ("body:\n\t- type: heading\n", 2, 1),                    # a tab before a list item
    ("body:\n  - type: heading\n    text: A\n\t\n    level: 1\n", 4, 1),
])
def test_a_tab_is_named_at_its_own_line(tmp_path, text, line, col):
    [problem] = problems_of(tmp_path, text)
    assert (problem.where.line, problem.where.col) == (line, col)
    assert "tab" in problem.message and "spaces" in problem.fix


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_an_empty_file_says_so(tmp_path, text):
    [problem] = problems_of(tmp_path, text)
    assert problem.message == "the file is empty" and problem.where.line == 1


def test_each_alias_is_reported_once_at_its_use(tmp_path):
    text = ("shared: &block\n  - type: paragraph\n    text: Hi\n"
            "one: *block\n"
            "two:\n  - type: paragraph\n    text: &t Hello\n  - type: paragraph\n    text: *t\n"
            "three: *block\n")
    problems = problems_of(tmp_path, text)
    places = [(p.where.line, p.where.col, p.where.path) for p in problems]
    assert places == [(4, 6, "one"), (9, 11, "two[1].text"), (10, 8, "three")]
    assert all("*block" in p.message or "*t" in p.message for p in problems)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:  # 50 MB, sparse: nothing is really written
        fh.truncate(50 * 1024 * 1024)

    def never(*args, **kwargs):
        raise AssertionError("a file over the limit was parsed")

    monkeypatch.setattr(yaml_source.yaml, "compose", never)
    monkeypatch.setattr(Path, "read_text", never)
    with pytest.raises(InputError) as caught:
        load_yaml(path, "content/huge.yaml")
    [problem] = caught.value.problems
    assert problem.where.file == "content/huge.yaml"
    assert "52.4 MB" in problem.message and "4 MB" in problem.message


def test_a_folder_named_like_a_yaml_file_is_a_problem_not_a_crash(project, capsys):
    from tagprint.commands.cli import main

    project.layout()
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n")
    (project.root / "content" / "notes.yaml").mkdir()
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "content/notes.yaml: the file cannot be read" in err and "Traceback" not in err


def test_an_empty_content_file_is_no_content_and_an_empty_layout_is_a_problem(project, capsys):
    from conftest import MINIMAL_LAYOUT
    from tagprint.commands.cli import main

    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n")
    project.content("", name="later")  # a content file started but not written yet
    project.layout(MINIMAL_LAYOUT)
    project.layout("", name="blank")
    assert main(["--root", str(project.root)]) == 2
    out, err = capsys.readouterr()
    assert "built" in [line for line in out.splitlines() if line.startswith("test ")][0]
    assert "layouts/blank.yaml:1:1: the file is empty" in err and "1 problem(s) in blank" in err


def test_a_huge_content_file_is_refused_by_the_build_without_being_read(project, monkeypatch):
    """Through the loader a build uses (with its parse cache): the size is looked at, the bytes never read."""
    from tagprint.pipeline import build

    project.layout()
    project.content("body:\n  - type: paragraph\n    text: Hello\n")
    with (project.root / "content" / "huge.yaml").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    real_read_bytes, real_read_text = Path.read_bytes, Path.read_text

    def guarded(real):
        def read(self, *args, **kwargs):
            if self.name == "huge.yaml":
                raise AssertionError("a file over the limit was read")
            return real(self, *args, **kwargs)
        return read

    monkeypatch.setattr(Path, "read_bytes", guarded(real_read_bytes))
    monkeypatch.setattr(Path, "read_text", guarded(real_read_text))
    with pytest.raises(InputError) as caught:
        build(project.root, project.root / "layouts" / "test.yaml")
    assert any(p.where.file == "content/huge.yaml" and "52.4 MB" in p.message for p in caught.value.problems)
