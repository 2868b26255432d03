"""A chart's CSV is an input of the build: a changed number rebuilds, an unchanged file does not."""

from __future__ import annotations

import pikepdf

from tagprint import tool
from tagprint.commands.cli import main

CONTENT = """\
body:
  - type: heading
    level: 1
    text: Results
  - type: chart
    kind: bar
    title: ACR20
    data: data/acr.csv
"""


def _build(project, capsys) -> str:
    tool.build_key.cache_clear()
    assert main(["--root", str(project.root), "build", "test"]) == 0
    (row,) = capsys.readouterr().out.strip().splitlines()[1:-1]
    return "up to date" if "up to date" in row else "built"


def _alt(project) -> str:
    with pikepdf.open(project.root / "output" / "test.pdf") as pdf:
        found = []

        def walk(e):
            if isinstance(e, pikepdf.Array):
                for kid in e:
                    walk(kid)
            elif isinstance(e, pikepdf.Dictionary) and "/S" in e:
                if e.S == "/Figure":
                    found.append(str(e.Alt))
                if "/K" in e:
                    walk(e.K)
        walk(pdf.Root.StructTreeRoot.K)
        (alt,) = found
        return alt


def test_a_changed_csv_rebuilds_the_chart(project, capsys):
    project.layout()
    project.content(CONTENT)
    project.write("data/acr.csv", "Week,Drug,Placebo\nWeek 24,71,36\n")
    assert _build(project, capsys) == "built"
    assert _alt(project) == "Bar chart, ACR20: Drug 71, Placebo 36."
    assert _build(project, capsys) == "up to date"
    project.write("data/acr.csv", "Week,Drug,Placebo\nWeek 24,72,36\n")
    assert _build(project, capsys) == "built"
    assert _alt(project) == "Bar chart, ACR20: Drug 72, Placebo 36."
