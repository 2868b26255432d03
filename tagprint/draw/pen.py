"""The one door to raw PDF: marked content, artifacts, and every drawing primitive.

Nothing outside this module writes PDF operators or touches ReportLab. Every primitive must be called
inside `marked(slot)` (real content, claimed by a structure element) or `artifact()` (decoration):
drawing outside both raises, so untagged content cannot be written.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Hashable, Iterator, Sequence

from reportlab import rl_config
from reportlab.lib.colors import CMYKColor, CMYKColorSep
from reportlab.lib.colors import Color as RLColor
from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase.pdfdoc import (PDFArray, PDFArrayCompact, PDFAxialShading, PDFDictionary,
                                      PDFExponentialFunction, PDFImageXObject, PDFObjectReference,
                                      PDFStitchingFunction)
from reportlab.pdfgen.canvas import Canvas, _buildColorFunction, _gradientExtendStr, _normalizeColors
from reportlab.pdfgen.pathobject import PDFPathObject

from ..model import Color, Rect
from ..tags import ContentSlot
from ..layout.bidi import has_rtl
from .glyph_map import FontUse, glyph_texts

if TYPE_CHECKING:
    from ..profiles.press import PressInk

Point = tuple[float, float]


def fonts_module():
    from .. import fonts
    return fonts


def _n(value: float) -> str:
    """A number as content streams write it: at most three decimals, no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _shown(glyphs, face, size: float) -> list[str]:
    try:
        return list(_shown_kept(tuple(glyphs), face, size))
    except TypeError:  # glyphs that are not tuples: not kept
        return _shown_made(glyphs, face, size)


@functools.lru_cache(maxsize=1 << 14)
def _shown_kept(glyphs, face, size: float) -> tuple[str, ...]:
    """The operators for a run, made once per process: the same lines are drawn in every profile."""
    return tuple(_shown_made(glyphs, face, size))


def _shown_made(glyphs, face, size: float) -> list[str]:
    """TJ (and Ts for raised or lowered marks) showing `glyphs` with HarfBuzz's advances and offsets: after
    each glyph the pen moves by its width in the font (/W); a TJ number corrects that to the shaped advance,
    and a glyph's x offset is applied before it and taken back after."""
    ops: list[str] = []
    parts: list[str] = []  # the TJ array: numbers, and hex strings of glyphs set one after another
    codes: list[str] = []  # glyphs not yet closed into a hex string
    rise = 0.0
    pending = 0.0  # thousandths of an em to move right before the next glyph

    def close() -> None:
        if codes:
            parts.append("<" + "".join(codes) + ">")
            codes.clear()

    for g in glyphs:
        if g.dy != rise:
            close()
            if parts:
                ops.append("[" + " ".join(parts) + "] TJ")
                parts = []
            rise = g.dy
            ops.append(f"{_n(rise * size / 1000)} Ts")
        move = pending + g.dx
        if abs(move) > 0.0005:
            close()
            parts.append(_n(-move))
        codes.append(f"{g.gid:04X}")
        pending = (g.advance - g.dx) - face.widths[g.gid] if g.gid < len(face.widths) else g.advance - g.dx
    close()
    if abs(pending) > 0.0005:
        parts.append(_n(-pending))
    if parts:
        ops.append("[" + " ".join(parts) + "] TJ")
    if rise:
        ops.append("0 Ts")
    return ops


LAM = "\u0644"


def _split_ligatures(face, glyphs: tuple, texts: list[str]) -> tuple[tuple, list[str]]:
    """A ligature of right-to-left letters stands for several letters, which viewers turn round with the
    line (PDFium, poppler turn characters round, pypdf glyphs). A lam-alef in a TrueType font therefore
    stands for its alef, and an empty glyph of no width (one past the font's last; the finish stage adds it
    to the subset) right after it, at its right edge where it is read first, stands for its lam. Other
    ligatures of several right-to-left letters map to their letters turned round (right for PDFium and
    poppler)."""
    out_glyphs, out_texts = [], []
    for g, t in zip(glyphs, texts):
        if len(t) == 2 and t[0] == LAM and not face.cff:
            out_glyphs += [g, type(g)(len(face.widths), g.cluster, 0.0, 0.0, 0.0)]
            out_texts += [t[1], LAM]
            continue
        out_glyphs.append(g)
        out_texts.append(t[::-1] if len(t) > 1 and has_rtl(t) else t)
    return tuple(out_glyphs), out_texts


_FONT_ONLY = re.compile(r"BT /\S+ [\d.]+ Tf [\d.]+ TL ET")  # a font selected, nothing shown


class MarkedContentError(RuntimeError):
    pass


@dataclass
class LinkArea:
    page: int
    rect: tuple[float, float, float, float]  # PDF coordinates x0, y0, x1, y1
    target: tuple[str, str]  # ("uri", href) or ("ref", reference number)
    contents: str
    owner: object  # StructElem


_NAMES: OrderedDict[bytes, str] = OrderedDict()  # SHA-256 of a JPEG -> the name of its image XObject
NAMES_KEPT = 64


def _photo_name(jpeg: bytes, reader: ImageReader) -> str:
    """ReportLab names an image XObject by the MD5 of its decoded pixels and mask (`drawImage`), though it
    embeds the JPEG as it is: each JPEG is decoded and hashed once per process, and only its name kept."""
    key = hashlib.sha256(jpeg).digest()
    name = _NAMES.get(key)
    if name is None:
        name = _NAMES[key] = _digester(reader.getRGBData() + str(None).encode())  # no mask: "None"
        if len(_NAMES) > NAMES_KEPT:
            _NAMES.popitem(last=False)
    else:
        _NAMES.move_to_end(key)
    return name


def _formatted_once(kept: OrderedDict, key: str, make, limit: int) -> bytes:
    """The PDF text under `key`, made by `make` the first time in this process (the oldest dropped past
    `limit`)."""
    text = kept.get(key)
    if text is None:
        text = kept[key] = make()
        if len(kept) > limit:
            kept.popitem(last=False)
    return text


class _KeptFunction(PDFExponentialFunction):
    """A gradient's exponential function whose PDF text is made once per process: the same illustrations
    bring the same colour stops to every build, and ReportLab formats each number of each one anew. The
    text depends on nothing but the function's values (no references, no strings)."""

    _formatted: OrderedDict[str, bytes] = OrderedDict()
    KEPT = 4096

    def format(self, document) -> bytes:
        key = repr((self.C0, self.C1, self.N, sorted(self.otherkw.items())))
        return _formatted_once(self._formatted, key, lambda: super(_KeptFunction, self).format(document), self.KEPT)


class _InkShading(PDFAxialShading):
    """An axial shading whose colour space is an object (a spot's Separation, or a DeviceN), not a name."""

    def Dict(self, document):
        d = dict(self.otherkw)
        d.update(ShadingType=2, ColorSpace=self.ColorSpace, Coords=PDFArrayCompact(self.Coords),
                 Function=document.Reference(self.Function))
        return self.ShadingDict(**d)


def _device_n(spots: list[str], alternates: list[tuple]) -> PDFArray:
    """[/DeviceN [spots… /Cyan /Magenta /Yellow /Black] /DeviceCMYK tint-transform]: each process output is
    its own input plus every spot's tint times the spot's CMYK alternate, at most 1 (a PostScript
    calculator function reading its inputs with `index`; calculators have no `min`)."""
    from reportlab.pdfbase.pdfdoc import PDFName, PDFStream

    n = len(spots)
    inputs = n + 4
    code = []
    for j in range(4):  # c, m, y, k: pushed on top of the inputs, one by one
        code.append(f"{inputs - 1 - (n + j) + j} index")
        for i, alternate in enumerate(alternates):
            if alternate[j]:
                code.append(f"{inputs - 1 - i + j + 1} index {alternate[j]:g} mul add")
        code.append("dup 1 gt {pop 1} if")
    code.append(f"{inputs + 4} 4 roll" + " pop" * inputs)
    program = "{" + " ".join(code) + "}"
    stream = PDFStream(dictionary=PDFDictionary(dict(
        FunctionType=4, Domain=PDFArrayCompact((0, 1) * inputs), Range=PDFArrayCompact((0, 1) * 4))),
        content=program, filters=None)
    names = [PDFName(s) for s in spots] + [PDFName(p) for p in ("Cyan", "Magenta", "Yellow", "Black")]
    return PDFArrayCompact((PDFName("DeviceN"), PDFArrayCompact(names), PDFName("DeviceCMYK"), stream))


def _path(commands: Sequence[tuple]) -> PDFPathObject:
    """A path from commands (as `Sketch.path` takes them), its PDF text made once per process: a replayed
    illustration brings the same paths to every build, and ReportLab formats each of their numbers."""
    try:
        code = _path_code(tuple(commands))
    except TypeError:  # a command holding a list: not kept
        code = _path_code.__wrapped__(tuple(commands))
    return PDFPathObject(code=list(code))


@functools.lru_cache(maxsize=2048)  # a document's illustrations hold some tens of paths
def _path_code(commands: tuple[tuple, ...]) -> tuple[str, ...]:
    p = PDFPathObject()  # what Canvas.beginPath returns
    for cmd in commands:
        op, args = cmd[0], cmd[1:]
        {"M": p.moveTo, "L": p.lineTo, "C": p.curveTo, "Z": lambda: p.close(), "R": p.rect}[op](*args)
    return tuple(p._code)


class _KeptArray(PDFArray):
    """An array of numbers whose PDF text is made once per process (a stitching function's bounds)."""

    _formatted: OrderedDict[str, bytes] = OrderedDict()
    KEPT = 4096

    def format(self, document) -> bytes:
        return _formatted_once(self._formatted, repr(self.sequence), lambda: super(_KeptArray, self).format(document),
                               self.KEPT)


class _KeptStitching(PDFStitchingFunction):
    """A stitching function with its Bounds and Encode arrays formatted once per process (its Functions
    are references, numbered per document)."""

    def Dict(self, document):
        d = super().Dict(document)
        d.dict["Bounds"] = _KeptArray(self.Bounds)
        d.dict["Encode"] = _KeptArray(self.Encode)
        return d


def _kept(function):
    """ReportLab's colour function for a gradient, its numbers formatted once per process."""
    if type(function) is PDFExponentialFunction:
        return _KeptFunction(function.C0, function.C1, function.N, **function.otherkw)
    if type(function) is PDFStitchingFunction:
        return _KeptStitching([_kept(f) for f in function.Functions], function.Bounds, function.Encode,
                              **function.otherkw)
    return function


@dataclass
class Pen:
    canvas: Canvas
    page_size: tuple[float, float]  # the trimmed page; the media may be larger by `offset` on each side
    page_index: int = 0
    links: list[LinkArea] = field(default_factory=list)
    to_cmyk: Callable[[Color], "PressInk"] | None = None  # the print palette: inks for a colour
    offset: float = 0.0
    _forms: dict[Hashable, str] = field(default_factory=dict)
    _frame: tuple[float, float, float] = (0.0, 0.0, 1.0)  # the current space's origin and scale on the page
    _mcid: int = 0
    _open: str | None = None
    fonts_used: dict[str, FontUse] = field(default_factory=dict)  # face name -> its glyphs (the finish embeds them)
    _actual_depth: int = 0

    @classmethod
    def create(cls, buffer: io.BytesIO, page_size: tuple[float, float], font_name: str, title: str,
               lang: str, to_cmyk: Callable | None = None, offset: float = 0.0) -> "Pen":
        rl_config.useA85 = 0  # binary streams: ASCII85 would add a quarter to every photo
        media = (page_size[0] + 2 * offset, page_size[1] + 2 * offset)
        canvas = Canvas(buffer, pagesize=media, invariant=1, pageCompression=0,
                        initialFontName="Helvetica", initialFontSize=10, lang=lang)  # never shown
        canvas.setTitle(title)
        # ReportLab starts each page with its initial font selected: no text of ours is set in a ReportLab
        # font (the finish stage writes the page's fonts), so that selection goes
        canvas._preamble = re.sub(r" ?BT .*? ET", "", canvas._preamble)
        pen = cls(canvas, page_size, to_cmyk=to_cmyk, offset=offset)
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
        if self._open:
            raise MarkedContentError(f"marked content for {slot.tag} opened inside {self._open}")
        mcid = self._mcid
        self._mcid += 1
        slot.claims.append((self.page_index, mcid))
        elem = slot.owner
        while elem is not None and elem.anchor is None and at is not None:
            elem.anchor = (self.page_index, *self.to_page(at[0], self.y(at[1])))
            elem = elem.parent
        self.canvas.addLiteral(f"/{slot.tag} <</MCID {mcid}>> BDC")
        self._open = slot.tag
        try:
            yield
        finally:
            self.canvas.addLiteral("EMC")
            self._open = None

    @contextmanager
    def artifact(self, kind: str = "Layout", subtype: str | None = None) -> Iterator[None]:
        if self._open:
            raise MarkedContentError(f"artifact opened inside {self._open}")
        props = f"/Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "")
        self.canvas.addLiteral(f"/Artifact <<{props}>> BDC")
        self._open = "Artifact"
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
    def _fill(self, color: Color, alpha: float = 1.0) -> None:
        self.canvas.setFillColor(self.color(color, alpha))

    def _stroke(self, color: Color, alpha: float = 1.0) -> None:
        self.canvas.setStrokeColor(self.color(color, alpha))

    def fill_rect(self, box: Rect, color: Color, radius: float = 0.0) -> None:
        self._check()
        self._fill(color)
        x0, y0, x1, y1 = self.pdf_rect(box)
        if radius:
            self.canvas.roundRect(x0, y0, x1 - x0, y1 - y0, radius, stroke=0, fill=1)
        else:
            self.canvas.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)

    def line(self, x0: float, y0: float, x1: float, y1: float, color: Color, width: float) -> None:
        self._check()
        self._stroke(color)
        self.canvas.setLineWidth(width)
        self.canvas.line(x0, self.y(y0), x1, self.y(y1))

    def chevron(self, x: float, y: float, size: float, color: Color) -> None:
        self._check()
        self._stroke(color)
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
        ops = ["BT", f"1 0 0 1 {_n(x)} {_n(y)} Tm", f"{_n(tracking)} Tc"]
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
                glyphs, texts = _split_ligatures(face, tuple(glyphs), list(texts))
            actual = not use.note(glyphs, texts) and self._actual_depth == 0
            ops.append(f"/{use.resource} {_n(size)} Tf")
            if actual:
                ops.append(f"/Span <</ActualText <FEFF{chars.encode('utf-16-be').hex().upper()}>>> BDC")
            ops.extend(_shown(glyphs, face, size))
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
        self._jpeg(jpeg, x0 - (dw - w) / 2, y0 - (dh - h) / 2, dw, dh, mask)
        c.restoreState()

    def _jpeg(self, jpeg: bytes, x: float, y: float, width: float, height: float, mask: bytes | None = None) -> None:
        """What ReportLab's `drawImage` does for a JPEG without mask, with the XObject's name known: one
        image object per document, painted with `Do` in a unit square scaled to the box."""
        c = self.canvas
        c._currentPageHasImages = 1
        reader = ImageReader(io.BytesIO(jpeg))
        name = _photo_name(jpeg + (mask or b""), reader)
        registered = c._doc.getXObjectName(name)
        if not c._doc.idToObject.get(registered, None):
            image = PDFImageXObject(name, reader, mask=None)  # the JPEG's bytes, as they are (DCTDecode)
            image.name = name
            if mask is not None:  # alpha: a DeviceGray soft mask of the same size, Flate
                mask_name = f"{name}M{hashlib.sha256(mask).hexdigest()[:16]}"
                soft = PDFImageXObject(mask_name, ImageReader(io.BytesIO(mask)), mask=None)
                mask_registered = c._doc.getXObjectName(mask_name)
                image.smask = c._doc.Reference(soft, mask_registered)
            c._setXObjects(image)
            c._doc.Reference(image, registered)
            c._doc.addForm(name, image)
        c.saveState()
        c.translate(x, y)
        c.scale(width, height)
        c._code.append(f"/{registered} Do")
        c.restoreState()
        c._formsinuse.append(name)

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
            c.endForm(Resources=self._form_resources())
            self._forms[key] = name
        c.saveState()
        c.translate(box.x, self.y(box.y + box.height))
        c.doForm(name)
        c.restoreState()

    def svg(self, box: Rect, key: str, drawing) -> None:
        """Paints SVG artwork (a ReportLab Drawing from svglib) as vectors scaled into `box`: its RGB colours
        through the print palette in print, CMYK kept there and shown as RGB on screen. Drawn once per
        document into a form XObject, like `drawing`."""
        from reportlab.graphics import renderPDF

        from ..artwork import cmyk_to_rgb, recoloured_drawing

        def colour(value):
            alpha = getattr(value, "alpha", 1.0)
            if isinstance(value, CMYKColor):
                if self.to_cmyk is not None:
                    return value  # CMYK artwork keeps its inks in print
                return RLColor(*cmyk_to_rgb((value.cyan, value.magenta, value.yellow, value.black)), alpha=alpha)
            return self.color((value.red, value.green, value.blue), alpha)

        def draw(sketch: "Sketch") -> None:
            c = self.canvas
            c.saveState()
            c.scale(box.width / drawing.width, box.height / drawing.height)
            art = recoloured_drawing(drawing, colour)
            black = colour(RLColor(0, 0, 0))  # the renderer's starting colours, in the output's colour space
            # and its starting font the document's own (embedded) face: the renderer sets one, showing nothing
            art.__dict__.update(initialFillColor=black, initialStrokeColor=black)
            start = len(c._code)
            renderPDF.draw(art, c, 0, 0, showBoundary=0)
            # the renderer selects its starting font in an empty text object (artwork shows no text: text
            # is refused at validation); the pen's fonts are written at finish, so none is named here
            c._code[start:] = [line for line in c._code[start:] if not _FONT_ONLY.fullmatch(line.strip())]
            c.restoreState()

        self.drawing(box, f"svg|{key}", draw)

    def pdf_page(self, box: Rect, key: str, art) -> None:
        """Paints a one-page PDF's paths (artwork.PdfArt) as vectors scaled into `box`, in a form XObject:
        its operators as they are, but for the colours (RGB through the print palette in print, CMYK kept
        there; CMYK shown as RGB on screen)."""
        from ..artwork import content

        ink = (lambda rgb: self.to_cmyk(rgb).cmyk) if self.to_cmyk is not None else None

        def draw(sketch: "Sketch") -> None:
            c = self.canvas
            width, height = art.size
            c.saveState()
            c.scale(box.width / width, box.height / height)
            c.translate(-art.origin[0], -art.origin[1])
            c._code.append("q\n" + content(art, ink) + "\nQ")
            c.restoreState()

        self.drawing(box, f"pdf|{key}", draw)

    def _form_resources(self):
        """ReportLab gives forms only fonts and XObjects; gradients and transparency need more."""
        from reportlab.pdfbase.pdfdoc import PDFResourceDictionary
        c = self.canvas
        resources = PDFResourceDictionary()
        resources.basicFonts()
        resources.allProcs()
        if c._formsinuse:
            resources.XObject = c._doc.xobjDict(c._formsinuse)
        states = c._extgstate.getState()
        if states:
            resources.ExtGState = states
        resources.setShading(c._shadingUsed)
        resources.setColorSpace(c._colorsUsed)
        return resources


@dataclass
class Sketch:
    """Vector primitives in an illustration's own coordinates (points, origin bottom-left, y up)."""

    pen: Pen
    width: float
    height: float

    @property
    def _c(self) -> Canvas:
        return self.pen.canvas

    def polygon(self, points: Sequence[Point], fill: Color | None = None, stroke: Color | None = None,
                line_width: float = 1.0, alpha: float = 1.0) -> None:
        p = self._c.beginPath()
        p.moveTo(*points[0])
        for pt in points[1:]:
            p.lineTo(*pt)
        p.close()
        self._paint(p, fill, stroke, line_width, alpha)

    def polyline(self, points: Sequence[Point], stroke: Color, line_width: float = 1.0, round_caps: bool = True) -> None:
        p = self._c.beginPath()
        p.moveTo(*points[0])
        for pt in points[1:]:
            p.lineTo(*pt)
        self._c.setLineCap(1 if round_caps else 0)
        self._c.setLineJoin(1)
        self._paint(p, None, stroke, line_width, 1.0)

    def curve(self, start: Point, c1: Point, c2: Point, end: Point, stroke: Color, line_width: float = 1.0) -> None:
        p = self._c.beginPath()
        p.moveTo(*start)
        p.curveTo(*c1, *c2, *end)
        self._c.setLineCap(1)
        self._paint(p, None, stroke, line_width, 1.0)

    def path(self, commands: Sequence[tuple], fill: Color | None = None, stroke: Color | None = None,
             line_width: float = 1.0, alpha: float = 1.0, within: Sequence[tuple] = ()) -> None:
        """A path from commands: ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y), ("Z",), ("R", x, y, w, h)
        (a whole rectangle); painted only
        inside the path `within`, when one is given."""
        if not within:
            self._paint(_path(commands), fill, stroke, line_width, alpha)
            return
        c = self._c
        c.saveState()
        c.clipPath(_path(within), stroke=0, fill=0)
        self._paint(_path(commands), fill, stroke, line_width, alpha)
        c.restoreState()

    def circle(self, cx: float, cy: float, r: float, fill: Color | None = None, stroke: Color | None = None,
               line_width: float = 1.0, alpha: float = 1.0) -> None:
        p = self._c.beginPath()
        p.circle(cx, cy, r)
        self._paint(p, fill, stroke, line_width, alpha)

    def ellipse(self, x0: float, y0: float, x1: float, y1: float, fill: Color | None = None,
                stroke: Color | None = None, line_width: float = 1.0, alpha: float = 1.0) -> None:
        p = self._c.beginPath()
        p.ellipse(x0, y0, x1 - x0, y1 - y0)
        self._paint(p, fill, stroke, line_width, alpha)

    def rect(self, x: float, y: float, w: float, h: float, fill: Color | None = None, radius: float = 0.0,
             stroke: Color | None = None, line_width: float = 1.0, alpha: float = 1.0) -> None:
        p = self._c.beginPath()
        if radius:
            p.roundRect(x, y, w, h, radius)
        else:
            p.rect(x, y, w, h)
        self._paint(p, fill, stroke, line_width, alpha)

    def linear_gradient(self, clip: Sequence[tuple], x0: float, y0: float, x1: float, y1: float,
                        colors: Sequence[Color], stops: Sequence[float] | None = None,
                        within: Sequence[tuple] = ()) -> None:
        """Fills the path `clip` (commands as in `path`) with a linear gradient (an axial shading); inside
        the path `within` too, when one is given (a band of a larger shape)."""
        c = self._c
        c.saveState()
        if within:
            c.clipPath(_path(within), stroke=0, fill=0)
        c.clipPath(_path(clip), stroke=0, fill=0)
        # ReportLab's linearGradient, with its colour functions formatted once per process (below); in
        # print, stops in a spot ink keep it: the gradient runs in its Separation (or a DeviceN of the
        # spots and the process inks), so the colour prints from the same plate as the flat areas
        spot = self._spot_gradient(colors)
        if spot is not None:
            space, values = spot
        else:
            space, values = _normalizeColors([self.pen.color(col) for col in colors])
        function = _kept(_buildColorFunction(values, list(stops) if stops else None))
        shading_class = _InkShading if spot is not None else PDFAxialShading
        c.shade(shading_class(x0, y0, x1, y1, Function=function, ColorSpace=space,
                              Extend=_gradientExtendStr(True)))
        c.restoreState()

    def _spot_gradient(self, colors: Sequence[Color]):
        """(colour space, stop values) for a print gradient with a spot ink among its stops, else None."""
        if self.pen.to_cmyk is None:
            return None
        inks = [self.pen.to_cmyk(col) for col in colors]
        spots = list(dict.fromkeys(ink.spot for ink in inks if ink.spot))
        if not spots:
            return None
        doc = self._c._doc
        for ink in inks:  # each spot's own Separation, as the flat areas define it
            if ink.spot:
                doc.addColor(CMYKColorSep(*ink.cmyk, spotName=ink.spot))
        alternates = {ink.spot: tuple(ink.cmyk) for ink in inks if ink.spot}
        if len(spots) == 1 and all(ink.spot or not any(ink.cmyk) for ink in inks):
            name = doc.addColor(CMYKColorSep(*alternates[spots[0]], spotName=spots[0]))[0]
            return PDFObjectReference(name), [(ink.tint if ink.spot else 0.0,) for ink in inks]
        values = []
        for ink in inks:
            tints = [ink.tint if ink.spot == spot else 0.0 for spot in spots]
            values.append(tuple(tints) + ((0.0,) * 4 if ink.spot else tuple(ink.cmyk)))
        return _device_n(spots, [alternates[s] for s in spots]), values

    def text(self, x: float, y: float, text: str, font: str, size: float, color: Color,
             anchor: str = "start", tracking: float = 0.0) -> None:
        from ..fonts import segments_for

        # characters the font lacks are set in the fallback fonts (never a .notdef box)
        runs = [(face.name, chars, face.shape(chars)) for face, chars in segments_for(font, text)]
        width = sum(g.advance for _, _, glyphs in runs for g in glyphs) * size / 1000 + tracking * len(text)
        dx = {"start": 0.0, "middle": -width / 2, "end": -width}[anchor]
        with self.pen.overprint_black(color):
            self._c.setFillColor(self.pen.color(color))
            self.pen.show(x + dx, y, runs, size, tracking)

    def _paint(self, p, fill: Color | None, stroke: Color | None, line_width: float, alpha: float) -> None:
        if fill is not None:
            self.pen._fill(fill, alpha)
        if stroke is not None:
            self.pen._stroke(stroke, alpha)
            self._c.setLineWidth(line_width)
        self._c.drawPath(p, stroke=1 if stroke is not None else 0, fill=1 if fill is not None else 0)
