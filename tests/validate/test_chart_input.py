"""Bad chart and QR code input: each problem at its line (the YAML value's, or the CSV cell's), with a fix,
exit 2 and nothing written; every problem of a file at once."""

from __future__ import annotations

from typing import Any, Callable

import pytest
from conftest import MINIMAL_LAYOUT

from tagprint.commands.cli import main

HEAD = """\
body:
  - type: heading
    level: 1
    text: Results
"""
CSV = "Week,Drug,Placebo\nWeek 4,38,18\nWeek 12,61,29\nWeek 24,71,36\n"


class Build:
    """Builds a project whose content is HEAD and then `blocks` (with `csv` as data/acr.csv, and the minimal
    layout or `layout`): the exit code, and what the build said (`err`)."""

    def __init__(self, project: Any, capsys: Any):
        self.project, self.capsys, self.err = project, capsys, ""

    def __call__(self, blocks: str, csv: str | None = None, layout: str = MINIMAL_LAYOUT) -> int:
        self.project.layout(layout)
        if csv is not None:
            self.project.write("data/acr.csv", csv)
        self.project.content(HEAD + blocks)
        code = main(["--root", str(self.project.root)])
        self.err = self.capsys.readouterr().err
        return code


@pytest.fixture
def build(project, capsys) -> Build:
    return Build(project, capsys)


@pytest.fixture
def refused(build: Build, project) -> Callable[..., str]:
    """`build`, which must exit 2 and write nothing: what it said."""
    def run(blocks: str, csv: str | None = None, layout: str = MINIMAL_LAYOUT) -> str:
        code = build(blocks, csv, layout)
        assert code == 2, build.err
        out = project.root / "output"
        assert not out.exists() or not any(out.iterdir())
        return build.err
    return run


def line_of(err: str, fragment: str) -> str:
    """The error line holding `fragment` (each problem is one line: place: message [path] — fix)."""
    found = [line for line in err.splitlines() if fragment in line]
    assert found, f"{fragment!r} not in:\n{err}"
    assert " — " in found[0]
    return found[0]


def test_a_good_chart_and_qr_code_build(build):
    assert build("""\
  - type: chart
    kind: bar
    title: ACR20
    data: data/acr.csv
  - type: qr
    href: https://www.example.com/pi
""", csv=CSV) == 0, build.err


def test_a_chart_with_no_numbers(refused):
    err = refused("""\
  - type: chart
    kind: bar
    title: ACR20
    categories: [Week 4]
  - type: chart
    kind: line
    title: DAS28
    categories: [Week 4]
    series: [{name: Drug, values: []}]
""")
    assert "content/test.yaml:5:" in line_of(err, "the chart has no numbers")
    assert "content/test.yaml:9:" in [line for line in err.splitlines() if "no numbers" in line][1]


def test_series_of_different_lengths(refused):
    err = refused("""\
  - type: chart
    kind: bar
    title: ACR20
    categories: [Week 4, Week 12, Week 24]
    series:
      - {name: Drug, values: [38, 61, 71]}
      - {name: Placebo, values: [18, 29]}
""")
    line = line_of(err, "series 'Placebo' has 2 values for 3 categories")
    assert line.startswith("error: content/test.yaml:11:") and "one value per category" in line


def test_a_value_outside_its_axis_inline_and_in_a_csv(refused):
    err = refused("""\
  - type: chart
    kind: bar
    title: ACR20
    categories: [Week 4, Week 12]
    max: 100
    series:
      - name: Drug
        values:
          - 38
          - 112
  - type: chart
    kind: bar
    title: ACR20 again
    data: data/acr.csv
    max: 100
""", csv="Week,Drug,Placebo\nWeek 4,38,18\nWeek 12,161,29\n")
    assert line_of(err, "the value 112 is outside the value axis").startswith("error: content/test.yaml:14:")
    assert line_of(err, "the value 161 is outside the value axis").startswith("error: data/acr.csv:3:")


def test_a_stacked_total_outside_its_axis(refused):
    err = refused("""\
  - type: chart
    kind: stacked_bar
    title: Events
    categories: [Drug]
    max: 30
    series:
      - {name: Mild, values: [22]}
      - {name: Severe, values: [9]}
""")
    line = line_of(err, "the stacked total 31 is outside the value axis (… to 30)")
    assert line.startswith("error: content/test.yaml:12:")  # the last series: where the total is reached


def test_an_unknown_csv_column_suggests_the_right_one(refused):
    err = refused("""\
  - type: chart
    kind: bar
    title: ACR20
    data: data/acr.csv
    series:
      - {column: Drug}
      - {column: Placbo}
""", csv=CSV)
    line = line_of(err, "no column 'Placbo' in the data file")
    assert line.startswith("error: content/test.yaml:11:") and "did you mean 'Placebo'" in line


def test_bad_csv_cells_and_rows_are_reported_at_their_csv_line(refused):
    err = refused("""\
  - type: chart
    kind: bar
    title: ACR20
    data: data/acr.csv
""", csv="Week,Drug,Placebo\nWeek 4,38,18\nWeek 12,sixty,29\nWeek 24,71\n")
    assert line_of(err, "this row has 2 cells, the header has 3").startswith("error: data/acr.csv:4:")


def test_a_cell_that_is_not_a_number(refused):
    err = refused("""\
  - type: chart
    kind: bar
    title: ACR20
    data: data/acr.csv
""", csv="Week,Drug,Placebo\nWeek 4,38,18\nWeek 12,sixty,29\n")
    line = line_of(err, "'sixty' in column 'Drug' is not a number")
    assert line.startswith("error: data/acr.csv:3:")


def test_a_data_file_outside_data_or_missing(refused, project):
    project.write("data/acr20.csv", CSV)
    err = refused("""\
  - type: chart
    kind: bar
    title: One
    data: ../secrets.csv
  - type: chart
    kind: bar
    title: Two
    data: data/acr2.csv
""")
    assert line_of(err, "is not in the data/ folder").startswith("error: content/test.yaml:8:")
    line = line_of(err, "data file 'data/acr2.csv' not found")
    assert line.startswith("error: content/test.yaml:12:") and "data/acr20.csv" in line


def test_a_forest_estimate_outside_its_interval_and_a_missing_end(refused):
    err = refused("""\
  - type: chart
    kind: forest
    title: Hazard ratios
    categories: [All, Women]
    series:
      - name: HR
        values: [0.62, 0.9]
        low: [0.48, 0.43]
        high: [0.80, 0.84]
  - type: chart
    kind: forest
    title: Without ends
    categories: [All]
    series: [{name: HR, values: [0.62]}]
""")
    line = line_of(err, "the estimate 0.9 for 'Women' is not inside its interval 0.43 to 0.84")
    assert line.startswith("error: content/test.yaml:11:")
    assert line_of(err, "the series has no low").startswith("error: content/test.yaml:18:")


def test_an_unknown_series_colour(refused):
    err = refused("""\
  - type: chart
    kind: line
    title: DAS28
    categories: [W0, W4]
    series:
      - {name: Drug, values: [5.8, 4.9], color: primery}
      - {name: Placebo, values: [5.8, 5.5]}
""")
    line = line_of(err, "no colour 'primery' in the theme")
    assert line.startswith("error: content/test.yaml:10:") and "did you mean 'primary'" in line


def test_a_value_that_is_not_a_number(refused):
    err = refused("""\
  - type: chart
    kind: line
    title: DAS28
    categories: [W0, W4]
    series:
      - {name: Placebo, values: [5.8, high]}
""")
    line = line_of(err, "got 'high'")
    assert line.startswith("error: content/test.yaml:10:") and "write a plain number" in line


def test_a_qr_code_too_small_for_print(refused):
    err = refused("""\
  - type: qr
    href: https://www.example.com/prescribing-information/full/version-2026.pdf
    size: 24
""", layout=MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\nprofiles: [screen, print]"))
    line = line_of(err, "the QR code's modules are")
    assert line.startswith("error: content/test.yaml:7:") and "print needs at least 0.4 mm" in line
    assert "make size: at least" in line


def test_the_same_qr_code_is_fine_on_screen_only(build):
    assert build("""\
  - type: qr
    href: https://www.example.com/prescribing-information/full/version-2026.pdf
    size: 24
""") == 0, build.err


def test_a_qr_code_with_a_bad_address_or_a_light_colour(refused):
    err = refused("""\
  - type: qr
    href: javascript:alert(1)
  - type: qr
    href: https://www.example.com/
    color: tint
""")
    assert line_of(err, "link 'javascript:alert(1)'").startswith("error: content/test.yaml:6:")
    assert line_of(err, "too light for a QR code").startswith("error: content/test.yaml:9:")


def test_a_reference_line_outside_the_axis(refused):
    err = refused("""\
  - type: chart
    kind: forest
    title: Differences
    categories: [All]
    min: 0.2
    max: 0.9
    reference: 1
    series: [{name: HR, values: [0.62], low: [0.48], high: [0.80]}]
""")
    line = line_of(err, "the reference line 1 is outside the value axis (0.2 to 0.9)")
    assert line.startswith("error: content/test.yaml:11:")


def test_a_chart_word_no_font_has_is_an_error_at_the_chart(refused):
    err = refused("""\
  - type: chart
    kind: bar
    title: Response
    categories: ["\u6f22\u5b57", Week 4]
    series: [{name: Drug, values: [38, 61]}]
""")
    assert "content/test.yaml:5:" in line_of(err, "U+6F22")


def test_a_chart_too_small_for_its_words_is_an_error_that_says_what_to_change(refused):
    names = ", ".join(f"Week {n}" for n in range(1, 31))
    values = ", ".join(str(n) for n in range(1, 31))
    err = refused(f"""\
  - type: chart
    kind: bar
    title: Response
    categories: [{names}]
    series: [{{name: Drug, values: [{values}]}}]
    width: 200
  - type: chart
    kind: forest
    title: Subgroups
    categories: [A, B, C, D, E, F, G, H]
    series: [{{name: HR, values: [1, 1, 1, 1, 1, 1, 1, 1], low: [1, 1, 1, 1, 1, 1, 1, 1],
              high: [1, 1, 1, 1, 1, 1, 1, 1]}}]
    height: 60
""")
    line = line_of(err, "the chart is too small for its category names")
    assert line.startswith("error: content/test.yaml:5:") and "orientation: horizontal" in line
    assert line_of(err, "the chart is too small for its rows").startswith("error: content/test.yaml:11:")


def test_a_log_scale_needs_a_forest_plot_and_ratios_above_zero(refused):
    err = refused("""\
  - type: chart
    kind: forest
    title: Differences
    scale: log
    categories: [All, Women]
    series: [{name: Difference, values: [0.5, 0], low: [0.25, -1], high: [1, 1]}]
  - type: chart
    kind: bar
    title: Bars
    scale: log
    categories: [All]
    series: [{name: Drug, values: [1]}]
""")
    assert line_of(err, "0 cannot be shown on a log scale").startswith("error: content/test.yaml:10:")
    assert "-1 cannot be shown on a log scale" in err
    assert line_of(err, "a log scale is for forest plots").startswith("error: content/test.yaml:14:")


def test_a_table_caption_needs_a_data_table_and_words(refused):
    err = refused("""\
  - type: chart
    kind: bar
    title: ACR20
    data: data/acr.csv
    table_caption: "Table 1: ACR20 response"
  - type: chart
    kind: bar
    title: ACR20 again
    data: data/acr.csv
    data_table: true
    table_caption: "  "
""", csv=CSV)
    assert line_of(err, "table_caption without a data table").startswith("error: content/test.yaml:9:")
    assert "add data_table: true" in line_of(err, "table_caption without a data table")
    assert line_of(err, "table_caption is empty").startswith("error: content/test.yaml:15:")
