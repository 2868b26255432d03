"""`render.py diff LAYOUT [--from V] [--to V]`: what changed since an approved version, for re-review.

By default the last approved version is compared with the current draft. The summary (printed, and
written as a tagged review PDF into output/review/) lists every text change word by word in reading
order with its block and page, changed figures and alt texts, changed references, and each changed page
side by side with the differing areas highlighted (from PDFium-rendered pixels).

Exit codes: 0 compared (with or without changes); 2 bad input; 3 an approved file was tampered with.
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem, Where, relative
from ..files import write_atomically
from ..layout.items import PageLayout, PictureBox, TextLine
from ..model import Document
from . import changes as ch
from .archive_files import archive_folder, ledger_altered, sha256, tampering
from .exits import EXIT_INPUT, EXIT_OK, EXIT_TAMPERED
from .ledger import Approval, Ledger
from .pixels import Area, PageDiff, compare
from .review_document import Frame, Item, ReviewContent, Thumb, review_pdf, stamp_review
from .review_marks import thumbnail
from .review_pages import Note, ReviewPage, append_pages
from .words import Mark, marks, words


class Refused(Exception):
    """The comparison cannot be made: the problems (where, what, fix) and the exit code."""

    def __init__(self, problems: list[Problem], code: int):
        super().__init__("\n".join(map(str, problems)))
        self.problems, self.code = problems, code


@dataclass
class Side:
    label: str                  # "approved 1.0" or "the current draft"
    short: str                  # "1.0" or "draft"
    document: Document
    root: Path
    pages: list[PageLayout]
    pdf: bytes
    theme_file: Path
    sources: dict[str, str]
    entry: Approval | None = None
    places: dict[str, str] = field(default_factory=dict)   # YAML path → the reader's words

    @property
    def name(self) -> str:
        """What the side is called above its pages: "Approved 1.0", "Draft (not yet approved)"."""
        return DRAFT_NAME if self.short == DRAFT else f"Approved {self.short}"

    @property
    def version_words(self) -> str:
        """The side's version as the cover says it: the draft has none yet (its layout may still name the
        approved version it started from)."""
        return "not yet approved" if self.short == DRAFT else f"version {self.document.version}"


DRAFT = "draft"
PLACES_SHOWN = 3   # a differing area names at most this many of the blocks set in it, then counts the rest
DRAFT_NAME = "Draft (not yet approved)"


def _side(label: str, short: str, root: Path, layout: Path, pdf: bytes | None) -> Side:
    from ..pipeline import lay_out, prepare, render, sources
    from ..profiles import ARCHIVE
    from .archive_files import sha256

    prepared = prepare(root, layout)
    document = prepared.document
    kind = document.outputs[0]
    if pdf is None:
        pdf = render(prepared, ARCHIVE, kind).data
    pages, _ = lay_out(document, root, kind)
    return Side(label, short, document, root, pages, pdf, prepared.loaded.theme_file,
                {s.path: sha256(s.data) for s in sources(prepared)}, None, ch.places(document))


def _approved(entry: Approval, output: Path, tmp: Path) -> Side:
    from ..verify.archived import embedded_project, write_project

    target = archive_folder(output) / entry.document
    why = tampering(entry, target, output, "the review needs the approved file: restore it from a backup")
    if why:
        raise Refused([why], EXIT_TAMPERED)
    data = target.read_bytes()
    files, _ = embedded_project(data)
    root = tmp / f"approved-{entry.version}"
    layout = write_project(files, root)
    side = _side(f"approved {entry.version}", entry.version, root, layout, data[:entry.base_size or len(data)])
    side.entry = entry
    return side


def _entry(entries: list[Approval], stem: str, version: str | None, where: Where) -> Approval:
    main = (f"{stem}.pdf", f"{stem}-slides.pdf")  # the document itself, or a deck's slides (not its handouts)
    mine = [e for e in entries if Path(e.layout).stem == stem and Path(e.document).name in main]
    if version is not None:
        mine = [e for e in mine if e.version == version]
    if not mine:
        known = sorted({e.version for e in entries if Path(e.layout).stem == stem})
        what = f"version {version} of {stem} was never approved" if version else f"{stem} has no approved version"
        raise Refused([Problem(where, what, f"approved versions: {', '.join(known) or 'none'} (approve with "
                                            f"render.py approve {stem} --version V --by NAME)")], EXIT_INPUT)
    return mine[-1]


def _box_of(item) -> tuple[float, float, float, float] | None:
    if isinstance(item, TextLine) and item.fragments:
        x0 = item.x + min(f.x for f in item.fragments)
        x1 = item.x + max(f.x + f.width for f in item.fragments)
        return x0, item.baseline - item.height * 0.8, x1, item.baseline + item.height * 0.25
    if isinstance(item, PictureBox):
        b = item.box
        return b.x, b.y, b.x + b.width, b.y + b.height
    return None


def blocks_at(pages: list[PageLayout], number: int, area: Area) -> list[str]:
    """The blocks (YAML paths) set where an area is, on one side's page."""
    found: list[str] = []
    page = next((p for p in pages if p.number == number), None)
    for item in page.items if page else []:
        box = _box_of(item)
        if box is None:
            continue
        if box[0] < area.x + area.width and area.x < box[2] and box[1] < area.y + area.height and area.y < box[3]:
            where = (item.where if isinstance(item, TextLine) else
                     item.figure.where if isinstance(item, PictureBox) else None)
            path = getattr(where, "path", None)  # a bullet, a button's label, a reference number: no block
            if path and path not in found:
                found.append(path)
    return found


def _area_words(diff: PageDiff, area: Area, old: Side, new: Side) -> str:
    """An area that differs as a list entry says it: where on the page, then what it holds."""
    blocks = blocks_at(new.pages, diff.number, area) or blocks_at(old.pages, diff.number, area)
    named = [n for n in dict.fromkeys(_place(new, path) or _place(old, path) for path in blocks) if n]
    more = f"; and {len(named) - PLACES_SHOWN} more blocks" if len(named) > PLACES_SHOWN + 1 else ""
    named = named[:PLACES_SHOWN] if more else named  # a large area: its first blocks, then how many more
    return area.where(diff.size).removeprefix("the ") + (f": {'; '.join(named)}{more}" if named else "")


def _page_lines(diff: PageDiff, old: Side, new: Side) -> list[str]:
    """A page that differs as list entries: one for each area (“page 1, top left: the heading …”), or one
    saying the page is on one side only."""
    if diff.only_in:
        side = new if diff.only_in == "new" else old
        return [f"page {diff.number}: only in {side.label}"]
    return [f"page {diff.number}, {_area_words(diff, area, old, new)}" for area in diff.areas]


def _linked(text: str, side: str, shown: list[ReviewPage]) -> Item:
    """A change list's entry, its leading “page 1” a link to that page as placed in the review copy (of `side`,
    "old" or "new"; the other side's if that side has no such page)."""
    lead = re.match(r"page (\d+)(?:, \d+)*", text)
    if lead is None:
        return Item(text)
    number = int(lead[1])
    found = [i for i, p in enumerate(shown) if p.number == number]
    mine = [i for i in found if shown[i].side == side]
    targets = mine or found
    return Item(lead[0], text[lead.end():], targets[0] if targets else None)


def _place(side: Side, path: str) -> str:
    return ch.place_of(side.places, path)


def _mark_place(mark: Mark, side: Side) -> str:
    """Where a marked run of words is, in the reader's words (from the block set under its first word)."""
    height = next((p.size[1] for p in side.pages if p.number == mark.page), 792.0)
    x0, y0, x1, y1 = mark.words[0].box
    found = blocks_at(side.pages, mark.page, Area(x0, height - y1, max(x1 - x0, 1), max(y1 - y0, 1)))
    named = [ch.place_of(side.places, path) for path in found]
    return next((n for n in named if n), "")


def _note(mark: Mark, side: Side) -> str:
    what = "Deleted" if mark.kind == "deleted" else "Inserted"
    place = _mark_place(mark, side)
    return f"{what} “{ch._short(mark.text, 200)}”" + (f", in {place}" if place else "") + \
        f" (page {mark.page} of {side.label})"


def _figure_notes(side: Side, number: int, figures: list) -> list[Note]:
    """A comment beside each changed figure on a page (its change in words)."""
    page = next((p for p in side.pages if p.number == number), None)
    out: list[Note] = []
    for item in page.items if page else []:
        if page is not None and isinstance(item, PictureBox):
            path = getattr(item.figure.where, "path", None)
            for change in figures:
                if path and change.block == path:
                    out.append(Note(f"Figure changed: {change.what}", page.size[1] - item.box.y, "inserted"))
    return out


def _runt_notes(side: Side, number: int, runts: list) -> list[Note]:
    """A comment beside each heading line the draft left holding one short word, level with that line."""
    page = next((p for p in side.pages if p.number == number), None)
    out: list[Note] = []
    for change in runts:
        lines = [item for item in (page.items if page else []) if isinstance(item, TextLine)
                 and (getattr(item.where, "path", "") or "").removesuffix(".text") == change.block]
        if page is not None and lines:
            line = lines[min(change.line, len(lines) - 1)]
            out.append(Note(f"Layout effect to check: {change.what}", page.size[1] - (line.baseline - line.height * 0.8),
                            "inserted"))
    return out


def _alt(older: bool, label: str, number: int, on_page: list[Mark], how: str) -> str:
    """A placed page's Alt text: which page of which side, and the words marked on it."""
    alt = f"Page {number} of {label}, the whole page."
    if on_page:
        return alt + (f" {'Deleted' if older else 'Inserted'} words, {how}: "
                      + "; ".join(f"“{ch._short(m.text, 120)}”" for m in on_page) + ".")
    return alt + f" No words {'deleted' if older else 'inserted'} on this page."


def review_pages(old: Side, new: Side, page_diffs: list[PageDiff], figures: list | None = None,
                 runts: list | None = None) -> list[ReviewPage]:
    """Each changed page of each side, whole, its changed words marked and commented."""
    deleted, inserted = marks(words(old.pdf), words(new.pdf))
    numbers = sorted({p.number for p in page_diffs} | {m.page for m in deleted + inserted})
    out: list[ReviewPage] = []
    old_count, new_count = len(old.pages), len(new.pages)
    for number in numbers:
        for side, found, count, how in ((old, deleted, old_count, "struck through in red"),
                                        (new, inserted, new_count, "underlined in blue")):
            if number > count:
                continue
            on_page = [m for m in found if m.page == number]
            notes = [Note.of(_note(m, side), m) for m in on_page]
            if side is new:
                notes += _figure_notes(side, number, figures or []) + _runt_notes(side, number, runts or [])
            diff = next((p for p in page_diffs if p.number == number), None)
            alt = _alt(side is old, side.label, number, on_page, how)
            if diff is not None and not diff.only_in:
                alt += " Areas that differ: " + ", ".join(_area_words(diff, a, old, new) for a in diff.areas) + "."
            out.append(ReviewPage("old" if side is old else "new", number, alt, on_page, notes,
                                  f"{side.name}, page {number}"))
    return out


def diff_command(root: Path, output: Path, layout: Path, from_version: str | None, to_version: str | None) -> int:
    from ..load.variants import variants_of

    ledger = Ledger(archive_folder(output))
    try:
        where = Where(relative(layout, root))
        if variants_of(root, layout):
            raise Refused([Problem(where, "the layout expands over variants; diff compares one document",
                                   "none yet: diff does not support variant layouts (approve and verify each variant "
                                   "as usual)")], EXIT_INPUT)
        from .keys import trust_anchors

        altered = ledger_altered(ledger, root, "restore the ledger from a backup (render.py verify --all lists "
                                               "every break)", trust_anchors(root) or None)
        if altered:
            raise Refused(altered, EXIT_TAMPERED)
        entries = ledger.entries()
        with tempfile.TemporaryDirectory() as tmp:
            old = _approved(_entry(entries, layout.stem, from_version, where), output, Path(tmp))
            if to_version is None:
                new = _side("the current draft", DRAFT, root, layout, None)
            else:
                new = _approved(_entry(entries, layout.stem, to_version, where), output, Path(tmp))
            return _report(old, new, root, output, ledger)
    except Refused as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return exc.code
    except InputError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{ch.plural(len(exc.problems), 'problem')}; no review copy was written", file=sys.stderr)
        return EXIT_INPUT


def made_time(*approved: Approval | None) -> str:
    """When the review copy was made (UTC, ISO 8601, to the second): now, or SOURCE_DATE_EPOCH for a
    reproducible build; never before an approval it compares against (a copy cannot predate its input, and a
    reviewer who reads "made at 12:00" above "approved at 13:23" stops trusting it), so a fixed epoch earlier
    than that approval gives way to the approval's own time."""
    import os
    from datetime import datetime, timezone

    from .archive_files import now

    when = os.environ.get("SOURCE_DATE_EPOCH")
    made = (datetime.fromtimestamp(int(when), timezone.utc) if when and when.isdigit() else now())
    for entry in approved:
        try:
            at = datetime.fromisoformat(entry.time) if entry is not None and entry.time else None
        except ValueError:
            at = None
        if at is not None:
            at = (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
            made = max(made, at.replace(microsecond=0))
    return made.isoformat()


def _who() -> tuple[str, str]:
    from .archive_files import who

    w = who()
    return w["os_user"], w["host"]


def _utc(stamp: str):
    """An ISO time as a datetime in UTC (as given when naive), or None when it is not ISO."""
    from datetime import datetime, timezone

    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return when.astimezone(timezone.utc) if when.tzinfo is not None else when


def spoken_date(stamp: str) -> str:
    """An ISO time's day as a reader says it: “6 December 2026” (the time as given if it is not ISO)."""
    when = _utc(stamp)
    return stamp if when is None else f"{when.day} {when:%B %Y}"


def spoken_time(stamp: str) -> str:
    """An ISO time as a reader says it: “6 December 2026 at 11:02 UTC” (the time as given if it is not ISO)."""
    when = _utc(stamp)
    return stamp if when is None else f"{spoken_date(stamp)} at {when:%H:%M} UTC"


def role_words(role: str) -> str:
    """A signatory's role as a person: “medical” → “medical reviewer” (a role already naming a person stays)."""
    return role if any(w in role.lower() for w in ("review", "officer", "lead", "manager")) else f"{role} reviewer"


def _cover(made: str, approved: Approval | None, compared: Approval | None
           ) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """Who approved what and when, for the summary (in a reviewer's words); how the copy was made (the tool, the
    archived files and their ledger entries), for the record at its end; and their fingerprints (what, SHA-256)."""
    cover, record, prints = [f"Made on {spoken_time(made)}."], [f"Made with render.py diff on {spoken_time(made)}."], []
    for entry in (approved, compared):
        if entry is None:
            continue
        cover[0] += (f" Version {entry.version} was approved by {_unbroken(entry.approver)}"
                     + (f" as {role_words(entry.role)}" if entry.role else "") + f" on {spoken_time(entry.time)}.")
        record[0] += (f" {'Approved' if entry is approved else 'Compared'} file: {entry.document}, version "
                      f"{entry.version}, ledger entry {entry.seq}.")
    if approved is not None:
        prints += [(f"Approved file: {approved.document}", approved.pdf_sha256),
                   (f"Ledger entry {approved.seq}", approved.hash)]
    if compared is not None:
        prints.append((f"Compared file: {compared.document}", compared.pdf_sha256))
    return cover, record, prints


def _unbroken(name: str) -> str:
    """A person's name kept on one line (“Dr Quinn” is not split after “Dr”): its spaces no-break spaces."""
    return name.replace(" ", "\u00a0") if len(name) <= 32 else name


def paper_of(size: tuple[float, float]) -> str:
    """The paper name of a page size: A4 if it is A4 (either way round), else letter."""
    return "a4" if abs(min(size) - 595.3) < 2 and abs(max(size) - 841.9) < 2 else "letter"


def _summary(old: Side, new: Side, text: int, figures: int, refs: int, pages: int) -> str:
    """The cover's first sentence: what is compared with what, and how much changed (counted in words)."""
    counts = [ch.plural(n, what) if n else f"no {what}s" for n, what in
              ((text, "text change"), (figures, "figure or alt text change"), (refs, "reference change"))]
    return (f"{old.name} of {new.document.name} (material {old.document.material_id}) compared with {new.label} "
            f"({new.version_words}). "
            + ("Nothing differs." if not (text or figures or refs or pages) else
               f"{', '.join(counts)}; {ch.plural(pages, 'page')} {'differs' if pages == 1 else 'differ'}."))


def _parts(old: Side, new: Side, text: list, figures: list, refs: list, pages: list[PageDiff], runts: list,
           shown: list[ReviewPage]) -> list[tuple[str, list[Item]]]:
    """The summary's lists, titled, the layout effects to check first (the one list asking for a fix); each
    entry's page a link to that page as placed (the draft's, or the approved one's for what is only there: a
    deletion, a page the draft dropped)."""
    areas = sum(len(p.areas) for p in pages)
    return [   # what the reviewer must act on first: a heading the draft broke badly
        *([(f"Layout effects to check ({len(runts)})", [_linked(c.describe(), "new", shown) for c in runts])]
          if runts else []),
        (f"Text changes ({len(text)}), in reading order",
         [_linked(c.describe(), "new" if c.inserted else "old", shown) for c in text]),
        (f"Figures and alt texts ({len(figures)})", [_linked(c.describe(), "new", shown) for c in figures]),
        (f"References ({len(refs)})", [_linked(c.describe(), "new", shown) for c in refs]),
        (f"Pages that differ ({ch.plural(len(pages), 'page')}" + (f", {ch.plural(areas, 'area')})" if areas else ")"),
         [_linked(line, "old" if p.only_in == "old" else "new", shown) for p in pages for line in _page_lines(p, old, new)]),
    ]


def _thumbs(old: Side, new: Side, pages: list[PageDiff], shown: list[ReviewPage]) -> list[Thumb]:
    """Each placed page small, for the summary's side column: the areas that differ outlined in its side's
    colour (red on the approved page, blue on the draft's)."""
    out = []
    for index, entry in enumerate(shown):
        side = old if entry.side == "old" else new
        diff = next((p for p in pages if p.number == entry.number and not p.only_in), None)
        areas = [(a.x, a.y, a.width, a.height) for a in diff.areas] if diff else []
        size = next((p.size for p in side.pages if p.number == entry.number), (612.0, 792.0))
        colour = "red" if entry.side == "old" else "blue"
        alt = (f"Page {entry.number} of {side.label}, small"
               + (f", the {ch.plural(len(areas), 'area')} that differ outlined in {colour}: "
                  + ", ".join(a.where(diff.size).removeprefix("the ") for a in diff.areas) if diff and areas else "")
               + ".")
        out.append(Thumb(thumbnail(side.pdf, entry.number, areas, "deleted" if entry.side == "old" else "inserted"),
                         alt, (float(size[0]), float(size[1])), index))
    return out


def _report(old: Side, new: Side, root: Path, output: Path, ledger: Ledger | None = None) -> int:
    old_pages, new_pages = ch.block_pages(old.pages), ch.block_pages(new.pages)
    text = ch.text_changes(ch.units(old.document, old_pages), ch.units(new.document, new_pages))
    figures = ch.figure_changes(ch.figures(old.document, old.root, old_pages),
                                ch.figures(new.document, new.root, new_pages))
    refs = ch.reference_changes(ch.references(old.document, old_pages), ch.references(new.document, new_pages))
    pages = compare(old.pdf, new.pdf)
    runts = ch.new_runts(old.document, old.pages, new.document, new.pages)
    shown = review_pages(old, new, pages, figures, runts)
    name = new.document.name
    title = f"Review copy: {new.document.title}"
    user, host = _who()
    approved = old.entry
    made = made_time(approved, new.entry)
    # the operating system's account (often root) is no person a reviewer knows: it goes only into the stamp
    # and the ledger; the people the copy names are the approvers the ledger records
    cover, record, prints = _cover(made, approved, new.entry)
    parts = _parts(old, new, text, figures, refs, pages, runts, shown)
    whose = "Draft" if new.short == DRAFT else new.name
    sources = [(f"{whose} source: {path}", digest) for path, digest in sorted(new.sources.items())]
    intro = [_summary(old, new, len(text), len(figures), len(refs), len(pages)), *cover]
    if shown:
        intro.append(f"After these lists, each changed page follows, whole, first as in {old.label}, then as "
                     f"in {new.label}: deleted words are struck through in red on a red tint, inserted words underlined "
                     f"in blue on a blue tint (a deeper tint and a lighter line on a dark ground), "
                     f"and each change is a comment beside its line; a record of how this copy was made comes last. The page number "
                     f"leading each entry below links to that page, as does each small page's caption at the right "
                     f"(the areas that differ outlined).")
    content = ReviewContent(title, intro, parts, [p.label for p in shown], prints + sources,
                            thumbs=_thumbs(old, new, pages, shown), record=record)
    # the copy's own dates, not the material's: its footer says the day it was made, its PDF dates the time
    frame = Frame(new.document.material_id, spoken_date(made), made[:10], new.theme_file,
                  paper_of(new.pages[0].size if new.pages else (612.0, 792.0)))
    stamp = {"layout": new.document.source, "version": new.document.version, "made": made,
             "by": f"{user}@{host}", "sources": new.sources,
             "approved": {"entry": approved.seq, "hash": approved.hash, "document": approved.document,
                          "pdf_sha256": approved.pdf_sha256} if approved else {}}
    data = review_pdf(frame, content)
    if shown:
        data = append_pages(data, {"old": old.pdf, "new": new.pdf}, shown)
    data = stamp_review(data, stamp, made)
    target = output / "review" / f"{name}-{old.short}-vs-{new.short}.pdf"
    write_atomically(target, data)
    if ledger is not None and new.short == "draft":
        ledger.record("review", layout=new.document.source, document=target.name, version=new.document.version,
                      material_id=new.document.material_id, sources=new.sources, pdf_sha256=sha256(data),
                      note=f"review copy against ledger entry {approved.seq if approved else '?'}", time=made,
                      os_user=user, host=host)
    print(f"{title}: {old.label} compared with {new.label}")
    for heading, items in parts:
        print(f"{heading}:")
        for line in [str(item) for item in items] or ["no changes"]:
            print(f"  {line}")
    print(f"review copy: {relative(target, output.parent)}")
    return EXIT_OK
