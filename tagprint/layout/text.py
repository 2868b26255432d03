"""Line breaking: inline runs become lines of fragments that fit a width.

Every word is shaped by HarfBuzz (fonts.py) and measured by its shaped advances; the glyphs travel with
the fragments to the pen, which draws them as shaped. Lines are broken greedily in logical order; a word
that does not fit may be hyphenated (pyphen, by the span's language; soft hyphens are break points), at
most two hyphenated lines in a row. A style may be aligned left, right, centre or justified (the last line
of a justified paragraph is set like the start). A line with right-to-left text is then laid out in visual
order (bidi.py): a paragraph whose first strong letter is Arabic or Hebrew runs right to left, flush right.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from ..fonts import Face, FontStack, Glyph
from ..model import Citation, Color, Link, NoteRef, Text, TypeStyle
from ..model.inline import Inline
from .bidi import base_is_rtl, has_rtl, levels, visual_runs
from ..draw.glyph_map import glyph_texts
from .items import Fragment, Segment, TagKey, TextLine

SUPERSCRIPT_SCALE = 0.7
SUPERSCRIPT_MIN = 5.5  # pt: a citation or note marker in small text (a table cell, a footnote) stays readable
SUPERSCRIPT_RISE = 0.36
_SPLIT = re.compile(r"([^\S\u00a0\u202f]+)")  # white space breaks a line; a no-break space (U+00A0, U+202F) does not
SOFT_HYPHEN = "\u00ad"
HYPHEN = "-"
MIN_WORD = 6        # letters a word needs before it is hyphenated
MIN_LEFT = 2        # letters left before a hyphen
MIN_RIGHT = 3       # letters carried to the next line
MAX_HYPHENATED = 2  # hyphenated lines in a row
GLUED_AFTER = "≥≤×±<>=~≈"  # a space after these does not break a line ("≥ 3" stays together) ...
GLUED_BEFORE = "%‰"  # ... nor a space before these ("25 %")
RUNT_CHARS = 7  # a last line of one word this short ("RA.⁷") takes the word before it along too
# a number and the unit after it ("100 mg") go to the next line together when the pair fits a line
_NUMBER = re.compile(r"^[(\[]?[-+−±]?\d[\d.,\u00a0\u202f]*$")
_UNIT = re.compile(r"^(?:[mµμn]?g|mcg|kg|[mdµμ]?[lL]|[mµμn]?mol|I\.?U\.?|[mck]?m[²³]?|h|min|s|ms|k?Hz|°[CF]|mmHg"
                   r"|k?cal|kJ)(?=$|[/²³.,;:)\]])")


@dataclass(frozen=True)
class Piece:
    text: str
    bold: bool
    italic: bool
    superscript: bool
    tag: TagKey | None  # None: set as an artifact or untagged (a "continued" label, a measurement)
    link: Link | Citation | NoteRef | None
    color: Color
    lang: str = ""  # the span's language (shaping, hyphenation); "" for the document's
    dir: str = ""   # "rtl" or "ltr" when the span says so ({dir=rtl})


@dataclass
class TextStyle:
    style: TypeStyle
    color: Color
    link_color: Color
    fonts: FontStack
    lang: str = ""  # the document's language
    direction: str = "auto"  # the paragraph's: ltr, rtl, or auto (that of its first strong letter)


def pieces(runs: tuple[Inline, ...], ts: TextStyle, link: Link | None = None) -> list[Piece]:
    out: list[Piece] = []
    carried = False  # a space after right-to-left text goes with the next run (it sits between the two)
    for run in runs:
        if isinstance(run, Text) and not run.text.strip():  # a space between runs: no slot of its own
            if out and has_rtl(out[-1].text) and run is not runs[-1]:
                carried = True
            elif out and not out[-1].text.endswith(" "):
                out[-1] = replace(out[-1], text=out[-1].text + " ")
            continue
        if isinstance(run, Text):
            color = ts.link_color if link else ts.color
            text = run.text.upper() if ts.style.uppercase else run.text
            if carried and not text.startswith(" "):
                text = " " + text
            carried = False
            out.append(Piece(text, ts.style.bold or run.strong, ts.style.italic or run.emphasis, False,
                             (run, ""), link, color, run.lang or "", run.dir or ""))
        elif isinstance(run, (Citation, NoteRef)):
            out.append(Piece(run.text, ts.style.bold, ts.style.italic, True, (run, ""), run, ts.color))
        elif isinstance(run, Link):
            out.extend(pieces(run.runs, ts, run))
    return out


def plain_pieces(text: str, tag: TagKey | None, ts: TextStyle, link: Link | None = None) -> list[Piece]:
    shown = text.upper() if ts.style.uppercase else text
    return [Piece(shown, ts.style.bold, ts.style.italic, False, tag, link, ts.color)]


def superscript_size(size: float) -> float:
    """A citation's or note marker's size for text of `size`: 0.7 of it, at least 5.5 pt, never larger."""
    return min(size, max(SUPERSCRIPT_MIN, size * SUPERSCRIPT_SCALE))


Run = tuple[Face, str, tuple[Glyph, ...]]  # a face, its characters, their glyphs (visual order)


@dataclass
class _Atom:
    text: str  # the characters it stands for (soft hyphens removed)
    piece: Piece
    width: float
    space: bool
    runs: tuple[Run, ...] = ()
    hyphen: bool = False  # ends with a hyphen added at a line break (drawn, not part of the text)
    hyphen_runs: tuple[Run, ...] = ()
    breaks: tuple[int, ...] = field(default=())  # soft hyphens: break points in `text`


UNBOUNDED = 10_000.0  # a width at or beyond this is "one line, as long as it needs": no flush right


def _lang(piece: Piece, ts: TextStyle) -> str:
    return piece.lang or ts.lang


def _shape_runs(text: str, piece: Piece, ts: TextStyle, before: str = "", after: str = "") -> tuple[Run, ...]:
    return _shaped(ts.fonts, text, piece.bold, piece.italic, _lang(piece, ts), before, after)


@functools.lru_cache(maxsize=1 << 16)
def _shaped(stack: FontStack, text: str, bold: bool, italic: bool, lang: str, before: str,
            after: str) -> tuple[Run, ...]:
    """A word's runs, shaped once per stack, style, language and text (left to right)."""
    out = []
    for face, chars in stack.segments(text, bold, italic):
        out.append((face, chars, face.shape(chars, stack.features, False, lang, before, after)))
    return tuple(out)


def _width(runs: tuple[Run, ...], piece: Piece, ts: TextStyle) -> float:
    size = _size(piece, ts)
    return sum(sum(g.advance for g in glyphs) * size / 1000 + ts.style.tracking * len(glyphs)
               for _, _, glyphs in runs)


def _atom(text: str, piece: Piece, ts: TextStyle, space: bool = False) -> _Atom:
    breaks = []
    clean = ""
    for ch in text:
        if ch == SOFT_HYPHEN:
            breaks.append(len(clean))
        else:
            clean += ch
    runs = _shape_runs(clean, piece, ts) if clean else ()
    return _Atom(clean, piece, _width(runs, piece, ts), space, runs, breaks=tuple(breaks))


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


# Longer than 80 lines and complexity grade F, for now: the number-and-unit rule lands in it next (see
# `_glue`); splitting the two changes' ground at once would only make them collide.
def _break_lines(items: list[Piece], width: float, ts: TextStyle) -> tuple[list[TextLine], list[str]]:
    logical = "".join(piece.text for piece in items)
    direction = getattr(ts, "direction", "auto")
    bidi = has_rtl(logical) or direction == "rtl" or any(p.dir for p in items)
    atoms: list[_Atom] = []
    for piece in items:
        for part in _SPLIT.split(piece.text):
            if part:
                space = part.isspace()
                atom = _atom(" " if space else part, piece, ts, space)
                before = atoms[-1] if atoms else None
                if space and before is not None and before.piece is piece and before.runs and atom.runs:
                    # a space is set in the font of the letter before it (a fallback font's run goes on)
                    face = before.runs[-1][0]
                    if face is not atom.runs[0][0] and 32 in face.chars:
                        runs = ((face, " ", face.shape(" ", ts.fonts.features)),)
                        atom = replace(atom, runs=runs, width=_width(runs, piece, ts))
                atoms.append(atom)
    _glue(atoms)
    lines: list[list[_Atom]] = []
    current: list[_Atom] = []
    used = 0.0
    too_wide: list[str] = []
    hyphenated = 0  # hyphenated lines just before
    hyphenate = getattr(ts.style, "hyphenate", False) and width < UNBOUNDED and not bidi
    i = 0
    pending: list[_Atom] | None = None  # the rest of a hyphenated word, to start the next line
    while i < len(atoms) or pending:
        if pending:
            word, pending, space = pending, None, None
        else:
            if atoms[i].space:
                space = atoms[i]
                i += 1
                if not current:
                    continue
            else:
                space = None
            word = []
            while i < len(atoms) and not atoms[i].space:
                word.append(atoms[i])
                i += 1
            if not word:
                continue
        word_width = sum(a.width for a in word)
        gap = space.width if space and current else 0.0
        if current and used + gap + word_width > width + 0.01:
            carried = _carry_number(current, space, word, width)
            if carried:  # the number comes down with its unit (the pair fits a line)
                lines.append(carried[0])
                current, hyphenated = carried[1], 0
                used = sum(a.width for a in current)
                continue
            split = _hyphenate(word, width - used - gap, ts) if hyphenate and hyphenated < MAX_HYPHENATED else None
            if split:
                head, tail = split
                if space:
                    current.append(space)
                current.append(head)
                lines.append(current)
                hyphenated += 1
                current, used = [], 0.0
                pending = [tail, *word[1:]]
                continue
            if space:  # kept, weightless, at the line's end: extracted text keeps its word break
                current.append(_weightless(space))
            lines.append(current)
            hyphenated = 0
            current, used = [], 0.0
            gap = 0.0
        if not current and word_width > width + 0.01:
            split = _hyphenate(word, width, ts) if hyphenate and hyphenated < MAX_HYPHENATED else None
            if split:
                head, tail = split
                lines.append([head])
                hyphenated += 1
                pending = [tail, *word[1:]]
                continue
            too_wide.append("".join(a.text for a in word))
        if space and current:
            current.append(space)
        current.extend(word)
        used += gap + word_width
    if current:
        lines.append(current)
    if width < UNBOUNDED and not bidi:
        _no_runt(lines, width, ts)
    align = getattr(ts.style, "align", None)
    if bidi:
        rtl = base_is_rtl(logical) if direction == "auto" else direction == "rtl"
        return [_bidi_line(atoms_of_line, n, ts, rtl, width, align, n == len(lines) - 1)
                for n, atoms_of_line in enumerate(lines)], too_wide
    return [_line(atoms_of_line, n, ts, width, align, n == len(lines) - 1)
            for n, atoms_of_line in enumerate(lines)], too_wide


def _carry_number(current: list[_Atom], space: _Atom | None, word: list[_Atom],
                  width: float) -> tuple[list[_Atom], list[_Atom]] | None:
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
    return current[:cut] + [_weightless(current[cut])], [*number, space, *word]


def _glue(atoms: list[_Atom]) -> None:
    """A typesetting rule: no line break after a relation or operator sign ("≥", "≤", "×", "±", …) or
    before a per cent sign; such a space is set as part of the word (it neither breaks nor stretches)."""
    for k in range(1, len(atoms) - 1):
        space, before, after = atoms[k], atoms[k - 1], atoms[k + 1]
        if space.space and not before.space and not after.space and before.text and after.text and (
                before.text[-1] in GLUED_AFTER or after.text[0] in GLUED_BEFORE):
            atoms[k] = replace(space, space=False)


def _no_runt(lines: list[list[_Atom]], width: float, ts: TextStyle) -> None:
    """A typesetting rule: a paragraph does not end on a line of one short word ("RA.⁷" alone): the word
    before it comes down too, where it fits and the line above keeps at least half the measure."""
    if len(lines) < 2 or any(a.space for a in lines[-1]):
        return
    last, above = lines[-1], lines[-2]
    if sum(len(a.text) for a in last) > RUNT_CHARS or not above or not above[-1].space or above[-1].width:
        return  # not a runt, or the line above does not end at a space (a hyphenated word)
    body = above[:-1]  # the line above without its weightless end space
    cut = max((k for k, a in enumerate(body) if a.space), default=None)
    if cut is None:
        return
    moved = body[cut + 1:]
    if any(a.hyphen for a in moved):
        return
    gap = _atom(" ", above[-1].piece, ts, True)
    if sum(a.width for a in moved) + gap.width + sum(a.width for a in last) > width + 0.01:
        return
    if sum(a.width for a in body[:cut]) < width / 2:
        return
    lines[-2] = body[:cut] + [_weightless(body[cut])]
    lines[-1] = moved + [gap] + last


def _weightless(space: _Atom) -> _Atom:
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


def _hyphenate(word: list[_Atom], room: float, ts: TextStyle) -> tuple[_Atom, _Atom] | None:
    """The word's first atom cut at the last break point whose head and a hyphen fit `room`: soft hyphens
    where the text has them, else the dictionary of its language."""
    atom = word[0]
    if atom.space or atom.piece.superscript:
        return None
    text = atom.text
    points = list(atom.breaks)
    if not points:
        m = _LETTERS.match(text)
        if not m or len(m.group(2)) < MIN_WORD or any(c.isdigit() for c in m.group(2)):
            return None
        dic = _dictionary(_lang(atom.piece, ts))
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
        runs = _shape_runs(head_text, atom.piece, ts)
        hyphen = () if ends_with_hyphen else _shape_runs(HYPHEN, atom.piece, ts)
        w = _width(runs, atom.piece, ts) + _width(hyphen, atom.piece, ts)
        if w <= room + 0.01:
            head = _Atom(head_text, atom.piece, w, False, runs, not ends_with_hyphen, hyphen)
            tail_text = text[p:]
            tail = _Atom(tail_text, atom.piece, 0.0, False, _shape_runs(tail_text, atom.piece, ts),
                         breaks=
                         tuple(b - p for b in atom.breaks if b > p))
            tail.width = _width(tail.runs, atom.piece, ts)
            return head, tail
    return None


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


def _offset(align: str | None, width: float, used: float, rtl: bool) -> float:
    if width >= UNBOUNDED:
        return 0.0
    if align == "center":
        return (width - used) / 2
    if align == "right" or (rtl and align in (None, "justify")):
        return width - used
    return 0.0


def _segments_of(atoms: list[_Atom], extra: float, size: float) -> tuple[tuple[Segment, ...], float]:
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


def _line(atoms: list[_Atom], n: int, ts: TextStyle, width: float = UNBOUNDED, align: str | None = None,
          last: bool = True) -> TextLine:
    inner_spaces = [k for k, a in enumerate(atoms) if a.space and a.width and k < len(atoms) - 1]
    used = sum(a.width for a in atoms)
    extra = 0.0
    if align == "justify" and not last and inner_spaces and width < UNBOUNDED and used < width:
        extra = (width - used) / len(inner_spaces)
    x = _offset(align if align != "justify" else None, width, used, False)
    fragments: list[Fragment] = []
    groups: list[list[_Atom]] = []
    for atom in atoms:
        if groups and groups[-1][0].piece is atom.piece:
            groups[-1].append(atom)
        else:
            groups.append([atom])
    for group in groups:
        piece = group[0].piece
        segments, w = _segments_of(group, extra, _size(piece, ts))
        fragment = _fragment(x, w, segments, piece, ts)
        if group[-1].hyphen:  # the hyphen added at a line's end is drawn after it, but is no part of the text
            hyphen_w = _width(group[-1].hyphen_runs, piece, ts)
            face, chars, glyphs = group[-1].hyphen_runs[0]
            fragment = replace(fragment, width=w - hyphen_w, hyphen=Segment(face.name, chars, glyphs),
                               hyphen_width=hyphen_w)
        fragments.append(fragment)
        x += w
    return _text_line(n, ts, fragments)


# Complexity grade F, for now: it moves with _break_lines (see the comment there).
def _bidi_line(atoms: list[_Atom], n: int, ts: TextStyle, rtl: bool, width: float, align: str | None = None,
               last: bool = True) -> TextLine:
    """A line with right-to-left text: cut into runs of one level, one inline run and one face; each run
    shaped in its direction with its neighbours as context (a bold letter inside an Arabic word still
    joins), and the runs placed left to right in visual order (L2). Fragments are listed in logical
    order, so the content stream, and any reader that follows it, meets them in reading order."""
    chars: list[tuple[str, int]] = []  # (character, atom index)
    for k, atom in enumerate(atoms):
        chars.extend((c, k) for c in atom.text)
    text = "".join(c for c, _ in chars)
    spans: list[tuple[int, int, bool]] = []  # (start, end, rtl) of the runs whose span gives a direction
    for k, atom in enumerate(atoms):
        if atom.piece.dir:
            start = next(i for i, (_, a) in enumerate(chars) if a == k) if atom.text else None
            if start is not None:
                if spans and spans[-1][1] == start and spans[-1][2] == (atom.piece.dir == "rtl"):
                    spans[-1] = (spans[-1][0], start + len(atom.text), spans[-1][2])
                else:
                    spans.append((start, start + len(atom.text), atom.piece.dir == "rtl"))
    lv = levels(text, rtl, spans)
    faces: list[str] = []
    for k, atom in enumerate(atoms):
        for face, chunk, _ in atom.runs:
            faces.extend([face.name] * len(chunk))
    for i, c in enumerate(text):  # a space is set in the font of the letter before it (or after it)
        if c.isspace():
            near = next((faces[j] for j in range(i - 1, -1, -1) if not text[j].isspace()),
                        next((faces[j] for j in range(i + 1, len(text)) if not text[j].isspace()), faces[i]))
            if 32 in _face_named(atoms, near).chars:
                faces[i] = near
    runs: list[tuple[int, int]] = []  # [start, end) in text
    start = 0
    for i in range(1, len(text) + 1):
        # a right-to-left run is cut after each space: every word its own text object, in reading order
        # (PDFium reads a right-to-left text object backwards, but keeps the objects' order)
        if i == len(text) or lv[i] != lv[start] or atoms[chars[i][1]].piece is not atoms[chars[start][1]].piece \
                or faces[i] != faces[start] or (lv[start] % 2 and text[i - 1].isspace() and not text[i].isspace()):
            runs.append((start, i))
            start = i
    order = visual_runs([lv[s] for s, _ in runs])
    shaped: list[tuple[int, float, Segment, Piece]] = []  # run index, width, segment, piece
    for r, (s, e) in enumerate(runs):
        piece = atoms[chars[s][1]].piece
        face = _face_named(atoms, faces[s])
        before = text[max(0, s - 4) : s] if lv[max(0, s - 1)] == lv[s] else ""
        after = text[e : e + 4] if e < len(text) and lv[e] == lv[s] else ""
        glyphs = face.shape(text[s:e], ts.fonts.features, lv[s] % 2 == 1, _lang(piece, ts), before, after)
        if e == len(text) and text[s:e].isspace():  # the space that ends a line: in no glyph (the line
            glyphs = ()                              # break keeps the words apart for readers)
        else:
            trailing_zero = atoms[chars[e - 1][1]].space and atoms[chars[e - 1][1]].width == 0.0
            if trailing_zero:
                glyphs = tuple(g._replace(advance=0.0) if g.cluster == e - 1 - s else g for g in glyphs)
        size = _size(piece, ts)
        w = sum(g.advance for g in glyphs) * size / 1000 + ts.style.tracking * len(glyphs)
        shaped.append((r, w, Segment(face.name, text[s:e], glyphs), piece))
    used = sum(w for _, w, _, _ in shaped)
    x = _offset(align, width, used, rtl)
    placed: dict[int, Fragment] = {}
    for r in order:
        _, w, segment, piece = shaped[r]
        placed[r] = _fragment(x, w, (segment,), piece, ts)
        x += w
    return _text_line(n, ts, [placed[r] for r in range(len(runs)) if placed[r].segments[0].glyphs])


def _face_named(atoms: list[_Atom], name: str) -> Face:
    for atom in atoms:
        for face, _, _ in atom.runs:
            if face.name == name:
                return face
    raise KeyError(name)
