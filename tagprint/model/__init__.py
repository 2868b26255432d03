"""The semantic document model: plain dataclasses, no PDF and no drawing library in here."""

from .blocks import (
    Block, CallToAction, Callout, Card, Cards, Figure, Heading, Illustration, ListBlock, ListItem,
    MaterialId, PageBreak, Paragraph, Photo, Reference, References, Safety, Spacer, BLOCK_CLASSES,
)
from .notes import Note, Notes, note_id
from .boxed_warning import BoxedWarning
from .artwork import Artwork
from .table import Table, TableCell, TableRow
from .charts import Axis, Chart, ChartSeries, QrCode
from .quote import Quote
from .document import (
    Color, Decoration, Document, Ink, Page, Placement, Press, Recipe, Rect, Region, Section, Template, Theme,
    TypeStyle,
)
from .inline import Citation, Inline, Link, NoteRef, Text, plain_text

__all__ = [
    "Block", "CallToAction", "Callout", "Card", "Cards", "Citation", "Color", "Decoration",
    "Document", "Figure", "Heading", "Illustration", "Inline", "Link", "ListBlock", "ListItem",
    "MaterialId", "Page", "PageBreak", "Paragraph", "Photo", "Placement", "Rect", "Reference", "References",
    "Region", "Ink", "Press", "Recipe", "Safety", "Section", "Spacer", "Template", "Text", "Theme", "TypeStyle",
    "plain_text", "BLOCK_CLASSES", "BoxedWarning", "Artwork", "Note", "NoteRef", "Notes", "Table", "TableCell", "TableRow", "note_id",
    "Axis", "Chart", "ChartSeries", "QrCode", "Quote",
]
