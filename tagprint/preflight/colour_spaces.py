"""Colour spaces and colours as a printer's preflight reads them from any PDF: the family of a space, its
inks (process, or the colourant names of a Separation/DeviceN) and what a Separation's alternate says
its ink looks like."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pikepdf

from .document import is_true

PROCESS = ("Cyan", "Magenta", "Yellow", "Black")


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
DEVICE = {"/DeviceGray": GRAY, "/G": GRAY, "/DeviceRGB": RGB, "/RGB": RGB, "/DeviceCMYK": CMYK, "/CMYK": CMYK}


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
            return self._spot_inks()
        return {}

    def _spot_inks(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, v in zip(self.space.inks, self.values):
            if name == "None" or v <= 0.004:
                continue
            if name == "All":                      # registration: every plate
                out.update({n: max(out.get(n, 0), v) for n in PROCESS})
            else:
                out[name] = v
        return out

    def describe(self) -> str:
        if self.space.kind == "cmyk" and len(self.values) == 4:
            return "C{:.0f} M{:.0f} Y{:.0f} K{:.0f}".format(*(v * 100 for v in self.values))
        if self.space.kind == "spot":
            return " + ".join(f"{n} {v * 100:.0f} %" for n, v in zip(self.space.inks, self.values))
        return f"{self.space.family} " + " ".join(f"{v:g}" for v in self.values)


def resolve_space(value: object, resources: object, label: str = "") -> Space:
    """A colour space operand or object, looked up in /ColorSpace resources when it is a name."""
    if isinstance(value, pikepdf.Name):
        return _named_space(str(value), resources)
    if isinstance(value, pikepdf.Array) and len(value):
        return _array_space(value, label)
    return Space("missing", 1, label=label)


def _named_space(name: str, resources: object) -> Space:
    if name in DEVICE:
        return DEVICE[name]
    if name == "/Pattern":
        return Space("Pattern", 1, label=name)
    spaces = resources.get("/ColorSpace") if isinstance(resources, pikepdf.Dictionary) else None
    found = spaces.get(name) if isinstance(spaces, pikepdf.Dictionary) else None
    if found is None:
        return Space("missing", 1, label=name)
    return resolve_space(found, None, name)


def _array_space(value: pikepdf.Array, label: str) -> Space:
    family = str(value[0]).lstrip("/")
    more = len(value) > 1
    second = value[1] if more else None
    if family == "ICCBased" and isinstance(second, pikepdf.Stream):
        n = int(second.get("/N", 0))
        return Space("ICCBased", n, icc_components=n, label=label)
    if family == "Separation" and more:
        return Space("Separation", 1, (str(second).lstrip("/"),), label=label, alternate=_alternate(value))
    if family == "DeviceN" and isinstance(second, pikepdf.Array):
        names = tuple(str(n).lstrip("/") for n in second)
        return Space("DeviceN", len(names), names, label=label)
    if family == "Indexed" and more:
        base = resolve_space(second, None, label)
        return Space("Indexed", 1, base.inks, base.icc_components, f"{label} (Indexed {base.family})")
    if family == "Pattern":
        return Space("Pattern", 1, label=label)
    return Space(family, {"CalRGB": 3, "Lab": 3, "CalGray": 1}.get(family, 1), label=label)


def image_space(image: pikepdf.Object, resources: object) -> Space:
    if is_true(image.get("/ImageMask")):
        return Space("stencil mask", 0)
    value = image.get("/ColorSpace")
    if value is None:
        return Space("JPXDecode" if image.get("/Filter") == "/JPXDecode" else "missing", 0)
    return resolve_space(value, resources)


def inline_space(image: pikepdf.ContentStreamInlineImage, resources: object) -> Space:
    try:
        pim = image.iimage
        value = pim.obj.get("/ColorSpace") or pim.obj.get("/CS")
        abbrev = {"/G": GRAY, "/RGB": RGB, "/CMYK": CMYK}
        if isinstance(value, pikepdf.Name) and str(value) in abbrev:
            return abbrev[str(value)]
        return resolve_space(value, resources) if value is not None else Space("stencil mask", 0)
    except Exception:  # noqa: BLE001 - an unreadable inline image is reported by its space
        return Space("unreadable", 0)


def _alternate(value: pikepdf.Array) -> str:
    """What a Separation's alternate says the ink is: the alternate space and, for the usual exponential
    tint transform, its full-tint values; for other functions a digest of the function."""
    if len(value) < 4:
        return ""
    alt = value[2]
    family = (str(alt) if isinstance(alt, pikepdf.Name)
              else str(alt[0]) if isinstance(alt, pikepdf.Array) and len(alt) else "?")
    fn = value[3]
    try:
        ends = _full_tint(fn)
        if ends is not None:
            if family == "/DeviceCMYK" and len(ends) == 4:
                return "C{:.0f} M{:.0f} Y{:.0f} K{:.0f}".format(*(v * 100 for v in ends))
            return f"{family} " + " ".join(f"{v:.3f}" for v in ends)
        if isinstance(fn, pikepdf.Stream):
            return f"{family} function {hashlib.sha256(fn.read_bytes()).hexdigest()[:12]}"
    except (pikepdf.PdfError, TypeError, ValueError, IndexError):
        pass
    return f"{family} {fn!r}"[:80]


def _full_tint(fn: object) -> list[float] | None:
    """A tint transform's values at full tint: an exponential function's /C1, or a calculator's result."""
    if isinstance(fn, pikepdf.Dictionary) and int(fn.get("/FunctionType", -1)) == 2:
        return [float(v) for v in fn.get("/C1", pikepdf.Array([1]))]
    if isinstance(fn, pikepdf.Stream) and int(fn.get("/FunctionType", -1)) == 4:
        return _calculator(fn.read_bytes().decode("latin-1"), 1.0)
    return None


def _calculator(program: str, tint: float) -> list[float] | None:
    """A PostScript calculator tint transform of numbers, dup, exch, pop, index and mul (what writers
    use for a Separation's alternate) at `tint`; None for anything else."""
    stack = [tint]
    for token in program.replace("{", " ").replace("}", " ").split():
        if token in _STACK_OPS:
            _STACK_OPS[token](stack)
            continue
        try:
            stack.append(float(token))
        except ValueError:
            return None
    return stack


def _exch(stack: list[float]) -> None:
    stack[-1], stack[-2] = stack[-2], stack[-1]


def _mul(stack: list[float]) -> None:
    b, a = stack.pop(), stack.pop()
    stack.append(a * b)


def _index(stack: list[float]) -> None:
    n = int(stack.pop())
    stack.append(stack[-1 - n])


_STACK_OPS = {"dup": lambda s: s.append(s[-1]), "exch": _exch, "pop": lambda s: s.pop(), "mul": _mul,
              "index": _index}
