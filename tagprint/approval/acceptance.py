"""Which warnings an approval must not pass over, and which `--accept` (or the layout's approval.accept) covers."""

from __future__ import annotations


def accepted_by(warning_id: str, accepted: tuple[str, ...] | list[str]) -> bool:
    """`--accept placeholder:references[0]` accepts that id and every id under that block."""
    return any(warning_id == a or warning_id.startswith(a + ".") or warning_id.startswith(a + "[")
               for a in accepted)


def must_fix(warnings: list) -> list:
    """The warnings of the "must fix before approval" kind (placeholder copy), one per id."""
    from ..validate.lint import MUST_FIX

    found: dict[str, object] = {}
    for w in warnings:
        if getattr(w, "id", "").split(":")[0] in MUST_FIX:
            found.setdefault(w.id, w)
    return list(found.values())


def required_roles(prepared) -> list[str]:
    return list(prepared.loaded.layout.approval.roles)
