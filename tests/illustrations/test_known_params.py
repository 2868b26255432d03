"""One rule for unknown illustration parameters, shared by every kind: a problem at the key, with the
closest known parameter as the fix, and the known ones passed on."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tagprint.errors import Where
from tagprint.illustrations import REGISTRY, known_params


def _where(key: str) -> Where:
    return Where("content/test.yaml", 7, 9, f"body[0].params.{key}")


@dataclass(frozen=True)
class Sample:
    count: int = 3
    colors: tuple = ()


def test_unknown_parameters_are_problems_and_known_ones_pass():
    problems = []
    kept = known_params("sample", Sample, {"count": 4, "colours": ["primary"], "size": 2}, _where, problems)
    assert kept == {"count": 4}
    assert [(p.where.path, p.message) for p in problems] == [
        ("body[0].params.colours", "unknown sample parameter 'colours'"),
        ("body[0].params.size", "unknown sample parameter 'size'")]
    assert "colors" in problems[0].fix


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_illustration_kind_reports_an_unknown_parameter_the_same_way(name):
    problems = []
    REGISTRY[name].parse({"no_such_parameter": 1}, _where, problems)
    assert [(p.where.path, p.message) for p in problems] == [
        ("body[0].params.no_such_parameter", f"unknown {name} parameter 'no_such_parameter'")]
    assert problems[0].fix
