"""Embedded files (attachments, PDF/A-3 sources): each file specification names its file twice, as /F and
as the Unicode /UF."""

from __future__ import annotations

from typing import Iterator, TypeGuard

import pikepdf

from ..document import Doc, objgen, ref, text
from ..findings import ERROR, Finding
from .registry import register

ID = "EMBEDDED-FILE"
MAX_NODES = 100_000


def file_specs(doc: Doc) -> Iterator[tuple[str, int | None, pikepdf.Dictionary]]:
    """(where, page, file specification) for each embedded file: the /EmbeddedFiles name tree, the
    catalog's and pages' /AF arrays, and FileAttachment annotations. Each specification once."""
    seen: set = set()

    def once(spec: object) -> TypeGuard[pikepdf.Dictionary]:
        key = objgen(spec) or id(spec)
        if key in seen or not isinstance(spec, pikepdf.Dictionary):
            return False
        seen.add(key)
        return True

    names = doc.root.get("/Names")
    tree = names.get("/EmbeddedFiles") if isinstance(names, pikepdf.Dictionary) else None
    for name, spec in _name_tree(tree):
        if once(spec):
            yield f"embedded file {name!r}", None, spec
    for spec in _array(doc.root.get("/AF")):
        if once(spec):
            yield "an associated file of the catalog (/AF)", None, spec
    for page_no, page in enumerate(doc.pages, start=1):
        for spec in _array(page.obj.get("/AF")):
            if once(spec):
                yield "an associated file of the page (/AF)", page_no, spec
        for annot in _array(page.obj.get("/Annots")):
            if isinstance(annot, pikepdf.Dictionary) and annot.get("/Subtype") == pikepdf.Name.FileAttachment:
                spec = annot.get("/FS")
                if once(spec):
                    yield "the file of a FileAttachment annotation", page_no, spec


def _array(value: object) -> list:
    return list(value) if isinstance(value, pikepdf.Array) else []


def _name_tree(node: object) -> Iterator[tuple[str, object]]:
    stack, visited = [node], 0
    seen: set = set()
    while stack and visited < MAX_NODES:
        n = stack.pop()
        visited += 1
        if not isinstance(n, pikepdf.Dictionary) or (objgen(n) and objgen(n) in seen):
            continue
        if objgen(n):
            seen.add(objgen(n))
        pairs = _array(n.get("/Names"))
        for i in range(0, len(pairs) - 1, 2):
            yield text(pairs[i]) or "?", pairs[i + 1]
        stack.extend(reversed(_array(n.get("/Kids"))))


@register(ID, "Embedded files have /F and /UF in their file specification",
          standard="PDF/UA-1 7.11; ISO 32000-1 7.11.3; Matterhorn checkpoint 21-001",
          help="A file specification that embeds a file (/EF) needs both /F and /UF (the file name as Unicode "
               "text), so that a reader can say the attachment's name in any script.")
def embedded_files(doc: Doc) -> list[Finding]:
    out = []
    for where, page, spec in file_specs(doc):
        if "/EF" not in spec:
            continue
        missing = [key for key in ("/F", "/UF") if not (text(spec.get(key)) or "").strip()]
        if missing:
            name = text(spec.get("/UF")) or text(spec.get("/F")) or "(no name)"
            out.append(Finding(ID, ERROR, f"{where} ({name}) has no {' and no '.join(missing)} in its file "
                               "specification", page=page, object=ref(spec),
                               fix="set both /F and /UF to the file's name (pikepdf's AttachedFileSpec does)"))
    return out
