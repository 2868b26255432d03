"""The print profile's finisher: page boxes, the press condition's OutputIntent and PDF/X-4 identification
(ISO 15930-7) in Info and XMP, together with PDF/UA-1."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import pikepdf

from ..finish.metadata import ID_NAMESPACE, document_id, xmp
from .output_intent import add_output_intent
from .press import condition_of
from .xmp_extension import NAMESPACES, PDFUA_SCHEMA, prop, schema, schemas

PDFX = "PDF/X-4"
PDFX_NS = "http://www.npes.org/pdfx/ns/id/"
XMPMM_NS = "http://ns.adobe.com/xap/1.0/mm/"

if TYPE_CHECKING:
    from ..finish import FinishContext


def document_ids(document, draft: str = "") -> tuple[str, str]:
    """xmpMM:DocumentID (the same for every version of a material) and the InstanceID of this draft: derived
    from what was drawn (`draft`, a digest of the drawn pages), so that a corrected draft gets a new one
    while the same input gives the same bytes."""
    base = f"{document.material_id}/{document.name}"
    return (document_id(document),
            f"uuid:{uuid.uuid5(ID_NAMESPACE, f'{base}/{document.version}/print/{draft}')}")


def pdfx_xmp(document, draft: str = "") -> tuple[str, str]:
    """Namespaces and properties for PDF/X-4: pdfxid, pdf:Trapped, xmpMM ids, and the extension schema of
    pdfxid (with pdfuaid's) for validators that read XMP as PDF/A does."""
    document_id, instance_id = document_ids(document, draft)
    namespaces = f'\n    xmlns:pdfxid="{PDFX_NS}"\n    xmlns:xmpMM="{XMPMM_NS}"' + NAMESPACES
    pdfx_schema = schema("PDF/X ID Schema", PDFX_NS, "pdfxid",
                         prop("GTS_PDFXVersion", "Text", "ID of PDF/X standard"))
    properties = (
        f"\n   <pdfxid:GTS_PDFXVersion>{PDFX}</pdfxid:GTS_PDFXVersion>"
        "\n   <pdf:Trapped>False</pdf:Trapped>"
        f"\n   <xmpMM:DocumentID>{document_id}</xmpMM:DocumentID>"
        f"\n   <xmpMM:InstanceID>{instance_id}</xmpMM:InstanceID>"
        f"\n   <xmpMM:VersionID>{escape(document.version)}</xmpMM:VersionID>"
        "\n   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>"
        + schemas(PDFUA_SCHEMA, pdfx_schema)
    )
    return namespaces, properties


def finish(pdf: pikepdf.Pdf, ctx: FinishContext) -> None:
    profile, (width, height) = ctx.profile, ctx.page_size
    o, b = profile.offset, profile.bleed
    for page in pdf.pages:
        page.obj.MediaBox = pikepdf.Array([0, 0, width + 2 * o, height + 2 * o])
        page.obj.TrimBox = pikepdf.Array([o, o, o + width, o + height])
        page.obj.BleedBox = pikepdf.Array([o - b, o - b, o + width + b, o + height + b])
        page.obj.CropBox = page.obj.MediaBox
        trans = page.obj.get("/Trans")
        if isinstance(trans, pikepdf.Dictionary) and not len(trans.keys()):
            del page.obj.Trans  # ReportLab's empty transition dictionary: a preflight flags it
    condition = condition_of(ctx.document.theme.press)
    add_output_intent(pdf, "GTS_PDFX", condition.icc, 4, condition.identifier, condition.info,
                      condition.condition, condition.registry)
    pdf.Root.Metadata = pdf.make_stream(xmp(ctx.document, *pdfx_xmp(ctx.document, ctx.draft)),
                                        Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
    pdf.trailer.Info.GTS_PDFXVersion = pikepdf.String(PDFX)
    pdf.trailer.Info.Trapped = pikepdf.Name("/False")
