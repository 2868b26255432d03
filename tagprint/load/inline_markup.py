"""Inline text: a small Markdown dialect parsed with markdown-it-py.

**strong**, *emphasis*, [text](https://… "what the link is"), citations {cite}`1,2`, and a phrase in
another language [bonjour]{lang=fr}, footnote markers {note}`*`. Everything else is plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlparse

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from ..errors import Problem, Where
from ..model.inline import Citation, Inline, Link, NoteRef, Text
from ..model.notes import note_id

_MD = MarkdownIt("commonmark", {"linkify": False}).use(myst_role_plugin).use(attrs_plugin, spans=True)
_MD.disable(["image", "html_inline", "backticks", "autolink", "entity", "escape"])
# every link is parsed; validation reports bad schemes with a fix (markdown-it has no option for it: its
# documented way is to replace the method)
_MD.validateLink = lambda url: True  # type: ignore[method-assign]  # replaced on purpose, as markdown-it documents
MAX_RANGE = 100
_MARKER = re.compile(r"^(\*|\u2020|\u2021|\u00a7|[1-9][0-9]?)$")
_FOLDS = re.compile(r"[^\S\u00a0\u202f]+")
_CITE_PART = re.compile(r"^\s*(\d+)\s*(?:[-\u2013]\s*(\d+))?\s*$")


def parse_inline(text: str, where: Where, problems: list[Problem], scope: str = "") -> tuple[Inline, ...]:
    """`scope`: the content id the text belongs to (footnote markers point at notes within it)."""
    text = " ".join(_FOLDS.split(text.strip()))  # YAML folding aside, whitespace is not meaningful; a no-break
    # space (U+00A0, U+202F) is kept: it holds a number to its unit ("12 weeks") on one line
    tokens = _MD.parseInline(text)
    reader = _Reader(where, problems, scope)
    for tok in tokens[0].children or [] if tokens else []:
        reader.read(tok)
    return tuple(reader.out)


@dataclass
class _Reader:
    """The inline runs of one text, read token by token: bold, italic, language and direction spans, and
    links open around the runs inside them."""

    where: Where
    problems: list[Problem]
    scope: str
    out: list[Inline] = field(default_factory=list)
    strong: int = 0
    emphasis: int = 0
    langs: list[str | None] = field(default_factory=list)
    dirs: list[str | None] = field(default_factory=list)
    links: list[tuple[str, str, list[Inline]]] = field(default_factory=list)

    def emit(self, node: Inline) -> None:
        (self.links[-1][2] if self.links else self.out).append(node)

    def read(self, tok: Token) -> None:
        kind = tok.type
        if kind in ("strong_open", "strong_close"):
            self.strong += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            self.emphasis += 1 if kind == "em_open" else -1
        elif kind in ("text", "softbreak"):
            self._text(tok.content if kind == "text" else " ")
        elif kind == "span_open":
            self._span(tok)
        elif kind == "span_close":
            self.langs.pop()
            self.dirs.pop()
        elif kind == "link_open":
            self.links.append((str(tok.attrs.get("href", "")), str(tok.attrs.get("title", "") or ""), []))
        elif kind == "link_close":
            href, title, runs = self.links.pop()
            label = "".join(r.text for r in runs)
            link = Link(href, tuple(runs), "", self.where, titled=bool(title))
            # untitled, a link within the document (#id) is described by its words, another by them and its host
            self.emit(replace(link, description=title or (label if link.internal else f"{label} ({_host(href)})")))
        elif kind == "myst_role":
            self._role(tok)
        else:
            self.emit(Text(tok.content, self.strong > 0, self.emphasis > 0))

    def _text(self, content: str) -> None:
        _check_stray_markers(content, self.where, self.problems)
        if content:
            self.emit(Text(content, self.strong > 0, self.emphasis > 0, next((l for l in reversed(self.langs) if l), None),
                           next((d for d in reversed(self.dirs) if d), None)))

    def _span(self, tok: Token) -> None:
        lang = tok.attrs.get("lang")
        self.langs.append(str(lang) if lang is not None else None)
        direction = tok.attrs.get("dir")
        if direction not in (None, "ltr", "rtl", "auto"):
            self.problems.append(Problem(self.where, f"dir={direction} is not a direction",
                                         "write {dir=rtl}, {dir=ltr} or {dir=auto}"))
        self.dirs.append(direction if direction == "ltr" or direction == "rtl" else None)

    def _role(self, tok: Token) -> None:
        """{note}`*` (a footnote marker) or {cite}`1,2` (citations)."""
        name = tok.meta.get("name")
        if name == "note":
            marker = tok.content.strip()
            if not _MARKER.match(marker):
                self.problems.append(Problem(self.where, f"footnote marker '{marker}' is not *, †, ‡, § or a number",
                                             "write {note}`*`, {note}`†`, {note}`‡`, {note}`§` or {note}`1`"))
            else:
                self.emit(NoteRef(marker, note_id(self.scope, marker), self.where))
        elif name != "cite":
            self.problems.append(Problem(self.where, f"unknown inline role '{{{name}}}'",
                                         "use {cite}`1,2` for citations or {note}`*` for footnote markers"))
        else:
            numbers = _citation_numbers(tok.content, self.where, self.problems)
            if numbers:
                self.emit(Citation(numbers, self.where))


_STRAY_ROLE = re.compile(r"\{(cite|note)\}`?([^\s`]*)`?")
_MARKDOWN_FOOTNOTE = re.compile(r"\[\^([^\]\s]*)\]")
_ROLE_VALUE = {"cite": re.compile(r"^[0-9][0-9,\-\u2013]*"), "note": re.compile(r"^(\*|\u2020|\u2021|\u00a7|[0-9]+)")}


def _check_stray_markers(text: str, where: Where, problems: list[Problem]) -> None:
    """Markers that would be printed literally: a role without its backticks (`{cite}2`, `{cite}` alone,
    `{note}*`) and Markdown footnotes (`[^2]`), which this dialect does not have."""
    for m in _STRAY_ROLE.finditer(text):
        role, rest = m.group(1), m.group(2)
        value = _ROLE_VALUE[role].match(rest)
        shown = f"{{{role}}}`{value.group(0) if value else ('1' if role == 'cite' else '*')}`"
        what = "a citation" if role == "cite" else "a footnote marker"
        problems.append(Problem(where, f"'{m.group(0).rstrip('.,;:)')}' is not {what} (it would be printed as it "
                                       "stands)",
                                f"put the {'reference number(s)' if role == 'cite' else 'marker'} in backticks "
                                f"right after {{{role}}}: {shown}"))
    for m in _MARKDOWN_FOOTNOTE.finditer(text):
        label = m.group(1) or "1"
        problems.append(Problem(where, f"'{m.group(0)}' is a Markdown footnote, which tagprint does not read",
                                f"cite a reference with {{cite}}`{label}`, or mark a note with {{note}}`{label}` "
                                "and give it a notes block"))


def _host(href: str) -> str:
    parsed = urlparse(href)
    return parsed.netloc or parsed.path


def _citation_numbers(spec: str, where: Where, problems: list[Problem]) -> tuple[int, ...]:
    numbers: list[int] = []
    for part in spec.split(","):
        m = _CITE_PART.match(part)
        if not m:
            problems.append(Problem(where, f"citation '{spec}' is not a list of reference numbers",
                                    "write it as {cite}`1,2` or {cite}`3-5`"))
            return ()
        start, end = int(m.group(1)), int(m.group(2) or m.group(1))
        if end < start or end - start > MAX_RANGE or len(numbers) > MAX_RANGE:
            problems.append(Problem(where, f"citation '{spec}' is not a sensible range",
                                    f"cite at most {MAX_RANGE} references, lowest first, e.g. {{cite}}`3-5`"))
            return ()
        numbers.extend(range(start, end + 1))
    return tuple(numbers)
