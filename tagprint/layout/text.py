"""Line breaking: inline runs become lines of fragments that fit a width (ragged right, no hyphens)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..fonts import FontStack
from ..model import Citation, Color, Link, NoteRef, Text, TypeStyle
from ..model.inline import Inline
from .items import Fragment, Segment, TagKey, TextLine

SUPERSCRIPT_SCALE = 0.7
SUPERSCRIPT_MIN = 5.5  # pt: a citation or note marker in small text (a table cell, a footnote) stays readable
SUPERSCRIPT_RISE = 0.36
_SPLIT = re.compile(r"(\s+)")


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


def _measure(text: str, piece: Piece, ts: TextStyle) -> float:
    size = superscript_size(ts.style.size) if piece.superscript else ts.style.size
    return ts.fonts.width(text, size, piece.bold, piece.italic) + ts.style.tracking * len(text)


def break_lines(items: list[Piece], width: float, ts: TextStyle) -> tuple[list[TextLine], list[str]]:
    """Returns the lines (relative: x from 0, baselines from the top at 0) and words that overflow."""
    atoms: list[_Atom] = []
    for piece in items:
        for part in _SPLIT.split(piece.text):
            if part:
                space = part.isspace()
                text = " " if space else part
                atoms.append(_Atom(text, piece, _measure(text, piece, ts), space))
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
                current.append(_Atom(space.text, space.piece, 0.0, True))
            lines.append(current)
            current, used = list(word), word_width
        else:
            if space and current:
                current.append(space)
            current.extend(word)
            used += gap + word_width
    if current:
        lines.append(current)
    return [_line(atoms_of_line, n, ts) for n, atoms_of_line in enumerate(lines)], too_wide


def _line(atoms: list[_Atom], n: int, ts: TextStyle) -> TextLine:
    style = ts.style
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
        size = superscript_size(style.size) if piece.superscript else style.size
        segments = tuple(Segment(face.name, t) for face, t in ts.fonts.segments(text, piece.bold, piece.italic))
        fragments.append(Fragment(
            x=x, width=width, segments=segments, size=size, color=piece.color, tag=piece.tag,
            rise=style.size * SUPERSCRIPT_RISE if piece.superscript else 0.0, tracking=style.tracking,
            link=piece.link, underline=isinstance(piece.link, Link),
        ))
        x += width
    ascent = style.size * 0.78
    return TextLine(0.0, n * style.leading + ascent + (style.leading - style.size) / 2, style.leading,
                    tuple(fragments))
