"""Shared by the list and table checks: an element must sit inside one of its allowed parents."""

from __future__ import annotations

from ..findings import ERROR, Finding


def misplaced(check_id: str, element, parents: dict[str, tuple[str, ...]]) -> Finding | None:
    """A finding when `element` (a standard type listed in `parents`) is not inside an allowed parent."""
    allowed = parents.get(element.std)
    if allowed is None:
        return None
    holder = element.structural_parent  # a NonStruct between them is looked through
    parent = holder.std if holder else None
    if parent in allowed:
        return None
    where = holder.role if holder else "the tree root"
    return Finding(check_id, ERROR, f"{element.role} is inside {where}, not {' or '.join(allowed)}",
                   page=element.page, object=element.ref, path=element.path,
                   fix=f"put the {element.role} inside {allowed[0]}")
