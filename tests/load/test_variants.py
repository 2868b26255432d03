"""A layout expanded over a data file: one document per variant, {{values}} filled in everywhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import MINIMAL_LAYOUT
from readers import structure

REPO = Path(__file__).resolve().parents[2]
CONTENT = """\
body:
  - type: heading
    level: 1
    text: Contact in {{market}}
  - type: paragraph
    text: Call {{phone}} or write to [us](mailto:{{email}} "Write to the {{market}} medical team").
"""
MARKETS = """\
- {id: us, market: the United States, phone: 1-800-555-0100, email: med-us@example.com}
- {id: uk, market: the United Kingdom, phone: 0800 555 0100, email: med-uk@example.com}
- {id: de, market: Germany, phone: 0800 5550100, email: med-de@example.com}
"""


def render(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "render.py"), "--root", str(root), *args],
                          capture_output=True, text=True)


def test_one_document_per_variant(project):
    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\nvariants: data/markets.yaml")
                   .replace("TEST-0001", "TEST-0001-{{id}}"))
    project.content(CONTENT)
    project.write("data/markets.yaml", MARKETS)
    run = render(project.root)
    assert run.returncode == 0, run.stderr
    pdfs = sorted(p.name for p in (project.root / "output").glob("*.pdf"))
    assert pdfs == ["test-de.pdf", "test-uk.pdf", "test-us.pdf"]
    tree = structure(project.root / "output" / "test-uk.pdf")
    texts = [n.text() for n in tree.walk() if n.role in ("H1", "P")]
    assert texts[0] == "Contact in the United Kingdom"
    assert "0800 555 0100" in texts[1]
    (link,) = [n for n in tree.walk() if n.role == "Link"]
    assert link.attrs["Alt"] == "Write to the the United Kingdom medical team"
    assert "3 built" in run.stdout
    again = render(project.root)
    assert "3 up to date" in again.stdout
    project.write("data/markets.yaml", MARKETS.replace("0800 555 0100", "0800 555 0199"))
    changed = render(project.root)
    assert "3 built" in changed.stdout  # the data file is an input of every variant


def test_unknown_placeholder_names_the_place(project):
    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\nvariants: data/markets.yaml"))
    project.content(CONTENT.replace("{{phone}}", "{{fax}}"))
    project.write("data/markets.yaml", MARKETS)
    run = render(project.root)
    assert run.returncode == 2
    assert "content/test.yaml:6:5: no variant value 'fax'" in run.stderr
    assert "email, id, market, phone" in run.stderr


def test_bad_variants_file(project):
    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\nvariants: data/markets.yaml"))
    project.content(CONTENT)
    project.write("data/markets.yaml", "- {market: nowhere}\n")
    run = render(project.root)
    assert run.returncode == 2 and "data/markets.yaml:1:3: each variant needs an id" in run.stderr
