"""The changed pages of the review copy: each compared page whole, scaled down to fit (every page of the
review copy is the compared document's size, so it prints at one scale), one page of the review copy per page compared, placed as a vector form XObject (pikepdf `Page.as_form_xobject`), never a picture.
review_document sets a page for each (its label heading, "Approved 1.0, page 1", and the copy's running
footer, "Review copy · page 3 of 4", both through the normal pipeline, so tagged and with embedded fonts);
here the label moves into a band across the top (hung on the copy's margins), the footer stays where the
pipeline set it (in one place on every page of the copy), and the compared page is placed between them, scaled
down to fit, from the left margin, its comments in a column at its right.
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

from .review_document import LINK_PREFIX
from .review_marks import BLENDS, STRIKE, UNDERLINE, marks_ops, page_image
from .words import Mark

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
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _document_element(pdf: pikepdf.Pdf) -> pikepdf.Object:
    kids = pdf.Root.StructTreeRoot.K
    first = kids[0] if isinstance(kids, Array) else kids
    return first


def _labels_and_bookmarks(pdf: pikepdf.Pdf, pages: list[ReviewPage]) -> None:
    """Each placed page named in the viewer's page box (/PageLabels), so a reviewer always sees which version
    a page is; its bookmark (from its label heading) opens the page at its top."""
    first = first_placed(pdf, pages)
    nums = Array([0, Dictionary(S=Name.D)])
    for index, entry in enumerate(pages):
        nums.extend(Array([first + index, Dictionary(P=String(entry.label or f"page {entry.number}"))]))
    after = first + len(pages)
    if after < len(pdf.pages):   # the fingerprints, after the placed pages: numbered again
        nums.extend(Array([after, Dictionary(S=Name.D, St=after + 1)]))
    pdf.Root.PageLabels = Dictionary(Nums=nums)
    placed = {pdf.pages[first + index].obj.objgen: pdf.pages[first + index] for index in range(len(pages))}

    def retarget(items: list) -> None:
        for item in items:
            target = item.destination
            if isinstance(target, Array) and len(target) and target[0].objgen in placed:
                page = placed[target[0].objgen]
                item.destination = Array([page.obj, Name.XYZ, 0, page.mediabox[3], 0])
            retarget(item.children)

    with pdf.open_outline() as outline:
        retarget(outline.root)
    _page_links(pdf, first, len(pages))


def first_placed(pdf: pikepdf.Pdf, pages: list[ReviewPage]) -> int:
    """The index of the review copy's page made for the first placed page: where its label's bookmark goes (the
    summary before it, the fingerprints after the placed pages, each as many pages as they take)."""
    where = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}

    def find(items: list) -> int | None:
        for item in items:
            target = item.destination
            if item.title == pages[0].label and isinstance(target, Array) and len(target):
                return where.get(target[0].objgen)
            found = find(item.children)
            if found is not None:
                return found
        return None

    with pdf.open_outline() as outline:
        found = find(outline.root) if pages and pages[0].label else None
    return found if found is not None else len(pdf.pages) - len(pages)


def _page_links(pdf: pikepdf.Pdf, first: int, count: int) -> None:
    """The change lists' links (review_document set each as a URI, LINK_PREFIX and the index of its placed page)
    pointed at their placed pages: a destination in the file, opening the page at its top."""
    for page in pdf.pages[:first]:
        for annot in page.get("/Annots", []):
            action = annot.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if annot.get("/Subtype") != Name.Link or not uri.startswith(LINK_PREFIX):
                continue
            index = int(uri.removeprefix(LINK_PREFIX))
            if 0 <= index < count:
                target = pdf.pages[first + index]
                annot.Dest = Array([target.obj, Name.XYZ, 0, target.mediabox[3], 0])
                del annot["/A"]


TOP_BAND = 24.0     # the band above a placed page, holding its label ("Approved 1.0, page 1")
TOP_GAP = 8.0       # white between the label band and the placed page (a page's own top band must not butt into it)
GUTTER = 8.0        # white between the placed page's right edge and its comments' icons
MARGIN = 40.0       # the review copy's own margins (review_document's page: top and sides 40, foot 48): the label
TOP = 40.0          # band hangs from the top margin between the side margins, the placed page and its comments'
BOTTOM = 48.0       # column fit inside them, and the running footer stays in the foot margin, as on the summary
EDGE = 24.0         # nothing on a placed page's sheet comes nearer its edges than this: office printers clip the
                    # outer 12-18 pt (the margins keep everything further in)
INSET = 8.0         # a band's words start this far inside it
STACK = NOTE_SIZE + 2.0   # comments on lines close together stack this far apart, from the first one's line
BANDS = {"old": (0.98, 0.92, 0.92), "new": (0.91, 0.95, 0.99)}   # the label band: red for approved, blue for the draft
RULE = (0.72, 0.74, 0.78)                                          # the hairline round a placed page


def _parents(tree: pikepdf.Object) -> dict[int, pikepdf.Object]:
    nums = tree.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def _op(operator: str, *operands: float) -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction(list(operands), pikepdf.Operator(operator))


def _sequences(ops: list) -> list[tuple[str, list]]:
    """A page's content split at its top-level marked-content sequences: ("artifact" | "content" | "", ops)."""
    out: list[tuple[str, list]] = []
    depth = 0
    for operands, operator in ops:
        op = str(operator)
        if depth == 0 and op in ("BDC", "BMC"):
            out.append(("artifact" if str(operands[0]) == "/Artifact" else "content", []))
        elif depth == 0 and (not out or out[-1][0]):
            out.append(("", []))
        out[-1][1].append(pikepdf.ContentStreamInstruction(operands, operator))
        depth += 1 if op in ("BDC", "BMC") else -1 if op == "EMC" else 0
    return out


def _relaid(page: pikepdf.Page, full: float) -> bytes:
    """The label page's own content with its label (tagged content) moved into the band at the top, its words
    starting INSET inside the band's left end; its running footer (an artifact) stays where the pipeline set it,
    so the copy's footer stands in one place on every page, its summary's and its placed pages' alike."""
    chunks = _sequences(list(pikepdf.parse_content_stream(page)))
    baselines = [float(o.operands[5]) for kind, ops in chunks if kind == "content" for o in ops
                 if str(o.operator) == "Tm"]
    lift = (full - TOP - TOP_BAND / 2 - 4.5 - max(baselines)) if baselines else 0.0
    out: list = []
    for kind, ops in chunks:
        if kind == "content":
            out += [_op("q"), _op("cm", 1, 0, 0, 1, INSET, lift), *ops, _op("Q")]
        else:
            out += ops
    return pikepdf.unparse_content_stream(out)


@dataclass(frozen=True)
class Fit:
    """Where a compared page is placed on a review page: scaled by `scale`, its lower left corner at x, y."""

    scale: float
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        """The placed page's right edge: the label band and the footer strip end there too (one right edge)."""
        return self.x + self.width

    @property
    def comments(self) -> float:
        """Where the comments' icons start: a clear gutter right of the placed page and its bands."""
        return self.x + self.width + GUTTER


def fitted(size: tuple[float, float], page: tuple[float, float]) -> Fit:
    """A compared page of `size` scaled down (never up) to fit a review page of `page` (the document's paper,
    turned landscape for a slide, so the copy prints at one scale) inside the copy's margins: under the label
    band (a gap from it), above the foot margin, from the left margin to a column for its comments that ends at
    the right margin (or, where the page's height sets its size, into that margin, never nearer the edge than
    EDGE), so that no comment lies on the page it comments on. It hangs from the band."""
    room = (page[0] - MARGIN - EDGE - GUTTER - NOTE_SIZE, page[1] - TOP - TOP_BAND - TOP_GAP - BOTTOM)
    scale = min(1.0, room[0] / size[0], room[1] / size[1])
    width, height = size[0] * scale, size[1] * scale
    return Fit(scale, MARGIN, page[1] - TOP - TOP_BAND - TOP_GAP - height, width, height)


def _frame_ops(side: str, fit: Fit, page: tuple[float, float]) -> bytes:
    """The label band above the placed page, hung from the top margin between the side margins (the summary's
    title stands there too), and the hairline round the placed page: decoration, so an artifact."""
    band = " ".join(_number(c) for c in BANDS[side])
    rule = " ".join(_number(c) for c in RULE)
    return (f"/Artifact <</Type /Layout>> BDC\nq {band} rg {_number(MARGIN)} {_number(page[1] - TOP - TOP_BAND)} "
            f"{_number(page[0] - 2 * MARGIN)} {_number(TOP_BAND)} re f "
            f"{rule} RG 0.5 w {_number(fit.x + 0.25)} {_number(fit.y + 0.25)} "
            f"{_number(fit.width - 0.5)} {_number(fit.height - 0.5)} re S Q\nEMC\n").encode()


def append_pages(review: bytes, compared: dict[str, bytes], pages: list[ReviewPage]) -> bytes:
    """`review` with `pages` placed on its last pages (one each, made for them by review_document: its label
    heading and the running footer): each a page of `compared[side]` scaled to fit, marked and commented."""
    with pikepdf.open(io.BytesIO(review)) as pdf:
        sources = {side: pikepdf.open(io.BytesIO(data)) for side, data in compared.items()}
        try:
            tree = pdf.Root.StructTreeRoot
            parents = _parents(tree)
            nums = tree.ParentTree.Nums
            key = int(tree.get("/ParentTreeNextKey", len(nums) // 2))
            seen: set = set()
            first = first_placed(pdf, pages)
            for index, entry in enumerate(pages):
                source = sources[entry.side].pages[entry.number - 1]
                x0, y0, x1, y1 = (float(v) for v in source.mediabox)
                page = pdf.pages[first + index]
                width, full = (float(v) for v in page.mediabox[2:])   # the review copy's page: the document's size
                if (x1 - x0 > y1 - y0) != (width > full):   # a slide on a portrait page: the same paper turned
                    width, full = full, width
                fit = fitted((x1 - x0, y1 - y0), (width, full))
                form = pdf.copy_foreign(source.as_form_xobject())
                _strip(form, seen)
                marked = parents[int(page.obj.StructParents)]
                label = marked[0]          # the label heading: the page's first (and only) marked content
                mcid = len(marked)
                placing = f"{_number(fit.scale)} 0 0 {_number(fit.scale)} {_number(fit.x)} {_number(fit.y)} cm"
                content = (_frame_ops(entry.side, fit, (width, full)) + _relaid(page, full) + b"\n"
                           + f"/Figure <</MCID {mcid}>> BDC\nq {placing} 0 0 {_number(x1 - x0)} {_number(y1 - y0)} re W n "
                             f"1 0 0 1 {_number(-x0)} {_number(-y0)} cm "
                             f"/Placed Do Q\nq {placing}\n".encode()
                           + marks_ops(entry.marks, page_image(compared[entry.side], entry.number) if entry.marks
                                       else None) + b"Q\nEMC\n")
                page.obj.Contents = pdf.make_stream(content)
                page.obj.MediaBox = Array([0, 0, width, full])
                _resources(page, form, bool(entry.marks))
                page.obj.Tabs = Name.S
                holder = label.P
                at = next(i for i, kid in enumerate(holder.K) if kid.objgen == label.objgen) + 1
                figure = pdf.make_indirect(Dictionary(
                    Type=Name.StructElem, S=Name.Figure, P=holder, Pg=page.obj, K=mcid, Alt=String(entry.alt),
                    A=Dictionary(O=Name.Layout, BBox=Array([fit.x, fit.y, fit.x + fit.width, fit.y + fit.height]),
                                 Placement=Name.Block)))
                holder.K.insert(at, figure)
                marked.append(figure)
                key = _comments(pdf, page, holder, at, entry, fit, width, nums, key)
            tree.ParentTreeNextKey = key
            if pages:
                _thumbs_after_lists(pdf, parents[int(pdf.pages[first].obj.StructParents)][0])
            _labels_and_bookmarks(pdf, pages)
            out = io.BytesIO()
            pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
            return out.getvalue()
        finally:
            for opened in sources.values():
                opened.close()


def _thumbs_after_lists(pdf: pikepdf.Pdf, label: pikepdf.Object) -> None:
    """The summary's side column (a Sect of the placed pages shown small, each a Figure) read after the lists:
    moved from before them (a region placed beside the flow reads first) to just before the first placed page's
    label heading."""
    document = _document_element(pdf)
    kids = document.K if isinstance(document.K, Array) else Array([document.K])

    def figures_only(element: pikepdf.Object) -> bool:
        kid = element.get("/K")
        inner = list(kid) if isinstance(kid, Array) else [kid]
        return bool(inner) and all(isinstance(k, Dictionary) and k.get("/S") == Name.Figure for k in inner)

    side = [i for i, k in enumerate(kids) if isinstance(k, Dictionary) and k.get("/S") == Name.Sect and figures_only(k)]
    holder = label.P
    if len(side) != 1 or holder.objgen == document.objgen:
        return
    moved = kids[side[0]]
    del kids[side[0]]
    at = next(i for i, kid in enumerate(holder.K) if kid.objgen == label.objgen)
    holder.K.insert(at, moved)
    moved.P = holder


def _resources(page: pikepdf.Page, form: pikepdf.Object, marked: bool) -> None:
    """The placed page as the XObject /Placed; with change marks, their blend states."""
    resources = page.obj.Resources
    if "/XObject" not in resources:
        resources.XObject = Dictionary()
    resources.XObject.Placed = form
    if marked:
        states = resources.get("/ExtGState")
        if states is None:
            resources.ExtGState = states = Dictionary()
        for state, mode in BLENDS.items():
            states[state] = Dictionary(Type=Name.ExtGState, BM=Name(mode))


def _comments(pdf: pikepdf.Pdf, page: pikepdf.Page, holder: pikepdf.Object, at: int, entry: ReviewPage, fit: Fit,
              width: float, nums: pikepdf.Object, key: int) -> int:
    """The page's comments: a Text annotation beside each change, inside the margin, tagged as an Annot after
    the placed page's Figure; returns the next parent-tree key."""
    annots = Array()
    for note, y in zip(entry.notes, _stacked(entry.notes, fit)):
        x = fit.comments
        colour = STRIKE if note.kind == "deleted" else UNDERLINE
        annot = pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Text, Rect=Array([x, y, x + NOTE_SIZE, y + NOTE_SIZE]),
            Contents=String(note.text), T=String("tagprint diff"), Name=Name.Comment, F=4,
            C=Array(list(colour)), P=page.obj, StructParent=key, AP=Dictionary(N=_icon(pdf, colour))))
        element = pdf.make_indirect(Dictionary(
            Type=Name.StructElem, S=Name.Annot, P=holder, Pg=page.obj, Alt=String(note.text),
            K=Dictionary(Type=Name.OBJR, Obj=annot, Pg=page.obj)))
        at += 1
        holder.K.insert(at, element)
        nums.extend(Array([key, element]))
        key += 1
        annots.append(annot)
    if len(annots):
        page.obj.Annots = annots
    return key


def _stacked(notes: list[Note], fit: Fit) -> list[float]:
    """Where each comment's box starts (its lower edge, PDF points), in `notes`' order: level with the top of
    its line, in the column right of the placed page; comments on lines closer than STACK stack down from the
    first one's line, STACK apart (up from the foot, if the stack would leave the placed page's height)."""
    low, high = fit.y, fit.y + fit.height - NOTE_SIZE
    wanted = [min(max(fit.y + note.top * fit.scale - NOTE_SIZE, low), high) for note in notes]
    order: list[int] = []   # top of the page first; comments on one line (tops within 3 pt) in reading order
    for i in sorted(range(len(notes)), key=lambda i: -wanted[i]):
        line = [j for j in order if wanted[j] - wanted[i] < 3.0 and j > i]
        order.insert(order.index(line[0]) if line else len(order), i)
    at: dict[int, float] = {}
    previous = None
    for i in order:
        at[i] = wanted[i] if previous is None else min(wanted[i], previous - STACK)
        previous = at[i]
    floor = None
    for i in reversed(order):   # pushed back up where the stack ran off the foot
        at[i] = max(at[i], low if floor is None else floor + STACK)
        floor = at[i]
    return [at[i] for i in range(len(notes))]


def _icon(pdf: pikepdf.Pdf, colour: tuple[float, float, float]) -> pikepdf.Object:
    """A comment's icon as its own appearance: a speech bubble in the change's colour with three white lines of
    "text", drawn inside its NOTE_SIZE square (without one, each viewer draws its own icon at its own size, and
    two comments on one line overlap)."""
    s, r, tail = NOTE_SIZE, 2.5, 3.5   # the bubble fills the square above its tail
    fill = " ".join(_number(c) for c in colour)
    bubble = (f"{r} {tail} m {s - r} {tail} l {s} {tail} {s} {tail + r} v {s} {s - r} l {s} {s} {s - r} {s} v "
              f"{r} {s} l 0 {s} 0 {s - r} v 0 {tail + r} l 0 {tail} {r} {tail} v h "
              f"3.5 {tail} m 3.5 0 l 7.5 {tail} l h f")
    lines = " ".join(f"3.5 {_number(y)} m {_number(s - 3.5 - cut)} {_number(y)} l"
                     for y, cut in ((12.2, 0), (9.4, 0), (6.6, 3)))
    stream = pdf.make_stream(f"q {fill} rg {bubble} 1 1 1 RG 1.3 w 1 J {lines} S Q".encode())
    stream.Type, stream.Subtype = Name.XObject, Name.Form
    stream.BBox = Array([0, 0, s, s])
    stream.Resources = Dictionary()
    return stream
