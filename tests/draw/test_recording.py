"""Illustrations are drawn once per parameter set in a process and replayed after: the replay writes the
same bytes as drawing anew, in every profile, and a change of parameters or theme draws anew."""

from __future__ import annotations

from pathlib import Path

import pytest

from tagprint import illustrations
from tagprint.draw import recording
from tagprint.pipeline import prepare, render
from tagprint.profiles import get

REPO = Path(__file__).resolve().parents[2]
GALLERY = REPO / "layouts" / "illustration-gallery.yaml"


@pytest.fixture
def counted(monkeypatch):
    """How often each illustration kind really computes its drawing."""
    calls: dict[str, int] = {}
    for name, kind in illustrations.kinds().items():
        def draw(sketch, params, box, theme, _real=kind.draw, _name=name):
            calls[_name] = calls.get(_name, 0) + 1
            return _real(sketch, params, box, theme)
        monkeypatch.setattr(kind, "draw", draw)
    monkeypatch.setattr(recording, "_RECORDED", recording.OrderedDict())
    return calls


@pytest.mark.parametrize("profile", ["screen", "print"])
def test_a_replayed_drawing_writes_the_same_bytes(counted, profile):
    first = render(prepare(REPO, GALLERY), get(profile)).data
    drawn = dict(counted)
    assert set(drawn) == set(illustrations.kinds())  # the gallery shows every kind
    again = render(prepare(REPO, GALLERY), get(profile)).data
    assert counted == drawn                           # nothing computed the second time
    assert again == first
    recording._RECORDED.clear()                       # and drawing anew gives the same bytes
    assert render(prepare(REPO, GALLERY), get(profile)).data == first


def test_another_theme_draws_anew(counted):
    prepared = prepare(REPO, GALLERY)
    render(prepared, get("screen"))
    before = sum(counted.values())
    theme = prepared.document.theme
    theme.colors["primary"] = (0.5, 0.1, 0.1)
    render(prepared, get("screen"))
    assert sum(counted.values()) > before
