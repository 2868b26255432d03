"""Walks every content stream of any PDF and checks that each painting operator lies inside tagged
marked content (a BDC with an MCID) or an artifact — including inside form XObjects.

Written once here so that the build's verify stage, the tests and the preflight command share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Union

import pikepdf

TEXT_SHOW = {"Tj", "TJ", "'", '"'}
PATH_PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}
OTHER_PAINT = {"Do", "sh", "INLINE IMAGE", "BI"}
PAINTING = TEXT_SHOW | PATH_PAINT | OTHER_PAINT


@dataclass(frozen=True)
class Finding:
    page: int  # 1-based
    where: str  # "page" or the XObject chain, e.g. "page > /Fm0"
    operator: str
    problem: str

    def __str__(self) -> str:
        return f"page {self.page} ({self.where}): {self.operator}: {self.problem}"


@dataclass
class WalkResult:
    findings: list[Finding] = field(default_factory=list)
    mcids: dict[int, list[int]] = field(default_factory=dict)  # page (1-based) -> MCIDs in stream order
    painted: int = 0  # painting operators seen


@dataclass(frozen=True)
class _Mark:
    tag: str
    mcid: int | None
    artifact: bool


def _mark(operator: str, operands: list) -> _Mark:
    tag = str(operands[0]).lstrip("/") if operands else ""
    mcid = None
    if operator == "BDC" and len(operands) > 1 and isinstance(operands[1], pikepdf.Dictionary):
        value = operands[1].get("/MCID")
        mcid = int(value) if value is not None else None
    return _Mark(tag, mcid, tag == "Artifact")


Holder = Union[pikepdf.Object, pikepdf.Page]  # what has a content stream: a page, a form XObject, …
Parse = Callable[[Holder], list]


def parse_instructions(holder: Holder, extra: str = "") -> list:
    """The instructions of a page's or form's content the walker needs (and the `extra` operators):
    qpdf filters operators in C++ (fast) but drops inline images, so a stream with any is parsed fully."""
    raw = _raw(holder)
    inline = b"BI" in raw and _INLINE_IMAGE.search(raw) is not None  # `in` first: a fast scan of the bytes
    operators = "" if inline else f"{_OPERATORS} {extra}".strip()
    return pikepdf.parse_content_stream(holder, operators)


def walk_pdf(pdf: pikepdf.Pdf, parse: Parse = parse_instructions) -> WalkResult:
    """`parse` may be a shared, caching parser (the preflight's Doc) that returns more operators."""
    result = WalkResult()
    for number, page in enumerate(pdf.pages, start=1):
        result.mcids[number] = []
        _walk(page, number, "page", [], result, 0, parse)
    return result


def _walk(holder: Holder, page: int, where: str, stack: list[_Mark], result: WalkResult, depth: int,
          parse: Parse) -> None:
    if depth > 12:
        result.findings.append(Finding(page, where, "Do", "form XObjects nested too deep (a cycle?)"))
        return
    resources = holder.get("/Resources") if hasattr(holder, "get") else None
    xobjects = resources.get("/XObject") if resources is not None else None
    try:
        instructions = parse(holder)
    except pikepdf.PdfError as exc:
        result.findings.append(Finding(page, where, "-", f"content stream cannot be parsed: {exc}"))
        return
    # the marks opened here, with running counts of the enclosing ones (inherited from the painting
    # context of a form XObject)
    open_ = _Open(page, where, depth, result, stack)
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            op, operands = "INLINE IMAGE", []
        else:
            op = str(instruction.operator)
            if op not in _INTERESTING:
                continue
            operands = instruction.operands
        if op == "BDC" or op == "BMC":
            open_.begin(op, _mark(op, list(operands)))
        elif op == "EMC":
            open_.end(op)
        else:
            open_.paint(op)
            if op == "Do" and operands and xobjects is not None:
                xobj = xobjects.get(str(operands[0]))
                if xobj is not None and xobj.get("/Subtype") == "/Form":
                    _walk(xobj, page, f"{where} > {operands[0]}", stack + open_.local, result, depth + 1, parse)
    if open_.local:
        result.findings.append(Finding(page, where, "BDC",
                                       f"{len(open_.local)} marked-content sequence(s) never closed"))


class _Open:
    """The marked-content sequences open in one content stream, and how many of those around it (its own
    and the enclosing ones) are artifacts and tagged content."""

    def __init__(self, page: int, where: str, depth: int, result: WalkResult, stack: list[_Mark]):
        self.page, self.where, self.depth, self.result = page, where, depth, result
        self.local: list[_Mark] = []
        self.artifacts = sum(m.artifact for m in stack)
        self.tagged = sum(m.mcid is not None for m in stack)
        self.seen = result.mcids[page]

    def _finding(self, op: str, problem: str) -> None:
        self.result.findings.append(Finding(self.page, self.where, op, problem))

    def begin(self, op: str, mark: _Mark) -> None:
        if mark.mcid is not None and self.artifacts:
            self._finding(op, f"MCID {mark.mcid} inside an artifact")
        if mark.artifact and self.tagged:
            self._finding(op, "artifact inside tagged content")
        if mark.mcid is not None:
            if mark.mcid in self.seen and self.depth == 0:
                self._finding(op, f"MCID {mark.mcid} used twice on the page")
            self.seen.append(mark.mcid)
            self.tagged += 1
        self.artifacts += mark.artifact
        self.local.append(mark)

    def end(self, op: str) -> None:
        if not self.local:
            self._finding(op, "EMC without a matching BDC/BMC")
            return
        mark = self.local.pop()
        self.artifacts -= mark.artifact
        self.tagged -= mark.mcid is not None

    def paint(self, op: str) -> None:
        self.result.painted += 1
        if not self.artifacts and not self.tagged:
            self._finding(op, "painted outside tagged content and artifacts")


_INTERESTING = PAINTING | {"BDC", "BMC", "EMC"}
_INLINE_IMAGE = re.compile(rb"(?:^|\s)BI\s")


def _raw(holder: Holder) -> bytes:
    if isinstance(holder, pikepdf.Stream):
        return holder.read_bytes()
    contents = holder.get("/Contents")
    if contents is None:
        return b""
    if isinstance(contents, pikepdf.Array):
        return b"\n".join(part.read_bytes() for part in contents)
    return contents.read_bytes()


_OPERATORS = " ".join(sorted(_INTERESTING - {"INLINE IMAGE"}))  # filtered by qpdf, in C++
WALKER_OPERATORS = frozenset(_OPERATORS.split())
