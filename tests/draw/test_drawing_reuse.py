"""An illustration that appears twice is drawn once (a form XObject) and tagged from outside each time."""

from __future__ import annotations

import io

import pikepdf

from readers import structure
from tagprint.verify.marked_content import walk_pdf

TWICE = """\
body:
  - type: heading
    level: 1
    text: Twice
  - type: figure
    illustration: spectrum
    height: 150
  - type: paragraph
    text: Between the two.
  - type: figure
    illustration: spectrum
    height: 150
  - type: figure
    illustration: spectrum
    height: 150
    params: {left_count: 9, right_count: 5}
"""


def test_same_drawing_is_one_form_painted_in_two_figures(project):
    project.layout()
    project.content(TWICE)
    data = project.build().data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        forms = {name: x for name, x in page.Resources.XObject.items() if x.Subtype == "/Form"}
        assert len(forms) == 2  # two different drawings, the first one painted twice
        for form in forms.values():
            assert b"BDC" not in form.read_bytes() and b"MCID" not in form.read_bytes()
        content = page.Contents.read_bytes().decode("latin-1")
        first = sorted(forms)[0]
        assert content.count(f"{first} Do") == 2
        assert walk_pdf(pdf).findings == []
    figures = [n for n in structure(data).walk() if n.role == "Figure"]
    assert len(figures) == 3
    assert figures[0].attrs["Alt"] == figures[1].attrs["Alt"] != figures[2].attrs["Alt"]
    assert "9 human-shaped icons" in figures[2].attrs["Alt"]
