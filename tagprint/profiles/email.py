"""The email profile's finisher: sRGB OutputIntent; the size budget is checked on the saved bytes (see
`over_budget`).

Not linearized. A tagged PDF's link annotations are referenced both by their page and by the structure
tree (the OBJR of their Link element, which PDF/UA requires); qpdf 12 (inside pikepdf) and qpdf 11 (Debian)
place such objects differently in the hint tables, so a file linearized by one fails `qpdf --check` of the
other ("object count mismatch for page 1", "incorrect object count in outline hint table"). Fast web view
brings nothing to an attachment of a few hundred kB that a mail client downloads whole; a file a common
checker calls damaged costs trust."""

from __future__ import annotations

import io

from typing import TYPE_CHECKING

import pikepdf

from ..errors import Problem, Where
from .color import srgb_icc
from .output_intent import add_output_intent

if TYPE_CHECKING:
    from ..finish import FinishContext
    from ..pipeline import Prepared


def finish(pdf: pikepdf.Pdf, ctx: FinishContext) -> None:
    add_output_intent(pdf, "GTS_PDFA1", srgb_icc(), 3, "sRGB IEC61966-2.1", "sRGB IEC61966-2.1")


def largest_objects(data: bytes, count: int = 5) -> list[tuple[int, str]]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        rows = []
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                kind = str(obj.get("/Subtype") or obj.get("/Type") or "stream").lstrip("/")
                if obj.get("/Subtype") == "/Image":
                    kind = f"image {int(obj.Width)}×{int(obj.Height)} px"
                elif "/Length1" in obj:
                    kind = "embedded font"
                rows.append((len(obj.read_raw_bytes()), f"{kind} (object {obj.objgen[0]})"))
    return sorted(rows, reverse=True)[:count]


def check_budget(data: bytes, prepared: Prepared) -> list[Problem]:
    """The profile's check on the saved bytes: the size budget of the layout (`email_budget_kb`)."""
    document = prepared.document
    problem = over_budget(data, document.email_budget, document.email_budget_where)
    return [problem] if problem else []


def over_budget(data: bytes, budget: int, where: Where) -> Problem | None:
    if len(data) <= budget:
        return None
    listing = "; ".join(f"{what}: {size:,} bytes" for size, what in largest_objects(data))
    return Problem(where, f"the email PDF is {len(data):,} bytes, over its budget of {budget:,} bytes "
                          f"(largest objects: {listing})",
                   "use smaller or fewer photos, or raise email_budget_kb in the layout")
