"""The logical structure tree, built from the model in reading order before anything is drawn.

Drawing later *claims* the content slots (marked-content sequences) of the elements; the finish stage
writes the tree into the PDF. Every slot must be claimed at least once, and each claim only once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator


@dataclass(eq=False)
class ContentSlot:
    """A piece of an element's own content; drawing it yields one marked sequence per page/line."""

    owner: "StructElem"
    claims: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID)

    @property
    def tag(self) -> str:
        return self.owner.role


@dataclass(eq=False)
class AnnotRef:
    """An annotation (link) that belongs to an element; `index` points into the draw record."""

    index: int


@dataclass(eq=False)
class StructElem:
    role: str
    parent: "StructElem | None" = None
    kids: list["StructElem | ContentSlot | AnnotRef"] = field(default_factory=list)
    alt: str | None = None
    lang: str | None = None
    actual_text: str | None = None
    title: str | None = None
    list_numbering: str | None = None
    elem_id: str | None = None
    table: dict[str, Any] | None = None  # the /Table attribute object of a TH or TD (Scope, Headers, spans)
    bbox: tuple[int, tuple[float, float, float, float]] | None = None  # page index, (x0, y0, x1, y1)
    anchor: tuple[int, float, float] | None = None  # page index, x, y of the first claim (for outlines)

    def add(self, role: str, **attrs: Any) -> "StructElem":
        child = StructElem(role, self, **attrs)
        self.kids.append(child)
        return child

    def slot(self) -> ContentSlot:
        s = ContentSlot(self)
        self.kids.append(s)
        return s

    def walk(self) -> Iterator["StructElem"]:
        yield self
        for kid in self.kids:
            if isinstance(kid, StructElem):
                yield from kid.walk()

    def slots(self) -> Iterator[ContentSlot]:
        for elem in self.walk():
            for kid in elem.kids:
                if isinstance(kid, ContentSlot):
                    yield kid

    def text(self) -> str:
        """Only for debugging and outlines: the element's title or alt."""
        return self.title or self.alt or ""


class UnclaimedContent(AssertionError):
    pass


def check_all_claimed(root: StructElem) -> None:
    """WeasyPrint's `assert not tags`: every slot the model asked for was drawn."""
    unclaimed = [s for s in root.slots() if not s.claims]
    if unclaimed:
        roles = ", ".join(sorted({s.owner.role for s in unclaimed}))
        raise UnclaimedContent(f"{len(unclaimed)} content slot(s) were never drawn (roles: {roles})")
