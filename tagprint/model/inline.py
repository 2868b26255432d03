"""Inline content of a paragraph, heading or list item: runs of text with meaning."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from ..errors import Where


@dataclass(frozen=True, eq=False)
class Text:
    """Plain text; `strong`/`emphasis` change the look, `lang` marks a phrase in another language."""

    text: str
    strong: bool = False
    emphasis: bool = False
    lang: str | None = None
    dir: str | None = None  # "rtl" or "ltr": the span's direction ({dir=rtl}); None: from its letters

    @property
    def role(self) -> str | None:
        return "Span" if self.lang else None


@dataclass(frozen=True, eq=False)
class Citation:
    """A citation superscript such as the "1,2" after "autoinflammation."; it points at references."""

    numbers: tuple[int, ...]
    where: Where = field(default_factory=lambda: Where(""))

    role = "Reference"

    @property
    def text(self) -> str:
        return ",".join(str(n) for n in compress(self.numbers))


@dataclass(frozen=True, eq=False)
class Link:
    """A link: its runs are the visible text, `description` what a screen reader says it goes to."""

    href: str
    runs: tuple["Inline", ...]
    description: str = ""
    where: Where = field(default_factory=lambda: Where(""))
    titled: bool = False  # the author said where it goes ([text](… "title")): the description is theirs

    role = "Link"

    @property
    def text(self) -> str:
        return plain_text(self.runs)

    @property
    def internal(self) -> str | None:
        """The content id a link within the document goes to (`#safety`), else None."""
        return self.href[1:] if self.href.startswith("#") else None


@dataclass(frozen=True, eq=False)
class NoteRef:
    """A footnote marker such as "*" or "†" in running text; it links to the Note with `note_id`."""

    marker: str
    note_id: str
    where: Where = field(default_factory=lambda: Where(""))

    role = "Reference"

    @property
    def text(self) -> str:
        return self.marker


Inline = Union[Text, Citation, Link, NoteRef]


def plain_text(runs: tuple[Inline, ...] | list[Inline]) -> str:
    return "".join(run.text for run in runs)


def compress(numbers: tuple[int, ...]) -> list[str]:
    """Citation numbers as printed: 1,2 stays "1,2"; 3,4,5 becomes "3-5"."""
    out: list[str] = []
    nums = sorted(set(numbers))
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        if j - i >= 2:
            out.append(f"{nums[i]}\u2013{nums[j]}")
        else:
            out.extend(str(n) for n in nums[i : j + 1])
        i = j + 1
    return out
