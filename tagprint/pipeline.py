"""The pipeline, stage by stage: load → validate → (profile) → lay out → tag → draw → finish → verify.

`prepare` does what every profile shares (load and validate); `render` makes one profile's PDF.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .decks.handouts import is_handout
from .draw.painters import draw_document
from .errors import InputError, Problem, Where, relative
from .finish import FinishContext, finish
from .layout.pages import layout_document
from .load import Loaded, load
from .model import Artwork, Document, Figure, Photo
from .profiles import SCREEN, Profile, get
from .profiles.archive import Source
from .profiles.color import ProfileMissing
from .profiles.print_links import with_printed_links
from .profiles.press import condition_of, recipe_notes
from .tags import TagMap, build_tags, check_all_claimed
from .validate import validate
from .model.walk import walk
from .validate.lint import lint
from .preflight.in_build import check_built


@dataclass
class Prepared:
    loaded: Loaded
    document: Document
    milliseconds: float
    warnings: list = field(default_factory=list)
    accepted: list = field(default_factory=list)   # warnings the layout accepts on purpose (approval.accept)
    # laid out once per document, shared by the profiles: (live links?, output) -> (document, pages, notes)
    layouts: dict = field(default_factory=dict, repr=False)


@dataclass
class Built:
    name: str
    profile: Profile
    data: bytes
    pages: int
    milliseconds: float
    document: Document


def heading_texts(document: Document, tags: TagMap) -> dict[int, str]:
    texts: dict[int, str] = {}
    for section in document.sections():
        for block in walk(section.blocks):
            for part, _level, text in block.headings():
                texts[id(tags.elem(block, part))] = text
    return texts


def prepare(root: Path, layout_file: Path, variant: dict[str, str] | None = None) -> Prepared:
    started = time.perf_counter()
    loaded = load(root, layout_file, variant)  # load: YAML → shape-checked specs
    try:
        document = validate(loaded)       # validate: specs → model, all problems at once
    except InputError as exc:  # the warnings of what could be built are shown with the errors
        if isinstance(exc.partial, Document):
            try:
                exc.warnings = lint(exc.partial, loaded.layout.document.product, loaded.layout_source.where).warnings
            except Exception:  # noqa: BLE001 - a model with problems may trip a lint rule; the errors stand
                pass
        raise
    found = lint(document, loaded.layout.document.product, loaded.layout_source.where)  # lint: the pharma rules
    accepted = _accepted_by_layout(loaded.layout, found.warnings)
    shown = [w for w in found.warnings if w not in accepted]
    if found.errors:
        raise InputError(found.errors, warnings=shown)
    return Prepared(loaded, document, (time.perf_counter() - started) * 1000, shown, accepted)


def _accepted_by_layout(layout, warnings: list) -> list:
    """The warnings whose id the layout's approval.accept names (a block's id covers the blocks in it)."""
    from .approval.acceptance import accepted_by

    ids = [a.id for a in getattr(getattr(layout, "approval", None), "accept", ())]
    return [w for w in warnings if w.id and accepted_by(w.id, ids)]


def sources(prepared: Prepared) -> list[Source]:
    """The files that built the document (for the archive profile), relative to the project."""
    loaded = prepared.loaded
    paths = {loaded.layout_file, loaded.theme_file}
    paths |= {Path(cf.source.file) if Path(cf.source.file).is_absolute() else loaded.root / cf.source.file
              for cf, _ in loaded.content.values()}
    for section in prepared.document.sections():
        for block in walk(section.blocks):
            if isinstance(block, Figure) and isinstance(block.source, (Photo, Artwork)):
                paths.add(loaded.root / block.source.path)
            paths |= {loaded.root / name for name in getattr(block, "data_files", ())}  # a chart's CSV
    for page in prepared.document.pages:  # pictures drawn as template decorations (a logo on every page)
        for template in (page.template, page.then):
            for deco in template.decorations if template else ():
                if isinstance(deco.figure, Figure) and isinstance(deco.figure.source, (Photo, Artwork)):
                    paths.add(loaded.root / deco.figure.source.path)
    if loaded.layout.variants_file:
        paths.add(loaded.root / loaded.layout.variants_file)
    return [Source(relative(p, loaded.root), p.read_bytes()) for p in sorted(paths)]


def lay_out(document: Document, root: Path, output: str) -> tuple[list, bool]:
    """The pages of one output, and whether a deck's speaker notes are part of it."""
    pages = layout_document(document, root)
    if document.kind == "deck":  # each slide's text centred on the body area's axis, as its picture is
        from .decks.slides import balance_slides
        balance_slides(document, pages)
    handout = dict(zip(document.outputs[1:], document.handouts)).get(output) if document.kind == "deck" else None
    if handout is None:
        return pages, False
    from .decks.handouts import handout_pages, numbers_pages, shows_notes
    from .fonts import FontStack
    from .layout.blocks import LayoutContext

    kind, paper = handout
    ctx = LayoutContext(document, root, FontStack((document.theme.font, *document.theme.fallback_fonts)))
    handouts = handout_pages(document, pages, kind, paper, ctx)
    if ctx.problems:
        raise InputError(ctx.problems)
    from .layout.pages import add_footers
    add_footers(document, handouts, ctx, numbered=numbers_pages(kind))
    return handouts, shows_notes(kind)


def render(prepared: Prepared, profile: Profile, output: str = "") -> Built:
    """One output (the document, or a deck's slides or one of its handouts) in one profile."""
    try:
        return _render(prepared, profile, output)
    except ProfileMissing:  # the press condition knows which profile it needs and what installs it
        condition = condition_of(prepared.document.theme.press)
        raise InputError([Problem(Where(prepared.document.source, 0, 0, "profiles"),
                                  f"no CMYK ICC profile found for the press condition {condition.name}",
                                  f"install {condition.package}")]) from None


def _render(prepared: Prepared, profile: Profile, output: str) -> Built:
    started = time.perf_counter()
    root = prepared.loaded.root
    if profile.cmyk:  # how the theme's colours print: listed for the designer, once
        tsrc = prepared.loaded.theme_source
        listed = recipe_notes(prepared.document.theme, lambda name: tsrc.where(("colors", name)),
                              lambda name: tsrc.where(("press", "recipes", name)))
        prepared.warnings.extend(n for n in listed if n not in prepared.warnings)
    laid_out = prepared.layouts.get((profile.links, output))
    if laid_out is None:  # once per document and output; print sets its links as text, so has its own
        on_paper = prepared.document.for_output(output)  # a layout on several paper sizes: this output's
        printed = not profile.links or is_handout(on_paper, output)  # a handout is for paper, in every profile
        document = with_printed_links(on_paper) if printed else on_paper
        laid_out = prepared.layouts[(profile.links, output)] = (document, *lay_out(document, root, output))
    document, pages, notes = laid_out                                # lay out: positioned items per page
    tags = build_tags(document, notes)                               # tag: the structure tree, reading order
    drawn, pen = draw_document(document, pages, tags, root, profile)  # draw: items → marked content
    check_all_claimed(tags.root)
    ctx = FinishContext(document, profile, sources(prepared) if profile.pdfa else [], root, pages[0].size,
                        {"variant": prepared.loaded.variant or "", "output": output})
    data = finish(drawn, pen, tags, heading_texts(document, tags), ctx)  # finish: tree, metadata, profile
    # verify: reopen, check every operator; and the preflight's in-build checks (their warnings are shown)
    found = check_built(data, profile.preflight, document.theme.press.ink_limit)
    problems = [p for check in profile.checks for p in check(data, prepared)]  # the profile's own checks
    if problems:
        raise InputError(problems)
    elapsed = prepared.milliseconds + (time.perf_counter() - started) * 1000
    name = f"{document.name}-{output}" if output else document.name
    for finding in found:
        where = f"the {profile.name} PDF" + (f", page {finding.page}" if finding.page else "")
        note = Problem(Where(document.source, 0, 0, where), f"{finding.check}: {finding.message}", finding.fix)
        if note not in prepared.warnings:
            prepared.warnings.append(note)
    return Built(name, profile, data, len(pages), elapsed, document)


def build(root: Path, layout_file: Path, profile: str = SCREEN.name, output: str = "") -> Built:
    """One layout in one profile (and one output of a deck): what the tests and the benchmark call."""
    prepared = prepare(root, layout_file)
    if not output and prepared.document.kind == "deck":
        output = "slides"
    return render(prepared, get(profile), output)
