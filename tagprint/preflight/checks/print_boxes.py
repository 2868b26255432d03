"""Print page geometry: every page has a TrimBox and a BleedBox, and they are the same on every page.
(That Trim lies inside Bleed inside Media is PAGE-BOXES, which runs for every file.)"""

from __future__ import annotations

from ..document import Doc, ref
from ..findings import ERROR, Finding
from ..family import Family
from .registry import register
from .boxes import _box, _fmt, _inherited

ID = "PRINT-BOXES"
EPSILON = 0.01


def _size_and_offsets(page) -> tuple[tuple[float, float], tuple[float, ...]] | None:
    trim = _box(page.obj.get("/TrimBox"))
    bleed = _box(page.obj.get("/BleedBox"))
    media = _box(page.obj.get("/MediaBox")) or _box(_inherited(page.obj, "/MediaBox"))
    if trim is None or bleed is None or media is None:
        return None
    size = (round(trim[2] - trim[0], 2), round(trim[3] - trim[1], 2))
    bleeds = tuple(round(abs(a - b), 2) for a, b in zip(bleed, trim))
    return size, bleeds


@register(ID, "Every page has TrimBox and BleedBox, the same on every page",
          standard="ISO 15930-7 (PDF/X-4) 6.2.3; printers' imposition",
          help="A print master needs a /TrimBox (the finished size) and a /BleedBox on every page; a press "
               "imposes all pages alike, so the trimmed size and the bleed must be the same on every page.",
          family=Family.PRESS)
def print_boxes(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    first: tuple[int, tuple] | None = None
    for page_no, page in enumerate(doc.pages, start=1):
        for key in ("/TrimBox", "/BleedBox"):
            if _box(page.obj.get(key)) is None:
                out.append(Finding(ID, ERROR, f"the page has no {key[1:]}", page=page_no, object=ref(page.obj),
                                   fix=f"add a {key[1:]} (the finished size{' plus the bleed' if 'Bleed' in key else ''})"))
        geometry = _size_and_offsets(page)
        if geometry is None:
            continue
        if first is None:
            first = (page_no, geometry)
        elif any(abs(a - b) > EPSILON for a, b in zip((*geometry[0], *geometry[1]), (*first[1][0], *first[1][1]))):
            (w, h), bleed = geometry
            (w1, h1), bleed1 = first[1]
            out.append(Finding(ID, ERROR, f"trim {w:g} × {h:g} pt with bleed {_fmt(bleed)} differs from page "
                               f"{first[0]}'s trim {w1:g} × {h1:g} pt with bleed {_fmt(bleed1)}", page=page_no,
                               object=ref(page.obj), fix="give every page the same TrimBox size and bleed"))
    return out
