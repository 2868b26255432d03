"""What lines are set from: inline runs as pieces (text in one style, with its tag and link), a text style,
and the atoms a paragraph is cut into (a word or a space, shaped by HarfBuzz and measured by its shaped
advances); and the fragments and lines they make."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from ..fonts import Face, FontStack, Glyph
from ..model import Citation, Color, Link, NoteRef, Text, TypeStyle
from ..model.inline import Inline
from .bidi import has_rtl
from .items import Fragment, Segment, TagKey, TextLine

SUPERSCRIPT_SCALE = 0.7


SUPERSCRIPT_MIN = 5.5  # pt: a citation or note marker in small text (a table cell, a footnote) stays readable


SUPERSCRIPT_RISE = 0.36


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
class Atom:
    text: str  # the characters it stands for (soft hyphens removed)
    piece: Piece
    width: float
    space: bool
    runs: tuple[Run, ...] = ()
    hyphen: bool = False  # ends with a hyphen added at a line break (drawn, not part of the text)
    hyphen_runs: tuple[Run, ...] = ()
    breaks: tuple[int, ...] = field(default=())  # soft hyphens: break points in `text`


UNBOUNDED = 10_000.0  # a width at or beyond this is "one line, as long as it needs": no flush right


def lang_of(piece: Piece, ts: TextStyle) -> str:
    return piece.lang or ts.lang


def shape_runs(text: str, piece: Piece, ts: TextStyle, before: str = "", after: str = "") -> tuple[Run, ...]:
    return _shaped(ts.fonts, text, piece.bold, piece.italic, lang_of(piece, ts), before, after)


@functools.lru_cache(maxsize=1 << 16)
def _shaped(stack: FontStack, text: str, bold: bool, italic: bool, lang: str, before: str,
            after: str) -> tuple[Run, ...]:
    """A word's runs, shaped once per stack, style, language and text (left to right)."""
    out = []
    for face, chars in stack.segments(text, bold, italic):
        # shaped in its direction: Arabic shaped left to right takes other forms, and the line it is measured
        # for (set_bidi_line shapes right to left) would come out wider than the measure
        out.append((face, chars, face.shape(chars, stack.features, has_rtl(chars), lang, before, after)))
    return tuple(out)


def width_of(runs: tuple[Run, ...], piece: Piece, ts: TextStyle) -> float:
    size = size_of(piece, ts)
    return sum(sum(g.advance for g in glyphs) * size / 1000 + ts.style.tracking * len(glyphs)
               for _, _, glyphs in runs)


def atom_of(text: str, piece: Piece, ts: TextStyle, space: bool = False) -> Atom:
    breaks = []
    clean = ""
    for ch in text:
        if ch == SOFT_HYPHEN:
            breaks.append(len(clean))
        else:
            clean += ch
    runs = shape_runs(clean, piece, ts) if clean else ()
    return Atom(clean, piece, width_of(runs, piece, ts), space, runs, breaks=tuple(breaks))


SOFT_HYPHEN = "\u00ad"


def size_of(piece: Piece, ts: TextStyle) -> float:
    return superscript_size(ts.style.size) if piece.superscript else ts.style.size


def fragment_of(x: float, width: float, segments: tuple[Segment, ...], piece: Piece, ts: TextStyle,
              actual: str | None = None) -> Fragment:
    style = ts.style
    return Fragment(
        x=x, width=width, segments=segments, size=size_of(piece, ts), color=piece.color, tag=piece.tag,
        rise=style.size * SUPERSCRIPT_RISE if piece.superscript else 0.0, tracking=style.tracking,
        link=piece.link, underline=isinstance(piece.link, Link), actual=actual,
    )


def text_line(n: int, ts: TextStyle, fragments: list[Fragment]) -> TextLine:
    style = ts.style
    ascent = style.size * 0.78
    return TextLine(0.0, n * style.leading + ascent + (style.leading - style.size) / 2, style.leading,
                    tuple(fragments))


def offset(align: str | None, width: float, used: float, rtl: bool) -> float:
    if width >= UNBOUNDED:
        return 0.0
    if align == "center":
        return (width - used) / 2
    if align == "right" or (rtl and align in (None, "justify")):
        return width - used
    return 0.0
