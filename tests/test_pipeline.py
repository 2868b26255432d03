"""The pipeline lays a document out once for every profile that shows the same text (print sets its links
as text, so it has a layout of its own), and a deck's handouts are found by name, not parsed from it."""

from __future__ import annotations

from pathlib import Path

from tagprint import pipeline
from tagprint.pipeline import prepare, render
from tagprint.profiles import NAMES, get

REPO = Path(__file__).resolve().parents[1]


def test_one_layout_for_screen_email_and_archive(monkeypatch):
    calls = []
    real = pipeline.layout_document
    monkeypatch.setattr(pipeline, "layout_document", lambda d, root: calls.append(d) or real(d, root))
    prepared = prepare(REPO, REPO / "layouts" / "kineret-dtt-ra.yaml")
    for name in NAMES:
        render(prepared, get(name))
    assert len(calls) == 2
    assert calls[0] is prepared.document and calls[1] is not prepared.document  # print: links printed


def test_each_handout_has_its_own_pages():
    prepared = prepare(REPO, REPO / "layouts" / "kineret-dtt-ra-deck.yaml")
    slides = render(prepared, get("screen"), "slides")
    counts = {out: render(prepared, get("screen"), out).pages for out in prepared.document.outputs[1:]}
    assert len(counts) >= 2
    per_page = {"1up": 1, "2up": 2, "3up": 3}
    for out, pages in counts.items():
        kind = next(k for k in per_page if k in out)
        assert pages == -(-slides.pages // per_page[kind]), out


def test_a_build_leaves_the_costly_lookup_tables_unloaded(tmp_path):
    """What a build does not use is not imported: the Adobe Glyph List (only PDFs of other writers, with
    glyph names, need it) and langcodes' registry (common language tags are known without it)."""
    import subprocess
    import sys

    script = ("import sys; from pathlib import Path; from tagprint.pipeline import build; "
              f"[build(Path({str(REPO)!r}), Path({str(REPO / 'layouts' / 'kineret-dtt-ra.yaml')!r}), p) "
              "for p in ('screen', 'print', 'email')]; "
              "print(sorted(m for m in ('fontTools.agl', 'langcodes') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_press_profile_that_is_not_installed_is_a_problem_naming_the_condition_and_its_package(
        project, monkeypatch):
    import dataclasses

    import pytest

    from tagprint.errors import InputError
    from tagprint.profiles import press

    missing = dataclasses.replace(press.CONDITIONS["fogra39"], profiles=(project.root / "absent.icc",),
                                  package="the package icc-test")
    monkeypatch.setitem(press.CONDITIONS, "fogra39", missing)
    project.layout()
    project.content("body:\n  - type: heading\n    level: 1\n    text: Hello\n")
    prepared = prepare(project.root, project.root / "layouts" / "test.yaml")
    with pytest.raises(InputError) as caught:
        render(prepared, get("print"))
    [problem] = caught.value.problems
    assert problem.message == "no CMYK ICC profile found for the press condition fogra39"
    assert problem.fix == "install the package icc-test" and problem.where.path == "profiles"
