"""A cap on what one stream may inflate to. A Flate stream of 1 MB can inflate to 1 GB or more (a
"decompression bomb"); decoding it to parse the content, read the text or render the page would take
seconds and gigabytes. Before any check decodes anything, each Flate stream that is large enough to
inflate past the cap is inflated once here, in pieces and thrown away as it goes (a few megabytes of
memory), and one that passes the cap is emptied in the copy under check, so that nothing decodes it again.
The file's findings say which streams were emptied (FILE-DAMAGED)."""

from __future__ import annotations

import io
import zlib
from typing import TYPE_CHECKING

import pikepdf

from .pdf_values import ref

if TYPE_CHECKING:  # the Doc's views call these readers: one way at run time
    from .document import Doc

STREAM_LIMIT = 128 * 1024 * 1024  # bytes one stream may inflate to
MAX_RATIO = 1032                  # Deflate's best: a stream of less than LIMIT / 1032 bytes cannot pass the cap
PIECE = 4 * 1024 * 1024


def inflates_past(raw: bytes, limit: int = STREAM_LIMIT) -> bool:
    """Whether zlib data inflates to more than `limit` bytes (False for data that is no valid zlib)."""
    inflater = zlib.decompressobj()
    total = 0
    data = raw
    try:
        while True:
            out = inflater.decompress(data, PIECE)
            total += len(out)
            if total > limit:
                return True
            data = inflater.unconsumed_tail
            if inflater.eof or (not data and not out):
                return False
    except zlib.error:
        return False


def cap_streams(doc: Doc) -> list[str]:
    """Empties, in the copy under check, every Flate stream that inflates past STREAM_LIMIT; returns them
    as "12 0 R (content of page 1)". When any was emptied, the Doc's bytes (which PDFium reads) become the
    emptied copy's."""
    capped = []
    pages: dict[tuple[int, int], int] = {}  # a page's content stream → the page's number
    for n, page in enumerate(doc.pages, start=1):
        contents = page.obj.get("/Contents")
        if isinstance(contents, pikepdf.Stream) and contents.is_indirect:
            pages[contents.objgen] = n
    for obj in doc.pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        filters = obj.get("/Filter")
        first = filters[0] if isinstance(filters, pikepdf.Array) and len(filters) else filters
        if first not in (pikepdf.Name.FlateDecode, pikepdf.Name.Fl):
            continue
        try:
            raw = obj.read_raw_bytes()
        except pikepdf.PdfError:
            continue
        if len(raw) * MAX_RATIO < STREAM_LIMIT or not inflates_past(raw):
            continue
        where = f" (the content of page {pages[obj.objgen]})" if obj.objgen in pages else ""
        capped.append(f"{ref(obj) or 'a stream'}{where}")
        obj.write(b"")  # the emptied stream: nothing draws, nothing decodes it again
    if capped:
        out = io.BytesIO()
        doc.pdf.save(out)
        doc.data = out.getvalue()
    return capped
