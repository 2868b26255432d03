"""The file itself: damage that qpdf repaired while opening it (a broken cross-reference table, a wrong
/Length, a loop), page-tree and outline damage no repair mentions, pages lost in the repair, streams too
large to decode, and an encryption that forbids assistive technology to read the text."""

from __future__ import annotations

import pikepdf

from ..document import Doc, number, objgen, ref, text
from ..findings import ERROR, WARNING, Finding
from ..stream_limits import STREAM_LIMIT
from .registry import register

ID = "FILE-DAMAGED"
SHOWN = 3  # repair messages quoted in the finding


@register(ID, "The file is not damaged: nothing had to be repaired to read it",
          standard="ISO 32000-1 7.5 (file structure), 7.7.3 (page tree), 12.3.3 (outline); PDF/A (ISO 19005) "
                   "6.1; PDF/X (ISO 15930) 6.1",
          help="Readers repair a damaged file each in their own way, so what a screen reader, a printer or an "
               "archive sees may differ from what this check saw. Reports what qpdf had to repair while opening "
               "the file (the cross-reference table, stream lengths, /Prev loops), a page-tree /Count or /Parent "
               "that is wrong, an outline whose /Next entries loop, pages the repair lost, and streams that inflate "
               f"past {STREAM_LIMIT // 2**20} MB (not decoded: a decompression bomb or a damaged stream). A "
               "warning; an error for a file that claims PDF/A or PDF/X, which must not need repair. Re-export "
               "the file from its source, or rewrite it (qpdf in.pdf out.pdf) and check what it shows.")
def damage(doc: Doc) -> list[Finding]:
    severity = ERROR if _claims_archive_or_print(doc) else WARNING
    fix = ("re-export the file from its source application (or rewrite it with qpdf) and check that every page "
           "is still there")
    out = []
    repairs = list(dict.fromkeys(doc.repairs + [_plain(w) for w in doc.pdf.get_warnings()]))
    if repairs:
        more = f" (and {len(repairs) - SHOWN} more)" if len(repairs) > SHOWN else ""
        out.append(Finding(ID, severity, "the file is damaged and was repaired: " + "; ".join(repairs[:SHOWN]) + more,
                           fix=fix))
    for (num, gen), page in sorted(doc.lost_pages.items(), key=lambda item: item[1]):
        known = num >= 0
        out.append(Finding(ID, ERROR, f"{f'page {page}' if page else 'a page'} was lost in repair "
                           f"({f'object {num} {gen}' if known else 'its object'} could not be read): its content, and "
                           "the tags that point at it, are not checked", page=page or None,
                           object=f"{num} {gen} R" if known else None, fix=fix))
    out += [Finding(ID, severity, f"the file is damaged and was repaired: {said}", object=where, fix=fix)
            for said, where in _page_tree(doc) + _outline(doc)]
    for stream in doc.capped:
        out.append(Finding(ID, ERROR, f"stream {stream} inflates to more than {STREAM_LIMIT // 2**20} MB: not read "
                           "(a decompression bomb, or a damaged stream)", object=stream.split(" (")[0],
                           fix="re-export the file; no page needs a stream this large"))
    return out


def _plain(message: object) -> str:
    from ..document import plain_message
    return plain_message(message)


def _claims_archive_or_print(doc: Doc) -> bool:
    if doc.xmp.pdfa_part:
        return True
    info = doc.pdf.trailer.get("/Info")
    if isinstance(info, pikepdf.Dictionary) and text(info.get("/GTS_PDFXVersion")):
        return True
    metadata = doc.root.get("/Metadata")
    try:
        return isinstance(metadata, pikepdf.Stream) and b"GTS_PDFXVersion" in metadata.read_bytes()
    except pikepdf.PdfError:
        return False


def _page_tree(doc: Doc) -> list[tuple[str, str | None]]:
    out = []
    pages = doc.root.get("/Pages")
    count = number(pages.get("/Count")) if isinstance(pages, pikepdf.Dictionary) else None
    if count is not None and count != len(doc.pages) and not doc.lost_pages:
        out.append((f"the page tree's /Count is {count}, but it holds {len(doc.pages)} page(s)", ref(pages)))
    for n, page in enumerate(doc.pages, start=1):
        parent = page.obj.get("/Parent")
        if parent is None:
            out.append((f"page {n} has no /Parent", ref(page.obj)))
        elif objgen(parent) is not None and objgen(parent) == objgen(page.obj):
            out.append((f"page {n}'s /Parent is the page itself (a loop)", ref(page.obj)))
        elif not (isinstance(parent, pikepdf.Dictionary) and isinstance(parent.get("/Kids"), pikepdf.Array)
                  and any(objgen(k) == objgen(page.obj) for k in parent.Kids)):
            out.append((f"page {n}'s /Parent ({ref(parent) or 'a direct object'}) does not list it in /Kids",
                        ref(page.obj)))
    return out


def _outline(doc: Doc) -> list[tuple[str, str | None]]:
    """The outline's /First and /Next chains, looking for an item reached twice (a loop)."""
    outlines = doc.root.get("/Outlines")
    if not isinstance(outlines, pikepdf.Dictionary):
        return []
    seen: set[tuple[int, int]] = set()
    stack = [outlines.get("/First")]
    while stack and len(seen) < 100_000:
        item = stack.pop()
        while isinstance(item, pikepdf.Dictionary):
            key = objgen(item)
            if key is not None:
                if key in seen:
                    return [(f"the outline (bookmarks) loops: item {ref(item)} is reached twice through /First or "
                             "/Next", ref(item))]
                seen.add(key)
            if "/First" in item:
                stack.append(item.get("/First"))
            item = item.get("/Next")
    return []


ENCRYPT = "ENCRYPT-ACCESS"


@register(ENCRYPT, "An encrypted file lets assistive technology read its text",
          standard="PDF/UA-1 7.16; ISO 32000-1 7.6.3.2 (permission bit 10)",
          help="A file may be encrypted, but PDF/UA-1 requires the permission \"extract text and graphics for "
               "accessibility\" (bit 10 of /P) so that screen readers can read it. Re-save with that permission on.")
def encryption_allows_access(doc: Doc) -> list[Finding]:
    if not doc.pdf.is_encrypted or doc.pdf.allow.accessibility:
        return []
    encrypt = doc.pdf.trailer.get("/Encrypt")
    return [Finding(ENCRYPT, ERROR, "the file is encrypted and its permissions forbid extracting text for "
                    "accessibility: screen readers may refuse to read it", object=ref(encrypt) or "Encrypt",
                    fix="save the file again with the accessibility permission (/P bit 10) on, or without "
                        "encryption")]
