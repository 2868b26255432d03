"""Page sizes and boxes on the page: a box lies on its page, and a box drawn for one paper size is carried
over to another keeping the margins (templates and decorations share these)."""

from __future__ import annotations

from ..errors import Problem, Where
from ..model import Rect

PAGE_SIZES = {"letter": (612.0, 792.0), "a4": (595.0, 842.0)}
Margins = tuple[float, float, float, float]  # top, right, bottom, left


def checked_box(raw: list[float], page: tuple[float, float], where: Where, problems: list[Problem],
                what: str) -> Rect:
    """The box [x, y, w, h]; a box that does not lie on the page is a problem at `where`."""
    x, y, w, h = raw
    if w <= 0 or h <= 0 or x < 0 or y < 0 or x + w > page[0] + 0.01 or y + h > page[1] + 0.01:
        problems.append(Problem(where, f"{what} box {raw} does not lie on the {page[0]:g} × {page[1]:g} pt page",
                                "use [x, y, width, height] in points from the top-left corner, inside the page"))
    return Rect(x, y, w, h)


def adapted(raw: list[float], design: tuple[float, float], page: tuple[float, float], margins: Margins) -> list[float]:
    """A box [x, y, w, h] drawn for the `design` page, on `page`: what lies in a margin stays there (a
    bleed stays a bleed), what lies between the margins is stretched to the new page's text area, so
    both sizes keep the margins the layout gives and no dead space is left."""
    top, right, bottom, left = margins

    def along(v: float, before: float, after: float, old: float, new: float) -> float:
        if v <= before:
            return v
        if v >= old - after:
            return v + new - old
        return before + (v - before) * (new - before - after) / (old - before - after)

    x, y, w, h = raw
    x0, x1 = along(x, left, right, design[0], page[0]), along(x + w, left, right, design[0], page[0])
    y0, y1 = along(y, top, bottom, design[1], page[1]), along(y + h, top, bottom, design[1], page[1])
    return [round(x0, 3), round(y0, 3), round(x1 - x0, 3), round(y1 - y0, 3)]
