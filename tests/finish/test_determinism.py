"""Same input, same bytes: dates come from the layout (or SOURCE_DATE_EPOCH), the /ID from the content."""

from __future__ import annotations

import io

import pypdf

CONTENT = """\
body:
  - type: heading
    level: 1
    text: Determinism
  - type: paragraph
    text: The same input gives the same bytes.{cite}`1`
  - type: figure
    illustration: spectrum
    height: 150
  - type: references
    entries: [Reference 1]
"""


def test_two_builds_give_identical_bytes(project):
    project.layout()
    project.content(CONTENT)
    first = project.build().data
    second = project.build().data
    assert first == second


def test_dates_come_from_the_layout(project):
    project.layout()
    project.content(CONTENT)
    reader = pypdf.PdfReader(io.BytesIO(project.build().data))
    assert reader.metadata["/CreationDate"].startswith("D:20261101")


def test_source_date_epoch_overrides_the_date(project, monkeypatch):
    project.layout()
    project.content(CONTENT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    reader = pypdf.PdfReader(io.BytesIO(project.build().data))
    assert reader.metadata["/CreationDate"].startswith("D:20231114")


def test_the_id_changes_with_the_content(project):
    project.layout()
    project.content(CONTENT)
    first = pypdf.PdfReader(io.BytesIO(project.build().data)).trailer["/ID"]
    project.content(CONTENT.replace("same bytes", "same output"))
    second = pypdf.PdfReader(io.BytesIO(project.build().data)).trailer["/ID"]
    assert first != second


def test_every_profile_gives_the_same_bytes_in_two_separate_processes(tmp_path):
    """Same-process builds can share caches; separate processes prove nothing depends on the clock."""
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        done = subprocess.run([sys.executable, str(repo / "render.py"), "--root", str(repo), "--output", str(out),
                               "build", "kineret-dtt-ra"], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        done = subprocess.run([sys.executable, str(repo / "render.py"), "--root", str(repo), "--output", str(out),
                               "approve", "kineret-dtt-ra", "--version", "1.0", "--by", "A",
                               "--accept", "placeholder:safety[0]", "--accept", "placeholder:references[0]"],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outputs.append(sorted((p.relative_to(out), p.read_bytes()) for p in out.rglob("*.pdf")))
    assert len(outputs[0]) == 4
    for (name_a, data_a), (name_b, data_b) in zip(*outputs):
        assert name_a == name_b and data_a == data_b, name_a


def test_the_second_example_gives_identical_bytes_twice():
    """Tables cut across pages, notes and their /IDs: nothing depends on object identity or order of sets."""
    from pathlib import Path

    from tagprint.pipeline import build

    repo = Path(__file__).resolve().parents[2]
    layout = repo / "layouts" / "velaris-psoriasis.yaml"
    assert build(repo, layout).data == build(repo, layout).data
