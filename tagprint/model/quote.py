"""A quotation set apart: its text and who said it, read as one BlockQuote."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Where
from .node import BlockNode
from .inline import Inline
from .parts import BODY_TEXT


@dataclass(frozen=True, eq=False)
class Quote(BlockNode):
    runs: tuple[Inline, ...]
    attribution: tuple[Inline, ...] = ()
    where: Where = field(default_factory=lambda: Where(""))
    style: str = "body"
    text_where: Where = field(default_factory=lambda: Where(""))
    attribution_where: Where = field(default_factory=lambda: Where(""))

    role = "BlockQuote"
    label_fields = ()
    heading_field = ""
    text_role = BODY_TEXT
