"""Shaping and the bidirectional algorithm per line (layout/bidi.py), and lines of right-to-left text."""

from __future__ import annotations

import unicodedata

import pytest
from bidi import get_display

from tagprint.fonts import FontStack
from tagprint.layout.bidi import base_is_rtl, shape, visual_order
from tagprint.layout.text import TextStyle, break_lines, plain_pieces
from tagprint.model import TypeStyle


def _visual(text: str, rtl: bool) -> str:
    drawn = [d for _, d in shape(text)]
    return "".join(p.drawn for p in visual_order(drawn, rtl))


@pytest.mark.parametrize("text, rtl", [
    ("abc مرحبا 25 بكم def", False),
    ("مرحبا بكم في السلام", True),
    ("שלום, 25 mg.", True),
    ("Take 2 tablets: שתי טבליות פעמיים ביום, with water", False),
])
def test_visual_order_agrees_with_python_bidi(text, rtl):
    """The levels and reordering agree with python-bidi's Rust implementation (unicode-bidi) on text
    without brackets (which that one leaves unmirrored)."""
    drawn = "".join(d for _, d in shape(text))
    assert _visual(text, rtl) == get_display(drawn, base_dir="R" if rtl else "L")


def test_brackets_in_right_to_left_text_are_mirrored():
    # the opening bracket, read first, stands at the right of what it encloses: drawn as ')' it opens leftwards
    assert _visual("שלום (עולם) טוב", True) == "בוט (םלוע) םולש"
    assert _visual("Ask (מתי) now", False) == "Ask (יתמ) now"


def test_arabic_letters_take_their_joining_forms():
    clusters = shape("مرحبا")
    assert [logical for logical, _ in clusters] == list("مرحبا")
    # initial meem, final reh, initial hah, medial beh, final alef
    assert [unicodedata.name(drawn) for _, drawn in clusters] == [
        "ARABIC LETTER MEEM INITIAL FORM", "ARABIC LETTER REH FINAL FORM", "ARABIC LETTER HAH INITIAL FORM",
        "ARABIC LETTER BEH MEDIAL FORM", "ARABIC LETTER ALEF FINAL FORM"]


def test_lam_alef_is_one_glyph_for_two_letters_and_marks_stay_in_the_text():
    clusters = shape("السَّلام")
    assert "".join(logical for logical, _ in clusters) == "السَّلام"  # nothing of the logical text is lost
    assert ("لا", "\ufefc") in clusters  # LAM WITH ALEF FINAL FORM
    assert not any(unicodedata.category(d) == "Mn" for _, d in clusters)  # vowel marks are not drawn


def test_hebrew_and_latin_are_drawn_as_typed():
    assert shape("שלום ab") == [(c, c) for c in "שלום ab"]


def test_paragraph_direction_is_that_of_its_first_strong_letter():
    assert base_is_rtl("«שלום» world")
    assert base_is_rtl("25 مرحبا")
    assert not base_is_rtl("Welcome, مرحبا")
    assert not base_is_rtl("2024")


def _style(size: float = 10.0) -> TextStyle:
    style = TypeStyle(size=size, leading=size * 1.4, bold=False, italic=False, color="text", space_before=0,
                      space_after=0, tracking=0, uppercase=False)
    return TextStyle(style, (0, 0, 0), (0, 0, 1), FontStack(("Atkinson Hyperlegible", "DejaVu Sans")))


def test_a_right_to_left_paragraph_breaks_in_logical_order_and_sets_flush_right():
    text = "אחת שתיים שלוש ארבע חמש שש שבע שמונה"
    ts = _style()
    lines, too_wide = break_lines(plain_pieces(text, None, ts), 80, ts)
    assert not too_wide and len(lines) > 2
    # each line holds the next words of the text, in reading order …
    read = [" ".join(f.actual or f.segments[0].text for f in line.fragments).split() for line in lines]
    assert [w for line in read for w in line] == text.split()
    for line in lines:
        [frag] = line.fragments
        # … drawn right to left (the first word at the right) and flush right in the 80 pt measure
        assert frag.segments[0].text == frag.actual.rstrip(" ")[::-1]  # the space at the end is not drawn
        assert frag.x + frag.width == pytest.approx(80, abs=0.01)


def test_an_arabic_phrase_in_a_left_to_right_line_keeps_the_line_left_to_right():
    ts = _style()
    pieces = plain_pieces("Say مرحبا بكم now", None, ts)
    [line], _ = break_lines(pieces, 400, ts)
    texts = [(f.segments[0].text, f.actual) for f in line.fragments]
    assert texts[0] == ("Say ", "Say ")  # every run of a line with right-to-left text carries its text
    assert texts[-2:] == [(" ", " "), ("now", "now")]  # the space after Arabic is set in the Arabic font
    shown, actual = texts[1]
    assert actual == "مرحبا بكم"
    assert shown == "".join(d for _, d in shape("مرحبا بكم"))[::-1]  # joined forms, right to left
    xs = [f.x for f in line.fragments]
    assert xs == sorted(xs) and xs[0] == 0  # the line itself still starts at the left
