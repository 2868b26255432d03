"""Set lines are kept per process (the next variant, profile or rebuild reuses them): a kept paragraph
comes back with the tags and links of the document asking for it, never those of the one that set it."""

from __future__ import annotations

from tagprint.fonts import FontStack
from tagprint.layout import text
from tagprint.layout.text import TextStyle, break_lines, pieces
from tagprint.model import Link, Text, TypeStyle

WORDS = "Anakinra blocks interleukin-1, a driver of inflammation in difficult-to-treat rheumatoid arthritis."


def _style() -> TextStyle:
    return TextStyle(TypeStyle(size=10, leading=13), (0, 0, 0), (0, 0, 1),
                     FontStack(("Atkinson Hyperlegible", "DejaVu Sans")))


def _runs() -> tuple:
    """A fresh paragraph's runs (a new document's model objects): text, a link, text."""
    return (Text(WORDS + " "), Link("https://example.org/ra", (Text("Read the study"),)), Text(" today."))


def _tags(lines) -> list:
    return [f.tag for line in lines for f in line.fragments]


def test_a_kept_paragraph_carries_the_new_documents_runs():
    ts = _style()
    text._SET.clear()
    first = _runs()
    lines_a, _ = break_lines(pieces(first, ts), 150, ts)
    assert len(text._SET) == 1
    second = _runs()
    lines_b, _ = break_lines(pieces(second, ts), 150, ts)
    assert len(text._SET) == 1  # the same words, style and width: kept, not set again
    # the same glyphs in the same places…
    assert [(f.x, f.segments, f.width) for line in lines_a for f in line.fragments] == \
           [(f.x, f.segments, f.width) for line in lines_b for f in line.fragments]
    # …but every fragment names the second paragraph's runs (by identity), and its link
    assert {id(t[0]) for t in _tags(lines_b)} <= {id(second[0]), id(second[1].runs[0]), id(second[2])}
    assert not {id(t[0]) for t in _tags(lines_b)} & {id(first[0]), id(first[1].runs[0]), id(first[2])}
    links = [f.link for line in lines_b for f in line.fragments if f.link is not None]
    assert links and all(link is second[1] for link in links)


def test_another_width_or_style_is_set_anew():
    ts = _style()
    text._SET.clear()
    narrow, _ = break_lines(pieces(_runs(), ts), 120, ts)
    wide, _ = break_lines(pieces(_runs(), ts), 400, ts)
    bold = TextStyle(TypeStyle(size=10, leading=13, bold=True), ts.color, ts.link_color, ts.fonts)
    heavy, _ = break_lines(pieces(_runs(), bold), 120, bold)
    assert len(text._SET) == 3
    assert len(narrow) > len(wide)
    assert max(f.x + f.width for line in heavy for f in line.fragments) != \
           max(f.x + f.width for line in narrow for f in line.fragments)
