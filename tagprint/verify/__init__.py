"""Verify stage: the built PDF is reopened and checked before it may be written to output/."""

from __future__ import annotations

import io

import pikepdf

from .marked_content import Finding, WalkResult, walk_pdf


class VerifyError(AssertionError):
    pass


def verify(data: bytes) -> WalkResult:
    """Every painting operator tagged or an artifact; every MCID on a page claimed by the parent tree."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        result = walk_pdf(pdf)
        problems = [str(f) for f in result.findings]
        parent_tree = pdf.Root.StructTreeRoot.ParentTree.Nums
        claimed = {int(parent_tree[i]): parent_tree[i + 1] for i in range(0, len(parent_tree), 2)}
        for number, page in enumerate(pdf.pages, start=1):
            key = int(page.obj.StructParents)
            owners = claimed.get(key)
            for mcid in result.mcids[number]:
                if owners is None or mcid >= len(owners) or owners[mcid] is None:
                    problems.append(f"page {number}: MCID {mcid} has no structure element in the parent tree")
    if problems:
        raise VerifyError("\n".join(problems))
    return result


# Contrast is checked from the model when the document is laid out (it knows what lies behind each text);
# rendering every page again in every build would double the build time. TAG-CONTENT runs the same walker
# that `verify` has just run on the same bytes. READING-ORDER only warns (a build fails on errors) and
# would open the file in PDFium once more.
BUILD_SKIPS = ("CONTRAST", "TAG-CONTENT", "READING-ORDER")


def preflight(data: bytes, profile: str | None = None, ink_limit: float | None = None) -> None:
    """The preflight's checks on what a build just wrote (with the profile's own checks, e.g. print's):
    any error means the PDF is not written."""
    from ..preflight.checks import REGISTRY, run_checks
    from ..preflight.document import Doc
    from ..preflight.findings import ERROR

    with Doc.from_bytes(data) as doc:
        doc.ink_limit = ink_limit  # type: ignore[attr-defined]
        run = run_checks(doc, [c for c in REGISTRY if c not in BUILD_SKIPS], profile)
    errors = [f for f in run.findings if f.severity == ERROR] + [f"{c.check} crashed: {c.error}" for c in run.crashed]
    if errors:
        raise VerifyError("the built PDF fails the preflight:\n" + "\n".join(map(str, errors)))


__all__ = ["Finding", "VerifyError", "WalkResult", "verify", "walk_pdf"]
