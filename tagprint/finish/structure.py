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
    parent_tree: dict[int, list[Object | None]] = {i: [] for i in range(len(pages))}
    ids: dict[str, Object] = {}
    objs: dict[int, Object] = {}

    # link areas grouped by their owning element, in drawing order
    by_owner: dict[int, list[int]] = {}
    for i, area in enumerate(links):
        by_owner.setdefault(id(area.owner), []).append(i)

    # made once, not per element: pikepdf objects cost a call each (the tree has a thousand elements)
    page_objs = [page.obj for page in pages]
    struct_elem, mcr = Name.StructElem, Name.MCR
    roles: dict[str, Name] = {}

    def make(elem: StructElem, parent: Object) -> Object:
        role = roles.get(elem.role)
        if role is None:
            role = roles[elem.role] = Name("/" + elem.role)
        d = pdf.make_indirect(Dictionary(Type=struct_elem, S=role, P=parent))
        objs[id(elem)] = d
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
            ids[elem.elem_id] = d
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
        first_page = _first_page(elem)
        if first_page is not None:
            d.Pg = page_objs[first_page]
        kids: list = []
        for kid in elem.kids:
            if isinstance(kid, StructElem):
                kids.append(make(kid, d))
            elif isinstance(kid, ContentSlot):
                for page, mcid in kid.claims:
                    marked = parent_tree[page]
                    if len(marked) <= mcid:
                        marked.extend([None] * (mcid + 1 - len(marked)))
                    marked[mcid] = d
                    if page == first_page:
                        kids.append(mcid)
                    else:
                        kids.append(Dictionary(Type=mcr, Pg=page_objs[page], MCID=mcid))
            elif isinstance(kid, AnnotRef):  # pragma: no cover - links are attached below
                pass
        for i in by_owner.get(id(elem), []):
            kids.append(Dictionary(Type=Name.OBJR, Obj=_annotation(i), Pg=page_objs[links[i].page]))
        d.K = kids[0] if len(kids) == 1 else Array(kids)  # a lone kid stands alone (readers expect both forms)
        return d

    annots: dict[int, Object] = {}
    next_key = len(pages)
    annot_keys: dict[int, int] = {}

    def _annotation(i: int) -> Object:
        nonlocal next_key
        area = links[i]
        a = pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=Array([round(v, 2) for v in area.rect]),
            Border=Array([0, 0, 0]), F=4, Contents=String(area.contents),
            StructParent=next_key,
        ))
        annots[i] = a
        annot_keys[i] = next_key
        next_key += 1
        return a

    doc = make(root, tree_root)
    tree_root.K = Array([doc])

    # internal targets (citations → reference entries) now that every element has an object
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

    nums = Array()
    for page_index in range(len(pages)):
        pages[page_index].obj.StructParents = page_index
        pages[page_index].obj.Tabs = Name.S
        nums.append(page_index)
        nums.append(Array([o if o is not None else Object.parse(b"null") for o in parent_tree[page_index]]))
    for i in sorted(annot_keys, key=lambda k: annot_keys[k]):
        nums.append(annot_keys[i])
        nums.append(objs[id(links[i].owner)])
    tree_root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    tree_root.ParentTreeNextKey = next_key
    if ids:
        names = Array()
        for key in sorted(ids):
            names.append(String(key))
            names.append(ids[key])
        tree_root.IDTree = pdf.make_indirect(Dictionary(Names=names))
    pdf.Root.StructTreeRoot = tree_root
    pdf.Root.MarkInfo = Dictionary(Marked=True)


def _first_page(elem: StructElem) -> int | None:
    for kid in elem.kids:
        if isinstance(kid, ContentSlot) and kid.claims:
            return kid.claims[0][0]
    return None

