"""Every painting operator is real content (inside a BDC with an MCID) or an artifact — the shared walker
`tagprint.verify.marked_content.walk_pdf` does the work, including inside form XObjects."""

from __future__ import annotations

from ..document import Doc
from ..findings import ERROR, Finding
from .registry import register

FIXES = {
    "painted outside tagged content and artifacts":
        "wrap it in /P <</MCID n>> BDC … EMC claimed by a structure element, or in /Artifact BMC … EMC "
        "when it is decoration (backgrounds, rules, page numbers)",
    "inside an artifact": "an artifact holds no real content: end the artifact before the tagged sequence",
    "artifact inside tagged content": "close the tagged sequence (EMC) before the artifact begins",
    "used twice on the page": "give each marked-content sequence on a page its own MCID",
    "never closed": "end every BDC/BMC with EMC in the same content stream",
    "EMC without": "remove the stray EMC, or add the BDC/BMC it closes",
    "cannot be parsed": "rewrite the content stream; it cannot be read",
    "nested too deep": "break the cycle of form XObjects painting each other",
}


@register("TAG-CONTENT", "Everything drawn is tagged content or an artifact",
          standard="PDF/UA-1 7.1 (veraPDF 7.1-3); Matterhorn checkpoint 01",
          help="Walks every content stream (and the form XObjects it paints) and reports painting operators "
               "(text, paths, images, shadings) that are neither inside a marked-content sequence with an MCID "
               "nor inside an /Artifact, plus badly nested or unbalanced marked content.")
def content_is_tagged(doc: Doc) -> list[Finding]:
    # the walker reports each operator; one finding per page, stream and kind of problem is enough
    groups: dict[tuple[int, str, str], list[str]] = {}
    for f in doc.walk.findings:
        groups.setdefault((f.page, f.where, f.problem), []).append(f.operator)
    out = []
    for (page, where, problem), operators in groups.items():
        fix = next((v for k, v in FIXES.items() if k in problem), "tag the content or mark it as an artifact")
        kinds = ", ".join(sorted(set(operators)))
        if len(operators) > 1:
            message = f"{len(operators)} operators ({kinds}) {problem}"
        else:
            message = f"{kinds}: {problem}"
        obj = None if where == "page" else where.removeprefix("page > ")
        out.append(Finding("TAG-CONTENT", ERROR, message, page=page, object=obj, fix=fix))
    return out
