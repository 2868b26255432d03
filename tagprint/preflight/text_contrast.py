"""Text colour against what is painted behind it, measured with PDFium (pypdfium2), for WCAG 1.4.3.

Method:
1. For every text object on a page (also inside form XObjects) read, through `pypdfium2.raw`, its text,
   its fill colour (the stroke colour for stroke-only render modes), its bounding box, its effective
   size (font size × the object's and enclosing forms' vertical scale) and whether its font is bold
   (weight ≥ 600, or Bold/Black/Heavy/Semibold in the name). Invisible text (render mode 3 or 7) and
   whitespace are skipped.
2. Set every text object's render mode to invisible and render the page (white paper, 2 px per point):
   the picture of everything *behind* the text — bands, boxes, photos — with no glyph pixels mixed in.
3. Within each text object's box on that render, drop the pixels that are (within 32/255 per channel)
   the text's own colour — underlines and strike-throughs — unless they fill half the box or more (then
   the text really sits on its own colour). Of the rest, compute each pixel's contrast ratio with the
   text colour and take the background as the colour at the 25th percentile: the least contrasting
   colour that still covers a quarter of the box. A flat background gives its own colour; text over a
   photo or straddling two bands is judged against its worse part, while a hairline rule or the
   anti-aliased edge of a shape that clips the box does not decide the result.

The ratio and the thresholds (4.5:1, 3:1 for text ≥ 18 pt or ≥ 14 pt bold) come from
`tagprint.contrast`, the same formula the build uses.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass

from .document import Doc
from .pdfium_text import object_text
from .matrix import IDENTITY, Matrix, apply, multiply

PERCENTILE = 0.25
SAME_AS_TEXT = 32  # a pixel within this of the text colour on every channel is the text's own decoration
SCALE = 2.0
MAX_PIXELS = 4000  # longest side of the render; huge pages are rendered at a lower scale
BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demi")
INVISIBLE_MODES = (3, 7)
STROKE_ONLY_MODES = (1, 5)


@dataclass
class TextRun:
    page: int                       # 1-based
    text: str
    fg: tuple[int, int, int]        # 0..255
    bg: tuple[int, int, int]
    size: float                     # effective size in points
    bold: bool
    mcid: int                       # -1 when the object is not in a marked-content sequence with an MCID
    artifact: bool

    @property
    def large(self) -> bool:
        return self.size >= 18 - 0.01 or (self.bold and self.size >= 14 - 0.01)


def text_runs(doc: Doc) -> list[TextRun]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(doc.data)  # a private copy: the render modes are changed below
    runs: list[TextRun] = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            found: list[tuple[object, Matrix, bool]] = []

            def visit(count: int, get, outer: Matrix, artifact: bool) -> None:
                for i in range(count):
                    obj = get(i)
                    kind = raw.FPDFPageObj_GetType(obj)
                    is_artifact = artifact or _has_mark(raw, obj, "Artifact")
                    if kind == raw.FPDF_PAGEOBJ_FORM:
                        m = raw.FS_MATRIX()
                        inner = outer
                        if raw.FPDFPageObj_GetMatrix(obj, m):
                            inner = multiply((m.a, m.b, m.c, m.d, m.e, m.f), outer)
                        visit(raw.FPDFFormObj_CountObjects(obj),
                              lambda k, o=obj: raw.FPDFFormObj_GetObject(o, k), inner, is_artifact)
                    elif kind == raw.FPDF_PAGEOBJ_TEXT:
                        found.append((obj, outer, is_artifact))

            visit(raw.FPDFPage_CountObjects(page.raw), lambda k: raw.FPDFPage_GetObject(page.raw, k),
                  IDENTITY, False)
            pending = []
            for obj, outer, artifact in found:
                mode = raw.FPDFTextObj_GetTextRenderMode(obj)
                if mode in INVISIBLE_MODES:
                    continue
                text = object_text(raw, obj, textpage.raw)
                if not text.strip():
                    continue
                colour = _colour(raw, obj, stroke=mode in STROKE_ONLY_MODES)
                if colour is None:
                    continue
                box = _bounds(raw, obj, outer)
                if box is None:
                    continue
                size, bold = _size_and_weight(raw, obj, outer)
                pending.append((text, colour, box, size, bold, raw.FPDFPageObj_GetMarkedContentID(obj), artifact))
            if not pending:
                continue
            for obj, _, _ in found:
                raw.FPDFTextObj_SetTextRenderMode(obj, raw.FPDF_TEXTRENDERMODE_INVISIBLE)
            width, height = page.get_size()
            scale = min(SCALE, MAX_PIXELS / max(width, height, 1))
            image = page.render(scale=scale).to_pil().convert("RGB")
            for text, colour, box, size, bold, mcid, artifact in pending:
                bg = _background(raw, page.raw, image, box, colour)
                if bg is None:
                    continue
                runs.append(TextRun(index + 1, " ".join(text.split()), colour, bg, size, bold, mcid, artifact))
    finally:
        pdf.close()
    return runs


def _has_mark(raw, obj, name: str) -> bool:
    for i in range(raw.FPDFPageObj_CountMarks(obj)):
        mark = raw.FPDFPageObj_GetMark(obj, i)
        length = ctypes.c_ulong()
        if not raw.FPDFPageObjMark_GetName(mark, None, 0, ctypes.byref(length)) or length.value < 2:
            continue
        buf = ctypes.create_string_buffer(length.value)
        raw.FPDFPageObjMark_GetName(mark, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), length.value,
                                    ctypes.byref(length))
        if buf.raw[:length.value - 2].decode("utf-16-le", errors="replace") == name:
            return True
    return False



def _colour(raw, obj, stroke: bool) -> tuple[int, int, int] | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    get = raw.FPDFPageObj_GetStrokeColor if stroke else raw.FPDFPageObj_GetFillColor
    if not get(obj, r, g, b, a) or a.value == 0:
        return None
    return (r.value, g.value, b.value)


def _bounds(raw, obj, outer: Matrix) -> tuple[float, float, float, float] | None:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return None
    corners = [apply(outer, x, y) for x in (left.value, right.value) for y in (bottom.value, top.value)]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _size_and_weight(raw, obj, outer: Matrix) -> tuple[float, bool]:
    size = ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(obj, size)
    m = raw.FS_MATRIX()
    own = (m.a, m.b, m.c, m.d, m.e, m.f) if raw.FPDFPageObj_GetMatrix(obj, m) else IDENTITY
    a, b, c, d, _, _ = multiply(own, outer)
    effective = size.value * math.hypot(c, d)
    font = raw.FPDFTextObj_GetFont(obj)
    bold = False
    if font:
        bold = raw.FPDFFont_GetWeight(font) >= 600
        n = raw.FPDFFont_GetBaseFontName(font, None, 0)
        if n > 0:
            buf = ctypes.create_string_buffer(n)
            raw.FPDFFont_GetBaseFontName(font, buf, n)
            name = buf.value.decode("latin-1").lower()
            bold = bold or any(word in name for word in BOLD_WORDS)
    return effective, bold


def _without_blends(colours: list, text: tuple[int, int, int]) -> list:
    """Where one colour covers at least half the box (the text sits on a flat background), the pixels that
    are a mix of the text colour and that background are the anti-aliased edges of glyphs and underlines
    (tiny text: a 4 pt link on a handout thumbnail), not a background of their own: left out."""
    total = sum(n for n, _ in colours)
    if not total:
        return colours
    count, flat = max(colours)
    if count < total / 2:
        return colours

    def blend(rgb) -> bool:
        spans = [f - t for f, t in zip(flat, text)]
        longest = max(range(3), key=lambda i: abs(spans[i]))
        if abs(spans[longest]) < 1:
            return False
        share = (rgb[longest] - text[longest]) / spans[longest]
        return 0 < share < 1 and all(abs(text[i] + share * spans[i] - rgb[i]) <= SAME_AS_TEXT / 2 for i in range(3))

    kept = [(n, rgb) for n, rgb in colours if rgb == flat or not blend(rgb)]
    return kept or colours


def _background(raw, page, image, box, colour) -> tuple[int, int, int] | None:
    from ..contrast import ratio

    width, height = image.size
    points = []
    for x, y in ((box[0], box[1]), (box[2], box[3]), (box[0], box[3]), (box[2], box[1])):
        dx, dy = ctypes.c_int(), ctypes.c_int()
        raw.FPDF_PageToDevice(page, 0, 0, width, height, 0, x, y, dx, dy)
        points.append((dx.value, dy.value))
    x0 = max(0, min(p[0] for p in points))
    x1 = min(width, max(p[0] for p in points) + 1)
    y0 = max(0, min(p[1] for p in points))
    y1 = min(height, max(p[1] for p in points) + 1)
    if x1 <= x0 or y1 <= y0:
        return None  # off the page
    region = image.crop((x0, y0, x1, y1))
    colours = region.getcolors(maxcolors=region.width * region.height + 1) or []
    others = [(n, rgb) for n, rgb in colours if max(abs(a - b) for a, b in zip(rgb, colour)) > SAME_AS_TEXT]
    # underlines and strike-throughs are drawn in the text colour: not background, unless they are all there is
    if sum(n for n, _ in others) >= sum(n for n, _ in colours) / 2:
        colours = others
    colours = _without_blends(colours, colour)
    fg = tuple(c / 255 for c in colour)
    scored = sorted(((ratio(fg, tuple(c / 255 for c in rgb)), count, rgb) for count, rgb in colours))
    total = sum(count for _, count, _ in scored)
    needed, seen = total * PERCENTILE, 0
    for _, count, rgb in scored:
        seen += count
        if seen >= needed:
            return tuple(rgb)  # type: ignore[return-value]
    return tuple(scored[-1][2]) if scored else None  # type: ignore[return-value]
