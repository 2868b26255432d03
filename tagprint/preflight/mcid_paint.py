"""What each marked-content sequence of a page paints (text, paths, images, shadings, forms), and which images
a page paints inside artifacts: for checks that judge content by what it is (grid lines drawn in a table
element; a picture hidden as an artifact under an empty Figure). Reads the page's own content, parsed once
by the Doc; a form XObject painted inside a sequence counts as "form"."""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf

from ..verify.marked_content import PATH_PAINT, TEXT_SHOW
from .document import Doc, number

KINDS = {**{op: "text" for op in TEXT_SHOW}, **{op: "path" for op in PATH_PAINT}, "sh": "shading",
         "INLINE IMAGE": "image", "BI": "image"}


@dataclass
class PagePaint:
    by_mcid: dict[int, set[str]] = field(default_factory=dict)  # MCID -> kinds painted inside it
    artifact_images: int = 0                                    # images painted inside /Artifact
    fonts: dict[int, set[str]] = field(default_factory=dict)    # MCID -> font resource names its text uses


def page_paint(doc: Doc) -> dict[int, PagePaint]:
    """Per page (1-based): what its MCIDs paint, and how many images it paints as artifacts."""
    return doc.view("mcid_paint", lambda: {n: _scan(doc, page.obj) for n, page in enumerate(doc.pages, start=1)})


def _scan(doc: Doc, page: pikepdf.Dictionary) -> PagePaint:
    out = PagePaint()
    try:
        instructions = doc.instructions(page)
    except pikepdf.PdfError:
        return out  # TAG-CONTENT reports unreadable streams
    resources = page.get("/Resources")
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    stack: list[tuple[int | None, bool]] = []  # (MCID, artifact) of each open sequence
    font: str | None = None  # the current font's resource name (Tf), kept and restored by q and Q
    saved: list[str | None] = []
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            op, operands = "INLINE IMAGE", []
        else:
            op, operands = str(instruction.operator), instruction.operands
        if op in ("BDC", "BMC"):
            stack.append(_opened(op, operands))
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op in ("Tf", "q", "Q"):
            font = _font(op, operands, font, saved)
        else:
            kind = _kind(op, operands, xobjects)
            if kind is not None:
                _record(out, stack, kind, font)
    return out


def _opened(op: str, operands: list) -> tuple[int | None, bool]:
    """A marked-content sequence's MCID (None: none) and whether it is an artifact."""
    props = operands[1] if op == "BDC" and len(operands) > 1 else None
    mcid = number(props.get("/MCID")) if isinstance(props, pikepdf.Dictionary) else None
    return mcid, bool(operands) and operands[0] == pikepdf.Name.Artifact


def _font(op: str, operands: list, font: str | None, saved: list[str | None]) -> str | None:
    """The current font after Tf, q or Q."""
    if op == "Tf":
        return str(operands[0]) if operands else font
    if op == "q":
        saved.append(font)
        return font
    return saved.pop() if saved else font


def _kind(op: str, operands: list, xobjects: object) -> str | None:
    """What the operator paints (text, path, image, shading, form), None when nothing."""
    if op == "Do" and operands and isinstance(xobjects, pikepdf.Dictionary):
        xobj = xobjects.get(str(operands[0]))
        subtype = xobj.get("/Subtype") if isinstance(xobj, pikepdf.Stream) else None
        return "image" if subtype == pikepdf.Name.Image else "form"
    return KINDS.get(op)


def _record(out: PagePaint, stack: list[tuple[int | None, bool]], kind: str, font: str | None) -> None:
    if any(artifact for _, artifact in stack):
        out.artifact_images += kind == "image"
        return
    mcid = next((m for m, _ in reversed(stack) if m is not None), None)
    if mcid is not None:
        out.by_mcid.setdefault(mcid, set()).add(kind)
        if kind == "text" and font is not None:
            out.fonts.setdefault(mcid, set()).add(font)
