"""Every block type is registered everywhere: shape, builder, layout, tags; traversal reaches its text."""

from __future__ import annotations

import typing

from tagprint.layout.blocks import LAYOUTS
from tagprint.load.schema import BLOCK_TYPES, BlockSpec
from tagprint.model import BLOCK_CLASSES, Link, Note, Paragraph, Table, TableCell, TableRow, Text
from tagprint.profiles.print_links import _block as printed
from tagprint.tags.from_model import TAGGERS
from tagprint.model.walk import walk
from tagprint.validate.model_builder import BlockBuilder


def _spec_types() -> list[str]:
    union = typing.get_args(typing.get_args(BlockSpec)[0])
    return [typing.get_args(spec.model_fields["type"].annotation)[0] for spec in union]


def test_every_block_type_has_a_shape_and_a_builder():
    assert _spec_types() == BLOCK_TYPES and len(set(BLOCK_TYPES)) == len(BLOCK_TYPES)
    assert {"table", "notes", "references", "safety", "chart", "qr"} <= set(BLOCK_TYPES)
    missing = [name for name in BLOCK_TYPES if not callable(getattr(BlockBuilder, f"_{name}", None))]
    assert missing == []


def test_every_model_block_has_a_layout_and_a_tagging_rule():
    assert len(BLOCK_CLASSES) == len(BLOCK_TYPES)
    assert [c.__name__ for c in BLOCK_CLASSES if c not in LAYOUTS] == []
    assert [c.__name__ for c in BLOCK_CLASSES if c not in TAGGERS] == []


def _table_with_link() -> Table:
    link = Link("https://www.example.com/pi.pdf", (Text("PI"),), "Prescribing Information (PDF)")
    head = TableRow((TableCell((Text("Dose"),), "Column"),))
    body = TableRow((TableCell((Text("see "), link)),))
    note = Note("*", (Text("A note"),), "note-x-star")
    return Table((head,), (body,), caption=(Text("Caption"),), widths=(1.0,), notes=(note,))


def test_print_links_rewrite_a_link_inside_a_table_cell():
    table = printed(_table_with_link())
    (cell,) = table.body[0].cells
    link = cell.runs[1]
    assert link.text == "PI (example.com/pi.pdf)"
    assert isinstance(printed(Paragraph((link,))), Paragraph)



def test_every_block_class_has_its_text_in_the_diff_units():
    """The diff (approval.changes) reads text through the registry: for each block of the block examples
    (one of every block type), each text it shows is a unit of the diff, under its class's kind (notes as
    footnotes with their marker; reference entries in the diff's reference list)."""
    from pathlib import Path

    from tagprint.approval.changes import FOOTNOTE, _runs_text, kind_of, references, units
    from tagprint.pipeline import prepare

    root = Path(__file__).resolve().parents[2]
    document = prepare(root, root / "layouts" / "block-examples.yaml").document
    found = {(unit.kind, unit.text) for unit in units(document, {})}
    refs = {text for text, _pages in references(document, {}).values()}
    seen: set[type] = set()
    for section in document.sections():
        for block in walk(section.blocks):
            seen.add(type(block))
            kind, name = kind_of(type(block)), type(block).__name__
            notes = {id(note.where): note for note in block.footnotes()}
            for runs, where in block.text_runs():
                text = _runs_text(runs)
                if id(where) in notes:
                    assert (FOOTNOTE, f"{notes[id(where)].marker} {text}") in found, (name, text)
                elif kind.apart:
                    assert text in refs, (name, text)
                elif text:
                    assert (kind.text, text) in found, (name, text)
            for text, where in block.labels():
                if id(where) not in notes:
                    assert (kind.label or kind.text, text) in found, (name, text)
            if kind.shows:
                assert (kind.text, kind.shows(document)) in found, name
    assert set(BLOCK_CLASSES) <= seen, "the block examples lack a block type: add one"
    assert {"table", FOOTNOTE, "heading", "list item", "button", "caption"} <= {kind for kind, _ in found}
