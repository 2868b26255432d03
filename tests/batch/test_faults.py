"""Faults: broken pictures, interrupted builds, two builds at once on the same folder."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MINIMAL_LAYOUT
from tagprint.errors import InputError

REPO = Path(__file__).resolve().parents[2]
FIGURE = "body:\n  - type: heading\n    level: 1\n    text: T\n  - type: figure\n    image: {name}\n    alt: A picture\n"


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG file (1-bit greyscale) that claims `width` × `height` pixels and holds almost no data."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00"))
            + chunk(b"IEND", b""))


def test_a_decompression_bomb_is_refused_before_decoding(project):
    # a PNG whose header claims 40000 × 40000 pixels (written by hand: encoding a real one took seconds):
    # never decoded
    (project.root / "images" / "bomb.png").write_bytes(_png_header_only(40000, 40000))
    project.layout()
    project.content(FIGURE.format(name="bomb.png"))
    with pytest.raises(InputError, match=r"image 'bomb.png' (has an absurd pixel size|is 40000 × 40000 pixels)"):
        project.build()


def test_a_file_that_is_not_a_picture(project):
    (project.root / "images" / "fake.jpg").write_bytes(b"not a jpeg at all")
    project.layout()
    project.content(FIGURE.format(name="fake.jpg"))
    with pytest.raises(InputError, match=r"image 'fake.jpg' cannot be read as a picture"):
        project.build()


def _library(project, count: int) -> None:
    body = "".join(f"  - type: paragraph\n    text: Paragraph {i} of a document that takes a moment.\n" for i in range(30))
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n" + body)
    for i in range(count):
        project.layout(MINIMAL_LAYOUT, name=f"doc{i:02d}")


def _leftovers(output: Path) -> list[str]:
    return sorted(p.name for p in output.rglob("*") if p.is_file() and (p.suffix == ".tmp" or ".pdf." in p.name))


def test_interrupting_a_build_leaves_no_partial_pdf(project):
    _library(project, 12)
    proc = subprocess.Popen([sys.executable, str(REPO / "render.py"), "--root", str(project.root), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    output = project.root / "output"
    deadline = time.time() + 60
    while time.time() < deadline and not (output.exists() and list(output.glob("*.pdf"))):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    assert proc.returncode != 0 or len(list(output.glob("*.pdf"))) == 12
    assert _leftovers(output) == []
    import pikepdf
    for pdf in output.glob("*.pdf"):  # every PDF that is there is whole
        with pikepdf.open(pdf) as opened:
            assert len(opened.pages) == 1


def test_two_builds_at_once_on_the_same_folder(project):
    _library(project, 6)
    cmd = [sys.executable, str(REPO / "render.py"), "--root", str(project.root), "--force", "--jobs", "1"]
    first, second = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE), \
        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    output = project.root / "output"
    assert len(list(output.glob("*.pdf"))) == 6 and _leftovers(output) == []
    import pikepdf
    for pdf in output.glob("*.pdf"):
        with pikepdf.open(pdf) as opened:
            assert len(opened.pages) == 1


def test_kill_is_handled_like_ctrl_c_and_stale_temporaries_are_cleaned(project):
    import os
    _library(project, 12)
    output = project.root / "output"
    output.mkdir()
    stale = output / ".doc00.pdf.abc123.tmp"
    stale.write_bytes(b"%PDF-1.5 half a file")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    proc = subprocess.Popen([sys.executable, str(REPO / "render.py"), "--root", str(project.root), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and not list(output.glob("*.pdf")):
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert not stale.exists()
    assert _leftovers(output) == []


def test_a_build_leaves_none_of_its_own_temporaries_however_it_ends(project, monkeypatch):
    """An interrupt that lands after a temporary file is made and before it is renamed (the window the
    SIGINT test above hits now and then) leaves nothing behind: the build removes its own on the way out."""
    import pytest
    from tagprint import batch, files
    from tagprint.batch import running

    project.layout()
    project.content("body:\n  - type: heading\n    level: 1\n    text: Hello\n")

    def interrupted(target, data):
        files._temporary(target, data)     # the temporary is there …
        raise KeyboardInterrupt            # … and the rename never happens

    monkeypatch.setattr(running, "write_atomically", interrupted)  # where the parent writes
    with pytest.raises(KeyboardInterrupt):
        batch.run(project.root, project.root / "output", [project.root / "layouts" / "test.yaml"], jobs=1)
    assert _leftovers(project.root / "output") == []
