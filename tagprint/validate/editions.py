"""Editions: a layout built on two paper sizes makes two pieces, and each may carry its own material id,
footer line and margins (`page.editions`)."""

from __future__ import annotations

from dataclasses import replace

from typing import Any, Sequence

from ..errors import Problem
from ..load.project import Loaded
from ..model import Document
from .page_geometry import Margins


def edition_margins(loaded: Loaded, paper: str, margins: Margins) -> Margins:
    """The margins of the edition on `paper` (the layout's, unless its edition gives its own)."""
    edition = _edition(loaded, paper)
    if edition is None or edition.margins is None:
        return margins
    top, right, bottom, left = edition.margins
    return (top, right, bottom, left)


def with_edition(document: Document, loaded: Loaded, paper: str) -> Document:
    """The document as its edition on `paper` says: material id and footer."""
    edition = _edition(loaded, paper)
    if edition is None:
        return document
    return replace(document, material_id=edition.material_id or document.material_id,
                   footer=document.footer if edition.footer is None else edition.footer)


def _edition(loaded: Loaded, paper: str) -> Any:
    return {str(k): v for k, v in loaded.layout.page.editions.items()}.get(paper)


def check_editions(loaded: Loaded, papers: Sequence[str], safe: Any, problems: list[Problem]) -> None:
    """An edition is for a paper size the layout builds, and its material id can name a folder."""
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
