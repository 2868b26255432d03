"""A photo's pixels (which ReportLab decodes to name the image) are decoded once per process, and only the
name kept: a second build of the same document decodes and hashes nothing and writes the same bytes (that
they are the bytes ReportLab's own drawImage writes: tests/draw/test_reportlab_adapter.py)."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pytest
from reportlab.lib.utils import ImageReader

from tagprint.draw import reportlab_adapter
from tagprint.pipeline import prepare, render
from tagprint.profiles import get

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("profile", ["screen", "print"])
def test_pixels_are_decoded_once(monkeypatch, profile):
    decoded = []
    real = ImageReader.getRGBData
    monkeypatch.setattr(ImageReader, "getRGBData", lambda self: decoded.append(self) or real(self))
    monkeypatch.setattr(reportlab_adapter, "PHOTO_NAMES", OrderedDict())
    layout = REPO / "layouts" / "kineret-dtt-ra.yaml"
    first = render(prepare(REPO, layout), get(profile)).data
    assert len(decoded) == 2 == len(reportlab_adapter.PHOTO_NAMES)  # the two photos of the seed
    again = render(prepare(REPO, layout), get(profile)).data
    assert len(decoded) == 2
    assert again == first
