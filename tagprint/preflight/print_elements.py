"""The page element a paint belongs to, in words: the text it draws, the figure's alt text, or the kind of
artifact; what a print finding names so that a designer finds it without reading PDF objects."""

from __future__ import annotations

from .document import Doc, objgen
from .print_paint import Mark, Paint
from .structure_tree import Element

MAX_WORDS = 60  # characters of quoted text


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:MAX_WORDS]}…”" if len(text) > MAX_WORDS else f"“{text}”"


Owner = tuple[int | None, int, tuple[int, int] | None]  # page, MCID, form objgen or None


def _owners(doc: Doc) -> dict[Owner, Element]:
    """(page, MCID, form objgen or None) → the structure element that claims it."""
    def made() -> dict[Owner, Element]:
        found: dict[Owner, Element] = {}
        tree = doc.tree
        if tree is not None:
            for element in tree.walk():
                for content in element.contents:
                    found[(content.page, content.mcid, objgen(content.stream))] = element
        return found
    return doc.view("print owners", made)


def _texts(doc: Doc) -> dict[tuple[int, int], str]:
    def made() -> dict[tuple[int, int], str]:
        try:
            from .text_boxes import mcid_pieces

            return {key: "".join(p.text for p in pieces) for key, pieces in mcid_pieces(doc).items()}
        except Exception:  # noqa: BLE001 - a file PDFium cannot read: the words are only a help
            return {}
    return doc.view("print texts", made)


ARTIFACTS = {"Page": "printer's marks", "Pagination": "a running header or footer", "Layout": "a decoration",
             "Background": "a background"}


def element_words(doc: Doc, paint: Paint) -> str:
    """'the text “Important Safety Information”', 'the figure “Bar chart of …”', 'a decoration (artifact)'…"""
    return mark_words(doc, paint.page, paint.mark)


def mark_words(doc: Doc, page: int, mark: Mark | None) -> str:
    """The words for what a marked-content sequence belongs to (see `element_words`)."""
    if mark is None:
        return "untagged content"
    if mark.artifact is not None:
        return f"{ARTIFACTS[mark.artifact]} (artifact)" if mark.artifact in ARTIFACTS else "an artifact"
    if mark.mcid is None:
        return f"content marked {mark.tag}"
    element = _owners(doc).get((page, mark.mcid, mark.stream))
    probe = element
    while probe is not None:
        if probe.std == "Figure" or probe.role == "Figure":
            alt = probe.alt
            return f"the figure {_quote(alt)}" if alt else "a figure without alt text"
        probe = probe.parent
    words = _texts(doc).get((page, mark.mcid), "").strip()
    if words:
        return f"the text {_quote(words)}"
    if element is not None:
        return f"a {element.std or element.role} element"
    return f"marked content {mark.tag} (MCID {mark.mcid})"
