"""The environment recorded with an approval: exact library versions, font and ICC profile hashes."""

from __future__ import annotations

import hashlib
import importlib.metadata

from tagprint.approval.environment import differences, environment
from tagprint.fonts import FAMILIES
from tagprint.profiles.color import srgb_icc


def test_the_record_names_every_runtime_library_with_its_exact_version():
    env = environment(("Atkinson Hyperlegible",))
    for name in ("reportlab", "pikepdf", "pillow", "pypdfium2", "fonttools", "pyyaml"):
        assert env["libraries"][name] == importlib.metadata.version(name)
    assert "pytest" not in env["libraries"] and "hypothesis" not in env["libraries"]  # test extras do not build
    assert len(env["tool"]) == 64 and env["python"].count(".") == 2


def test_fonts_and_icc_profiles_are_hashed():
    env = environment(("Atkinson Hyperlegible",))
    regular = FAMILIES["Atkinson Hyperlegible"][0]("Regular")[0]
    assert env["fonts"]["Atkinson Hyperlegible/AtkinsonHyperlegible-Regular.ttf"] == \
        hashlib.sha256(regular.read_bytes()).hexdigest()
    assert len(env["fonts"]) == 4 and not any("/" in k.split("/", 1)[1] for k in env["fonts"])  # no paths
    assert env["icc_profiles"]["sRGB (littleCMS through Pillow)"] == hashlib.sha256(srgb_icc()).hexdigest()


def test_differences_are_listed_one_per_line():
    old = {"python": "3.11.7", "libraries": {"reportlab": "5.1.0", "pillow": "12.0"}, "fonts": {"A.ttf": "a" * 64}}
    new = {"python": "3.11.7", "libraries": {"reportlab": "5.2.0", "pillow": "12.0"}, "fonts": {"A.ttf": "b" * 64}}
    assert differences(old, new) == ["fonts: A.ttf aaaaaaaaaaaa… → bbbbbbbbbbbb…", "libraries: reportlab 5.1.0 → 5.2.0"]
    assert differences(old, old) == []
