"""What a printer's preflight sees on a page: every paint (text, path, image, shading) with the colour space
and inks it uses, the size text is set at and the resolution images are placed at. Pages, the form
XObjects they paint and the tiling patterns they fill with are followed, with the graphics state (CTM,
colours, text matrix, transparency) kept as PDF defines it.

Any PDF is welcome: nothing here assumes how the file was written.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pikepdf

from .document import Doc, ref
from .matrix import IDENTITY, Matrix, multiply, scale_of

PROCESS = ("Cyan", "Magenta", "Yellow", "Black")
MAX_DEPTH = 12
OPERATORS = ("q Q cm g G rg RG k K cs CS sc scn SC SCN gs w BT ET Tf Tm Td TD T* Tz Tr Tj TJ ' \" "
             "f F f* B B* b b* S s sh Do BI BDC BMC EMC")
FILL_OPS = {"f", "F", "f*"}
STROKE_OPS = {"S", "s"}
BOTH_OPS = {"B", "B*", "b", "b*"}


@dataclass(frozen=True)
class Space:
    """A colour space as far as printing goes: its family and, for Separation/DeviceN, the ink names."""

    family: str                      # DeviceCMYK, DeviceRGB, DeviceGray, ICCBased, Separation, DeviceN, Lab, …
    components: int
    inks: tuple[str, ...] = ()       # Separation/DeviceN colourant names
    icc_components: int = 0          # ICCBased: N
    label: str = ""                  # the resource name, e.g. /CS0
    alternate: str = ""              # Separation/DeviceN: the alternate space and what full tint looks like

    @property
    def kind(self) -> str:
        """rgb, gray, cmyk, spot, lab, pattern or other: what a printer asks about."""
        if self.family in ("DeviceRGB", "CalRGB") or (self.family == "ICCBased" and self.icc_components == 3):
            return "rgb"
        if self.family in ("DeviceGray", "CalGray") or (self.family == "ICCBased" and self.icc_components == 1):
            return "gray"
        if self.family == "DeviceCMYK" or (self.family == "ICCBased" and self.icc_components == 4):
            return "cmyk"
        if self.family in ("Separation", "DeviceN"):
            return "spot"
        return {"Lab": "lab", "Pattern": "pattern", "Indexed": "indexed"}.get(self.family, "other")


GRAY = Space("DeviceGray", 1)
RGB = Space("DeviceRGB", 3)
CMYK = Space("DeviceCMYK", 4)


@dataclass(frozen=True)
class Colour:
    space: Space
    values: tuple[float, ...]

    def inks(self) -> dict[str, float]:
        """Ink name → coverage 0..1 where it is known (CMYK, Gray as black, spot tints); {} for RGB etc."""
        kind = self.space.kind
        if kind == "cmyk" and len(self.values) == 4:
            return {n: v for n, v in zip(PROCESS, self.values) if v > 0.004}
        if kind == "gray" and self.values:
            return {"Black": 1 - self.values[0]} if self.values[0] < 0.996 else {}
        if kind == "spot":
            out: dict[str, float] = {}
            for name, v in zip(self.space.inks, self.values):
                if name == "None" or v <= 0.004:
                    continue
                if name == "All":                      # registration: every plate
                    out.update({n: max(out.get(n, 0), v) for n in PROCESS})
                else:
                    out[name] = v
            return out
        return {}

    def describe(self) -> str:
        if self.space.kind == "cmyk" and len(self.values) == 4:
            return "C{:.0f} M{:.0f} Y{:.0f} K{:.0f}".format(*(v * 100 for v in self.values))
        if self.space.kind == "spot":
            return " + ".join(f"{n} {v * 100:.0f} %" for n, v in zip(self.space.inks, self.values))
        return f"{self.space.family} " + " ".join(f"{v:g}" for v in self.values)


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


def resolve_space(value: object, resources: object, label: str = "") -> Space:
    """A colour space operand or object, looked up in /ColorSpace resources when it is a name."""
    if isinstance(value, pikepdf.Name):
        name = str(value)
        if name in ("/DeviceGray", "/G"):
            return GRAY
        if name in ("/DeviceRGB", "/RGB"):
            return RGB
        if name in ("/DeviceCMYK", "/CMYK"):
            return CMYK
        if name == "/Pattern":
            return Space("Pattern", 1, label=name)
        spaces = resources.get("/ColorSpace") if isinstance(resources, pikepdf.Dictionary) else None
        found = spaces.get(name) if isinstance(spaces, pikepdf.Dictionary) else None
        if found is None:
            return Space("missing", 1, label=name)
        return resolve_space(found, None, name)
    if isinstance(value, pikepdf.Array) and len(value):
        family = str(value[0]).lstrip("/")
        if family == "ICCBased" and len(value) > 1 and isinstance(value[1], pikepdf.Stream):
            n = int(value[1].get("/N", 0))
            return Space("ICCBased", n, icc_components=n, label=label)
        if family == "Separation" and len(value) > 1:
            return Space("Separation", 1, (str(value[1]).lstrip("/"),), label=label,
                         alternate=_alternate(value))
        if family == "DeviceN" and len(value) > 1 and isinstance(value[1], pikepdf.Array):
            names = tuple(str(n).lstrip("/") for n in value[1])
            return Space("DeviceN", len(names), names, label=label)
        if family == "Indexed" and len(value) > 1:
            base = resolve_space(value[1], None, label)
            return Space("Indexed", 1, base.inks, base.icc_components, f"{label} (Indexed {base.family})")
        if family == "Pattern":
            return Space("Pattern", 1, label=label)
        return Space(family, {"CalRGB": 3, "Lab": 3, "CalGray": 1}.get(family, 1), label=label)
    return Space("missing", 1, label=label)


def image_space(image: pikepdf.Object, resources: object) -> Space:
    if image.get("/ImageMask") is True:
        return Space("stencil mask", 0)
    value = image.get("/ColorSpace")
    if value is None:
        return Space("JPXDecode" if image.get("/Filter") == "/JPXDecode" else "missing", 0)
    return resolve_space(value, resources)


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
    parse = doc.instructions if doc.parses(OPERATORS) else _own_parse
    for page_no, page in enumerate(doc.pages, start=1):
        group = page.obj.get("/Group")
        if isinstance(group, pikepdf.Dictionary) and group.get("/S") == "/Transparency":
            cs = group.get("/CS")
            scan.transparency.append(Transparency(page_no, "page", "the page is a transparency group"
                                                  + (f" blending in {resolve_space(cs, None).family}" if cs else "")))
            if cs is not None:
                scan.spaces.append((page_no, "page /Group /CS", resolve_space(cs, page.obj.get("/Resources"))))
        _scan(page.obj, page.obj.get("/Resources"), page_no, "page", _State(), scan, set(), 0, parse)
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


def _scan(holder: pikepdf.Object, resources: object, page: int, where: str, outer: _State, scan: PaintScan,
          active: set, depth: int, parse) -> None:
    if depth > MAX_DEPTH:
        return
    try:
        instructions = parse(holder)
    except pikepdf.PdfError:
        return
    res = resources if isinstance(resources, pikepdf.Dictionary) else pikepdf.Dictionary()
    fonts = res.get("/Font") if isinstance(res.get("/Font"), pikepdf.Dictionary) else pikepdf.Dictionary()
    xobjects = res.get("/XObject") if isinstance(res.get("/XObject"), pikepdf.Dictionary) else pikepdf.Dictionary()
    states = res.get("/ExtGState") if isinstance(res.get("/ExtGState"), pikepdf.Dictionary) else pikepdf.Dictionary()
    shadings = res.get("/Shading") if isinstance(res.get("/Shading"), pikepdf.Dictionary) else pikepdf.Dictionary()
    state = outer.copy()
    stack: list[_State] = []
    tm: Matrix = IDENTITY
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            scan.paints.append(Paint("inline image", page, where, space=_inline_space(instruction, res)))
            continue
        op = str(instruction.operator)
        operands = instruction.operands
        if op == "q":
            stack.append(state.copy())
        elif op == "Q":
            if stack:
                state = stack.pop()
        elif op == "cm":
            nums = _numbers(operands)
            if len(nums) == 6:
                state.ctm = multiply(nums, state.ctm)  # type: ignore[arg-type]
        elif op in ("g", "G", "rg", "RG", "k", "K"):
            space = {"g": GRAY, "rg": RGB, "k": CMYK}[op.lower()]
            colour = Colour(space, _numbers(operands))
            scan.spaces.append((page, where, space))
            if op.islower():
                state.fill = colour
            else:
                state.stroke = colour
        elif op in ("cs", "CS") and operands:
            space = resolve_space(operands[0], res)
            scan.spaces.append((page, where, space))
            initial = Colour(space, (0.0, 0.0, 0.0, 1.0) if space.kind == "cmyk" else (1.0,) * max(1, space.components)
                             if space.kind == "spot" else (0.0,) * max(1, space.components))
            if op == "cs":
                state.fill = initial
            else:
                state.stroke = initial
        elif op in ("sc", "scn", "SC", "SCN"):
            target = state.fill if op.islower() else state.stroke
            colour = Colour(target.space, _numbers(operands))
            if op.islower():
                state.fill = colour
            else:
                state.stroke = colour
        elif op == "gs" and operands:
            gs = states.get(str(operands[0]))
            if isinstance(gs, pikepdf.Dictionary):
                _transparency(gs, str(operands[0]), page, where, scan, state.mark)
                _graphics_state(gs, state)
        elif op == "w":
            nums = _numbers(operands)
            if nums:
                state.line_width = nums[0]
        elif op in ("BDC", "BMC"):
            marks = list(state.marks)
            marks.append(_mark(operands, res, holder if depth else None))
            state.marks = tuple(marks)
        elif op == "EMC":
            state.marks = state.marks[:-1]
        elif op == "BT":
            tm = IDENTITY
        elif op == "Tf" and len(operands) >= 2:
            state.font = str(operands[0])
            state.font_size = abs(_numbers(operands[1:2])[0]) if _numbers(operands[1:2]) else 0.0
            font = fonts.get(state.font)
            state.font_type0 = isinstance(font, pikepdf.Dictionary) and font.get("/Subtype") == "/Type0"
        elif op == "Tm":
            nums = _numbers(operands)
            if len(nums) == 6:
                tm = nums  # type: ignore[assignment]
        elif op == "Tz" and operands:
            state.hscale = (_numbers(operands)[0] if _numbers(operands) else 100.0) / 100
        elif op == "Tr" and operands:
            state.render = int(_numbers(operands)[0]) if _numbers(operands) else 0
        elif op in ("Tj", "TJ", "'", '"'):
            if not operands or state.render in (3, 7):
                continue
            shown = operands[-1]
            parts = list(shown) if isinstance(shown, pikepdf.Array) else [shown]
            length = sum(len(bytes(p)) for p in parts if isinstance(p, pikepdf.String))
            chars = length // 2 if state.font_type0 else length
            size = state.font_size * scale_of(multiply(tm, state.ctm))
            colour = state.stroke if state.render in (1, 5) else state.fill
            scan.paints.append(Paint("text", page, where, colour, round(size, 2), chars, state.font,
                                     mark=state.mark,
                                     overprint=state.op_stroke if state.render in (1, 5) else state.op_fill))
        elif op in FILL_OPS or op in BOTH_OPS:
            scan.paints.append(Paint("fill", page, where, state.fill, mark=state.mark, overprint=state.op_fill))
            if op in BOTH_OPS:
                scan.paints.append(_stroke(page, where, state))
        elif op in STROKE_OPS:
            scan.paints.append(_stroke(page, where, state))
        elif op == "sh" and operands:
            shading = shadings.get(str(operands[0]))
            if isinstance(shading, pikepdf.Object):
                space = resolve_space(shading.get("/ColorSpace"), res)
                scan.spaces.append((page, f"{where} > {operands[0]}", space))
                scan.paints.append(Paint("shading", page, where, image=shading, name=str(operands[0]), space=space,
                                         mark=state.mark))
        elif op == "Do" and operands:
            name = str(operands[0])
            xobj = xobjects.get(name)
            if not isinstance(xobj, pikepdf.Stream):
                continue
            if xobj.get("/Subtype") == "/Image":
                space = image_space(xobj, res)
                scan.spaces.append((page, f"{where} > {name}", space))
                w, h = _placed(state.ctm)
                ppi = min(float(xobj.get("/Width", 0)) / (w / 72), float(xobj.get("/Height", 0)) / (h / 72)) if w and h else 0
                scan.paints.append(Paint("image", page, where, image=xobj, name=name, ppi=ppi, space=space,
                                         mark=state.mark))
                if xobj.get("/SMask") is not None:
                    scan.transparency.append(Transparency(page, f"{where} > {name}", "a soft mask (alpha)",
                                                          state.mark))
            elif xobj.get("/Subtype") == "/Form":
                key = xobj.objgen
                if key in active:
                    continue
                group = xobj.get("/Group")
                if isinstance(group, pikepdf.Dictionary) and group.get("/S") == "/Transparency":
                    cs = group.get("/CS")
                    scan.transparency.append(Transparency(page, f"{where} > {name}", "a transparency group",
                                                          state.mark))
                    if cs is not None:
                        scan.spaces.append((page, f"{where} > {name} /Group /CS", resolve_space(cs, res)))
                inner = state.copy()
                matrix = _numbers(xobj.get("/Matrix", pikepdf.Array()))
                if len(matrix) == 6:
                    inner.ctm = multiply(matrix, inner.ctm)  # type: ignore[arg-type]
                _scan(xobj, xobj.get("/Resources", res), page, f"{where} > {name}", inner, scan,
                      active | {key}, depth + 1, parse)


def _stroke(page: int, where: str, state: _State) -> Paint:
    return Paint("stroke", page, where, state.stroke, mark=state.mark, overprint=state.op_stroke,
                 width=state.line_width * scale_of(state.ctm))


def _graphics_state(gs: pikepdf.Dictionary, state: _State) -> None:
    """Line width and overprint from an ExtGState (/op defaults to /OP when only /OP is given)."""
    try:
        if gs.get("/LW") is not None:
            state.line_width = float(gs.get("/LW"))
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
        try:
            mcid = int(props.get("/MCID")) if props.get("/MCID") is not None else None
        except (TypeError, ValueError):
            mcid = None
        if tag == "Artifact":
            kind = props.get("/Type")
            artifact = str(kind).lstrip("/") if isinstance(kind, pikepdf.Name) else ""
    elif tag == "Artifact":
        artifact = ""
    stream = form.objgen if form is not None and form.is_indirect and mcid is not None else None
    return Mark(tag, mcid, artifact, stream)


def _alternate(value: pikepdf.Array) -> str:
    """What a Separation's alternate says the ink is: the alternate space and, for the usual exponential
    tint transform, its full-tint values; for other functions a digest of the function."""
    import hashlib

    if len(value) < 4:
        return ""
    alt = value[2]
    family = str(alt) if isinstance(alt, pikepdf.Name) else str(alt[0]) if isinstance(alt, pikepdf.Array) and len(alt) else "?"
    fn = value[3]
    try:
        ends: list[float] | None = None
        if isinstance(fn, pikepdf.Dictionary) and int(fn.get("/FunctionType", -1)) == 2:
            ends = [float(v) for v in fn.get("/C1", pikepdf.Array([1]))]
        elif isinstance(fn, pikepdf.Stream) and int(fn.get("/FunctionType", -1)) == 4:
            ends = _calculator(fn.read_bytes().decode("latin-1"), 1.0)
        if ends is not None:
            if family == "/DeviceCMYK" and len(ends) == 4:
                return "C{:.0f} M{:.0f} Y{:.0f} K{:.0f}".format(*(v * 100 for v in ends))
            return f"{family} " + " ".join(f"{v:.3f}" for v in ends)
        if isinstance(fn, pikepdf.Stream):
            return f"{family} function {hashlib.sha256(fn.read_bytes()).hexdigest()[:12]}"
    except (pikepdf.PdfError, TypeError, ValueError, IndexError):
        pass
    return f"{family} {fn!r}"[:80]


def _calculator(program: str, tint: float) -> list[float] | None:
    """A PostScript calculator tint transform of numbers, dup, exch, pop, index and mul (what writers
    use for a Separation's alternate) at `tint`; None for anything else."""
    stack = [tint]
    for token in program.replace("{", " ").replace("}", " ").split():
        if token == "dup":
            stack.append(stack[-1])
        elif token == "exch":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif token == "pop":
            stack.pop()
        elif token == "mul":
            b, a = stack.pop(), stack.pop()
            stack.append(a * b)
        elif token == "index":
            n = int(stack.pop())
            stack.append(stack[-1 - n])
        else:
            try:
                stack.append(float(token))
            except ValueError:
                return None
    return stack


def _placed(ctm: Matrix) -> tuple[float, float]:
    """The size of the unit square (an image) on the page: lengths of the CTM's axes."""
    return math.hypot(ctm[0], ctm[1]), math.hypot(ctm[2], ctm[3])


def _inline_space(image: pikepdf.ContentStreamInlineImage, resources) -> Space:
    try:
        pim = image.iimage
        value = pim.obj.get("/ColorSpace") or pim.obj.get("/CS")
        abbrev = {"/G": GRAY, "/RGB": RGB, "/CMYK": CMYK}
        if isinstance(value, pikepdf.Name) and str(value) in abbrev:
            return abbrev[str(value)]
        return resolve_space(value, resources) if value is not None else Space("stencil mask", 0)
    except Exception:  # noqa: BLE001 - an unreadable inline image is reported by its space
        return Space("unreadable", 0)


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
