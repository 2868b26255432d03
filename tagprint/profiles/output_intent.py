"""OutputIntents: the colour space a file promises, with its ICC profile embedded."""

from __future__ import annotations

import pikepdf


def add_output_intent(pdf: pikepdf.Pdf, subtype: str, icc: bytes, components: int, identifier: str,
                      info: str, condition: str = "", registry: str = "http://www.color.org") -> None:
    """`identifier` is a registered condition (with its `registry`) or "Custom"; `info` and `condition` say
    in words what the embedded profile characterises."""
    profile = pdf.make_stream(icc, N=components)
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name("/" + subtype),
        OutputConditionIdentifier=pikepdf.String(identifier),
        Info=pikepdf.String(info),
        DestOutputProfile=profile,
    )
    if condition:
        intent.OutputCondition = pikepdf.String(condition)
    if registry:
        intent.RegistryName = pikepdf.String(registry)
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
