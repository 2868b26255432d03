"""Finish stage: bookmarks from the headings, nested by level."""

from __future__ import annotations

from pikepdf import Array, Name, OutlineItem, Pdf

from ..tags import StructElem


def write_outline(pdf: Pdf, root: StructElem, texts: dict[int, str]) -> None:
    headings = [(e, e.anchor) for e in root.walk() if e.role in ("H1", "H2", "H3", "H4", "H5", "H6") and e.anchor]
    if len(pdf.pages) < 2 or not headings:
        return
    with pdf.open_outline() as outline:
        stack: list[tuple[int, OutlineItem]] = []
        for h, (page, x, y) in headings:
            level = int(h.role[1])
            item = OutlineItem(texts.get(id(h), h.role), Array([pdf.pages[page].obj, Name.XYZ, 0, round(y + 14, 2), 0]))
            while stack and stack[-1][0] >= level:
                stack.pop()
            (stack[-1][1].children if stack else outline.root).append(item)
            stack.append((level, item))
