"""The contract every illustration kind keeps, and the registry kinds enter when their module is imported:
a kind's name, preferred aspect, parameter parsing (with `Range` and `known_params`), drawing and alt text."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable, Protocol

from ..errors import Problem, Where


class Kind(Protocol):
    name: str
    aspect: float  # preferred width / height

    def parse(self, params: dict[str, Any], where: Callable[[str], Where], problems: list[Problem]) -> Any: ...

    def alt_text(self, params: Any, lang: str) -> str: ...

    def draw(self, pen: Any, params: Any, box: Any, theme: Any) -> None: ...


REGISTRY: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    REGISTRY[kind.name] = kind
    return kind


def kinds() -> dict[str, Kind]:
    return REGISTRY


@dataclass(frozen=True)
class Range:
    """An allowed range for a numeric parameter, used in error messages."""

    low: float
    high: float

    def check(self, name: str, value: Any, where: Where, problems: list[Problem], integer: bool = True) -> Any:
        ok_type = isinstance(value, int) if integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok_type or not (self.low <= value <= self.high):
            kind = "a whole number" if integer else "a number"
            problems.append(Problem(where, f"parameter '{name}' is {value!r}",
                                    f"use {kind} from {self.low:g} to {self.high:g}"))
            return None
        return value


def known_params(kind: str, fields: type, params: dict[str, Any], where: Callable[[str], Where],
                 problems: list[Problem]) -> dict[str, Any]:
    """The given parameters that the parameters dataclass `fields` has; each other one is a problem naming
    the closest known parameter."""
    from ..load.schema_errors import did_you_mean

    known = [f.name for f in dataclasses.fields(fields)]  # in the order the class declares them
    for key in params:
        if key not in known:
            problems.append(Problem(where(key), f"unknown {kind} parameter '{key}'", did_you_mean(key, known)))
    return {key: value for key, value in params.items() if key in known}
