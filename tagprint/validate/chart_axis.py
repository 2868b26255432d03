"""A chart's value axis: the extent it must hold (every value, a stacked bar's totals, the reference line),
its range and step (given, or round numbers around the data), a log scale's powers of two, and the decimals
its numbers are written with."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ..errors import Problem, Where
from ..load.schema_charts import ChartSpec
from .chart_data import Numbers

if TYPE_CHECKING:
    from .model_builder import BlockBuilder

MAX_TICKS = 20


@dataclass(frozen=True)
class BuiltSeries:
    """A series as read: its name, numbers (a forest plot's low and high ends too), colour and YAML path."""

    name: str
    values: Numbers
    low: Numbers | None
    high: Numbers | None
    color: str
    path: tuple

    def numbers(self) -> tuple[Numbers, ...]:
        return tuple(n for n in (self.values, self.low, self.high) if n is not None)


def decimals(values: Sequence[float]) -> int:
    """The decimals the numbers are written with (up to 6): no value is shown rounded."""
    most = 0
    for v in values:
        text = f"{v:.6f}".rstrip("0")
        most = max(most, len(text.split(".")[1]) if "." in text else 0)
    return most


def nice_step(span: float, target: int = 5) -> float:
    raw = span / target if span > 0 else 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * magnitude >= raw - 1e-12:
            return m * magnitude
    return 10 * magnitude


def _linear(spec: ChartSpec, values: list[float], reference: float | None) -> tuple[float, float, float]:
    """The value axis: the given min/max/step, else round numbers around the data (bars start at 0)."""
    data_low, data_high = min(values), max(values)
    if reference is not None:
        data_low, data_high = min(data_low, reference), max(data_high, reference)
    if spec.kind in ("bar", "stacked_bar", "line"):
        data_low = min(0.0, data_low)
    low = spec.min if spec.min is not None else data_low
    high = spec.max if spec.max is not None else data_high
    if high <= low:
        high = low + 1
    step = spec.step or nice_step(high - low)
    if spec.min is None:
        low = math.floor(low / step + 1e-9) * step
    if spec.max is None:
        high = math.ceil(high / step - 1e-9) * step
        if high <= data_high - 1e-9 or high == low:
            high += step
    return low, high, step


def extent(b: "BlockBuilder", spec: ChartSpec, path: tuple, built: list[BuiltSeries], categories: list[str],
           reference: float | None) -> list[tuple[float, Where]]:
    """The values the value axis must hold, each with where it was written."""
    found: list[tuple[float, Where]] = []
    if spec.kind == "stacked_bar":
        for j in range(len(categories)):
            pos = sum(s.values.values[j] for s in built if s.values.values[j] > 0)
            neg = sum(s.values.values[j] for s in built if s.values.values[j] < 0)
            place = built[-1].values.places[j]
            found += [(pos, place), (neg, place)]
    else:
        for s in built:
            for numbers in s.numbers():
                found += list(zip(numbers.values, numbers.places))
    if reference is not None:  # the reference line is drawn inside the axis too
        found.append((reference, b.where(path + (("reference",) if spec.reference is not None else ()))))
    return found


def check_extent(b: "BlockBuilder", spec: ChartSpec, where: Where, path: tuple, found: list[tuple[float, Where]],
                 built: list[BuiltSeries], reference: float | None) -> bool:
    """Every value lies within a given min and max (which are in order); False: the axis cannot be made."""
    if spec.min is not None and spec.max is not None and spec.min >= spec.max:
        b.problems.append(Problem(b.where(path + ("max",)), f"the axis runs from {spec.min:g} to {spec.max:g}",
                                  "give a max above min"))
        return False
    for value, place in found:
        outside = (spec.min is not None and value < spec.min - 1e-9) or (spec.max is not None and value > spec.max + 1e-9)
        if outside:
            what = "the stacked total " if spec.kind == "stacked_bar" else \
                "the reference line " if (value, place) == found[-1] and reference is not None else "the value "
            b.problems.append(Problem(place, f"{what}{value:g} is outside the value axis "
                                             f"({'…' if spec.min is None else f'{spec.min:g}'} to "
                                             f"{'…' if spec.max is None else f'{spec.max:g}'})",
                                      "correct the value, or widen the axis with min:/max:"))
    if spec.kind == "stacked_bar" and any(v < 0 for s in built for v in s.values.values):
        b.problems.append(Problem(where, "a stacked bar chart cannot show negative values",
                                  "use kind: bar for values below zero"))
    return True


def value_axis(b: "BlockBuilder", spec: ChartSpec, path: tuple, found: list[tuple[float, Where]],
               reference: float | None) -> tuple[float, float, float] | None:
    """The axis' low and high ends and its step (1 on a log scale); None when it cannot be made."""
    if spec.scale == "log":
        return _log(b, spec, path, found)
    low, high, step = _linear(spec, [v for v, _ in found], reference)
    if (high - low) / step > MAX_TICKS + 1e-9:
        b.problems.append(Problem(b.where(path + ("step",)), f"a step of {step:g} makes "
                                                             f"{round((high - low) / step)} ticks",
                                  f"use a step of at least {nice_step(high - low, MAX_TICKS):g}"))
        return None
    return low, high, step


def _log(b: "BlockBuilder", spec: ChartSpec, path: tuple,
         found: list[tuple[float, Where]]) -> tuple[float, float, float] | None:
    """A log scale (a forest plot's ratios): from and to powers of two around the values."""
    before = len(b.problems)
    if spec.kind != "forest":
        b.problems.append(Problem(b.where(path + ("scale",)), "a log scale is for forest plots (ratios)",
                                  "remove scale: log, or use kind: forest"))
        return None
    if spec.step is not None:
        b.problems.append(Problem(b.where(path + ("step",)), "a log scale has its ticks at powers of two",
                                  "remove step:, or use scale: linear"))
    for value, place in found + [(v, b.where(path + (k,))) for k in ("min", "max")
                                 if (v := getattr(spec, k)) is not None]:
        if value <= 0:
            b.problems.append(Problem(place, f"{value:g} cannot be shown on a log scale",
                                      "give ratios above 0, or use scale: linear"))
    if len(b.problems) > before:
        return None
    values = [v for v, _ in found]
    low = spec.min if spec.min is not None else 2.0 ** math.floor(math.log2(min(values)) + 1e-9)
    high = spec.max if spec.max is not None else 2.0 ** math.ceil(math.log2(max(values)) - 1e-9)
    if high <= low:
        high = low * 2
    return low, high, 1.0
