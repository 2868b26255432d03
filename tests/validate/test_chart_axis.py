"""The value axis of a chart (validate/chart_axis.py): round steps, the decimals numbers are written with."""

from __future__ import annotations

from tagprint.validate.chart_axis import decimals, nice_step


def test_a_step_is_a_round_number_near_a_fifth_of_the_span():
    assert nice_step(100) == 20
    assert nice_step(7) == 2          # 1.4 rounds up to 2
    assert nice_step(0.9) == 0.2      # 0.18 rounds up to 0.2
    assert nice_step(12, target=4) == 5   # 3 rounds up to 5 (2.5 is below it)
    assert nice_step(0) == 1.0


def test_numbers_are_written_with_as_many_decimals_as_the_most_precise():
    assert decimals([1, 2.5, 3.25]) == 2
    assert decimals([71, 36]) == 0
    assert decimals([0.1234567]) == 6  # at most six
