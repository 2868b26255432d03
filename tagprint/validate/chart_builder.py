"""Validate stage: a chart spec becomes a Chart (numbers from the YAML or a CSV in data/, the value axis,
the generated alt text and, on request, the data table); a QR spec becomes a QrCode (segno's modules).
Every problem is reported at its line: the YAML value's, or the CSV cell's."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Sequence

from ..errors import Problem, Where, relative
from ..load.project import inside
from ..load.schema_charts import ChartSeriesSpec, ChartSpec, QrSpec
from ..load.schema_errors import did_you_mean
from ..model import Axis, Chart, ChartSeries, QrCode, Table, TableCell, TableRow, Text
from ..words import Words
from ..profiles import printed
from .links import check_href

if TYPE_CHECKING:
    from .model_builder import BlockBuilder

SERIES_COLORS = ("primary", "secondary", "accent", "muted", "primary_dark", "accent_text")
MAX_CATEGORIES = 40
MAX_TICKS = 20
MAX_CSV_BYTES = 1_000_000


@dataclass
class Column:
    """A CSV column: its header and each cell with the place it was written."""

    name: str
    cells: list[tuple[str, Where]]


@dataclass
class Numbers:
    """A series' numbers, each with the place it was written (a YAML value or a CSV cell)."""

    values: list[float]
    places: list[Where]


def _read_csv(b: "BlockBuilder", name: str, where: Where) -> list[Column] | None:
    root = b.loaded.root
    file = root / name
    folder = root / "data"
    if not inside(folder, file):
        b.problems.append(Problem(where, f"data file '{name}' is not in the data/ folder",
                                  "put the CSV in data/ and name it relative to the project: data/results.csv"))
        return None
    if file.suffix.lower() != ".csv":
        b.problems.append(Problem(where, f"data file '{name}' is not a .csv file",
                                  "save the table as CSV (comma-separated, a header row first)"))
        return None
    if not file.is_file():
        names = sorted(p.relative_to(root).as_posix() for p in folder.glob("*.csv")) if folder.is_dir() else []
        b.problems.append(Problem(where, f"data file '{name}' not found",
                                  did_you_mean(name, names) if names else
                                  "put the CSV in the project's data/ folder and name it data/NAME.csv"))
        return None
    shown = relative(file, root)
    raw = file.read_bytes()
    if len(raw) > MAX_CSV_BYTES:
        b.problems.append(Problem(Where(shown), f"data file '{name}' is {len(raw) // 1000} kB; a chart's data "
                                                "is a few rows", "keep only the rows the chart shows"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        b.problems.append(Problem(Where(shown, line), f"data file '{name}' is not UTF-8 text",
                                  "save the CSV as UTF-8"))
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((reader.line_num, [cell.strip() for cell in row]))
    except csv.Error as exc:
        b.problems.append(Problem(Where(shown, reader.line_num), f"data file '{name}' cannot be read as CSV: {exc}",
                                  "check the quotes on that line: a cell with a comma is written \"like, this\""))
        return None
    if len(rows) < 2:
        b.problems.append(Problem(Where(shown, rows[0][0] if rows else 1), f"data file '{name}' has no data rows",
                                  "write a header row, then one row per category: Week,Drug,Placebo"))
        return None
    header_line, header = rows[0]
    columns = [Column(h, []) for h in header]
    bad = False
    for line, row in rows[1:]:
        if len(row) != len(header):
            b.problems.append(Problem(Where(shown, line), f"this row has {len(row)} cells, the header has "
                                                          f"{len(header)}",
                                      "give every row one cell per column (a cell with a comma needs quotes)"))
            bad = True
            continue
        for col, cell in zip(columns, row):
            col.cells.append((cell, Where(shown, line)))
    for i, col in enumerate(columns):
        if not col.name:
            b.problems.append(Problem(Where(shown, header_line), f"column {i + 1} of the header row has no name",
                                      "name every column in the first row"))
            bad = True
    return None if bad else columns


def _number(text: str, where: Where, column: str, problems: list[Problem]) -> float | None:
    try:
        value = float(text.replace("\u2212", "-"))
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        problems.append(Problem(where, f"'{text}' in column '{column}' is not a number",
                                "write a plain number with a point for decimals, such as 71 or 0.62"))
        return None
    return value


def _column_numbers(b: "BlockBuilder", columns: list[Column], name: str, where: Where) -> Numbers | None:
    found = next((c for c in columns if c.name == name), None)
    if found is None:
        b.problems.append(Problem(where, f"no column '{name}' in the data file",
                                  did_you_mean(name, [c.name for c in columns[1:]])))
        return None
    values, places = [], []
    for text, place in found.cells:
        value = _number(text, place, name, b.problems)
        if value is None:
            return None
        values.append(value)
        places.append(place)
    return Numbers(values, places)


def _inline_numbers(b: "BlockBuilder", values: Sequence[float], path: tuple) -> Numbers:
    return Numbers(list(values), [b.where(path + (j,)) for j in range(len(values))])


def _decimals(values: Sequence[float]) -> int:
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


def _axis(spec: ChartSpec, lows: list[float], highs: list[float], reference: float | None) -> tuple[float, float, float]:
    """The value axis: the given min/max/step, else round numbers around the data (bars start at 0)."""
    data_low, data_high = min(lows), max(highs)
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


def build_chart(b: "BlockBuilder", spec: ChartSpec, path: tuple) -> Chart | None:
    where = b.where(path)
    before = len(b.problems)
    columns: list[Column] | None = None
    categories: list[str] = list(spec.categories or [])
    if spec.data is not None:
        columns = _read_csv(b, spec.data, b.where(path + ("data",)))
        if columns is None:
            return None
        if spec.categories is not None:
            b.problems.append(Problem(b.where(path + ("categories",)), "the categories are given twice: in "
                                      "'categories' and as the data file's first column",
                                      "remove categories: (the first column of the CSV names them)"))
        categories = [text for text, _ in columns[0].cells]
    elif not categories:
        b.problems.append(Problem(where, "the chart has no categories", "add categories: [Week 0, Week 12, …], "
                                                                        "or data: data/file.csv"))
    series_specs: list[tuple[ChartSeriesSpec, tuple]] = [(s, path + ("series", i)) for i, s in enumerate(spec.series or [])]
    if not series_specs and columns is not None:
        if spec.kind == "forest":
            if len(columns) < 4:
                b.problems.append(Problem(b.where(path + ("data",)), "a forest plot's data file needs four columns: "
                                          "label, estimate, low, high", "add the columns, or name them in series:"))
                return None
            names = [c.name for c in columns[1:4]]
            series_specs = [(ChartSeriesSpec(column=names[0], low_column=names[1], high_column=names[2]), path)]
        else:
            series_specs = [(ChartSeriesSpec(column=c.name), path + ("data",)) for c in columns[1:]]
    if not series_specs:
        b.problems.append(Problem(where, "the chart has no numbers", "add series: [{name: Drug, values: [71]}] "
                                                                     "or data: data/file.csv"))
        return None
    if spec.kind == "forest" and len(series_specs) != 1:
        b.problems.append(Problem(b.where(path + ("series",)), f"a forest plot has one series of estimates, not "
                                                               f"{len(series_specs)}",
                                  "give one series with values, low and high (or their columns)"))
        return None
    colors = b.loaded.theme.colors
    palette = [c for c in SERIES_COLORS if c in colors] or list(colors)
    built: list[tuple[str, Numbers, Numbers | None, Numbers | None, str, tuple]] = []
    for i, (s, spath) in enumerate(series_specs):
        values = _series_numbers(b, s, spath, columns, "values", "column")
        low = high = None
        if spec.kind == "forest":
            low = _series_numbers(b, s, spath, columns, "low", "low_column", required=True)
            high = _series_numbers(b, s, spath, columns, "high", "high_column", required=True)
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
            built.append((name, values, low, high, color, spath))
    if len(b.problems) > before:
        return None
    if not any(numbers.values for _, numbers, *_ in built):
        b.problems.append(Problem(where, "the chart has no numbers", "give each series one number per category"))
        return None
    if len(categories) > MAX_CATEGORIES:
        b.problems.append(Problem(where, f"the chart has {len(categories)} categories; at most {MAX_CATEGORIES} "
                                         "can be read", "show fewer categories, or split the chart"))
        return None
    names = [name for name, *_ in built]
    for name in sorted({n for n in names if names.count(n) > 1}):
        b.problems.append(Problem(where, f"two series are called '{name}'", "give each series its own name"))
    for name, values, low, high, _, spath in built:
        for what, numbers in (("values", values), ("low values", low), ("high values", high)):
            if numbers is not None and len(numbers.values) != len(categories):
                b.problems.append(Problem(b.where(spath), f"series '{name}' has {len(numbers.values)} {what} for "
                                                          f"{len(categories)} categories",
                                          "give one value per category, in the order of the categories"))
    if len(b.problems) > before:
        return None
    reference = None
    if spec.kind == "forest":
        reference = 1.0 if spec.reference is None else spec.reference
        _, est, low, high, _, spath = built[0]
        assert low is not None and high is not None
        for j in range(len(categories)):
            if not low.values[j] <= est.values[j] <= high.values[j]:
                b.problems.append(Problem(est.places[j], f"the estimate {est.values[j]:g} for '{categories[j]}' is not "
                                                         f"inside its interval {low.values[j]:g} to {high.values[j]:g}",
                                          "check the estimate and its low and high ends"))
    elif spec.reference is not None or spec.favours is not None:
        b.problems.append(Problem(where, "reference and favours belong to forest plots",
                                  "remove them, or use kind: forest"))
    if len(b.problems) > before:
        return None
    # the extent the value axis must hold, each with where it was written
    extent: list[tuple[float, Where]] = []
    if spec.kind == "stacked_bar":
        for j in range(len(categories)):
            pos = sum(v.values[j] for _, v, *_ in built if v.values[j] > 0)
            neg = sum(v.values[j] for _, v, *_ in built if v.values[j] < 0)
            place = built[-1][1].places[j]
            extent += [(pos, place), (neg, place)]
    else:
        for _, values, low, high, *_ in built:
            for numbers in (values, low, high):
                if numbers is not None:
                    extent += list(zip(numbers.values, numbers.places))
    if reference is not None:  # the reference line is drawn inside the axis too
        extent.append((reference, b.where(path + (("reference",) if spec.reference is not None else ()))))
    if spec.min is not None and spec.max is not None and spec.min >= spec.max:
        b.problems.append(Problem(b.where(path + ("max",)), f"the axis runs from {spec.min:g} to {spec.max:g}",
                                  "give a max above min"))
        return None
    for value, place in extent:
        outside = (spec.min is not None and value < spec.min - 1e-9) or (spec.max is not None and value > spec.max + 1e-9)
        if outside:
            what = "the stacked total " if spec.kind == "stacked_bar" else \
                "the reference line " if (value, place) == extent[-1] and reference is not None else "the value "
            b.problems.append(Problem(place, f"{what}{value:g} is outside the value axis "
                                             f"({'…' if spec.min is None else f'{spec.min:g}'} to "
                                             f"{'…' if spec.max is None else f'{spec.max:g}'})",
                                      "correct the value, or widen the axis with min:/max:"))
    if spec.kind == "stacked_bar" and any(v < 0 for _, n, *_ in built for v in n.values):
        b.problems.append(Problem(where, "a stacked bar chart cannot show negative values",
                                  "use kind: bar for values below zero"))
    if len(b.problems) > before:
        return None
    log = spec.scale == "log"
    if log:
        if spec.kind != "forest":
            b.problems.append(Problem(b.where(path + ("scale",)), "a log scale is for forest plots (ratios)",
                                      "remove scale: log, or use kind: forest"))
            return None
        if spec.step is not None:
            b.problems.append(Problem(b.where(path + ("step",)), "a log scale has its ticks at powers of two",
                                      "remove step:, or use scale: linear"))
        for value, place in extent + [(v, b.where(path + (k,))) for k in ("min", "max")
                                      if (v := getattr(spec, k)) is not None]:
            if value <= 0:
                b.problems.append(Problem(place, f"{value:g} cannot be shown on a log scale",
                                          "give ratios above 0, or use scale: linear"))
        if len(b.problems) > before:
            return None
        values = [v for v, _ in extent]
        low_v = spec.min if spec.min is not None else 2.0 ** math.floor(math.log2(min(values)) + 1e-9)
        high_v = spec.max if spec.max is not None else 2.0 ** math.ceil(math.log2(max(values)) - 1e-9)
        if high_v <= low_v:
            high_v = low_v * 2
        step = 1.0
    else:
        low_v, high_v, step = _axis(spec, [v for v, _ in extent], [v for v, _ in extent], reference)
    if not log and (high_v - low_v) / step > MAX_TICKS + 1e-9:
        b.problems.append(Problem(b.where(path + ("step",)), f"a step of {step:g} makes "
                                                             f"{round((high_v - low_v) / step)} ticks",
                                  f"use a step of at least {nice_step(high_v - low_v, MAX_TICKS):g}"))
        return None
    every = [v for _, n, lo, hi, *_ in built for nums in (n, lo, hi) if nums is not None for v in nums.values]
    decimals = spec.decimals if spec.decimals is not None else _decimals(every)
    words = b.words
    axis = Axis(low_v, high_v, step, spec.unit, decimals, spec.value_title or "", _decimals([step, low_v]), log,
                words)
    if log:
        axis = replace(axis, tick_decimals=_decimals(axis.ticks()))
    series = tuple(ChartSeries(name, tuple(values.values), color, tuple(low.values) if low else (),
                               tuple(high.values) if high else ())
                   for name, values, low, high, color, _ in built)
    for key in ("value_title", "category_title", "summary"):
        text = getattr(spec, key)
        if text is not None and not text.strip():
            b.problems.append(Problem(b.where(path + (key,)), f"{key} is empty", f"write the {key} or remove it"))
    chart = Chart(spec.kind, spec.title.strip(), tuple(categories), series, axis, "",
                  horizontal=spec.orientation == "horizontal" or spec.kind == "forest",
                  category_title=spec.category_title
                  or (words.get("chart_subgroup_header") if spec.kind == "forest" else ""),
                  value_labels=spec.value_labels,
                  legend=len(series) > 1 if spec.legend is None else spec.legend and spec.kind != "forest",
                  reference=reference, favours=tuple(spec.favours) if spec.favours else None,  # type: ignore[arg-type]
                  favours_labels=(words.get("chart_favours_left", name=spec.favours[0]),
                                  words.get("chart_favours_right", name=spec.favours[1])) if spec.favours else None,
                  source=b.inline(spec.source, path + ("source",)) if spec.source else (),
                  height=spec.height, width=spec.width, where=where,
                  data=(spec.data or ""))
    chart = _with_alt(chart, spec.summary, words)
    if spec.data_table:
        chart = _with_table(chart, words)
    return chart


def _series_numbers(b: "BlockBuilder", s: ChartSeriesSpec, spath: tuple, columns: list[Column] | None,
                    inline_key: str, column_key: str, required: bool = True) -> Numbers | None:
    inline = getattr(s, inline_key)
    column = getattr(s, column_key)
    where = b.where(spath)
    if inline is not None and column is not None:
        b.problems.append(Problem(where, f"the series gives both {inline_key} and {column_key}",
                                  f"keep {inline_key} (numbers here) or {column_key} (from the data file)"))
        return None
    if column is not None:
        if columns is None:
            b.problems.append(Problem(b.where(spath + (column_key,)), f"{column_key} '{column}' names a CSV column, "
                                                                      "but the chart has no data file",
                                      "add data: data/file.csv to the chart, or give the numbers inline"))
            return None
        return _column_numbers(b, columns, column, b.where(spath + (column_key,)))
    if inline is None:
        if required:
            b.problems.append(Problem(where, f"the series has no {inline_key}",
                                      f"add {inline_key}: [one number per category]"
                                      + (f" or {column_key}: (a column of the data file)" if columns else "")))
        return None
    return _inline_numbers(b, inline, spath + (inline_key,))


# ---- generated words -----------------------------------------------------------------------------

# the first words of a chart's alt text, by kind (catalogue keys)
KIND_WORDS = {"bar": "bar_chart", "stacked_bar": "stacked_bar_chart", "line": "line_chart", "forest": "forest_plot"}


def _with_alt(chart: Chart, summary: str | None, words: Words) -> Chart:
    return replace(chart, alt=chart_alt(chart, words, summary))


def chart_alt(chart: Chart, words: Words, summary: str | None = None) -> str:
    """The alt text, generated from the numbers in the document's language: every value, in the order a
    reader meets the categories ("Bar chart, ACR20 at week 24: Drug 71 %, Placebo 36 %.")."""
    axis = chart.axis
    head = words.get(KIND_WORDS[chart.kind]) + ", " + chart.title
    if axis.title:
        head += f" ({axis.title})"
    if chart.kind == "forest":
        (s,) = chart.series
        parts = [f"{cat} {axis.text(v)} ("
                 + words.get("chart_confidence",
                             interval=words.get("chart_interval", low=axis.text(lo), high=axis.text(hi)))
                 + ")" for cat, v, lo, hi in zip(chart.categories, s.values, s.low, s.high)]
        body = (("" if s.name == axis.title else f"{s.name}: ") + "; ".join(parts) + "; "
                + words.get("chart_reference", value=axis.text(chart.reference or 0.0)))
        if chart.favours:
            body += "; " + words.get("chart_favours", left=chart.favours[0], right=chart.favours[1])
    elif chart.kind == "line" and len(chart.series) > 1:
        body = "; ".join(f"{s.name}: " + ", ".join(f"{cat} {axis.text(v)}" for cat, v in zip(chart.categories, s.values))
                         for s in chart.series)
    elif len(chart.series) == 1:
        (s,) = chart.series
        body = (f"{s.name}: " if s.name else "") + ", ".join(
            f"{cat} {axis.text(v)}" for cat, v in zip(chart.categories, s.values))
    else:
        groups = []
        for j, cat in enumerate(chart.categories):
            values = ", ".join(f"{s.name} {axis.text(s.values[j])}" for s in chart.series)
            if chart.kind == "stacked_bar":
                values += " (" + words.get("chart_total", value=axis.text(sum(s.values[j] for s in chart.series))) + ")"
            groups.append(values if len(chart.categories) == 1 else f"{cat}: {values}")
        body = "; ".join(groups)
    text = f"{head}: {body}."
    if summary and summary.strip():
        text += " " + summary.strip()
    return text


def _cell(text: str, where: Where, scope=None, column: int = 0, align="left") -> TableCell:
    return TableCell((Text(text),) if text else (), scope, 1, 1, align, column, where=where)


def _with_table(chart: Chart, words: Words) -> Chart:
    """The data table: the same numbers, written as the chart writes them, in a table block."""
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
    caption = (Text(words.get("chart_table_caption", title=chart.title) + (f" ({axis.title})" if axis.title else "")),)
    table = Table((head,), body, (), caption, tuple(w / total for w in widths), True, "small", (), where)
    return replace(chart, table=table)


# ---- QR codes --------------------------------------------------------------------------------------

def build_qr(b: "BlockBuilder", spec: QrSpec, path: tuple) -> QrCode | None:
    import segno

    where = b.where(path)
    before = len(b.problems)
    check_href(spec.href, b.where(path + ("href",)), b.problems)
    colors = b.loaded.theme.colors
    if spec.color not in colors:
        b.problems.append(Problem(b.where(path + ("color",)), f"no colour '{spec.color}' in the theme",
                                  did_you_mean(spec.color, colors)))
    else:
        from ..contrast import ratio, to_rgb
        try:
            dark = ratio(to_rgb(colors[spec.color]), (1.0, 1.0, 1.0))
        except ValueError:
            dark = 21.0  # an unsound value is reported against the theme
        if dark < 7:
            b.problems.append(Problem(b.where(path + ("color",)), f"the colour '{spec.color}' is too light for a "
                                                                  f"QR code ({dark:.1f}:1 on white)",
                                      "use a dark, near-black theme colour such as text"))
    if spec.caption:
        b._check_style(spec.caption_style, path + ("caption_style",))
    if len(b.problems) > before:
        return None
    try:
        code = segno.make(spec.href, error=spec.error_correction.lower(), micro=False)
    except segno.DataOverflowError:
        b.problems.append(Problem(b.where(path + ("href",)), f"the address is too long for a QR code "
                                                             f"({len(spec.href)} characters)",
                                  "use a shorter address, or a lower error_correction"))
        return None
    modules = tuple(tuple(bool(m) for m in row) for row in code.matrix_iter(scale=1, border=spec.quiet_zone))
    qr = QrCode(spec.href, modules, (spec.alt or b.words.get("qr_code", target=spec.href)).strip(),
                (spec.description or spec.href).strip(), spec.size, spec.color,
                b.inline(spec.caption, path + ("caption",)) if spec.caption else (),
                spec.caption_position, spec.caption_style, spec.align, spec.min_module_mm, where,
                b.where(path + ("caption",)))
    if printed(b.loaded.layout.profiles) and qr.module_mm < spec.min_module_mm - 1e-9:
        needed = math.ceil(spec.min_module_mm / 25.4 * 72 * len(modules))
        b.problems.append(Problem(b.where(path + ("size",)), f"the QR code's modules are {qr.module_mm:.2f} mm; "
                                                             f"print needs at least {spec.min_module_mm:g} mm",
                                  f"make size: at least {needed} (points), or use a lower error_correction"))
        return None
    return qr

