"""The text of each marked-content sequence and where it sits on its page, read with PDFium (a second
reader, not the one that wrote the file): what `read` says, and what the reading-order check compares.

(page, MCID) → the PDFium text objects with that MCID in painting order, each with its text and its box in
page space (forms' matrices applied). The MCIDs of a form XObject are counted with the page that paints it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

from .document import Doc
from .pdfium_text import actual_text, object_text
from .matrix import IDENTITY, multiply
from .text_contrast import _bounds

Box = tuple[float, float, float, float]   # left, bottom, right, top in points, y upwards


@dataclass(frozen=True)
class TextPiece:
    text: str
    box: Box | None
    angle: int = 0      # the direction the text runs, counter-clockwise from left-to-right: 0, 90, 180 or 270
    hyphenated: bool = False  # an artifact hyphen follows it: its word goes on, unbroken, on the next line


def starts_new_line(previous: Box | None, box: Box | None) -> bool:
    """True when `box` sits on a line below `previous` (they overlap by less than a third of a line): the
    two pieces of text are two lines, so the words at their joint are two words even with no space."""
    if previous is None or box is None:
        return False
    height = max(min(previous[3] - previous[1], box[3] - box[1]), 0.1)
    return box[3] <= previous[1] + height / 3


def mcid_pieces(doc: Doc) -> dict[tuple[int, int], list[TextPiece]]:
    import pypdfium2.raw as raw

    pdf = doc.pdfium
    out: dict[tuple[int, int], list[TextPiece]] = {}
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        seen_mark = [0]  # the ActualText mark of the last text object
        last: list = [None]  # the key and index of the last piece of marked content

        def visit(count, get, outer):
            for i in range(count):
                obj = get(i)
                kind = raw.FPDFPageObj_GetType(obj)
                if kind == raw.FPDF_PAGEOBJ_FORM:
                    m = raw.FS_MATRIX()
                    inner = multiply((m.a, m.b, m.c, m.d, m.e, m.f), outer) if raw.FPDFPageObj_GetMatrix(obj, m) \
                        else outer
                    visit(raw.FPDFFormObj_CountObjects(obj), lambda k, o=obj: raw.FPDFFormObj_GetObject(o, k), inner)
                elif kind == raw.FPDF_PAGEOBJ_TEXT:
                    mcid = raw.FPDFPageObj_GetMarkedContentID(obj)
                    if mcid >= 0:
                        m = raw.FS_MATRIX()
                        own = (m.a, m.b, m.c, m.d, m.e, m.f) if raw.FPDFPageObj_GetMatrix(obj, m) else IDENTITY
                        a, b = multiply(own, outer)[:2]
                        angle = round(math.degrees(math.atan2(b, a)) / 90) % 4 * 90
                        replaced = actual_text(raw, obj)
                        if replaced is None:
                            shown = object_text(raw, obj, textpage.raw)
                        else:  # said once for all the objects of its marked sequence
                            shown = replaced[1] if replaced[0] != seen_mark[0] else ""
                            seen_mark[0] = replaced[0]
                        piece = TextPiece(shown, _bounds(raw, obj, outer), angle)
                        out.setdefault((index + 1, mcid), []).append(piece)
                        last[0] = ((index + 1, mcid), len(out[(index + 1, mcid)]) - 1)
                    elif last[0] is not None and object_text(raw, obj, textpage.raw).strip() in ("-", "\u2010", "\x02"):
                        key, k = last[0]  # a hyphen drawn as an artifact at a line end (PDFium reads it as \x02)
                        out[key][k] = replace(out[key][k], hyphenated=True)

        visit(raw.FPDFPage_CountObjects(page.raw), lambda k, p=page: raw.FPDFPage_GetObject(p.raw, k), IDENTITY)
    return out


def upright(pieces: dict[tuple[int, int], list[TextPiece]]) -> dict[tuple[int, int], list[TextPiece]]:
    """The same pieces with each page's boxes turned so that the page's text (most of it) runs left to
    right and lines go down: a landscape page drawn turned, or text set sideways, is judged as it is read.
    Offsets are left out: the boxes can be compared with each other, not placed on the page."""
    votes: dict[int, Counter] = {}
    for (page, _), found in pieces.items():
        for p in found:
            if p.text.strip():
                votes.setdefault(page, Counter())[p.angle] += len(p.text.strip())
    turn = {page: counter.most_common(1)[0][0] for page, counter in votes.items()}
    if not any(turn.values()):
        return pieces
    return {key: [TextPiece(p.text, _turn(p.box, turn.get(key[0], 0)), p.angle) for p in found]
            for key, found in pieces.items()}


def _turn(box: Box | None, degrees: int) -> Box | None:
    """A box turned clockwise by `degrees` (a multiple of 90) about the origin."""
    if box is None or not degrees:
        return box
    left, bottom, right, top = box
    if degrees == 90:
        return bottom, -right, top, -left
    if degrees == 180:
        return -right, -top, -left, -bottom
    return -top, left, -bottom, right   # 270
