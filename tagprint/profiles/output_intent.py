"""OutputIntents: the colour space a file promises, with its ICC profile embedded."""

from __future__ import annotations

import functools
import zlib

import pikepdf


def add_output_intent(pdf: pikepdf.Pdf, subtype: str, icc: bytes, components: int, identifier: str,
                      info: str, condition: str = "", registry: str = "http://www.color.org") -> None:
    """`identifier` is a registered condition (with its `registry`) or "Custom"; `info` and `condition` say
    in words what the embedded profile characterises."""
    profile = pdf.make_stream(_deflated(icc), N=components)
    profile.Filter = pikepdf.Name.FlateDecode  # (after /N and /Length: the order qpdf writes when it compresses)
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


@functools.lru_cache(maxsize=8)
def _deflated(icc: bytes) -> bytes:
    """A press profile (about 200 KB) compressed once per process, not once per document."""
    return zlib.compress(icc)
