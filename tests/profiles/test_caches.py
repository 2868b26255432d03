"""Caches keyed by what makes them: a press profile by its file's stamp, a palette by its value, a recorded
illustration by its kind, parameters, size and theme."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from PIL import Image

from conftest import REPO
from tagprint.draw.recording import Drawn
from tagprint.model import Press, Recipe
from tagprint.pipeline import prepare
from tagprint.profiles import ImagePolicy, images
from tagprint.profiles.color import cmyk_icc, cmyk_to_lab, cmyk_to_rgb, icc_description, rgb_to_cmyk
from tagprint.profiles.press import CONDITIONS, PressPalette, _ink, black_for

ICC = REPO / "tagprint" / "profiles" / "icc"
NAVY = (0.12, 0.22, 0.45)


def _replace(path: Path, source: Path) -> None:
    """Another profile at the same path, as an editor or `cp` leaves it (a new file, maybe same mtime)."""
    path.write_bytes(source.read_bytes())


def test_a_replaced_press_profile_is_read_again(tmp_path):
    icc = tmp_path / "press.icc"
    shutil.copy(ICC / "fogra39.icc", icc)
    before = (cmyk_icc(icc), rgb_to_cmyk(NAVY, icc), cmyk_to_lab((0.5, 0.2, 0.0, 0.1), icc),
              cmyk_to_rgb((0.5, 0.2, 0.0, 0.1), icc), black_for(40.0, icc))
    _replace(icc, ICC / "cgats-tr005.icc")
    after = (cmyk_icc(icc), rgb_to_cmyk(NAVY, icc), cmyk_to_lab((0.5, 0.2, 0.0, 0.1), icc),
             cmyk_to_rgb((0.5, 0.2, 0.0, 0.1), icc), black_for(40.0, icc))
    assert icc_description(before[0]) != icc_description(after[0])
    assert after[0] == (ICC / "cgats-tr005.icc").read_bytes()
    for old, new in zip(before[1:4], after[1:4]):
        assert old != new  # each conversion went through the new profile
    fresh = tmp_path / "fresh.icc"  # and gives what a process that never saw the old one gives
    shutil.copy(ICC / "cgats-tr005.icc", fresh)
    assert after[1:] == (rgb_to_cmyk(NAVY, fresh), cmyk_to_lab((0.5, 0.2, 0.0, 0.1), fresh),
                         cmyk_to_rgb((0.5, 0.2, 0.0, 0.1), fresh), black_for(40.0, fresh))


def _custom_theme(icc: Path):
    theme = prepare(REPO, REPO / "layouts" / "kineret-dtt-ra.yaml").document.theme
    return replace(theme, press=Press("custom", 3.0, {}, str(icc)))


def test_a_palette_prints_through_the_replaced_profile(tmp_path):
    icc = tmp_path / "press.icc"
    shutil.copy(ICC / "fogra39.icc", icc)
    theme = _custom_theme(icc)
    before = PressPalette(theme).ink(NAVY)
    _replace(icc, ICC / "cgats-tr005.icc")
    after = PressPalette(theme).ink(NAVY)
    assert before.how == after.how == "profile" and before.cmyk != after.cmyk


def test_palettes_are_equal_by_value_and_share_their_inks():
    theme = prepare(REPO, REPO / "layouts" / "kineret-dtt-ra.yaml").document.theme
    first, second = PressPalette(theme), PressPalette(theme)
    assert first is not second and first == second and hash(first) == hash(second)
    first.ink(NAVY)
    hits = _ink.cache_info().hits
    assert second.ink(NAVY) == first.ink(NAVY) and _ink.cache_info().hits >= hits + 1  # no new computation
    assert first.ink(NAVY) is first.ink(NAVY)  # and a palette answers a colour it has seen by itself
    limited = replace(theme, press=replace(theme.press, ink_limit=2.4))
    assert PressPalette(limited) != first
    recipe = replace(theme, press=replace(theme.press, recipes={"primary": Recipe((1.0, 0.7, 0.0, 0.5))}))
    assert PressPalette(recipe) != first
    other = replace(theme, press=replace(theme.press, condition="cgats-tr005"))
    assert PressPalette(other) != first and PressPalette(other).condition == CONDITIONS["cgats-tr005"]


def test_a_prepared_photo_is_separated_again_with_a_replaced_profile(tmp_path):
    icc = tmp_path / "press.icc"
    shutil.copy(ICC / "fogra39.icc", icc)
    photo = tmp_path / "photo.png"
    Image.new("RGB", (60, 40), (30, 60, 140)).save(photo)
    policy = ImagePolicy(cmyk=True, quality=90, icc=icc)
    before = images.prepare(photo, (60.0, 40.0), policy)
    _replace(icc, ICC / "cgats-tr005.icc")
    after = images.prepare(photo, (60.0, 40.0), policy)
    assert before.data != after.data


def test_a_recording_is_keyed_by_value():
    theme = prepare(REPO, REPO / "layouts" / "kineret-dtt-ra.yaml").document.theme
    key = Drawn.of("dots", ("params",), 100.0, 50.0, theme)
    assert key == Drawn.of("dots", ("params",), 100.0, 50.0, replace(theme, colors=dict(theme.colors)))
    assert key != Drawn.of("dots", ("params",), 100.0, 50.5, theme)
    assert key != Drawn.of("dots", ("params",), 100.0, 50.0, replace(theme, font="DejaVu Sans"))
    recoloured = replace(theme, colors={**theme.colors, "primary": (0.5, 0.1, 0.1)})
    assert key != Drawn.of("dots", ("params",), 100.0, 50.0, recoloured)
    inks = replace(theme, press=replace(theme.press, ink_limit=2.0))  # inks are applied at the pen
    assert key == Drawn.of("dots", ("params",), 100.0, 50.0, inks)
