"""Validate stage: a chart spec becomes a Chart: numbers from the YAML or a CSV in data/ (chart_data), the
value axis (chart_axis), the generated alt text and, on request, the data table (chart_words). Every
problem is reported at its line: the YAML value's, or the CSV cell's."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import Problem, Where
from ..load.schema_charts import ChartSeriesSpec, ChartSpec
from ..load.schema_errors import did_you_mean
from ..model import Axis, Chart, ChartSeries
from ..words import Words
from .chart_axis import BuiltSeries, check_extent, decimals, extent, value_axis
from .chart_data import Column, read_csv, series_numbers
from .chart_words import with_alt, with_table

if TYPE_CHECKING:
    from .model_builder import BlockBuilder

SERIES_COLORS = ("primary", "secondary", "accent", "muted", "primary_dark", "accent_text")
MAX_CATEGORIES = 40


def build_chart(b: "BlockBuilder", spec: ChartSpec, path: tuple) -> Chart | None:
    """The chart, or None when a problem (said in b.problems) leaves nothing sound to draw."""
    where = b.where(path)
    before = len(b.problems)
    read = _columns_and_categories(b, spec, path)
    if read is None:
        return None
    columns, categories = read
    series_specs = _series_specs(b, spec, path, columns)
    if series_specs is None:
        return None
    built = _built_series(b, spec, series_specs, columns)
    if len(b.problems) > before or not _fits(b, where, built, categories) or len(b.problems) > before:
        return None
    reference = _reference(b, spec, where, built, categories)
    if len(b.problems) > before:
        return None
    found = extent(b, spec, path, built, categories, reference)
    if not check_extent(b, spec, where, path, found, built, reference) or len(b.problems) > before:
        return None
    ends = value_axis(b, spec, path, found, reference)
    if ends is None:
        return None
    return _chart(b, spec, path, categories, built, ends, reference)


def _columns_and_categories(b: "BlockBuilder", spec: ChartSpec,
                            path: tuple) -> tuple[list[Column] | None, list[str]] | None:
    """The data file's columns (None: no data file) and the categories; None when the file cannot be used."""
    categories: list[str] = list(spec.categories or [])
    if spec.data is None:
        if not categories:
            b.problems.append(Problem(b.where(path), "the chart has no categories",
                                      "add categories: [Week 0, Week 12, …], or data: data/file.csv"))
        return None, categories
    columns = read_csv(b, spec.data, b.where(path + ("data",)))
    if columns is None:
        return None
    if spec.categories is not None:
        b.problems.append(Problem(b.where(path + ("categories",)), "the categories are given twice: in "
                                  "'categories' and as the data file's first column",
                                  "remove categories: (the first column of the CSV names them)"))
    return columns, [text for text, _ in columns[0].cells]


def _series_specs(b: "BlockBuilder", spec: ChartSpec, path: tuple,
                  columns: list[Column] | None) -> list[tuple[ChartSeriesSpec, tuple]] | None:
    """The series as written, each with its YAML path (with data: and no series, one per CSV column)."""
    specs = [(s, path + ("series", i)) for i, s in enumerate(spec.series or [])]
    if not specs and columns is not None:
        if spec.kind == "forest":
            if len(columns) < 4:
                b.problems.append(Problem(b.where(path + ("data",)), "a forest plot's data file needs four columns: "
                                          "label, estimate, low, high", "add the columns, or name them in series:"))
                return None
            names = [c.name for c in columns[1:4]]
            specs = [(ChartSeriesSpec(column=names[0], low_column=names[1], high_column=names[2]), path)]
        else:
            specs = [(ChartSeriesSpec(column=c.name), path + ("data",)) for c in columns[1:]]
    if not specs:
        b.problems.append(Problem(b.where(path), "the chart has no numbers", "add series: [{name: Drug, values: [71]}] "
                                                                             "or data: data/file.csv"))
        return None
    if spec.kind == "forest" and len(specs) != 1:
        b.problems.append(Problem(b.where(path + ("series",)), f"a forest plot has one series of estimates, not "
                                                               f"{len(specs)}",
                                  "give one series with values, low and high (or their columns)"))
        return None
    return specs


def _built_series(b: "BlockBuilder", spec: ChartSpec, specs: list[tuple[ChartSeriesSpec, tuple]],
                  columns: list[Column] | None) -> list[BuiltSeries]:
    """Each series' numbers, name and colour (a series without numbers is left out, its problem said)."""
    colors = b.loaded.theme.colors
    palette = [c for c in SERIES_COLORS if c in colors] or list(colors)
    built = []
    for i, (s, spath) in enumerate(specs):
        values = series_numbers(b, s, spath, columns, "values", "column")
        low = high = None
        if spec.kind == "forest":
            low = series_numbers(b, s, spath, columns, "low", "low_column", required=True)
            high = series_numbers(b, s, spath, columns, "high", "high_column", required=True)
        elif s.low is not None or s.high is not None or s.low_column or s.high_column:
            b.problems.append(Problem(b.where(spath), "low and high (confidence intervals) belong to forest plots",
                                      "remove low/high, or use kind: forest"))
        name = s.name or s.column or ""
        if not name:
            b.problems.append(Problem(b.where(spath), "the series has no name",
                                      "add name: (it is shown in the legend, the alt text and the table)"))
        color = s.color or palette[i % len(palette)]
        if color not in colors:
            b.problems.append(Problem(b.where(spath + ("color",)), f"no colour '{color}' in the theme",
                                      did_you_mean(color, colors)))
        if values is not None:
            built.append(BuiltSeries(name, values, low, high, color, spath))
    return built


def _fits(b: "BlockBuilder", where: Where, built: list[BuiltSeries], categories: list[str]) -> bool:
    """The chart has numbers and not too many categories (False: nothing to check further); each series has
    its own name and one number per category."""
    if not any(s.values.values for s in built):
        b.problems.append(Problem(where, "the chart has no numbers", "give each series one number per category"))
        return False
    if len(categories) > MAX_CATEGORIES:
        b.problems.append(Problem(where, f"the chart has {len(categories)} categories; at most {MAX_CATEGORIES} "
                                         "can be read", "show fewer categories, or split the chart"))
        return False
    names = [s.name for s in built]
    for name in sorted({n for n in names if names.count(n) > 1}):
        b.problems.append(Problem(where, f"two series are called '{name}'", "give each series its own name"))
    for s in built:
        for what, numbers in (("values", s.values), ("low values", s.low), ("high values", s.high)):
            if numbers is not None and len(numbers.values) != len(categories):
                b.problems.append(Problem(b.where(s.path), f"series '{s.name}' has {len(numbers.values)} {what} for "
                                                           f"{len(categories)} categories",
                                          "give one value per category, in the order of the categories"))
    return True


def _reference(b: "BlockBuilder", spec: ChartSpec, where: Where, built: list[BuiltSeries],
               categories: list[str]) -> float | None:
    """A forest plot's reference line (1 by default); each estimate lies inside its interval."""
    if spec.kind != "forest":
        if spec.reference is not None or spec.favours is not None:
            b.problems.append(Problem(where, "reference and favours belong to forest plots",
                                      "remove them, or use kind: forest"))
        return None
    est, low, high = built[0].values, built[0].low, built[0].high
    assert low is not None and high is not None  # a forest plot's series has both (required above)
    for j in range(len(categories)):
        if not low.values[j] <= est.values[j] <= high.values[j]:
            b.problems.append(Problem(est.places[j], f"the estimate {est.values[j]:g} for '{categories[j]}' is not "
                                                     f"inside its interval {low.values[j]:g} to {high.values[j]:g}",
                                      "check the estimate and its low and high ends"))
    return 1.0 if spec.reference is None else spec.reference


def _chart(b: "BlockBuilder", spec: ChartSpec, path: tuple, categories: list[str], built: list[BuiltSeries],
           ends: tuple[float, float, float], reference: float | None) -> Chart:
    """The chart record: its axis, series and words (alt text, data table)."""
    words = b.words
    axis = _axis(spec, built, ends, words)
    series = tuple(ChartSeries(s.name, tuple(s.values.values), s.color, tuple(s.low.values) if s.low else (),
                               tuple(s.high.values) if s.high else ()) for s in built)
    for key in ("value_title", "category_title", "summary"):
        text = getattr(spec, key)
        if text is not None and not text.strip():
            b.problems.append(Problem(b.where(path + (key,)), f"{key} is empty", f"write the {key} or remove it"))
    favours = (spec.favours[0], spec.favours[1]) if spec.favours else None
    chart = Chart(spec.kind, spec.title.strip(), tuple(categories), series, axis, "",
                  horizontal=spec.orientation == "horizontal" or spec.kind == "forest",
                  category_title=spec.category_title
                  or (words.get("chart_subgroup_header") if spec.kind == "forest" else ""),
                  value_labels=spec.value_labels,
                  legend=len(series) > 1 if spec.legend is None else spec.legend and spec.kind != "forest",
                  reference=reference, favours=favours,
                  favours_labels=(words.get("chart_favours_left", name=favours[0]),
                                  words.get("chart_favours_right", name=favours[1])) if favours else None,
                  source=b.inline(spec.source, path + ("source",)) if spec.source else (),
                  height=spec.height, width=spec.width, where=b.where(path),
                  data=(spec.data or ""))
    chart = with_alt(chart, spec.summary, words)
    if spec.table_caption is not None and not (spec.data_table and spec.table_caption.strip()):
        where = b.where(path + ("table_caption",))
        b.problems.append(Problem(where, "table_caption is empty", "write the caption or remove it") if spec.data_table
                          else Problem(where, "table_caption without a data table",
                                       "add data_table: true, or remove table_caption"))
    if spec.data_table:
        chart = with_table(chart, words, spec.table_caption)
    return chart


def _axis(spec: ChartSpec, built: list[BuiltSeries], ends: tuple[float, float, float], words: Words) -> Axis:
    """The value axis: its ends and step, and the decimals its numbers and ticks are written with."""
    low, high, step = ends
    log = spec.scale == "log"
    every = [v for s in built for nums in s.numbers() for v in nums.values]
    axis = Axis(low, high, step, spec.unit, spec.decimals if spec.decimals is not None else decimals(every),
                spec.value_title or "", decimals([step, low]), log, words)
    return replace(axis, tick_decimals=decimals(axis.ticks())) if log else axis
