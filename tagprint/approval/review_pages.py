"""The changed pages of the review copy: each compared page at full size (100 %), one page of the review
copy per page compared, placed as a vector form XObject (pikepdf `Page.as_form_xobject`), never a picture.
On the approved page the deleted words are struck through in red; on the draft page the inserted words
are underlined; nothing else is marked. Each change is also a comment (a Text annotation whose /Contents
says what changed and where), in the structure tree as an Annot element, so a comment list and a screen
reader find it; the placed page itself is one Figure whose Alt text names every change on it.

The placed page's own marked content (its tags belong to the other file's structure tree) is taken out of
the form XObjects, so the review copy's tags are its own.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from .words import Mark

STRIKE = (0.85, 0.0, 0.0)      # deletions: red, through the middle of the words
UNDERLINE = (0.0, 0.36, 0.72)  # insertions: blue, under the words
NOTE_SIZE = 16.0
_MARKED = {"BDC", "BMC", "EMC", "MP", "DP"}


@dataclass
class Note:
    """A comment on a review page: what changed (in words), in the right margin level with `top` (PDF
    points from the bottom of the page), coloured as a deletion or an insertion."""

    text: str
    top: float
    kind: str = "inserted"

    @classmethod
    def of(cls, text: str, mark: Mark) -> "Note":
        return cls(text, mark.lines()[0][3] if mark.words else 0.0, mark.kind)


@dataclass
class ReviewPage:
    side: str                  # "old" or "new": which compared file the page is from
    number: int                # the page of that file, 1-based
    alt: str                   # the Figure's Alt text
    marks: list[Mark] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    label: str = ""            # the page's label and bookmark: "approved 1.0, page 1"


def _strip(form: pikepdf.Object, seen: set) -> None:
    """Takes the other file's marked content (and its structure keys) out of a form and the forms it uses."""
    key = form.objgen
    if key in seen:
        return
    seen.add(key)
    kept = [item for item in pikepdf.parse_content_stream(form) if str(item.operator) not in _MARKED]
    form.write(zlib.compress(pikepdf.unparse_content_stream(kept), 9), filter=Name.FlateDecode)
    for name in ("/StructParent", "/StructParents"):
        if name in form:
            del form[name]
    resources = form.get("/Resources")
    xobjects = resources.get("/XObject") if resources is not None else None
    for inner in (xobjects.values() if xobjects is not None else ()):
        if inner.get("/Subtype") == Name.Form:
            _strip(inner, seen)


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _marks_ops(marks: list[Mark]) -> bytes:
    ops: list[str] = []
    for mark in marks:
        colour = STRIKE if mark.kind == "deleted" else UNDERLINE
        ops.append("q " + " ".join(_number(c) for c in colour) + " RG 1.3 w 0 J")
        for x0, y0, x1, y1 in mark.lines():
            y = y0 + (y1 - y0) * 0.38 if mark.kind == "deleted" else y0 - 1.4
            ops.append(f"{_number(x0 - 0.5)} {_number(y)} m {_number(x1 + 0.5)} {_number(y)} l S")
        ops.append("Q")
    return ("\n".join(ops) + "\n").encode()


def _document_element(pdf: pikepdf.Pdf) -> pikepdf.Object:
    kids = pdf.Root.StructTreeRoot.K
    first = kids[0] if isinstance(kids, Array) else kids
    return first


def _labels_and_bookmarks(pdf: pikepdf.Pdf, pages: list[ReviewPage]) -> None:
    """Each placed page named in the viewer's page box (/PageLabels) and in the bookmarks, so a reviewer
    always sees which version a page is."""
    first = len(pdf.pages) - len(pages)
    nums = Array([0, Dictionary(S=Name.D)])
    for index, entry in enumerate(pages):
        nums.extend(Array([first + index, Dictionary(P=String(entry.label or f"page {entry.number}"))]))
    pdf.Root.PageLabels = Dictionary(Nums=nums)
    with pdf.open_outline() as outline:
        for index, entry in enumerate(pages):
            outline.root.append(pikepdf.OutlineItem(entry.label or f"page {entry.number}", first + index))


def append_pages(review: bytes, compared: dict[str, bytes], pages: list[ReviewPage]) -> bytes:
    """`review` with `pages` appended: each a page of `compared[side]` at full size, marked and commented."""
    with pikepdf.open(io.BytesIO(review)) as pdf:
        sources = {side: pikepdf.open(io.BytesIO(data)) for side, data in compared.items()}
        try:
            tree = pdf.Root.StructTreeRoot
            document = _document_element(pdf)
            if not isinstance(document.K, Array):
                document.K = Array([document.K])
            nums = tree.ParentTree.Nums
            key = int(tree.get("/ParentTreeNextKey", len(nums) // 2))
            seen: set = set()
            for entry in pages:
                source = sources[entry.side].pages[entry.number - 1]
                x0, y0, x1, y1 = (float(v) for v in source.mediabox)
                width, height = x1 - x0, y1 - y0
                form = pdf.copy_foreign(source.as_form_xobject())
                _strip(form, seen)
                content = (b"/Figure <</MCID 0>> BDC\nq 1 0 0 1 " + f"{_number(-x0)} {_number(-y0)}".encode()
                           + b" cm /Placed Do Q\n" + _marks_ops(entry.marks) + b"EMC\n")
                page = pikepdf.Page(pdf.make_indirect(Dictionary(
                    Type=Name.Page, MediaBox=Array([0, 0, width, height]),
                    Resources=Dictionary(XObject=Dictionary(Placed=form)),
                    Contents=pdf.make_stream(content), Tabs=Name.S, StructParents=key)))
                pdf.pages.append(page)
                page = pdf.pages[-1]
                figure = pdf.make_indirect(Dictionary(
                    Type=Name.StructElem, S=Name.Figure, P=document, Pg=page.obj, K=0, Alt=String(entry.alt),
                    A=Dictionary(O=Name.Layout, BBox=Array([0, 0, width, height]), Placement=Name.Block)))
                document.K.append(figure)
                nums.extend(Array([key, Array([figure])]))
                key += 1
                annots = Array()
                taken: list[float] = []
                for note in entry.notes:
                    y = min(max(note.top - NOTE_SIZE, 4), height - NOTE_SIZE - 4)
                    while any(abs(y - t) < NOTE_SIZE + 2 for t in taken):
                        y -= NOTE_SIZE + 2
                    taken.append(y)
                    x = width - NOTE_SIZE - 6
                    colour = STRIKE if note.kind == "deleted" else UNDERLINE
                    annot = pdf.make_indirect(Dictionary(
                        Type=Name.Annot, Subtype=Name.Text, Rect=Array([x, y, x + NOTE_SIZE, y + NOTE_SIZE]),
                        Contents=String(note.text), T=String("tagprint diff"), Name=Name.Comment, F=4,
                        C=Array(list(colour)), P=page.obj, StructParent=key))
                    element = pdf.make_indirect(Dictionary(
                        Type=Name.StructElem, S=Name.Annot, P=document, Pg=page.obj, Alt=String(note.text),
                        K=Dictionary(Type=Name.OBJR, Obj=annot, Pg=page.obj)))
                    document.K.append(element)
                    nums.extend(Array([key, element]))
                    key += 1
                    annots.append(annot)
                if len(annots):
                    page.obj.Annots = annots
            tree.ParentTreeNextKey = key
            _labels_and_bookmarks(pdf, pages)
            out = io.BytesIO()
            pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
            return out.getvalue()
        finally:
            for opened in sources.values():
                opened.close()
