"""A corrected draft is another file to a printer: a new XMP InstanceID and a new file /ID (its changing
half), while the DocumentID and the /ID's permanent half stay for the same material; the same input still
gives the same bytes."""

from __future__ import annotations

import io

import pikepdf

from conftest import MINIMAL_LAYOUT

TEXT = "body:\n  - type: paragraph\n    text: {words}\n"


def _identity(data: bytes) -> tuple[str, str, bytes, bytes]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        meta = pdf.open_metadata()
        first, second = (bytes(x) for x in pdf.trailer.ID)
        return meta.get("xmpMM:DocumentID"), meta.get("xmpMM:InstanceID"), first, second


def _print(project) -> bytes:
    from tagprint.pipeline import build

    return build(project.root, project.root / "layouts" / "test.yaml", "print").data


def test_two_drafts_differ_in_instance_id_and_file_id(project):
    project.layout(MINIMAL_LAYOUT)
    project.content(TEXT.format(words="Take one tablet a day."))
    first = _print(project)
    assert _print(project) == first  # the same input, the same bytes
    project.content(TEXT.format(words="Take one tablet twice a day."))
    corrected = _print(project)
    doc_a, instance_a, permanent_a, changing_a = _identity(first)
    doc_b, instance_b, permanent_b, changing_b = _identity(corrected)
    assert doc_a == doc_b and doc_a.startswith("uuid:")
    assert instance_a != instance_b and instance_b.startswith("uuid:")
    assert permanent_a == permanent_b and len(permanent_a) == 16
    assert changing_a != changing_b


def test_the_screen_file_id_changes_with_its_draft_too(project):
    from tagprint.pipeline import build

    project.layout(MINIMAL_LAYOUT)
    ids = []
    for words in ("One.", "Two."):
        project.content(TEXT.format(words=words))
        with pikepdf.open(io.BytesIO(build(project.root, project.root / "layouts" / "test.yaml").data)) as pdf:
            ids.append([bytes(x) for x in pdf.trailer.ID])
    assert ids[0][0] == ids[1][0] and ids[0][1] != ids[1][1]
