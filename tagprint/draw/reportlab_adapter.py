"""Every use of ReportLab's internals, in one place, each with the reason it is needed.

The pen draws through ReportLab's public Canvas API (paths, colours, states, forms, `addLiteral`); what that
API cannot do without waste or without writing bytes we do not want is done here, by names ReportLab does
not promise to keep. They were read from ReportLab 5.1.0 (the exact pin in pyproject.toml);
`tests/draw/test_reportlab_adapter.py` pins that version and calls each function below, so an upgrade that
renames one of them fails a named test instead of a build.

What is reached for, and why:

- `Canvas._preamble` (`new_canvas`): ReportLab starts every page and form by selecting its initial font
  (`BT /F1 10 Tf 12 TL ET`); our text is never set in a ReportLab font (the finish stage writes the fonts),
  and there is no option to leave the selection out.
- `Canvas._doc` with `getXObjectName`, `idToObject`, `Reference`, `addForm`; `Canvas._setXObjects`,
  `_currentPageHasImages`, `_formsinuse`, `_code`; `reportlab.lib.utils._digester` (`draw_jpeg`): what
  `drawImage` does for a JPEG, with the XObject's name computed once per photo per process (`drawImage`
  decodes and hashes the pixels at every call to name it) and with a soft mask of our own (drawImage has
  none for a JPEG).
- `Canvas._formsinuse`, `_doc.xobjDict`, `_extgstate`, `_shadingUsed`, `_colorsUsed` (`form_resources`):
  `endForm` gives a form XObject only fonts and XObjects; the shadings, transparency states and separation
  colour spaces drawn inside it must be listed too.
- `Canvas._doc.addColor` (`add_separation`): a spot ink's Separation colour space, registered under the
  name the flat areas use, so a gradient in that ink refers to the same object.
- `pdfgen.canvas._normalizeColors`, `_buildColorFunction`, `_gradientExtendStr` (`normalized_colors`,
  `shade_axial`): `linearGradient` builds its shading from these and paints it at once; we need the shading
  in a spot colour space (Separation or DeviceN) and its colour functions formatted once per process.
- The `format`/`Dict` protocol of `pdfdoc` objects (`_KeptFunction`, `_KeptArray`, `_KeptStitching`,
  `_InkShading`): the same illustrations bring the same numbers to every build, and ReportLab formats each
  of them anew.
- `Canvas._code` (`code_length`, `drop_empty_text_objects`): svglib's renderer selects its starting font in
  an empty text object; artwork shows no text, and no font of ReportLab's may be named on our pages.
- `Drawing.__dict__` (`set_initial_colours`): the renderer's starting colours (`initialFillColor`, read by
  `renderbase.StateTracker`) are not in a Drawing's attribute map, so they are set past its checks; without
  them it starts in RGB black, which a CMYK print master may not hold.

Paths (`path_object`) use only the public `PDFPathObject(code=…)` and `getCode()`, but live here because
their formatted text is kept per process the way the objects above are.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import struct
from collections import OrderedDict
from typing import Any, Callable, Sequence

from reportlab import rl_config
from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase.pdfdoc import (PDFArray, PDFArrayCompact, PDFAxialShading, PDFDictionary,
                                      PDFExponentialFunction, PDFImageXObject, PDFName, PDFObjectReference,
                                      PDFResourceDictionary, PDFStitchingFunction, PDFStream)
from reportlab.pdfgen.canvas import Canvas, _buildColorFunction, _gradientExtendStr, _normalizeColors
from reportlab.pdfgen.pathobject import PDFPathObject

__all__ = ["new_canvas", "draw_jpeg", "photo_name", "form_resources", "add_separation", "normalized_colors",
           "shade_axial", "device_n", "path_object", "code_length", "drop_empty_text_objects", "separation_reference",
           "set_initial_colours"]


# ---- the canvas ------------------------------------------------------------------------------------------

def new_canvas(buffer: io.BytesIO, media: tuple[float, float], lang: str, title: str) -> Canvas:
    """A canvas writing binary streams, invariant (no dates, no random ids), with no font selected on its
    pages."""
    rl_config.useA85 = 0  # binary streams: ASCII85 would add a quarter to every photo
    canvas = Canvas(buffer, pagesize=media, invariant=1, pageCompression=0,
                    initialFontName="Helvetica", initialFontSize=10, lang=lang)  # never shown
    canvas.setTitle(title)
    # ReportLab starts each page with its initial font selected: no text of ours is set in a ReportLab
    # font (the finish stage writes the page's fonts), so that selection goes
    canvas._preamble = re.sub(r" ?BT .*? ET", "", canvas._preamble)
    return canvas


# ---- photos ----------------------------------------------------------------------------------------------

PHOTO_NAMES: OrderedDict[bytes, str] = OrderedDict()  # SHA-256 of a JPEG (and mask) -> its XObject's name
NAMES_KEPT = 64


def photo_name(jpeg: bytes, reader: ImageReader) -> str:
    """ReportLab names an image XObject by the MD5 of its decoded pixels and mask (`drawImage`), though it
    embeds the JPEG as it is: each JPEG is decoded and hashed once per process, and only its name kept."""
    key = hashlib.sha256(jpeg).digest()
    name = PHOTO_NAMES.get(key)
    if name is None:
        name = PHOTO_NAMES[key] = _digester(reader.getRGBData() + str(None).encode())  # no mask: "None"
        if len(PHOTO_NAMES) > NAMES_KEPT:
            PHOTO_NAMES.popitem(last=False)
    else:
        PHOTO_NAMES.move_to_end(key)
    return name


def draw_jpeg(canvas: Canvas, jpeg: bytes, x: float, y: float, width: float, height: float,
              mask: bytes | None = None) -> None:
    """What ReportLab's `drawImage` does for a JPEG without mask, with the XObject's name known: one
    image object per document, painted with `Do` in a unit square scaled to the box. `mask`, a greyscale
    PNG, becomes the image's soft mask (alpha)."""
    c = canvas
    c._currentPageHasImages = 1
    reader = ImageReader(io.BytesIO(jpeg))
    name = photo_name(jpeg + (mask or b""), reader)
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
    c.addLiteral(f"/{registered} Do")
    c.restoreState()
    c._formsinuse.append(name)


# ---- forms -----------------------------------------------------------------------------------------------

def form_resources(canvas: Canvas) -> PDFResourceDictionary:
    """The resources of the form being drawn: ReportLab gives forms only fonts and XObjects; gradients,
    transparency and spot colours need more."""
    c = canvas
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


# ---- colours and gradients -------------------------------------------------------------------------------

def add_separation(canvas: Canvas, colour: Any) -> str:
    """Registers a CMYKColorSep's Separation colour space with the document; its resource name."""
    name: str = canvas._doc.addColor(colour)[0]
    return name


def separation_reference(name: str) -> PDFObjectReference:
    """A reference to a registered Separation, as a shading's colour space."""
    return PDFObjectReference(name)


def normalized_colors(colors: Sequence[Any]) -> tuple[str, list]:
    """ReportLab colours as a gradient takes them: one colour space, and each colour's values in it."""
    space, values = _normalizeColors(list(colors))
    return space, values


def shade_axial(canvas: Canvas, x0: float, y0: float, x1: float, y1: float, space: Any, values: Sequence,
                stops: Sequence[float] | None, ink_space: bool) -> None:
    """Paints an axial shading from (x0, y0) to (x1, y1) through `values` in `space`, extended at both
    ends: ReportLab's `linearGradient`, with its colour functions formatted once per process and, with
    `ink_space`, a colour space that is an object (a Separation or a DeviceN) rather than a name."""
    function = _kept(_buildColorFunction(list(values), list(stops) if stops else None))
    shading_class = _InkShading if ink_space else _Shading
    canvas.shade(shading_class(x0, y0, x1, y1, Function=function, ColorSpace=space,
                               Extend=_gradientExtendStr(True)))


def shade_mesh(canvas: Canvas, xs: Sequence[float], ys: Sequence[float], space: Any, values: Sequence[Sequence],
               ink_space: bool) -> None:
    """Paints a lattice of Gouraud-shaded triangles (ISO 32000-1 8.7.4.5.6, shading type 5) over the grid of
    columns `xs` and rows `ys`: `values[j * len(xs) + i]` is the colour at (xs[i], ys[j]) in `space`. The
    colour blends smoothly across each triangle between its corners, so the shading has no steps anywhere:
    colour that changes across and along at once, which one axial shading cannot draw. Each point is stored
    once (16-bit places, 8-bit colours): a few KB."""
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    n = len(values[0])
    data = bytearray()
    for j, y in enumerate(ys):
        for i, x in enumerate(xs):
            data += struct.pack(">HH", round((x - x0) / ((x1 - x0) or 1) * 65535),
                                round((y - y0) / ((y1 - y0) or 1) * 65535))
            data += bytes(round(min(1.0, max(0.0, c)) * 255) for c in values[j * len(xs) + i])
    decode = [x0, x1, y0, y1] + [0, 1] * n
    stream = PDFStream(dictionary=PDFDictionary(dict(
        ShadingType=5, ColorSpace=space if ink_space else PDFName(space), BitsPerCoordinate=16,
        BitsPerComponent=8, VerticesPerRow=len(xs), Decode=PDFArrayCompact([round(v, 4) for v in decode]))),
        content=bytes(data))
    canvas.shade(stream)


def device_n(spots: list[str], alternates: list[tuple], separations: Sequence[str]) -> PDFArray:
    """[/DeviceN [spots… /Cyan /Magenta /Yellow /Black] /DeviceCMYK tint-transform attributes]: each process
    output is its own input plus every spot's tint times the spot's CMYK alternate, at most 1 (a PostScript
    calculator function reading its inputs with `index`; calculators have no `min`).

    The attributes' /Colorants name each spot's registered Separation (`separations`, from `add_separation`;
    ISO 32000-1 8.6.6.5): a renderer that keeps the spot on its own plate finds the ink there (without it,
    poppler says "DeviceN has no suitable colorant" and falls back to the alternate)."""
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
    colorants = PDFDictionary({spot: separation_reference(name) for spot, name in zip(spots, separations)})
    attributes = PDFDictionary(dict(Colorants=colorants))
    return PDFArrayCompact((PDFName("DeviceN"), PDFArrayCompact(names), PDFName("DeviceCMYK"), stream, attributes))


def _formatted_once(kept: OrderedDict, key: str, make: Callable[[], bytes], limit: int) -> bytes:
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

    def format(self, document: Any) -> bytes:
        key = repr((self.C0, self.C1, self.N, sorted(self.otherkw.items())))
        return _formatted_once(self._formatted, key, lambda: super(_KeptFunction, self).format(document), self.KEPT)


class _Shading(PDFAxialShading):
    """An axial shading whose colour function is written inside it (a direct dictionary, ISO 32000-1 8.7.4.5:
    a shading's /Function is a function object, direct or indirect): no object of its own per function, so
    ReportLab formats, numbers and cross-references a third of the objects it did (gradients brought 231
    of the seed's 300)."""

    def Dict(self, document: Any) -> Any:
        d = dict(self.otherkw)
        d.update(ShadingType=2, ColorSpace=PDFName(self.ColorSpace), Coords=PDFArrayCompact(self.Coords),
                 Function=self.Function)
        return self.ShadingDict(**d)


class _InkShading(PDFAxialShading):
    """An axial shading whose colour space is an object (a spot's Separation, or a DeviceN), not a name; its
    function written inside it, as `_Shading`'s."""

    def Dict(self, document: Any) -> Any:
        d = dict(self.otherkw)
        d.update(ShadingType=2, ColorSpace=self.ColorSpace, Coords=PDFArrayCompact(self.Coords),
                 Function=self.Function)
        return self.ShadingDict(**d)


class _KeptArray(PDFArray):
    """An array of numbers whose PDF text is made once per process (a stitching function's bounds)."""

    _formatted: OrderedDict[str, bytes] = OrderedDict()
    KEPT = 4096

    def format(self, document: Any) -> bytes:
        return _formatted_once(self._formatted, repr(self.sequence), lambda: super(_KeptArray, self).format(document),
                               self.KEPT)


class _KeptStitching(PDFStitchingFunction):
    """A stitching function written whole, its functions inside it (no references): its PDF text made once
    per process, like `_KeptFunction`'s."""

    _formatted: OrderedDict[str, bytes] = OrderedDict()
    KEPT = 4096

    def Dict(self, document: Any) -> Any:
        # (not ReportLab's Dict: it registers each function as an object of its own, a side effect on the
        # document that the kept text would then skip on the next build)
        d = dict(self.otherkw)
        d.update(FunctionType=3, Functions=PDFArray(list(self.Functions)), Bounds=_KeptArray(self.Bounds),
                 Encode=_KeptArray(self.Encode))
        return self.FunctionDict(**d)

    def format(self, document: Any) -> bytes:
        parts = [(f.C0, f.C1, f.N, sorted(f.otherkw.items())) if isinstance(f, _KeptFunction) else id(f)
                 for f in self.Functions]
        if any(isinstance(p, int) for p in parts):  # a function not kept by value: formatted every time
            return super().format(document)
        key = repr((parts, self.Bounds, self.Encode, sorted(self.otherkw.items())))
        return _formatted_once(self._formatted, key, lambda: super(_KeptStitching, self).format(document), self.KEPT)


def _kept(function: Any) -> Any:
    """ReportLab's colour function for a gradient, its numbers formatted once per process."""
    if type(function) is PDFExponentialFunction:
        return _KeptFunction(function.C0, function.C1, function.N, **function.otherkw)
    if type(function) is PDFStitchingFunction:
        return _KeptStitching([_kept(f) for f in function.Functions], function.Bounds, function.Encode,
                              **function.otherkw)
    return function


# ---- paths -----------------------------------------------------------------------------------------------

def path_object(commands: Sequence[tuple]) -> PDFPathObject:
    """A path from commands (as `Sketch.path` takes them), its PDF text made once per process: a replayed
    illustration brings the same paths to every build, and ReportLab formats each of their numbers."""
    try:
        code = _path_code(tuple(commands))
    except TypeError:  # a command holding a list: not kept
        code = _path_code.__wrapped__(tuple(commands))
    return PDFPathObject(code=[code])


@functools.lru_cache(maxsize=2048)  # a document's illustrations hold some tens of paths
def _path_code(commands: tuple[tuple, ...]) -> str:
    """The path's operators on one line, as `drawPath` and `clipPath` write them (`getCode`)."""
    p = PDFPathObject()  # what Canvas.beginPath returns
    for cmd in commands:
        op, args = cmd[0], cmd[1:]
        {"M": p.moveTo, "L": p.lineTo, "C": p.curveTo, "Z": lambda: p.close(), "R": p.rect}[op](*args)
    code: str = p.getCode()
    return code


# ---- artwork drawn by svglib's renderer ------------------------------------------------------------------

_FONT_ONLY = re.compile(r"BT /\S+ [\d.]+ Tf [\d.]+ TL ET")  # a font selected, nothing shown


def code_length(canvas: Canvas) -> int:
    """How many pieces of operators the current page or form holds (a mark for `drop_empty_text_objects`)."""
    return len(canvas._code)


def drop_empty_text_objects(canvas: Canvas, start: int) -> None:
    """Removes, from what was drawn since `start`, the text objects that only select a font: the renderer
    selects its starting font so (artwork shows no text: text is refused at validation), and the pen's fonts
    are written at finish, so no font is named here."""
    canvas._code[start:] = [line for line in canvas._code[start:] if not _FONT_ONLY.fullmatch(line.strip())]


def set_initial_colours(drawing: Any, fill: Any, stroke: Any) -> None:
    """The colours the renderer starts a Drawing with (it reads `initialFillColor` and `initialStrokeColor`
    off the drawing, else paints black in RGB): ReportLab's attribute map does not list them for a Drawing,
    so they are set past its checks."""
    drawing.__dict__.update(initialFillColor=fill, initialStrokeColor=stroke)
