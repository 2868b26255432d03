"""Finish stage: writes the structure tree, parent tree and link annotations into the PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pikepdf import Array, Dictionary, Name, Object, Pdf, String

from ..tags import AnnotRef, ContentSlot, StructElem, reference_id

if TYPE_CHECKING:  # the drawing library stays unloaded for the profiles' finishers
    from ..draw.pen import LinkArea


class LinkTargetMissing(Exception):
    """A link whose target element is not in the structure tree, or never drawn: validation let a citation
    or note marker through with no target. An internal error: a link never goes to page 1 instead."""

    def __init__(self, kind: str, value: str, page: int, contents: str):
        self.kind, self.value, self.page, self.contents = kind, value, page, contents
        super().__init__(f"the link '{contents}' on page {page} points at {kind} '{value}', which the document "
                         "does not have (or never draws)")


def write_structure(pdf: Pdf, root: StructElem, links: list[LinkArea]) -> None:
    pages = list(pdf.pages)
    tree_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    writer = _TreeWriter(pdf, links)
    doc = writer.element(root, tree_root)
    tree_root.K = Array([doc])
    _attach_links(pages, root, links, writer.annots)
    nums = Array()
    for page_index in range(len(pages)):
        pages[page_index].obj.StructParents = page_index
        pages[page_index].obj.Tabs = Name.S
        nums.append(page_index)
        nums.append(Array([o if o is not None else Object.parse(b"null") for o in writer.parent_tree[page_index]]))
    for i in sorted(writer.annot_keys, key=lambda k: writer.annot_keys[k]):
        nums.append(writer.annot_keys[i])
        nums.append(writer.objs[id(links[i].owner)])
    tree_root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    tree_root.ParentTreeNextKey = writer.next_key
    if writer.ids:
        names = Array()
        for key in sorted(writer.ids):
            names.append(String(key))
            names.append(writer.ids[key])
        tree_root.IDTree = pdf.make_indirect(Dictionary(Names=names))
    pdf.Root.StructTreeRoot = tree_root
    pdf.Root.MarkInfo = Dictionary(Marked=True)


class _TreeWriter:
    """Writes structure elements depth first (each element's object before its kids', a link's annotation
    where its element first meets it), keeping the parent tree, the ids and the annotations made."""

    def __init__(self, pdf: Pdf, links: list[LinkArea]):
        self.pdf, self.links = pdf, links
        pages = list(pdf.pages)
        self.parent_tree: dict[int, list[Object | None]] = {i: [] for i in range(len(pages))}
        self.ids: dict[str, Object] = {}
        self.objs: dict[int, Object] = {}
        self.annots: dict[int, Object] = {}
        self.annot_keys: dict[int, int] = {}
        self.next_key = len(pages)
        # link areas grouped by their owning element, in drawing order
        self.by_owner: dict[int, list[int]] = {}
        for i, area in enumerate(links):
            self.by_owner.setdefault(id(area.owner), []).append(i)
        # made once, not per element: pikepdf objects cost a call each (the tree has a thousand elements)
        self.page_objs = [page.obj for page in pages]
        self.struct_elem, self.mcr = Name.StructElem, Name.MCR
        self.roles: dict[str, Name] = {}

    def element(self, elem: StructElem, parent: Object) -> Object:
        role = self.roles.get(elem.role)
        if role is None:
            role = self.roles[elem.role] = Name("/" + elem.role)
        d = self.pdf.make_indirect(Dictionary(Type=self.struct_elem, S=role, P=parent))
        self.objs[id(elem)] = d
        if elem.elem_id:
            self.ids[elem.elem_id] = d
        _attributes(elem, d)
        first_page = _first_page(elem)
        if first_page is not None:
            d.Pg = self.page_objs[first_page]
        kids = self._kids(elem, d, first_page)
        for i in self.by_owner.get(id(elem), []):
            kids.append(Dictionary(Type=Name.OBJR, Obj=self.annotation(i), Pg=self.page_objs[self.links[i].page]))
        d.K = kids[0] if len(kids) == 1 else Array(kids)  # a lone kid stands alone (readers expect both forms)
        return d

    def _kids(self, elem: StructElem, d: Object, first_page: int | None) -> list:
        kids: list = []
        for kid in elem.kids:
            if isinstance(kid, StructElem):
                kids.append(self.element(kid, d))
            elif isinstance(kid, ContentSlot):
                for page, mcid in kid.claims:
                    marked = self.parent_tree[page]
                    if len(marked) <= mcid:
                        marked.extend([None] * (mcid + 1 - len(marked)))
                    marked[mcid] = d
                    if page == first_page:
                        kids.append(mcid)
                    else:
                        kids.append(Dictionary(Type=self.mcr, Pg=self.page_objs[page], MCID=mcid))
            elif isinstance(kid, AnnotRef):  # pragma: no cover - links are attached below
                pass
        return kids

    def annotation(self, i: int) -> Object:
        area = self.links[i]
        a = self.pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=Array([round(v, 2) for v in area.rect]),
            Border=Array([0, 0, 0]), F=4, Contents=String(area.contents),
            StructParent=self.next_key,
        ))
        self.annots[i] = a
        self.annot_keys[i] = self.next_key
        self.next_key += 1
        return a


def _attributes(elem: StructElem, d: Object) -> None:
    """An element's entries besides its role, parent and kids: alternate and actual text, language, title,
    id, and its list, table or layout attributes."""
    if elem.alt:
        d.Alt = String(elem.alt)
    if elem.lang:
        d.Lang = String(elem.lang)
    if elem.actual_text:
        d.ActualText = String(elem.actual_text)
    if elem.title and elem.role in ("Sect", "Div", "Document"):
        d.T = String(elem.title)
    if elem.elem_id:
        d.ID = String(elem.elem_id)
    if elem.list_numbering:
        d.A = Dictionary(O=Name.List, ListNumbering=Name("/" + elem.list_numbering))
    if elem.table:
        attrs = Dictionary(O=Name.Table)
        for key, value in elem.table.items():
            if isinstance(value, str):
                attrs[Name("/" + key)] = Name("/" + value)
            elif isinstance(value, tuple):
                attrs[Name("/" + key)] = Array([String(v) for v in value])
            else:
                attrs[Name("/" + key)] = value
        d.A = attrs
    if elem.bbox:
        page, (x0, y0, x1, y1) = elem.bbox
        d.A = Dictionary(O=Name.Layout, BBox=Array([round(v, 2) for v in (x0, y0, x1, y1)]))


def _attach_links(pages: list, root: StructElem, links: list[LinkArea], annots: dict[int, Object]) -> None:
    """Each annotation's action or destination (internal targets, citations → reference entries, now that
    every element has an object), and the annotation on its page."""
    anchors: dict[str, StructElem] = {}
    for elem in root.walk() if annots else ():
        if elem.elem_id:
            anchors.setdefault(elem.elem_id, elem)  # the first in reading order, as a reader finds it
    for i, a in annots.items():
        area = links[i]
        kind, value = area.target
        if kind == "uri":
            a.A = Dictionary(S=Name.URI, URI=String(value))
        else:
            target = anchors.get(value if kind == "id" else reference_id(int(value)))
            if target is None or not target.anchor:
                raise LinkTargetMissing(kind, value, area.page + 1, area.contents)
            page, x, y = target.anchor
            a.Dest = Array([pages[page].obj, Name.XYZ, round(x, 2), round(y + 12, 2), 0])
        page_obj = pages[area.page].obj
        if Name.Annots not in page_obj:
            page_obj.Annots = Array()
        page_obj.Annots.append(a)


def _first_page(elem: StructElem) -> int | None:
    for kid in elem.kids:
        if isinstance(kid, ContentSlot) and kid.claims:
            return kid.claims[0][0]
    return None

