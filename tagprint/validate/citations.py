"""Citations: every number cited is an entry of a reference list of the document."""

from __future__ import annotations

from ..errors import Problem
from ..model import Citation, Document, References
from ..model.walk import blocks_in_order, inline_runs


def check_citations(document: Document, problems: list[Problem]) -> None:
    numbers = {e.number for b in blocks_in_order(document) if isinstance(b, References) for e in b.entries}
    for block in blocks_in_order(document):
        for run, where in inline_runs(block):
            if isinstance(run, Citation):
                for n in run.numbers:
                    if n not in numbers:
                        listed = ", ".join(map(str, sorted(numbers))) or "none — add a references block"
                        problems.append(Problem(where, f"citation {n} has no matching reference",
                                                f"add reference {n} to the reference list (it has {listed})"))
