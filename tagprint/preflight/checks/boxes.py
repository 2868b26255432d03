"""Print boxes: when a page has a TrimBox, its BleedBox contains it and the MediaBox contains both."""

from __future__ import annotations

import pikepdf

from ..document import Doc, ref
from ..findings import ERROR, WARNING, Finding
from .registry import register

ID = "PAGE-BOXES"
EPSILON = 0.01


def _box(value: object) -> tuple[float, float, float, float] | None:
    if not isinstance(value, pikepdf.Array) or len(value) != 4:
        return None
    try:
        x0, y0, x1, y1 = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _contains(outer, inner) -> bool:
    return (outer[0] <= inner[0] + EPSILON and outer[1] <= inner[1] + EPSILON
            and outer[2] >= inner[2] - EPSILON and outer[3] >= inner[3] - EPSILON)


def _fmt(box) -> str:
    return "[" + " ".join(f"{v:g}" for v in box) + "]"


@register(ID, "TrimBox inside BleedBox inside MediaBox",
          standard="ISO 32000-1 14.11.2; ISO 15930-7 (PDF/X-4)",
          help="Only for pages with a /TrimBox (print masters): the /BleedBox must contain the TrimBox and the "
               "MediaBox must contain both; a TrimBox without a BleedBox gets a warning.")
def page_boxes(doc: Doc) -> list[Finding]:
    out = []
    for page_no, page in enumerate(doc.pages, start=1):
        trim_raw = page.obj.get("/TrimBox")
        if trim_raw is None:
            continue
        obj = ref(page.obj)
        trim = _box(trim_raw)
        media = _box(page.obj.get("/MediaBox")) or _box(_inherited(page.obj, "/MediaBox"))
        if trim is None or media is None:
            out.append(Finding(ID, ERROR, "the TrimBox or MediaBox is not a rectangle of four numbers",
                               page=page_no, object=obj, fix="write each box as [x0 y0 x1 y1]"))
            continue
        bleed_raw = page.obj.get("/BleedBox")
        bleed = _box(bleed_raw)
        if bleed_raw is None:
            out.append(Finding(ID, WARNING, f"TrimBox {_fmt(trim)} but no BleedBox", page=page_no, object=obj,
                               fix="add a BleedBox 9 pt larger than the TrimBox on each side"))
        elif bleed is None:
            out.append(Finding(ID, ERROR, "the BleedBox is not a rectangle of four numbers", page=page_no, object=obj,
                               fix="write the BleedBox as [x0 y0 x1 y1]"))
        elif not _contains(bleed, trim):
            out.append(Finding(ID, ERROR, f"the BleedBox {_fmt(bleed)} does not contain the TrimBox {_fmt(trim)}",
                               page=page_no, object=obj, fix="make the BleedBox the TrimBox plus the bleed"))
        for name, box in (("TrimBox", trim), ("BleedBox", bleed)):
            if box is not None and not _contains(media, box):
                out.append(Finding(ID, ERROR, f"the MediaBox {_fmt(media)} does not contain the {name} {_fmt(box)}",
                                   page=page_no, object=obj, fix="enlarge the MediaBox to hold the bleed"))
    return out


def _inherited(page: pikepdf.Dictionary, key: str) -> object:
    node: object = page
    depth = 0
    while isinstance(node, pikepdf.Dictionary) and depth < 64:
        if key in node:
            return node.get(key)
        node, depth = node.get("/Parent"), depth + 1
    return None
