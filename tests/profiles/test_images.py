"""Prepared photos are kept between runs in output/.tagprint/photos, named by all that makes their bytes:
a later process takes the same JPEG from there instead of converting the photo again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tagprint.profiles import get, images

REPO = Path(__file__).resolve().parents[2]
PHOTO = REPO / "images" / "couple-walking.jpg"
PLACED = (200.0, 150.0)


@pytest.fixture
def kept(tmp_path, monkeypatch):
    folder = tmp_path / "photos"
    monkeypatch.setattr(images, "_KEPT_IN", folder)
    images._prepare.cache_clear()  # a new process, as far as photos go
    yield folder
    images._prepare.cache_clear()


def _new_process(monkeypatch) -> list:
    """Forget this process's photos; count the conversions that follow."""
    images._prepare.cache_clear()
    made = []
    real = images.image_to_cmyk
    monkeypatch.setattr(images, "image_to_cmyk", lambda *a: made.append(a) or real(*a))
    return made


def test_a_kept_photo_is_taken_instead_of_converting_again(kept, monkeypatch):
    policy = get("print").images
    first = images.prepare(PHOTO, PLACED, policy)
    assert [p.suffix for p in kept.iterdir()] == [".jpg"]
    made = _new_process(monkeypatch)
    again = images.prepare(PHOTO, PLACED, policy)
    assert made == [] and again == first  # the same bytes, pixels and resolution
    images._prepare.cache_clear()
    other = images.prepare(PHOTO, PLACED, replace(policy, quality=policy.quality - 10))
    assert len(made) == 1 and other.data != first.data  # another policy: another photo
    assert len(list(kept.iterdir())) == 2


def test_a_damaged_kept_photo_is_made_again(kept, monkeypatch):
    policy = get("print").images
    first = images.prepare(PHOTO, PLACED, policy)
    for path in kept.iterdir():
        path.write_bytes(b"not a JPEG")
    made = _new_process(monkeypatch)
    assert images.prepare(PHOTO, PLACED, policy) == first and len(made) == 1
