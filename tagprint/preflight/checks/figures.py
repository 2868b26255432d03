"""Figures (and formulas) carry a text alternative."""

from __future__ import annotations

from ..document import Doc
from ..findings import ERROR, Finding
from . import register

ID = "FIG-ALT"


@register(ID, "Figures have a non-empty /Alt (or /ActualText)",
          standard="PDF/UA-1 7.3, 7.7; Matterhorn checkpoints 13, 17; WCAG 1.1.1",
          help="Every Figure (and Formula) element needs /Alt describing it, or /ActualText when the picture "
               "is really text (a wordmark). Decorative pictures are artifacts, not Figures.")
def figures_have_alt(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []
    out = []
    for element in tree.walk():
        if element.std not in ("Figure", "Formula"):
            continue
        if (element.alt or "").strip() or (element.actual_text or "").strip():
            continue
        had = "an empty /Alt" if "/Alt" in element.obj else "no /Alt"
        out.append(Finding(ID, ERROR, f"{element.role} has {had} and no /ActualText", page=element.page,
                           object=element.ref, path=element.path,
                           fix="add /Alt saying what the picture shows, or make a decorative picture an artifact"))
    return out
