"""The words written for a chart (validate/chart_words.py): its alt text holds every number, in the order
a reader meets the categories; its data table holds the same numbers."""

from __future__ import annotations

from tagprint.model import Axis, Chart, ChartSeries
from tagprint.validate.chart_words import chart_alt, with_table
from tagprint.words import ENGLISH


def _chart(kind: str = "bar", categories=("Week 24",), series=None, **more) -> Chart:
    series = series or (ChartSeries("Drug", (71.0,), "primary"), ChartSeries("Placebo", (36.0,), "secondary"))
    return Chart(kind, "ACR20", tuple(categories), series, Axis(0, 100, 20, " %", 0, "", words=ENGLISH), "", **more)


def test_one_category_of_several_series_reads_each_value():
    assert chart_alt(_chart(), ENGLISH) == "Bar chart, ACR20: Drug 71%, Placebo 36%."


def test_a_stacked_bar_says_each_categorys_total_and_a_summary_follows():
    chart = _chart("stacked_bar", ("Week 4", "Week 24"),
                   (ChartSeries("Mild", (10.0, 22.0), "primary"), ChartSeries("Severe", (5.0, 9.0), "accent")))
    alt = chart_alt(chart, ENGLISH, summary=" Fewer events later. ")
    assert alt.startswith("Stacked bar chart, ACR20: Week 4: Mild 10%, Severe 5% (")
    assert "Week 24: Mild 22%, Severe 9% (" in alt and "31%" in alt and "15%" in alt
    assert alt.endswith(". Fewer events later.")


def test_the_data_table_has_a_row_per_category_and_a_column_per_series():
    table = with_table(_chart(categories=("Week 4", "Week 24"),
                              series=(ChartSeries("Drug", (38.0, 71.0), "primary"),)), ENGLISH).table
    assert table is not None
    assert [[run.text for cell in row.cells for run in cell.runs] for row in table.rows()] == [
        ["Category", "Drug"], ["Week 4", "38%"], ["Week 24", "71%"]]  # the catalogue's category header first
    assert [cell.scope for cell in table.body[0].cells] == ["Row", None]


def test_the_data_table_takes_a_caption_of_its_own():
    chart = _chart()
    default = with_table(chart, ENGLISH).table
    own = with_table(chart, ENGLISH, " Table 1:  ACR20 response at week 24 ").table
    assert default is not None and own is not None
    assert "".join(run.text for run in default.caption).startswith("ACR20: the numbers of the chart above")
    assert [run.text for run in own.caption] == ["Table 1: ACR20 response at week 24"]
    def texts(table):
        return [[run.text for cell in row.cells for run in cell.runs] for row in table.rows()]
    assert texts(own) == texts(default)
