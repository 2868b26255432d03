"""The model's own traversal (model/walk.py): blocks in reading order with nested ones, every inline run a
block shows (links opened up), and every block of a document page by page."""

from __future__ import annotations

from tagprint.model import (Callout, Document, Heading, Link, ListBlock, ListItem, Note, Page, Paragraph,
                            Placement, Rect, Region, Section, Table, TableCell, TableRow, Template, Text, Theme)
from tagprint.model.walk import blocks_in_order, inline_runs, walk


def _table_with_link() -> Table:
    link = Link("https://www.example.com/pi.pdf", (Text("PI"),), "Prescribing Information (PDF)")
    head = TableRow((TableCell((Text("Dose"),), "Column"),))
    body = TableRow((TableCell((Text("see "), link)),))
    note = Note("*", (Text("A note"),), "note-x-star")
    return Table((head,), (body,), caption=(Text("Caption"),), widths=(1.0,), notes=(note,))


def test_traversal_reaches_table_cells_captions_and_notes():
    table = _table_with_link()
    texts = [run.text for run, _ in inline_runs(table)]
    assert texts == ["Caption", "Dose", "see ", "PI", "PI", "A note"]  # the link, then the runs inside it
    assert list(walk((table,))) == [table]


def test_walk_goes_into_nested_blocks_in_reading_order():
    inner = Paragraph((Text("inside"),))
    nested = ListBlock((ListItem((Text("one"),)),))
    callout = Callout((inner, nested))
    after = Paragraph((Text("after"),))
    assert list(walk((callout, after))) == [callout, inner, nested, after]
    assert [run.text for b in walk((callout, after)) for run, _ in inline_runs(b)] == ["inside", "one", "after"]


def test_blocks_in_order_follows_the_pages_and_their_sections():
    first, second, third = Heading(1, (Text("Title"),)), Paragraph((Text("Body"),)), Paragraph((Text("Last"),))
    template = Template("t", (Region("main", Rect(0, 0, 100, 100)),))
    page_one = Page(template, (Placement("main", (Section("a", (first, second)),)),))
    page_two = Page(template, (), flow=(Section("b", (third,)),))
    document = Document("T", "", "en", "ID", "2026", "1", (612.0, 792.0), Theme({}, {}), (page_one, page_two),
                        "layouts/t.yaml", "t")
    assert list(blocks_in_order(document)) == [first, second, third]
