"""What a screen reader will announce, in order, from the structure tree — one line per block.

Each block element (heading, paragraph, list item, figure, cell, …) gives a line, started by its role
when a screen reader says one: "heading level 2: …", "list of 5 items", "list item: …", "figure: <alt>".
Inline elements stay in their block's line, in brackets: "[link: …]", "[reference, link: …]"; a Reference
whose link goes to a Note (a footnote marker) is "[note, link: …]" — where the link lands is found from its
destination: a structure destination (/SD), else the text at the destination's place on its page.
/Alt (and /ActualText) replace an element's own text, as they do for assistive technology. A change of
language is said where it happens: "(in French) bonjour (in English)" inline, "(in French) …" before a
block's line. The text of each marked-content sequence is read with PDFium (a second reader, not the
one that wrote the file); where a line ends without a space, the two lines still read as two words.
A Link is announced only when it holds a link annotation, and is read by its visible text. Where a link
lands is link_landing.py's, a form field's name form_fields.py's, PDFium's text pdfium_text.py's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Union

import pikepdf

from .document import Doc, text
from .form_fields import form_line
from .link_landing import Landing, is_in_note
from .structure_tree import ContentRef, Element
from .text_boxes import Box, mcid_pieces, starts_new_line, upright

NOTE_REFERENCE = "Reference to a Note"  # not a role: a Reference whose link lands on a Note
# roles a screen reader announces inline, and what it says
INLINE_ANNOUNCED = {"Link": "link", "Reference": "reference", NOTE_REFERENCE: "note"}
INLINE = {"Span", "Quote", "Code", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Annot", "BibEntry"} \
    | set(INLINE_ANNOUNCED)
# roles that are blocks only when they hold blocks (an LBody with paragraphs; an Lbl is always text)
NEUTRAL = {"LBody", "Lbl", "NonStruct", "Private", "Form"}
FIGURES = {"Figure": "figure", "Formula": "formula"}
# roles that always make their own line(s)
BLOCKS = {"Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "P", "H",
          "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
          "Note", "Figure", "Formula"}
BLOCK_PREFIX = {"LI": "list item", "TH": "header cell", "TD": "cell", "Note": "note", "BlockQuote": "quote",
                "Caption": None, "TOCI": None}

LANGUAGES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "eu": "Basque",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "la": "Latin", "lt": "Lithuanian", "lv": "Latvian", "nb": "Norwegian",
    "nl": "Dutch", "nn": "Norwegian", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "th": "Thai",
    "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}


class SpeechUnavailable(RuntimeError):
    """espeak-ng is not installed (or failed)."""


def language_name(tag: str) -> str:
    primary = tag.split("-")[0].lower()
    return LANGUAGES.get(primary, f"language {tag}")


def _primary(tag: str | None) -> str | None:
    return tag.split("-")[0].lower() if tag else None


@dataclass
class _Line:
    """A finished line of a block; plain strings are inline text still to be joined into one."""

    text: str


Piece = Union[str, _Line]


# For speech (tagprint.commands.speech), a change of language is marked instead of said: OPEN tag CLOSE, where the
# voice changes. Private-use characters: never whitespace, never in a PDF's text we announce.
LANG_OPEN, LANG_CLOSE = "\ue000", "\ue001"


class _Reader:
    def __init__(self, doc: Doc, marks: bool = False):
        self.doc = doc
        self.pieces = upright(mcid_pieces(doc))
        self.last_box: Box | None = None  # where the last text read sits: a line break there is a word break
        self.hyphenated = False  # the last text read ends a line with an artifact hyphen: the word goes on
        self.marks = marks   # mark language changes for a voice instead of saying them
        self._landing: Landing | None = None
        self.unreadable = 0  # marked-content pieces whose text has no Unicode (control characters)
        self.no_unicode = _without_unicode(doc)  # (page, MCID) whose text uses a font with no Unicode mapping
        self._headers: dict[int, list[Element]] | None = None  # TD → the header cells that apply to it
        self._note_labels: set[str] | None = None

    def content(self, kid: ContentRef) -> str:
        out = ""
        key = (kid.page or 0, kid.mcid)  # page 0: no page, no text
        for piece in self.pieces.get(key, []):
            said = piece.text
            if _unreadable(said) or key in self.no_unicode:
                # no Unicode for the glyphs (no /ToUnicode): what PDFium gives is glyph ids as control
                # characters, which a screen reader spells out or skips; say so instead
                self.unreadable += 1
                said = UNREADABLE if not out.endswith(UNREADABLE) else ""
            if said and not said[0].isspace() and starts_new_line(self.last_box, piece.box) \
                    and not self.hyphenated:
                out += " "
            out += said
            if said.strip():
                self.last_box = piece.box
                self.hyphenated = piece.hyphenated
        return out

    # an element's rendering: inline strings and whole lines, in order
    def render(self, e: Element, lang: str | None) -> list[Piece]:
        own = (e.lang or "").strip() or None
        changed = own is not None and lang is not None and _primary(own) != _primary(lang)
        inner_lang = own or lang
        role = self._role(e)
        if role == "Form":
            return [_Line(self._lang_prefix(changed, own) + form_line(e))]
        if role in FIGURES:
            return self._figure(e, role, changed, own, inner_lang)
        pieces = self._pieces(e, (e.std or e.role) == "Link", inner_lang)
        has_lines = any(isinstance(p, _Line) for p in pieces)
        # unknown (unmapped) roles are inline unless they hold blocks, like the neutral ones
        if role in INLINE or (not has_lines and (role in NEUTRAL or role not in BLOCKS)):
            return [self._inline(role, pieces, changed, own, lang)]
        return self._block(e, role, pieces, changed, own)

    def _role(self, e: Element) -> str:
        """The role a screen reader reads the element as."""
        role = e.std or e.role
        if role == "Link" and not _has_link_annotation(e):
            return "Span"  # a Link with no link annotation (a printed address): nothing to follow, read as text
        if role == "Reference" and self._goes_to_a_note(e):
            return NOTE_REFERENCE
        return role

    def _figure(self, e: Element, role: str, changed: bool, own: str | None, inner_lang: str | None) -> list[Piece]:
        words = " ".join(((e.alt or "").strip() or (e.actual_text or "").strip()).split())
        line = FIGURES[role] + (f": {words}" if words else "")
        pieces: list[Piece] = [_Line(self._lang_prefix(changed, own) + line)]
        for kid in e.elements:  # the alt text stands for the picture; a caption is read after it
            if (kid.std or kid.role) == "Caption":
                pieces += self.render(kid, inner_lang)
        return pieces

    def _pieces(self, e: Element, link: bool, inner_lang: str | None) -> list[Piece]:
        """What the element says: its replacement text, else its kids' pieces in order."""
        # a link is read by its visible text, as screen readers do; its /Alt only when it shows none
        replacement = e.actual_text if e.actual_text is not None else None if link else e.alt
        if replacement is not None and replacement.strip():
            return [replacement]
        pieces: list[Piece] = []
        for kid in e.kids:
            if isinstance(kid, Element):
                pieces += self.render(kid, inner_lang)
            elif isinstance(kid, ContentRef):
                pieces.append(self.content(kid))
        # nothing visible (a figure inside it is read by its alt text): its /Alt, else the annotation's /Contents
        if link and not _has_text(pieces) and not any(isinstance(p, _Line) for p in pieces):
            said = [(e.alt or "").strip()] + [(text(k.obj.get("/Contents")) or "").strip()
                                               for k in e.objects if k.obj is not None]
            pieces.append(next((s for s in said if s), ""))
        return pieces

    def _inline(self, role: str, pieces: list[Piece], changed: bool, own: str | None, outer: str | None) -> str:
        joined = "".join(p if isinstance(p, str) else p.text for p in pieces)
        said = INLINE_ANNOUNCED.get(role)
        if not said and not changed:
            # plain inline text keeps its own spacing (a Span may sit inside a word); a label and the
            # item's body are read as two words
            return f" {joined} " if role in ("Lbl", "LBody") else joined
        inner = _squash(joined)
        if said:
            if inner.startswith("[") and inner.endswith("]") and inner.count("[") == 1 and inner != UNREADABLE:
                inner = f"[{said}, {inner[1:]}"
            else:
                inner = f"[{said}: {inner}]" if inner else f"[{said}]"
        if changed and inner:
            inner = (f"{self._lang_prefix(True, own)}{inner}{self._lang_prefix(True, outer)}" if self.marks
                     else f"(in {language_name(own or '')}) {inner} (in {language_name(outer or '')})")
        return " " + inner if said or changed else inner

    def _block(self, e: Element, role: str, pieces: list[Piece], changed: bool, own: str | None) -> list[Piece]:
        lines = _lines(pieces)
        if role == "TD":  # a cell is read with its headers, as a screen reader does: "Dose, 80 mg"
            heads = ", ".join(h for h in (self._header_text(th) for th in self._cell_headers(e)) if h)
            if heads:
                lines[:1] = [f"{heads}, {lines[0]}" if lines else heads]
        prefix = self._prefix(e, role)
        if prefix is not None:
            _announce(lines, pieces, prefix, role)
        if changed and lines:
            for i in range(len(lines) if self.marks else 1):  # a voice is set again on each line
                lines[i] = self._lang_prefix(True, own) + lines[i]
        return [_Line(line) for line in lines]

    def _prefix(self, e: Element, role: str) -> str | None:
        if role in ("H1", "H2", "H3", "H4", "H5", "H6"):
            return f"heading level {role[1]}"
        if role == "H":
            return "heading"
        if role == "L":
            n = sum(1 for k in e.elements if (k.std or k.role) == "LI")
            return f"list of {n} item{'s' if n != 1 else ''}"
        if role == "Table":
            n = sum(1 for k in e.walk() if (k.std or k.role) == "TR")
            return f"table with {n} row{'s' if n != 1 else ''}"
        return BLOCK_PREFIX.get(role)

    def _goes_to_a_note(self, reference: Element) -> bool:
        links = [k for k in reference.walk() if (k.std or k.role) == "Link"]
        annotations = [o.obj for link in links for o in link.objects if isinstance(o.obj, pikepdf.Dictionary)]
        if not annotations:
            # a print file has no links: a marker made of symbols (*, †, ‡) that starts a Note is that
            # note's marker; numbers stay references (they may cite the reference list)
            marker = self._plain_text(reference)
            return bool(marker) and not any(c.isalnum() for c in marker) \
                and any(note.startswith(marker) for note in self._notes())
        if self._landing is None:
            self._landing = Landing(self.doc, self.pieces)
        return all(is_in_note(self._landing.target(a)) for a in annotations)

    def _plain_text(self, e: Element) -> str:
        """The element's text, squashed, without moving the reading position."""
        said = []
        for kid in e.kids:
            if isinstance(kid, Element):
                said.append(self._plain_text(kid))
            elif isinstance(kid, ContentRef):
                key = (kid.page or 0, kid.mcid)  # page 0: no page, no text
                text_ = "".join(piece.text for piece in self.pieces.get(key, []))
                said.append(UNREADABLE if key in self.no_unicode or _unreadable(text_) else text_)
        return _squash("".join(said))

    def _notes(self) -> set[str]:
        """The text of each Note (its label first)."""
        if self._note_labels is None:
            tree = self.doc.tree
            self._note_labels = {self._plain_text(e) for e in (tree.walk() if tree else [])
                                 if (e.std or e.role) == "Note"}
        return self._note_labels

    def _cell_headers(self, cell: Element) -> list[Element]:
        if self._headers is None:
            from .checks.tables import applicable_headers
            tree = self.doc.tree
            self._headers = {}
            for table in (tree.walk() if tree else []):
                if table.std == "Table":
                    self._headers.update(applicable_headers(table))
        return self._headers.get(id(cell), [])

    def _header_text(self, th: Element) -> str:
        return _squash((th.alt or "").strip() or (th.actual_text or "").strip() or self._plain_text(th))

    def _lang_prefix(self, changed: bool, own: str | None) -> str:
        if not changed:
            return ""
        return f"{LANG_OPEN}{own or ''}{LANG_CLOSE}" if self.marks else f"(in {language_name(own or '')}) "


def _has_link_annotation(e: Element) -> bool:
    return any(isinstance(k.obj, pikepdf.Dictionary) and k.obj.get("/Subtype") == pikepdf.Name.Link
               for k in e.objects)


def _has_text(pieces: list[Piece]) -> bool:
    return any(isinstance(p, str) and p.strip() for p in pieces)


def _squash(s: str) -> str:
    return " ".join(s.split())


UNREADABLE = "[unreadable text]"
REPEATED_UNREADABLE = re.compile(r"\[unreadable text\](?:\s*\[unreadable text\])+")
# what a line starts with when it announces a structure of its own (a nested list, a table, a figure)
ANNOUNCING = ("list of ", "table with ", "figure", "formula", "heading", "form field", "note", "quote")


def _unreadable(said: str) -> bool:
    """Text that is glyph ids, not characters: control characters other than white space (what PDFium
    returns for a font without /ToUnicode), or U+FFFD."""
    return any((ord(c) < 32 and c not in "\t\n\r") or 0x7F <= ord(c) < 0xA0 or c == "\ufffd" for c in said)


def _without_unicode(doc: Doc) -> set[tuple[int, int]]:
    """The marked-content sequences (page, MCID) that show text with a font that maps its codes to no
    Unicode (no /ToUnicode and no standard encoding): what PDFium reads there is glyph ids, not text."""
    from .checks.fonts import _standard_unicode
    from .mcid_paint import page_paint

    out: set[tuple[int, int]] = set()
    paint = page_paint(doc)
    for number, page in enumerate(doc.pages, start=1):
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(fonts, pikepdf.Dictionary) or number not in paint:
            continue
        blind = {name for name, font in fonts.items() if isinstance(font, pikepdf.Dictionary)
                 and not isinstance(font.get("/ToUnicode"), pikepdf.Stream) and not _standard_unicode(font)}
        out.update((number, mcid) for mcid, used in paint[number].fonts.items() if used & blind)
    return out


def _lines(pieces: list[Piece]) -> list[str]:
    """A block's pieces as lines: inline strings joined (and squashed) between the whole lines."""
    lines: list[str] = []
    buffer = ""
    for p in pieces:
        if isinstance(p, _Line):
            if _squash(buffer):
                lines.append(_squash(buffer))
            buffer = ""
            lines.append(p.text)
        else:
            buffer += p
    if _squash(buffer):
        lines.append(_squash(buffer))
    return lines


def _announce(lines: list[str], pieces: list[Piece], prefix: str, role: str) -> None:
    """Puts a block's announcement ("list item", "heading level 2", "list of 3 items") before its lines."""
    first = next((p for p in pieces if isinstance(p, _Line) or p.strip()), None)
    if role not in ("L", "Table") and lines and (isinstance(first, str) or not _announces(lines[0])):
        # the item's (or cell's) first line, even when its body is a paragraph of its own
        lines[0] = f"{prefix}: {lines[0]}"
    else:
        lines.insert(0, prefix)
    if role == "LI" and len(lines) > 1 and _is_label(lines[0].split(": ", 1)[-1]) and not _announces(lines[1]):
        lines[0:2] = [f"{lines[0]} {lines[1]}"]  # a bullet, then its text in a block: one line


def _announces(line: str) -> bool:
    return line.startswith(ANNOUNCING)


def _is_label(said: str) -> bool:
    """A list item's label alone: a bullet or a short number or letter ("•", "–", "3.", "b)", "iv.")."""
    said = said.strip()
    return 0 < len(said) <= 4 and (not any(c.isalpha() for c in said)
                                   or re.fullmatch(r"(?:[A-Za-z]|[ivxIVX]{1,3})[.)]", said) is not None)


def read_doc(doc: Doc, marks: bool = False) -> list[str]:
    """The announcements, line by line; `marks`: language changes as LANG_OPEN tag LANG_CLOSE marks."""
    return read_doc_counting(doc, marks)[0]


def read_doc_counting(doc: Doc, marks: bool = False) -> tuple[list[str], int]:
    """The announcements, and how many pieces of text were unreadable (no Unicode for their glyphs)."""
    tree = doc.tree
    if tree is None:
        return [], 0
    reader = _Reader(doc, marks)
    base = text(doc.root.get("/Lang"))
    lines: list[str] = []
    for top in tree.top:
        for piece in reader.render(top, base):
            line = piece.text if isinstance(piece, _Line) else _squash(piece)
            line = REPEATED_UNREADABLE.sub(UNREADABLE, line)
            if line:
                lines.append(line)
    return lines, reader.unreadable


def speak(lines: list[str], wav_path: Path | str, voice: str | None = None) -> Path:
    """Writes the lines as speech to `wav_path` with espeak-ng; SpeechUnavailable when it is missing."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise SpeechUnavailable("espeak-ng is not installed, so nothing can be spoken "
                                "(Debian/Ubuntu: sudo apt-get install espeak-ng); the text lines are still "
                                "available without --speak")
    wav = Path(wav_path)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write("\n".join(lines) + "\n")
        script = Path(fh.name)
    try:
        command = [exe, "-w", str(wav), "-f", str(script)] + (["-v", voice] if voice else [])
        run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    finally:
        script.unlink(missing_ok=True)
    if run.returncode != 0:
        raise SpeechUnavailable(f"espeak-ng failed ({run.returncode}): {run.stderr.strip()}")
    return wav
