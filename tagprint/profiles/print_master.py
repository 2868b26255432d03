"""The print profile's finisher: page boxes and the CMYK OutputIntent (PDF/X-4 style)."""

from __future__ import annotations

import pikepdf

from .color import cmyk_icc
from .output_intent import add_output_intent


def finish(pdf: pikepdf.Pdf, ctx) -> None:
    profile, (width, height) = ctx.profile, ctx.page_size
    o, b = profile.offset, profile.bleed
    for page in pdf.pages:
        page.obj.MediaBox = pikepdf.Array([0, 0, width + 2 * o, height + 2 * o])
        page.obj.TrimBox = pikepdf.Array([o, o, o + width, o + height])
        page.obj.BleedBox = pikepdf.Array([o - b, o - b, o + width + b, o + height + b])
        page.obj.CropBox = page.obj.MediaBox
    add_output_intent(pdf, "GTS_PDFX", cmyk_icc(), 4, "CGATS TR 001",
                      "U.S. Web Coated (SWOP) v2, through Ghostscript's default CMYK profile")
    pdf.trailer.Info.Trapped = pikepdf.Name.False_
