"""Validate stage, part two: the whole document. Builds the model from what was loaded (theme, templates,
sections, pages or slides), then runs the document-wide checks, each in the module of its subject:
theme, press, fonts, templates, pages, headings, citations, notes."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from ..errors import InputError, Problem
from ..load.project import Loaded, placed_content_ids
from ..load.schema import LayoutSpec
from ..load.variants import profiles_for
from ..load.yaml_source import Located
from ..model import Document, Page, Section, Theme
from ..profiles import separated
from .citations import check_citations
from .editions import check_editions, edition_margins, edition_pages, with_edition
from .fonts import check_fonts
from .headings import check_headings
from .links import check_internal
from .model_builder import BlockBuilder, check_lang
from .notes import check_note_markers
from .page_geometry import PAGE_SIZES, Margins
from .pages import Placing, build_pages, check_columns, check_placed_once
from .press import small_text_in_one_ink
from .templates import on_paper, template
from .theme import theme as build_theme
from .words import checked_words

SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# a block that failed its shape (a stand-in took its place) may be a heading, or the reference list: the
# citations are judged only when every stand-in is of a kind that can be neither
JUDGED = {"paragraph", "list", "figure", "callout", "call_to_action", "safety", "notes", "table", "material_id",
          "cards", "spacer", "page_break"}


def validate(loaded: Loaded) -> Document:
    """Builds the document model, or raises InputError listing every problem found."""
    problems: list[Problem] = list(loaded.problems)  # the theme's, when a stand-in took its place
    spec = loaded.layout
    lsrc = loaded.layout_source
    check_lang(spec.document.lang, lsrc.where(("document", "lang")), problems)
    theme = build_theme(loaded, problems)
    if not problems and separated(spec.profiles):
        small_text_in_one_ink(theme, loaded.theme_source, problems)  # only where the layout is printed
    papers = [spec.page.size] if isinstance(spec.page.size, str) else list(dict.fromkeys(spec.page.size))
    page_size = PAGE_SIZES[papers[0]]
    top, right, bottom, left = spec.page.margins
    layout_margins: Margins = (top, right, bottom, left)
    margins = edition_margins(loaded, papers[0], layout_margins)
    templates = {name: template(loaded, name, page_size, margins, theme, problems) for name in spec.templates}
    placing = Placing(lsrc, templates, _sections(loaded, problems), problems)
    if bool(spec.pages) == bool(spec.slides):
        problems.append(Problem(lsrc.where(()), "a layout has either pages (a document) or slides (a deck)",
                                "add pages: with templates:, or slides:"))
    pages: list[Page] = []
    if spec.slides:
        from ..decks.slides import MARGINS, SLIDE, build_slides
        page_size = SLIDE
        margins = MARGINS  # the slide grid's: the footer lines up with the titles and text
        pages = build_slides(spec.slides, BlockBuilder(loaded, lsrc, problems), placing.sections, lsrc.where, problems)
        placing.missing += [cid for slide in spec.slides for cid in slide.content if cid not in placing.sections]
    pages += build_pages(spec.pages, placing)
    check_editions(loaded, papers, SAFE_SEGMENT, placed_content_ids(spec, editions=False), set(placing.sections),
                   problems)
    document = _document(loaded, theme, tuple(pages), page_size, margins, problems)
    if not spec.slides:  # one output per paper size, named after it, each its edition
        def edition(paper: str) -> Document:
            own = replace(document, margins=edition_margins(loaded, paper, layout_margins),
                          pages=edition_pages(loaded, paper, placing, document.pages))
            return with_edition(own, loaded, paper, placing.sections)

        others = tuple(on_paper(edition(paper), loaded, paper, theme, problems) for paper in papers[1:])
        document = replace(edition(papers[0]), paper=papers[0], other_sizes=others) if others else edition(papers[0])
    _check_document(document, loaded, bool(placing.missing), problems)
    for other in document.other_sizes:  # what an edition swapped in is judged in its own document
        found: list[Problem] = []
        _check_document(other, loaded, bool(placing.missing), found)
        problems.extend(p for p in found if p not in problems)
    if problems:
        raise InputError(problems, partial=document)
    return document


def _sections(loaded: Loaded, problems: list[Problem]) -> dict[str, Section]:
    """Every content id of the loaded content files, built."""
    sections: dict[str, Section] = {}
    placed_ids = placed_content_ids(loaded.layout)
    for cid, (cfile, block_specs) in loaded.content.items():
        # content this document does not place is another document's business (a broken picture in it
        # must not stop this one): it is built for the did-you-mean of misspelt ids, its problems dropped
        builder = BlockBuilder(loaded, cfile.source, problems if cid in placed_ids else [])
        sections[cid] = Section(cid, builder.blocks(block_specs, (cid,)), cfile.source.where((cid,)))
    return sections


def _document(loaded: Loaded, theme: Theme, pages: tuple[Page, ...], page_size: tuple[float, float],
              margins: Margins, problems: list[Problem]) -> Document:
    """The document record: the layout's document fields, its theme and pages."""
    spec, lsrc = loaded.layout, loaded.layout_source
    d = spec.document
    return Document(
        title=d.title, kicker=d.kicker, lang=d.lang, material_id=d.material_id, date=d.date,
        version=d.version, page_size=page_size, margins=margins, theme=theme, pages=pages, source=lsrc.file,
        name=loaded.name, created=d.created, footer=d.footer,
        profiles=tuple(dict.fromkeys(profiles_for(spec, loaded.variant))), email_budget=spec.email_budget_kb * 1024,
        email_budget_where=lsrc.where(("email_budget_kb",) if "email_budget_kb" in spec.model_fields_set
                                     else ("profiles",)),
        kind="deck" if spec.slides else "document", words=checked_words(spec, lsrc, problems),
        handouts=tuple(dict.fromkeys((h.kind, h.size) for h in spec.handouts)) if spec.slides else (),
    )


def _check_document(document: Document, loaded: Loaded, missing: bool, problems: list[Problem]) -> None:
    """Document-wide checks run on whatever was built, so one run reports every problem; the order of
    headings and the citations' references are judged only when every placed content id exists."""
    lsrc = loaded.layout_source
    if not missing and not loaded.stand_ins:
        check_headings(document, problems)
    if not missing and all(kind in JUDGED for kind in loaded.stand_ins):
        check_citations(document, problems)
    check_note_markers(document, problems)
    if loaded.theme_known:  # a stand-in theme knows no fonts
        check_fonts(document, lsrc.where(("theme",)), problems, lsrc)
    check_document_fields(loaded.layout, lsrc, problems)
    check_placed_once(document, problems)
    check_internal(document, problems)
    check_columns(document, problems)


def check_document_fields(spec: LayoutSpec, lsrc: Located, problems: list[Problem]) -> None:
    """Fields that become dates or parts of file paths (the archive's MATERIAL-ID/VERSION folders)."""
    d = spec.document
    try:
        datetime.strptime(d.created, "%Y-%m-%d")
    except ValueError:
        problems.append(Problem(lsrc.where(("document", "created")), f"'{d.created}' is not a date",
                                "write a real date as YYYY-MM-DD"))
    for key in ("material_id", "version"):
        value = getattr(d, key)
        if not SAFE_SEGMENT.match(value) or ".." in value:
            problems.append(Problem(lsrc.where(("document", key)), f"{key} '{value}' cannot name a folder",
                                    "use letters, digits, '.', '-' and '_' only (it names the archive folder)"))
