"""What changed between two versions of a document, read from the semantic model (not from PDF bytes):
text word by word in reading order (with the block and page), figures and their alt texts, references.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from typing import Callable

from ..layout.items import PageLayout, PictureBox, TextLine
from ..model import (Artwork, BLOCK_CLASSES, BoxedWarning, CallToAction, Callout, Cards, Chart, Document, Figure,
                     Heading, ListBlock, MaterialId, Notes, PageBreak, Paragraph, Photo, QrCode, References, Safety,
                     Spacer, Table)
from ..model.inline import Citation, Inline
from ..model.walk import walk


@dataclass(frozen=True)
class UnitKind:
    """How the diff names the text of one block class: its inline text (`text_runs()`), its plain labels
    (`labels()`: a title, a button's text) and, for a block that shows a document field, that field."""

    text: str
    label: str = ""
    apart: bool = False                                   # its runs are compared apart (the references)
    shows: Callable[[Document], str] | None = None        # a document field the block shows


FOOTNOTE = "footnote"   # the notes of any block (a table's, a notes block's), each with its marker
KINDS: dict[type, UnitKind] = {
    Heading: UnitKind("heading"), Paragraph: UnitKind("paragraph"), ListBlock: UnitKind("list item"),
    Figure: UnitKind("caption"), Callout: UnitKind("callout"), CallToAction: UnitKind("button", "button"),
    References: UnitKind("reference", "references title", apart=True),
    Safety: UnitKind("safety information", "safety title"), MaterialId: UnitKind("material id", shows=lambda d: d.job_code),
    Cards: UnitKind("card"), Spacer: UnitKind("spacer"), PageBreak: UnitKind("page break"),
    Table: UnitKind("table"), Notes: UnitKind(FOOTNOTE),
    BoxedWarning: UnitKind("boxed warning", "boxed warning title"),
    Chart: UnitKind("chart source", "chart"), QrCode: UnitKind("QR code caption", "QR code"),
}
assert set(KINDS) <= set(BLOCK_CLASSES), "a kind of diff unit for a class that is no block"


def kind_of(cls: type) -> UnitKind:
    """How the diff names a block class's text: as `KINDS` says, else after the class ("Quote": "quote")."""
    return KINDS.get(cls) or UnitKind(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", cls.__name__).lower())


@dataclass(frozen=True)
class Unit:
    """A piece of text a reader meets as one: a heading, a paragraph, a list item, a caption."""

    block: str      # the YAML path of the block, e.g. clues[1]
    kind: str
    text: str
    pages: tuple[int, ...]
    place: str = ""  # in the reader's words: "list item 2 under “Where does your patient’s RA fall?”"


@dataclass(frozen=True)
class TextChange:
    block: str
    kind: str
    pages: tuple[int, ...]
    deleted: str
    inserted: str
    before: str     # a few words of context before the change (in the newer text)
    place: str = ""

    def describe(self) -> str:
        where = f"page {', '.join(map(str, self.pages))}, " if self.pages else ""
        parts = []
        if self.deleted:
            parts.append(f"deleted “{self.deleted}”")
        if self.inserted:
            parts.append(f"inserted “{self.inserted}”")
        context = f" after “…{self.before}”" if self.before else " at the start"
        place = self.place or f"the {self.kind}"
        return f"{where}{place}: {' and '.join(parts)}{context}"


@dataclass(frozen=True)
class FigureInfo:
    block: str
    source: str                       # "photo images/x.jpg" or "illustration spectrum"
    content: str                      # hash of the photo's bytes, or the illustration's parameters
    params: dict = field(default_factory=dict)
    alt: str = ""
    decorative: bool = False
    pages: tuple[int, ...] = ()
    place: str = ""                   # in the reader's words: "the figure under “RA exists along a spectrum”"


@dataclass(frozen=True)
class Change:
    """A changed figure or reference, in words."""

    what: str
    pages: tuple[int, ...] = ()
    block: str = ""                   # the YAML path of the figure it is about (none for a reference)

    def describe(self) -> str:
        return (f"page {', '.join(map(str, self.pages))}, " if self.pages else "") + self.what


def _runs_text(runs: tuple[Inline, ...]) -> str:
    """Inline text as read: citations in brackets ("[1,2]"), footnote markers and link texts as shown."""
    return " ".join("".join(f"[{run.text}]" if isinstance(run, Citation) else run.text for run in runs).split())


def block_pages(pages: list[PageLayout]) -> dict[str, tuple[int, ...]]:
    """YAML path of each block → the pages it is set on."""
    found: dict[str, set[int]] = {}
    for page in pages:
        for item in page.items:
            path = None
            if isinstance(item, TextLine) and item.where is not None:
                path = item.where.path
            elif isinstance(item, PictureBox):
                path = item.figure.where.path
            if path:
                found.setdefault(path, set()).add(page.number)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def _pages(path: str, pages: dict[str, tuple[int, ...]]) -> tuple[int, ...]:
    if path in pages:
        return pages[path]
    parents = [p for p in pages if path.startswith(p + ".") or path.startswith(p + "[")]  # nested: its block's
    return pages[max(parents, key=len)] if parents else ()


def units(document: Document, pages: dict[str, tuple[int, ...]]) -> list[Unit]:
    """The document's text as the diff compares it, in reading order, read through each block's
    `text_runs()`, `labels()` and `footnotes()` (a table's cells and notes too), named by `KINDS`."""
    out: list[Unit] = []

    named = places(document)

    def add(path: str, kind: str, text: str) -> None:
        if text.strip():
            out.append(Unit(path, kind, text, _pages(path, pages), place_of(named, path)))

    for section in document.sections():
        for block in walk(section.blocks):
            kind, path = kind_of(type(block)), block.where.path
            notes = {id(note.where): note for note in block.footnotes()}
            for runs, where in block.text_runs():
                note = notes.get(id(where))
                if note is not None:
                    add(where.path or path, FOOTNOTE, f"{note.marker} {_runs_text(runs)}")
                elif not kind.apart:
                    add((where.path or path).removesuffix(".text"), kind.text, _runs_text(runs))
            for text, where in block.labels():
                if id(where) not in notes:  # a note's marker is read with its note
                    add(where.path or path, kind.label or kind.text, text)
            if kind.shows:
                add(path, kind.text, kind.shows(document))
    return out


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def plural(count: int, word: str, many: str = "") -> str:
    """“1 text change”, “3 text changes”: a count with its noun in the right number."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def first_words(text: str, count: int = 6) -> str:
    """The first few words of a text, as a reader would quote them to find it: “If your patient has tried…”."""
    found = text.split()
    return " ".join(found[:count]) + ("…" if len(found) > count else "")


def places(document: Document) -> dict[str, str]:
    """YAML path → where it is in the reader's words: the section heading it is under, a table's caption
    with the row's and the column's headers, a figure's caption, a reference's number, a button's text."""
    out: dict[str, str] = {}
    heading = ""
    for section in document.sections():
        for block in walk(section.blocks):
            kind = kind_of(type(block))
            path = block.where.path
            if isinstance(block, Heading):
                heading = _short(_runs_text(block.runs))
                out[path] = f"the heading “{heading}”"
                continue
            under = f" under “{heading}”" if heading else ""
            runs = [r for r, _ in block.text_runs()]
            first = first_words(_runs_text(runs[0])) if runs and not kind.apart else ""
            out[path] = f"the {kind.text} “{first}”" if first else f"the {kind.text}{under}"
            if isinstance(block, Table):
                out.update(_table_places(block, under))
            elif isinstance(block, ListBlock):
                for number, (item, where) in enumerate(block.text_runs(), start=1):
                    out[where.path] = f"list item {number} “{first_words(_runs_text(item))}”{under}"
            elif isinstance(block, Figure):
                caption = _short(_runs_text(block.caption)) if block.caption else ""
                out[path] = f"the caption of figure “{caption}”" if caption else f"the figure{under}"
            elif isinstance(block, References):
                for entry in block.entries:
                    out[entry.where.path] = f"reference {entry.number}"
            elif isinstance(block, CallToAction):
                out[path] = f"the button “{_short(block.text)}”{under}"
            for note in block.footnotes():
                out.setdefault(note.where.path, f"note {note.marker}{under}")
    return out


def _table_places(block: Table, under: str) -> dict[str, str]:
    """A table's places: its caption, each cell by its row's and its column's header, each note."""
    out: dict[str, str] = {}
    caption = _short(_runs_text(block.caption)) if block.caption else ""
    table = f"table “{caption}”" if caption else f"the table{under}"
    out[block.where.path] = f"the caption of {table}" if caption else table
    headers = [_short(_runs_text(c.runs), 40) for c in block.head[-1].cells] if block.head else []
    for row in block.rows():
        name = _short(_runs_text(row.cells[0].runs), 40) if row.cells else ""
        for cell in row.cells:
            column = headers[cell.column] if cell.column < len(headers) else f"column {cell.column + 1}"
            out[cell.where.path] = f"{table}, row “{name}”, column “{column}”"
    for note in block.notes:
        out[note.where.path] = f"note {note.marker} of {table}"
    return out


def place_of(named: dict[str, str], path: str) -> str:
    """The reader's words for a path, or for the nearest block that holds it."""
    for candidate in (path, path.removesuffix(".text")):
        if candidate in named:
            return named[candidate]
    parents = [p for p in named if path.startswith(p + ".") or path.startswith(p + "[")]
    return named[max(parents, key=len)] if parents else ""


def text_changes(old: list[Unit], new: list[Unit]) -> list[TextChange]:
    """Every inserted and deleted run of words, in reading order, with the block it is in."""
    a = [(w, i) for i, u in enumerate(old) for w in u.text.split()]
    b = [(w, i) for i, u in enumerate(new) for w in u.text.split()]
    matcher = difflib.SequenceMatcher(None, [w for w, _ in a], [w for w, _ in b], autojunk=False)
    out: list[TextChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        unit = new[b[j1][1]] if j1 < j2 else old[a[i1][1]]  # where the new words are, else where words went
        before = [w for w, k in b[max(0, j1 - 4):j1] if new[k].block == unit.block]
        out.append(TextChange(unit.block, unit.kind, unit.pages, " ".join(w for w, _ in a[i1:i2]),
                              " ".join(w for w, _ in b[j1:j2]), " ".join(before), unit.place))
    return out


def _params(params) -> dict:
    if dataclasses.is_dataclass(params) and not isinstance(params, type):
        return dataclasses.asdict(params)
    return dict(params) if isinstance(params, dict) else {"value": params}


def figures(document: Document, root: Path, pages: dict[str, tuple[int, ...]]) -> dict[str, FigureInfo]:
    out: dict[str, FigureInfo] = {}
    named = places(document)
    for section in document.sections():
        for block in walk(section.blocks):
            if not isinstance(block, Figure):
                continue
            path = block.where.path
            if isinstance(block.source, (Photo, Artwork)):
                file = root / block.source.path
                digest = hashlib.sha256(file.read_bytes()).hexdigest() if file.is_file() else "missing"
                what = "artwork" if isinstance(block.source, Artwork) else "photo"
                info = FigureInfo(path, f"{what} {block.source.path}", digest, {}, block.alt, block.decorative,
                                  _pages(path, pages))
            else:
                params = _params(block.source.params)
                info = FigureInfo(path, f"illustration {block.source.name}", repr(sorted(params.items())), params,
                                  block.alt, block.decorative, _pages(path, pages))
            out[path] = dataclasses.replace(info, place=place_of(named, path) or "a figure")
    return out


def _what_changed(a: FigureInfo, b: FigureInfo) -> list[str]:
    """How a figure's picture changed: another source, other parameters, or the file's content."""
    if a.source != b.source:
        return [f"now {b.source} instead of {a.source}"]
    if a.content == b.content:
        return []
    if b.params or a.params:
        return [f"parameter {key} {a.params.get(key)!r} → {b.params.get(key)!r}"
                for key in sorted(set(a.params) | set(b.params)) if a.params.get(key) != b.params.get(key)]
    return ["the picture file's content changed"]


def figure_changes(old: dict[str, FigureInfo], new: dict[str, FigureInfo]) -> list[Change]:
    out: list[Change] = []
    for path in list(new) + [p for p in old if p not in new]:
        a, b = old.get(path), new.get(path)
        if b is not None and a is None:
            out.append(Change(f"{b.place}: figure added ({b.source}), alt text “{b.alt}”", b.pages, path))
            continue
        if a is None or b is None:  # a path of old only (each path is in old or new)
            if a is not None:
                out.append(Change(f"{a.place}: figure removed ({a.source})", a.pages, path))
            continue
        parts = _what_changed(a, b)
        if a.decorative != b.decorative:
            parts.append("now decorative" if b.decorative else "no longer decorative")
        if a.alt != b.alt:
            parts.append(f"alt text “{a.alt}” → “{b.alt}”")
        elif a.content != b.content and b.alt and not b.decorative:
            parts.append(f"warning: its alt text “{_short(b.alt, 80)}” stayed the same although the figure "
                         f"changed — check that it still describes the figure")
        if parts:
            out.append(Change(f"{b.place} ({b.source}): " + "; ".join(parts), b.pages or a.pages, path))
    return out


def references(document: Document, pages: dict[str, tuple[int, ...]]) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Reference number → its text and the pages it is set on."""
    out: dict[int, tuple[str, tuple[int, ...]]] = {}
    for section in document.sections():
        for block in walk(section.blocks):
            if isinstance(block, References):
                for entry in block.entries:
                    out[entry.number] = (_runs_text(entry.runs), _pages(entry.where.path, pages))
    return out


def reference_changes(old: dict[int, tuple[str, tuple]], new: dict[int, tuple[str, tuple]]) -> list[Change]:
    out: list[Change] = []
    for number in sorted(set(old) | set(new)):
        a, b = old.get(number), new.get(number)
        if a is not None and b is not None and a[0] == b[0]:
            continue
        if b is not None and a is None:
            out.append(Change(f"reference {number} added: “{b[0]}”", b[1]))
        elif a is not None and b is None:
            out.append(Change(f"reference {number} removed: “{a[0]}”", a[1]))
        elif a is not None and b is not None:
            out.append(Change(f"reference {number} changed: “{a[0]}” → “{b[0]}”", b[1]))
    return out


def heading_lines(document: Document, pages: list[PageLayout]) -> dict[str, list[str]]:
    """Each heading's lines as set: its YAML path → the text of each of its lines, in order."""
    headings = {b.where.path for s in document.sections() for b in walk(s.blocks) if isinstance(b, Heading)}
    out: dict[str, list[str]] = {}
    for page in pages:
        for item in page.items:
            if not isinstance(item, TextLine):
                continue
            path = (getattr(item.where, "path", "") or "").removesuffix(".text")
            if path in headings:
                out.setdefault(path, []).append("".join(s.text for f in item.fragments for s in f.segments))
    return out


SHORT_WORD = 7   # a heading line holding only a word this short (letters) reads as a stray ("with", "and")


@dataclass(frozen=True)
class LineChange(Change):
    """A layout effect of a change: a heading line of the newer version left holding one word."""

    line: int = 0                     # which of the heading's lines (0-based)


def lone_words(lines: list[str]) -> list[tuple[int, str]]:
    """The lines of a heading set on more than one line that hold a single word, (index, word): any word alone on
    the last line (a runt), a short one (SHORT_WORD letters at most) alone on any other line ("with" left between
    two full lines)."""
    out: list[tuple[int, str]] = []
    for index, line in enumerate(lines if len(lines) > 1 else []):
        found = line.split()
        if len(found) == 1 and (index == len(lines) - 1 or len(found[0].strip(".,:;!?’”“‘")) <= SHORT_WORD):
            out.append((index, found[0]))
    return out


def _line_words(index: int, count: int, before: int) -> str:
    """Which line, in words: “its last line”, “line 2 of 3”, with the change in line count if there is one."""
    where = "its last line" if index == count - 1 else f"line {index + 1} of {count}"
    return where + (f" (it took {plural(before, 'line')} before)" if before and before != count else "")


def new_runts(old: Document, old_pages: list[PageLayout], new: Document, new_pages: list[PageLayout]
              ) -> list[LineChange]:
    """Heading lines the newer version leaves holding one word where the older version's heading had no such line
    (see `lone_words`): a change that reflowed a heading, for the reviewer to reword or break by hand."""
    before, after = heading_lines(old, old_pages), heading_lines(new, new_pages)
    named, pages = places(new), block_pages(new_pages)
    out: list[LineChange] = []
    for path, lines in after.items():
        if lone_words(before.get(path, [])):
            continue
        for index, word in lone_words(lines):
            out.append(LineChange(f"{place_of(named, path) or 'a heading'} now leaves “{word}” alone on "
                                  f"{_line_words(index, len(lines), len(before.get(path, [])))}: reword it or "
                                  f"break the line by hand", _pages(path, pages), path, index))
    return out
