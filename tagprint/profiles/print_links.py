"""Print has no live links: each link prints its address as readable text (still tagged as a Link)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlparse

from ..model import (
    CallToAction, Callout, Cards, Document, Figure, Heading, Link, ListBlock, ListItem, Paragraph, References,
    Safety, Section, Text,
)
from ..model.inline import Inline


def printed_address(href: str) -> str:
    if href.startswith("mailto:"):
        return href[len("mailto:"):]
    parsed = urlparse(href)
    return (parsed.netloc.removeprefix("www.") + parsed.path).rstrip("/")


def _runs(runs: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for run in runs:
        if isinstance(run, Link) and printed_address(run.href) not in run.text:
            out.append(replace(run, runs=run.runs + (Text(f" ({printed_address(run.href)})"),)))
        else:
            out.append(run)
    return tuple(out)


def _block(block: Any) -> Any:
    if isinstance(block, (Heading, Paragraph)):
        return replace(block, runs=_runs(block.runs))
    if isinstance(block, ListBlock):
        return replace(block, items=tuple(_item(i) for i in block.items))
    if isinstance(block, CallToAction):
        return replace(block, text=f"{block.text}: {printed_address(block.href)}")
    if isinstance(block, (Callout, Safety)):
        return replace(block, blocks=tuple(_block(b) for b in block.blocks))
    if isinstance(block, Cards):
        return replace(block, cards=tuple(replace(c, blocks=tuple(_block(b) for b in c.blocks)) for c in block.cards))
    if isinstance(block, References):
        return replace(block, entries=tuple(replace(e, runs=_runs(e.runs)) for e in block.entries))
    if isinstance(block, Figure) and block.caption:
        return replace(block, caption=_runs(block.caption))
    return block


def _item(item: ListItem) -> ListItem:
    children = replace(item.children, items=tuple(_item(i) for i in item.children.items)) if item.children else None
    return replace(item, runs=_runs(item.runs), children=children)


def with_printed_links(document: Document) -> Document:
    cache: dict[str, Section] = {}

    def section(s: Section) -> Section:
        if s.id not in cache:
            cache[s.id] = replace(s, blocks=tuple(_block(b) for b in s.blocks))
        return cache[s.id]

    pages = tuple(
        replace(page, flow=tuple(section(s) for s in page.flow),
                placements=tuple(replace(pl, sections=tuple(section(s) for s in pl.sections))
                                 for pl in page.placements))
        for page in document.pages
    )
    return replace(document, pages=pages)
