"""What a block is made of, found from the types of its dataclass fields, so that traversal is written once
and a new block type cannot leave its text out of validation, lint, print links, fonts or the diff.

A field's type says what it holds:

- `tuple[Inline, ...]`: inline runs the block shows (its text, a caption, a source line);
- a block type, `Block`, `tuple[Block, ...]` (optionally `| None`): nested blocks, read as blocks of their own
  (a callout's blocks, a chart's data table, a card's picture);
- `Annotated[<block type> | None, Inside]`: a nested block read as part of its owner (a list item's sub-list:
  its items are the list's items, not a block of their own);
- another dataclass, or a tuple of them: a record whose parts are read the same way (list items, table rows
  and cells, reference entries, notes, cards).

The runs of a field `x` were written at the record's `x_where` if it has one (the runs of a paragraph or
heading at `text_where`, the YAML key `text:`), else at its `where`. What types cannot say, each block class
declares, with no default (the registry test names a class that leaves one out):

- `label_fields`: the plain strings it shows (a title, a button's text, the words a chart draws), by field or
  property name; records may declare them too (a note's marker);
- `heading_field`: the field whose text is a heading this block contributes ("" for none), at its `level`;
- `text_role`: what lint reads it as (`BODY_TEXT`, `SAFETY`, `CAPTION`, …);
- `reading_order` (optional): the parts in reading order where the fields' order is not (a table's caption
  is read before its rows).

Adding a block type (the quote block is the example): its spec in `load/schema.py` (and in `BlockSpec`), its
model class in `model/` (and in the `Block` union), its builder `BlockBuilder._<type>`, its layout
(`@layout_of`) and tagging rule (`@tags_of`), `render.py schema --write`, and one example in
`content/block-examples.yaml`. `tests/model/test_block_parts.py` names whatever is left out.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from dataclasses import dataclass, replace
from functools import cache
from typing import Annotated, Any, Callable, Iterator

from ..errors import Where
from .inline import Inline, plain_text

# what lint reads a block as
BODY_TEXT = "body text"        # running text: the print minimum size and the fair-balance rules apply
HEADING = "heading"
SAFETY = "safety"              # the Important Safety Information: its blocks are safety text
BOXED_WARNING = "boxed warning"  # a boxed warning: its blocks are safety text too
CAPTION = "caption"            # a picture with a caption and an alt text
BUTTON = "button"
REFERENCES = "references"
MATERIAL_ID = "material id"
NOTES = "notes"
TABLE = "table"
CONTAINER = "container"        # holds other blocks (a callout, cards)
GRAPHIC = "graphic"            # a chart or a QR code (its text is generated from its data)
SPACE = "space"                # draws nothing (a spacer, a page break)
TEXT_ROLES = frozenset({BODY_TEXT, HEADING, SAFETY, BOXED_WARNING, CAPTION, BUTTON, REFERENCES, MATERIAL_ID,
                        NOTES, TABLE, CONTAINER, GRAPHIC, SPACE})
SAFETY_ROLES = frozenset({SAFETY, BOXED_WARNING})  # their nested blocks are safety text (fair balance)

DECLARED = ("label_fields", "heading_field", "text_role")  # what every block class states (no defaults)

RUNS, CHILD, CHILDREN, RECORD, RECORDS, INSIDE = "runs", "child", "children", "record", "records", "inside"


class Inside:
    """Marks (in `Annotated`) a field holding a block read as part of its owner, not as a block of its own."""


@dataclass(frozen=True)
class Part:
    name: str
    kind: str  # RUNS, CHILD, CHILDREN, RECORD, RECORDS or INSIDE


# The names block modules' annotations may use (the Block union and its members), for reading their
# fields: filled by model.blocks when it is imported (so that this module imports none of the blocks).
NAMESPACE: dict[str, Any] = {}


def _names() -> dict[str, Any]:
    return NAMESPACE


def _is_block_type(tp: Any) -> bool:
    if isinstance(tp, type) and typing.get_origin(tp) is None:
        return bool(getattr(tp, "is_block_node", False))
    args = typing.get_args(tp)
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and bool(args) and all(map(_is_block_type, args))


def _is_inline_type(tp: Any) -> bool:
    return tp == Inline or (isinstance(tp, type) and tp in typing.get_args(Inline))


def _is_record_type(tp: Any) -> bool:
    """A dataclass of the model (a list item, a table row, a note), not a place (`Where`) or a value."""
    return (isinstance(tp, type) and typing.get_origin(tp) is None and dataclasses.is_dataclass(tp)
            and tp.__module__.startswith(__package__ + "."))


def _kind(tp: Any) -> str | None:
    if typing.get_origin(tp) is Annotated:
        base, *meta = typing.get_args(tp)
        if Inside in meta:
            return INSIDE
        tp = base
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        tp = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]
        args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = args[0]
        if _is_inline_type(item):
            return RUNS
        if _is_block_type(item):
            return CHILDREN
        if _is_record_type(item):
            return RECORDS
        return None
    if _is_block_type(tp):
        return CHILD
    if _is_record_type(tp):
        return RECORD
    return None


def _unreadable(tp: Any) -> bool:
    """A type that mentions inline runs or blocks in a form the traversal does not read (a list, a dict,
    `tuple[Any, ...]`): a new block type holding its text so would escape every traversal."""
    shown = str(tp)
    return any(word in shown for word in ("Inline", "Block", "Text", "Link")) or shown == "tuple[typing.Any, ...]"


@cache
def parts(cls: type) -> tuple[Part, ...]:
    """The parts of a block or record class in reading order (raises TypeError naming what is wrong)."""
    module = sys.modules[cls.__module__]
    hints = typing.get_type_hints(cls, globalns=vars(module), localns=_names(), include_extras=True)
    found: dict[str, Part] = {}
    for f in dataclasses.fields(cls):
        kind = _kind(hints[f.name])
        if kind is not None:
            found[f.name] = Part(f.name, kind)
        elif _unreadable(hints[f.name]):
            raise TypeError(f"{cls.__name__}.{f.name}: its type {hints[f.name]} holds text or blocks in a form the "
                            "traversal cannot read; use tuple[Inline, ...], tuple[Block, ...] or a dataclass")
    order = cls.__dict__.get("reading_order")
    if order is None:
        return tuple(found.values())
    if sorted(order) != sorted(found):
        raise TypeError(f"{cls.__name__}.reading_order {tuple(order)} must name each of its parts "
                        f"{tuple(found)} once")
    return tuple(found[name] for name in order)


def undeclared(cls: type) -> list[str]:
    """What a block class leaves out: the declarations every block type makes, and readable parts."""
    missing = [name for name in DECLARED
               if not any(name in c.__dict__ for c in cls.__mro__ if "is_block_node" not in c.__dict__)]
    if "text_role" not in missing and getattr(cls, "text_role") not in TEXT_ROLES:
        missing.append(f"text_role (one of {', '.join(sorted(TEXT_ROLES))})")
    try:
        parts(cls)
        for name in getattr(cls, "label_fields", ()):
            if not hasattr(cls, name) and name not in {f.name for f in dataclasses.fields(cls)}:
                missing.append(f"label_fields: no field '{name}'")
    except TypeError as exc:
        missing.append(str(exc))
    return missing


def _parts_of(node: Any) -> tuple[Part, ...]:
    """The parts of a block or record, by its class."""
    cls: type = type(node)  # named as a type: mypy reads `type(x)` as unhashable for the cache of `parts`
    return parts(cls)


def where_of(node: Any, name: str) -> Where:
    """Where the part `name` of a block or record was written."""
    for attribute in (f"{name}_where", "text_where" if name == "runs" else ""):
        if attribute and hasattr(node, attribute):
            return getattr(node, attribute)
    return node.where


def children(node: Any) -> tuple[Any, ...]:
    """The blocks nested in a block (or a record of it), in reading order."""
    out: list[Any] = []
    for part in _parts_of(node):
        value = getattr(node, part.name)
        if value is None:
            continue
        if part.kind == CHILD:
            out.append(value)
        elif part.kind == CHILDREN:
            out.extend(value)
        elif part.kind in (RECORD, INSIDE):
            out.extend(children(value))
        elif part.kind == RECORDS:
            for record in value:
                out.extend(children(record))
    return tuple(out)


def _inner(node: Any) -> Iterator[Any]:
    """The records and inside blocks of a node (not its nested blocks)."""
    for part in _parts_of(node):
        value = getattr(node, part.name)
        if value is None:
            continue
        if part.kind in (RECORD, INSIDE):
            yield value
        elif part.kind == RECORDS:
            yield from value


def text_runs(node: Any) -> Iterator[tuple[tuple[Inline, ...], Where]]:
    """The inline runs a block shows itself (records and inside blocks included), with where each was
    written; nested blocks answer for their own."""
    for part in _parts_of(node):
        value = getattr(node, part.name)
        if part.kind == RUNS:
            if value:
                yield value, where_of(node, part.name)
        elif value is not None and part.kind in (RECORD, INSIDE):
            yield from text_runs(value)
        elif part.kind == RECORDS:
            for record in value:
                yield from text_runs(record)


def labels(node: Any) -> Iterator[tuple[str, Where]]:
    """The plain strings a block shows (its `label_fields`, then its records')."""
    for name in getattr(type(node), "label_fields", ()):
        value = getattr(node, name)
        for text in (value,) if isinstance(value, str) else value:
            if text:
                yield text, where_of(node, name)
    for inner in _inner(node):
        yield from labels(inner)


def headings(node: Any) -> tuple[tuple[str, int, str], ...]:
    """The heading a block contributes: (part, level, text); the part is "" when the block is the heading."""
    name = type(node).heading_field
    if not name:
        return ()
    value = getattr(node, name)
    if isinstance(value, str):
        return ((name, node.level, value),) if value else ()
    return (("", node.level, plain_text(value)),)


def footnotes(node: Any) -> tuple[Any, ...]:
    """The footnotes (model.notes.Note) a block sets."""
    out: list[Any] = []
    for inner in _inner(node):
        out.extend((inner,) if getattr(type(inner), "is_footnote", False) else footnotes(inner))
    return tuple(out)


RunsFn = Callable[[tuple[Inline, ...]], tuple[Inline, ...]]
BlockFn = Callable[[Any], Any]


def map_runs(node: Any, runs: RunsFn, block: BlockFn) -> Any:
    """A copy with every inline run rewritten by `runs` and every nested block by `block` (the node itself
    where nothing changes)."""
    changed: dict[str, Any] = {}
    for part in _parts_of(node):
        value = getattr(node, part.name)
        if part.kind == RUNS:
            new = runs(value) if value else value
        elif value is None:
            continue
        elif part.kind == CHILD:
            new = block(value)
        elif part.kind == CHILDREN:
            new = tuple(block(b) for b in value)
        elif part.kind in (RECORD, INSIDE):
            new = map_runs(value, runs, block)
        else:
            new = tuple(map_runs(r, runs, block) for r in value)
        if new is not value:
            changed[part.name] = new
    return replace(node, **changed) if changed else node
