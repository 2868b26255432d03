"""An interrupted build says, in one line, what it wrote and what it did not build; kill with several workers
stops the workers too (measured, not asserted: see the report of issue "the checker and the messages")."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from test_faults import REPO, _leftovers, _library


def _interrupt(project, sig: int) -> tuple[int, str, list[str]]:
    _library(project, 12)
    proc = subprocess.Popen([sys.executable, str(REPO / "render.py"), "--root", str(project.root), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    output = project.root / "output"
    deadline = time.time() + 60
    while time.time() < deadline and not (output.exists() and list(output.glob("*.pdf"))):
        time.sleep(0.05)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err, sorted(p.name for p in output.glob("*.pdf"))


def test_sigint_prints_one_line_saying_what_was_written(project):
    code, err, written = _interrupt(project, signal.SIGINT)
    if code == 0:  # the build won the race and finished: nothing was interrupted
        assert len(written) == 12
        return
    lines = [line for line in err.splitlines() if line.startswith("interrupted: ")]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"interrupted: wrote {len(written)} PDF(s) to output/"), err
    assert f"; {12 - len(written)} layout(s) not built" in lines[0], err
    assert "Traceback" not in err
    assert _leftovers(project.root / "output") == []


def test_sigterm_with_two_workers_says_the_same(project):
    code, err, written = _interrupt(project, signal.SIGTERM)
    if code == 0:
        assert len(written) == 12
        return
    lines = [line for line in err.splitlines() if line.startswith("interrupted: ")]
    assert len(lines) == 1 and lines[0].startswith(f"interrupted: wrote {len(written)} PDF(s)"), err
    assert _leftovers(project.root / "output") == []
