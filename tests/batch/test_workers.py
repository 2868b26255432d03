"""Pool workers die with their parent; temporaries of a dead build go at once, a live build's stay."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import MINIMAL_LAYOUT
from tagprint.files import remove_stale_temporaries, write_atomically

REPO = Path(__file__).resolve().parents[2]


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _eight_documents(project, paragraphs: int) -> None:
    """Eight layouts of one content id long enough that a build takes a moment."""
    body = "".join(f"  - type: paragraph\n    text: Paragraph {i} of a document that takes a moment.\n"
                   for i in range(paragraphs))
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n" + body)
    for i in range(8):
        project.layout(MINIMAL_LAYOUT, name=f"doc{i}")


def test_workers_exit_when_the_parent_is_killed(project):
    _eight_documents(project, paragraphs=40)
    proc = subprocess.Popen([sys.executable, str(REPO / "render.py"), "--root", str(project.root), "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.time() + 60
    while time.time() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the build did not start its workers"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 30
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    survivors = [w for w in workers if _alive(w)]
    for w in survivors:  # do not leave them behind even when the test fails
        os.kill(w, signal.SIGKILL)
    assert survivors == []


def test_a_dead_builds_temporaries_are_removed_at_once_a_live_ones_kept(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        fresh_dead = tmp_path / f".doc.pdf.{dead.pid}.k2j3h4.tmp"
        fresh_live = tmp_path / "archive" / f".doc.pdf.{alive.pid}.x8y7z6.tmp"
        old_style = tmp_path / ".doc.pdf.abc123.tmp"  # no pid: judged by age, and it is new
        for path in (fresh_dead, fresh_live, old_style):
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(b"%PDF-1.7 half")
        removed = remove_stale_temporaries(tmp_path)
        assert removed == [fresh_dead]
        assert fresh_live.exists() and old_style.exists()
    finally:
        alive.kill()
        alive.wait()


def test_temporaries_are_named_with_the_writers_pid(tmp_path, monkeypatch):
    seen = []
    real = os.replace

    def spy(src, dst):
        seen.append(Path(src).name)
        return real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_atomically(tmp_path / "a.pdf", b"%PDF-1.7")
    [name] = seen
    assert name.startswith(f".a.pdf.{os.getpid()}.") and name.endswith(".tmp")


def test_a_killed_worker_costs_a_retry_not_the_documents(project):
    _eight_documents(project, paragraphs=20)
    proc = subprocess.Popen([sys.executable, str(REPO / "render.py"), "--root", str(project.root), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    output = project.root / "output"
    deadline = time.time() + 60
    while time.time() < deadline and not list(output.glob("*.pdf")) and proc.poll() is None:
        time.sleep(0.01)
    workers = _children(proc.pid)  # while results flow: the surviving worker may be writing one
    assert workers, "the build had no workers left to kill"
    os.kill(min(workers), signal.SIGKILL)
    try:
        out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:  # a hung pool: end it and its workers, then fail
        for pid in _children(proc.pid):
            os.kill(pid, signal.SIGKILL)
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError("the build hung after a worker was killed") from None
    assert proc.returncode == 0, out + err
    assert "Traceback" not in err
    assert sorted(p.name for p in (project.root / "output").glob("*.pdf")) == [f"doc{i}.pdf" for i in range(8)]


def test_an_old_temporary_goes_even_if_its_pid_was_reused(tmp_path):
    reused = tmp_path / f".doc.pdf.{os.getppid()}.a1b2c3.tmp"  # a live process that is not a build
    reused.write_bytes(b"%PDF-1.7 half")
    os.utime(reused, (time.time() - 3600, time.time() - 3600))
    assert remove_stale_temporaries(tmp_path) == [reused]


def test_a_layout_that_kills_its_worker_fails_alone(project, capsys, monkeypatch):
    import tagprint.pipeline as pipeline
    from tagprint.commands.cli import main

    real = pipeline.prepare

    def prepare(root, layout_file, variant=None):
        if layout_file.stem == "killer":  # as if the kernel ended the worker (out of memory)
            os._exit(9)
        return real(root, layout_file, variant)

    monkeypatch.setattr(pipeline, "prepare", prepare)  # the forked workers inherit it
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n")
    for name in ("a", "killer", "b", "c"):
        project.layout(MINIMAL_LAYOUT, name=name)
    assert main(["--root", str(project.root), "--jobs", "2"]) == 1
    out, err = capsys.readouterr()
    rows = {line.split()[0]: line for line in out.splitlines()[1:-1]}
    assert "failed" in rows["killer"] and all("built" in rows[n] for n in ("a", "b", "c"))
    assert "the process building it died twice" in err and "Traceback" not in err
