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
from ..findings import WARNING, Finding
from ..structure_tree import ContentRef, Element
from ..text_boxes import Box, mcid_pieces, starts_new_line, upright
from . import register

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
    out = []
    for before, after in zip(units, units[1:]):
        if before.page != after.page or not _moves_back_up(before.last, after.first):
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
