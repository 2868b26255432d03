"""Where a link annotation lands, for the reader: the structure element at its destination — a structure
destination (/SD), else the first text at or below the destination's place on its page."""

from __future__ import annotations

import pikepdf

from .document import Doc
from .structure_tree import Element
from .text_boxes import TextPiece


class Landing:
    """Where the link annotations of one document land."""

    def __init__(self, doc: Doc, pieces: dict[tuple[int, int], list[TextPiece]]):
        self.doc = doc
        self.pieces = pieces
        self.owner: dict[tuple[int, int], Element] = {}  # (page, MCID) → the element holding it
        self.by_object: dict[tuple[int, int], Element] = {}
        tree = doc.tree
        for top in tree.top if tree is not None else []:
            for e in top.walk():
                self.by_object[e.obj.objgen] = e
                for ref in e.contents:
                    if ref.page is not None and ref.stream is None:
                        self.owner[(ref.page, ref.mcid)] = e

    def target(self, annotation: pikepdf.Dictionary) -> Element | None:
        action = annotation.get("/A")
        dest: object
        if isinstance(action, pikepdf.Dictionary) and action.get("/S") == pikepdf.Name.GoTo:
            structure = action.get("/SD")
            if isinstance(structure, pikepdf.Array) and len(structure) and isinstance(structure[0], pikepdf.Dictionary):
                return self.by_object.get(structure[0].objgen)
            dest = action.get("/D")
        else:
            dest = annotation.get("/Dest")
        if isinstance(dest, (pikepdf.String, pikepdf.Name)):
            dest = _named_destination(self.doc, dest)
        if not isinstance(dest, pikepdf.Array) or len(dest) < 4 or dest[1] != pikepdf.Name.XYZ:
            return None
        try:
            y = float(dest[3])
        except (TypeError, ValueError):
            return None  # a null top: no place on the page to look at
        try:
            x: float | None = float(dest[2])
        except (TypeError, ValueError):
            x = None
        return self._first_text_below(self.doc.page_number(dest[0]), x, y)

    def _first_text_below(self, page: int | None, x: float | None, y: float) -> Element | None:
        """The first text at or below the destination's top edge, nearest to its left edge: what the
        reader lands on."""
        best, best_key = None, None
        for (p, mcid), found in self.pieces.items():
            if p != page or (p, mcid) not in self.owner:
                continue
            for piece in found:
                if piece.box is None or piece.box[3] > y + 1:
                    continue
                key = (y - piece.box[3]) + (abs(piece.box[0] - x) if x is not None else 0.0)
                if best_key is None or key < best_key:
                    best, best_key = self.owner[(p, mcid)], key
        return best


def _named_destination(doc: Doc, name: object) -> object:
    names = doc.pdf.Root.get("/Dests")
    if isinstance(names, pikepdf.Dictionary) and isinstance(name, pikepdf.Name):
        found = names.get(name)
        return found.get("/D") if isinstance(found, pikepdf.Dictionary) else found
    return None


def is_in_note(e: Element | None) -> bool:
    while e is not None:
        if (e.std or e.role) == "Note":
            return True
        e = e.parent
    return False
