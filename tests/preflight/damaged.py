"""Damaged copies of a good PDF, made on the fly: each with one kind of damage a reader has to repair.
The copy is written with a classic cross-reference table (no object streams), then edited as bytes; an edit
that changes a length moves the offsets behind it, so the xref table is shifted to match unless the damage
is the offsets themselves."""

from __future__ import annotations

import io
import re
import zlib
from pathlib import Path
from typing import Callable

import pikepdf

SOURCE = Path(__file__).resolve().parent / "fixtures"


def plain(name: str, change: Callable[[pikepdf.Pdf], None] | None = None) -> bytes:
    with pikepdf.open(SOURCE / name) as pdf:
        if change is not None:
            change(pdf)
        out = io.BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable, deterministic_id=True)
        return out.getvalue()


def replace_keeping_offsets(data: bytes, old: bytes, new: bytes) -> bytes:
    """`old` (its first occurrence) replaced by `new`, with every xref offset and startxref behind it moved."""
    at = data.index(old)
    delta = len(new) - len(old)
    data = data[:at] + new + data[at + len(old):]
    xref = data.rindex(b"\nxref\n") + 1
    table_end = data.index(b"trailer", xref)

    def shift(m: re.Match) -> bytes:
        offset = int(m.group(1))
        return b"%010d %s n" % (offset + delta if offset > at else offset, m.group(2))

    table = re.sub(rb"(\d{10}) (\d{5}) n", shift, data[xref:table_end])
    data = data[:xref] + table + data[table_end:]
    start = data.rindex(b"startxref\n") + len(b"startxref\n")
    end = data.index(b"\n", start)
    return data[:start] + str(xref).encode() + data[end:]


def garbled_xref(name: str = "typst-article.pdf") -> bytes:
    data = plain(name)
    xref = data.rindex(b"\nxref\n") + 6
    return data[:xref] + re.sub(rb"\d{10} \d{5} n", b"x" * 18, data[xref:xref + 400]) + data[xref + 400:]


def startxref_past_end(name: str = "typst-article.pdf") -> bytes:
    data = plain(name)
    start = data.rindex(b"startxref\n") + len(b"startxref\n")
    return data[:start] + b"99999999\n%%EOF\n"


def length_1gb(name: str = "typst-article.pdf") -> bytes:
    data = plain(name)
    length = re.search(rb"/Length \d+", data).group(0)
    return replace_keeping_offsets(data, length, b"/Length 1000000000")


def prev_loop(name: str = "typst-article.pdf") -> bytes:
    """An update section whose /Prev names itself."""
    data = plain(name)
    trailer = data[data.rindex(b"trailer"):]
    size = int(re.search(rb"/Size (\d+)", trailer).group(1))
    root = re.search(rb"/Root (\d+ \d+ R)", trailer).group(1)
    here = len(data)
    return data + (b"xref\n0 1\n0000000000 65535 f \ntrailer << /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
                   % (size, root, here, here))


def parent_self_loop(name: str = "typst-article.pdf") -> bytes:
    def change(pdf):
        pdf.pages[0].obj.Parent = pdf.pages[0].obj
    return plain(name, change)


def count_1e9(name: str = "typst-article.pdf") -> bytes:
    data = plain(name)
    pages = re.search(rb"\d+ 0 obj\s*<<(?:(?!endobj).)*?/Type /Pages(?:(?!endobj).)*?endobj", data, re.S).group(0)
    return replace_keeping_offsets(data, pages, re.sub(rb"/Count \d+", b"/Count 1000000000", pages))


def outline_next_cycle(name: str = "typst-article.pdf") -> bytes:
    def change(pdf):
        first = pdf.make_indirect(pikepdf.Dictionary(Title=pikepdf.String("One")))
        second = pdf.make_indirect(pikepdf.Dictionary(Title=pikepdf.String("Two")))
        outlines = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines, First=first, Last=second,
                                                        Count=2))
        first.Parent = second.Parent = outlines
        first.Next, second.Prev, second.Next = second, first, first  # Two's /Next goes back to One
        pdf.Root.Outlines = outlines
    return plain(name, change)


def deep_array(name: str = "typst-columns.pdf", depth: int = 200_000) -> bytes:
    """Page 1 holds an array nested `depth` deep: qpdf gives up on the object, and the page with it."""
    def mark(pdf):
        pdf.pages[0].obj.DeepMarker = pikepdf.Name.X
    return replace_keeping_offsets(plain(name, mark), b"/DeepMarker /X", b"/Deep " + b"[" * depth + b"]" * depth)


def flate_bomb(name: str = "typst-article.pdf", size: int = 2**30) -> bytes:
    """Page 1's content becomes a Flate stream of about 1 MB that inflates to `size` bytes of spaces (made
    in pieces: the test never holds the inflated bytes)."""
    piece = b" " * 2**20
    deflate = zlib.compressobj(9)
    first = deflate.compress(piece) + deflate.flush(zlib.Z_FULL_FLUSH)  # the zlib header and one piece
    again = deflate.compress(piece) + deflate.flush(zlib.Z_FULL_FLUSH)  # a full flush forgets the past:
    assert deflate.compress(piece) + deflate.flush(zlib.Z_FULL_FLUSH) == again  # every later piece packs alike
    checksum = 1
    for _ in range(size // len(piece)):
        checksum = zlib.adler32(piece, checksum)
    # the rest of the pieces, an empty final block (fixed Huffman codes) and the checksum of all the bytes
    packed = first + again * (size // len(piece) - 1) + b"\x03\x00" + checksum.to_bytes(4, "big")

    def change(pdf):
        stream = pikepdf.Stream(pdf, b"")
        stream.write(packed, filter=pikepdf.Name.FlateDecode)
        pdf.pages[0].obj.Contents = pdf.make_indirect(stream)
    return plain(name, change)


def no_accessibility_permission(name: str = "typst-article.pdf") -> bytes:
    """Encrypted (RC4 128-bit, revision 3, empty user password) with every permission but "extract text for
    accessibility" (/P bit 10) and "extract" (bit 5). Written with pypdf: qpdf always sets bit 10."""
    import pypdf
    from pypdf.constants import UserAccessPermissions as Allow

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(SOURCE / name))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128",
                   permissions_flag=Allow.PRINT | Allow.MODIFY | Allow.ADD_OR_MODIFY | Allow.FILL_FORM_FIELDS
                   | Allow.ASSEMBLE_DOC | Allow.PRINT_TO_REPRESENTATION)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


DAMAGES = {"garbled xref": garbled_xref, "startxref past the end": startxref_past_end,
           "/Length of 1 GB": length_1gb, "xref /Prev loop": prev_loop, "/Parent self-loop": parent_self_loop,
           "/Count 1000000000": count_1e9, "outline /Next cycle": outline_next_cycle}
