"""Finish stage: structure tree, metadata and outline are written into the drawn PDF, then the
profile's finishers run (page boxes, output intents, PDF/A, embedded sources) and the file is saved."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pikepdf

from ..model import Document
from ..tags import TagMap
from .fonts import write_fonts
from .metadata import document_id, pdf_date, write_metadata
from .outline import write_outline
from .structure import write_structure

if TYPE_CHECKING:  # the profiles import their finishers, which take this context: one way at run time
    from ..draw.pen import Pen
    from ..profiles import Profile
    from ..profiles.archive import Source


@dataclass
class FinishContext:
    document: Document
    profile: "Profile"
    sources: list["Source"] = field(default_factory=list)
    root: Path | None = None
    page_size: tuple[float, float] = (0.0, 0.0)
    build: dict[str, str] = field(default_factory=dict)  # which document of the layout: variant, output
    draft: str = ""  # a digest of the drawn pages: what makes this draft another one (InstanceID, /ID)

    @property
    def pdf_date(self) -> str:
        return pdf_date(self.document)


def finish(drawn: bytes, pen: Pen, tags: TagMap, heading_texts: dict[int, str], ctx: FinishContext) -> bytes:
    document, profile = ctx.document, ctx.profile
    ctx.draft = hashlib.sha256(drawn).hexdigest()
    with pikepdf.open(io.BytesIO(drawn)) as pdf:
        write_fonts(pdf, pen.fonts_used)
        write_structure(pdf, tags.root, pen.links)
        write_metadata(pdf, document, profile.xmp(document) if profile.xmp else ("", ""))
        write_outline(pdf, tags.root, heading_texts)
        for finisher in profile.finishers:
            finisher(pdf, ctx)
        # the file identifier: the first half names the material (the same for every draft of it), the
        # second is computed by qpdf from the file's bytes (a new draft, a new /ID; the same input, the same)
        pdf.trailer.ID = pikepdf.Array([pikepdf.String(_permanent_id(document)), pikepdf.String(bytes(16))])
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True, fix_metadata_version=False,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none,  # streams already Flate stay as written
                 linearize=profile.linearize, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 min_version=profile.pdf_version)
        return out.getvalue()


def _permanent_id(document: Document) -> bytes:
    """The /ID's permanent half (ISO 32000-1 14.4): an MD5 of the material's DocumentID."""
    return hashlib.md5(document_id(document).encode()).digest()
