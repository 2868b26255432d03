"""Headings: in reading order the first is H1, and no level is skipped."""

from __future__ import annotations

from ..errors import Problem
from ..model import BoxedWarning, Document
from ..model.walk import blocks_in_order


def check_headings(document: Document, problems: list[Problem]) -> None:
    previous = 0
    for block in blocks_in_order(document):
        for _part, level, _text in block.headings():
            if previous == 0 and level != 1:
                fix = ("a boxed warning read before the title has level: 1" if isinstance(block, BoxedWarning)
                       else "start the document with a level 1 heading")
                problems.append(Problem(block.where, f"the first heading in reading order is H{level}", fix))
            elif level > previous + 1 and previous:
                problems.append(Problem(block.where, f"heading level {level} follows level {previous}",
                                        f"use level {previous + 1} here, or add the missing level above it"))
            previous = level
