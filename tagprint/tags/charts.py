"""Tags of charts and QR codes: a Figure whose alt text carries the numbers (or the address), its source
line as the Figure's Caption; a chart's data table is the table block's own tags, right after it. A QR
code where links are live is a Link holding the Figure (the link annotation's OBJR joins the Link); its
caption is a paragraph after it."""

from __future__ import annotations

from ..model import Chart, QrCode
from .builder import _Builder, tags_of
from .tree import StructElem


@tags_of(Chart)
def _chart(b: _Builder, block: Chart, parent: StructElem) -> None:
    figure = b._keep(block, parent.add("Figure", alt=block.alt))
    b._slot(block, figure)
    if block.source:
        b.inline(block.source, b._keep(block, figure.add("Caption"), "caption"))
    if block.table is not None:
        b.block(block.table, parent)


@tags_of(QrCode)
def _qr(b: _Builder, block: QrCode, parent: StructElem) -> None:
    holder = parent
    if b.document.live_links:
        holder = b._keep(block, parent.add("Link", alt=block.description), "link")
    figure = b._keep(block, holder.add("Figure", alt=block.alt))
    b._slot(block, figure)
    if block.caption:
        b.inline(block.caption, b._keep(block, parent.add("P"), "caption"))
