"""A block cannot be half-made: every inline run reachable from a block of the block examples is seen by
validation, lint, print links, the font check and the approval diff; a block type left out of any registry,
or a block class that forgets a declaration, fails here with a message that names what is missing."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from tagprint.approval.changes import references, units
from tagprint.errors import Problem, Where
from tagprint.layout.blocks import LAYOUTS
from tagprint.load.schema import BLOCK_TYPES
from tagprint.model import BLOCK_CLASSES, Citation, Document, Link, NoteRef, Paragraph, Quote, Text
from tagprint.model.blocks import BlockNode
from tagprint.model.inline import Inline
from tagprint.model.parts import BODY_TEXT, parts, undeclared
from tagprint.profiles.print_links import with_printed_links
from tagprint.tags.from_model import TAGGERS
from tagprint.model.walk import walk
from tagprint.validate.citations import check_citations
from tagprint.validate.fonts import check_fonts
from tagprint.validate.lint import lint
from tagprint.validate.model_builder import BlockBuilder

ROOT = Path(__file__).resolve().parents[2]
INLINE = (Text, Citation, Link, NoteRef)


@pytest.fixture(scope="module")
def document() -> Document:
    from tagprint.pipeline import prepare
    return prepare(ROOT, ROOT / "layouts" / "block-examples.yaml").document


# ---- found by looking at the values themselves, not through model.parts --------------------------------

def _rewrite(value: Any, runs) -> Any:
    """`value` with every non-empty tuple of inline runs inside it replaced by `runs(tuple)`, found by
    walking every dataclass field and tuple (not the model's own traversal)."""
    if isinstance(value, tuple) and value and all(isinstance(v, INLINE) for v in value):
        return runs(value)
    if isinstance(value, tuple):
        return tuple(_rewrite(v, runs) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, (type, Where) + INLINE):
        return replace(value, **{f.name: _rewrite(getattr(value, f.name), runs)
                                 for f in dataclasses.fields(value) if f.init})
    return value


def _links(value: Any) -> list[Link]:
    if isinstance(value, Link):
        return [value]
    if isinstance(value, tuple):
        return [link for v in value for link in _links(v)]
    if dataclasses.is_dataclass(value) and not isinstance(value, (type, Where, Text, Citation, NoteRef)):
        return [link for f in dataclasses.fields(value) for link in _links(getattr(value, f.name))]
    return []


def _with_sections(document: Document, block) -> Document:
    cache: dict[int, Any] = {}

    def section(s):
        if id(s) not in cache:
            cache[id(s)] = replace(s, blocks=tuple(block(b) for b in s.blocks))
        return cache[id(s)]

    return replace(document, pages=tuple(
        replace(page, flow=tuple(section(s) for s in page.flow),
                placements=tuple(replace(pl, sections=tuple(section(s) for s in pl.sections)) for pl in page.placements))
        for page in document.pages))


@dataclass
class Marked:
    """The block examples with a numbered mark added to every run of inline text anywhere in a block."""

    document: Document
    count: int = 0
    kinds: dict[int, str] = field(default_factory=dict)


def _marked(document: Document) -> Marked:
    out = Marked(document)

    def mark(block):
        def runs(found: tuple[Inline, ...]) -> tuple[Inline, ...]:
            n = out.count = out.count + 1
            out.kinds[n] = type(block).__name__
            return found + (Text(f" TBD n{n} {chr(0xE000 + n)}"), Citation((900 + n,)),
                            Link(f"https://example.com/p{n}", (Text(f"page {n}"),), f"Example page {n}"))
        return _rewrite(block, runs)

    out.document = _with_sections(document, mark)
    return out


def test_every_inline_run_is_seen_by_validation_lint_print_links_fonts_and_the_diff(document):
    marked = _marked(document)
    assert marked.count >= 40  # every run of every block type of the examples
    assert {name for name in marked.kinds.values()} >= {"Paragraph", "Heading", "ListBlock", "Table", "Notes",
                                                         "References", "Figure", "Chart", "QrCode", "Quote"}
    numbers = range(1, marked.count + 1)
    doc = marked.document

    problems: list[Problem] = []
    check_citations(doc, problems)
    cited = {int(m) - 900 for m in re.findall(r"citation (\d+) has no", " ".join(p.message for p in problems))}
    assert [n for n in numbers if n not in cited] == [], "validation does not see these runs"

    warned = " ".join(p.message for p in lint(doc).warnings)
    assert [n for n in numbers if f"TBD n{n} " not in warned] == [], "lint does not see these runs"

    problems = []
    check_fonts(doc, Where("theme"), problems)
    missing = " ".join(p.message for p in problems)
    assert [n for n in numbers if f"U+{0xE000 + n:04X}" not in missing] == [], "the font check does not see these"

    diffed = " ".join(u.text for u in units(doc, {})) + " ".join(t for t, _ in references(doc, {}).values())
    assert [n for n in numbers if f"TBD n{n} " not in diffed] == [], "the diff does not see these runs"

    printed = [link for s in with_printed_links(doc).sections() for b in s.blocks for link in _links(b)]
    addresses = {m for link in printed for m in re.findall(r"\(example\.com/p(\d+)\)", link.text)}
    assert [n for n in numbers if str(n) not in addresses] == [], "print drops the address of these links"


# ---- the registries: leaving out any part of a block type names it ------------------------------------

CLASS_NAMES = {"list": "ListBlock", "qr": "QrCode"}  # the rest: the type in CamelCase


def _class_name(block_type: str) -> str:
    return CLASS_NAMES.get(block_type) or "".join(w.capitalize() for w in block_type.split("_"))


@dataclass
class Registries:
    types: list[str] = field(default_factory=lambda: list(BLOCK_TYPES))
    classes: tuple[type, ...] = BLOCK_CLASSES
    builder: type = BlockBuilder
    layouts: dict = field(default_factory=lambda: dict(LAYOUTS))
    taggers: dict = field(default_factory=lambda: dict(TAGGERS))
    schema: str = field(default_factory=lambda: (ROOT / "schemas" / "content.json").read_text(encoding="utf-8"))
    docs: str = field(default_factory=lambda: (ROOT / "docs" / "format.md").read_text(encoding="utf-8"))
    examples: set = field(default_factory=set)


def registry_problems(r: Registries) -> list[str]:
    """What a block type lacks, each naming the type and the file to add it in."""
    out = []
    classes = {c.__name__: c for c in r.classes}
    schema_types = set(re.findall(r'"const": "([a-z_]+)"', r.schema))
    for name in r.types:
        if _class_name(name) not in classes:
            out.append(f"block type '{name}': no model class {_class_name(name)} in the Block union (model/blocks.py)")
        if not callable(getattr(r.builder, f"_{name}", None)):
            out.append(f"block type '{name}': no builder BlockBuilder._{name} (validate/model_builder.py)")
        if name not in schema_types:
            out.append(f"block type '{name}': not in schemas/content.json (render.py schema --write)")
        if f"`type: {name}`" not in r.docs:
            out.append(f"block type '{name}': not in docs/format.md (render.py schema --write)")
    for name, cls in classes.items():
        if name not in {_class_name(t) for t in r.types}:
            out.append(f"model class {name}: no block type for it in the schema (BlockSpec in load/schema.py)")
        if cls not in r.layouts:
            out.append(f"model class {name}: no layout (@layout_of({name}) in layout/blocks.py)")
        if cls not in r.taggers:
            out.append(f"model class {name}: no tagging rule (@tags_of({name}) in tags/from_model.py)")
        out += [f"model class {name}: does not declare {what}" for what in undeclared(cls)]
        if r.examples and cls not in r.examples:
            out.append(f"model class {name}: no example in content/block-examples.yaml")
    return out


@pytest.fixture(scope="module")
def examples(document) -> set:
    return {type(b) for s in document.sections() for b in walk(s.blocks)}


def test_every_block_type_is_complete(examples):
    assert registry_problems(Registries(examples=examples)) == []


def _no_quote(r: Registries, part: str) -> Registries:
    if part == "schema spec":
        r.types = [t for t in r.types if t != "quote"]
        r.schema = r.schema.replace('"const": "quote"', '"const": "-"')
        r.docs = r.docs.replace("`type: quote`", "")
    elif part == "model class":
        r.classes = tuple(c for c in r.classes if c is not Quote)
    elif part == "builder":
        r.builder = type("Builder", (), {n: getattr(BlockBuilder, n) for n in dir(BlockBuilder) if n != "_quote"})
    elif part == "layout":
        del r.layouts[Quote]
    elif part == "tags":
        del r.taggers[Quote]
    elif part == "generated schema":
        r.schema = r.schema.replace('"const": "quote"', '"const": "-"')
    elif part == "generated docs":
        r.docs = r.docs.replace("`type: quote`", "")
    elif part == "example":
        r.examples = r.examples - {Quote}
    return r


@pytest.mark.parametrize("part, named", [
    ("schema spec", "model class Quote: no block type"), ("model class", "block type 'quote': no model class"),
    ("builder", "BlockBuilder._quote"), ("layout", "@layout_of(Quote)"), ("tags", "@tags_of(Quote)"),
    ("generated schema", "'quote': not in schemas/content.json"), ("generated docs", "'quote': not in docs/format.md"),
    ("example", "Quote: no example"),
])
def test_a_quote_block_missing_a_part_is_named(examples, part, named):
    problems = registry_problems(_no_quote(Registries(examples=examples), part))
    assert [p for p in problems if named in p] and all("uote" in p for p in problems), problems


@dataclass(frozen=True, eq=False)
class HalfMade(BlockNode):
    """A block type that states what it shows but not the rest."""

    runs: tuple[Inline, ...]
    where: Where = field(default_factory=lambda: Where(""))

    label_fields = ()


@dataclass(frozen=True, eq=False)
class HiddenText(BlockNode):
    """A block type that holds its text where no traversal could read it."""

    lines: list[Inline]
    where: Where = field(default_factory=lambda: Where(""))

    label_fields = ()
    heading_field = ""
    text_role = BODY_TEXT


def test_a_block_class_that_forgets_a_declaration_or_hides_its_text_is_named():
    assert undeclared(HalfMade) == ["heading_field", "text_role"]
    (hidden,) = undeclared(HiddenText)
    assert hidden.startswith("HiddenText.lines: its type") and "tuple[Inline, ...]" in hidden
    assert all(undeclared(cls) == [] for cls in BLOCK_CLASSES)


def test_parts_are_found_from_the_field_types():
    assert [(p.name, p.kind) for p in parts(Quote)] == [("runs", "runs"), ("attribution", "runs")]
    assert [p.name for p in parts(BLOCK_CLASSES[BLOCK_TYPES.index("table")])] == [
        "caption", "head", "body", "foot", "notes"]  # its declared reading order
    quote = Quote((Text("Words"),), (Text("Someone"),), Where("c.yaml", 3), "body", Where("c.yaml", 4),
                  Where("c.yaml", 5))
    assert [(runs[0].text, where.line) for runs, where in quote.text_runs()] == [("Words", 4), ("Someone", 5)]
    assert quote.map_runs(lambda runs: runs, lambda b: b) is quote  # nothing changed: the same block
    assert isinstance(Paragraph((Text("x"),)).map_runs(lambda r: r + (Text("y"),), lambda b: b).runs[1], Text)


def test_the_quote_is_in_the_json_schema_with_its_keys():
    schema = json.loads((ROOT / "schemas" / "content.json").read_text(encoding="utf-8"))
    quote = next(d for d in schema["$defs"].values() if d.get("properties", {}).get("type", {}).get("const") == "quote")
    assert {"text", "attribution", "style"} <= set(quote["properties"]) and "text" in quote["required"]
