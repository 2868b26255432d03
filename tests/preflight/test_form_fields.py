"""A form field as a screen reader names it (tagprint/preflight/form_fields.py): its kind from /FT and the
flags, then its tooltip, else the Form element's /Alt, else its name; inheritable keys read up /Parent."""

from __future__ import annotations

import pikepdf
import pytest
from other_generators import add_annotation, text_field, variant
from pikepdf import Dictionary, Name, String

from tagprint.preflight import read_file
from tagprint.preflight.form_fields import form_line
from tagprint.preflight.structure_tree import Element, ObjectRef


def _form(*widgets: object, alt: str | None = None) -> Element:
    obj = Dictionary(S=Name.Form, **({"Alt": String(alt)} if alt else {}))
    return Element(obj, "Form", "Form", "Form", None, 1, [ObjectRef(w, 1) for w in widgets])


def test_a_form_field_is_announced_with_its_kind_and_name(tmp_path):
    path = variant("typst-article.pdf", tmp_path / "form.pdf",
                   lambda pdf: add_annotation(pdf, text_field(pdf), "Form"))
    assert read_file(path)[-1] == "form field, text field: Your e-mail address"


def test_a_form_field_without_tooltip_is_named_by_its_alt(tmp_path):
    path = variant("weasyprint-article.pdf", tmp_path / "form.pdf", lambda pdf: add_annotation(
        pdf, text_field(pdf, tooltip=None), "Form", Alt=pikepdf.String("E-mail")))
    assert read_file(path)[-1] == "form field, text field: E-mail"


@pytest.mark.parametrize("ft, flags, kind", [
    ("/Btn", 1 << 15, "radio button"), ("/Btn", 1 << 16, "button"), ("/Btn", 0, "check box"),
    ("/Ch", 1 << 17, "combo box"), ("/Ch", 0, "list box"), ("/Sig", 0, "signature field"), ("/Xx", 0, "form field"),
])
def test_the_kind_of_field(ft, flags, kind):
    assert form_line(_form(Dictionary(FT=Name(ft), Ff=flags, T=String("f1")))) == f"form field, {kind}: f1"


def test_kind_and_tooltip_are_inherited_and_the_name_comes_last():
    parent = Dictionary(FT=Name.Tx, TU=String("  Your name "), T=String("name"))
    widget = Dictionary(Subtype=Name.Widget, Parent=parent)
    assert form_line(_form(widget, alt="Name field")) == "form field, text field: Your name"
    del parent["/TU"]
    assert form_line(_form(widget, alt="Name field")) == "form field, text field: Name field"
    assert form_line(_form(widget)) == "form field, text field: name"


def test_a_form_element_without_a_widget_is_read_by_its_alt():
    assert form_line(_form(None, alt=" Sign here ")) == "form field: Sign here"
    assert form_line(_form()) == "form field"
