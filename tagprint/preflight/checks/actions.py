"""No JavaScript and no Launch actions, anywhere in the file (reachable from the catalog)."""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf

from ..document import Doc, objgen, ref
from ..findings import ERROR, Finding
from .registry import register

JS, LAUNCH = "ACTION-JS", "ACTION-LAUNCH"
MAX_NODES = 500_000


@dataclass
class _Hit:
    kind: str        # "js" or "launch"
    where: str       # key path from the catalog, e.g. "/Root/OpenAction"
    obj: str | None
    page: int | None


def _scan(doc: Doc) -> list[_Hit]:
    """Depth-first from the catalog (pages first, so that a hit inside a page knows its page number)."""
    hits: list[_Hit] = []
    seen: set[tuple[int, int]] = set()
    root = doc.root
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
        hits.append(_Hit("js", "/Root/Names/JavaScript", ref(names.get("/JavaScript")) or ref(names), None))
    stack: list[tuple[object, str, int | None, str | None]] = []
    keys = sorted(root.keys(), key=lambda k: k != "/Pages")[::-1]  # /Pages popped first
    for name in keys:
        stack.append((root.get(name), f"/Root{name}", None, ref(root)))
    visited = 0
    while stack and visited < MAX_NODES:
        obj, where, page, holder = stack.pop()
        visited += 1
        key = objgen(obj)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
            page = doc.page_number(obj) or page
            holder = ref(obj)
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            kind = _action_kind(obj)
            if kind is not None:
                hits.append(_Hit(kind, where, holder, page))
        stack += [(v, path, page, holder) for v, path in reversed(_children(obj, where))]
    return hits


def _action_kind(d: pikepdf.Object) -> str | None:
    """What the dictionary does: "js" (a JavaScript action, or any dictionary with /JS), "launch" (a
    Launch action), or None."""
    kind = d.get("/S")
    if kind == pikepdf.Name.JavaScript or ("/JS" in d and kind != pikepdf.Name.Launch):
        return "js"
    return "launch" if kind == pikepdf.Name.Launch else None


_CONTAINERS = (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)


def _children(obj: object, where: str) -> list[tuple[object, str]]:
    """The dictionaries, arrays and streams inside `obj` (not up the tree: /Parent, /P), with their key paths
    (which stop growing at 200 characters)."""
    if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        items = list(obj.stream_dict.items()) if isinstance(obj, pikepdf.Stream) else list(obj.items())
        return [(v, f"{where}{k}" if len(where) < 200 else where) for k, v in items
                if k not in ("/Parent", "/P") and isinstance(v, _CONTAINERS)]
    if isinstance(obj, pikepdf.Array):
        return [(v, f"{where}[{i}]" if len(where) < 200 else where) for i, v in enumerate(obj)
                if isinstance(v, _CONTAINERS)]
    return []


_MARKERS = (b"/JS", b"/JavaScript", b"/Launch")


def _may_hold_actions(doc: Doc) -> bool:
    """A flat pass over every object's own bytes (qpdf writes names canonically, so `/J#53` reads `/JS`):
    when no object names JavaScript or Launch, the walk from the catalog cannot find any either."""
    raws = []
    for obj in doc.pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            raws.append(obj.stream_dict.unparse(resolved=True))
        elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Array)):
            raws.append(obj.unparse(resolved=True))
    # one search per marker over all objects (a newline apart, so no marker spans two objects)
    everything = b"\n".join(raws)
    return any(marker in everything for marker in _MARKERS)


def _hits(doc: Doc) -> list[_Hit]:
    return doc.view("action hits", lambda: _scan(doc) if _may_hold_actions(doc) else [])


@register(JS, "No JavaScript",
          standard="ISO 19005-2 (PDF/A-2) 6.6.1; ACCESSIBILITY.md (archive)",
          help="Reports JavaScript actions (/S /JavaScript, /JS) in open actions, additional actions (/AA), "
               "annotations and outlines, and a /JavaScript name tree in the catalog.",
          in_build=False)  # tagprint writes only URI and GoTo actions: a build cannot hold a script (2 ms)
def javascript(doc: Doc) -> list[Finding]:
    return [Finding(JS, ERROR, f"JavaScript at {h.where}", page=h.page, object=h.obj,
                    fix="remove the script: a leave-behind needs none, and PDF/A forbids it")
            for h in _hits(doc) if h.kind == "js"]


@register(LAUNCH, "No Launch actions",
          standard="ISO 19005-2 (PDF/A-2) 6.6.1",
          help="Reports /S /Launch actions, which start other programs or open files outside the PDF.",
          in_build=False)  # like ACTION-JS: nothing tagprint writes launches a program
def launch(doc: Doc) -> list[Finding]:
    return [Finding(LAUNCH, ERROR, f"Launch action at {h.where}", page=h.page, object=h.obj,
                    fix="replace it with a URI link, or remove it")
            for h in _hits(doc) if h.kind == "launch"]
