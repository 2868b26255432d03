"""The one door to raw PDF: marked content, artifacts, and every drawing primitive.

Nothing outside this module (and its two helpers: `sketch.py`, the vector primitives it hands out, and
`text_operators.py`, the glyph runs it shows) writes PDF operators or draws through ReportLab. Every
primitive must be called inside `marked(slot)` (real content, claimed by a structure element) or
`artifact()` (decoration): drawing outside both raises, so untagged content cannot be written. What the pen
needs of ReportLab beyond its public Canvas API is in `reportlab_adapter.py`, and nowhere else.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterator, Sequence

from reportlab.lib.colors import CMYKColor, CMYKColorSep
from reportlab.lib.colors import Color as RLColor
from reportlab.pdfgen.canvas import Canvas

from ..model import Color, Rect
from ..tags import ContentSlot
from ..layout.bidi import has_rtl
from . import reportlab_adapter as rl
from .glyph_map import FontUse, glyph_texts
from .sketch import Point, Sketch
from .text_operators import number, shown, split_ligatures

if TYPE_CHECKING:
    from ..artwork import PdfArt
    from ..profiles.press import PressInk
    from ..tags import StructElem

__all__ = ["LinkArea", "MarkedContentError", "Pen", "Point", "Sketch"]


def fonts_module() -> ModuleType:
    from .. import fonts
    return fonts


class MarkedContentError(RuntimeError):
    pass


@dataclass
class LinkArea:
    page: int
    rect: tuple[float, float, float, float]  # PDF coordinates x0, y0, x1, y1
    target: tuple[str, str]  # ("uri", href) or ("ref", reference number)
    contents: str
    owner: object  # StructElem


@dataclass
class Pen:
    canvas: Canvas
    page_size: tuple[float, float]  # the trimmed page; the media may be larger by `offset` on each side
    page_index: int = 0
    links: list[LinkArea] = field(default_factory=list)
    to_cmyk: Callable[[Color], "PressInk"] | None = None  # the print palette: inks for a colour
    from_cmyk: Callable[[tuple[float, float, float, float]], Color] | None = None  # off press: CMYK art's RGB
    offset: float = 0.0
    _forms: dict[Hashable, str] = field(default_factory=dict)
    _frame: tuple[float, float, float] = (0.0, 0.0, 1.0)  # the current space's origin and scale on the page
    _mcid: int = 0
    _open: str | None = None
    fonts_used: dict[str, FontUse] = field(default_factory=dict)  # face name -> its glyphs (the finish embeds them)
    _actual_depth: int = 0

    @classmethod
    def create(cls, buffer: io.BytesIO, page_size: tuple[float, float], font_name: str, title: str,
               lang: str, to_cmyk: Callable | None = None, offset: float = 0.0,
               from_cmyk: Callable | None = None) -> "Pen":
        media = (page_size[0] + 2 * offset, page_size[1] + 2 * offset)
        canvas = rl.new_canvas(buffer, media, lang, title)
        pen = cls(canvas, page_size, to_cmyk=to_cmyk, offset=offset, from_cmyk=from_cmyk)
        pen._origin()
        return pen

    def _origin(self) -> None:
        """Moves the origin to the trim box's corner (a no-op without bleed)."""
        if self.offset:
            self.canvas.translate(self.offset, self.offset)

    def color(self, color: Color, alpha: float = 1.0) -> RLColor:
        """A theme colour as ReportLab needs it: sRGB, or the print palette's inks (process CMYK, or a spot
        ink as a Separation colour space with its CMYK alternate)."""
        if self.to_cmyk is not None:
            ink = self.to_cmyk(color)
            if ink.spot:
                return CMYKColorSep(*ink.cmyk, spotName=ink.spot, density=ink.tint, alpha=alpha)
            return CMYKColor(*ink.cmyk, alpha=alpha)
        return RLColor(*color, alpha=alpha)

    # ---- coordinates ---------------------------------------------------------------------------
    def y(self, top: float) -> float:
        """Converts a distance from the top of the page to PDF's bottom-up y."""
        return self.page_size[1] - top

    @property
    def in_frame(self) -> bool:
        return self._frame != (0.0, 0.0, 1.0)

    def to_page(self, x: float, y: float) -> Point:
        """A point of the current drawing space (a slide inside a handout frame, or the page) on the page."""
        fx, fy, scale = self._frame
        return (fx + x * scale, fy + y * scale)

    def page_rect(self, box: Rect) -> tuple[float, float, float, float]:
        """`box` (top-left coordinates of the current space) as a rectangle on the page."""
        x0, y0, x1, y1 = self.pdf_rect(box)
        (a, b), (c, d) = self.to_page(x0, y0), self.to_page(x1, y1)
        return (a, b, c, d)

    @contextmanager
    def frame(self, box: Rect, size: tuple[float, float]) -> Iterator[None]:
        """Draws a whole page of `size` scaled into `box` (a slide in a handout), clipped to it. Content
        drawn inside keeps its own marked content and tags; links and boxes are mapped to the page."""
        if self._open:
            raise MarkedContentError(f"frame opened inside {self._open}")
        c = self.canvas
        scale = box.width / size[0]
        fx, fy = box.x, self.y(box.y + box.height)
        c.saveState()
        c.translate(fx, fy)
        c.scale(scale, scale)
        p = c.beginPath()
        p.rect(0, 0, size[0], size[1])
        c.clipPath(p, stroke=0, fill=0)
        saved = (self.page_size, self._frame)
        outer = self._frame
        self._frame = (outer[0] + fx * outer[2], outer[1] + fy * outer[2], outer[2] * scale)
        self.page_size = size
        try:
            yield
        finally:
            self.page_size, self._frame = saved
            c.restoreState()

    def pdf_rect(self, box: Rect) -> tuple[float, float, float, float]:
        return (box.x, self.y(box.y + box.height), box.x + box.width, self.y(box.y))

    # ---- marked content ------------------------------------------------------------------------
    @contextmanager
    def marked(self, slot: ContentSlot, at: Point | None = None) -> Iterator[None]:
        """Real content: what is drawn inside is the next marked-content sequence of the page, claimed by
        `slot`'s structure element (its MCID recorded in the slot). `at` (top-left coordinates) anchors the
        element and its unanchored ancestors there, for outlines and link destinations."""
        if self._open:
            raise MarkedContentError(f"marked content for {slot.tag} opened inside {self._open}")
        mcid = self._mcid
        self._mcid += 1
        slot.claims.append((self.page_index, mcid))
        elem: StructElem | None = slot.owner
        while elem is not None and elem.anchor is None and at is not None:
            elem.anchor = (self.page_index, *self.to_page(at[0], self.y(at[1])))
            elem = elem.parent
        with self._sequence(slot.tag, f"/{slot.tag} <</MCID {mcid}>> BDC"):
            yield

    @contextmanager
    def artifact(self, kind: str = "Layout", subtype: str | None = None) -> Iterator[None]:
        """Decoration: what is drawn inside is an artifact of `kind` (Layout, Page, Pagination, Background),
        which readers skip."""
        if self._open:
            raise MarkedContentError(f"artifact opened inside {self._open}")
        props = f"/Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "")
        with self._sequence("Artifact", f"/Artifact <<{props}>> BDC"):
            yield

    @contextmanager
    def _sequence(self, label: str, opening: str) -> Iterator[None]:
        """One marked-content sequence, `opening` (its BDC) to EMC: the only one open until it ends."""
        self.canvas.addLiteral(opening)
        self._open = label
        try:
            yield
        finally:
            self.canvas.addLiteral("EMC")
            self._open = None

    @contextmanager
    def actual_text(self, text: str | None) -> Iterator[None]:
        """Marks what is drawn inside as standing for `text` (/ActualText, UTF-16): glyphs shaped or set
        right to left are read, searched and copied as the logical text. Used inside marked content or an
        artifact; with `text` None it marks nothing."""
        if text is None:
            yield
            return
        self._check()
        self.canvas.addLiteral(f"/Span <</ActualText <FEFF{text.encode('utf-16-be').hex().upper()}>>> BDC")
        self._actual_depth += 1
        try:
            yield
        finally:
            self._actual_depth -= 1
            self.canvas.addLiteral("EMC")

    def _check(self) -> None:
        if not self._open:
            raise MarkedContentError("drawing outside marked content or an artifact")

    def new_page(self) -> None:
        if self._open:
            raise MarkedContentError(f"page break inside marked content ({self._open})")
        self.canvas.showPage()
        self.page_index += 1
        self._mcid = 0
        self._origin()

    def finish(self) -> None:
        if self._open:
            raise MarkedContentError(f"document ended inside marked content ({self._open})")
        self.canvas.showPage()
        self.canvas.save()

    # ---- primitives (top-left coordinates) -----------------------------------------------------
    def fill_colour(self, color: Color, alpha: float = 1.0) -> None:
        self.canvas.setFillColor(self.color(color, alpha))

    def stroke_colour(self, color: Color, alpha: float = 1.0) -> None:
        self.canvas.setStrokeColor(self.color(color, alpha))

    def fill_rect(self, box: Rect, color: Color, radius: float = 0.0) -> None:
        self._check()
        self.fill_colour(color)
        x0, y0, x1, y1 = self.pdf_rect(box)
        if radius:
            self.canvas.roundRect(x0, y0, x1 - x0, y1 - y0, radius, stroke=0, fill=1)
        else:
            self.canvas.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)

    def line(self, x0: float, y0: float, x1: float, y1: float, color: Color, width: float) -> None:
        self._check()
        self.stroke_colour(color)
        self.canvas.setLineWidth(width)
        self.canvas.line(x0, self.y(y0), x1, self.y(y1))

    def chevron(self, x: float, y: float, size: float, color: Color) -> None:
        self._check()
        self.stroke_colour(color)
        self.canvas.setLineWidth(1.6)
        self.canvas.setLineCap(1)
        self.canvas.setLineJoin(1)
        p = self.canvas.beginPath()
        p.moveTo(x - size / 2, self.y(y - size))
        p.lineTo(x + size / 2, self.y(y))
        p.lineTo(x - size / 2, self.y(y + size))
        self.canvas.drawPath(p, stroke=1, fill=0)

    @contextmanager
    def overprint_black(self, color: Color) -> Iterator[None]:
        """Text printed in solid black ink overprints (with /OPM 1 the other plates keep what lies
        beneath), as printers set it: no white halo around black type on a tint when the plates shift."""
        ink = self.to_cmyk(color) if self.to_cmyk is not None else None
        if ink is None or ink.spot or tuple(ink.cmyk) != (0.0, 0.0, 0.0, 1.0):
            yield
            return
        c = self.canvas
        c.saveState()
        c.setFillOverprint(True)
        c.setOverprintMask(1)
        try:
            yield
        finally:
            c.restoreState()

    def text(self, x: float, baseline: float, segments: Sequence, size: float,
             color: Color, rise: float = 0.0, tracking: float = 0.0) -> None:
        """Shows text: `segments` are (font name, characters) pairs set one after another, or (font name,
        characters, glyphs) with the glyphs already shaped (and placed) by the layout."""
        self._check()
        with self.overprint_black(color):
            self.canvas.setFillColor(self.color(color))
            self.show(x, self.y(baseline) + rise, segments, size, tracking)

    def show(self, x: float, y: float, segments: Sequence, size: float, tracking: float = 0.0) -> None:
        """The text object for shaped runs at (x, y) of the current space (PDF coordinates): each glyph by
        its id (Identity-H), moved by TJ where HarfBuzz's advance differs from the font's width, and
        placed with its offsets (marks). A glyph whose characters differ from those its code already
        stands for is shown inside /ActualText."""
        self._check()
        ops = ["BT", f"1 0 0 1 {number(x)} {number(y)} Tm", f"{number(tracking)} Tc"]
        for segment in segments:
            font_name, chars = segment[0], segment[1]
            glyphs = segment[2] if len(segment) > 2 and segment[2] else None
            face = fonts_module().by_name(font_name)
            if glyphs is None:
                glyphs = face.shape(chars)
            use = self.fonts_used.get(face.name)
            if use is None:
                use = self.fonts_used[face.name] = FontUse(face, f"TF{len(self.fonts_used)}")
            texts = segment[3] if len(segment) > 3 and segment[3] else glyph_texts(chars, glyphs)
            if has_rtl(chars):
                glyphs, texts = split_ligatures(face, tuple(glyphs), list(texts))
            actual = not use.note(glyphs, texts) and self._actual_depth == 0
            ops.append(f"/{use.resource} {number(size)} Tf")
            if actual:
                ops.append(f"/Span <</ActualText <FEFF{chars.encode('utf-16-be').hex().upper()}>>> BDC")
            ops.extend(shown(glyphs, face, size))
            if actual:
                ops.append("EMC")
        ops.append("ET")
        self.canvas.addLiteral("\n".join(ops))

    def image(self, jpeg: bytes, box: Rect, pixel_size: tuple[int, int], radius: float = 0.0,
              lossless: bool = False, mask: bytes | None = None) -> None:
        """Draws a picture cover-cropped into `box` (clipped to a rounded rectangle if `radius`): a JPEG
        (embedded as it is), or with `lossless` a TIFF (line art, embedded with Flate: ReportLab's reader
        tells the two apart); `mask`, a greyscale PNG, is its soft mask (alpha)."""
        self._check()
        x0, y0, x1, y1 = self.pdf_rect(box)
        w, h = x1 - x0, y1 - y0
        scale = max(w / pixel_size[0], h / pixel_size[1])
        dw, dh = pixel_size[0] * scale, pixel_size[1] * scale
        c = self.canvas
        c.saveState()
        p = c.beginPath()
        if radius:
            p.roundRect(x0, y0, w, h, radius)
        else:
            p.rect(x0, y0, w, h)
        c.clipPath(p, stroke=0, fill=0)
        rl.draw_jpeg(c, jpeg, x0 - (dw - w) / 2, y0 - (dh - h) / 2, dw, dh, mask)
        c.restoreState()

    def link(self, box: tuple[float, float, float, float], target: tuple[str, str], contents: str,
             owner: object) -> None:
        """Records a link area (top-left box x0, top, x1, bottom); the finish stage writes the annotation."""
        x0, top, x1, bottom = box
        o = self.offset  # annotations live in the media box's coordinates
        (a, b), (c, d) = self.to_page(x0, self.y(bottom)), self.to_page(x1, self.y(top))
        self.links.append(LinkArea(self.page_index, (a + o, b + o, c + o, d + o), target, contents, owner))

    def crop_marks(self, bleed: float, length: float = 12.0) -> None:
        """Trim marks at the four corners, outside the bleed (call inside an artifact)."""
        self._check()
        w, h = self.page_size
        c = self.canvas
        # registration colour: the Separation /All prints on every plate
        c.setStrokeColor(CMYKColorSep(1, 1, 1, 1, spotName="All") if self.to_cmyk else RLColor(0, 0, 0))
        c.setLineWidth(0.25)
        gap = bleed + 3
        for x in (0.0, w):
            for y in (0.0, h):
                sx = -1 if x == 0 else 1
                sy = -1 if y == 0 else 1
                c.line(x + sx * gap, y, x + sx * (gap + length), y)
                c.line(x, y + sy * gap, x, y + sy * (gap + length))

    @contextmanager
    def sketch(self, box: Rect) -> Iterator["Sketch"]:
        """A local drawing surface for illustrations: origin at the box's bottom-left, y up."""
        self._check()
        c = self.canvas
        c.saveState()
        c.translate(box.x, self.y(box.y + box.height))
        try:
            yield Sketch(self, box.width, box.height)
        finally:
            c.restoreState()

    def drawing(self, box: Rect, key: Hashable, draw: Callable[["Sketch"], None]) -> None:
        """Paints a drawing that may appear more than once: drawn once into a form XObject (with no
        marked content inside it) and painted here, inside the caller's marked content — so the same
        marked content is never painted twice (PDF/UA 7.20-2) and the bytes are not repeated."""
        self._check()
        c = self.canvas
        name = self._forms.get(key)
        if name is None:
            name = f"Fig{len(self._forms)}"
            c.beginForm(name, 0, 0, box.width, box.height)
            draw(Sketch(self, box.width, box.height))
            c.endForm(Resources=rl.form_resources(c))
            self._forms[key] = name
        c.saveState()
        c.translate(box.x, self.y(box.y + box.height))
        c.doForm(name)
        c.restoreState()

    def svg(self, box: Rect, key: str, drawing: Any) -> None:
        """Paints SVG artwork (a ReportLab Drawing from svglib) as vectors scaled into `box`: its RGB colours
        through the print palette in print, CMYK kept there and shown as RGB on screen. Drawn once per
        document into a form XObject, like `drawing`."""
        from reportlab.graphics import renderPDF

        from ..artwork import cmyk_to_rgb, recoloured_drawing

        def colour(value: Any) -> RLColor:
            alpha = getattr(value, "alpha", 1.0)
            if isinstance(value, CMYKColor):
                if self.to_cmyk is not None:
                    return value  # CMYK artwork keeps its inks in print
                shown = self.from_cmyk or cmyk_to_rgb
                return RLColor(*shown((value.cyan, value.magenta, value.yellow, value.black)), alpha=alpha)
            return self.color((value.red, value.green, value.blue), alpha)

        def draw(sketch: "Sketch") -> None:
            c = self.canvas
            c.saveState()
            c.scale(box.width / drawing.width, box.height / drawing.height)
            art = recoloured_drawing(drawing, colour)
            black = colour(RLColor(0, 0, 0))  # the renderer's starting colours, in the output's colour space
            rl.set_initial_colours(art, black, black)
            start = rl.code_length(c)
            renderPDF.draw(art, c, 0, 0, showBoundary=0)
            rl.drop_empty_text_objects(c, start)  # the renderer's starting font, in an empty text object
            c.restoreState()

        self.drawing(box, f"svg|{key}", draw)

    def pdf_page(self, box: Rect, key: str, art: PdfArt) -> None:
        """Paints a one-page PDF's paths (artwork.PdfArt) as vectors scaled into `box`, in a form XObject:
        its operators as they are, but for the colours (RGB through the print palette in print, CMYK kept
        there; CMYK shown as RGB on screen)."""
        from ..artwork import content

        to_cmyk = self.to_cmyk
        ink = (lambda rgb: to_cmyk(rgb).cmyk) if to_cmyk is not None else None

        def draw(sketch: "Sketch") -> None:
            c = self.canvas
            width, height = art.size
            c.saveState()
            c.scale(box.width / width, box.height / height)
            c.translate(-art.origin[0], -art.origin[1])
            c.addLiteral("q\n" + content(art, ink, self.from_cmyk) + "\nQ")
            c.restoreState()

        self.drawing(box, f"pdf|{key}", draw)
