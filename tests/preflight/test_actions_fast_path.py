"""The action checks first look at every object's bytes in one flat pass; only a file that names
JavaScript or Launch somewhere is walked from the catalog. These cases make sure the flat pass never
hides an action the walk would find: names written with #-escapes, actions inside stream dictionaries,
in annotations and in objects nested directly inside others."""

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
