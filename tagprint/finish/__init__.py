"""Finish stage: structure tree, metadata and outline are written into the drawn PDF."""

from __future__ import annotations

import io

import pikepdf

from ..draw.pen import Pen
from ..model import Document
from ..tags import TagMap
from .metadata import write_metadata
from .outline import write_outline
from .structure import write_structure


def finish(drawn: bytes, pen: Pen, document: Document, tags: TagMap, heading_texts: dict[int, str]) -> bytes:
    with pikepdf.open(io.BytesIO(drawn)) as pdf:
        write_structure(pdf, tags.root, pen.links)
        write_metadata(pdf, document)
        write_outline(pdf, tags.root, heading_texts)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 compress_streams=True, fix_metadata_version=False)
        return out.getvalue()
