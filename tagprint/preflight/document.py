"""The PDF under check: opened once with pikepdf, with the views the checks share computed on demand.

Any PDF is welcome, not only ours: nothing here assumes how the file was written.
"""

from __future__ import annotations

import io
import re
from functools import cached_property
from pathlib import Path
from typing import Callable, TypeVar, cast

import pikepdf

from ..verify.marked_content import WALKER_OPERATORS, Holder, WalkResult, parse_instructions, walk_pdf
from .findings import UnusableInput
from .pdf_values import is_true, number, objgen, ref, text  # noqa: F401  (the checks read them from here too)

T = TypeVar("T")


def plain_message(message: object) -> str:
    """A qpdf message without the name of the in-memory stream it read from ("stream <_io.BytesIO object at
    0x…>: ", "(offset 1234)" kept)."""
    said = re.sub(r"(?:stream )?<_io\.BytesIO object at 0x[0-9a-f]+>:?\s*", "", str(message))
    return said.strip() or str(message)


def _page_leaves(pdf: pikepdf.Pdf) -> list[tuple[int, int]]:
    """The page objects the page tree names, in order, as written (kids that are no dictionary, or lost,
    count too): read before pikepdf's page list, which repairs the tree, so that a page the repair drops is
    still known by its number."""
    out: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()

    def visit(node: object, depth: int) -> None:
        if depth > 64 or len(out) > 100_000:
            return
        key = objgen(node)
        if key is not None:
            if key in seen:
                return
            seen.add(key)
        try:
            kids = node.get("/Kids") if isinstance(node, pikepdf.Dictionary) else None
            is_pages = isinstance(node, pikepdf.Dictionary) and (node.get("/Type") == pikepdf.Name.Pages
                                                                 or isinstance(kids, pikepdf.Array))
        except pikepdf.PdfError:
            return
        if is_pages and isinstance(kids, pikepdf.Array):
            for kid in kids:
                visit(kid, depth + 1)
        elif key is not None:
            out.append(key)
        elif not isinstance(node, pikepdf.Dictionary):  # a kid that could not be read: no number left
            out.append((-1, len(out)))

    try:
        visit(pdf.Root.get("/Pages"), 0)
    except Exception:  # noqa: BLE001 - only a hint for the damage report; pikepdf's page list decides
        return []
    return out


def _dropped_while_opening(repairs: list[str], data: bytes, kept: set) -> dict[tuple[int, int], int]:
    """Pages that qpdf dropped from the page tree while reconstructing the file ("object 9 0: Pages tree
    includes non-dictionary object"), numbered by their place in the /Kids arrays as the bytes write them
    (0 when no /Kids array in plain bytes names them)."""
    dropped = [(int(m.group(1)), int(m.group(2))) for r in repairs
               for m in [re.match(r"object (\d+) (\d+): Pages tree includes non-dictionary object", r)] if m]
    if not dropped:
        return {}
    written: list[tuple[int, int]] = []
    for kids in re.finditer(rb"/Kids\s*\[([^\]]*)\]", data):
        written += [(int(n), int(g)) for n, g in re.findall(rb"(\d+)\s+(\d+)\s+R", kids.group(1))]
    return {key: (written.index(key) + 1 if key in written else 0) for key in dropped if key not in kept}


# besides the walker's: what the text-usage scan follows (graphics state, fonts, render mode)
SHARED_OPERATORS = "q Q Tf Tr"


class Doc:
    """A PDF opened for checking. `close()` (or `with`) releases the PDFium copy too."""

    def __init__(self, path: Path, data: bytes, pdf: pikepdf.Pdf, operators: str = ""):
        self.path = path
        self.data = data
        self.pdf = pdf
        # what the shared parse keeps besides the walker's operators: the text and content-id scans', and
        # those the checks about to run read (`Check.operators`), so that no check parses on its own
        self.operators = " ".join(sorted(set(f"{SHARED_OPERATORS} {operators}".split())))
        self.pages = list(pdf.pages)
        self._page_numbers = {p.obj.objgen: i for i, p in enumerate(self.pages, start=1)}
        self._pdfium = None
        self._instructions: dict[tuple[int, int], list] = {}
        self.ink_limit: float | None = None  # the press's total ink limit (0..4) for print checks; None: default
        self.views: dict[str, object] = {}  # what other modules derive once per document (print's paint scan)
        self.repairs: list[str] = []  # what qpdf repaired while opening (its warnings), e.g. "file is damaged"
        self.lost_pages: dict[tuple[int, int], int] = {}  # page objects the repair dropped -> page number as written
        self.capped: list[str] = []  # streams not decoded: they inflate past the limit (stream_limits)

    # ---- opening ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> "Doc":
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise UnusableInput(f"cannot read the file: {exc.strerror or exc}") from None
        return cls.from_bytes(data, Path(path))

    @classmethod
    def from_bytes(cls, data: bytes, path: Path = Path("<bytes>"), operators: str = "") -> "Doc":
        if b"%PDF-" not in data[:1024]:
            raise UnusableInput("not a PDF (no %PDF- header in the first 1024 bytes)")
        try:
            pdf = pikepdf.open(io.BytesIO(data))
        except pikepdf.PasswordError:
            raise UnusableInput("the PDF needs a password to open") from None
        except pikepdf.PdfError as exc:
            raise UnusableInput(f"the PDF cannot be parsed: {plain_message(exc)}") from None
        repairs = [plain_message(w) for w in pdf.get_warnings()]  # get_warnings() empties qpdf's list
        leaves = _page_leaves(pdf)  # the page tree as written, before qpdf repairs it
        try:
            len(pdf.pages)
        except Exception as exc:  # a file qpdf opens but whose page tree is broken beyond repair
            pdf.close()
            raise UnusableInput(f"the PDF has no readable page tree: {plain_message(exc)}") from None
        doc = cls(path, data, pdf, operators)
        doc.repairs = repairs + [plain_message(w) for w in pdf.get_warnings()]
        kept = {p.obj.objgen for p in doc.pages}
        doc.lost_pages = {key: n for n, key in enumerate(leaves, start=1) if key not in kept}
        doc.lost_pages.update(_dropped_while_opening(doc.repairs, data, kept))
        from .stream_limits import cap_streams
        doc.capped = cap_streams(doc)
        return doc

    def close(self) -> None:
        if self._pdfium is not None:
            self._pdfium.close()
            self._pdfium = None
        self.pdf.close()

    def __enter__(self) -> "Doc":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- shared views -------------------------------------------------------------------------

    def view(self, name: str, make: Callable[[], T]) -> T:
        """What another module derives once per document (`name` is its own), made on first use."""
        if name not in self.views:
            self.views[name] = make()
        return cast(T, self.views[name])  # each name is made by one function, so always of one type

    @property
    def root(self) -> pikepdf.Dictionary:
        # the trailer's /Root: pikepdf opens no file without a catalog dictionary
        return cast(pikepdf.Dictionary, self.pdf.Root)

    def page_number(self, page: object) -> int | None:
        """1-based number of a page object, None when it is not a page of this document."""
        key = objgen(page)
        return self._page_numbers.get(key) if key else None

    def instructions(self, holder: Holder) -> list:
        """The parsed content of a page, form XObject or appearance stream, parsed once for every view:
        the walker's operators and those the text and content-id scans read (others are left out)."""
        obj = holder.obj if isinstance(holder, pikepdf.Page) else holder
        key = objgen(obj)
        if key is None:
            return parse_instructions(holder, self.operators)
        found = self._instructions.get(key)
        if found is None:
            found = self._instructions[key] = parse_instructions(holder, self.operators)
        return found

    def parses(self, operators: str) -> bool:
        """Whether `instructions` keeps all of these operators (a stream with inline images keeps all)."""
        return set(operators.split()) <= set(self.operators.split()) | WALKER_OPERATORS

    @cached_property
    def walk(self) -> WalkResult:
        """Every painting operator and whether it is tagged or an artifact (the shared walker)."""
        return walk_pdf(self.pdf, self.instructions)

    @cached_property
    def tree(self):
        """The structure tree, or None when the catalog has no StructTreeRoot."""
        from .structure_tree import read_tree
        return read_tree(self)

    @cached_property
    def xmp(self):
        from .xmp import read_xmp
        return read_xmp(self)

    @cached_property
    def text_usage(self):
        from .text_usage import scan_text
        return scan_text(self)

    @cached_property
    def content_ids(self):
        from .content_ids import marked_content_ids
        return marked_content_ids(self)

    @property
    def pdfium(self):
        """The same bytes opened with PDFium (a second, independent reader)."""
        if self._pdfium is None:
            import pypdfium2 as pdfium
            self._pdfium = pdfium.PdfDocument(self.data)
        return self._pdfium
