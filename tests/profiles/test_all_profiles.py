"""Every profile stays tagged PDF/UA-1: checked by pdfua and by the walker on each file."""

from __future__ import annotations

import subprocess
import sys

import pikepdf
import pytest

from readers import structure
from tagprint.verify.marked_content import walk_pdf

PROFILES = ["screen", "print", "email", "archive"]


@pytest.mark.parametrize("example", ["seed_profiles", "velaris_profiles"])
@pytest.mark.parametrize("profile", PROFILES)
def test_pdfua_clean(request, example, profile):
    """Both examples (the seed and the three-page psoriasis piece), every profile."""
    path = request.getfixturevalue(example)[profile]
    run = subprocess.run([sys.executable, "-m", "pdfua", "check", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert "PASS (no findings)" in run.stdout and "[skip" not in run.stdout


@pytest.mark.parametrize("profile", PROFILES)
def test_everything_tagged_or_artifact(seed_profiles, profile):
    with pikepdf.open(seed_profiles[profile]) as pdf:
        result = walk_pdf(pdf)
    assert result.findings == [] and result.painted > 100


@pytest.mark.parametrize("profile", PROFILES)
def test_same_alt_texts_in_every_profile(seed_profiles, profile):
    alts = [n.attrs["Alt"] for n in structure(seed_profiles[profile]).walk() if n.role == "Figure"]
    screen = [n.attrs["Alt"] for n in structure(seed_profiles["screen"]).walk() if n.role == "Figure"]
    assert alts == screen and len(alts) == 7
