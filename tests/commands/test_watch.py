"""`render.py watch`: a real process on a temporary project; saves rebuild the PDF and its preview."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import MINIMAL_LAYOUT, REPO
from tagprint.commands.watch import _relevant

BODY = "body:\n  - type: heading\n    level: 1\n    text: {text}\n"
DEADLINE = 60.0   # seconds for any one step; the machine is shared and may be slow


def wait_for(condition, what: str, proc: subprocess.Popen, log: Path) -> None:
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        if condition():
            return
        assert proc.poll() is None, f"watch stopped ({proc.returncode}) while waiting for {what}:\n{log.read_text()}"
        time.sleep(0.1)
    raise AssertionError(f"no {what} within {DEADLINE:.0f} s:\n{log.read_text()}")


def read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def test_watch_rebuilds_a_saved_change_and_its_preview_and_keeps_the_last_good_pdf(project, tmp_path):
    project.layout(MINIMAL_LAYOUT)
    content = project.content(BODY.format(text="First words"))
    pdf = project.root / "output" / "test.pdf"
    png = project.root / "output" / "preview" / "test" / "page-1.png"
    log = tmp_path / "watch.log"
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, str(REPO / "render.py"), "--jobs", "1", "watch"],
                                cwd=project.root, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        wait_for(lambda: "ready: save a file" in log.read_text(), "first build and the watcher", proc, log)
        assert png.is_file() and pdf.is_file()
        first_pdf, first_png = pdf.read_bytes(), png.read_bytes()

        content.write_text(BODY.format(text="Other words, longer than before"))
        wait_for(lambda: read(pdf) not in (b"", first_pdf) and read(png) not in (b"", first_png),
                 "rebuilt PDF and preview", proc, log)
        assert "saved: content/test.yaml" in log.read_text()
        good_pdf = pdf.read_bytes()

        content.write_text(BODY.format(text="Bad").replace("level: 1", "level: 9"))
        wait_for(lambda: "content/test.yaml:3:5" in log.read_text(), "the problem printed", proc, log)
        assert "failed, the last good PDF is kept" in log.read_text()
        assert pdf.read_bytes() == good_pdf and proc.poll() is None   # still watching, PDF kept

        content.write_text(BODY.format(text="Fixed again"))
        wait_for(lambda: read(pdf) not in (b"", good_pdf), "the build after the fix", proc, log)
    finally:
        proc.kill()
        proc.wait(timeout=30)


def test_what_watch_ignores(tmp_path):
    keep = _relevant(tmp_path / "output")
    assert keep(None, str(tmp_path / "content" / "a.yaml"))
    assert keep(None, str(tmp_path / "images" / "photo.JPG"))
    assert not keep(None, str(tmp_path / "output" / "preview" / "a" / "page-1.png"))   # our own output
    assert not keep(None, str(tmp_path / "content" / ".a.yaml.swp"))
    assert not keep(None, str(tmp_path / "content" / "a.yaml~"))


def test_watch_shows_a_warning_once_per_file_until_that_file_changes(project):
    import io

    from tagprint.commands.watch import ShownWarnings, build_round

    layout = project.layout(MINIMAL_LAYOUT)  # no material_id block: a warning about layouts/test.yaml
    content = project.content(BODY.format(text="First words"))
    output = project.root / "output"
    shown = ShownWarnings(project.root)

    def round_() -> str:
        out = io.StringIO()
        build_round(project.root, output, [], None, 1, out=out, shown=shown)
        return out.getvalue()

    warning = "the material id appears only in the page footers"
    assert round_().count(warning) == 1
    content.write_text(BODY.format(text="Other words"))  # the document is rebuilt, its layout unchanged
    again = round_()
    assert ": built," in again, again
    assert warning not in again
    layout.write_text(MINIMAL_LAYOUT.replace("Test document", "Test document, retitled"))
    os.utime(layout, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    assert round_().count(warning) == 1  # the file it is about changed: shown again
