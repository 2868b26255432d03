"""The text of PDFium's text objects: their own text, and the /ActualText of the marked content around them."""

from __future__ import annotations

import ctypes


def actual_text(raw, obj) -> tuple[int, str] | None:
    """The /ActualText of the innermost marked content around a PDFium text object, with a key of that
    mark (objects of one marked sequence share it): the logical text that shaped or right-to-left glyphs
    stand for, as assistive technology reads it. PDFium's own text of such an object is the ActualText
    turned around again by its visual-to-logical guess, so it reads right-to-left words backwards."""
    for k in reversed(range(raw.FPDFPageObj_CountMarks(obj))):
        mark = raw.FPDFPageObj_GetMark(obj, k)
        size = ctypes.c_ulong()
        if not raw.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", None, 0, ctypes.byref(size)):
            continue
        buf = (ctypes.c_ubyte * size.value)()
        raw.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", buf, size.value, ctypes.byref(size))
        return ctypes.cast(mark, ctypes.c_void_p).value or 0, pdf_text_string(bytes(buf)[: size.value])
    return None


def pdf_text_string(data: bytes) -> str:
    """A PDF text string's bytes as text: UTF-16BE after its byte order mark, else PDFDocEncoding (read
    as Latin-1, which it equals for letters)."""
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    return data.decode("latin-1")


def object_text(raw, obj, textpage) -> str:
    """The text of one PDFium text object (UTF-16 from FPDFTextObj_GetText)."""
    n = raw.FPDFTextObj_GetText(obj, textpage, None, 0)
    if n <= 2:
        return ""
    buf = ctypes.create_string_buffer(n)
    raw.FPDFTextObj_GetText(obj, textpage, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), n)
    # PDFium gives a hyphen that ends a line as U+0002 (it takes it for a soft hyphen): it is a hyphen
    return buf.raw[: n - 2].decode("utf-16-le", errors="replace").replace("\x02", "-")
