"""Hyphenation: a word cut at a soft hyphen, or where the dictionary of its language (pyphen) allows, with
sensible minimum lengths; the hyphen added at the line end is drawn, not part of the text. A word set in
capitals or a brand name (two or more capitals, as "NORVALIN" or "VELARIS", or a word carrying ® or ™) is
never cut by the dictionary: a reader must meet a brand whole."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from .atoms import Atom, TextStyle, lang_of, shape_runs, width_of

HYPHEN = "-"


MIN_WORD = 6        # letters a word needs before it is hyphenated
MIN_LEFT = 3        # letters left before a hyphen ("Be-" is too short a head to read on)
MIN_RIGHT = 3       # letters carried to the next line
MARKS = "®™℠"       # a word carrying one of these is a brand name


def weightless(space: Atom) -> Atom:
    runs = tuple((f, t, tuple(g._replace(advance=0.0) for g in glyphs)) for f, t, glyphs in space.runs)
    return replace(space, width=0.0, runs=runs)


@functools.lru_cache(maxsize=1 << 14)
def _dictionary(lang: str):
    import pyphen

    for candidate in (lang, lang.replace("-", "_"), lang.split("-")[0]):
        if candidate and pyphen.language_fallback(candidate.replace("-", "_")):
            return pyphen.Pyphen(lang=pyphen.language_fallback(candidate.replace("-", "_")), left=MIN_LEFT,
                                 right=MIN_RIGHT)
    return None


_LETTERS = re.compile(r"^(\W*)(\w+)(\W*)$")


def is_name(word: list[Atom]) -> bool:
    """A word set in capitals or a brand name: two or more capital letters ("NORVALIN", "McKinley",
    "VELARIS"), or a registered or trade mark anywhere in it."""
    text = "".join(a.text for a in word)
    return sum(c.isupper() for c in text) >= 2 or any(c in MARKS for c in text)


def hyphenate(word: list[Atom], room: float, ts: TextStyle) -> tuple[Atom, Atom] | None:
    """The word's first atom cut at the last break point whose head and a hyphen fit `room`: soft hyphens
    where the text has them, else the dictionary of its language."""
    atom = word[0]
    if atom.space or atom.piece.superscript:
        return None
    text = atom.text
    points = list(atom.breaks)
    if not points:
        m = _LETTERS.match(text)
        if not m or len(m.group(2)) < MIN_WORD or any(c.isdigit() for c in m.group(2)) or is_name(word):
            return None
        dic = _dictionary(lang_of(atom.piece, ts))
        if dic is None:
            return None
        offset = len(m.group(1))
        points = [offset + p for p in dic.positions(m.group(2))]
        if "-" in m.group(2):
            return None
    for p in sorted(points, reverse=True):
        if p < MIN_LEFT or len(text) - p < MIN_RIGHT and not atom.breaks:
            continue
        head_text = text[:p]
        ends_with_hyphen = head_text.endswith("-")
        runs = shape_runs(head_text, atom.piece, ts)
        hyphen = () if ends_with_hyphen else shape_runs(HYPHEN, atom.piece, ts)
        w = width_of(runs, atom.piece, ts) + width_of(hyphen, atom.piece, ts)
        if w <= room + 0.01:
            head = Atom(head_text, atom.piece, w, False, runs, not ends_with_hyphen, hyphen)
            tail_text = text[p:]
            tail = Atom(tail_text, atom.piece, 0.0, False, shape_runs(tail_text, atom.piece, ts),
                         breaks=
                         tuple(b - p for b in atom.breaks if b > p))
            tail.width = width_of(tail.runs, atom.piece, ts)
            return head, tail
    return None
