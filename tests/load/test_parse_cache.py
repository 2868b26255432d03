"""A process reads each unchanged layout, theme and content file once: a second load reuses the parse,
an edited file is parsed anew, and a file with variant placeholders is parsed per variant."""

from __future__ import annotations

import pytest

from tagprint.load import project as loading
from tagprint.load.project import load

BODY = "body:\n  - type: heading\n    level: 1\n    text: {}\n"


@pytest.fixture
def composed(monkeypatch):
    seen = []
    real = loading.load_yaml
    monkeypatch.setattr(loading, "load_yaml", lambda path, shown, **options: seen.append(shown) or real(path, shown, **options))
    monkeypatch.setattr(loading, "_PARSED", {})
    return seen


def test_unchanged_files_are_parsed_once(project, composed):
    layout = project.layout()
    project.content(BODY.format("First"))
    load(project.root, layout)
    assert len(composed) == 3                       # layout, theme, content
    load(project.root, layout)
    assert len(composed) == 3
    project.content(BODY.format("Second"))          # edited: parsed anew, and the new text is what loads
    loaded = load(project.root, layout)
    assert composed[3:] == ["content/test.yaml"]
    _, blocks = loaded.content["body"]
    assert blocks[0].text == "Second"


def test_placeholders_are_filled_per_variant(project, composed):
    layout = project.layout()
    project.content(BODY.format("For {{market}}"))
    texts = []
    for market in ("Spain", "Chile", "Spain"):
        _, blocks = load(project.root, layout, {"id": market.lower(), "market": market}).content["body"]
        texts.append(blocks[0].text)
    assert texts == ["For Spain", "For Chile", "For Spain"]
    assert composed.count("content/test.yaml") == 3
