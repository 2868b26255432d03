"""OutputIntents: the colour space a file promises, with its ICC profile embedded."""

from __future__ import annotations

import pikepdf


def add_output_intent(pdf: pikepdf.Pdf, subtype: str, icc: bytes, components: int, identifier: str,
                      info: str) -> None:
    profile = pdf.make_stream(icc, N=components)
    intent = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name("/" + subtype),
        OutputConditionIdentifier=pikepdf.String(identifier),
        Info=pikepdf.String(info),
        RegistryName=pikepdf.String("http://www.color.org"),
        DestOutputProfile=profile,
    ))
    pdf.Root.OutputIntents = pikepdf.Array([intent])
