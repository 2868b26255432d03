"""Print has no live links: each link prints its address as readable text, and nothing is tagged as a Link
(a Link element stands for a link annotation, and paper has none: the text is a Span).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlparse

from ..model import CallToAction, Document, Link, Section, Text
from ..model.inline import Inline
from ..print_rules import PRINT_MIN_TEXT_PT


def printed_address(href: str) -> str:
    if href.startswith(("mailto:", "tel:")):
        return href.split(":", 1)[1]
    parsed = urlparse(href)
    return (parsed.netloc.removeprefix("www.") + parsed.path).rstrip("/")


def _shown(address: str, text: str) -> bool:
    """Whether the link's text already shows its address: written out, or (a phone number) the same digits
    with other spacing ("+1 800 555 0100" for tel:+1-800-555-0100)."""
    if address in text:
        return True
    digits = "".join(c for c in address if c.isdigit())
    return address.startswith("+") and len(digits) >= 7 and digits in "".join(c for c in text if c.isdigit())


def _runs(runs: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for run in runs:
        if isinstance(run, Link) and run.internal is None and not _shown(printed_address(run.href), run.text):
            address = printed_address(run.href)  # in brackets, or after a colon where the text ends in brackets
            shown = f": {address}" if run.text.rstrip().endswith(")") else f" ({address})"
            out.append(replace(run, runs=run.runs + (Text(shown),)))
        else:
            out.append(run)  # a link within the document: its words ("see page 2") are what paper needs
    return tuple(out)


def _block(block: Any) -> Any:
    if isinstance(block, CallToAction):  # the button stays as it is; its address is set beneath it
        return replace(block, printed=printed_address(block.href))
    return block.map_runs(_runs, _block)


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
    # paper has a smallest readable size: footnotes set in a smaller style are set at it in print
    return replace(document, pages=pages, live_links=False, min_text_size=PRINT_MIN_TEXT_PT)
