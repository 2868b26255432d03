"""The structure order against the page: text that the tree reads after something below it in the same
column is probably in the wrong place.

The page's geometric reading order, for the purpose of this check: top to bottom within a column, and
columns side by side; a jump to the top of another column (or to a sidebar beside the text) is a normal
move. So the check walks the text in structure order, block by block (P, H1–H6, LI, TD, Caption, …; text
inside Figure and Formula is left out, their alt text stands for it, and so are Notes, read where they are
referenced and printed at the foot of the column), and compares each block's first line
with the last line of the block read just before it on the same page. When the new block sits entirely
above that line and overlaps it horizontally by at least half the narrower of the two, the reader moves
back up the same column: an inversion, reported as a warning naming the page and both texts. A jump
between pages is not judged (a sidebar may be read after its section ends on the next page). "Above" is
taken along the page's text: a page whose text is set turned (a landscape page drawn on a portrait sheet)
is judged as it reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Doc
from ..findings import ERROR, WARNING, Finding
from ..structure_tree import ContentRef, Element
from ..text_boxes import Box, mcid_pieces, starts_new_line, upright
from .registry import register

ID = "READING-ORDER"
BLOCKS = {"P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "TD", "TH", "Caption", "BlockQuote", "Note", "TOCI",
          "BibEntry", "Lbl", "LBody"}
# left out of the comparison: figures and formulas are read by their alt text, and a note (a footnote) is
# read where it is referenced but printed at the foot of the column, so neither has a place in the flow
OPAQUE = {"Figure", "Formula", "Note"}
MIN_OVERLAP = 0.5                # of the narrower line's width
QUOTE = 48                       # characters of each text quoted in a finding


@dataclass(eq=False)
class _Unit:
    """A block's text on one page, from where the reading enters it to where it leaves it."""

    element: Element
    page: int
    first: Box
    last: Box
    text: list[str] = field(default_factory=list)

    def add(self, text: str, box: Box) -> None:
        if self.text and starts_new_line(self.last, box):
            self.text.append(" ")  # a line break is a word break, written or not
        self.text.append(text)
        self.last = box

    def quote(self) -> str:
        words = " ".join("".join(self.text).split())
        if len(words) <= QUOTE:
            return words
        return words[:QUOTE].rsplit(" ", 1)[0].rstrip(",;:") + "…"


@register(ID, "The structure order follows the page: no block is read after text below it in its column",
          standard="PDF/UA-1 7.2; ISO 32000-1 14.8.2.3 (logical order); Matterhorn checkpoint 09-001; WCAG 1.3.2",
          help="Screen readers follow the structure tree. Compared with the page, the tree should read each column "
               "from top to bottom; moving to another column or to a box beside the text is fine, moving back up "
               "the same column means two blocks are probably swapped (a warning: the page may mean it, look at "
               "it). Fix the order of the elements' /K, not the drawing.",
          in_build=False)  # only warns (a build fails on errors), and would open the file in PDFium once more
def reading_order(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []
    units = _units(tree, upright(mcid_pieces(doc)))
    early = {id(u) for u in _read_before_h1(units)}  # READ-BEFORE-H1 reports these, as errors
    out = []
    for before, after in zip(units, units[1:]):
        if before.page != after.page or not _moves_back_up(before.last, after.first):
            continue
        if id(before) in early:
            continue
        out.append(Finding(ID, WARNING, f"{after.element.role} {after.quote()!r} is read after {before.element.role} "
                           f"{before.quote()!r}, which is below it in the same column", page=after.page,
                           object=after.element.ref, path=after.element.path,
                           fix="put the elements in reading order in the structure tree (/K), or, if the page "
                               "really is read this way, ignore this warning"))
    return out


def _moves_back_up(last: Box, first: Box) -> bool:
    """`first` (the next block's first line) lies wholly above `last` (the previous block's last line) and
    shares at least half of the narrower one's width with it."""
    if first[1] < last[3]:
        return False
    overlap = min(last[2], first[2]) - max(last[0], first[0])
    narrower = min(last[2] - last[0], first[2] - first[0])
    return narrower > 0 and overlap >= MIN_OVERLAP * narrower


def _units(tree, pieces) -> list[_Unit]:
    units: list[_Unit] = []

    def visit(element: Element, block: Element) -> None:
        role = element.std or element.role
        if role in OPAQUE:
            return
        if role in BLOCKS and not (role in ("Lbl", "LBody") and _in_block(element)):
            block = element
        for kid in element.kids:
            if isinstance(kid, Element):
                visit(kid, block)
            elif isinstance(kid, ContentRef) and kid.page is not None:
                for piece in pieces.get((kid.page, kid.mcid), []):
                    if piece.box is None or not piece.text.strip():
                        continue
                    current = units[-1] if units else None
                    if current is None or current.element is not block or current.page != kid.page:
                        current = _Unit(block, kid.page, piece.box, piece.box)
                        units.append(current)
                    current.add(piece.text, piece.box)

    for top in tree.top:
        visit(top, top)
    return units


def _in_block(element: Element) -> bool:
    """Lbl and LBody are blocks of their own only outside a list item (in a Note or a BibEntry, say)."""
    return element.parent is not None and (element.parent.std or element.parent.role) == "LI"


FIRST = "READ-BEFORE-H1"


@register(FIRST, "Nothing is read before the document's first heading that the page shows after it",
          standard="PDF/UA-1 7.2, 7.4; ISO 32000-1 14.8.2.3 (logical order); WCAG 1.3.2, 2.4.6",
          help="A screen-reader user starts at the top of the structure tree and expects the title first. An "
               "element at the tree root before the Document element (LibreOffice puts page-anchored pictures "
               "there), or a paragraph read before the H1 that the page draws below it, is announced before the "
               "document has said what it is. Move the element to where it belongs in the tree.",
          in_build=False)  # reads the page's text with PDFium, like READING-ORDER
def read_before_h1(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []
    out = []
    documents = [i for i, e in enumerate(tree.top) if e.std == "Document"]
    if documents:
        for e in tree.top[:documents[0]]:
            out.append(Finding(FIRST, ERROR, f"{e.role} is at the root of the structure tree, before the Document "
                               "element: it is read before the document's first heading", page=e.page,
                               object=e.ref, path=e.path,
                               fix=f"move the {e.role} into the Document element, where the page shows it"))
    units = _units(tree, upright(mcid_pieces(doc)))
    h1 = next((u for u in units if u.element.std == "H1"), None)
    for u in _read_before_h1(units):
        assert h1 is not None  # only text read before an H1 is listed
        out.append(Finding(FIRST, ERROR, f"{u.element.role} {u.quote()!r} is read before the {h1.element.role} "
                           f"{h1.quote()!r}, which the page shows above it", page=u.page, object=u.element.ref,
                           path=u.element.path,
                           fix="move the element after the H1 in the structure tree (/K), where the page shows it"))
    return out


def _read_before_h1(units: list[_Unit]) -> list[_Unit]:
    """The text blocks read before the first H1 that lie wholly below its first line on its page."""
    index = next((i for i, u in enumerate(units) if u.element.std == "H1"), None)
    if index is None:
        return []
    h1 = units[index]
    return [u for u in units[:index] if u.page == h1.page and u.first[3] <= h1.first[1]
            and _inside(u.element, h1.element) is False]


def _inside(element: Element, other: Element) -> bool:
    node: Element | None = element
    while node is not None:
        if node is other:
            return True
        node = node.parent
    return False


LANG_TEXT = "LANG-TEXT"
LONG_RUN = 200        # characters of a run's text before its language is judged
SURE = 0.995          # the detector's probability for a clear mismatch


@register(LANG_TEXT, "Long runs of text are in the language their /Lang says",
          standard="PDF/UA-1 7.2; Matterhorn checkpoint 11; WCAG 3.1.1, 3.1.2",
          help="A screen reader picks its voice from /Lang (the element's, else its ancestors', else the "
               "catalog's). Each run of consecutive blocks in one language with at least 200 characters of text is "
               "given to a language detector (py3langid); when it is sure (p ≥ 0.995) of another language than "
               "the /Lang says, the run's first block is reported, once per pair of languages. A warning: names and short phrases fool any detector.",
          in_build=False)  # tagprint sets /Lang from the content's own language; loading the model takes 0.5 s
def language_of_text(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []
    from ..document import text as pdf_text
    catalog = (pdf_text(doc.root.get("/Lang")) or "").strip()
    runs: list[tuple[str, _Unit, list[str]]] = []  # consecutive blocks of one declared language
    for unit in _units(tree, upright(mcid_pieces(doc))):
        declared = _declared(unit.element) or catalog
        if not runs or runs[-1][0] != declared:
            runs.append((declared, unit, []))
        runs[-1][2].append(" ".join("".join(unit.text).split()))
    long_runs = [(d, u, " ".join(words)) for d, u, words in runs if len(" ".join(words)) >= LONG_RUN]
    if not long_runs:
        return []
    identify = _identifier()
    out, seen = [], set()
    for declared, unit, words in long_runs:
        primary = declared.split("-")[0].lower()
        if not primary or primary not in identify.nb_classes:
            continue
        found, probability = identify.classify(words)
        if found == primary or probability < SURE or (primary, found) in seen:
            continue
        seen.add((primary, found))
        from ..reader import language_name
        out.append(Finding(LANG_TEXT, WARNING, f"the text from {unit.element.role} {unit.quote()!r} on reads as "
                           f"{language_name(found)}, "
                           f"but its /Lang is {declared}", page=unit.page, object=unit.element.ref,
                           path=unit.element.path,
                           fix=f"set /Lang to the text's language ({found}) on the element (or the catalog), or "
                               "correct the text"))
    return out


def _declared(element: Element) -> str:
    node: Element | None = element
    while node is not None:
        if (node.lang or "").strip():
            return (node.lang or "").strip()
        node = node.parent
    return ""


_IDENTIFIER = None


def _identifier():
    global _IDENTIFIER
    if _IDENTIFIER is None:
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
        _IDENTIFIER = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    return _IDENTIFIER
