"""A broken line's atoms set as a line of fragments: left to right (aligned or justified), or, with
right-to-left text, in runs of one level placed in visual order."""

from __future__ import annotations

import functools
from dataclasses import replace

from ..draw.glyph_map import glyph_texts
from ..fonts import Face, Glyph
from .atoms import UNBOUNDED, Atom, Piece, TextStyle, fragment_of, lang_of, offset, size_of, text_line, width_of
from .bidi import levels, visual_runs
from .items import Fragment, Segment, TextLine

def _segments_of(atoms: list[Atom], extra: float, size: float) -> tuple[tuple[Segment, ...], float]:
    """The atoms' runs as segments (one per face, glyph clusters counted in the segment's text), spaces
    widened by `extra` points (justification); and the width."""
    segments: list[Segment] = []
    width = 0.0
    for atom in atoms:
        for face, chars, glyphs in atom.runs:
            if atom.space and atom.width and extra:  # (the space that ends a line stays weightless)
                glyphs = tuple(g._replace(advance=g.advance + extra * 1000 / size) for g in glyphs)
            texts = _texts(chars, glyphs)
            if segments and segments[-1].font == face.name:
                last = segments[-1]
                segments[-1] = Segment(face.name, last.text + chars, last.glyphs + glyphs, last.texts + texts)
            else:
                segments.append(Segment(face.name, chars, tuple(glyphs), texts))
        width += atom.width + (extra if atom.space and atom.width else 0.0)

    return tuple(segments), width


@functools.lru_cache(maxsize=1 << 16)
def _texts(chars: str, glyphs: tuple[Glyph, ...]) -> tuple[str, ...]:
    return tuple(glyph_texts(chars, glyphs))


def set_line(atoms: list[Atom], n: int, ts: TextStyle, width: float = UNBOUNDED, align: str | None = None,
          last: bool = True) -> TextLine:
    inner_spaces = [k for k, a in enumerate(atoms) if a.space and a.width and k < len(atoms) - 1]
    used = sum(a.width for a in atoms)
    extra = 0.0
    if align == "justify" and not last and inner_spaces and width < UNBOUNDED and used < width:
        extra = (width - used) / len(inner_spaces)
    x = offset(align if align != "justify" else None, width, used, False)
    fragments: list[Fragment] = []
    groups: list[list[Atom]] = []
    for atom in atoms:
        if groups and groups[-1][0].piece is atom.piece:
            groups[-1].append(atom)
        else:
            groups.append([atom])
    for group in groups:
        piece = group[0].piece
        segments, w = _segments_of(group, extra, size_of(piece, ts))
        fragment = fragment_of(x, w, segments, piece, ts)
        if group[-1].hyphen:  # the hyphen added at a line's end is drawn after it, but is no part of the text
            hyphen_w = width_of(group[-1].hyphen_runs, piece, ts)
            face, chars, glyphs = group[-1].hyphen_runs[0]
            fragment = replace(fragment, width=w - hyphen_w, hyphen=Segment(face.name, chars, glyphs),
                               hyphen_width=hyphen_w)
        fragments.append(fragment)
        x += w
    return text_line(n, ts, fragments)


def set_bidi_line(atoms: list[Atom], n: int, ts: TextStyle, rtl: bool, width: float, align: str | None = None,
               last: bool = True) -> TextLine:
    """A line with right-to-left text: cut into runs of one level, one inline run and one face; each run
    shaped in its direction with its neighbours as context (a bold letter inside an Arabic word still
    joins), and the runs placed left to right in visual order (L2). Fragments are listed in logical
    order, so the content stream, and any reader that follows it, meets them in reading order."""
    chars: list[tuple[str, int]] = []  # (character, atom index)
    for k, atom in enumerate(atoms):
        chars.extend((c, k) for c in atom.text)
    text = "".join(c for c, _ in chars)
    lv = levels(text, rtl, _direction_spans(atoms, chars))
    faces = _faces_of(atoms, text)
    runs = _level_runs(atoms, chars, text, lv, faces)
    order = visual_runs([lv[s] for s, _ in runs])
    shaped = [_shaped_run(atoms, chars, text, lv, faces, s, e, ts) for s, e in runs]
    used = sum(w for w, _, _ in shaped)
    x = offset(align, width, used, rtl)
    placed: dict[int, Fragment] = {}
    for r in order:
        w, segment, piece = shaped[r]
        placed[r] = fragment_of(x, w, (segment,), piece, ts)
        x += w
    return text_line(n, ts, [placed[r] for r in range(len(runs)) if placed[r].segments[0].glyphs])


def _direction_spans(atoms: list[Atom], chars: list[tuple[str, int]]) -> list[tuple[int, int, bool]]:
    """(start, end, rtl) of the runs whose span gives a direction ({dir=rtl}), neighbours of one merged."""
    spans: list[tuple[int, int, bool]] = []
    for k, atom in enumerate(atoms):
        if atom.piece.dir and atom.text:
            start = next(i for i, (_, a) in enumerate(chars) if a == k)
            rtl = atom.piece.dir == "rtl"
            if spans and spans[-1][1] == start and spans[-1][2] == rtl:
                spans[-1] = (spans[-1][0], start + len(atom.text), rtl)
            else:
                spans.append((start, start + len(atom.text), rtl))
    return spans


def _faces_of(atoms: list[Atom], text: str) -> list[str]:
    """The face of each character; a space is set in the font of the letter before it (or after it)."""
    faces: list[str] = []
    for atom in atoms:
        for face, chunk, _ in atom.runs:
            faces.extend([face.name] * len(chunk))
    for i, c in enumerate(text):
        if c.isspace():
            near = next((faces[j] for j in range(i - 1, -1, -1) if not text[j].isspace()),
                        next((faces[j] for j in range(i + 1, len(text)) if not text[j].isspace()), faces[i]))
            if 32 in _face_named(atoms, near).chars:
                faces[i] = near
    return faces


def _level_runs(atoms: list[Atom], chars: list[tuple[str, int]], text: str, lv: list[int],
                faces: list[str]) -> list[tuple[int, int]]:
    """[start, end) in `text` of each run of one level, one inline run and one face. A right-to-left run
    is cut after each space: every word its own text object, in reading order (PDFium reads a right-to-left
    text object backwards, but keeps the objects' order)."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or lv[i] != lv[start] or atoms[chars[i][1]].piece is not atoms[chars[start][1]].piece \
                or faces[i] != faces[start] or (lv[start] % 2 and text[i - 1].isspace() and not text[i].isspace()):
            runs.append((start, i))
            start = i
    return runs


def _shaped_run(atoms: list[Atom], chars: list[tuple[str, int]], text: str, lv: list[int], faces: list[str],
                s: int, e: int, ts: TextStyle) -> tuple[float, Segment, Piece]:
    """One run shaped in its direction, with up to four letters of the same level on each side as context:
    its width, segment and piece."""
    piece = atoms[chars[s][1]].piece
    face = _face_named(atoms, faces[s])
    before = text[max(0, s - 4) : s] if lv[max(0, s - 1)] == lv[s] else ""
    after = text[e : e + 4] if e < len(text) and lv[e] == lv[s] else ""
    glyphs = face.shape(text[s:e], ts.fonts.features, lv[s] % 2 == 1, lang_of(piece, ts), before, after)
    if e == len(text) and text[s:e].isspace():  # the space that ends a line: in no glyph (the line
        glyphs = ()                              # break keeps the words apart for readers)
    elif atoms[chars[e - 1][1]].space and atoms[chars[e - 1][1]].width == 0.0:  # a weightless end space
        glyphs = tuple(g._replace(advance=0.0) if g.cluster == e - 1 - s else g for g in glyphs)
    size = size_of(piece, ts)
    w = sum(g.advance for g in glyphs) * size / 1000 + ts.style.tracking * len(glyphs)
    return w, Segment(face.name, text[s:e], glyphs), piece


def _face_named(atoms: list[Atom], name: str) -> Face:
    for atom in atoms:
        for face, _, _ in atom.runs:
            if face.name == name:
                return face
    raise KeyError(name)
