"""What is left of a paragraph after its first lines: the same inline pieces, from where those lines end.

A paragraph cut between two regions of different widths is set again at the second region's width from
the first character its first part did not show. The lines' logical text is matched against the pieces'
text: white space, soft hyphens and characters the line breaker added (a hyphen at a line's end) are
passed over, so the words cut by a hyphen continue where they stopped.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from .items import TextLine
from .text import Piece

_PASSED_OVER = {"\u00ad"}  # soft hyphens: break points, never text of their own


def line_text(line: TextLine) -> str:
    """A line's text in logical order (a right-to-left run carries it as `actual`)."""
    return "".join(f.actual if f.actual is not None else "".join(s.text for s in f.segments)
                   for f in line.fragments)


def pieces_after(items: Sequence[Piece], lines: Sequence[TextLine]) -> list[Piece]:
    """The pieces that follow the text of `lines` (the first lines of the paragraph set from `items`)."""
    shown = [c for line in lines for c in line_text(line) if not c.isspace() and c not in _PASSED_OVER]
    index, offset = 0, 0
    for char in shown:
        found = _next_char(items, index, offset)
        if found is None:
            return []
        i, o = found
        if items[i].text[o] == char:
            index, offset = i, o + 1
        # else: a character the lines added (a hyphen at a line's end): the pieces stay where they are
    out: list[Piece] = []
    for i in range(index, len(items)):
        text = items[i].text[offset:] if i == index else items[i].text
        if not out:
            text = text.lstrip()
            if not text:
                continue
        out.append(replace(items[i], text=text))
    return out


def _next_char(items: Sequence[Piece], index: int, offset: int) -> tuple[int, int] | None:
    """The next character of the pieces that a line shows (white space and soft hyphens passed over)."""
    while index < len(items):
        text = items[index].text
        while offset < len(text):
            if not text[offset].isspace() and text[offset] not in _PASSED_OVER:
                return index, offset
            offset += 1
        index, offset = index + 1, 0
    return None
