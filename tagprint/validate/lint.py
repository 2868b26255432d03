"""Lint: the pharma rules a piece must follow before it is built (runs in every build).

Errors stop the document; warnings are printed and the document is still built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..errors import Problem, Where
from ..model import Citation, Document, Link, NoteRef, Text
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
    source = place(("pages",))

    if document.kind == "document" and not any(b.text_role == MATERIAL_ID for b in blocks):
        out.warnings.append(Problem(source, "the material id appears only in the page footers (artifacts), "
                                            "so a screen reader never hears it",
                                    "place a block '- type: material_id' once, e.g. with the references"))

    missing = document.words.missing()
    if missing:
        out.warnings.append(Problem(place(("document", "lang")),
                                    f"the generated words {', '.join(missing)} have no translation for "
                                    f"'{document.lang}'; they are set in English",
                                    "give them in the layout: words: {%s: \"…\"}" % missing[0]))

    if product:
        mentions = any(product.lower() in run.text.lower() for b in blocks for run, _ in inline_runs(b)) \
            or product.lower() in document.title.lower()
        if mentions and not any(b.text_role == SAFETY for b in blocks):
            out.errors.append(Problem(place(("document", "product")),
                                      f"the piece names {product} but carries no safety information",
                                      "place the Important Safety Information (a '- type: safety' block)"))

    out.errors.extend(_safety_prominence(document))  # documents and decks alike

    cited = {n for b in blocks for run, _ in inline_runs(b) if isinstance(run, Citation) for n in run.numbers}
    for b in blocks:
        if b.text_role == REFERENCES:
            for entry in b.entries:
                if entry.number not in cited:
                    out.warnings.append(Problem(entry.where, f"reference {entry.number} is never cited",
                                                "cite it with {cite}`%d` or remove it" % entry.number))

    out.warnings.extend(_literal_markdown(blocks))

    marked = {run.note_id for b in blocks for run, _ in inline_runs(b) if isinstance(run, NoteRef)}
    for b in blocks:
        for note in b.footnotes():
            if note.note_id not in marked:
                out.warnings.append(Problem(note.where, f"note '{note.marker}' has no marker in the text",
                                            "put {note}`%s` where the note applies, or remove the note" % note.marker))

    out.warnings.extend(_placeholders(blocks))

    if printed(document.profiles):
        for b in blocks:
            style = getattr(b, "style", None)
            if b.text_role == BODY_TEXT and style in document.theme.styles:
                size = document.theme.styles[style].size
                if size < BODY_MIN_PRINT:
                    out.errors.append(Problem(b.where, f"body text in style '{style}' is {size:g} pt; print "
                                                       f"pieces need at least {BODY_MIN_PRINT:g} pt",
                                              "use a larger style for this paragraph, or enlarge the style"))

    for b in blocks:
        for run, where in inline_runs(b):
            if isinstance(run, Link) and run.text.strip().lower().rstrip(".") in VAGUE_LINKS \
                    and run.description.endswith(f"({run.href.split('//')[-1].split('/')[0]})"):
                out.errors.append(Problem(where, f"the link text '{run.text}' does not say where it goes",
                                          'write what the link opens, or add a title: [text](https://… "where it goes")'))
        if b.text_role == BUTTON and b.text.strip().lower() in VAGUE_LINKS and len(b.description) < 12:
            out.errors.append(Problem(b.where, f"the button '{b.text}' does not say where it goes",
                                      "write a description that names the destination"))
        if b.text_role == CAPTION and not b.decorative:
            if FILE_NAME.match(b.alt.strip()):
                out.errors.append(Problem(b.where, f"the alt text '{b.alt}' is a file name",
                                          "describe what the picture shows"))
            elif ALT_PREFIX.match(b.alt):
                out.errors.append(Problem(b.where, "the alt text starts with 'image of' (screen readers already "
                                                   "say it is a figure)",
                                          "start with what the picture shows"))
    return out


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
    inside: set[int] = set()
    safety_blocks = []
    for b in blocks_in_order(document):
        if b.text_role in SAFETY_ROLES:
            for child in walk(b.children()):
                inside.add(id(child))
                safety_blocks.append(child)
    claims: dict[str, int] = {}
    spoken = {id(page.notes) for page in document.pages if page.notes}  # a deck's speaker notes are no claims
    shown = [b for section in document.sections() if id(section) not in spoken for b in walk(section.blocks)]
    for b in shown:
        style = document.style_name(getattr(b, "style", None) or "")
        if b.text_role == BODY_TEXT and id(b) not in inside and style in styles:
            claims[style] = claims.get(style, 0) + 1
    if not claims or not safety_blocks:
        return []
    body = max(sorted(claims), key=lambda name: claims[name])
    out = []
    for b in safety_blocks:
        style = document.style_name(getattr(b, "style", None) or "")
        if b.text_role == BODY_TEXT and style in styles and styles[style].size < styles[body].size:
            out.append(Problem(b.where, f"safety text in style '{style}' is {styles[style].size:g} pt, smaller than "
                                        f"the claims' body text ('{body}', {styles[body].size:g} pt)",
                               "set the Important Safety Information at least as large as the claims (fair balance)"))
    return out
