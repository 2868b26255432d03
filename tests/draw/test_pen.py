"""The one door to raw PDF refuses to write untagged content."""

from __future__ import annotations

import io

import pytest

from tagprint.draw.pen import MarkedContentError, Pen
from tagprint.fonts import face
from tagprint.model import Rect
from tagprint.tags import StructElem


def make_pen() -> Pen:
    return Pen.create(io.BytesIO(), (200, 200), face("Atkinson Hyperlegible").name, "t", "en")


def test_drawing_outside_marked_content_raises():
    pen = make_pen()
    with pytest.raises(MarkedContentError, match="outside marked content"):
        pen.fill_rect(Rect(0, 0, 10, 10), (0, 0, 0))


def test_nesting_is_refused():
    pen = make_pen()
    slot = StructElem("P").slot()
    with pytest.raises(MarkedContentError, match="inside"):
        with pen.artifact():
            with pen.marked(slot):
                pass


def test_page_break_inside_marked_content_raises():
    pen = make_pen()
    slot = StructElem("P").slot()
    with pytest.raises(MarkedContentError, match="page break"):
        with pen.marked(slot):
            pen.new_page()


def test_claims_record_page_and_mcid_and_mcids_restart_per_page():
    pen = make_pen()
    elem = StructElem("P")
    a, b = elem.slot(), elem.slot()
    with pen.marked(a):
        pen.fill_rect(Rect(0, 0, 1, 1), (0, 0, 0))
    with pen.marked(b):
        pen.fill_rect(Rect(0, 0, 1, 1), (0, 0, 0))
    pen.new_page()
    with pen.marked(a):
        pen.fill_rect(Rect(0, 0, 1, 1), (0, 0, 0))
    assert a.claims == [(0, 0), (1, 0)] and b.claims == [(0, 1)]
