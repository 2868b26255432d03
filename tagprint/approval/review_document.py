"""The review copy as a tagprint document: built from the semantic model through the same lay out → tag
→ draw → finish → verify stages as every other PDF, so it is tagged PDF/UA-1 too.

The frame (theme, page, one flowing template) is a generated layout that goes through load and validate;
the body is made of model blocks directly (headings, paragraphs, lists), so that text from the compared
documents is never parsed as Markdown a second time. The changed pages themselves are appended after it
(review_pages).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..model import Heading, ListBlock, PageBreak, Paragraph
from ..model.blocks import Figure, ListItem, Photo
from ..model.document import Section, TypeStyle
from ..model.inline import Link, Text


@dataclass(frozen=True)
class Item:
    """An entry of a change list: its text, led by the page it is on ("page 1"), which links to that page of the
    review copy (`target`: an index into `ReviewContent.page_labels`; None: no link)."""

    lead: str
    rest: str = ""
    target: int | None = None

    def __str__(self) -> str:
        return self.lead + self.rest


@dataclass(frozen=True)
class Thumb:
    """A placed page shown small beside the summary's lists: its picture (PNG), Alt text and size (points), and
    the index of its placed page (its caption is that page's label, a link to it)."""

    png: bytes
    alt: str
    size: tuple[float, float]
    target: int


LINK_PREFIX = "tagprint-review:page-"   # not "#…": that is a link within a document (to a content id); a change's
                                        # link, until append_pages points it at its placed page
RECORD_TITLE = "How this copy was made"
FINGERPRINTS_NOTE = "The SHA-256 of each file this copy was made from."
CHECKS = ("render.py verify checks the approved file against its ledger entry and its fingerprint below.",
          "render.py approve --review checks, before the draft is approved, that the draft's sources still have "
          "the fingerprints below (that this copy shows the draft being approved).")


@dataclass
class ReviewContent:
    """What the review copy says, in reading order: a title, an introduction, then titled parts."""

    title: str
    intro: list[str]
    parts: list[tuple[str, list[Item]]] = field(default_factory=list)   # heading, list items (none: not set)
    page_labels: list[str] = field(default_factory=list)  # a page each, its heading: "Approved 1.0, page 1"
    fingerprints: list[tuple[str, str]] = field(default_factory=list)  # (what, its SHA-256): one block at the end
    fingerprints_title: str = "Fingerprints (SHA-256)"
    fingerprints_note: str = FINGERPRINTS_NOTE   # under their title: what they are for
    thumbs: list[Thumb] = field(default_factory=list)   # beside the lists, on the summary's first page
    record: list[str] = field(default_factory=list)     # how the copy was made (the tool, the archived files and
                                                        # their ledger entries): at the end, before the fingerprints


@dataclass(frozen=True)
class Frame:
    material_id: str
    date: str
    created: str
    theme_file: Path
    paper: str = "letter"   # the compared document's paper: every page of the review copy is that size


# Validated with the frame, so that a theme without a style the review copy uses is reported, then replaced.
PLACEHOLDER = """\
title:
  - {type: heading, level: 1, text: Review copy}
side:
  - {type: paragraph, text: Pages}
review:
  - {type: heading, level: 2, text: Changes}
  - {type: paragraph, text: Changes}
  - {type: list, items: [Change]}
"""


def _layout(frame: Frame, title: str, side: bool = False) -> str:
    return "\n".join([
        "document:",
        f"  title: {json.dumps(title, ensure_ascii=False)}",
        "  lang: en",
        f"  material_id: {json.dumps(frame.material_id + '-REVIEW')}",
        f"  date: {json.dumps(frame.date)}",
        f"  created: {json.dumps(frame.created)}",
        f"theme: {json.dumps(frame.theme_file.stem)}",
        f"words: {{page_of: {json.dumps(FOOTER, ensure_ascii=False)}}}",
        f"page: {{size: {frame.paper}, margins: [40, 40, 48, 40]}}",
        # the title across the page; the lists in a measure of about 80 characters (8 of 12 columns)
        "templates:",
        f"  first: {{regions: {{title: {{columns: 1-12}}, body: {{below: title, columns: "
        f"{FIRST_BODY_COLUMNS if side else BODY_COLUMNS}}}"
        + (f", side: {{below: title, columns: {SIDE_COLUMNS}}}" if side else "") + "}}",
        f"  text: {{regions: {{body: {{columns: {BODY_COLUMNS}}}}}}}",
        "pages:",
        "  - template: first",
        "    regions: {title: [title]" + (", side: [side]}" if side else "}"),
        "    flow: [review]",
        "    then: text",
        "",
    ])


BODY_COLUMNS = "1-8"   # of the page's 12: about 80 characters a line of body text (a full width set ~120);
                      # narrower, a SHA-256 in hex no longer fits a line
FIRST_BODY_COLUMNS = "1-7"   # beside the pages shown small: about 60 characters a line
SIDE_COLUMNS = "8-12"   # the pages shown small, right of the lists, hung on the right margin (THUMB_WIDTH wide: the
                        # outlines of the areas that differ can be seen)
FOOTER = "Review copy · page {n} of {m}"   # the review copy's running footer, on every page of it


# The fingerprints: what each is in the small text style, its SHA-256 under it in a monospaced face (a hash
# is read and compared character by character), in the theme's text colours (AA on white). DejaVu Sans Mono's
# small x-height reads about a point smaller than the sans beside it: at 8.5 pt it reads as 7.5; 64 hex digits
# are then about 328 pt, inside the measure on letter and A4.
HASH_FONT = "DejaVu Sans Mono"
HASH_SIZE = 8.5
STYLES = {
    "review_fingerprint_label": TypeStyle(size=8.0, leading=10.0, color="muted", space_after=0.5),
    "review_thumb_caption": TypeStyle(size=8.0, leading=10.0, color="muted", space_before=4.0, space_after=2.0),
    "review_fingerprint": TypeStyle(size=HASH_SIZE, leading=11.0, color="text", space_after=6.0, font=HASH_FONT),
}


def _blocks(content: ReviewContent) -> tuple:
    blocks: list = [Paragraph((Text(line),)) for line in content.intro]
    for heading, items in content.parts:
        if not items:   # an empty part is named in the summary's first sentence ("no reference changes")
            continue
        blocks.append(Heading(2, (Text(heading),), style="h2"))
        blocks.append(ListBlock(tuple(ListItem(_runs(item, content.page_labels)) for item in items), style="body"))
    for label in content.page_labels:  # a page each, its label set at the top; the compared page is placed under it
        blocks += [PageBreak(), Heading(2, (Text(label),), style="h2", keep_with_next=False)]
    if content.fingerprints:   # in one block: each label keeps with its hash, each hash with the next label;
        # last, on a page of their own (an appendix for an auditor, after the pages a reviewer reads)
        blocks.append(PageBreak())
        if content.record:   # the tool's words kept here, for an auditor, out of the reviewer's summary
            blocks.append(Heading(2, (Text(RECORD_TITLE),), style="h2"))
            blocks += [Paragraph((Text(line),)) for line in content.record]
            blocks.append(ListBlock(tuple(ListItem((Text(check),)) for check in CHECKS), style="body"))
        blocks.append(Heading(2, (Text(content.fingerprints_title),), style="h2"))
        if content.fingerprints_note:
            blocks.append(Paragraph((Text(content.fingerprints_note),)))
        last = len(content.fingerprints) - 1
        for index, (what, digest) in enumerate(content.fingerprints):
            blocks += [Paragraph((Text(what),), style="review_fingerprint_label", keep_with_next=True),
                       Paragraph((Text(digest),), style="review_fingerprint", keep_with_next=index < last)]
    return tuple(blocks)


THUMBS_SHOWN = 6       # pages shown small beside the lists at most (the rest are in the lists and follow whole)
THUMB_WIDTH = 180.0    # a thumbnail's widest (the side column's width at most)
THUMB_ROOM = 0.72      # of the paper's height: the side column's room for its thumbnails and their captions
THUMB_CAPTION = 30.0   # a caption and the gaps round it


def _thumbs(content: ReviewContent, paper: tuple[float, float], folder: Path) -> tuple:
    """The placed pages as small figures, one under the other, each captioned with its label (a link to it); as
    wide as lets them all fit the side column's height."""
    thumbs = content.thumbs[:THUMBS_SHOWN]
    if not thumbs:
        return ()
    room = paper[1] * THUMB_ROOM / len(thumbs) - THUMB_CAPTION
    width = min(THUMB_WIDTH, *(room * w / h for w, h in (t.size for t in thumbs)))
    out = []
    for index, thumb in enumerate(thumbs):
        name = f"review-page-{index + 1}.png"
        (folder / name).write_bytes(thumb.png)
        label = content.page_labels[thumb.target]
        caption = (Link(f"{LINK_PREFIX}{thumb.target}", (Text(label),), f"Go to {label}"),)
        out.append(Figure(Photo(f"images/{name}"), thumb.alt, caption=caption, width=width, align="right",
                          caption_style="review_thumb_caption"))
    return tuple(out)


def _runs(item: Item, labels: list[str]) -> tuple:
    """A list entry's runs: its lead a link to its placed page (described for a screen reader), then the rest."""
    if item.target is None or not 0 <= item.target < len(labels):
        return (Text(str(item)),)
    link = Link(f"{LINK_PREFIX}{item.target}", (Text(item.lead),), f"Go to {labels[item.target]}")
    return (link, Text(item.rest)) if item.rest else (link,)


def review_pdf(frame: Frame, content: ReviewContent) -> bytes:
    from ..pipeline import Prepared, load, render
    from ..profiles import SCREEN
    from ..validate import validate

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "layouts" / "themes").mkdir(parents=True)
        (root / "content").mkdir()
        (root / "images").mkdir()
        shutil.copy(frame.theme_file, root / "layouts" / "themes" / frame.theme_file.name)
        side = bool(content.thumbs)
        (root / "layouts" / "review.yaml").write_text(_layout(frame, content.title, side), encoding="utf-8")
        (root / "content" / "review.yaml").write_text(PLACEHOLDER, encoding="utf-8")
        loaded = load(root, root / "layouts" / "review.yaml")
        document = validate(loaded)
        theme = document.theme
        styles = {name: style if style.color in theme.colors else replace(style, color="text")  # a theme without
                  for name, style in STYLES.items()}                                             # a muted colour
        document = replace(document, theme=replace(theme, styles={**theme.styles, **styles}))
        page = document.pages[0]
        body = Section("review", _blocks(content), page.flow[0].where)
        placed, *beside = page.placements
        title = replace(placed.sections[0], blocks=(Heading(1, (Text(content.title),), style="h1"),))
        placements = [replace(placed, sections=(title,))]
        if beside:
            paper = (float(document.page_size[0]), float(document.page_size[1]))
            small = replace(beside[0].sections[0], blocks=_thumbs(content, paper, root / "images"))
            placements.append(replace(beside[0], sections=(small,)))
        document = replace(document, pages=(replace(page, flow=(body,), placements=tuple(placements)),))
        return render(Prepared(loaded, document, 0.0), SCREEN).data


STAMP_KEY = "/TagprintReview"


def stamp_review(data: bytes, stamp: dict, made: str = "") -> bytes:
    """The review copy with what it compared (the approved entry, the draft's source hashes, who made it
    and when) in its document information, so that `approve --review` can check the sources still match; and,
    given `made` (ISO 8601), that time as the PDF's creation and modification dates (info and XMP alike), in
    place of the day (or SOURCE_DATE_EPOCH) the pipeline wrote."""
    import io
    import re
    from datetime import datetime, timezone

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.docinfo[pikepdf.Name(STAMP_KEY)] = pikepdf.String(json.dumps(stamp, sort_keys=True))
        if made:
            when = datetime.fromisoformat(made).astimezone(timezone.utc)
            pdf.docinfo.CreationDate = pdf.docinfo.ModDate = pikepdf.String(f"D:{when:%Y%m%d%H%M%S}Z")
            metadata = pdf.Root.get("/Metadata")
            if metadata is not None:
                xmp = re.sub(rb"<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*</xmp:\1>",
                             lambda m: b"<xmp:%s>%s</xmp:%s>" % (m[1], f"{when:%Y-%m-%dT%H:%M:%SZ}".encode(), m[1]),
                             metadata.read_bytes())
                metadata.write(xmp)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def read_review_stamp(path: Path) -> dict | None:
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            raw = pdf.docinfo.get(STAMP_KEY)
            return json.loads(str(raw)) if raw is not None else None
    except (pikepdf.PdfError, OSError, ValueError):
        return None
