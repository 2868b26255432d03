"""The words tagprint writes for a chart: its alt text, generated from the numbers in the document's
language, and on request its data table (the same numbers, written as the chart writes them)."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from ..errors import Where
from ..model import Chart, Table, TableCell, TableRow, Text
from ..model.table import Align
from ..words import Words

# the first words of a chart's alt text, by kind (catalogue keys)
KIND_WORDS = {"bar": "bar_chart", "stacked_bar": "stacked_bar_chart", "line": "line_chart", "forest": "forest_plot"}


def with_alt(chart: Chart, summary: str | None, words: Words) -> Chart:
    return replace(chart, alt=chart_alt(chart, words, summary))


def chart_alt(chart: Chart, words: Words, summary: str | None = None) -> str:
    """The alt text, generated from the numbers in the document's language: every value, in the order a
    reader meets the categories ("Bar chart, ACR20 at week 24: Drug 71 %, Placebo 36 %.")."""
    head = words.get(KIND_WORDS[chart.kind]) + ", " + chart.title
    if chart.axis.title:
        head += f" ({chart.axis.title})"
    if chart.kind == "forest":
        body = _forest_words(chart, words)
    elif chart.kind == "line" and len(chart.series) > 1:
        body = "; ".join(f"{s.name}: " + ", ".join(f"{cat} {chart.axis.text(v)}"
                                                   for cat, v in zip(chart.categories, s.values))
                         for s in chart.series)
    elif len(chart.series) == 1:
        (s,) = chart.series
        body = (f"{s.name}: " if s.name else "") + ", ".join(
            f"{cat} {chart.axis.text(v)}" for cat, v in zip(chart.categories, s.values))
    else:
        body = _grouped_words(chart, words)
    text = f"{head}: {body}."
    if summary and summary.strip():
        text += " " + summary.strip()
    return text


def _forest_words(chart: Chart, words: Words) -> str:
    """A forest plot: each estimate with its confidence interval, then the reference line (and which side
    favours what)."""
    axis = chart.axis
    (s,) = chart.series
    parts = [f"{cat} {axis.text(v)} ("
             + words.get("chart_confidence", interval=words.get("chart_interval", low=axis.text(lo), high=axis.text(hi)))
             + ")" for cat, v, lo, hi in zip(chart.categories, s.values, s.low, s.high)]
    body = (("" if s.name == axis.title else f"{s.name}: ") + "; ".join(parts) + "; "
            + words.get("chart_reference", value=axis.text(chart.reference or 0.0)))
    if chart.favours:
        body += "; " + words.get("chart_favours", left=chart.favours[0], right=chart.favours[1])
    return body


def _grouped_words(chart: Chart, words: Words) -> str:
    """Several series by category: each category's values (a stacked bar's total too)."""
    axis = chart.axis
    groups = []
    for j, cat in enumerate(chart.categories):
        values = ", ".join(f"{s.name} {axis.text(s.values[j])}" for s in chart.series)
        if chart.kind == "stacked_bar":
            values += " (" + words.get("chart_total", value=axis.text(sum(s.values[j] for s in chart.series))) + ")"
        groups.append(values if len(chart.categories) == 1 else f"{cat}: {values}")
    return "; ".join(groups)


def _cell(text: str, where: Where, scope: Literal["Column", "Row"] | None = None, column: int = 0,
          align: Align = "left") -> TableCell:
    return TableCell((Text(text),) if text else (), scope, 1, 1, align, column, where=where)


def with_table(chart: Chart, words: Words, caption_text: str | None = None) -> Chart:
    """The data table: the same numbers, written as the chart writes them, in a table block; captioned
    `caption_text`, else by the chart's title and words saying it holds the chart's numbers."""
    axis, where = chart.axis, chart.where
    first = chart.category_title or words.get("chart_category_header")
    if chart.kind == "forest":
        (s,) = chart.series
        header = [first, s.name, words.get("chart_interval_header")]
        rows = [[cat, axis.text(v), words.get("chart_interval", low=axis.text(lo), high=axis.text(hi))]
                for cat, v, lo, hi in zip(chart.categories, s.values, s.low, s.high)]
    else:
        header = [first] + [s.name for s in chart.series]
        rows = [[cat] + [axis.text(s.values[j]) for s in chart.series] for j, cat in enumerate(chart.categories)]
        if chart.kind == "stacked_bar":
            header.append(words.get("chart_total_header"))
            for j, row in enumerate(rows):
                row.append(axis.text(sum(s.values[j] for s in chart.series)))
    n = len(header)
    head = TableRow(tuple(_cell(text, where, "Column", c, "left" if c == 0 else "right")
                          for c, text in enumerate(header)), where)
    body = tuple(TableRow(tuple(_cell(text, where, "Row" if c == 0 else None, c, "left" if c == 0 else "right")
                                for c, text in enumerate(row)), where) for row in rows)
    first_w = 2.0 if n <= 3 else 1.6
    widths = (first_w,) + (1.0,) * (n - 1)
    total = sum(widths)
    if caption_text and caption_text.strip():
        caption = (Text(" ".join(caption_text.split())),)
    else:
        said = words.get("chart_table_caption", title=chart.title)
        caption = (Text(said + (f" ({axis.title})" if axis.title else "")),)
    table = Table((head,), body, (), caption, tuple(w / total for w in widths), True, "small", (), where)
    return replace(chart, table=table)
