"""A photo's pixels (which ReportLab decodes to name the image) are decoded once per process: a second
build of the same document decodes nothing and writes the same bytes."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pytest
from reportlab.lib.utils import ImageReader

from tagprint.draw import pen
from tagprint.pipeline import prepare, render
from tagprint.profiles import get

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("profile", ["screen", "print"])
def test_pixels_are_decoded_once(monkeypatch, profile):
    decoded = []
    real = ImageReader.getRGBData
    monkeypatch.setattr(ImageReader, "getRGBData", lambda self: decoded.append(self) or real(self))
    monkeypatch.setattr(pen, "_PIXELS", OrderedDict())
    layout = REPO / "layouts" / "kineret-dtt-ra.yaml"
    first = render(prepare(REPO, layout), get(profile)).data
    assert len(decoded) == 2 == len(pen._PIXELS)  # the two photos of the seed
    again = render(prepare(REPO, layout), get(profile)).data
    assert len(decoded) == 2
    assert again == first
