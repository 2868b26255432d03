"""Inline text: a small Markdown dialect parsed with markdown-it-py.

**strong**, *emphasis*, [text](https://… "what the link is"), citations {cite}`1,2`, and a phrase in
another language [bonjour]{lang=fr}, footnote markers {note}`*`. Everything else is plain text.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from markdown_it import MarkdownIt
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
    children = tokens[0].children or [] if tokens else []
    out: list[Inline] = []
    strong = emphasis = 0
    langs: list[str | None] = []
    dirs: list[str | None] = []
    link_stack: list[tuple[str, str, list[Inline]]] = []

    def emit(node: Inline) -> None:
        (link_stack[-1][2] if link_stack else out).append(node)

    for tok in children:
        kind = tok.type
        if kind == "text" or kind == "softbreak":
            content = tok.content if kind == "text" else " "
            _check_stray_markers(content, where, problems)
            if content:
                emit(Text(content, strong > 0, emphasis > 0, next((l for l in reversed(langs) if l), None),
                          next((d for d in reversed(dirs) if d), None)))
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis -= 1
        elif kind == "span_open":
            langs.append(tok.attrs.get("lang"))  # type: ignore[arg-type]
            direction = tok.attrs.get("dir")
            if direction not in (None, "ltr", "rtl", "auto"):
                problems.append(Problem(where, f"dir={direction} is not a direction",
                                        "write {dir=rtl}, {dir=ltr} or {dir=auto}"))
            dirs.append(direction if direction in ("ltr", "rtl") else None)
        elif kind == "span_close":
            langs.pop()
            dirs.pop()
        elif kind == "link_open":
            link_stack.append((str(tok.attrs.get("href", "")), str(tok.attrs.get("title", "") or ""), []))
        elif kind == "link_close":
            href, title, runs = link_stack.pop()
            label = "".join(r.text for r in runs)
            description = title or f"{label} ({_host(href)})"
            emit(Link(href, tuple(runs), description, where))
        elif kind == "myst_role":
            name = tok.meta.get("name")
            if name == "note":
                marker = tok.content.strip()
                if not _MARKER.match(marker):
                    problems.append(Problem(where, f"footnote marker '{marker}' is not *, †, ‡, § or a number",
                                            "write {note}`*`, {note}`†`, {note}`‡`, {note}`§` or {note}`1`"))
                else:
                    emit(NoteRef(marker, note_id(scope, marker), where))
                continue
            if name != "cite":
                problems.append(Problem(where, f"unknown inline role '{{{name}}}'",
                                        "use {cite}`1,2` for citations or {note}`*` for footnote markers"))
                continue
            numbers = _citation_numbers(tok.content, where, problems)
            if numbers:
                emit(Citation(numbers, where))
        else:
            emit(Text(tok.content, strong > 0, emphasis > 0))
    return tuple(out)


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
