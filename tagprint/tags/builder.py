"""The structure tree's builder: the TagMap it fills, the walk in reading order (inline runs, links, notes)
and the registry of taggers, one per block type (registered in from_model.py, table.py and charts.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..model import Block, Citation, Document, Figure, Link, ListBlock, NoteRef, References, Text
from ..model.inline import Inline
from ..model.walk import internal_targets
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


def section_id(content_id: str) -> str:
    """The structure element id of a placed content id's Sect (what a link within the document goes to)."""
    return f"section-{content_id}"


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
        targets = internal_targets(self.document)
        for section in self.document.sections():
            sect = self.map.root.add("Sect", title=section.id,
                                     elem_id=section_id(section.id) if section.id in targets else None)
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
