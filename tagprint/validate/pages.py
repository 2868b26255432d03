"""Pages: each page names a template, places content ids in its regions and/or flows them through it;
every content id placed exists and is placed once, and a region set in columns holds reference lists only."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..errors import Problem, Where
from ..load.schema import PageSpec
from ..load.schema_errors import did_you_mean
from ..load.yaml_source import Located
from ..model import Document, Page, Placement, References, Section, Template


@dataclass
class Placing:
    """What pages place content from: the templates and sections by name, where problems go, and the
    content ids placed but not defined (the reading order is then incomplete)."""

    src: Located
    templates: dict[str, Template]
    sections: dict[str, Section]
    problems: list[Problem]
    missing: list[str] = field(default_factory=list)

    def placed(self, ids: list[str], path: tuple) -> tuple[Section, ...]:
        found = []
        for i, cid in enumerate(ids):
            if cid not in self.sections:
                self.missing.append(cid)
                self.problems.append(Problem(self.src.where(path + (i,)), f"no content with id '{cid}'",
                                             did_you_mean(cid, self.sections)))
            else:
                found.append(self.sections[cid])
        return tuple(found)


def build_pages(specs: list[PageSpec], placing: Placing, path: tuple = ("pages",)) -> list[Page]:
    """The pages of a document (a page whose template is unknown, or that places nothing, is left out);
    `path`: where the list stands in the layout (an edition's own pages: page.editions.a4.pages)."""
    pages = []
    for p, page_spec in enumerate(specs):
        page = _page(page_spec, path + (p,), placing)
        if page is not None:
            pages.append(page)
    return pages


def _page(page_spec: PageSpec, ppath: tuple, placing: Placing) -> Page | None:
    src, templates, problems = placing.src, placing.templates, placing.problems
    template = templates.get(page_spec.template)
    if template is None:
        problems.append(Problem(src.where(ppath + ("template",)), f"no template '{page_spec.template}'",
                                did_you_mean(page_spec.template, templates)))
        return None
    if page_spec.regions is None and page_spec.flow is None:
        problems.append(Problem(src.where(ppath), "a page needs 'regions' or 'flow'",
                                "write regions: {region: [content ids]} and/or flow: [content ids]"))
        return None
    then = None
    if page_spec.then is not None:
        then = templates.get(page_spec.then)
        if then is None or page_spec.flow is None:
            problems.append(Problem(src.where(ppath + ("then",)), f"'then: {page_spec.then}' needs a flow "
                                    "and a template of that name", did_you_mean(page_spec.then, templates)))
    placements = []
    names = [r.name for r in template.regions]
    for region_name, ids in (page_spec.regions or {}).items():
        rpath = ppath + ("regions", region_name)
        if region_name not in names:
            problems.append(Problem(src.where(rpath), f"template '{template.name}' has no region '{region_name}'",
                                    did_you_mean(region_name, names)))
            continue
        placements.append(Placement(region_name, placing.placed(ids, rpath), src.where(rpath)))
    flow = placing.placed(page_spec.flow, ppath + ("flow",)) if page_spec.flow is not None else ()
    return Page(template, tuple(placements), src.where(ppath), flow, then=then)


def check_placed_once(document: Document, problems: list[Problem]) -> None:
    seen: dict[str, Where] = {}
    for page in document.pages:
        for section in page.sections():
            if section.id in seen:
                problems.append(Problem(page.where, f"content '{section.id}' is placed twice",
                                        "place each content id once per document"))
            seen[section.id] = page.where


def check_columns(document: Document, problems: list[Problem]) -> None:
    """`columns` sets reference lists in columns; any other block in such a region would silently take the
    full width, so it is a problem at the region's `columns`."""
    for page in document.pages:
        regions = {r.name: r for r in page.template.regions}
        placed = [(regions.get(pl.region), pl.sections) for pl in page.placements]
        placed += [(r, page.flow) for r in page.template.regions if page.flow]
        for region, sections in placed:
            if region is None or region.columns < 2:
                continue
            others = sorted({type(b).__name__ for s in sections for b in s.blocks if not isinstance(b, References)})
            if others:
                where = replace(region.where, path=f"{region.where.path}.columns" if region.where.path else "columns")
                problem = Problem(where, f"region '{region.name}' has columns: {region.columns}, which sets reference "
                                         f"lists in columns only; its {', '.join(others)} blocks would take the "
                                         "full width",
                                  "remove columns (or keep only the references in this region), or place two "
                                  "regions side by side: a flow runs through them in order")
                if problem not in problems:
                    problems.append(problem)
