"""Lengths in layouts, themes and content: a bare number is points; `mm`, `cm`, `in` and `pt` are allowed.

`length()` makes the pydantic type of one length (with its limits, in points); a value that is not a length
fails with the error kind "length", which schema_errors turns into one problem that says what is allowed.
Page-size names (letter, A4) are read whatever their case.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

POINTS_PER = {"pt": 1.0, "in": 72.0, "mm": 72.0 / 25.4, "cm": 72.0 / 2.54}
LENGTH_PATTERN = r"^\s*-?([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*(mm|cm|in|pt|MM|CM|IN|PT)?\s*$"
_LENGTH = re.compile(r"^\s*(-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\s*([a-zA-Z]*)\s*$")
LENGTH_ERROR = "length"
ALLOWED = "a number of points (12) or a number with a unit: 12pt, 4mm, 1.5cm, 0.5in"
PAPER_SIZES = {"letter": (612.0, 792.0), "a4": (595.0, 842.0)}


def to_points(value: Any) -> Any:
    """Points from a length (12, "12pt", "4.2mm", "1.5cm", "0.5in"); anything else raises the "length" error."""
    if isinstance(value, bool):
        raise PydanticCustomError(LENGTH_ERROR, "{value} is not a length", {"value": value})
    if isinstance(value, (int, float)):
        return value  # pydantic checks the number itself (a finite value within the limits)
    if isinstance(value, str):
        found = _LENGTH.match(value)
        if found and found.group(2).lower() in ("", *POINTS_PER):
            return round(float(found.group(1)) * POINTS_PER[found.group(2).lower() or "pt"], 4)
    raise PydanticCustomError(LENGTH_ERROR, "'{value}' is not a length", {"value": value})


def length(ge: float | None = None, le: float | None = None, gt: float | None = None) -> Any:
    """The type of a length between the limits (in points)."""
    number: dict[str, Any] = {"type": "number"}
    for key, limit in (("minimum", ge), ("maximum", le), ("exclusiveMinimum", gt)):
        if limit is not None:
            number[key] = limit
    written = {"type": "string", "pattern": LENGTH_PATTERN}
    return Annotated[float, BeforeValidator(to_points), Field(ge=ge, le=le, gt=gt),
                     WithJsonSchema({"anyOf": [number, written]})]


def _paper_name(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


PAPER_PATTERN = r"^\s*([Ll][Ee][Tt][Tt][Ee][Rr]|[Aa]4)\s*$"
PaperName = Annotated[Literal["letter", "a4"], BeforeValidator(_paper_name),
                      WithJsonSchema({"type": "string", "pattern": PAPER_PATTERN})]
"""A paper size: letter (612 × 792 pt) or A4 (595 × 842 pt), in any case."""


def is_length_schema(node: dict) -> bool:
    """Whether a JSON Schema node is a length (for the format reference)."""
    branches = node.get("anyOf", [])
    return len(branches) == 2 and branches[1].get("pattern") == LENGTH_PATTERN


def is_paper_schema(node: dict) -> bool:
    return node.get("pattern") == PAPER_PATTERN


def _length_or_auto(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() == "auto":
        return "auto"
    return to_points(value)


def length_or_auto(gt: float = 0, le: float = 10_000) -> Any:
    """A height: a length, or `auto` (as tall as what is set in it)."""
    number = {"type": "number", "exclusiveMinimum": gt, "maximum": le}
    written = {"type": "string", "pattern": LENGTH_PATTERN}
    return Annotated[float | Literal["auto"], BeforeValidator(_length_or_auto),
                     WithJsonSchema({"anyOf": [number, written, {"const": "auto"}]})]


_SPAN = re.compile(r"^\s*([0-9]{1,2})\s*-\s*([0-9]{1,2})\s*$")
SPAN_PATTERN = r"^\s*[0-9]{1,2}\s*-\s*[0-9]{1,2}\s*$"


def _columns(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4:
        return value
    if isinstance(value, str):
        found = _SPAN.match(value)
        if found and 1 <= int(found.group(1)) <= int(found.group(2)):
            return f"{int(found.group(1))}-{int(found.group(2))}"
    raise PydanticCustomError("columns", "'{value}' is not a number of columns (1 to 4) or a span of grid columns",
                              {"value": value, "fix": "write 2 to set a reference list in two columns, or a span "
                                                      "of the grid's columns such as 1-6 or 7-12"})


Columns = Annotated[int | str, BeforeValidator(_columns),
                    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1, "maximum": 4},
                                              {"type": "string", "pattern": SPAN_PATTERN}]})]
"""A region's columns: a number (a reference list set in that many columns) or a span of the grid (1-6)."""


def span(columns: int | str) -> tuple[int, int] | None:
    """The first and last grid column of a span (1-based), or None for a number of text columns."""
    if isinstance(columns, str):
        first, last = columns.split("-")
        return int(first), int(last)
    return None


# The lengths the specs use, by their limits (in points). mypy reads each as the number it is after
# validation (pydantic builds it from `length()` at run time).
if TYPE_CHECKING:
    FontSize = float
    Leading = float
    Offset = float
    Tracking = float
    Extent = float
    Coordinate = float
    Spacing = float
    HeightOrAuto = float | Literal["auto"]
else:
    FontSize = length(gt=0, le=200)            # a type style's size
    Leading = length(gt=0, le=1_000)           # a type style's line distance
    Offset = length(ge=-1_000, le=1_000)       # space before or after a block (may be negative)
    Tracking = length(ge=-100, le=100)         # extra space between letters
    Extent = length(gt=0, le=10_000)           # a width or height that must be above 0
    Coordinate = length(ge=-10_000, le=10_000)  # a place on the page (may lie in the bleed)
    Spacing = length(ge=0, le=1_000)           # a gap, gutter, margin or padding
    HeightOrAuto = length_or_auto()            # a region's height, or auto
