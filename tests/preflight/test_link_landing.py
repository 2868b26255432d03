"""Where a link lands (tagprint/preflight/link_landing.py), as the reader announces it: a link to a Note is
a note marker, found from its page destination or from its structure destination (/SD)."""

from __future__ import annotations

import pikepdf
import pytest
from pikepdf import Name

from pdf_surgery import edited, elements

from tagprint.preflight import read_file
from tagprint.preflight.link_landing import is_in_note
from tagprint.preflight.structure_tree import Element


NOTED = """\
body:
  - type: heading
    level: 1
    text: Notes
  - type: paragraph
    text: Fewer flares{cite}`1` in responders{note}`*`.
  - type: notes
    notes:
      - {marker: '*', text: Non-responder imputation.}
  - type: references
    entries: [A trial.]
  - type: material_id
"""


@pytest.fixture
def noted_pdf(project, tmp_path):
    project.layout()
    project.content(NOTED)
    path = tmp_path / "noted.pdf"
    path.write_bytes(project.build().data)
    return path


def _marker_annotations(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Dictionary]:
    """The link annotation of the note marker and of the citation, by what they say they go to."""
    found = {}
    for annot in pdf.pages[0].Annots:
        said = str(annot.get("/Contents", ""))
        found["note" if "note" in said else "citation" if "reference" in said else said] = annot
    return found


def test_a_footnote_marker_is_announced_as_a_note_and_a_citation_as_a_reference(noted_pdf):
    lines = read_file(noted_pdf)
    assert lines[1:3] == ["Fewer flares [reference, link: 1] in responders [note, link: *] .",
                          "note: * Non-responder imputation."], lines


def _structure_destination(pdf: pikepdf.Pdf, annot: pikepdf.Dictionary, role: str) -> None:
    """Replace the annotation's page destination with a GoTo to the first element of `role` (/SD, as a
    PDF 2.0 writer may do): what the reader decides must come from the structure, not the place."""
    target = next(e for e in elements(pdf) if e.get("/S") == Name(f"/{role}"))
    del annot["/Dest"]
    annot.A = pikepdf.Dictionary(S=Name.GoTo, D=pikepdf.Array([pdf.pages[0].obj, Name.Fit]),
                                 SD=pikepdf.Array([target]))


@pytest.mark.parametrize("marker, role, expected", [
    ("citation", "Note", "[note, link: 1]"),        # a citation whose link goes to a Note reads as a note
    ("note", "P", "[reference, link: *]"),          # a marker whose link goes to a paragraph does not
    ("note", "Note", "[note, link: *]"),
])
def test_the_announcement_follows_the_structure_destination(noted_pdf, tmp_path, marker, role, expected):
    def change(pdf):
        _structure_destination(pdf, _marker_annotations(pdf)[marker], role)
    lines = read_file(edited(noted_pdf.read_bytes(), tmp_path / "sd.pdf", change))
    assert any(expected in l for l in lines), lines


def test_inside_a_note_is_anywhere_below_one():
    def made(role: str, parent: Element | None) -> Element:
        return Element(pikepdf.Dictionary(S=Name("/" + role)), role, role, role, parent, 1)
    note = made("Note", made("Document", None))
    assert is_in_note(made("Span", made("P", note))) and is_in_note(note)
    assert not is_in_note(made("P", made("Document", None))) and not is_in_note(None)
