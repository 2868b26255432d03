"""The model's own traversal: every block in reading order, and every inline run a block shows.

Validation, lint, the print links, the fonts check, the approval diff and the pipeline's heading texts all
walk the model through these, so a block type's nested blocks and text are found in one place (from the
fields `model.parts` reads), never by a ladder of block classes.
"""

from __future__ import annotations

from typing import Iterator

from ..errors import Where
from .blocks import Block
from .document import Document
from .inline import Inline, Link


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block in reading order, nested blocks included (each block type says its children)."""
    for block in blocks:
        yield block
        yield from walk(block.children())


def inline_runs(block: Block) -> Iterator[tuple[Inline, Where]]:
    """Every inline run a block shows directly, links opened up."""
    def flat(runs: tuple[Inline, ...], where: Where) -> Iterator[tuple[Inline, Where]]:
        for run in runs:
            yield run, where
            if isinstance(run, Link):
                yield from flat(run.runs, where)

    for runs, where in block.text_runs():
        yield from flat(runs, where)


def internal_targets(document: Document) -> set[str]:
    """The content ids the document's own links go to (`[see page 2](#safety)`)."""
    return {run.internal for block in blocks_in_order(document) for run, _ in inline_runs(block)
            if isinstance(run, Link) and run.internal is not None}


def blocks_in_order(document: Document) -> Iterator[Block]:
    """Every block of the document, section by section in reading order."""
    for section in document.sections():
        yield from walk(section.blocks)
