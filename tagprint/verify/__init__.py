"""Verify stage: the built PDF is reopened and checked before it may be written to output/.

`tagprint.preflight.in_build.check_built` opens the bytes once and runs this together with the preflight's
checks; `verify(data)` is the same verification on its own.
"""

from __future__ import annotations

import io

import pikepdf

from ..errors import VerifyError
from ..preflight.findings import ERROR, Finding as CheckFinding
from .marked_content import Finding, WalkResult, walk_pdf

UNTAGGED_FIX = ("draw it inside a marked-content sequence claimed by a structure element, or as an artifact "
                "(pen.py's context managers do both)")
UNCLAIMED_FIX = "give every MCID on the page a structure element in the parent tree"


def unclaimed_mcids(pdf: pikepdf.Pdf, result: WalkResult) -> list[tuple[int, int]]:
    """Every (page, MCID) the walker saw that the parent tree does not give a structure element."""
    found_unclaimed = []
    parent_tree = pdf.Root.StructTreeRoot.ParentTree.Nums
    claimed = {int(parent_tree[i]): parent_tree[i + 1] for i in range(0, len(parent_tree), 2)}
    for number, page in enumerate(pdf.pages, start=1):
        key = int(page.obj.StructParents)
        found = claimed.get(key)
        # read once into Python (a pikepdf item costs a call per lookup): which MCIDs have an owner
        owners = None if found is None else [owner is not None for owner in found]
        for mcid in result.mcids[number]:
            if owners is None or mcid >= len(owners) or not owners[mcid]:
                found_unclaimed.append((number, mcid))
    return found_unclaimed


def unclaimed(pdf: pikepdf.Pdf, result: WalkResult) -> list[str]:
    """Every MCID the walker saw on a page that the parent tree does not give a structure element."""
    return [f"page {page}: MCID {mcid} has no structure element in the parent tree"
            for page, mcid in unclaimed_mcids(pdf, result)]


def verify_findings(pdf: pikepdf.Pdf, result: WalkResult) -> list[CheckFinding]:
    """What verify finds, as the preflight's findings (under the ids of the checks that test the same):
    painting outside tagged content and artifacts (TAG-CONTENT), MCIDs nobody claims (STRUCT-TREE)."""
    found = [CheckFinding("TAG-CONTENT", ERROR, f"{f.operator} ({f.where}): {f.problem}", page=f.page,
                          fix=UNTAGGED_FIX) for f in result.findings]
    found += [CheckFinding("STRUCT-TREE", ERROR, f"MCID {mcid} has no structure element in the parent tree",
                           page=page, fix=UNCLAIMED_FIX) for page, mcid in unclaimed_mcids(pdf, result)]
    return found


def verify_walked(pdf: pikepdf.Pdf, result: WalkResult) -> WalkResult:
    """Raises VerifyError unless every painting operator is tagged or an artifact and every MCID on a
    page is claimed by the parent tree (`result` is the walker's pass over `pdf`)."""
    found = verify_findings(pdf, result)
    if found:
        raise VerifyError(found)
    return result


def verify(data: bytes) -> WalkResult:
    """Every painting operator tagged or an artifact; every MCID on a page claimed by the parent tree."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return verify_walked(pdf, walk_pdf(pdf))


__all__ = ["Finding", "VerifyError", "WalkResult", "verify", "verify_findings", "verify_walked", "walk_pdf"]
