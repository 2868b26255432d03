"""The boxed warning ("black box"): a titled safety text in a ruled black border, read where it stands —
at the top of page 1, before the document's title, when the layout places it there."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..errors import Where
from .node import BlockNode
from .parts import BOXED_WARNING

if TYPE_CHECKING:
    from .blocks import Block


@dataclass(frozen=True, eq=False)
class BoxedWarning(BlockNode):
    title: str
    blocks: tuple["Block", ...]
    where: Where = field(default_factory=lambda: Where(""))
    level: int = 1           # its title's heading level: H1 when it is read before the document's title
    rule: float = 1.5        # the border's thickness, in points
    color: str | None = None  # a theme colour for the border and title; None: black
    title_align: Literal["center", "left"] = "center"  # centred: the FDA's convention; left: with the text

    role = "Sect"
    label_fields = ("title",)
    heading_field = "title"
    text_role = BOXED_WARNING
