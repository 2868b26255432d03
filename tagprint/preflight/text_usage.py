"""Which fonts actually show text, and the byte strings they show: page content, form XObjects painted
from it, and the normal appearance streams of annotations.

A font sitting unused in a resource dictionary (ReportLab's default Helvetica, say) shows nothing, so
it is not reported; a font used only with text render mode 3 (invisible, e.g. an OCR layer) needs no
embedded program but still must not show .notdef.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pikepdf

from .pdf_values import number, objgen, ref

if TYPE_CHECKING:  # the Doc's views call these readers: one way at run time
    from .document import Doc

OPERATORS = "q Q Tf Tr Tj TJ ' \" Do"
MAX_STRINGS = 20000  # distinct strings kept per font: plenty for checking, bounded for huge files


@dataclass(eq=False)
class FontUse:
    font: pikepdf.Dictionary
    name: str                    # resource name as first met, e.g. "/F1"
    first_page: int
    visible: bool = False        # shown at least once with a render mode other than 3
    strings: set[bytes] = field(default_factory=set)

    @property
    def ref(self) -> str | None:
        return ref(self.font)

    @property
    def base_font(self) -> str:
        name = self.font.get("/BaseFont")
        return str(name)[1:] if isinstance(name, pikepdf.Name) else "(no /BaseFont)"

    @property
    def label(self) -> str:
        where = f"{self.name}, {self.ref}" if self.ref else self.name
        return f"{self.base_font} ({where})"


@dataclass
class MissingFont:
    name: str
    page: int
    where: str


@dataclass
class TextUsage:
    fonts: list[FontUse] = field(default_factory=list)
    missing: list[MissingFont] = field(default_factory=list)   # Tf names not in the resources


@dataclass
class _State:
    font: FontUse | None = None
    mode: int = 0


def scan_text(doc: Doc) -> TextUsage:
    usage = TextUsage()
    by_key: dict[object, FontUse] = {}
    for page_no, page in enumerate(doc.pages, start=1):
        _scan(doc, page.obj, page.obj.get("/Resources"), page_no, "page", _State(), usage, by_key, set(), 0)
        for i, annot in enumerate(_annotations(page.obj)):
            for stream in _appearances(annot):
                _scan(doc, stream, stream.get("/Resources"), page_no, f"annotation {i + 1} appearance", _State(),
                      usage, by_key, set(), 1)
    return usage


def _annotations(page: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    annots = page.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return []
    return [a for a in annots if isinstance(a, pikepdf.Dictionary)]


def _appearances(annot: pikepdf.Dictionary) -> list[pikepdf.Stream]:
    ap = annot.get("/AP")
    if not isinstance(ap, pikepdf.Dictionary):
        return []
    normal = ap.get("/N")
    if isinstance(normal, pikepdf.Stream):
        return [normal]
    if isinstance(normal, pikepdf.Dictionary):
        return [s for s in normal.values() if isinstance(s, pikepdf.Stream)]
    return []


def _scan(doc: Doc, holder: pikepdf.Object, resources: object, page: int, where: str, state: _State,
          usage: TextUsage, by_key: dict, active: set, depth: int) -> None:
    if depth > 12:
        return
    try:
        instructions = doc.instructions(holder)  # parsed once, shared with the walker (a superset of OPERATORS)
    except pikepdf.PdfError:
        return
    fonts, xobjects = _resource(resources, "/Font"), _resource(resources, "/XObject")
    stack: list[_State] = []
    current = _State(state.font, state.mode)
    for instruction in instructions:
        op = str(instruction.operator)
        operands = instruction.operands
        if op == "q":
            stack.append(_State(current.font, current.mode))
        elif op == "Q":
            if stack:
                current = stack.pop()
        elif op == "Tf" and operands:
            current.font = _font_use(str(operands[0]), fonts, page, where, usage, by_key)
        elif op == "Tr" and operands:
            current.mode = number(operands[0]) or 0
        elif op in ("Tj", "'", '"', "TJ"):
            if current.font is not None and operands:
                _shown(current.font, current.mode, operands[-1])
        elif op == "Do" and operands:
            found = _form(xobjects, str(operands[0]), active)
            if found is not None:
                xobj, inside = found
                _scan(doc, xobj, xobj.get("/Resources", resources), page, f"{where} > {operands[0]}", current, usage,
                      by_key, inside, depth + 1)


def _font_use(name: str, fonts: object, page: int, where: str, usage: TextUsage,
              by_key: dict[object, FontUse]) -> FontUse | None:
    """The font a Tf selects, one FontUse per font object; None (and a MissingFont) when it is not there."""
    font = fonts.get(name) if isinstance(fonts, pikepdf.Dictionary) else None
    if not isinstance(font, pikepdf.Dictionary):
        usage.missing.append(MissingFont(name, page, where))
        return None
    key = objgen(font) or (page, where, name)
    use = by_key.get(key)
    if use is None:
        use = by_key[key] = FontUse(font, name, page)
        usage.fonts.append(use)
    return use


def _shown(use: FontUse, mode: int, shown: object) -> None:
    """A Tj/TJ's strings, kept for the font (bounded); mode 3 (invisible) does not make it visible."""
    if mode != 3:
        use.visible = True
    parts = list(shown) if isinstance(shown, pikepdf.Array) else [shown]
    for part in parts:
        if isinstance(part, pikepdf.String) and len(use.strings) < MAX_STRINGS:
            use.strings.add(bytes(part))


def _form(xobjects: object, name: str, active: set) -> tuple[pikepdf.Stream, set] | None:
    """The form XObject a Do paints, and the forms being read inside it (`active` and itself); None for an
    image, a missing one, or one being read already."""
    if not isinstance(xobjects, pikepdf.Dictionary):
        return None
    xobj = xobjects.get(name)
    if not isinstance(xobj, pikepdf.Stream) or xobj.get("/Subtype") != pikepdf.Name.Form:
        return None
    form = objgen(xobj)
    if form is not None and form in active:
        return None
    return xobj, active | ({form} if form else set())


def _resource(resources: object, kind: str) -> object:
    return resources.get(kind) if isinstance(resources, pikepdf.Dictionary) else None
