"""Font discovery: the faces a folder's files hold (read from their name and OS/2 tables), the face that
serves each style, and the did-you-mean for a family no folder has."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO
from fontTools.ttLib import TTFont

from tagprint.fonts import Entry, Source, did_you_mean_family, entries_in, fs_type, pick, search_dirs, wheel_dirs


def test_the_projects_fonts_folder_is_read_by_the_files_tables():
    entries = {(e.family, e.bold, e.italic, e.variable) for e in entries_in(REPO / "fonts")}
    assert entries == {("TeX Gyre Heros", b, i, False) for b in (False, True) for i in (False, True)}
    regular = next(e for e in entries_in(REPO / "fonts") if not e.bold and not e.italic)
    assert regular.weight == TTFont(str(regular.source.path))["OS/2"].usWeightClass


def test_folders_are_searched_project_first_then_the_font_wheels():
    dirs = search_dirs(REPO)
    assert dirs[0] == REPO / "fonts" and dirs[1 : 1 + len(wheel_dirs())] == wheel_dirs()
    assert any("fontpkg_atkinson_hyperlegible" in str(d) for d in wheel_dirs())


def _entry(path: str, bold: bool, italic: bool, weight: int, variable: bool = False) -> Entry:
    return Entry("Family", bold, italic, weight, variable, Source(Path(path)))


def test_pick_takes_the_static_face_of_the_style_else_the_variable_font_at_its_weight():
    statics = [_entry("r.ttf", False, False, 400), _entry("b.ttf", True, False, 700), _entry("i.ttf", False, True, 400)]
    assert pick(statics, True, False) == Source(Path("b.ttf"))
    assert pick(statics, True, True) == Source(Path("b.ttf"))  # no bold italic: the upright bold
    variable = [_entry("v.ttf", False, False, 400, variable=True)]
    assert pick(variable, True, False, weights=(350, 650)) == Source(Path("v.ttf"), 0, 650)
    assert pick(variable, False, False, weights=(350, 650)) == Source(Path("v.ttf"), 0, 350)


def test_pick_is_given_at_least_one_face():
    with pytest.raises(ValueError, match="given none"):
        pick([], False, False)


def test_a_misspelt_family_gets_the_close_names_and_how_to_add_one():
    hint = did_you_mean_family("Atkinsen Hyperlegible", REPO)
    assert hint.startswith("did you mean 'Atkinson Hyperlegible'?") and "fonts/ folder" in hint


def test_fs_type_reads_the_embedding_bits_again_when_the_file_changes(tmp_path):
    font = TTFont(str(REPO / "fonts" / "texgyreheros-regular.otf"))
    path = tmp_path / "f.otf"
    font["OS/2"].fsType = 0
    font.save(str(path))
    assert fs_type(Source(path)) == 0
    font["OS/2"].fsType = 0x0002
    font.save(str(path))
    import os
    os.utime(path, ns=(1, 10**18))  # a new stamp, whatever the clock's resolution
    assert fs_type(Source(path)) == 0x0002
