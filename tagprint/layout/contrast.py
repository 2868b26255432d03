"""Text contrast, checked from the layout (WCAG 1.4.3): each text's colour against the fill behind it.

The layout knows what lies behind every line (the paper, a band, a panel, a button), so the check needs
no rendering. Large text (18 pt, or 14 pt bold) needs 3:1, other text 4.5:1.
"""

from __future__ import annotations

from ..contrast import check
from ..errors import Problem, Where
from ..model import Document
from .items import FillBox, PageLayout, TextLine

PAPER = (1.0, 1.0, 1.0)


def _behind(fills: list[FillBox], x: float, y: float) -> tuple:
    for fill in reversed(fills):  # the last fill painted under the point is what the text sits on
        b = fill.box
        if b.x <= x <= b.x + b.width and b.y <= y <= b.y + b.height:
            return fill.color
    return PAPER


def check_contrast(document: Document, pages: list[PageLayout]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple] = set()
    for page in pages:
        fills: list[FillBox] = []
        for item in page.items:
            if isinstance(item, FillBox):
                fills.append(item)
            elif isinstance(item, TextLine):
                for frag in item.fragments:
                    if frag.tag is None:
                        continue  # artifacts (footers) are not content
                    x = item.x + frag.x + frag.width / 2
                    y = item.baseline - frag.size * 0.35
                    background = _behind(fills, x, y)
                    bold = any("Bold" in s.font for s in frag.segments)
                    large = frag.size >= 18 or (bold and frag.size >= 14)
                    text = "".join(s.text for s in frag.segments).strip()
                    key = (frag.color, background, large)
                    message = check(frag.color, background, 3.0 if large else 4.5, f"text '{text[:40]}'")
                    if message and key not in seen:
                        seen.add(key)
                        problems.append(Problem(
                            item.where or Where(document.source, 1, 1, f"page {page.number}"), message,
                            "choose a text style whose colour contrasts with what is behind it, or change "
                            "the theme's colours"))
    return problems
