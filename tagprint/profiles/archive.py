"""The archive profile: PDF/A-3a together with PDF/UA-1, its sources embedded, kept write-once.

The sources that built the file (layout, theme, content, photos and a manifest with the SHA-256 of each
and of the tool) are embedded as associated files (`/AFRelationship /Source`), so that `render.py
verify FILE.pdf` can rebuild the approved version and prove it identical.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.sax.saxutils import escape

from typing import TYPE_CHECKING

import pikepdf

from .. import __version__
from ..tool import tool_digest
from .color import srgb_icc
from .output_intent import add_output_intent
from .xmp_extension import NAMESPACES, PDFUA_SCHEMA, prop, schema, schemas

if TYPE_CHECKING:
    from ..finish import FinishContext

MANIFEST = "tagprint-manifest.json"
MIME = {".yaml": "application/yaml", ".yml": "application/yaml", ".json": "application/json",
        ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
NS = "https://tagprint.example/ns/1.0/"


@dataclass(frozen=True)
class Source:
    path: str  # relative to the project, POSIX
    data: bytes


def manifest(sources: list[Source], build: dict[str, str] | None = None) -> bytes:
    """The tool, the SHA-256 of every source and, for a layout that makes several documents, which one
    this is (`build`: its variant id and a deck's output), so that verify rebuilds the same one."""
    body: dict = {
        "tool": {"name": "tagprint", "version": __version__, "sha256": tool_digest()},
        "inputs": {s.path: hashlib.sha256(s.data).hexdigest() for s in sources},
    }
    chosen = {k: v for k, v in (build or {}).items() if v}
    if chosen:
        body["build"] = chosen
    return (json.dumps(body, indent=2, sort_keys=True) + "\n").encode()


def xmp_extension(document) -> tuple[str, str]:
    """Namespaces and properties to add to the XMP: PDF/A identification, our own properties, and the
    extension schemas PDF/A asks for any namespace it does not predefine (pdfuaid and ours)."""
    namespaces = '\n    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"' + NAMESPACES + f'\n    xmlns:tagprint="{NS}"'
    ours = schema("tagprint approved material", NS, "tagprint",
                  prop("materialId", "Text", "Material (job) code of the approved piece")
                  + prop("approvalDate", "Date", "Date the piece was approved")
                  + prop("version", "Text", "Approved version of the piece"))
    properties = (
        "\n   <pdfaid:part>3</pdfaid:part>"
        "\n   <pdfaid:conformance>A</pdfaid:conformance>"
        f"\n   <tagprint:materialId>{escape(document.material_id)}</tagprint:materialId>"
        f"\n   <tagprint:approvalDate>{escape(document.created)}</tagprint:approvalDate>"
        f"\n   <tagprint:version>{escape(document.version)}</tagprint:version>"
        + schemas(PDFUA_SCHEMA, ours)
    )
    return namespaces, properties


def embed_sources(pdf: pikepdf.Pdf, sources: list[Source], date: str, build: dict[str, str] | None = None) -> None:
    files = sources + [Source(MANIFEST, manifest(sources, build))]
    specs = pikepdf.Array()
    names = pikepdf.Array()
    for source in sorted(files, key=lambda s: s.path):
        mime = MIME.get(PurePosixPath(source.path).suffix.lower(), "application/octet-stream")
        stream = pdf.make_stream(source.data, Type=pikepdf.Name.EmbeddedFile, Subtype=pikepdf.Name("/" + mime),
                                 Params=pikepdf.Dictionary(Size=len(source.data), ModDate=pikepdf.String(date),
                                                           CheckSum=pikepdf.String(hashlib.md5(source.data).digest())))
        spec = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Filespec, F=pikepdf.String(source.path), UF=pikepdf.String(source.path),
            EF=pikepdf.Dictionary(F=stream, UF=stream), AFRelationship=pikepdf.Name.Source,
            Desc=pikepdf.String("tagprint manifest" if source.path == MANIFEST else "source of this document"),
        ))
        specs.append(spec)
        names.append(pikepdf.String(source.path))
        names.append(spec)
    pdf.Root.AF = specs
    pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(Names=names))


def finish(pdf: pikepdf.Pdf, ctx: FinishContext) -> None:
    add_output_intent(pdf, "GTS_PDFA1", srgb_icc(), 3, "sRGB IEC61966-2.1", "sRGB IEC61966-2.1")
    embed_sources(pdf, ctx.sources, ctx.pdf_date, ctx.build)


def extract_sources(pdf: pikepdf.Pdf) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for spec in pdf.Root.get("/AF", pikepdf.Array()):
        name = str(spec.get("/UF", spec.get("/F")))
        out[name] = bytes(spec.EF.F.read_bytes())
    return out
