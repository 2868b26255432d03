"""Heading levels, in reading order (the order of the structure tree)."""

from __future__ import annotations

from ..document import Doc
from ..findings import ERROR, Finding
from .registry import register

ID = "HEADING-LEVELS"
NUMBERED = {f"H{i}": i for i in range(1, 7)}


@register(ID, "Headings start at H1, skip no level going deeper, and do not mix H with H1–H6",
          standard="PDF/UA-1 7.4; Matterhorn checkpoint 14",
          help="Screen-reader users navigate by heading level: the first numbered heading is H1, a heading is at "
               "most one level deeper than the one before it, and a file uses either H or H1–H6, not both.")
def heading_levels(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []
    headings = [e for e in tree.walk() if e.std in NUMBERED or e.std == "H"]
    out = []
    plain = [e for e in headings if e.std == "H"]
    numbered = [e for e in headings if e.std in NUMBERED]
    if plain and numbered:
        e = plain[0] if headings.index(plain[0]) > headings.index(numbered[0]) else numbered[0]
        out.append(Finding(ID, ERROR, f"the document mixes H ({len(plain)}) with H1–H6 ({len(numbered)})",
                           page=e.page, object=e.ref, path=e.path,
                           fix="use numbered headings H1–H6 throughout"))
    previous = 0
    for e in numbered:
        level = NUMBERED[e.std]
        if previous == 0 and level != 1:
            out.append(Finding(ID, ERROR, f"the first heading is {e.std}, not H1", page=e.page, object=e.ref,
                               path=e.path, fix="make the document's first heading an H1"))
        elif previous and level > previous + 1:
            skipped = ", ".join(f"H{i}" for i in range(previous + 1, level))
            out.append(Finding(ID, ERROR, f"{e.std} follows H{previous}: {skipped} skipped", page=e.page,
                               object=e.ref, path=e.path, fix=f"make it H{previous + 1}, or add the missing level"))
        previous = level
    return out
