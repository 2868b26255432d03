"""Lint: the pharma rules a piece must follow before it is built (runs in every build).

Errors stop the document; warnings are printed and the document is still built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import Problem, Where
from ..model import Block, Citation, Document, Link, NoteRef, Text
from ..model.parts import BODY_TEXT, BUTTON, CAPTION, MATERIAL_ID, REFERENCES, SAFETY, SAFETY_ROLES
from ..model.walk import blocks_in_order, inline_runs, walk
from ..print_rules import PRINT_MIN_TEXT_PT
from ..profiles import printed

VAGUE_LINKS = {"click here", "here", "more", "read more", "link", "this link", "learn more", "click", "go"}
FILE_NAME = re.compile(r"^\S+\.(jpe?g|png|gif|svg|tiff?|webp|bmp)$", re.IGNORECASE)
ALT_PREFIX = re.compile(r"^\s*(an?\s+)?(image|picture|photo|graphic|icon)\s+of\b", re.IGNORECASE)
BODY_MIN_PRINT = PRINT_MIN_TEXT_PT


@dataclass
class Lint:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


# Markdown that the parser left as text, so that it prints as typed
_SPACED_LINK = re.compile(r"\[([^\]]+)\]\(([^)]*\s[^)]*)\)")


def _literal_markdown(blocks) -> list[Problem]:
    """A link whose address has a space, and bold that is never closed, print their Markdown literally."""
    out = []
    for b in blocks:
        texts: dict[Where, str] = {}
        for run, where in inline_runs(b):
            if isinstance(run, Text):
                texts[where] = texts.get(where, "") + run.text
        for where, said in texts.items():
            for m in _SPACED_LINK.finditer(said):
                out.append(Problem(where, f"the link '[{m.group(1)}]({m.group(2)})' is printed as it stands: its "
                                          "address has a space", "write the space as %20, or put the address in "
                                                                 f"angle brackets: [{m.group(1)}](<{m.group(2)}>)"))
            if "**" in said:
                out.append(Problem(where, "'**' is printed as two asterisks: the bold text it starts is never "
                                          "closed", "close the bold text with a second '**' (write \\*\\* for "
                                                    "asterisks that are meant)"))
    return out


def lint(document: Document, product: str = "", where: Callable[[tuple], Where] | None = None) -> Lint:
    """`where`: the layout source's places (file:line:col of a YAML path), for problems of the layout as
    a whole; without it they name only the file."""
    out = Lint()
    blocks = list(blocks_in_order(document))
    place = where or (lambda path: Where(document.source, 0, 0, ".".join(path)))
    out.warnings += _material_id_read(document, blocks, place) + _untranslated_words(document, place)
    if product:
        out.errors += _safety_for_product(document, blocks, product, place)
    out.errors.extend(_safety_prominence(document))  # documents and decks alike
    out.warnings += _uncited_references(blocks) + _literal_markdown(blocks) + _unmarked_notes(blocks)
    out.warnings.extend(_placeholders(blocks))
    if printed(document.profiles):
        out.errors += _small_body_text(document, blocks)
    for b in blocks:
        out.errors += _vague_links(b) + _vague_button(b) + _poor_alt_text(b)
    return out


def _material_id_read(document: Document, blocks: list[Block], place: Callable[[tuple], Where]) -> list[Problem]:
    if document.kind == "document" and not any(b.text_role == MATERIAL_ID for b in blocks):
        return [Problem(place(("pages",)), "the material id appears only in the page footers (artifacts), "
                                           "so a screen reader never hears it",
                        "place a block '- type: material_id' once, e.g. with the references")]
    return []


def _untranslated_words(document: Document, place: Callable[[tuple], Where]) -> list[Problem]:
    missing = document.words.missing()
    if missing:
        return [Problem(place(("document", "lang")),
                        f"the generated words {', '.join(missing)} have no translation for "
                        f"'{document.lang}'; they are set in English",
                        "give them in the layout: words: {%s: \"…\"}" % missing[0])]
    return []


def _safety_for_product(document: Document, blocks: list[Block], product: str,
                        place: Callable[[tuple], Where]) -> list[Problem]:
    mentions = any(product.lower() in run.text.lower() for b in blocks for run, _ in inline_runs(b)) \
        or product.lower() in document.title.lower()
    if mentions and not any(b.text_role == SAFETY for b in blocks):
        return [Problem(place(("document", "product")), f"the piece names {product} but carries no safety information",
                        "place the Important Safety Information (a '- type: safety' block)")]
    return []


def _uncited_references(blocks: list[Block]) -> list[Problem]:
    cited = {n for b in blocks for run, _ in inline_runs(b) if isinstance(run, Citation) for n in run.numbers}
    return [Problem(entry.where, f"reference {entry.number} is never cited",
                    "cite it with {cite}`%d` or remove it" % entry.number)
            for b in blocks for entry in _entries(b) if entry.number not in cited]


def _entries(b: Any) -> tuple[Any, ...]:
    """The entries of a block whose role is a reference list (the role promises them); else none."""
    return b.entries if b.text_role == REFERENCES else ()


def _unmarked_notes(blocks: list[Block]) -> list[Problem]:
    marked = {run.note_id for b in blocks for run, _ in inline_runs(b) if isinstance(run, NoteRef)}
    return [Problem(note.where, f"note '{note.marker}' has no marker in the text",
                    "put {note}`%s` where the note applies, or remove the note" % note.marker)
            for b in blocks for note in b.footnotes() if note.note_id not in marked]


def _small_body_text(document: Document, blocks: list[Block]) -> list[Problem]:
    out = []
    for b in blocks:
        style = getattr(b, "style", None)
        if b.text_role == BODY_TEXT and style in document.theme.styles:
            size = document.theme.styles[style].size
            if size < BODY_MIN_PRINT:
                out.append(Problem(b.where, f"body text in style '{style}' is {size:g} pt; print "
                                            f"pieces need at least {BODY_MIN_PRINT:g} pt",
                                   "use a larger style for this paragraph, or enlarge the style"))
    return out


def _vague_links(b: Block) -> list[Problem]:
    return [Problem(where, f"the link text '{run.text}' does not say where it goes",
                    'write what the link opens, or add a title: [text](https://… "where it goes")')
            for run, where in inline_runs(b)
            if isinstance(run, Link) and run.text.strip().lower().rstrip(".") in VAGUE_LINKS and not run.titled]


def _vague_button(b: Any) -> list[Problem]:
    """`b`: any block; one whose role is a button has its text and description (the role promises them)."""
    if b.text_role == BUTTON and b.text.strip().lower() in VAGUE_LINKS and len(b.description) < 12:
        return [Problem(b.where, f"the button '{b.text}' does not say where it goes",
                        "write a description that names the destination")]
    return []


def _poor_alt_text(b: Any) -> list[Problem]:
    """`b`: any block; one whose role is a caption holder has its alt text and `decorative` (the role
    promises them)."""
    if b.text_role != CAPTION or b.decorative:
        return []
    if FILE_NAME.match(b.alt.strip()):
        return [Problem(b.where, f"the alt text '{b.alt}' is a file name", "describe what the picture shows")]
    if ALT_PREFIX.match(b.alt):
        return [Problem(b.where, "the alt text starts with 'image of' (screen readers already say it is a figure)",
                        "start with what the picture shows")]
    return []


MUST_FIX = ("placeholder",)   # warning kinds that approve refuses unless --accept names each one

# text that stands in for the approved copy: words, editors' marks (in capitals) and numbered stand-ins
PLACEHOLDERS = (re.compile(r"\b(placeholder|lorem ipsum)\b", re.IGNORECASE), re.compile(r"\b(TBD|TODO|XXX)\b"),
                re.compile(r"^Reference \d+\.?$"))


def _placeholders(blocks: list) -> list[Problem]:
    """Text that stands in for the approved copy (a placeholder ISI, "Reference 3") must not reach an
    approval unnoticed: a warning at each place, in every build and in `approve`."""
    out: dict[str, Problem] = {}
    for b in blocks:
        for run, where in inline_runs(b):
            text = " ".join(getattr(run, "text", "").split())
            if any(pattern.search(text) for pattern in PLACEHOLDERS):
                problem = Problem(where, f"placeholder text: '{text[:60]}'",
                                  "replace it with the approved copy before the piece is approved",
                                  f"placeholder:{b.where.path}")
                out.setdefault(str(problem), problem)
    return list(out.values())


def _safety_prominence(document: Document) -> list[Problem]:
    """Fair balance: the safety information's text is not set smaller than the claims' body text
    (the style most paragraphs and lists outside it use)."""
    styles = document.theme.styles
    safety_blocks = [child for b in blocks_in_order(document) if b.text_role in SAFETY_ROLES
                     for child in walk(b.children())]
    body = _claims_style(document, {id(b) for b in safety_blocks})
    if body is None or not safety_blocks:
        return []
    out = []
    for b in safety_blocks:
        style = document.style_name(getattr(b, "style", None) or "")
        if b.text_role == BODY_TEXT and style in styles and styles[style].size < styles[body].size:
            out.append(Problem(b.where, f"safety text in style '{style}' is {styles[style].size:g} pt, smaller than "
                                        f"the claims' body text ('{body}', {styles[body].size:g} pt)",
                               "set the Important Safety Information at least as large as the claims (fair balance)"))
    return out


def _claims_style(document: Document, inside: set[int]) -> str | None:
    """The style most body text outside the safety information (`inside`: its blocks' ids) is set in;
    a deck's speaker notes are no claims."""
    styles = document.theme.styles
    claims: dict[str, int] = {}
    spoken = {id(page.notes) for page in document.pages if page.notes}
    shown = [b for section in document.sections() if id(section) not in spoken for b in walk(section.blocks)]
    for b in shown:
        style = document.style_name(getattr(b, "style", None) or "")
        if b.text_role == BODY_TEXT and id(b) not in inside and style in styles:
            claims[style] = claims.get(style, 0) + 1
    return max(sorted(claims), key=lambda name: claims[name]) if claims else None
