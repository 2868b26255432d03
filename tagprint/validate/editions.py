"""Editions: a layout built on two paper sizes makes two pieces, and each may carry its own material id,
footer line, margins and content in place of the layout's (`page.editions`)."""

from __future__ import annotations

from dataclasses import replace

from typing import Any, Sequence

from ..errors import Problem
from ..load.project import Loaded
from ..model import Document, Page, Section
from .page_geometry import Margins
from .pages import Placing, build_pages


def edition_margins(loaded: Loaded, paper: str, margins: Margins) -> Margins:
    """The margins of the edition on `paper` (the layout's, unless its edition gives its own)."""
    edition = _edition(loaded, paper)
    if edition is None or edition.margins is None:
        return margins
    top, right, bottom, left = edition.margins
    return (top, right, bottom, left)


def edition_pages(loaded: Loaded, paper: str, placing: Placing, pages: tuple[Page, ...]) -> tuple[Page, ...]:
    """The pages of the edition on `paper`: its own composition of the content, or the layout's `pages`."""
    edition = _edition(loaded, paper)
    if edition is None or edition.pages is None:
        return pages
    return tuple(build_pages(edition.pages, placing, ("page", "editions", paper, "pages")))


def with_edition(document: Document, loaded: Loaded, paper: str, sections: dict[str, Section]) -> Document:
    """The document as its edition on `paper` says: material id, footer and the content it swaps in."""
    edition = _edition(loaded, paper)
    if edition is None:
        return document
    # the content swapped in stands under the id it replaces: links to that id, and its Sect, find it there
    swaps = {old: replace(sections[new], id=old) for old, new in edition.content.items() if new in sections}
    return replace(document, material_id=edition.material_id or document.material_id,
                   footer=document.footer if edition.footer is None else edition.footer,
                   pages=tuple(_swapped(page, swaps) for page in document.pages) if swaps else document.pages)


def _swapped(page: Page, swaps: dict[str, Section]) -> Page:
    """The page with each swapped section replaced where it stands."""
    def swap(sections: tuple[Section, ...]) -> tuple[Section, ...]:
        return tuple(swaps.get(s.id, s) for s in sections)
    return replace(page, placements=tuple(replace(pl, sections=swap(pl.sections)) for pl in page.placements),
                   flow=swap(page.flow))


def _edition(loaded: Loaded, paper: str) -> Any:
    return {str(k): v for k, v in loaded.layout.page.editions.items()}.get(paper)


def check_editions(loaded: Loaded, papers: Sequence[str], safe: Any, placed: set[str], known: set[str],
                   problems: list[Problem]) -> None:
    """An edition is for a paper size the layout builds, its material id can name a folder, and it swaps
    a content id the layout places for one the content files hold."""
    lsrc = loaded.layout_source
    for paper, edition in loaded.layout.page.editions.items():
        if paper not in papers:
            problems.append(Problem(lsrc.where(("page", "editions", paper)), f"an edition for {paper}, a paper "
                                    f"size this layout does not build ({', '.join(papers)})",
                                    f"add {paper} to page.size, or remove its edition"))
        value = edition.material_id
        if value is not None and (not safe.match(value) or ".." in value):
            problems.append(Problem(lsrc.where(("page", "editions", paper, "material_id")),
                                    f"material_id '{value}' cannot name a folder",
                                    "use letters, digits, '.', '-' and '_' only (it names the archive folder)"))
        for old, new in edition.content.items():
            if old not in placed:
                problems.append(Problem(lsrc.where(("page", "editions", paper, "content", old)),
                                        f"the {paper} edition swaps content id '{old}', which no page places",
                                        "name a content id the pages place: " + _some(placed)))
            if new in placed:
                problems.append(Problem(lsrc.where(("page", "editions", paper, "content", old)),
                                        f"the {paper} edition swaps in content id '{new}', which a page already places",
                                        "swap in content the pages do not place (a copy under its own id)"))
            if new not in known:
                problems.append(Problem(lsrc.where(("page", "editions", paper, "content", old)),
                                        f"the {paper} edition's content id '{new}' is in no content file",
                                        "add it to a content file the layout lists, or correct its spelling"))


def _some(ids: set[str]) -> str:
    shown = sorted(ids)
    return ", ".join(shown[:6]) + (", …" if len(shown) > 6 else "")
