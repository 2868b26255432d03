"""The structure tree of any PDF as plain Python objects: elements in reading order (the order of /K),
each with its structure path ("Document/Sect[2]/Figure[1]"), what it claims (MCIDs, annotations) and
the ParentTree read back as a dictionary. Problems met while reading are kept, not raised, so that one
bad element does not hide the rest of the tree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, Union

import pikepdf

from .pdf_values import number, objgen, ref, text

if TYPE_CHECKING:  # the Doc's views call these readers: one way at run time
    from .document import Doc

# ISO 32000-1 (PDF 1.7) 14.8.4: the standard structure types. PDF/UA-1 files use these or map to them.
STANDARD_TYPES = frozenset("""
    Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
    P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot
    Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP
    Figure Formula Form
""".split())

MAX_DEPTH = 200
# grouping elements that say nothing about structure (ISO 32000-1 14.8.4.2: NonStruct "has no inherent
# structural significance"; its kids count as kids of its parent): structure checks look through them, as
# veraPDF's PDF/UA-1 rules do
TRANSPARENT = frozenset({"NonStruct"})


@dataclass(eq=False)
class ContentRef:
    """A marked-content sequence claimed by an element: MCID on a page (or in a form XObject)."""

    mcid: int
    page: int | None                      # 1-based; None when neither the MCR nor an ancestor has /Pg
    stream: pikepdf.Object | None = None  # the form XObject (/Stm) holding it; None: the page content


@dataclass(eq=False)
class ObjectRef:
    """An OBJR: an annotation or XObject that belongs to the element."""

    obj: pikepdf.Object | None
    page: int | None


@dataclass(eq=False)
class Element:
    obj: pikepdf.Dictionary
    role: str                 # /S as written, without the slash
    std: str | None           # the standard type after RoleMap; None when it maps to none
    path: str
    parent: "Element | None"
    page: int | None          # from /Pg, inherited from the nearest ancestor that has one
    kids: list["Kid"] = field(default_factory=list)

    @property
    def ref(self) -> str | None:
        return ref(self.obj)

    def get_text(self, key: str) -> str | None:
        return text(self.obj.get(key))

    @property
    def alt(self) -> str | None:
        return self.get_text("/Alt")

    @property
    def actual_text(self) -> str | None:
        return self.get_text("/ActualText")

    @property
    def lang(self) -> str | None:
        return self.get_text("/Lang")

    @property
    def elements(self) -> list["Element"]:
        return [k for k in self.kids if isinstance(k, Element)]

    @property
    def contents(self) -> list[ContentRef]:
        return [k for k in self.kids if isinstance(k, ContentRef)]

    @property
    def objects(self) -> list[ObjectRef]:
        return [k for k in self.kids if isinstance(k, ObjectRef)]

    @property
    def structural_kids(self) -> list["Kid"]:
        """The kids with transparent wrappers (NonStruct) replaced by their own kids."""
        out: list[Kid] = []
        for kid in self.kids:
            if isinstance(kid, Element) and kid.std in TRANSPARENT:
                out += kid.structural_kids
            else:
                out.append(kid)
        return out

    @property
    def structural_elements(self) -> list["Element"]:
        return [k for k in self.structural_kids if isinstance(k, Element)]

    @property
    def structural_parent(self) -> "Element | None":
        """The nearest ancestor that is not a transparent wrapper."""
        node = self.parent
        while node is not None and node.std in TRANSPARENT:
            node = node.parent
        return node

    def walk(self) -> Iterator["Element"]:
        yield self
        for kid in self.elements:
            yield from kid.walk()


Kid = Union[Element, ContentRef, ObjectRef]


@dataclass
class Problem:
    message: str
    element: Element | None = None
    object: str | None = None


@dataclass
class StructTree:
    root: pikepdf.Dictionary
    top: list[Element]
    role_map: dict[str, str]
    parent_tree: dict[int, pikepdf.Object]
    problems: list[Problem] = field(default_factory=list)
    by_objgen: dict[tuple[int, int], Element] = field(default_factory=dict)
    order: list[Element] | None = field(default=None, repr=False)  # walk()'s answer, kept once read

    def walk(self) -> Iterator[Element]:
        """Every element, depth first, in reading order."""
        if self.order is not None:
            return iter(self.order)
        return (element for top in self.top for element in top.walk())

    def element_for(self, obj: object) -> Element | None:
        key = objgen(obj)
        return self.by_objgen.get(key) if key else None


def resolve_role(role: str, role_map: dict[str, str]) -> str | None:
    """Follows the RoleMap until a standard type; None when the chain ends elsewhere or loops."""
    seen: set[str] = set()
    current = role
    while current not in STANDARD_TYPES:
        if current in seen or current not in role_map:
            return None
        seen.add(current)
        current = role_map[current]
    return current


def read_tree(doc: Doc) -> StructTree | None:
    root = doc.root.get("/StructTreeRoot")
    if not isinstance(root, pikepdf.Dictionary):
        return None
    role_map: dict[str, str] = {}
    rm = root.get("/RoleMap")
    if isinstance(rm, pikepdf.Dictionary):
        for key, value in rm.items():
            if isinstance(value, pikepdf.Name):
                role_map[key[1:]] = str(value)[1:]
    tree = StructTree(root, [], role_map, {})
    tree.parent_tree = _read_number_tree(root.get("/ParentTree"), tree)
    reader = _Reader(doc, tree)
    kids = root.get("/K")
    top_kids = _as_list(kids)
    names = Counter(text(k.get("/S")) for k in top_kids if isinstance(k, pikepdf.Dictionary))
    counters: Counter[str] = Counter()
    for kid in top_kids:
        element = reader.element(kid, None, "", counters, names, None, 0)
        if element is not None:
            tree.top.append(element)
    tree.order = list(tree.walk())  # the tree is complete: the checks walk it many times
    return tree


def _as_list(value: object) -> list:
    if value is None:
        return []
    if isinstance(value, pikepdf.Array):
        return list(value)
    return [value]


class _Reader:
    def __init__(self, doc: Doc, tree: StructTree):
        self.doc = doc
        self.tree = tree
        self.seen: set[tuple[int, int]] = set()

    def element(self, obj: object, parent: Element | None, parent_path: str, counters: Counter,
                names: Counter, inherited_page: int | None, depth: int) -> Element | None:
        if not isinstance(obj, pikepdf.Dictionary):
            self.tree.problems.append(Problem(f"a kid of the {'StructTreeRoot' if parent is None else 'element'} "
                                              f"is not a structure element ({_kind(obj)})", parent))
            return None
        key = objgen(obj)
        if key is not None:
            if key in self.seen:
                self.tree.problems.append(Problem(f"structure element {ref(obj)} is reached twice "
                                                  "(shared by two parents, or a cycle)", parent, ref(obj)))
                return None
            self.seen.add(key)
        role = text(obj.get("/S")) or ""
        counters[role] += 1
        if parent is None and names[role] <= 1:
            name = role or "?"
        else:
            name = f"{role or '?'}[{counters[role]}]"
        path = f"{parent_path}/{name}" if parent_path else name
        page = self._page(obj, inherited_page)
        element = Element(obj, role, resolve_role(role, self.tree.role_map) if role else None, path, parent, page)
        if key is not None:
            self.tree.by_objgen[key] = element
        if not role:
            self.tree.problems.append(Problem("structure element has no /S (structure type)", element, ref(obj)))
        if depth > MAX_DEPTH:
            self.tree.problems.append(Problem(f"structure tree deeper than {MAX_DEPTH} levels; not read further",
                                              element, ref(obj)))
            return element
        kid_counters: Counter[str] = Counter()
        for kid in _as_list(obj.get("/K")):
            converted = self.kid(kid, element, kid_counters, depth)
            if converted is not None:
                element.kids.append(converted)
        return element

    def kid(self, kid: object, element: Element, counters: Counter, depth: int) -> Kid | None:
        if isinstance(kid, int) and not isinstance(kid, bool):
            return ContentRef(kid, element.page)
        if isinstance(kid, pikepdf.Dictionary):
            kind = kid.get("/Type")
            if kind == pikepdf.Name.MCR:
                mcid = number(kid.get("/MCID"))
                if mcid is None:
                    self.tree.problems.append(Problem("marked-content reference (MCR) without an /MCID", element))
                    return None
                stream = kid.get("/Stm")
                return ContentRef(mcid, self._page(kid, element.page), stream if stream is not None else None)
            if kind == pikepdf.Name.OBJR:
                return ObjectRef(kid.get("/Obj"), self._page(kid, element.page))
            return self.element(kid, element, element.path, counters, Counter(), element.page, depth + 1)
        if kid is None:
            return None
        self.tree.problems.append(Problem(f"a kid in /K is neither an element, an MCID, an MCR nor an OBJR "
                                          f"({_kind(kid)})", element))
        return None

    def _page(self, obj: pikepdf.Dictionary, inherited: int | None) -> int | None:
        pg = obj.get("/Pg")
        if pg is None:
            return inherited
        found = self.doc.page_number(pg)
        if found is None:
            self.tree.problems.append(Problem(f"/Pg of {ref(obj) or 'an element'} is not a page of this document",
                                              None, ref(obj)))
            return inherited
        return found


def _kind(obj: object) -> str:
    if isinstance(obj, pikepdf.Object):
        return obj._type_name if hasattr(obj, "_type_name") else type(obj).__name__
    return type(obj).__name__


def _read_number_tree(node: object, tree: StructTree) -> dict[int, pikepdf.Object]:
    """A number tree (/Nums pairs and /Kids) flattened into a dictionary."""
    out: dict[int, pikepdf.Object] = {}
    seen: set[tuple[int, int]] = set()

    def visit(n: object, depth: int) -> None:
        if not isinstance(n, pikepdf.Dictionary) or depth > 64:
            return
        key = objgen(n)
        if key is not None:
            if key in seen:
                tree.problems.append(Problem("the ParentTree number tree has a cycle", None, ref(n)))
                return
            seen.add(key)
        nums = n.get("/Nums")
        if isinstance(nums, pikepdf.Array):
            items = list(nums)
            if len(items) % 2:
                tree.problems.append(Problem("the ParentTree /Nums array has an odd number of entries", None, ref(n)))
            for i in range(0, len(items) - 1, 2):
                k = number(items[i])
                if k is None:
                    tree.problems.append(Problem("a ParentTree key is not an integer", None, ref(n)))
                    continue
                if k in out:
                    tree.problems.append(Problem(f"the ParentTree has key {k} twice", None, ref(n)))
                out[k] = items[i + 1]
        for kid in _as_list(n.get("/Kids")):
            visit(kid, depth + 1)

    visit(node, 0)
    return out
