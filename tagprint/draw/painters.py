"""Draw stage: paints laid-out items through the Pen, claiming each item's structure slot."""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, TypeVar

from .. import illustrations
from ..layout.items import (
    Chevron, FillBox, Fragment, Item, PageLayout, PictureBox, RuleLine, SlideFrame, TextLine, VectorBox,
)
from ..errors import InputError, Problem
from ..model import Artwork, CallToAction, Citation, Document, Link, NoteRef, Photo, Rect
from ..profiles import Profile
from ..profiles.press import PressPalette
from ..profiles.images import prepare
from ..tags import TagMap, section_id
from .pen import Pen
from .recording import Drawn, recorded
from ..words import ENGLISH, Words


@dataclass
class DrawContext:
    pen: Pen
    tags: TagMap
    document: Document
    root: Path
    profile: Profile
    palette: PressPalette | None = None  # the theme's inks, in a CMYK profile: one for the whole drawing
    problems: list[Problem] = field(default_factory=list)

    @property
    def live_links(self) -> bool:
        """Whether links are live (followed, underlined): not in a profile for paper, nor in a document the
        model says is for paper (a deck's handout, in any profile)."""
        return self.profile.links and self.document.live_links

    @property
    def image_policy(self):
        """The profile's photo policy; CMYK photos go through the theme's press condition and ink limit."""
        policy = self.profile.images
        if policy.cmyk:
            palette = self.palette or PressPalette(self.document.theme)
            policy = replace(policy, icc=palette.condition.icc_path, ink_limit=palette.limit)
        return policy

    def bleed(self, box: Rect) -> Rect:
        """A box that touches the trim edge runs into the bleed; any other box comes back as it is (not
        recomputed from its edges: 350.9 + 221.1 - 350.9 is not 221.1, and a photo told it had bled lost
        its rounded corners in print)."""
        b = self.profile.bleed
        if not b or self.pen.in_frame:
            return box
        w, h = self.pen.page_size
        left = b if box.x <= 0.01 else 0.0
        top = b if box.y <= 0.01 else 0.0
        right = b if box.x + box.width >= w - 0.01 else 0.0
        bottom = b if box.y + box.height >= h - 0.01 else 0.0
        if not (left or top or right or bottom):
            return box
        return Rect(box.x - left, box.y - top, box.width + left + right, box.height + top + bottom)


Painter = Callable[[Any, DrawContext], None]  # called with an item of the class it is registered for
PAINTERS: dict[type, Painter] = {}
ItemT = TypeVar("ItemT", bound=Item)
PainterOf = Callable[[ItemT, DrawContext], None]


def paints(cls: type[ItemT]) -> Callable[[PainterOf[ItemT]], PainterOf[ItemT]]:
    """Registers the painter of one kind of laid-out item."""
    def register(fn: PainterOf[ItemT]) -> PainterOf[ItemT]:
        PAINTERS[cls] = fn
        return fn
    return register


@paints(FillBox)
def _fill_box(item: FillBox, ctx: DrawContext) -> None:
    with ctx.pen.artifact():
        ctx.pen.fill_rect(ctx.bleed(item.box), item.color, item.radius)


@paints(RuleLine)
def _rule(item: RuleLine, ctx: DrawContext) -> None:
    with ctx.pen.artifact():
        ctx.pen.line(item.x0, item.y0, item.x1, item.y1, item.color, item.thickness)


@paints(Chevron)
def _chevron(item: Chevron, ctx: DrawContext) -> None:
    with ctx.pen.artifact():
        ctx.pen.chevron(item.x, item.y, item.size, item.color)


def _link_target(link: object, words: Words = ENGLISH) -> tuple[tuple[str, str], str]:
    if isinstance(link, NoteRef):
        return ("id", link.note_id), words.get("go_to_note", marker=link.marker)
    if isinstance(link, Citation):
        first = link.numbers[0]
        return ("ref", str(first)), words.get("go_to_reference", numbers=", ".join(map(str, link.numbers)))
    if isinstance(link, Link) and link.internal is not None:
        return ("id", section_id(link.internal)), link.description
    if isinstance(link, (Link, CallToAction)):
        return ("uri", link.href), link.description
    raise TypeError(type(link).__name__)


def _link_owner(link: object, tags: TagMap) -> object:
    return tags.elem(link, "link") if isinstance(link, (Citation, CallToAction, NoteRef)) else tags.elem(link)


def _link(line: TextLine, frag: Fragment, x: float, ctx: DrawContext) -> None:
    target, contents = _link_target(frag.link, ctx.document.words)
    if isinstance(frag.link, CallToAction):  # the whole button is the link area
        box = (x - 14, line.baseline - line.height / 2 - frag.size * 0.4 - 6, x + frag.width + 26,
               line.baseline + line.height / 2 - frag.size * 0.4 + 6)
    else:
        pad = 3.0 if isinstance(frag.link, (Citation, NoteRef)) else 1.0
        top = line.baseline - frag.rise - frag.size * 0.95
        box = (x - pad, top - pad, x + frag.width + pad, line.baseline - frag.rise + frag.size * 0.25 + pad)
    ctx.pen.link(box, target, contents, _link_owner(frag.link, ctx.tags))


def paint_text(lines: list[TextLine], ctx: DrawContext) -> None:
    """Paints consecutive lines; a run that continues across lines stays one marked sequence."""
    pen = ctx.pen
    placed = [(line, frag) for line in lines for frag in line.fragments]
    underlines = []
    i = 0
    while i < len(placed):
        tag, kind = placed[i][1].tag, placed[i][1].artifact
        j = i
        while j + 1 < len(placed) and placed[j + 1][1].tag == tag and (tag or placed[j + 1][1].artifact == kind):
            j += 1
        group = placed[i : j + 1]
        first_line, first = group[0]
        if tag is None:
            section = pen.artifact("Pagination", kind)
        else:
            section = pen.marked(ctx.tags.slot(*tag), at=(first_line.x + first.x, first_line.baseline - first.size))
        section.__enter__()
        for line, frag in group:
            with pen.actual_text(frag.actual):
                pen.text(line.x + frag.x, line.baseline, [(s.font, s.text, s.glyphs, s.texts) for s in frag.segments],
                         frag.size, frag.color, frag.rise, frag.tracking)
            if frag.hyphen is not None:
                # a hyphen added at a line break is drawn as an artifact between two marked-content
                # sequences of the same element: readers put the word together ("Behandlung")
                hyphen = [(frag.hyphen.font, frag.hyphen.text, frag.hyphen.glyphs)]
                at = line.x + frag.x + frag.width
                if tag is None:
                    pen.text(at, line.baseline, hyphen, frag.size, frag.color, frag.rise, frag.tracking)
                    continue
                section.__exit__(None, None, None)
                with pen.artifact():
                    pen.text(at, line.baseline, hyphen, frag.size, frag.color, frag.rise, frag.tracking)
                section = pen.marked(ctx.tags.slot(*tag))
                section.__enter__()
        section.__exit__(None, None, None)
        for line, frag in group:
            x = line.x + frag.x
            if frag.link is not None and ctx.live_links:
                _link(line, frag, x, ctx)
            if frag.underline and ctx.live_links:  # on paper a link is not underlined: nothing to click
                y = line.baseline + frag.size * 0.14
                underlines.append((x, y, x + frag.width, frag.color, max(0.5, frag.size * 0.06)))
        i = j + 1
    for x0, y, x1, color, width in underlines:
        with pen.artifact():
            pen.line(x0, y, x1, y, color, width)


@paints(PictureBox)
def _picture(item: PictureBox, ctx: DrawContext) -> None:
    pen = ctx.pen
    figure = item.figure

    def paint() -> None:
        if isinstance(figure.source, Photo):
            box = ctx.bleed(item.box)
            prepared = prepare(ctx.root / figure.source.path, (box.width, box.height), ctx.image_policy)
            minimum = ctx.profile.images.min_ppi
            if minimum and prepared.ppi < minimum - 0.5:
                ctx.problems.append(Problem(
                    figure.where, f"photo '{figure.source.path}' is {prepared.ppi:.0f} ppi at its placed size "
                                  f"({box.width:.0f} × {box.height:.0f} pt); the {ctx.profile.name} profile needs "
                                  f"{minimum} ppi",
                    f"use a picture of at least {round(box.width / 72 * minimum)} × "
                    f"{round(box.height / 72 * minimum)} pixels, or place it smaller"))
            pen.image(prepared.data, box, prepared.pixels, item.radius if box is item.box else 0.0,  # bled: square
                      prepared.lossless, prepared.mask)
        elif isinstance(figure.source, Artwork):
            paint_artwork(figure.source, item.box, ctx)
        else:
            kind = illustrations.kinds()[figure.source.name]
            params = figure.source.params
            form = (kind.name, params, f"{item.box.width:.2f}x{item.box.height:.2f}")  # one form per document
            theme = ctx.document.theme
            try:  # recorded by the exact size: which document a worker drew first never changes the geometry
                draw = recorded(Drawn.of(kind.name, params, item.box.width, item.box.height, theme),
                                lambda sketch: kind.draw(sketch, params, item.box, theme))
                pen.drawing(item.box, form, draw)
            except ValueError as exc:
                ctx.problems.append(Problem(figure.where, f"the {kind.name} illustration cannot be drawn in a "
                                                          f"{item.box.width:.0f} × {item.box.height:.0f} pt box: {exc}",
                                            "give the figure more room, or change its parameters"))

    if item.tag is None:
        with pen.artifact():
            paint()
        return
    slot = ctx.tags.slot(*item.tag)
    with pen.marked(slot, at=(item.box.x, item.box.y)):
        paint()
    slot.owner.bbox = (pen.page_index, pen.page_rect(item.box))


def paint_artwork(art: Artwork, box: Rect, ctx: DrawContext) -> None:
    """An SVG or one-page PDF drawn as vectors (tagprint.artwork), inside the caller's marked content."""
    from ..artwork import pdf_art, svg_drawing

    file = ctx.root / art.path
    key = f"{art.path}|{box.width!r}x{box.height!r}"
    if art.kind == "svg":
        ctx.pen.svg(box, key, svg_drawing(file))
    else:
        ctx.pen.pdf_page(box, key, pdf_art(file))


# A VectorBox (a chart's shapes, a QR code's modules) is painted through the pen's Sketch, so theme colours
# reach the page as every other drawing's do (the print palette's recipes and black ink included).
@paints(VectorBox)
def _vector_box(item: VectorBox, ctx: DrawContext) -> None:
    pen = ctx.pen

    def paint() -> None:
        with pen.sketch(item.box) as sketch:
            for name, args, kwargs in item.shapes:
                getattr(sketch, name)(*args, **dict(kwargs))

    if item.tag is None:
        with pen.artifact():
            paint()
    else:
        slot = ctx.tags.slot(*item.tag)
        with pen.marked(slot, at=(item.box.x, item.box.y)):
            paint()
        slot.owner.bbox = (pen.page_index, pen.page_rect(item.box))
    if item.link is not None and ctx.live_links and ctx.tags.has_elem(item.link, "link"):
        b = item.box
        node = item.link
        pen.link((b.x, b.y, b.x + b.width, b.y + b.height), ("uri", node.href), node.description,
                 ctx.tags.elem(node, "link"))


def paint_items(items: list, ctx: DrawContext) -> None:
    """Paints items in order; consecutive lines of text go together (one marked sequence per run)."""
    batch: list[TextLine] = []
    for item in items:
        if isinstance(item, TextLine):
            batch.append(item)
            continue
        if batch:
            paint_text(batch, ctx)
            batch = []
        PAINTERS[type(item)](item, ctx)
    if batch:
        paint_text(batch, ctx)


@paints(SlideFrame)
def _slide_frame(item: SlideFrame, ctx: DrawContext) -> None:
    """A slide drawn small on a handout page, without its own footer: the handout page has one, and two
    page numbers ("Page 3 of 7" inside, "Page 2 of 4" below) on one sheet contradict each other."""
    with ctx.pen.frame(item.box, item.slide.size):
        paint_items(item.slide.items, ctx)


def draw_document(document: Document, pages: list[PageLayout], tags: TagMap, root: Path,
                  profile: Profile) -> tuple[bytes, Pen]:
    buffer = io.BytesIO()
    body_font = "Helvetica"  # ReportLab's initial font: never shown (the pen writes its own fonts)
    page_size = pages[0].size if pages else document.page_size
    palette = PressPalette(document.theme) if profile.cmyk else None
    from ..artwork import screen_colours
    pen = Pen.create(buffer, page_size, body_font, document.title, document.lang,
                     to_cmyk=palette.ink if palette else None, offset=profile.offset,
                     from_cmyk=screen_colours(document.theme.colors, document.theme.press.recipes))
    ctx = DrawContext(pen, tags, document, root, profile, palette)
    for i, page in enumerate(pages):
        if i:
            pen.new_page()
        if profile.crop_marks:
            with pen.artifact("Page"):  # printer's marks (ISO 32000-1 14.8.2.2)
                pen.crop_marks(profile.bleed)
        paint_items(page.items, ctx)
        paint_text(page.footer, ctx)
    pen.finish()
    if ctx.problems:
        raise InputError(ctx.problems)
    return buffer.getvalue(), pen
