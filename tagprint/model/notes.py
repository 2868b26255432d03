"""Footnotes: a marker in inline text (`*`, `†`, `‡`, `§` or a number) and the note it points at."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ..errors import Where
from .node import BlockNode
from .parts import NOTES
from .inline import Inline

MARKER_NAMES = {"*": "star", "\u2020": "dagger", "\u2021": "ddagger", "\u00a7": "section"}


def note_id(scope: str, marker: str) -> str:
    """The note's unique /ID: the content id it belongs to and its marker, spelt safely."""
    return f"note-{scope}-{MARKER_NAMES.get(marker, marker)}"


@dataclass(frozen=True, eq=False)
class Note:
    """One footnote: its marker as printed, its text, and the /ID the markers link to."""

    marker: str
    runs: tuple[Inline, ...]
    note_id: str
    where: Where = field(default_factory=lambda: Where(""))

    role = "Note"
    is_footnote: ClassVar[bool] = True  # what `model.parts` recognises a footnote by (no import back)
    label_fields = ("marker",)  # a block's notes are its footnotes (model.parts), their markers its labels


@dataclass(frozen=True, eq=False)
class Notes(BlockNode):
    """Footnotes set where the block stands (e.g. right under the table, figure or paragraph they annotate)."""

    notes: tuple[Note, ...]
    style: str = "small"
    where: Where = field(default_factory=lambda: Where(""))
    at_foot: bool = False  # in a flow: set at the foot of the page where the block is reached

    role = "Div"
    label_fields = ()
    heading_field = ""
    text_role = NOTES
