"""The text of each marked-content sequence and where it sits on its page, read with PDFium (a second
reader, not the one that wrote the file): what `read` says, and what the reading-order check compares.

(page, MCID) → the PDFium text objects with that MCID in painting order, each with its text and its box in
page space (forms' matrices applied). The MCIDs of a form XObject are counted with the page that paints it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import Doc
from .reader import object_text
from .text_contrast import IDENTITY, _bounds, _concat

Box = tuple[float, float, float, float]   # left, bottom, right, top in points, y upwards


@dataclass(frozen=True)
class TextPiece:
    text: str
    box: Box | None


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

        def visit(count, get, outer):
            for i in range(count):
                obj = get(i)
                kind = raw.FPDFPageObj_GetType(obj)
                if kind == raw.FPDF_PAGEOBJ_FORM:
                    m = raw.FS_MATRIX()
                    inner = _concat((m.a, m.b, m.c, m.d, m.e, m.f), outer) if raw.FPDFPageObj_GetMatrix(obj, m) \
                        else outer
                    visit(raw.FPDFFormObj_CountObjects(obj), lambda k, o=obj: raw.FPDFFormObj_GetObject(o, k), inner)
                elif kind == raw.FPDF_PAGEOBJ_TEXT:
                    mcid = raw.FPDFPageObj_GetMarkedContentID(obj)
                    if mcid >= 0:
                        piece = TextPiece(object_text(raw, obj, textpage.raw), _bounds(raw, obj, outer))
                        out.setdefault((index + 1, mcid), []).append(piece)

        visit(raw.FPDFPage_CountObjects(page.raw), lambda k, p=page: raw.FPDFPage_GetObject(p.raw, k), IDENTITY)
    return out
