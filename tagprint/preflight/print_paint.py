"""What a printer's preflight sees on a page: every paint (text, path, image, shading) with the colour space
and inks it uses, the size text is set at and the resolution images are placed at. Pages, the form
XObjects they paint and the tiling patterns they fill with are followed, with the graphics state (CTM,
colours, text matrix, transparency) kept as PDF defines it. The colour spaces are colour_spaces.py's.

Any PDF is welcome: nothing here assumes how the file was written.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import pikepdf

from .colour_spaces import CMYK, GRAY, RGB, Colour, Space, image_space, inline_space, resolve_space
from .document import Doc, ref
from .matrix import IDENTITY, Matrix, multiply, scale_of

MAX_DEPTH = 12
OPERATORS = ("q Q cm g G rg RG k K cs CS sc scn SC SCN gs w BT ET Tf Tm Td TD T* Tz Tr Tj TJ ' \" "
             "f F f* B B* b b* S s sh Do BI BDC BMC EMC")
FILL_OPS = {"f", "F", "f*"}
STROKE_OPS = {"S", "s"}
BOTH_OPS = {"B", "B*", "b", "b*"}
TEXT_OPS = {"Tj", "TJ", "'", '"'}
Parse = Callable[[pikepdf.Object], list]


@dataclass(frozen=True)
class Paint:
    kind: str                 # text, fill, stroke, image, shading, inline image
    page: int
    where: str                # "page", "page > /Fm0", …
    colour: Colour | None = None
    size: float = 0.0         # text: the size on the page, in points
    chars: int = 0            # text: how many characters (codes) are shown
    font: str = ""            # text: font resource name
    image: pikepdf.Object | None = None   # image/shading object
    name: str = ""            # image/shading resource name
    ppi: float = 0.0          # image: effective resolution on the page (the lower axis)
    space: Space | None = None  # image/shading colour space
    mark: "Mark | None" = None  # the innermost marked-content sequence it is painted in
    overprint: bool = False   # text/fill/stroke: painted with overprint on (/op or /OP)
    width: float = 0.0        # stroke: the line width on the page, in points


@dataclass(frozen=True)
class Mark:
    """A marked-content sequence: its tag, MCID (tagged content) or artifact /Type, and the form XObject
    whose content holds it (None: the page's own)."""

    tag: str
    mcid: int | None = None
    artifact: str | None = None       # "" for an artifact without a /Type
    stream: tuple[int, int] | None = None


@dataclass
class Transparency:
    page: int
    where: str
    what: str                 # e.g. "opacity 50 %"
    mark: "Mark | None" = None  # the marked-content sequence it happens in


@dataclass
class PaintScan:
    paints: list[Paint] = field(default_factory=list)
    spaces: list[tuple[int, str, Space]] = field(default_factory=list)   # every colour space selected/used
    transparency: list[Transparency] = field(default_factory=list)


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    fill: Colour = field(default_factory=lambda: Colour(GRAY, (0.0,)))
    stroke: Colour = field(default_factory=lambda: Colour(GRAY, (0.0,)))
    font: str = ""
    font_size: float = 0.0
    font_type0: bool = False
    render: int = 0
    hscale: float = 1.0
    line_width: float = 1.0
    op_fill: bool = False
    op_stroke: bool = False
    marks: tuple[Mark, ...] = ()

    def copy(self) -> "_State":
        return _State(self.ctm, self.fill, self.stroke, self.font, self.font_size, self.font_type0, self.render,
                      self.hscale, self.line_width, self.op_fill, self.op_stroke, self.marks)

    @property
    def mark(self) -> Mark | None:
        """The innermost artifact or MCID sequence (a tag without either says nothing of its owner)."""
        for mark in reversed(self.marks):
            if mark.mcid is not None or mark.artifact is not None:
                return mark
        return self.marks[-1] if self.marks else None



def scan_paints(doc: Doc) -> PaintScan:
    """Every paint of every page. A build opens the document with the print checks' operators
    (`Check.operators`), so the scan reads the shared parse; any other file is parsed here."""
    scan = PaintScan()
    parse: Parse = doc.instructions if doc.parses(OPERATORS) else _own_parse
    for page_no, page in enumerate(doc.pages, start=1):
        group = page.obj.get("/Group")
        if isinstance(group, pikepdf.Dictionary) and group.get("/S") == "/Transparency":
            cs = group.get("/CS")
            scan.transparency.append(Transparency(page_no, "page", "the page is a transparency group"
                                                  + (f" blending in {resolve_space(cs, None).family}" if cs else "")))
            if cs is not None:
                scan.spaces.append((page_no, "page /Group /CS", resolve_space(cs, page.obj.get("/Resources"))))
        _Stream(page.obj, page.obj.get("/Resources"), page_no, "page", _State(), scan, set(), 0, parse).read()
    return scan


def _numbers(operands) -> tuple[float, ...]:
    out = []
    for v in operands:
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            pass
    return tuple(out)


def _own_parse(holder: pikepdf.Object) -> list:
    return pikepdf.parse_content_stream(holder, OPERATORS)


def _resources_of(resources: pikepdf.Dictionary, kind: str) -> pikepdf.Dictionary:
    """One kind of named resources (/Font, /XObject, …); empty when there are none."""
    found = resources.get(kind)
    return found if isinstance(found, pikepdf.Dictionary) else pikepdf.Dictionary()


class _Stream:
    """One content stream (a page's, a form XObject's) read operator by operator, with the graphics state
    it inherits; each operator that matters to print has its handler in HANDLERS."""

    def __init__(self, holder: pikepdf.Object, resources: object, page: int, where: str, outer: _State,
                 scan: PaintScan, active: set, depth: int, parse: Parse):
        self.holder, self.page, self.where, self.scan = holder, page, where, scan
        self.active, self.depth, self.parse = active, depth, parse
        self.res = resources if isinstance(resources, pikepdf.Dictionary) else pikepdf.Dictionary()
        self.state = outer.copy()
        self.stack: list[_State] = []
        self.tm: Matrix = IDENTITY

    def read(self) -> None:
        if self.depth > MAX_DEPTH:
            return
        try:
            instructions = self.parse(self.holder)
        except pikepdf.PdfError:
            return
        for instruction in instructions:
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                self.scan.paints.append(Paint("inline image", self.page, self.where,
                                              space=inline_space(instruction, self.res)))
                continue
            op = str(instruction.operator)
            handler = HANDLERS.get(op)
            if handler is not None:
                handler(self, op, instruction.operands)

    # ---- graphics state -------------------------------------------------------------------------

    def save(self, op: str, operands: list) -> None:
        self.stack.append(self.state.copy())

    def restore(self, op: str, operands: list) -> None:
        if self.stack:
            self.state = self.stack.pop()

    def concat(self, op: str, operands: list) -> None:
        nums = _numbers(operands)
        if len(nums) == 6:
            self.state.ctm = multiply(nums, self.state.ctm)

    def line_width(self, op: str, operands: list) -> None:
        nums = _numbers(operands)
        if nums:
            self.state.line_width = nums[0]

    def graphics_state(self, op: str, operands: list) -> None:
        if not operands:
            return
        gs = _resources_of(self.res, "/ExtGState").get(str(operands[0]))
        if isinstance(gs, pikepdf.Dictionary):
            _transparency(gs, str(operands[0]), self.page, self.where, self.scan, self.state.mark)
            _graphics_state(gs, self.state)

    def begin_mark(self, op: str, operands: list) -> None:
        mark = _mark(operands, self.res, self.holder if self.depth else None)
        self.state.marks = (*self.state.marks, mark)

    def end_mark(self, op: str, operands: list) -> None:
        self.state.marks = self.state.marks[:-1]

    # ---- colour ---------------------------------------------------------------------------------

    def _set_colour(self, op: str, colour: Colour) -> None:
        """Lower-case operators set the fill colour, upper-case ones the stroke colour."""
        if op.islower():
            self.state.fill = colour
        else:
            self.state.stroke = colour

    def device_colour(self, op: str, operands: list) -> None:
        space = {"g": GRAY, "rg": RGB, "k": CMYK}[op.lower()]
        self.scan.spaces.append((self.page, self.where, space))
        self._set_colour(op, Colour(space, _numbers(operands)))

    def colour_space(self, op: str, operands: list) -> None:
        if not operands:
            return
        space = resolve_space(operands[0], self.res)
        self.scan.spaces.append((self.page, self.where, space))
        initial = Colour(space, (0.0, 0.0, 0.0, 1.0) if space.kind == "cmyk" else (1.0,) * max(1, space.components)
                         if space.kind == "spot" else (0.0,) * max(1, space.components))
        self._set_colour(op, initial)

    def colour(self, op: str, operands: list) -> None:
        target = self.state.fill if op.islower() else self.state.stroke
        self._set_colour(op, Colour(target.space, _numbers(operands)))

    # ---- text -----------------------------------------------------------------------------------

    def begin_text(self, op: str, operands: list) -> None:
        self.tm = IDENTITY

    def text_font(self, op: str, operands: list) -> None:
        if len(operands) < 2:
            return
        state = self.state
        state.font = str(operands[0])
        size = _numbers(operands[1:2])
        state.font_size = abs(size[0]) if size else 0.0
        font = _resources_of(self.res, "/Font").get(state.font)
        state.font_type0 = isinstance(font, pikepdf.Dictionary) and font.get("/Subtype") == "/Type0"

    def text_matrix(self, op: str, operands: list) -> None:
        nums = _numbers(operands)
        if len(nums) == 6:
            self.tm = nums

    def text_scale(self, op: str, operands: list) -> None:
        if operands:
            nums = _numbers(operands)
            self.state.hscale = (nums[0] if nums else 100.0) / 100

    def text_render(self, op: str, operands: list) -> None:
        if operands:
            nums = _numbers(operands)
            self.state.render = int(nums[0]) if nums else 0

    def show_text(self, op: str, operands: list) -> None:
        state = self.state
        if not operands or state.render in (3, 7):
            return
        shown = operands[-1]
        parts = list(shown) if isinstance(shown, pikepdf.Array) else [shown]
        length = sum(len(bytes(p)) for p in parts if isinstance(p, pikepdf.String))
        chars = length // 2 if state.font_type0 else length
        size = state.font_size * scale_of(multiply(self.tm, state.ctm))
        stroked = state.render in (1, 5)
        self.scan.paints.append(Paint("text", self.page, self.where, state.stroke if stroked else state.fill,
                                      round(size, 2), chars, state.font, mark=state.mark,
                                      overprint=state.op_stroke if stroked else state.op_fill))

    # ---- paths, shadings, XObjects --------------------------------------------------------------

    def fill(self, op: str, operands: list) -> None:
        state = self.state
        self.scan.paints.append(Paint("fill", self.page, self.where, state.fill, mark=state.mark,
                                      overprint=state.op_fill))
        if op in BOTH_OPS:
            self.scan.paints.append(_stroke(self.page, self.where, state))

    def stroke(self, op: str, operands: list) -> None:
        self.scan.paints.append(_stroke(self.page, self.where, self.state))

    def shading(self, op: str, operands: list) -> None:
        if not operands:
            return
        shading = _resources_of(self.res, "/Shading").get(str(operands[0]))
        if isinstance(shading, pikepdf.Object):
            space = resolve_space(shading.get("/ColorSpace"), self.res)
            self.scan.spaces.append((self.page, f"{self.where} > {operands[0]}", space))
            self.scan.paints.append(Paint("shading", self.page, self.where, image=shading, name=str(operands[0]),
                                          space=space, mark=self.state.mark))

    def xobject(self, op: str, operands: list) -> None:
        if not operands:
            return
        name = str(operands[0])
        xobj = _resources_of(self.res, "/XObject").get(name)
        if not isinstance(xobj, pikepdf.Stream):
            return
        if xobj.get("/Subtype") == "/Image":
            self._image(name, xobj)
        elif xobj.get("/Subtype") == "/Form":
            self._form(name, xobj)

    def _image(self, name: str, xobj: pikepdf.Stream) -> None:
        state, where = self.state, f"{self.where} > {name}"
        space = image_space(xobj, self.res)
        self.scan.spaces.append((self.page, where, space))
        w, h = _placed(state.ctm)
        ppi = min(float(xobj.get("/Width", 0)) / (w / 72), float(xobj.get("/Height", 0)) / (h / 72)) if w and h else 0
        self.scan.paints.append(Paint("image", self.page, self.where, image=xobj, name=name, ppi=ppi, space=space,
                                      mark=state.mark))
        if xobj.get("/SMask") is not None:
            self.scan.transparency.append(Transparency(self.page, where, "a soft mask (alpha)", state.mark))

    def _form(self, name: str, xobj: pikepdf.Stream) -> None:
        key = xobj.objgen
        if key in self.active:
            return
        where = f"{self.where} > {name}"
        group = xobj.get("/Group")
        if isinstance(group, pikepdf.Dictionary) and group.get("/S") == "/Transparency":
            cs = group.get("/CS")
            self.scan.transparency.append(Transparency(self.page, where, "a transparency group", self.state.mark))
            if cs is not None:
                self.scan.spaces.append((self.page, f"{where} /Group /CS", resolve_space(cs, self.res)))
        inner = self.state.copy()
        matrix = _numbers(xobj.get("/Matrix", pikepdf.Array()))
        if len(matrix) == 6:
            inner.ctm = multiply(matrix, inner.ctm)
        _Stream(xobj, xobj.get("/Resources", self.res), self.page, where, inner, self.scan, self.active | {key},
                self.depth + 1, self.parse).read()


Handler = Callable[[_Stream, str, list], None]
HANDLERS: dict[str, Handler] = {
    "q": _Stream.save, "Q": _Stream.restore, "cm": _Stream.concat, "w": _Stream.line_width,
    "gs": _Stream.graphics_state, "BDC": _Stream.begin_mark, "BMC": _Stream.begin_mark, "EMC": _Stream.end_mark,
    **dict.fromkeys(("g", "G", "rg", "RG", "k", "K"), _Stream.device_colour),
    "cs": _Stream.colour_space, "CS": _Stream.colour_space,
    **dict.fromkeys(("sc", "scn", "SC", "SCN"), _Stream.colour),
    "BT": _Stream.begin_text, "Tf": _Stream.text_font, "Tm": _Stream.text_matrix, "Tz": _Stream.text_scale,
    "Tr": _Stream.text_render, **dict.fromkeys(TEXT_OPS, _Stream.show_text),
    **dict.fromkeys(FILL_OPS | BOTH_OPS, _Stream.fill), **dict.fromkeys(STROKE_OPS, _Stream.stroke),
    "sh": _Stream.shading, "Do": _Stream.xobject,
}


def _stroke(page: int, where: str, state: _State) -> Paint:
    return Paint("stroke", page, where, state.stroke, mark=state.mark, overprint=state.op_stroke,
                 width=state.line_width * scale_of(state.ctm))


def _graphics_state(gs: pikepdf.Dictionary, state: _State) -> None:
    """Line width and overprint from an ExtGState (/op defaults to /OP when only /OP is given)."""
    width = gs.get("/LW")
    try:
        if width is not None:
            state.line_width = float(width)
    except (TypeError, ValueError):
        pass
    stroke, fill = gs.get("/OP"), gs.get("/op")
    if stroke is not None:
        state.op_stroke = bool(stroke)
        if fill is None:
            state.op_fill = bool(stroke)
    if fill is not None:
        state.op_fill = bool(fill)


def _mark(operands, resources: pikepdf.Dictionary, form: pikepdf.Object | None) -> Mark:
    tag = str(operands[0]).lstrip("/") if operands else ""
    props = operands[1] if len(operands) > 1 else None
    if isinstance(props, pikepdf.Name):
        named = resources.get("/Properties")
        props = named.get(str(props)) if isinstance(named, pikepdf.Dictionary) else None
    mcid = artifact = None
    if isinstance(props, pikepdf.Dictionary):
        found = props.get("/MCID")
        try:
            mcid = int(found) if found is not None else None
        except (TypeError, ValueError):
            mcid = None
        if tag == "Artifact":
            kind = props.get("/Type")
            artifact = str(kind).lstrip("/") if isinstance(kind, pikepdf.Name) else ""
    elif tag == "Artifact":
        artifact = ""
    stream = form.objgen if form is not None and form.is_indirect and mcid is not None else None
    return Mark(tag, mcid, artifact, stream)


def _placed(ctm: Matrix) -> tuple[float, float]:
    """The size of the unit square (an image) on the page: lengths of the CTM's axes."""
    return math.hypot(ctm[0], ctm[1]), math.hypot(ctm[2], ctm[3])


def _transparency(gs: pikepdf.Dictionary, name: str, page: int, where: str, scan: PaintScan,
                  mark: "Mark | None" = None) -> None:
    for key in ("/ca", "/CA"):
        value = gs.get(key)
        try:
            if value is not None and float(value) < 1:
                what = "opacity" if key == "/ca" else "stroke opacity"
                scan.transparency.append(Transparency(page, where, f"{what} {float(value) * 100:.0f} %", mark))
        except (TypeError, ValueError):
            pass
    mask = gs.get("/SMask")
    if mask is not None and mask != pikepdf.Name("/None"):
        scan.transparency.append(Transparency(page, where, "a soft mask", mark))
    blend = gs.get("/BM")
    if blend is not None and str(blend) not in ("/Normal", "/Compatible"):
        scan.transparency.append(Transparency(page, where, f"blend mode {str(blend).lstrip('/')}", mark))


def object_label(obj: object, name: str = "") -> str:
    r = ref(obj)
    return f"{name} ({r})" if name and r else (name or r or "")
