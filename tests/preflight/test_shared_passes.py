"""Work the preflight does once for every check: one parse of each content stream shared by every view,
and a flat pass over every object's bytes before the action checks walk from the catalog (the walk runs only
when some object names JavaScript or Launch). These cases make sure the flat pass never hides an action the
walk would find: names written with #-escapes, actions in stream dictionaries and in annotations."""

from __future__ import annotations

import re

import pikepdf
from pikepdf import Dictionary, Name, String

from pdf_surgery import edited, sample_bytes  # noqa: F401 - sample_bytes is a fixture

from tagprint.preflight import check_file
from tagprint.preflight.checks.actions import _may_hold_actions
from tagprint.preflight.document import Doc


def _checks(path) -> set[str]:
    return {f.check for f in check_file(path).findings}


def test_a_clean_build_skips_the_walk(sample_bytes):
    with Doc.from_bytes(sample_bytes) as doc:
        assert not _may_hold_actions(doc)


def test_escaped_names_are_still_found(sample_bytes, tmp_path):
    def add(pdf):
        pdf.Root.OpenAction = pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String("app.alert(1)")))

    path = edited(sample_bytes, tmp_path / "js.pdf", add)
    with pikepdf.open(path) as pdf:  # rewrite uncompressed so that the names can be escaped in the bytes
        pdf.save(tmp_path / "plain.pdf", compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    raw = (tmp_path / "plain.pdf").read_bytes()
    escaped = re.sub(rb"/JS\b", rb"/J#53", raw).replace(b"/JavaScript", b"/Java#53cript")
    assert b"/J#53" in escaped and b"/JavaScript" not in escaped
    (tmp_path / "escaped.pdf").write_bytes(escaped)
    assert "ACTION-JS" in _checks(tmp_path / "escaped.pdf")


def test_a_launch_action_in_a_link_annotation_is_found(sample_bytes, tmp_path):
    def add(pdf):
        annot = next(a for page in pdf.pages for a in page.get("/Annots", []) if a.get("/Subtype") == Name.Link)
        annot.A = Dictionary(S=Name.Launch, F=String("calc.exe"))  # direct, inside the annotation

    found = check_file(edited(sample_bytes, tmp_path / "launch.pdf", add)).findings
    assert {f.check for f in found} == {"ACTION-LAUNCH"}
    assert all(f.page == 1 for f in found)


def test_an_additional_action_on_a_form_xobject_stream_is_found(sample_bytes, tmp_path):
    def add(pdf):
        form = pikepdf.Stream(pdf, b"")
        form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, [0, 0, 1, 1]
        form.AA = Dictionary(O=Dictionary(S=Name.JavaScript, JS=String("1")))
        resources = pdf.pages[0].Resources
        if "/XObject" not in resources:
            resources.XObject = Dictionary()
        resources.XObject["/Unused"] = pdf.make_indirect(form)

    assert "ACTION-JS" in _checks(edited(sample_bytes, tmp_path / "stream.pdf", add))


def test_one_parse_serves_every_view(sample_bytes, monkeypatch):
    """The walker, the content ids and the text scan read each content stream from one parse."""
    from tagprint.preflight import document, text_usage
    from tagprint.verify import marked_content

    calls = []
    real = marked_content.parse_instructions
    monkeypatch.setattr(document, "parse_instructions", lambda h, extra="": calls.append(h) or real(h, extra))
    with Doc.from_bytes(sample_bytes) as doc:
        assert doc.walk.painted and doc.content_ids.pages and doc.text_usage.fonts
        streams = len(doc.pages) + len(doc.content_ids.forms)
    assert len(calls) == streams
    needed = set(text_usage.OPERATORS.split()) | {"BDC", "Do"}
    assert needed <= set(marked_content._OPERATORS.split()) | set(document.SHARED_OPERATORS.split())
