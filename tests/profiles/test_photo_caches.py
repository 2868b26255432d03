"""A photo replaced in place while a process keeps running (watch) is drawn anew, even when the copying tool
kept the old file's modification time (cp -p, rsync -a, unzip)."""

import os

from PIL import Image


def _jpeg(path, colour) -> None:
    Image.new("RGB", (600, 400), colour).save(path, "JPEG", quality=90)


def test_a_replaced_photo_with_the_old_mtime_is_drawn_anew_in_the_same_process(project):
    """Two pictures of the same size (so the layout is the same), the second written over the first with
    the first one's modification time put back: the second build must show the second picture, exactly as
    a build of the second picture under a fresh name does."""
    project.layout()
    photo = project.root / "images" / "photo.jpg"
    _jpeg(photo, (200, 40, 40))
    project.content("body:\n  - type: figure\n    image: photo.jpg\n    alt: A photo\n    width: 200\n")
    first = project.build().data
    before = photo.stat()
    _jpeg(photo, (40, 40, 200))
    os.utime(photo, ns=(before.st_atime_ns, before.st_mtime_ns))   # as cp -p or rsync -a leave it
    second = project.build().data
    assert second != first
    _jpeg(project.root / "images" / "fresh.jpg", (40, 40, 200))
    project.content("body:\n  - type: figure\n    image: fresh.jpg\n    alt: A photo\n    width: 200\n")
    assert project.build().data == second
