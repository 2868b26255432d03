"""Independent readers for the tests: the writer (ReportLab + pikepdf) never checks itself.

- pypdf reads the structure tree;
- PDFium (pypdfium2, Chrome's engine) reads which text each marked-content id shows;
- the third-party checker pdfua and `render.py check` judge a whole file.
"""

from __future__ import annotations

import ctypes
import subprocess
import sys
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as raw


def _text_of(obj, textpage) -> str:
    n = raw.FPDFTextObj_GetText(obj, textpage, None, 0)
    buf = ctypes.create_string_buffer(n)
    raw.FPDFTextObj_GetText(obj, textpage, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), n)
    return buf.raw[: n - 2].decode("utf-16-le")


def _actual_text(obj) -> tuple[int, str] | None:
    """The /ActualText of the innermost marked content around a text object (and that mark's address:
    the objects of one sequence share it), read from PDFium's marks as raw string bytes."""
    for k in reversed(range(raw.FPDFPageObj_CountMarks(obj))):
        mark = raw.FPDFPageObj_GetMark(obj, k)
        size = ctypes.c_ulong()
        if raw.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", None, 0, ctypes.byref(size)):
            buf = (ctypes.c_ubyte * size.value)()
            raw.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", buf, size.value, ctypes.byref(size))
            data = bytes(buf)[: size.value]
            text = data[2:].decode("utf-16-be") if data.startswith(b"\xfe\xff") else data.decode("latin-1")
            return ctypes.cast(mark, ctypes.c_void_p).value or 0, text
    return None


def mcid_texts(path: Path | bytes) -> dict[tuple[int, int], str]:
    """(page index, MCID) → the text PDFium finds in that marked-content sequence; where glyphs are marked
    with /ActualText (shaped or right-to-left text), that text, once per marked sequence."""
    doc = pdfium.PdfDocument(path)
    out: dict[tuple[int, int], str] = {}
    for index in range(len(doc)):
        page = doc[index]
        textpage = page.get_textpage()
        last_mark = [0]

        def visit(count, get, inherited=-1):
            for i in range(count):
                obj = get(i)
                kind = raw.FPDFPageObj_GetType(obj)
                mcid = raw.FPDFPageObj_GetMarkedContentID(obj)
                mcid = mcid if mcid >= 0 else inherited  # a form's content is in the Do's marked content
                if kind == raw.FPDF_PAGEOBJ_FORM:
                    visit(raw.FPDFFormObj_CountObjects(obj), lambda k, o=obj: raw.FPDFFormObj_GetObject(o, k), mcid)
                elif kind == raw.FPDF_PAGEOBJ_TEXT and mcid >= 0:
                    actual = _actual_text(obj)
                    if actual is None:
                        text = _text_of(obj, textpage.raw)
                    else:
                        text = actual[1] if actual[0] != last_mark[0] else ""
                        last_mark[0] = actual[0]
                    out[(index, mcid)] = out.get((index, mcid), "") + text

        visit(raw.FPDFPage_CountObjects(page.raw), lambda k, p=page: raw.FPDFPage_GetObject(p.raw, k))
    return out


class Node:
    def __init__(self, role: str, attrs: dict[str, str]):
        self.role = role
        self.attrs = attrs
        self.kids: list["Node | str"] = []

    def walk(self):
        yield self
        for kid in self.kids:
            if isinstance(kid, Node):
                yield from kid.walk()

    def text(self) -> str:
        return "".join(k if isinstance(k, str) else k.text() for k in self.kids)


def structure(path: Path | bytes) -> Node:
    """The structure tree as read by pypdf, with each MCID replaced by PDFium's text for it."""
    reader = pypdf.PdfReader(path if isinstance(path, Path) else __import__("io").BytesIO(path))
    texts = mcid_texts(path)
    page_index = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    root = reader.trailer["/Root"]["/StructTreeRoot"]

    def page_of(d, inherited):
        pg = d.get("/Pg")
        return page_index[pg.idnum] if pg is not None else inherited

    def convert(obj, inherited_page) -> Node | str | None:
        d = obj.get_object() if hasattr(obj, "get_object") else obj
        if isinstance(d, int):
            return texts.get((inherited_page, int(d)), "")
        if d.get("/Type") == "/MCR":
            return texts.get((page_of(d, inherited_page), int(d["/MCID"])), "")
        if d.get("/Type") == "/OBJR":
            annot = d["/Obj"].get_object()
            node = Node("OBJR", {"Contents": str(annot.get("/Contents", ""))})
            return node
        attrs = {}
        for key in ("/Alt", "/Lang", "/ID", "/ActualText"):
            if key in d:
                attrs[key[1:]] = str(d[key])
        a = d.get("/A")
        if a is not None:
            a = a.get_object()
            if "/ListNumbering" in a:
                attrs["ListNumbering"] = str(a["/ListNumbering"])[1:]
            if "/BBox" in a:
                attrs["BBox"] = "yes"
            if a.get("/O") == "/Table":
                for key in ("/Scope", "/RowSpan", "/ColSpan"):
                    if key in a:
                        attrs[key[1:]] = str(a[key]).lstrip("/")
                if "/Headers" in a:
                    attrs["Headers"] = " ".join(str(h) for h in a["/Headers"])
        node = Node(str(d["/S"])[1:], attrs)
        here = page_of(d, inherited_page)
        kids = d.get("/K")
        if kids is None:
            return node
        kids = kids.get_object() if hasattr(kids, "get_object") else kids
        for kid in (kids if isinstance(kids, list) else [kids]):
            converted = convert(kid, here)
            if converted is not None:
                node.kids.append(converted)
        return node

    top = root["/K"]
    top = top.get_object() if hasattr(top, "get_object") else top
    first = top[0] if isinstance(top, list) else top
    return convert(first, 0)  # type: ignore[return-value]


def tree_text(node: Node, depth: int = 0) -> str:
    """Indented text, one element a line, its own text quoted: the golden-file format."""
    attrs = " ".join(f'{k}="{v}"' for k, v in sorted(node.attrs.items()))
    lines = [("  " * depth + node.role + (" " + attrs if attrs else "")).rstrip()]
    pending = ""
    for kid in node.kids:
        if isinstance(kid, str):
            pending += kid
            continue
        if pending:
            lines.append("  " * (depth + 1) + repr(pending))
            pending = ""
        lines.append(tree_text(kid, depth + 1))
    if pending:
        lines.append("  " * (depth + 1) + repr(pending))
    return "\n".join(lines)


def reading_text(node: Node) -> str:
    """What a screen reader reads, in order: text, and the alt text in place of a figure."""
    if node.role == "Figure":  # its alt text replaces its content; a caption is read where it stands
        out, alt_read = "", False
        for kid in node.kids:
            if isinstance(kid, Node) and kid.role == "Caption":
                out += " " + reading_text(kid) + " "
            elif not alt_read:
                out += " " + node.attrs.get("Alt", "") + " "
                alt_read = True
        return out
    if node.role == "OBJR":
        return ""
    out = ""
    for kid in node.kids:
        out += kid if isinstance(kid, str) else reading_text(kid)
        if isinstance(kid, Node) and kid.role in ("P", "H1", "H2", "H3", "LI", "Caption", "L", "Sect", "Div"):
            out += " "
    return out


def painted_mcids(path: Path | bytes) -> set[tuple[int, int]]:
    """(page index, MCID) of every page object PDFium finds inside marked content with an MCID."""
    doc = pdfium.PdfDocument(path)
    found: set[tuple[int, int]] = set()
    for index in range(len(doc)):
        page = doc[index]

        def visit(count, get):
            for i in range(count):
                obj = get(i)
                mcid = raw.FPDFPageObj_GetMarkedContentID(obj)
                if mcid >= 0:
                    found.add((index, mcid))
                if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM:
                    visit(raw.FPDFFormObj_CountObjects(obj), lambda k, o=obj: raw.FPDFFormObj_GetObject(o, k))

        visit(raw.FPDFPage_CountObjects(page.raw), lambda k, p=page: raw.FPDFPage_GetObject(p.raw, k))
    return found


def claimed_mcids(path: Path | bytes) -> set[tuple[int, int]]:
    """(page index, MCID) of every marked-content reference in the structure tree, read by pypdf."""
    reader = pypdf.PdfReader(path if isinstance(path, Path) else __import__("io").BytesIO(path))
    page_index = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    found: set[tuple[int, int]] = set()

    def visit(obj, page):
        d = obj.get_object() if hasattr(obj, "get_object") else obj
        if isinstance(d, int):
            found.add((page, int(d)))
            return
        if d.get("/Type") == "/OBJR":
            return
        if "/Pg" in d:
            page = page_index[d.raw_get("/Pg").idnum]
        if d.get("/Type") == "/MCR":
            found.add((page, int(d["/MCID"])))
            return
        kids = d.get("/K")
        if kids is None:
            return
        kids = kids.get_object() if hasattr(kids, "get_object") else kids
        for kid in kids if isinstance(kids, list) else [kids]:
            visit(kid, page)

    visit(reader.trailer["/Root"]["/StructTreeRoot"], 0)
    return found


def artifact_texts(path: Path | bytes, page_index: int) -> list[str]:
    """Texts PDFium finds on a page inside /Artifact marked content (not tagged content)."""
    doc = pdfium.PdfDocument(path)
    page = doc[page_index]
    textpage = page.get_textpage()
    out = []
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
            continue
        names = []
        for m in range(raw.FPDFPageObj_CountMarks(obj)):
            mark = raw.FPDFPageObj_GetMark(obj, m)
            length = ctypes.c_ulong()
            raw.FPDFPageObjMark_GetName(mark, None, 0, ctypes.byref(length))
            buf = ctypes.create_string_buffer(length.value)
            raw.FPDFPageObjMark_GetName(mark, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), length.value,
                                        ctypes.byref(length))
            names.append(buf.raw[: length.value - 2].decode("utf-16-le"))
        if "Artifact" in names and raw.FPDFPageObj_GetMarkedContentID(obj) < 0:
            out.append(_text_of(obj, textpage.raw))
    return out


def text_sizes(path: Path | bytes, page_index: int = 0) -> list[tuple[str, float]]:
    """(text, size in points on the page) of each text object PDFium finds on a page."""
    import math
    page = pdfium.PdfDocument(path)[page_index]
    textpage = page.get_textpage()
    out = []
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_TEXT:
            size, m = ctypes.c_float(), raw.FS_MATRIX()
            raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
            raw.FPDFPageObj_GetMatrix(obj, m)
            out.append((_text_of(obj, textpage.raw), size.value * math.hypot(m.c, m.d)))
    return out


def assert_checks_clean(path: Path) -> None:
    """pdfua (a third-party PDF/UA checker) and `render.py check` both find nothing in the file."""
    run = subprocess.run([sys.executable, "-m", "pdfua", "check", str(path)], capture_output=True, text=True)
    assert run.returncode == 0 and "PASS (no findings)" in run.stdout, run.stdout
    render = Path(__file__).resolve().parent.parent / "render.py"
    check = subprocess.run([sys.executable, str(render), "check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0 and "0 error(s), 0 warning(s)" in check.stdout, check.stdout
