"""Builds the structure tree from the document model, in reading order (Typst's pre-pass)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..model import (
    Block, BoxedWarning, CallToAction, Callout, Cards, Citation, Document, Figure, Heading, Link, ListBlock, MaterialId,
    NoteRef, PageBreak, Paragraph, Quote, References, Safety, Spacer, Text,
)
from ..model.inline import Inline
from .tree import ContentSlot, StructElem


@dataclass
class TagMap:
    """The tree plus the way from a model node (and a part of it) to its element and slots."""

    root: StructElem
    elems: dict[tuple[int, str], StructElem] = field(default_factory=dict)
    slots: dict[tuple[int, str], ContentSlot] = field(default_factory=dict)

    def elem(self, node: Any, part: str = "") -> StructElem:
        return self.elems[(id(node), part)]

    def slot(self, node: Any, part: str = "") -> ContentSlot:
        return self.slots[(id(node), part)]

    def has_slot(self, node: Any, part: str = "") -> bool:
        return (id(node), part) in self.slots

    def has_elem(self, node: Any, part: str = "") -> bool:
        return (id(node), part) in self.elems


def reference_id(number: int) -> str:
    return f"ref-{number}"


class _Builder:
    def __init__(self, document: Document):
        self.document = document
        self.map = TagMap(StructElem("Document", lang=document.lang, title=document.title))

    def build(self, notes: bool) -> TagMap:
        if self.document.kind == "deck":  # one Sect per slide, its notes read right after it
            for page in self.document.pages:
                sect = self.map.root.add("Sect", title=page.title)
                for section in page.sections() + ([page.notes] if notes and page.notes else []):
                    self.map.elems[(id(section), "")] = sect
                    for block in section.blocks:
                        self.block(block, sect)
            return self.map
        for section in self.document.sections():
            sect = self.map.root.add("Sect", title=section.id)
            self.map.elems[(id(section), "")] = sect
            for block in section.blocks:
                self.block(block, sect)
            if not sect.kids:  # only artifacts (a decorative figure, a spacer): no empty Sect is read
                self.map.root.kids.remove(sect)
        return self.map

    def _link(self, parent: StructElem, alt: str) -> StructElem:
        """A Link element where the document's links are live; on paper (print) a Span: no annotation
        stands behind it, so nothing may be announced as a link."""
        return parent.add("Link", alt=alt) if self.document.live_links else parent.add("Span")

    def _keep(self, node: Any, elem: StructElem, part: str = "") -> StructElem:
        self.map.elems[(id(node), part)] = elem
        return elem

    def _slot(self, node: Any, elem: StructElem, part: str = "") -> ContentSlot:
        slot = elem.slot()
        self.map.slots[(id(node), part)] = slot
        return slot

    def block(self, block: Block, parent: StructElem) -> None:
        TAGGERS[type(block)](self, block, parent)

    def list_block(self, block: ListBlock, parent: StructElem, depth: int = 0) -> None:
        numbering = ("LowerAlpha" if depth and len(block.items) <= 26 else "Decimal") if block.ordered else "Disc"
        lst = self._keep(block, parent.add("L", list_numbering=numbering))
        for item in block.items:
            li = self._keep(item, lst.add("LI"))
            self._slot(item, li.add("Lbl"), "label")
            body = self._keep(item, li.add("LBody"), "body")
            self.inline(item.runs, body)
            if item.children:
                self.list_block(item.children, body, depth + 1)

    def figure(self, figure: Figure, parent: StructElem) -> None:
        if figure.decorative:
            return  # drawn as an artifact
        fig = self._keep(figure, parent.add("Figure", alt=figure.alt))
        if figure.caption and figure.caption_position == "above":
            self.inline(figure.caption, self._keep(figure, fig.add("Caption"), "caption"))
        self._slot(figure, fig)
        if figure.caption and figure.caption_position == "below":
            self.inline(figure.caption, self._keep(figure, fig.add("Caption"), "caption"))

    def references(self, block: References, parent: StructElem) -> None:
        sect = self._keep(block, parent.add("Div", title=block.title or self.document.words.get("references_title")))
        if block.title:  # a heading of the level the content gives, never a second label
            self._slot(block, self._keep(block, sect.add(f"H{block.level}"), "title"), "title")
        lst = self._keep(block, sect.add("L", list_numbering="Decimal"), "list")
        for entry in block.entries:
            li = self._keep(entry, lst.add("LI", elem_id=reference_id(entry.number)))
            self._slot(entry, li.add("Lbl"), "label")
            self.inline(entry.runs, self._keep(entry, li.add("LBody"), "body"))

    def inline(self, runs: tuple[Inline, ...], parent: StructElem) -> None:
        words = self.document.words
        for run in runs:
            if isinstance(run, Text) and not run.text.strip():
                continue  # only a space: it is drawn as part of the run before it
            if isinstance(run, Text):
                if run.lang:
                    self._slot(run, self._keep(run, parent.add("Span", lang=run.lang)))
                else:
                    self._slot(run, parent)
            elif isinstance(run, NoteRef):
                ref = self._keep(run, parent.add("Reference"))
                link = self._keep(run, self._link(ref, words.get("note_link", marker=run.marker)), "link")
                self._slot(run, link)
            elif isinstance(run, Citation):
                ref = self._keep(run, parent.add("Reference"))
                names = words.join([str(n) for n in run.numbers])
                link = self._keep(run, self._link(ref, words.get("reference_link", numbers=names)), "link")
                self._slot(run, link)
            elif isinstance(run, Link):
                link = self._keep(run, self._link(parent, run.description))
                self.inline(run.runs, link)


Tagger = Callable[[_Builder, Any, StructElem], None]
TAGGERS: dict[type, Tagger] = {}


def tags_of(cls: type) -> Callable[[Tagger], Tagger]:
    """Registers how a block type becomes structure elements (one entry per block type)."""
    def register(fn: Tagger) -> Tagger:
        TAGGERS[cls] = fn
        return fn
    return register


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


from . import table as _table  # noqa: E402,F401  (registers tables and notes)
from . import charts as _charts  # noqa: E402,F401  (registers charts and QR codes)


def build_tags(document: Document, notes: bool = False) -> TagMap:
    """`notes`: a deck's speaker notes are part of this output (1-up and 2-up handouts)."""
    return _Builder(document).build(notes)
