"""Verify stage: the built PDF is reopened and checked before it may be written to output/.

`tagprint.preflight.in_build.check_built` opens the bytes once and runs this together with the preflight's
checks; `verify(data)` is the same verification on its own.
"""

from __future__ import annotations

import io

import pikepdf

from .marked_content import Finding, WalkResult, walk_pdf


class VerifyError(AssertionError):
    pass


def unclaimed(pdf: pikepdf.Pdf, result: WalkResult) -> list[str]:
    """Every MCID the walker saw on a page that the parent tree does not give a structure element."""
    problems = []
    parent_tree = pdf.Root.StructTreeRoot.ParentTree.Nums
    claimed = {int(parent_tree[i]): parent_tree[i + 1] for i in range(0, len(parent_tree), 2)}
    for number, page in enumerate(pdf.pages, start=1):
        key = int(page.obj.StructParents)
        found = claimed.get(key)
        # read once into Python (a pikepdf item costs a call per lookup): which MCIDs have an owner
        owners = None if found is None else [owner is not None for owner in found]
        for mcid in result.mcids[number]:
            if owners is None or mcid >= len(owners) or not owners[mcid]:
                problems.append(f"page {number}: MCID {mcid} has no structure element in the parent tree")
    return problems


def verify_walked(pdf: pikepdf.Pdf, result: WalkResult) -> WalkResult:
    """Raises VerifyError unless every painting operator is tagged or an artifact and every MCID on a
    page is claimed by the parent tree (`result` is the walker's pass over `pdf`)."""
    problems = [str(f) for f in result.findings] + unclaimed(pdf, result)
    if problems:
        raise VerifyError("\n".join(problems))
    return result


def verify(data: bytes) -> WalkResult:
    """Every painting operator tagged or an artifact; every MCID on a page claimed by the parent tree."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return verify_walked(pdf, walk_pdf(pdf))


__all__ = ["Finding", "VerifyError", "WalkResult", "verify", "verify_walked", "walk_pdf"]
