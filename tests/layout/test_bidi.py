"""The bidirectional algorithm per line (layout/bidi.py), and lines of right-to-left text shaped by HarfBuzz."""

from __future__ import annotations

import unicodedata

import pytest
from bidi import get_display
from fontTools.ttLib import TTFont

from tagprint.fonts import FontStack, by_name
from tagprint.layout.bidi import base_is_rtl, levels, visual_runs
from tagprint.layout.text import Piece, TextStyle, break_lines, plain_pieces
from tagprint.model import Text, TypeStyle


def _visual(text: str, rtl: bool) -> str:
    """The characters of `text` left to right, by levels per character and L2 (one run per character)."""
    lv = levels(text, rtl)
    return "".join(text[i] for i in visual_runs(lv))


@pytest.mark.parametrize("text, rtl", [
    ("abc مرحبا 25 بكم def", False),
    ("مرحبا بكم في السلام", True),
    ("שלום, 25 mg.", True),
    ("Take 2 tablets: שתי טבליות פעמיים ביום, with water", False),
])
def test_visual_order_agrees_with_python_bidi(text, rtl):
    assert _visual(text, rtl) == get_display(text, base_dir="R" if rtl else "L")


def test_paragraph_direction_is_that_of_its_first_strong_letter():
    assert base_is_rtl("«שלום» world")
    assert base_is_rtl("25 مرحبا")
    assert not base_is_rtl("Welcome, مرحبا")
    assert not base_is_rtl("2024")


def _style(size: float = 10.0) -> TextStyle:
    style = TypeStyle(size=size, leading=size * 1.4)
    return TextStyle(style, (0, 0, 0), (0, 0, 1), FontStack(("Atkinson Hyperlegible", "DejaVu Sans")))


def _names(segment) -> list[str]:
    """The glyphs' names in DejaVu Sans, read as the Unicode names of the forms they draw."""
    order = TTFont(str(by_name(segment.font).path), lazy=True).getGlyphOrder()
    names = [order[g.gid] for g in segment.glyphs]
    return [unicodedata.name(chr(int(n[3:7], 16))) if n.startswith("uni") else n for n in names]


def test_a_right_to_left_paragraph_breaks_in_logical_order_and_sets_flush_right():
    text = "אחת שתיים שלוש ארבע חמש שש שבע שמונה"
    ts = _style()
    lines, too_wide = break_lines(plain_pieces(text, None, ts), 80, ts)
    assert not too_wide and len(lines) > 2
    read = [w for line in lines for f in line.fragments for s in f.segments for w in s.text.split()]
    assert read == text.split()  # each line holds the next words, in reading order
    for line in lines:
        right = max(f.x + f.width for f in line.fragments)
        assert right == pytest.approx(80, abs=0.01)  # flush right
        for f in line.fragments:
            for s in f.segments:
                clusters = [g.cluster for g in s.glyphs]
                assert clusters == sorted(clusters, reverse=True)  # drawn right to left: visual order


def test_an_arabic_phrase_in_a_left_to_right_line_is_shaped_right_to_left():
    ts = _style()
    [line], _ = break_lines(plain_pieces("Say مرحبا بكم now", None, ts), 400, ts)
    texts = [s.text for f in line.fragments for s in f.segments]
    assert texts[0].startswith("Say") and texts[-1].endswith("now")
    arabic = next(s for f in line.fragments for s in f.segments if "مرحبا" in s.text)
    names = _names(arabic)
    assert names[-1] == "ARABIC LETTER MEEM INITIAL FORM"  # meem, the first letter read, is drawn at the right, joined
    xs = [f.x for f in line.fragments]
    # fragments are listed in reading order: "Say" at the left, "now" at the right, the Arabic between
    assert xs[0] == 0 and xs[-1] == max(xs)
    assert line.fragments[0].actual is None  # no /ActualText: glyphs map to their letters


def test_a_bold_letter_inside_an_arabic_word_keeps_joining():
    ts = _style()
    word = (Text("مر"), Text("حب", strong=True), Text("ا"))
    items = [Piece(t.text, t.strong, False, False, (t, ""), None, (0, 0, 0)) for t in word]
    [line], _ = break_lines(items, 400, ts)
    names = [n for f in line.fragments for s in f.segments for n in _names(s)]
    whole = _names(break_lines(plain_pieces("مرحبا", None, ts), 400, ts)[0][0].fragments[0].segments[0])
    # the same joining forms as the word set in one style (bold DejaVu has the same glyph names)
    assert sorted(names) == sorted(whole)
    assert "ARABIC LETTER BEH MEDIAL FORM" in names


def test_harakat_are_placed_as_marks():
    ts = _style()
    [line], _ = break_lines(plain_pieces("بَ", None, ts), 400, ts)
    [segment] = line.fragments[0].segments
    mark = [g for g in segment.glyphs if g.advance == 0]
    assert mark and (mark[0].dx or mark[0].dy)  # HarfBuzz moves the fatha over its letter


def _visual_words(line) -> list[str]:
    return [s.text.strip() for f in sorted(line.fragments, key=lambda f: f.x) for s in f.segments if s.text.strip()]


def test_a_block_may_say_its_direction():
    from dataclasses import replace as _replace

    ts = _replace(_style(), direction="rtl")
    [line], _ = break_lines(plain_pieces("Take two", None, ts), 200, ts)
    assert _visual_words(line) == ["two", "Take"] or _visual_words(line) == ["Take two"]
    assert max(f.x + f.width for f in line.fragments) == pytest.approx(200, abs=0.01)  # flush right
    ts = _replace(_style(), direction="ltr")
    [line], _ = break_lines(plain_pieces("שלום עולם", None, ts), 200, ts)
    assert min(f.x for f in line.fragments) == 0  # set from the left, though its letters are Hebrew


def test_a_span_may_say_its_direction():
    ts = _style()
    runs = (Text("Code "), Text("AB!", dir="rtl"), Text(" end"))
    items = [Piece(t.text, False, False, False, (t, ""), None, (0, 0, 0), "", t.dir or "") for t in runs]
    [line], _ = break_lines(items, 400, ts)
    words = " ".join(_visual_words(line)).split()
    # in a right-to-left span the closing '!' belongs to the span's direction: it stands at its left
    assert words == ["Code", "!", "AB", "end"]


def test_dir_is_read_from_the_layout_and_the_markup(project):
    project.layout()
    project.content("body:\n  - type: paragraph\n    dir: rtl\n    text: 'Hello [a b]{dir=rtl} world'\n")
    document = project.build().document
    [paragraph] = [b for s in document.sections() for b in s.blocks]
    assert paragraph.dir == "rtl" and paragraph.runs[1].dir == "rtl"
