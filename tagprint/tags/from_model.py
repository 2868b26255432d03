"""Builds the structure tree from the document model, in reading order (Typst's pre-pass): how each block
type becomes structure elements (tables and notes in table.py, charts and QR codes in charts.py)."""

from __future__ import annotations

from ..model import (
    Block, BoxedWarning, CallToAction, Callout, Cards, Document, Figure, Heading, ListBlock, MaterialId, PageBreak,
    Paragraph, Quote, References, Safety, Spacer,
)
from . import charts as _charts, table as _table  # noqa: F401  (they register charts, QR codes, tables, notes)
from .builder import TAGGERS, TagMap, _Builder, reference_id, section_id, tags_of
from .tree import StructElem

__all__ = ["TAGGERS", "TagMap", "build_tags", "reference_id", "section_id", "tags_of"]


@tags_of(Heading)
@tags_of(Paragraph)
def _text_block(b: _Builder, block: Heading | Paragraph, parent: StructElem) -> None:
    b.inline(block.runs, b._keep(block, parent.add(block.role)))


@tags_of(Quote)
def _quote(b: _Builder, block: Quote, parent: StructElem) -> None:
    """A BlockQuote holding the quoted paragraph and, inside it too, the attribution's paragraph."""
    quote = b._keep(block, parent.add("BlockQuote"))
    b.inline(block.runs, b._keep(block, quote.add("P"), "text"))
    if block.attribution:
        said = b._keep(block, quote.add("P"), "attribution")
        b._slot(block, said, "dash")
        b.inline(block.attribution, said)


@tags_of(ListBlock)
def _list(b: _Builder, block: ListBlock, parent: StructElem) -> None:
    b.list_block(block, parent)


@tags_of(Figure)
def _figure(b: _Builder, block: Figure, parent: StructElem) -> None:
    b.figure(block, parent)


@tags_of(Callout)
def _callout(b: _Builder, block: Callout, parent: StructElem) -> None:
    div = b._keep(block, parent.add("Div"))
    for child in block.blocks:
        b.block(child, div)


@tags_of(CallToAction)
def _cta(b: _Builder, block: CallToAction, parent: StructElem) -> None:
    p = b._keep(block, parent.add("P"))
    link = b._keep(block, b._link(p, block.description), "link")
    b._slot(block, link)


@tags_of(References)
def _references(b: _Builder, block: References, parent: StructElem) -> None:
    b.references(block, parent)


@tags_of(Safety)
def _safety(b: _Builder, block: Safety, parent: StructElem) -> None:
    sect = b._keep(block, parent.add("Sect", title=block.title))
    if block.title:  # none on a slide whose title says it
        b._slot(block, b._keep(block, sect.add(f"H{block.level}"), "title"), "title")
    for child in block.blocks:
        b.block(child, sect)


@tags_of(MaterialId)
def _material_id(b: _Builder, block: MaterialId, parent: StructElem) -> None:
    b._slot(block, b._keep(block, parent.add("P")))


@tags_of(Cards)
def _cards(b: _Builder, block: Cards, parent: StructElem) -> None:
    lst = b._keep(block, parent.add("L"))
    for card in block.cards:
        li = b._keep(card, lst.add("LI"))
        body = li.add("LBody")
        if card.figure:
            b.figure(card.figure, body)
        for child in card.blocks:
            b.block(child, body)


@tags_of(Spacer)
@tags_of(PageBreak)
def _nothing(b: _Builder, block: Block, parent: StructElem) -> None:
    pass


@tags_of(BoxedWarning)
def _boxed_warning(b: _Builder, block: BoxedWarning, parent: StructElem) -> None:
    sect = b._keep(block, parent.add("Sect", title=block.title))
    if block.title:  # none on a slide whose title says it
        b._slot(block, b._keep(block, sect.add(f"H{block.level}"), "title"), "title")
    for child in block.blocks:
        b.block(child, sect)


def build_tags(document: Document, notes: bool = False) -> TagMap:
    """`notes`: a deck's speaker notes are part of this output (1-up and 2-up handouts)."""
    return _Builder(document).build(notes)
