"""Families resolved in this process: the four styles of a family found once; a theme's files per style,
a missing style borrowing the nearest; a missing or unreadable file a FontMissing that names it."""

from __future__ import annotations

import pytest
from conftest import REPO

from tagprint.fonts import FAMILIES, STYLE_KEYS, FontMissing, Source, families, resolve, resolved, source

HEROS = REPO / "fonts"


@pytest.fixture(autouse=True)
def _own_record(monkeypatch):
    """Families resolved here are forgotten after: they would become fallbacks for the other tests."""
    monkeypatch.setattr(families, "_RESOLVED", dict(families._RESOLVED))


def test_a_family_is_resolved_to_its_four_styles_and_remembered():
    styles = resolve("TeX Gyre Heros", REPO)
    assert set(styles) == set(STYLE_KEYS.values())
    assert styles[(True, True)] == Source(HEROS / "texgyreheros-bolditalic.otf")
    assert resolved()["TeX Gyre Heros"] is styles and source("TeX Gyre Heros", True, False).path.name == (
        "texgyreheros-bold.otf")


def test_a_style_without_a_file_borrows_the_nearest_one():
    files = {"regular": HEROS / "texgyreheros-regular.otf", "bold": HEROS / "texgyreheros-bold.otf"}
    styles = resolve("Heros Two Files", None, files)
    assert styles[(False, True)] == styles[(False, False)] and styles[(True, True)] == styles[(True, False)]


def test_a_missing_or_unreadable_file_is_named(tmp_path):
    with pytest.raises(FontMissing, match="the file nope.otf named for its bold style does not exist"):
        resolve("Broken", None, {"bold": tmp_path / "nope.otf"})
    (tmp_path / "text.otf").write_text("not a font")
    with pytest.raises(FontMissing, match="text.otf is not a TrueType or OpenType font") as caught:
        resolve("Broken", None, {"regular": tmp_path / "text.otf"})
    assert caught.value.family == "Broken"


def test_families_known_by_name_list_the_defaults_and_those_resolved():
    resolve("TeX Gyre Heros", REPO)
    assert "Atkinson Hyperlegible" in FAMILIES and "TeX Gyre Heros" in list(FAMILIES)
    find, how = FAMILIES["TeX Gyre Heros"]
    assert find("Bold") == [HEROS / "texgyreheros-bold.otf"] and "fonts/" in how
    assert FAMILIES.get("No Such Family") is None
