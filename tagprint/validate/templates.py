"""Templates: the regions of a page (fixed boxes, or placed on the page's grid and stacked) and its
decorations, on the layout's paper size or carried over to another one."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import Problem, Where
from ..load.lengths import span
from ..load.project import Loaded
from ..load.schema import GridSpec, RegionSpec, TemplateSpec
from ..load.schema_errors import did_you_mean
from ..load.yaml_source import Located
from ..model import Document, Rect, Region, Template, Theme
from .decorations import template_decorations
from .page_geometry import PAGE_SIZES, Margins, adapted, checked_box


@dataclass(frozen=True)
class Sheet:
    """The page one template is placed on: its size and margins, the page size its fixed boxes were drawn
    for (None: this one), and where problems go."""

    loaded: Loaded
    name: str
    page: tuple[float, float]
    margins: Margins
    design: tuple[float, float] | None
    problems: list[Problem]

    @property
    def src(self) -> Located:
        return self.loaded.layout_source

    @property
    def spec(self) -> TemplateSpec:
        return self.loaded.layout.templates[self.name]

    def where(self, *key: str | int) -> Where:
        return self.src.where(("templates", self.name) + key)


def template(loaded: Loaded, name: str, page: tuple[float, float], margins: Margins, theme: Theme,
             problems: list[Problem], design: tuple[float, float] | None = None) -> Template:
    """A template on a page of size `page`; `design`: the page size its fixed boxes were written for."""
    sheet = Sheet(loaded, name, page, margins, design, problems)
    spec = sheet.spec
    regions = []
    top, right, bottom, left = margins
    if not spec.regions:  # one region: the page inside the margins
        box = checked_box([left, top, page[0] - left - right, page[1] - top - bottom], page,
                          sheet.src.where(("page", "margins")), problems, "the page inside the margins")
        regions.append(Region("body", box, where=sheet.where()))
    grid = spec.grid or loaded.layout.page.grid
    column = _column_width(sheet, grid)
    for rname, r in spec.regions.items():
        region = _boxed_region(sheet, rname, r) if r.box is not None else _grid_region(sheet, rname, r, grid, column)
        if r.background and r.background not in theme.colors:
            problems.append(Problem(sheet.where("regions", rname, "background"),
                                    f"no colour '{r.background}' in the theme", did_you_mean(r.background, theme.colors)))
        regions.append(region)
    _check_stacking(spec.regions, sheet, problems)
    decorations = template_decorations(loaded, name, spec.decorations, theme, page, margins, design, problems)
    return Template(name, tuple(regions), tuple(decorations))


def _column_width(sheet: Sheet, grid: GridSpec) -> float:
    """The width of one grid column (a grid that does not fit between the margins is a problem)."""
    _top, right, _bottom, left = sheet.margins
    frame = sheet.page[0] - left - right
    column = (frame - grid.gutter * (grid.columns - 1)) / grid.columns
    if column <= 0:
        where = sheet.where("grid") if sheet.spec.grid else sheet.src.where(("page", "grid"))
        sheet.problems.append(Problem(where, f"{grid.columns} columns with a {grid.gutter:g} pt gutter do "
                                      f"not fit in the {frame:g} pt between the margins",
                                      "use fewer columns or a smaller gutter"))
    return column


def _boxed_region(sheet: Sheet, rname: str, r: RegionSpec) -> Region:
    """A region with a fixed box (carried over to another paper size by `adapted`)."""
    assert r.box is not None
    cols = span(r.columns)
    if r.below is not None or r.top is not None or r.bottom is not None or r.height is not None or cols or \
            r.same_height is not None:
        sheet.problems.append(Problem(sheet.where("regions", rname, "box"), f"region '{rname}' has a box and is "
                                      "placed on the grid too (columns: a-b, top, bottom, below, height or same_height)",
                                      "keep the box, or remove it and place the region with columns, top, "
                                      "below and height"))
    raw = adapted(r.box, sheet.design, sheet.page, sheet.margins) if sheet.design else list(r.box)
    box = checked_box(raw, sheet.page, sheet.where("regions", rname, "box"), sheet.problems, f"region '{rname}'")
    return Region(rname, box, _padding(r), r.background, r.valign, r.columns if isinstance(r.columns, int) else 1,
                  r.gutter, sheet.where("regions", rname), r.layer)


def _grid_region(sheet: Sheet, rname: str, r: RegionSpec, grid: GridSpec, column: float) -> Region:
    """A region placed on the grid: its columns, its top (or the regions it is below) and its height."""
    path = ("regions", rname)
    top, _right, bottom, _left = sheet.margins
    x, width = _across(sheet, rname, r, grid, column)
    y = top if r.top is None else r.top
    auto = r.height is None or r.height == "auto"
    height = (sheet.page[1] - bottom - y) if r.height is None or r.height == "auto" else float(r.height)
    below = _stacked_below(sheet, rname, r)
    if r.bottom is not None:
        _at_foot_alone(sheet, rname, r)
        height = 0.0 if auto else height
        y = sheet.page[1] - bottom - r.bottom - height
    if not below and not auto:
        box = checked_box([x, y, width, height], sheet.page, sheet.where(*path), sheet.problems, f"region '{rname}'")
    else:
        box = Rect(x, y, width, max(height, 0.0))
    below = tuple(other for other in below if other in sheet.spec.regions and other != rname)
    text_columns = 1 if span(r.columns) or r.columns == 1 else int(r.columns)
    return Region(rname, box, _padding(r), r.background, r.valign, text_columns, r.gutter, sheet.where(*path),
                  r.layer, below, grid.gutter if r.gap is None else r.gap, auto,
                  None if r.bottom is None else float(r.bottom) + bottom, _same_height(sheet, rname, r))


def _same_height(sheet: Sheet, rname: str, r: RegionSpec) -> tuple[str, ...]:
    """The regions `r` is as tall as (each another region of the template)."""
    names = (r.same_height,) if isinstance(r.same_height, str) else tuple(r.same_height or ())
    known = [n for n in sheet.spec.regions if n != rname]
    for other in names:
        if other not in known:
            sheet.problems.append(Problem(sheet.where("regions", rname, "same_height"), f"'same_height: {other}' "
                                          f"names no other region of template '{sheet.name}'",
                                          did_you_mean(other, known)))
    return tuple(n for n in names if n in known)


def _at_foot_alone(sheet: Sheet, rname: str, r: RegionSpec) -> None:
    """A region at the page's foot (`bottom`) is placed from there: not also from the top or under another."""
    for key, given in (("top", r.top is not None), ("below", r.below is not None)):
        if given:
            sheet.problems.append(Problem(sheet.where("regions", rname, key), f"region '{rname}' has both bottom "
                                          f"and {key}", f"keep one: bottom stands it at the foot of the page, "
                                          f"{key} places it from the top"))


def _across(sheet: Sheet, rname: str, r: RegionSpec, grid: GridSpec, column: float) -> tuple[float, float]:
    """The left edge and width of the grid columns a region spans (a span past the grid is a problem)."""
    _top, _right, _bottom, left = sheet.margins
    first, last = span(r.columns) or (1, grid.columns)
    if last > grid.columns:
        sheet.problems.append(Problem(sheet.where("regions", rname, "columns"), f"columns {first}-{last}: the grid "
                                      f"has {grid.columns} columns", f"use a span within 1-{grid.columns}"))
        first, last = min(first, grid.columns), grid.columns
    x = left + (first - 1) * (column + grid.gutter)
    return x, (last - first + 1) * column + (last - first) * grid.gutter


def _stacked_below(sheet: Sheet, rname: str, r: RegionSpec) -> tuple[str, ...]:
    """The regions `r` is written below (each must be another region of the template; not with a top)."""
    below = _below(r)
    names = list(sheet.spec.regions)
    for other in below:
        if other not in sheet.spec.regions or other == rname:
            sheet.problems.append(Problem(sheet.where("regions", rname, "below"), f"'below: {other}' names no other "
                                          f"region of template '{sheet.name}'",
                                          did_you_mean(other, [n for n in names if n != rname])))
    if below and r.top is not None:
        sheet.problems.append(Problem(sheet.where("regions", rname, "top"), f"region '{rname}' has both top and below",
                                      "keep one: below places it under the other region"))
    return below


def _check_stacking(specs: dict[str, RegionSpec], sheet: Sheet, problems: list[Problem]) -> None:
    """`below` never goes round in a circle."""
    def circle(path: list[str]) -> list[str] | None:
        for other in _below(specs[path[-1]]):
            if other == path[0]:
                return path + [other]
            if other in specs and other not in path:
                found = circle(path + [other])
                if found:
                    return found
        return None

    for name in specs:
        found = circle([name])
        if found:
            problems.append(Problem(sheet.where("regions", name, "below"),
                                    "regions placed below each other in a circle: " + " → ".join(found),
                                    "one of them needs a top (or a box) instead of below"))


def _below(r: RegionSpec) -> tuple[str, ...]:
    return (r.below,) if isinstance(r.below, str) else tuple(r.below or ())


def _padding(r: RegionSpec) -> tuple[float, float, float, float]:
    if isinstance(r.padding, list):
        top, right, bottom, left = r.padding
        return (top, right, bottom, left)
    return (r.padding,) * 4


def on_paper(document: Document, loaded: Loaded, paper: str, theme: Theme, problems: list[Problem]) -> Document:
    """The document on another paper size: regions on the grid are placed on that page's own grid, fixed
    boxes and decorations are carried over keeping the margins (see `adapted`)."""
    size = PAGE_SIZES[paper]
    found: list[Problem] = []
    templates = {name: template(loaded, name, size, document.margins, theme, found, document.page_size)
                 for name in loaded.layout.templates}
    problems.extend(p for p in found if p not in problems)
    pages = tuple(replace(page, template=templates.get(page.template.name, page.template),
                          then=templates.get(page.then.name, page.then) if page.then else None)
                  for page in document.pages)
    return replace(document, page_size=size, pages=pages, paper=paper)
