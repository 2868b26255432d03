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


REPS = """\
- {id: anna, rep: Anna Berg, phone: "+1-800-555-0101"}
- {id: ben, rep: Ben Cole, phone: "+1-800-555-0102"}
"""
REP_CONTENT = """\
body:
  - type: heading
    level: 1
    text: Your contact
  - type: paragraph
    text: Ask {{rep}} on [{{phone}}](tel:{{phone}} "Call {{rep}}").
"""


def _rep_layout(variants: str) -> str:
    return MINIMAL_LAYOUT.replace("theme: kineret", f"theme: kineret\nprofiles: [screen, email]\nvariants: {variants}")


def test_variants_limited_to_a_profile(project):
    """E-mail copies per representative; the screen PDF once, with the defaults filled in."""
    project.layout(_rep_layout("{file: data/reps.yaml, profiles: [email], defaults: {rep: your representative, "
                               "phone: '+1-800-555-0100'}}"))
    project.content(REP_CONTENT)
    project.write("data/reps.yaml", REPS)
    run = render(project.root)
    assert run.returncode == 0, run.stderr
    pdfs = sorted(p.name for p in (project.root / "output").glob("*.pdf"))
    assert pdfs == ["test-anna-email.pdf", "test-ben-email.pdf", "test.pdf"], pdfs
    para = lambda name: next(n.text() for n in structure(project.root / "output" / name).walk() if n.role == "P")
    assert para("test.pdf").startswith("Ask your representative on +1-800-555-0100")
    assert para("test-ben-email.pdf").startswith("Ask Ben Cole on +1-800-555-0102")
    assert "3 built" in run.stdout


def test_the_old_string_form_still_builds_every_profile_per_variant(project):
    project.layout(_rep_layout("data/reps.yaml"))
    project.content(REP_CONTENT)
    project.write("data/reps.yaml", REPS)
    run = render(project.root)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (project.root / "output").glob("*.pdf")) == [
        "test-anna-email.pdf", "test-anna.pdf", "test-ben-email.pdf", "test-ben.pdf"]


def test_a_default_missing_for_the_plain_build_names_the_place(project):
    project.layout(_rep_layout("{file: data/reps.yaml, profiles: [email], defaults: {rep: you}}"))
    project.content(REP_CONTENT)
    project.write("data/reps.yaml", REPS)
    run = render(project.root)
    assert run.returncode == 2
    assert "content/test.yaml:6:5: no default value 'phone' for the profiles built once" in run.stderr, run.stderr
    assert "add it to variants: {defaults: {phone: …}}" in run.stderr


def test_variant_profiles_the_layout_does_not_build_are_a_problem(project):
    project.layout(_rep_layout("{file: data/reps.yaml, profiles: [print]}"))
    project.content(REP_CONTENT)
    project.write("data/reps.yaml", REPS)
    run = render(project.root)
    assert run.returncode == 2
    assert "layouts/test.yaml:9:34:" in run.stderr and "the variants' profiles (print) are not among the layout's " \
                                                      "profiles (screen, email)" in run.stderr, run.stderr
