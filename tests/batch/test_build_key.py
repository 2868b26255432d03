"""The build cache rebuilds what its inputs alone do not decide: a library upgrade, another press profile
file, SOURCE_DATE_EPOCH."""

import pytest

from tagprint import tool


@pytest.fixture
def fresh_key():
    tool.build_key.cache_clear()
    yield
    tool.build_key.cache_clear()


def _statuses(project, capsys) -> list[str]:
    from tagprint.commands.cli import main

    tool.build_key.cache_clear()
    assert main(["--root", str(project.root), "build", "test"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()[1:-1]
    return ["up to date" if "up to date" in row else "built" if " built " in row else row for row in rows]


def test_a_changed_build_environment_rebuilds(project, capsys, monkeypatch, fresh_key):
    project.layout()
    project.content("body:\n  - type: paragraph\n    text: Hello\n")
    assert _statuses(project, capsys) == ["built"]
    assert _statuses(project, capsys) == ["up to date"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _statuses(project, capsys) == ["built"]
    assert _statuses(project, capsys) == ["up to date"]
    upgraded = {**tool.libraries(), "reportlab": "99.0"}
    monkeypatch.setattr(tool, "libraries", lambda: upgraded)
    assert _statuses(project, capsys) == ["built"]
