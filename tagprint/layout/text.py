"""Line breaking: inline runs become lines of fragments that fit a width (ragged, no hyphens).

Lines are broken in logical order; a line with right-to-left text is then laid out in visual order
(bidi.py): a paragraph whose first strong letter is Arabic or Hebrew runs right to left, flush right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..fonts import FontStack
from ..model import Citation, Color, Link, NoteRef, Text, TypeStyle
from ..model.inline import Inline
from .bidi import base_is_rtl, has_rtl, shape, shaped, visual_order
from .items import Fragment, Segment, TagKey, TextLine

SUPERSCRIPT_SCALE = 0.7
SUPERSCRIPT_MIN = 5.5  # pt: a citation or note marker in small text (a table cell, a footnote) stays readable
SUPERSCRIPT_RISE = 0.36
_SPLIT = re.compile(r"([^\S\u00a0\u202f]+)")  # white space breaks a line; a no-break space (U+00A0, U+202F) does not


@dataclass(frozen=True)
class Piece:
    text: str
    bold: bool
    italic: bool
    superscript: bool
    tag: TagKey
    link: Link | Citation | NoteRef | None
    color: Color


@dataclass
class TextStyle:
    style: TypeStyle
    color: Color
    link_color: Color
    fonts: FontStack


def pieces(runs: tuple[Inline, ...], ts: TextStyle, link: Link | None = None) -> list[Piece]:
    out: list[Piece] = []
    for run in runs:
        if isinstance(run, Text) and not run.text.strip():  # a space between runs: no slot of its own
            if out and not out[-1].text.endswith(" "):
                out[-1] = replace(out[-1], text=out[-1].text + " ")
            continue
        if isinstance(run, Text):
            color = ts.link_color if link else ts.color
            text = run.text.upper() if ts.style.uppercase else run.text
            out.append(Piece(text, ts.style.bold or run.strong, ts.style.italic or run.emphasis, False,
                             (run, ""), link, color))
        elif isinstance(run, (Citation, NoteRef)):
            out.append(Piece(run.text, ts.style.bold, ts.style.italic, True, (run, ""), run, ts.color))
        elif isinstance(run, Link):
            out.extend(pieces(run.runs, ts, run))
    return out


def plain_pieces(text: str, tag: TagKey, ts: TextStyle, link: Link | None = None) -> list[Piece]:
    shown = text.upper() if ts.style.uppercase else text
    return [Piece(shown, ts.style.bold, ts.style.italic, False, tag, link, ts.color)]


def superscript_size(size: float) -> float:
    """A citation's or note marker's size for text of `size`: 0.7 of it, at least 5.5 pt, never larger."""
    return min(size, max(SUPERSCRIPT_MIN, size * SUPERSCRIPT_SCALE))


@dataclass
class _Atom:
    text: str
    piece: Piece
    width: float
    space: bool
    font: str = ""  # in a line with right-to-left text: the font a space is set (and measured) in


UNBOUNDED = 10_000.0  # a width at or beyond this is "one line, as long as it needs": no flush right


def _measure(text: str, piece: Piece, ts: TextStyle) -> float:
    return ts.fonts.width(text, _size(piece, ts), piece.bold, piece.italic) + ts.style.tracking * len(text)


def break_lines(items: list[Piece], width: float, ts: TextStyle) -> tuple[list[TextLine], list[str]]:
    """Returns the lines (relative: x from 0, baselines from the top at 0) and words that overflow."""
    logical = "".join(piece.text for piece in items)
    bidi = has_rtl(logical)
    atoms: list[_Atom] = []
    for piece in items:
        before = ""
        for part in _SPLIT.split(piece.text):
            if part:
                space = part.isspace()
                text = " " if space else part
                if space and bidi:  # set in the font of the letter before it, so it travels with that word
                    font = ts.fonts.segments(shaped(before)[-1:] or " ", piece.bold, piece.italic)[0][0]
                    atoms.append(_Atom(text, piece, font.width(" ", _size(piece, ts)) + ts.style.tracking,
                                       True, font.name))
                else:
                    atoms.append(_Atom(text, piece, _measure(shaped(text), piece, ts), space))
                before = text
    lines: list[list[_Atom]] = []
    current: list[_Atom] = []
    used = 0.0
    too_wide: list[str] = []
    i = 0
    while i < len(atoms):
        if atoms[i].space:
            space = atoms[i]
            i += 1
            if not current:
                continue
        else:
            space = None
        word: list[_Atom] = []
        while i < len(atoms) and not atoms[i].space:
            word.append(atoms[i])
            i += 1
        if not word:
            continue
        word_width = sum(a.width for a in word)
        if word_width > width + 0.01:
            too_wide.append("".join(a.text for a in word))
        gap = space.width if space and current else 0.0
        if current and used + gap + word_width > width + 0.01:
            if space:  # kept, weightless, at the line's end: extracted text keeps its word break
                current.append(replace(space, width=0.0))
            lines.append(current)
            current, used = list(word), word_width
        else:
            if space and current:
                current.append(space)
            current.extend(word)
            used += gap + word_width
    if current:
        lines.append(current)
    if bidi:
        rtl = base_is_rtl(logical)
        return [_bidi_line(atoms_of_line, n, ts, rtl, width) for n, atoms_of_line in enumerate(lines)], too_wide
    return [_line(atoms_of_line, n, ts) for n, atoms_of_line in enumerate(lines)], too_wide


def _size(piece: Piece, ts: TextStyle) -> float:
    return superscript_size(ts.style.size) if piece.superscript else ts.style.size


def _fragment(x: float, width: float, segments: tuple[Segment, ...], piece: Piece, ts: TextStyle,
              actual: str | None = None) -> Fragment:
    style = ts.style
    return Fragment(
        x=x, width=width, segments=segments, size=_size(piece, ts), color=piece.color, tag=piece.tag,
        rise=style.size * SUPERSCRIPT_RISE if piece.superscript else 0.0, tracking=style.tracking,
        link=piece.link, underline=isinstance(piece.link, Link), actual=actual,
    )


def _text_line(n: int, ts: TextStyle, fragments: list[Fragment]) -> TextLine:
    style = ts.style
    ascent = style.size * 0.78
    return TextLine(0.0, n * style.leading + ascent + (style.leading - style.size) / 2, style.leading,
                    tuple(fragments))


@dataclass
class _Cluster:
    logical: str
    drawn: str
    piece: Piece
    face: str
    width: float


def _bidi_line(atoms: list[_Atom], n: int, ts: TextStyle, rtl: bool, width: float) -> TextLine:
    """A line with right-to-left text: shaped, then its clusters placed left to right in visual order.

    Each fragment is a run of clusters of one inline run and one font that sit side by side on the page
    and follow each other in the text; it is drawn in visual order and carries its logical text
    (`actual`). Fragments are listed in logical order, so the content stream, and any
    reader that follows it, meets them in reading order."""
    clusters: list[_Cluster] = []
    for atom in atoms:
        if atom.space:  # measured in its own font by break_lines; at a line's end, text but no glyph
            clusters.append(_Cluster(atom.text, atom.text if atom.width else "", atom.piece, atom.font, atom.width))
            continue
        for logical, drawn in shape(atom.text):
            piece = atom.piece
            font = ts.fonts.segments(drawn, piece.bold, piece.italic)[0][0].name if drawn else ""
            clusters.append(_Cluster(logical, drawn, piece, font, _measure(drawn, piece, ts) if drawn else 0.0))
    shown = [i for i, c in enumerate(clusters) if c.drawn]  # a line-end space or a lone mark draws nothing
    runs: list[tuple[str, list[int]]] = []  # (font, ranks in `shown` of its clusters, in visual order)
    drawn_at: dict[int, str] = {}
    for p in visual_order([clusters[i].drawn for i in shown], rtl):
        c = clusters[shown[p.index]]
        drawn_at[p.index] = p.drawn
        if runs:
            font, members = runs[-1]
            step = p.index - members[-1]
            direction = members[-1] - members[-2] if len(members) > 1 else step
            if (clusters[shown[members[-1]]].piece is c.piece and c.face == font and step in (1, -1)
                    and step == direction):
                members.append(p.index)
                continue
        runs.append((c.face, [p.index]))
    owner = {}  # cluster index -> its run; what draws nothing belongs with the cluster before it
    for r, (_, members) in enumerate(runs):
        for rank in members:
            owner[shown[rank]] = r
    for i in range(len(clusters)):
        if i not in owner:
            owner[i] = owner[i - 1] if i else (owner[shown[0]] if shown else 0)
    used = sum(c.width for c in clusters)
    x = width - used if rtl and width < UNBOUNDED else 0.0
    fragments: list[tuple[int, Fragment]] = []
    for r, (font, members) in enumerate(runs):
        run_width = sum(clusters[shown[rank]].width for rank in members)
        drawn = "".join(drawn_at[rank] for rank in members)
        logical = "".join(c.logical for i, c in enumerate(clusters) if owner[i] == r)
        # every run of such a line carries its text: readers that guess the order of a right-to-left line
        # (PDFium) would turn a Latin run inside it round, and make no text of a lone space glyph
        actual = logical
        fragments.append((min(shown[rank] for rank in members),
                          _fragment(x, run_width, (Segment(font, drawn),), clusters[shown[members[0]]].piece, ts,
                                    actual)))
        x += run_width
    return _text_line(n, ts, [f for _, f in sorted(fragments, key=lambda item: item[0])])


def _line(atoms: list[_Atom], n: int, ts: TextStyle) -> TextLine:
    fragments: list[Fragment] = []
    x = 0.0
    groups: list[list[_Atom]] = []
    for atom in atoms:
        if groups and groups[-1][0].piece is atom.piece:
            groups[-1].append(atom)
        else:
            groups.append([atom])
    for group in groups:
        piece = group[0].piece
        text = "".join(a.text for a in group)
        width = sum(a.width for a in group)
        segments = tuple(Segment(face.name, t) for face, t in ts.fonts.segments(text, piece.bold, piece.italic))
        fragments.append(_fragment(x, width, segments, piece, ts))
        x += width
    return _text_line(n, ts, fragments)
