"""The base every block type derives from: what a block answers (children, inline runs, labels,
headings, footnotes, a copy with its runs rewritten), read from its fields by `model.parts`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterator

from ..errors import Where
from . import parts
from .inline import Inline

if TYPE_CHECKING:
    from .blocks import Block

RunsFn = Callable[[tuple[Inline, ...]], tuple[Inline, ...]]
BlockFn = Callable[["Block"], "Block"]


class BlockNode:
    """What every block type answers, read from its fields (`model.parts`). Each block class declares
    `label_fields`, `heading_field` and `text_role` itself: there are no defaults to forget."""
    label_fields: ClassVar[tuple[str, ...]]
    heading_field: ClassVar[str]
    text_role: ClassVar[str]
    is_block_node: ClassVar[bool] = True  # what `model.parts` recognises a block type by (no import back)

    def children(self) -> tuple["Block", ...]:
        return parts.children(self)

    def text_runs(self) -> Iterator[tuple[tuple[Inline, ...], Where]]:
        return parts.text_runs(self)

    def labels(self) -> Iterator[tuple[str, Where]]:
        return parts.labels(self)

    def headings(self) -> tuple[tuple[str, int, str], ...]:
        return parts.headings(self)

    def footnotes(self) -> tuple[Any, ...]:
        """The footnotes (model.notes.Note) this block sets."""
        return parts.footnotes(self)

    def map_runs(self, runs: RunsFn, block: BlockFn) -> Any:
        return parts.map_runs(self, runs, block)
