"""Structure tree integrity: the tree, the ParentTree and the content agree with each other.

- every element's /P is the element (or StructTreeRoot) whose /K holds it; no element has two parents;
- pages (and form XObjects) with MCIDs carry /StructParents, and the keys are unique;
- each MCID in the content is claimed by exactly one element's /K, and the ParentTree maps it to that
  same element; each MCID an element claims exists in the content;
- an OBJR's object points back to the element through its /StructParent.
"""

from __future__ import annotations

from collections import defaultdict

import pikepdf

from ..document import Doc, number, objgen, ref
from ..findings import ERROR, WARNING, Finding
from ..structure_tree import Element, StructTree
from .registry import register

ID = "STRUCT-TREE"
FIX_PARENT_TREE = "rebuild the ParentTree from the elements' /K entries (page key → array indexed by MCID)"


@register(ID, "The structure tree, the ParentTree and the content agree",
          standard="ISO 32000-1 14.7.2, 14.7.4 (structure tree, ParentTree); PDF/UA-1 7.1",
          help="Checks /P back-links, that pages with marked content have /StructParents, that every MCID on a "
               "page is claimed by exactly one element and mapped to that element by the ParentTree, and that "
               "elements claim only MCIDs that exist.")
def structure_tree(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []  # CAT-TAGGED reports the missing tree
    out: list[Finding] = []
    for p in tree.problems:
        e = p.element
        out.append(Finding(ID, ERROR, p.message, page=e.page if e else None, object=p.object or (e.ref if e else None),
                           path=e.path if e else None, fix="repair the structure tree"))
    if not tree.top:
        out.append(Finding(ID, ERROR, "the StructTreeRoot has no elements (/K is empty)", object=ref(tree.root),
                           fix="put the document's elements under one Document element in StructTreeRoot /K"))
    out += _back_links(tree)
    out += _keys(doc, tree)
    out += _mcids(doc, tree)
    out += _object_refs(doc, tree)
    return out


def _back_links(tree: StructTree) -> list[Finding]:
    out = []
    for element in tree.walk():
        expected = element.parent.obj if element.parent else tree.root
        p = element.obj.get("/P")
        if p is None:
            out.append(Finding(ID, ERROR, f"{element.role} has no /P (parent)", page=element.page,
                               object=element.ref, path=element.path,
                               fix=f"set /P to {ref(expected) or 'its parent'}"))
        elif objgen(p) != objgen(expected) or objgen(p) is None:
            out.append(Finding(ID, ERROR, f"{element.role}'s /P is {ref(p) or 'a direct object'}, but its parent "
                               f"is {ref(expected) or 'a direct object'}", page=element.page, object=element.ref,
                               path=element.path, fix=f"set /P to {ref(expected) or 'its parent (indirect)'}"))
    return out


def _keys(doc: Doc, tree: StructTree) -> list[Finding]:
    """/StructParents and /StructParent keys: present where needed, unique, below ParentTreeNextKey."""
    out = []
    owners: dict[int, list[str]] = defaultdict(list)
    ids = doc.content_ids
    for number_, page in enumerate(doc.pages, start=1):
        key = number(page.obj.get("/StructParents"))
        if key is not None:
            owners[key].append(f"page {number_}")
        elif ids.pages.get(number_):
            out.append(Finding(ID, ERROR, "the page has marked content with MCIDs but no /StructParents",
                               page=number_, object=ref(page.obj),
                               fix="give the page /StructParents with its key in the ParentTree"))
        for annot in _annots(page.obj):
            k = number(annot.get("/StructParent"))
            if k is not None:
                owners[k].append(f"annotation {ref(annot) or ''}".strip())
    for form in ids.forms.values():
        k = number(form.xobject.get("/StructParents"))
        if k is not None:
            owners[k].append(f"XObject {form.name}")
        elif form.mcids:
            out.append(Finding(ID, ERROR, f"form XObject {form.name} has MCIDs but no /StructParents",
                               page=min(form.pages), object=ref(form.xobject) or form.name,
                               fix="give the XObject /StructParents with its key in the ParentTree"))
    for key, who in sorted(owners.items()):
        if len(who) > 1:
            out.append(Finding(ID, ERROR, f"ParentTree key {key} is used by {len(who)} objects: {', '.join(who)}",
                               fix="give each page, XObject and annotation its own key"))
    next_key = number(tree.root.get("/ParentTreeNextKey"))
    if next_key is not None and owners and max(owners) >= next_key:
        out.append(Finding(ID, WARNING, f"/ParentTreeNextKey is {next_key}, but key {max(owners)} is in use",
                           object=ref(tree.root), fix=f"set /ParentTreeNextKey to {max(owners) + 1}"))
    return out


def _annots(page: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    annots = page.get("/Annots")
    return [a for a in annots if isinstance(a, pikepdf.Dictionary)] if isinstance(annots, pikepdf.Array) else []


Claims = dict[tuple[int | None, tuple | None, int], list[Element]]  # (page, form objgen, MCID) → elements


def _mcids(doc: Doc, tree: StructTree) -> list[Finding]:
    out: list[Finding] = []
    claims = _claims(doc, tree, out)
    ids = doc.content_ids
    content: set[tuple[int | None, tuple | None, int]] = set()
    for page_no, mcids in ids.pages.items():
        content.update((page_no, None, m) for m in mcids)
    for key, form in ids.forms.items():
        content.update((None, key, m) for m in form.mcids)
    for (page_no, stream_key, mcid), elements in claims.items():
        out += _claimed(ids, page_no, stream_key, mcid, elements, content)
    # the ParentTree, from the content's side
    for page_no, mcids in ids.pages.items():
        key = number(doc.pages[page_no - 1].obj.get("/StructParents"))
        if key is None or not mcids:
            continue  # reported by _keys
        out += _check_entries(tree, key, mcids, page_no, None, claims, f"page {page_no}",
                              ref(doc.pages[page_no - 1].obj))
    for skey, form in ids.forms.items():
        key = number(form.xobject.get("/StructParents"))
        if key is None or not form.mcids:
            continue
        out += _check_entries(tree, key, form.mcids, None, skey, claims, f"XObject {form.name}", form.name)
    return out


def _claims(doc: Doc, tree: StructTree, out: list[Finding]) -> Claims:
    """Who claims what, from the elements' /K; a claim with no page is a finding in `out`."""
    claims: Claims = defaultdict(list)
    for element in tree.walk():
        for c in element.contents:
            stream_key = objgen(c.stream) if c.stream is not None else None
            if c.page is None and c.stream is None:
                if doc.lost_pages:
                    continue  # its page was lost in repair: FILE-DAMAGED says so, once
                out.append(Finding(ID, ERROR, f"{element.role} claims MCID {c.mcid}, but neither it nor an "
                                   "ancestor says on which page (/Pg)", object=element.ref, path=element.path,
                                   fix="set /Pg on the element, or use an MCR with /Pg"))
                continue
            claims[(None if stream_key else c.page, stream_key, c.mcid)].append(element)
    return claims


def _claimed(ids, page_no: int | None, stream_key: tuple | None, mcid: int, elements: list[Element],
             content: set) -> list[Finding]:
    """A marked-content sequence claimed once, by elements that the content has."""
    out = []
    where = _where(ids, page_no, stream_key)
    if len(elements) > 1:
        paths = ", ".join(e.path for e in elements)
        out.append(Finding(ID, ERROR, f"MCID {mcid}{where} is claimed by {len(elements)} elements: {paths}",
                           page=_page_of(ids, page_no, stream_key), object=elements[1].ref, path=elements[1].path,
                           fix="each marked-content sequence belongs to exactly one element"))
    if (page_no, stream_key, mcid) not in content:
        e = elements[0]
        out.append(Finding(ID, ERROR, f"{e.role} claims MCID {mcid}{where}, which the content does not contain",
                           page=_page_of(ids, page_no, stream_key), object=e.ref, path=e.path,
                           fix="remove the claim, or draw the content it stands for"))
    return out


def _check_entries(tree: StructTree, key: int, mcids: list[int], page_no: int | None, skey: tuple | None,
                   claims: dict, what: str, obj: str | None) -> list[Finding]:
    out = []
    entry = tree.parent_tree.get(key)
    page = page_no
    if entry is None:
        return [Finding(ID, ERROR, f"the ParentTree has no entry for {what} (key {key})", page=page, object=obj,
                        fix=FIX_PARENT_TREE)]
    if not isinstance(entry, pikepdf.Array):
        return [Finding(ID, ERROR, f"the ParentTree entry for {what} (key {key}) is not an array of elements",
                        page=page, object=obj, fix=FIX_PARENT_TREE)]
    for mcid in sorted(set(mcids)):
        target = entry[mcid] if 0 <= mcid < len(entry) else None
        claimed_by = claims.get((page_no, skey, mcid), [])
        if target is None:
            if claimed_by:
                e = claimed_by[0]
                out.append(Finding(ID, ERROR, f"MCID {mcid} on {what} is claimed by {e.role} but has no entry in "
                                   "the ParentTree", page=page, object=e.ref, path=e.path, fix=FIX_PARENT_TREE))
            else:
                out.append(Finding(ID, ERROR, f"MCID {mcid} on {what} is claimed by no structure element",
                                   page=page, object=obj,
                                   fix="claim it from the element it belongs to (and map it in the ParentTree), "
                                       "or make the content an artifact"))
            continue
        element = tree.element_for(target)
        if element is None:
            out.append(Finding(ID, ERROR, f"the ParentTree maps MCID {mcid} on {what} to {ref(target) or 'an object'}, "
                               "which is not an element of the structure tree", page=page, object=ref(target),
                               fix=FIX_PARENT_TREE))
        elif element not in claimed_by:
            owner = f", but {claimed_by[0].path} claims it" if claimed_by else ", and no element claims it"
            out.append(Finding(ID, ERROR, f"the ParentTree maps MCID {mcid} on {what} to {element.role} "
                               f"({element.path}){owner}", page=page, object=element.ref, path=element.path,
                               fix="make the ParentTree entry and the element's /K agree"))
    return out


def _where(ids, page_no: int | None, stream_key: tuple | None) -> str:
    if stream_key is not None:
        form = ids.forms.get(stream_key)
        return f" in XObject {form.name if form else stream_key}"
    return f" on page {page_no}"


def _page_of(ids, page_no: int | None, stream_key: tuple | None) -> int | None:
    if stream_key is not None:
        form = ids.forms.get(stream_key)
        return min(form.pages) if form and form.pages else None
    return page_no


def _object_refs(doc: Doc, tree: StructTree) -> list[Finding]:
    out = []
    for element in tree.walk():
        for o in element.objects:
            if not isinstance(o.obj, pikepdf.Dictionary):
                out.append(Finding(ID, ERROR, f"an OBJR in {element.role} has no object (/Obj)", page=element.page,
                                   object=element.ref, path=element.path,
                                   fix="point /Obj at the annotation or XObject"))
                continue
            key = number(o.obj.get("/StructParent"))
            if key is None:
                if o.obj.get("/Subtype") == pikepdf.Name.Link:
                    continue  # LINK-ANNOT reports links without /StructParent
                out.append(Finding(ID, ERROR, f"the object {ref(o.obj)} referenced from {element.role} has no "
                                   "/StructParent", page=o.page, object=ref(o.obj), path=element.path,
                                   fix="give it /StructParent with a ParentTree key mapping to this element"))
                continue
            target = tree.parent_tree.get(key)
            if objgen(target) != objgen(element.obj):
                found = tree.element_for(target)
                out.append(Finding(ID, ERROR, f"the ParentTree maps /StructParent {key} of {ref(o.obj)} to "
                                   f"{found.path if found else ref(target) or 'nothing'}, not to the {element.role} "
                                   "holding its OBJR", page=o.page, object=ref(o.obj), path=element.path,
                                   fix=f"map ParentTree key {key} to the element holding the OBJR"))
    return out

