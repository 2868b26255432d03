"""Validate stage, part one: shape-checked specs become the semantic model; every problem is kept."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, Callable


from .. import illustrations
from ..errors import Problem, Where
from ..files import stamp, symlink_in
from ..load.project import Loaded, inside
from ..load.schema import (
    CallToActionSpec, CalloutSpec, CardsSpec, FigureSpec, HeadingSpec, ItemSpec, ListSpec, MaterialIdSpec,
    NoteSpec, NotesSpec, ParagraphSpec, QuoteSpec, ReferenceEntrySpec, ReferencesSpec, SafetySpec, SpacerSpec,
    TableSpec,
)
from ..load.inline_markup import parse_inline
from ..load.schema_errors import did_you_mean
from ..load.yaml_source import Located
from ..model import (
    Artwork, Block, BoxedWarning, CallToAction, Callout, Card, Cards, Figure, Heading, Illustration, Link, ListBlock, ListItem,
    MaterialId, Note, Notes, PageBreak, Paragraph, Photo, Quote, Reference, References, Safety, Spacer, Text,
    note_id,
)
from ..langtags import tag_is_valid
from ..model.inline import Inline
from .links import check_href
from ..words import CATALOGUE, Words, words_for

IMAGE_TYPES = (".jpg", ".jpeg", ".png")
ARTWORK_TYPES = (".svg", ".pdf")  # vector artwork, drawn as vectors (tagprint.artwork)


_BCP47_SHAPE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def check_lang(tag: str, where: Where, problems: list[Problem]) -> None:
    # the shape first (langcodes accepts en_US, which PDF readers do not), then the registry
    if not _BCP47_SHAPE.match(tag) or not tag_is_valid(tag):
        problems.append(Problem(where, f"'{tag}' is not a valid BCP-47 language tag",
                                "use a tag such as en-US, en-GB, fr or de-CH"))


MAX_PIXELS = 60_000_000
MAX_IMAGE_BYTES = 80 * 1024 * 1024


def _unreadable(file: Path) -> str | None:
    """Checks a picture: its header first (decompression bombs are refused before decoding), then every
    pixel decoded, so a truncated or corrupt file is a problem here, not a crash when it is drawn."""
    return _decode_problem(file, stamp(file))


VERDICT_VERSION = b"tagprint picture verdict 1\0"  # raise when what makes a picture unreadable changes


@functools.lru_cache(maxsize=128)  # a picture shared by many layouts in one worker is decoded once
def _decode_problem(file: Path, changed: tuple) -> str | None:
    """The verdict on a picture, kept on disk by its bytes (and Pillow's version): a new process building
    the same photos does not decode every pixel again, nor load the strict JPEG decoder (and NumPy)."""
    import hashlib

    import PIL

    from ..fonts import cache_folder, kept_on_disk

    size = changed[0]  # the file's size (stamp)
    if size > MAX_IMAGE_BYTES:
        return f"is {size / 1e6:.0f} MB, too large"
    data = file.read_bytes()
    key = hashlib.sha256(VERDICT_VERSION + PIL.__version__.encode() + b"\0" + data).hexdigest()
    verdict = kept_on_disk(cache_folder("pictures") / f"{key}.txt",
                           lambda: (_decoded_problem(file, data) or "").encode())
    return verdict.decode() or None


def _decoded_problem(file: Path, data: bytes) -> str | None:
    import warnings

    from PIL import Image, ImageFile, UnidentifiedImageError

    ImageFile.LOAD_TRUNCATED_IMAGES = False  # a truncated picture is an error, never silently padded
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as im:
                width, height = im.size
                if width * height > MAX_PIXELS or not width or not height:
                    return f"is {width} × {height} pixels, more than 60 megapixels"
                im.load()  # under the bomb limit: decode it whole
        from ..profiles.images import decode_problem  # a JPEG whose decoder only warns is corrupt
        problem = decode_problem(data)
        if problem:
            return problem
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "has an absurd pixel size (a decompression bomb?)"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        reason = str(exc).split(" (")[0] or type(exc).__name__
        return f"cannot be read as a picture ({reason})"
    return None


class BlockBuilder:
    """Builds the model blocks of one content file, reporting problems against that file."""

    def __init__(self, loaded: Loaded, source: Located, problems: list[Problem]):
        self.loaded = loaded
        self.source = source
        self.problems = problems

    @functools.cached_property
    def words(self) -> Words:
        """The generated words (default titles) in the document's language; the overrides are checked with
        the document (validate.document)."""
        layout = self.loaded.layout
        return words_for(layout.document.lang, {k: v for k, v in layout.words.items() if k in CATALOGUE})

    def where(self, path: tuple) -> Where:
        return self.source.where(path)

    def inline(self, text: str, path: tuple) -> tuple[Inline, ...]:
        where = self.where(path)
        runs = parse_inline(text, where, self.problems, str(path[0]) if path else "")
        self._check_runs(runs, where)
        return runs

    def _check_runs(self, runs: tuple[Inline, ...], where: Where) -> None:
        for run in runs:
            if isinstance(run, Link):
                if run.internal is None:  # `#content-id`: judged with the document (validate.links.check_internal)
                    check_href(run.href, where, self.problems)
                if not run.text.strip():
                    self.problems.append(Problem(where, f"the link to '{run.href}' has no visible text",
                                                 "write the words to click between the brackets: [text](…)"))
                self._check_runs(run.runs, where)
            elif isinstance(run, Text) and run.lang:
                check_lang(run.lang, where, self.problems)

    def blocks(self, specs: list[Any], path: tuple) -> tuple[Block, ...]:
        out = []
        for i, spec in enumerate(specs):
            block = self.block(spec, path + (i,))
            if block is not None:
                out.append(block)
        return tuple(out)

    def block(self, spec: Any, path: tuple) -> Block | None:
        build: Callable[[Any, tuple], Block | None] = getattr(self, f"_{spec.type}")
        return build(spec, path)

    def _heading(self, spec: HeadingSpec, path: tuple) -> Block:
        self._check_style(spec.style or f"h{spec.level}", path + (("style",) if spec.style else ("level",)))
        return Heading(spec.level, self.inline(spec.text, path + ("text",)), self.where(path),
                       spec.style or f"h{spec.level}", self.where(path + ("text",)), spec.keep_with_next, spec.dir)

    def _paragraph(self, spec: ParagraphSpec, path: tuple) -> Block:
        self._check_style(spec.style, path + ("style",))
        return Paragraph(self.inline(spec.text, path + ("text",)), self.where(path), spec.style,
                         self.where(path + ("text",)), spec.keep_with_next, spec.dir)

    def _quote(self, spec: QuoteSpec, path: tuple) -> Block:
        self._check_style(spec.style, path + ("style",))
        return Quote(self.inline(spec.text, path + ("text",)), self.inline(spec.attribution, path + ("attribution",)),
                     self.where(path), spec.style, self.where(path + ("text",)), self.where(path + ("attribution",)))

    def _list(self, spec: ListSpec, path: tuple) -> Block:
        return self._list_items(spec.items, spec.ordered, path, spec.style)

    def _list_items(self, items: list, ordered: bool, path: tuple, style: str) -> ListBlock:
        built = []
        for i, item in enumerate(items):
            ipath = path + ("items", i)
            if isinstance(item, ItemSpec):
                children = self._list_items(item.items, ordered, ipath, style) if item.items else None
                built.append(ListItem(self.inline(item.text, ipath + ("text",)), children, self.where(ipath)))
            else:
                built.append(ListItem(self.inline(item, ipath), None, self.where(ipath)))
        return ListBlock(tuple(built), ordered, self.where(path), style)

    def _figure(self, spec: FigureSpec, path: tuple) -> Figure | None:
        where = self.where(path)
        if (spec.image is None) == (spec.illustration is None):
            self.problems.append(Problem(where, "a figure needs exactly one of 'image' or 'illustration'",
                                         "add image: photo.jpg (from images/) or illustration: spectrum"))
            return None
        source: Photo | Illustration | Artwork | None
        generated_alt = ""
        if spec.image is not None:
            source = self._photo(spec.image, path + ("image",))
            if spec.params:
                self.problems.append(Problem(self.where(path + ("params",)), "'params' only applies to illustrations",
                                             "remove params, or use illustration: instead of image:"))
        else:
            source, generated_alt = self._illustration(spec, path)
        alt = (spec.alt or "").strip()
        # an illustration that failed has no generated alt text to judge: its own problem is the only one
        failed_illustration = spec.illustration is not None and source is None
        if not spec.decorative and not alt and not generated_alt and not failed_illustration:
            self.problems.append(Problem(where, "figure has no alt text",
                                         'add alt: "what the picture shows" or decorative: true'))
        if spec.decorative and spec.caption:
            self.problems.append(Problem(where, "a decorative figure cannot have a caption",
                                         "remove the caption, or give the figure alt text instead of decorative"))
        if source is None:
            return None
        alt = alt or generated_alt
        # "{alt}" in a caption prints the alt text (galleries and review copies show what is announced)
        # (set as print: its straight quotes are curled, "AUTOIMMUNE" → “AUTOIMMUNE”)
        shown = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", alt)
        caption_text = spec.caption.replace("{alt}", shown) if spec.caption else ""
        caption = self.inline(caption_text, path + ("caption",)) if caption_text else ()
        if spec.caption:
            self._check_style(spec.caption_style, path + ("caption_style",))
        return Figure(source, alt, spec.decorative, caption, spec.caption_position,
                      spec.height, spec.width, spec.align, where, spec.caption_style)

    def _photo(self, name: str, path: tuple) -> Photo | Artwork | None:
        where = self.where(path)
        root = self.loaded.root
        file = root / "images" / name
        if not inside(root / "images", file):
            link = symlink_in(root, file)
            self.problems.append(Problem(where, f"image path '{name}' " + (
                f"is a symbolic link ({link}) that leaves the images/ folder (and the project folder)" if link
                else "leaves the images/ folder"), "put the picture in images/ (a copy, not a link to a file "
                                                  "elsewhere) and name it relative to that folder"))
            return None
        if file.suffix.lower() not in IMAGE_TYPES + ARTWORK_TYPES:
            self.problems.append(Problem(where, f"image '{name}' is not a JPEG, PNG, SVG or PDF",
                                         "save a photo as .jpg or .png, a logo or line drawing as .svg or .pdf"))
            return None
        if not file.is_file():
            names = sorted(p.name for p in (root / "images").glob("*")
                           if p.suffix.lower() in IMAGE_TYPES + ARTWORK_TYPES)
            self.problems.append(Problem(where, f"image '{name}' not found in images/", did_you_mean(name, names)))
            return None
        if file.suffix.lower() in ARTWORK_TYPES:
            return self._artwork(file, name, where)
        problem = _unreadable(file)
        if problem:
            self.problems.append(Problem(where, f"image '{name}' {problem}",
                                         "save it as a JPEG or PNG of at most 60 megapixels"))
            return None
        return Photo(Path("images", name).as_posix())

    def _artwork(self, file: Path, name: str, where: Where) -> Artwork | None:
        from ..artwork import ArtworkProblem, size_of

        if file.stat().st_size > MAX_IMAGE_BYTES:
            self.problems.append(Problem(where, f"artwork '{name}' is {file.stat().st_size / 1e6:.0f} MB, too large",
                                         "simplify the drawing, or save it as a smaller file"))
            return None
        try:
            size = size_of(file)
        except ArtworkProblem as exc:
            self.problems.append(Problem(where, f"artwork '{name}' {exc}",
                                         "save it as an SVG or one-page PDF of paths only (text converted to "
                                         "outlines, no embedded pictures), or as a PNG"))
            return None
        return Artwork(Path("images", name).as_posix(), file.suffix.lower().lstrip("."), size)

    def _illustration(self, spec: FigureSpec, path: tuple) -> tuple[Illustration | None, str]:
        kinds = illustrations.kinds()
        name = spec.illustration or ""
        if name not in kinds:
            self.problems.append(Problem(self.where(path + ("illustration",)), f"unknown illustration '{name}'",
                                         did_you_mean(name, kinds)))
            return None, ""
        kind = kinds[name]
        before = len(self.problems)
        params = kind.parse(dict(spec.params), lambda key: self.where(path + ("params", key)), self.problems)
        if len(self.problems) > before or params is None:
            return None, ""
        check_theme = getattr(kind, "check_theme", None)
        if check_theme is not None and self.loaded.theme_known:
            # the theme is validated later, as a whole: check the colour names now against the theme file
            # (and, where their values are sound, the contrast), so the error points at these params
            # rather than surfacing at draw time
            from types import SimpleNamespace

            from ..contrast import to_rgb
            colors, unsound = {}, set()
            for color_name, value in self.loaded.theme.colors.items():
                try:
                    colors[color_name] = to_rgb(value)
                except ValueError:  # reported against the theme file
                    unsound.add(color_name)
            used = set(getattr(params, "colors", ())) | {getattr(params, "background", "white")}
            if not used & unsound:
                where = self.where(path + ("params",))
                known = ", ".join(sorted(colors))
                for message in check_theme(params, SimpleNamespace(colors=colors)):
                    if "is not in the theme" in message:
                        fix = f"use one of the theme's colours: {known}"
                    else:
                        fix = ("use a colour that stands out from the background, or set background: to the "
                               "theme colour the picture sits on")
                    self.problems.append(Problem(where, message, fix))
        return Illustration(name, params), kind.alt_text(params, self.loaded.layout.document.lang)

    def _callout(self, spec: CalloutSpec, path: tuple) -> Block:
        tone = spec.tone
        if "tone" in spec.model_fields_set or tone in self.loaded.theme.colors:
            self._check_color(tone, path + ("tone",))
        else:
            tone = ""  # the default tone, in a theme without it: no border
        if spec.fill is not None:
            self._check_color(spec.fill, path + ("fill",))
        if spec.fill is None and spec.border == "none":
            self.problems.append(Problem(self.where(path), "a callout with no fill and no border is not set apart",
                                         "give it fill: tint, or border: left or box"))
        return Callout(self.blocks(spec.blocks, path + ("blocks",)), tone, self.where(path), spec.border, spec.fill)

    def _call_to_action(self, spec: CallToActionSpec, path: tuple) -> Block:
        check_href(spec.href, self.where(path + ("href",)), self.problems)
        return CallToAction(spec.text, spec.href, spec.description, self.where(path))

    def _references(self, spec: ReferencesSpec, path: tuple) -> Block:
        entries = []
        for i, entry in enumerate(spec.entries):
            epath = path + ("entries", i)
            number, text = (entry.n, entry.text) if isinstance(entry, ReferenceEntrySpec) else (i + 1, entry)
            entries.append(Reference(number, self.inline(text, epath), self.where(epath)))
        title = spec.title if "title" in spec.model_fields_set else self.words.get("references_title")
        return References(tuple(entries), title or "", self.where(path), spec.level)

    def _safety(self, spec: SafetySpec, path: tuple) -> Block:
        return Safety(spec.title or self.words.get("safety_title"), self.blocks(spec.blocks, path + ("blocks",)),
                      self.where(path))

    def _boxed_warning(self, spec: Any, path: tuple) -> Block:
        if spec.color is not None:
            self._check_color(spec.color, path + ("color",))
        return BoxedWarning(spec.title or self.words.get("boxed_warning_title"),
                            self.blocks(spec.blocks, path + ("blocks",)), self.where(path), spec.level, spec.rule,
                            spec.color, spec.title_align)

    def _check_color(self, name: str, path: tuple) -> None:
        colors = self.loaded.theme.colors
        if name not in colors:
            self.problems.append(Problem(self.where(path), f"no colour '{name}' in the theme",
                                         did_you_mean(name, colors)))

    def _material_id(self, spec: MaterialIdSpec, path: tuple) -> Block:
        return MaterialId(self.where(path))

    def _cards(self, spec: CardsSpec, path: tuple) -> Block:
        cards = []
        for i, card in enumerate(spec.cards):
            cpath = path + ("cards", i)
            figure = self._figure(card.figure, cpath + ("figure",)) if card.figure else None
            text = Paragraph(self.inline(card.text, cpath + ("text",)), self.where(cpath + ("text",)), "card",
                             self.where(cpath + ("text",)))
            cards.append(Card(figure, (text,), self.where(cpath)))
        return Cards(tuple(cards), self.where(path))

    def _notes_of(self, specs: list[NoteSpec], path: tuple) -> tuple[Note, ...]:
        out = []  # markers unique within the content id: checked for the whole document (validate/notes.py)
        for i, spec in enumerate(specs):
            npath = path + (i,)
            out.append(Note(spec.marker, self.inline(spec.text, npath + ("text",)),
                            note_id(str(path[0]), spec.marker), self.where(npath)))
        return tuple(out)

    def _notes(self, spec: NotesSpec, path: tuple) -> Block:
        self._check_style(spec.style, path + ("style",))
        return Notes(self._notes_of(spec.notes, path + ("notes",)), spec.style, self.where(path),
                     spec.place == "page_foot")

    def _table(self, spec: TableSpec, path: tuple) -> Block | None:
        from .table_builder import build_table
        return build_table(self, spec, path)

    def _spacer(self, spec: SpacerSpec, path: tuple) -> Block:
        return Spacer(spec.height, self.where(path))

    def _page_break(self, spec: Any, path: tuple) -> Block:
        return PageBreak(self.where(path))

    def _chart(self, spec: Any, path: tuple) -> Block | None:
        from .chart_builder import build_chart
        return build_chart(self, spec, path)

    def _qr(self, spec: Any, path: tuple) -> Block | None:
        from .qr_builder import build_qr
        return build_qr(self, spec, path)

    def _check_style(self, style: str, path: tuple) -> None:
        styles = self.loaded.theme.styles
        if style not in styles:
            self.problems.append(Problem(self.where(path), f"no text style '{style}' in the theme",
                                         did_you_mean(style, styles)))
