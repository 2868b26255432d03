"""A chart's numbers: inline in the YAML, or read from a CSV file in data/; each number keeps the place it
was written (a YAML value or a CSV cell), so every problem is reported at its line."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..errors import Problem, Where, relative
from ..load.project import inside
from ..load.schema_charts import ChartSeriesSpec
from ..load.schema_errors import did_you_mean

if TYPE_CHECKING:
    from .model_builder import BlockBuilder

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


def read_csv(b: "BlockBuilder", name: str, where: Where) -> list[Column] | None:
    """The columns of the data file `name` (None, with the problems said, when it cannot be used)."""
    file = _data_file(b, name, where)
    if file is None:
        return None
    shown = relative(file, b.loaded.root)
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
    rows = _rows(b, name, shown, text)
    return None if rows is None else _columns(b, shown, rows)


def _data_file(b: "BlockBuilder", name: str, where: Where) -> Path | None:
    """The CSV file `name` in the project's data/ folder, if it is one and exists."""
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
    return file


def _rows(b: "BlockBuilder", name: str, shown: str, text: str) -> list[tuple[int, list[str]]] | None:
    """The rows that are not empty, each with its line: a header row and at least one data row."""
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
    return rows


def _columns(b: "BlockBuilder", shown: str, rows: list[tuple[int, list[str]]]) -> list[Column] | None:
    """The rows as columns; every row has a cell per column and every column a name."""
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


def series_numbers(b: "BlockBuilder", s: ChartSeriesSpec, spath: tuple, columns: list[Column] | None,
                   inline_key: str, column_key: str, required: bool = True) -> Numbers | None:
    """A series' numbers under `inline_key` (written in the YAML) or from the CSV column `column_key` names."""
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
