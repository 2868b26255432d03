"""PDF values as Python ones, whatever the file holds: an object's reference, a string or name as text, a number."""

from __future__ import annotations

import pikepdf


def ref(obj: object) -> str | None:
    """'12 0 R' for an indirect object, None for a direct one."""
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        num, gen = obj.objgen
        return f"{num} {gen} R"
    return None


def objgen(obj: object) -> tuple[int, int] | None:
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        return obj.objgen
    return None


def text(value: object) -> str | None:
    """A PDF string (or name) as Python text; None when absent or not a string."""
    if value is None:
        return None
    if isinstance(value, pikepdf.String):
        return str(value)
    if isinstance(value, pikepdf.Name):
        return str(value)[1:]
    if isinstance(value, str):
        return value
    return None


def is_true(value: object) -> bool:
    """A PDF boolean that is true (pikepdf gives PDF booleans as Python's; its stubs say Object)."""
    return value is True


def number(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload]  # any PDF object: TypeError when it is no number
    except (TypeError, ValueError):
        return None
