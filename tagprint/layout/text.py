"""Line breaking: inline runs become lines of fragments that fit a width.

Every word is shaped by HarfBuzz (fonts.py) and measured by its shaped advances; the glyphs travel with
the fragments to the pen, which draws them as shaped. Lines are broken greedily in logical order; a word
that does not fit may be hyphenated (pyphen, by the span's language; soft hyphens are break points), at
most two hyphenated lines in a row; ragged text only where the line would otherwise end more than its
hyphenation zone short of the measure; words in capitals and brand names never. A style may be aligned
left, right, centre or justified (the last line of a justified paragraph is set like the start). A line
with right-to-left text is then laid out in visual order
(bidi.py): a paragraph whose first strong letter is Arabic or Hebrew runs right to left, flush right.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Citation, Link, NoteRef
from .atoms import (  # noqa: F401  (what the layouts import from here)
    SUPERSCRIPT_MIN, SUPERSCRIPT_RISE, SUPERSCRIPT_SCALE, UNBOUNDED, Atom, Piece, TextStyle, atom_of, pieces,
    plain_pieces, superscript_size, width_of,
)
from .bidi import base_is_rtl, has_rtl
from .hyphenation import hyphenate, weightless
from .items import TagKey, TextLine
from .set_lines import set_bidi_line, set_line

_SPLIT = re.compile(r"([^\S\u00a0\u202f]+)")  # white space breaks a line; a no-break space (U+00A0, U+202F) does not
MAX_HYPHENATED = 2  # hyphenated lines in a row
HYPHENATION_ZONE = 0.14  # ragged text: a word is hyphenated only when the line would otherwise leave more
                         # than this share of the measure empty (InDesign's and TeX's hyphenation zone)
GLUED_AFTER = "≥≤×±<>=~≈"  # a space after these does not break a line ("≥ 3" stays together) ...
GLUED_BEFORE = "%‰"  # ... nor a space before these ("25 %")
RUNT_SHARE = 0.5  # a last line of one word narrower than this share of the measure is a runt
RUNT_SHARE_OF_TWO = 0.25  # the same for a text of two lines
NARROWER = (0.97, 0.94, 0.91, 0.88)  # measures a paragraph ending in a runt is set again at, in turn
RUNT_FIRST_OF_TWO = 0.35  # the first of two lines keeps this share of the measure when a word comes down
NARROWER_TWO = (0.82, 0.76)  # and then, for a paragraph of two lines (a caption), these: two balanced lines
# a number and the unit after it ("100 mg") go to the next line together when the pair fits a line
_NUMBER = re.compile(r"^[(\[]?[-+−±]?\d[\d.,\u00a0\u202f]*$")
_UNIT = re.compile(r"^(?:[mµμn]?g|mcg|kg|[mdµμ]?[lL]|[mµμn]?mol|I\.?U\.?|[mck]?m[²³]?|h|min|s|ms|k?Hz|°[CF]|mmHg"
                   r"|k?cal|kJ)(?=$|[/²³.,;:)\]])")


# ---- set lines, kept: the same words in the same style and width break the same way ---------------------
# A paragraph is broken once per process for its words, styles and width (the next variant of a library,
# the next profile, a rebuild in `watch`); a later document's lines are the kept ones with its own inline
# runs put in (the tags and links are the only parts of a line that name the model's objects).

_SET: dict[tuple, tuple[list[TextLine], list[str], list[Piece]]] = {}
_SET_LIMIT = 8192  # paragraphs kept; the oldest half goes when it is reached


def _set_key(items: list[Piece], width: float, ts: TextStyle) -> tuple:
    words = tuple((p.text, p.bold, p.italic, p.superscript, p.color, p.lang, p.dir, type(p.link),
                   k > 0 and p is items[k - 1]) for k, p in enumerate(items))
    return words, width, ts.style, ts.fonts, ts.lang, getattr(ts, "direction", "auto")


def _rebound(lines: list[TextLine], kept: list[Piece], items: list[Piece]) -> list[TextLine] | None:
    """The kept lines with the tags and links of `items` in place of those of `kept` (the same words);
    None when the kept pieces shared a tag or link that the new ones do not."""
    tags: dict[int, TagKey | None] = {}
    links: dict[int, Link | Citation | NoteRef | None] = {}
    same = True
    for old, new in zip(kept, items):
        if tags.setdefault(id(old.tag), new.tag) is not new.tag or \
                links.setdefault(id(old.link), new.link) is not new.link:
            return None
        same = same and old.tag is new.tag and old.link is new.link
    if same:
        return list(lines)
    return [replace(line, fragments=tuple(replace(f, tag=tags.get(id(f.tag), f.tag), link=links.get(id(f.link), f.link))
                                          for f in line.fragments)) for line in lines]


def break_lines(items: list[Piece], width: float, ts: TextStyle) -> tuple[list[TextLine], list[str]]:
    """Returns the lines (relative: x from 0, baselines from the top at 0) and words that overflow."""
    key = _set_key(items, width, ts)
    kept = _SET.get(key)
    if kept is not None:
        lines = _rebound(kept[0], kept[2], items)
        if lines is not None:
            return lines, list(kept[1])
    lines, too_wide = _break_lines(items, width, ts)
    if len(_SET) >= _SET_LIMIT:
        for old in list(_SET)[: _SET_LIMIT // 2]:
            del _SET[old]
    _SET[key] = (lines, list(too_wide), list(items))
    return list(lines), too_wide


def _break_lines(items: list[Piece], width: float, ts: TextStyle) -> tuple[list[TextLine], list[str]]:
    logical = "".join(piece.text for piece in items)
    direction = getattr(ts, "direction", "auto")
    bidi = has_rtl(logical) or direction == "rtl" or any(p.dir for p in items)
    atoms = _atoms(items, ts)
    hyphenate = getattr(ts.style, "hyphenate", False) and width < UNBOUNDED and not bidi
    lines, too_wide = _greedy(atoms, width, ts, hyphenate)
    if width < UNBOUNDED and not bidi:
        lines = _without_runt(atoms, lines, too_wide, width, ts, hyphenate)
    align = getattr(ts.style, "align", None)
    if bidi:
        rtl = base_is_rtl(logical) if direction == "auto" else direction == "rtl"
        return [set_bidi_line(atoms_of_line, n, ts, rtl, width, align, n == len(lines) - 1)
                for n, atoms_of_line in enumerate(lines)], too_wide
    return [set_line(atoms_of_line, n, ts, width, align, n == len(lines) - 1)
            for n, atoms_of_line in enumerate(lines)], too_wide


def _greedy(atoms: list[Atom], width: float, ts: TextStyle, hyphenate: bool) -> tuple[list[list[Atom]], list[str]]:
    """The words set line by line into `width`, and the words wider than a line."""
    breaker = _Breaker(width, ts, hyphenate)
    i = 0
    pending: list[Atom] | None = None  # the rest of a hyphenated word, to start the next line
    while i < len(atoms) or pending:
        if pending:
            space, word = None, pending
        else:
            space, word, i = _next_word(atoms, i, bool(breaker.current))
            if not word:
                continue
        pending = breaker.place(space, word)
    return breaker.finished(), breaker.too_wide


def _is_runt(lines: list[list[Atom]], width: float) -> bool:
    """A paragraph ending on a line of one word that fills less than half the measure; of two lines (a
    table cell, a bullet, a caption), only a word that fills less than a quarter: a longer one is left
    where it fell rather than part a pair of words ("IL-1 / receptor antagonist")."""
    share = RUNT_SHARE if len(lines) > 2 else RUNT_SHARE_OF_TWO
    return len(lines) >= 2 and not any(a.space and a.width for a in lines[-1]) and \
        sum(a.width for a in lines[-1]) < width * share


def _without_runt(atoms: list[Atom], lines: list[list[Atom]], too_wide: list[str], width: float, ts: TextStyle,
                  hyphenate: bool) -> list[list[Atom]]:
    """A typesetting rule: a paragraph does not end on a line of one short word ("excipients." alone). It is
    first set again a little narrower (3 or 6 %), which spreads the change over every line's rag; else the
    word before the runt comes down too where the line above keeps half the measure (one short line); else
    it is set narrower still (at most 12 %, or 24 % for two lines) — each only when it ends the paragraph
    on two words in as many lines."""
    if not _is_runt(lines, width):
        return lines

    def narrower(shares: tuple[float, ...]) -> list[list[Atom]] | None:
        for share in shares:
            again, wide = _greedy(atoms, width * share, ts, hyphenate)
            if len(again) == len(lines) and not _is_runt(again, width) and len(wide) <= len(too_wide):
                return again
        return None

    evenly = narrower(NARROWER[:2])
    if evenly is not None:
        return evenly
    pulled = [list(line) for line in lines]
    _no_runt(pulled, width, ts)
    if not _is_runt(pulled, width):
        return pulled
    return narrower(NARROWER[2:] + (NARROWER_TWO if len(lines) == 2 else ())) or lines


def _atoms(items: list[Piece], ts: TextStyle) -> list[Atom]:
    """The pieces cut into words and spaces, each shaped, with the typesetting rules' glue applied."""
    atoms: list[Atom] = []
    for piece in items:
        for part in _SPLIT.split(piece.text):
            if part:
                space = part.isspace()
                atom = atom_of(" " if space else part, piece, ts, space)
                before = atoms[-1] if atoms else None
                if space and before is not None and before.piece is piece and before.runs and atom.runs:
                    # a space is set in the font of the letter before it (a fallback font's run goes on)
                    face = before.runs[-1][0]
                    if face is not atom.runs[0][0] and 32 in face.chars:
                        runs = ((face, " ", face.shape(" ", ts.fonts.features)),)
                        atom = replace(atom, runs=runs, width=width_of(runs, piece, ts))
                atoms.append(atom)
    _glue(atoms)
    return atoms


def _next_word(atoms: list[Atom], i: int, line_begun: bool) -> tuple[Atom | None, list[Atom], int]:
    """The space before the word at `i` (none at the start of a line: it is dropped there), the word's
    atoms (empty when there is none), and the index after it."""
    space = None
    if atoms[i].space:
        space = atoms[i]
        i += 1
        if not line_begun:
            return None, [], i
    word = []
    while i < len(atoms) and not atoms[i].space:
        word.append(atoms[i])
        i += 1
    return space, word, i


class _Breaker:
    """Words set into lines one by one (greedy), with the number-and-unit rule, hyphenation (at most
    MAX_HYPHENATED lines in a row) and the words wider than a line noted."""

    def __init__(self, width: float, ts: TextStyle, hyphenate: bool):
        self.width, self.ts, self.hyphenate = width, ts, hyphenate
        self.lines: list[list[Atom]] = []
        self.current: list[Atom] = []
        self.used = 0.0
        self.too_wide: list[str] = []
        self.hyphenated = 0  # hyphenated lines just before

    def place(self, space: Atom | None, word: list[Atom]) -> list[Atom] | None:
        """Sets `word` (after `space`); returns the rest of a word hyphenated here, to start the next line."""
        word_width = sum(a.width for a in word)
        gap = space.width if space and self.current else 0.0
        if self.current and self.used + gap + word_width > self.width + 0.01:
            placed, rest = self._line_full(space, word, gap)
            if placed:
                return rest
            gap = 0.0
        if not self.current and word_width > self.width + 0.01:
            split = self._split(word, self.width)
            if split:
                self.lines.append([split[0]])
                self.hyphenated += 1
                return [split[1], *word[1:]]
            self.too_wide.append("".join(a.text for a in word))
        if space and self.current:
            self.current.append(space)
        self.current.extend(word)
        self.used += gap + word_width
        return None

    def _line_full(self, space: Atom | None, word: list[Atom], gap: float) -> tuple[bool, list[Atom] | None]:
        """The word does not fit the line: the number before it comes down with it (a unit), the word is
        hyphenated (placed: True, with the rest of it), or the line ends before it (placed: False)."""
        carried = _carry_number(self.current, space, word, self.width)
        if carried:  # the number comes down with its unit (the pair fits a line)
            self.lines.append(carried[0])
            self.current, self.hyphenated = carried[1], 0
            self.used = sum(a.width for a in self.current)
            return True, None
        split = self._split(word, self.width - self.used - gap) if self._in_zone() else None
        if split:
            if space:
                self.current.append(space)
            self.current.append(split[0])
            self._end_line()
            self.hyphenated += 1
            return True, [split[1], *word[1:]]
        if space:  # kept, weightless, at the line's end: extracted text keeps its word break
            self.current.append(weightless(space))
        self._end_line()
        self.hyphenated = 0
        return False, None

    def _in_zone(self) -> bool:
        """Whether ending the line here would leave too ragged a line: justified text is always
        hyphenated where it can be (its spaces would stretch); ragged text only when more than the
        hyphenation zone of the measure would stay empty."""
        if getattr(self.ts.style, "align", None) == "justify":
            return True
        return self.width - self.used > HYPHENATION_ZONE * self.width

    def _split(self, word: list[Atom], room: float) -> tuple[Atom, Atom] | None:
        return hyphenate(word, room, self.ts) if self.hyphenate and self.hyphenated < MAX_HYPHENATED else None

    def _end_line(self) -> None:
        self.lines.append(self.current)
        self.current, self.used = [], 0.0

    def finished(self) -> list[list[Atom]]:
        if self.current:
            self._end_line()
        return self.lines


def _carry_number(current: list[Atom], space: Atom | None, word: list[Atom],
                  width: float) -> tuple[list[Atom], list[Atom]] | None:
    """When `word` is a unit ("mg") that does not fit after the number ending the line ("100"): the line
    ended before the number, and the next line begun with the number, the space and the unit. None when the
    line ends otherwise, the number is all the line holds, or the number, space and unit together are wider
    than a line (then they part)."""
    cut = max((k for k, a in enumerate(current) if a.space), default=None)
    if space is None or not cut or not _UNIT.match(word[0].text):
        return None
    number = current[cut + 1:]
    if not number or not _NUMBER.match(number[-1].text):
        return None
    if sum(a.width for a in number) + space.width + sum(a.width for a in word) > width + 0.01:
        return None
    return current[:cut] + [weightless(current[cut])], [*number, space, *word]


def _glue(atoms: list[Atom]) -> None:
    """A typesetting rule: no line break after a relation or operator sign ("≥", "≤", "×", "±", …) or
    before a per cent sign; such a space is set as part of the word (it neither breaks nor stretches)."""
    for k in range(1, len(atoms) - 1):
        space, before, after = atoms[k], atoms[k - 1], atoms[k + 1]
        if space.space and not before.space and not after.space and before.text and after.text and (
                before.text[-1] in GLUED_AFTER or after.text[0] in GLUED_BEFORE):
            atoms[k] = replace(space, space=False)


def _no_runt(lines: list[list[Atom]], width: float, ts: TextStyle) -> None:
    """The word before a runt comes down to it, where the two fit a line and the line above keeps at least
    half the measure (the first of two lines: a third of it); else `lines` stay as they are."""
    last, above = lines[-1], lines[-2]
    if not above or not above[-1].space or above[-1].width:
        return  # the line above does not end at a space (a hyphenated word)
    body = above[:-1]  # the line above without its weightless end space
    cut = max((k for k, a in enumerate(body) if a.space), default=None)
    if cut is None:
        return
    moved = body[cut + 1:]
    if any(a.hyphen for a in moved):
        return
    gap = atom_of(" ", above[-1].piece, ts, True)
    if sum(a.width for a in moved) + gap.width + sum(a.width for a in last) > width + 0.01:
        return
    if sum(a.width for a in body[:cut]) < width * (RUNT_FIRST_OF_TWO if len(lines) == 2 else 0.5):
        return
    lines[-2] = body[:cut] + [weightless(body[cut])]
    lines[-1] = moved + [gap] + last


