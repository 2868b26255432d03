"""A photo's pixels (which ReportLab decodes to name the image) are decoded once per process, and only the
name kept: a second build of the same document decodes and hashes nothing and writes the same bytes, the
bytes ReportLab's own drawImage writes."""

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
    monkeypatch.setattr(pen, "_NAMES", OrderedDict())
    layout = REPO / "layouts" / "kineret-dtt-ra.yaml"
    first = render(prepare(REPO, layout), get(profile)).data
    assert len(decoded) == 2 == len(pen._NAMES)  # the two photos of the seed
    again = render(prepare(REPO, layout), get(profile)).data
    assert len(decoded) == 2
    assert again == first


def test_a_photo_is_named_and_written_as_reportlabs_drawimage_writes_it(tmp_path):
    import io

    from canvas_pages import page_bytes

    jpeg = (REPO / "images" / "couple-walking.jpg").read_bytes()

    def twice(c) -> None:  # the second time, the name is known and the image object already there
        for x in (10, 120):
            pen.Pen(c, (300, 300))._jpeg(jpeg, x, 20, 100, 75)

    ours = page_bytes(twice)
    theirs = page_bytes(lambda c: [c.drawImage(ImageReader(io.BytesIO(jpeg)), x, 20, 100, 75) for x in (10, 120)])
    assert ours == theirs and ours.count(b"/Subtype /Image") == 1
