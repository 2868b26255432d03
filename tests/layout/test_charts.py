"""Chart layouts: bars and points where their numbers put them, series told apart by more than colour, the
words set by the text engine as lines of fragments claiming the chart's Figure."""

from __future__ import annotations

import ctypes

import pytest

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from readers import structure
from tagprint.layout.items import TextLine, VectorBox
from tagprint.model import Chart
from tagprint.pipeline import lay_out, prepare

BARS = """\
body:
  - type: heading
    level: 1
    text: Results
  - type: chart
    kind: bar
    orientation: {orientation}
    title: Response
    categories: [Week 4, Week 24]
    unit: " %"
    series:
      - {{name: Drug, values: [40, 70]}}
      - {{name: Placebo, values: [20, 35]}}
      - {{name: Other, values: [10, 5]}}
"""


def laid(project, content: str):
    project.layout()
    project.content(content)
    prepared = prepare(project.root, project.root / "layouts" / "test.yaml")
    pages, _ = lay_out(prepared.document, project.root, "screen")
    items = [item for page in pages for item in page.items]
    return prepared.document, items


def shapes(items, cls):
    (box,) = [i for i in items if isinstance(i, VectorBox) and isinstance(i.tag[0], cls)]
    return box, [(name, args, dict(kwargs)) for name, args, kwargs in box.shapes]


def words(items, cls) -> list[str]:
    return ["".join(s.text for f in line.fragments for s in f.segments) for line in items
            if isinstance(line, TextLine) and line.fragments and isinstance(line.fragments[0].tag[0], cls)]


@pytest.mark.parametrize("orientation", ["vertical", "horizontal"])
def test_bars_are_as_long_as_their_values_and_series_differ_by_pattern(project, orientation):
    document, items = laid(project, BARS.format(orientation=orientation))
    colors = document.theme.colors
    box, calls = shapes(items, Chart)
    solid = [args for name, args, kw in calls if name == "rect" and kw["fill"] == colors["primary"]
             and args[2:] != (10, 10)]  # the bars, not the legend's swatch
    length = 3 if orientation == "vertical" else 2  # height or width of each bar
    assert len(solid) == 2 and solid[1][length] / solid[0][length] == pytest.approx(70 / 40, rel=1e-6)
    # the second series hatched, the third cross-hatched: stroked line paths in their own colours
    hatch = [args[0] for name, args, kw in calls if name == "path" and kw["stroke"] == colors["secondary"]]
    cross = [args[0] for name, args, kw in calls if name == "path" and kw["stroke"] == colors["accent"]]
    assert len(hatch) == 3 and len(cross) == 3  # two bars and the legend's swatch each
    first = hatch[0]
    (x0, y0), (x1, y1) = first[0][1:], first[1][1:]
    assert abs(x1 - x0) == pytest.approx(abs(y1 - y0))  # 45° lines
    # the cross-hatched bars have lines both ways
    slopes = {round((c2[2] - c1[2]) / (c2[1] - c1[1])) for c1, c2 in zip(cross[0][0::2], cross[0][1::2])}
    assert slopes == {1, -1}


def test_the_words_are_lines_of_the_text_engine_and_read_back_from_the_figure(project):
    document, items = laid(project, BARS.format(orientation="vertical"))
    said = words(items, Chart)
    for expected in ["40%", "70%", "20%", "35%", "10%", "5%", "Week 4", "Week 24", "Drug", "Placebo",
                     "Other", "0%", "80%"]:
        assert expected in said, (expected, said)
    fonts = {s.font for line in items if isinstance(line, TextLine) for f in line.fragments for s in f.segments}
    chart_fonts = {s.font for line in items if isinstance(line, TextLine) and isinstance(line.fragments[0].tag[0], Chart)
                   for f in line.fragments for s in f.segments}
    assert chart_fonts <= fonts and len(chart_fonts) == 2  # the theme's regular and bold faces
    # in the PDF, PDFium finds the words inside the marked content the Figure claims
    pdf = project.build().data
    root = structure(pdf)
    (figure,) = [n for n in root.walk() if n.role == "Figure"]
    shown = " ".join(k for k in figure.kids if isinstance(k, str))  # each MCID as the text PDFium finds
    for expected in ["40%", "70%", "Week 24", "Placebo"]:
        assert expected in shown, shown


def test_lines_have_their_own_markers_and_labels_at_their_ends(project):
    document, items = laid(project, """\
body:
  - type: heading
    level: 1
    text: Results
  - type: chart
    kind: line
    title: DAS28
    categories: [W0, W4, W12]
    legend: false
    series:
      - {name: Drug, values: [5.8, 4.9, 3.9]}
      - {name: Placebo, values: [5.8, 5.5, 5.2]}
      - {name: Other, values: [6.0, 5.9, 5.9]}
""")
    colors = document.theme.colors
    _, calls = shapes(items, Chart)
    kinds = {}
    for name, args, kw in calls:
        if kw.get("fill") in (colors["primary"], colors["secondary"], colors["accent"]):
            kinds.setdefault(kw["fill"], set()).add(name)
    assert kinds == {colors["primary"]: {"circle"}, colors["secondary"]: {"rect"}, colors["accent"]: {"polygon"}}
    lines = [line for line in items if isinstance(line, TextLine) and line.fragments
             and isinstance(line.fragments[0].tag[0], Chart)]
    ends = {"".join(s.text for f in line.fragments for s in f.segments): line for line in lines}
    # the labels stand right of the last points, in the order the lines end (Other highest, Drug lowest)
    assert ends["Other"].baseline < ends["Placebo"].baseline < ends["Drug"].baseline
    assert min(ends[n].x for n in ("Drug", "Placebo", "Other")) > max(line.x for line in lines if line is not ends["Drug"]
                                                                       and line not in ends.values()) - 1


def test_a_point_two_lines_share_is_labelled_once_above_it_and_clear_of_the_value_axis(project):
    """Drug and Placebo both start at 5.8: one "5.8" above the shared point, not one above and one below
    over the overlapping markers; and the first point stands clear of the value axis' "0" tick."""
    document, items = laid(project, """\
body:
  - type: heading
    level: 1
    text: Results
  - type: chart
    kind: line
    title: DAS28
    categories: ["0", "4", "12"]
    legend: false
    series:
      - {name: Drug, values: [5.8, 4.9, 3.9]}
      - {name: Placebo, values: [5.8, 5.5, 5.2]}
""")
    said = words(items, Chart)
    assert said.count("5.8") == 1 and said.count("4.9") == 1 and said.count("5.5") == 1, said
    box, calls = shapes(items, Chart)
    (drug,) = [args[0] for name, args, kw in calls if name == "polyline" and args[1] == document.theme.colors["primary"]]
    first_x = box.box.x + drug[0][0]  # the shapes are in the box's own coordinates
    lines = {"".join(s.text for f in line.fragments for s in f.segments): line for line in items
             if isinstance(line, TextLine) and line.fragments and isinstance(line.fragments[0].tag[0], Chart)}
    assert lines["5.8"].baseline < lines["5.5"].baseline  # above the shared point, as the higher line's labels
    rights = [line.x + sum(f.width for f in line.fragments) for line in items if isinstance(line, TextLine)
              and line.fragments and isinstance(line.fragments[0].tag[0], Chart)
              and "".join(s.text for f in line.fragments for s in f.segments).replace(".", "").isdigit()]
    ticks = [r for r in rights if r < first_x - 5]  # the value axis' tick labels, right of which the plot begins
    assert ticks and first_x - max(ticks) >= 22
    # both markers of the shared point show whole: the first series' dot and the second's square side by
    # side, filled, centred on the point together and just apart (no outline round the dot, read as a highlight)
    colors = document.theme.colors
    circle = min((args for name, args, kw in calls if name == "circle" and kw["fill"] == colors["primary"]),
                 key=lambda a: a[0])
    square = min((args for name, args, kw in calls if name == "rect" and kw.get("fill") == colors["secondary"]
                  and args[2] < 10), key=lambda a: a[0])
    assert (circle[0] + square[0] + square[2] / 2) / 2 == pytest.approx(drug[0][0])
    assert square[0] >= circle[0] + circle[2]  # beside the dot, not over it
    assert not [args for name, args, kw in calls if name == "rect" and kw.get("fill") == colors["white"]
                and kw.get("stroke") == colors["secondary"]]


def test_a_log_scale_puts_a_ratio_and_its_inverse_equally_far_from_one(project):
    document, items = laid(project, """\
body:
  - type: heading
    level: 1
    text: Results
  - type: chart
    kind: forest
    title: Odds ratios
    scale: log
    categories: [Half, One, Double]
    series: [{name: OR, values: [0.5, 1, 2], low: [0.4, 0.8, 1.6], high: [0.6, 1.2, 2.4]}]
""")
    colors = document.theme.colors
    _, calls = shapes(items, Chart)
    squares = [args for name, args, kw in calls if name == "rect" and kw.get("fill") == colors["primary"]]
    centres = [x + w / 2 for x, _, w, _ in squares]
    assert len(centres) == 3 and centres[1] - centres[0] == pytest.approx(centres[2] - centres[1])
    assert [w for w in words(items, Chart) if w in ("0.25", "0.5", "1", "2", "4")] == ["0.25", "0.5", "1", "2", "4"]


def test_the_favours_arrows_are_drawn_when_the_font_has_none(project):
    """The theme's font (Atkinson Hyperlegible) has no arrows: the forest plot's "\u2190 Favours Drug" and
    "Favours Placebo \u2192" are set as their words, each with a drawn arrowhead pointing away from the
    reference line beside them (no arrow from a fallback font), and the PDF's text keeps the words."""
    document, items = laid(project, """\
body:
  - type: heading
    level: 1
    text: Results
  - type: chart
    kind: forest
    title: Odds ratios
    favours: [Drug, Placebo]
    reference: 1
    categories: [Half, Double]
    series: [{name: OR, values: [0.5, 2], low: [0.4, 1.6], high: [0.6, 2.4]}]
""")
    said = words(items, Chart)
    assert "Favours Drug" in said and "Favours Placebo" in said
    assert not [w for w in said if "\u2190" in w or "\u2192" in w], said
    box, calls = shapes(items, Chart)
    heads = [args[0] for name, args, _ in calls if name == "polygon" and len(args[0]) == 3]
    assert len(heads) == 2
    tips = sorted(box.box.x + h[0][0] for h in heads)  # a head's first point is its tip
    (line_left,) = [line for line in items if isinstance(line, TextLine) and _said(line) == "Favours Drug"]
    (line_right,) = [line for line in items if isinstance(line, TextLine) and _said(line) == "Favours Placebo"]
    assert tips[0] < line_left.x and tips[1] > line_right.x + sum(f.width for f in line_right.fragments)


def _said(line: TextLine) -> str:
    return "".join(s.text for f in line.fragments for s in f.segments)


LINE = """\
body:
  - type: heading
    level: 1
    text: Results
  - type: chart
    kind: line
    title: DAS28
    categories: {categories}
    legend: false
    series:
      - {{name: Drug, values: [5.8, 4.9, 3.9, 3.4]}}
"""


@pytest.mark.parametrize("categories, spacing", [
    ('["0", "4", "12", "24"]', [0, 4, 12, 24]),           # numbers: as far apart as their values
    ('["0", "4,5", "12", "24"]', [0, 4.5, 12, 24]),       # a decimal comma is a number too
    ('[W0, W4, W12, W24]', [0, 1, 2, 3]),                 # names: evenly spaced
    ('["0", "12", "4", "24"]', [0, 1, 2, 3]),             # numbers out of order: taken as names
])
def test_line_points_stand_as_far_apart_as_their_numeric_categories(project, categories, spacing):
    document, items = laid(project, LINE.format(categories=categories))
    box, calls = shapes(items, Chart)
    (points,) = [args[0] for name, args, kw in calls if name == "polyline" and args[1] == document.theme.colors["primary"]
                 and len(args[0]) == 4]
    xs = [x for x, _ in points]
    expected = [(s - spacing[0]) / (spacing[-1] - spacing[0]) for s in spacing]
    assert [(x - xs[0]) / (xs[-1] - xs[0]) for x in xs] == pytest.approx(expected, abs=1e-6)
    # each category's name stands centred under its point (on the lowest row of words: not a tick label)
    chart_lines = [line for line in items if isinstance(line, TextLine) and line.fragments
                   and isinstance(line.fragments[0].tag[0], Chart)]
    lowest = max(line.baseline for line in chart_lines)
    names = {"".join(s.text for f in line.fragments for s in f.segments): line for line in chart_lines
             if line.baseline == lowest}
    for x, name in zip(xs, categories.strip("[]").replace('"', "").split(", ")):
        line = names[name]
        middle = line.x + sum(f.width for f in line.fragments) / 2
        assert middle == pytest.approx(box.box.x + x, abs=0.5), name  # shapes: in the box's coordinates


@pytest.mark.parametrize("orientation", ["vertical", "horizontal"])
def test_a_stacks_total_is_named_and_set_apart_from_its_segments_values(project, orientation):
    """A stack's total reads "Total 39%", in the regular weight, not a bare bold "39%" that reads as the
    top segment's value; lying, it fits after a stack that nearly reaches the axis' end."""
    document, items = laid(project, f"""\
body:
  - type: heading
    level: 1
    text: Results
  - type: chart
    kind: stacked_bar
    orientation: {orientation}
    title: Adverse events
    categories: [Drug, Placebo]
    unit: " %"
    max: 40
    series:
      - {{name: Mild, values: [30, 18]}}
      - {{name: Severe, values: [9, 1]}}
""")
    lines = {"".join(s.text for f in line.fragments for s in f.segments): line for line in items
             if isinstance(line, TextLine) and line.fragments and isinstance(line.fragments[0].tag[0], Chart)}
    assert "Total 39%" in lines and "Total 19%" in lines and "39%" not in lines, sorted(lines)
    total = lines["Total 39%"]
    assert all("Bold" not in seg.font for f in total.fragments for seg in f.segments)
    box, _ = shapes(items, Chart)
    right = total.x + sum(f.width for f in total.fragments)
    assert right <= box.box.x + box.box.width + 0.5, (right, box.box)


SHARED = """\
body:
  - type: heading
    level: 1
    text: Results
  - type: chart
    kind: line
    title: DAS28
    categories: ["0", "4", "12", "24"]
    legend: false
    min: 0
    max: 7
    series:
      - {name: Drug, values: [5.8, 4.9, 3.9, 3.4]}
      - {name: Placebo, values: [5.8, 5.5, 5.2, 5.0]}
"""


def _rgb(color) -> tuple[int, int, int]:
    return tuple(round(c * 255) for c in color)


def _painted_marks(page) -> list[tuple[str, tuple[int, int, int], float, float, float]]:
    """Every path PDFium finds on the page, inside forms too: (filled or stroked, its colour, centre x, centre
    y from the top, width), read from the PDF, not from the layout."""
    return [(kind, rgb, (left + right) / 2, (top + bottom) / 2, right - left)
            for kind, rgb, (left, top, right, bottom) in _objects(page)]


def _words_at(page) -> dict[str, list[tuple[float, float]]]:
    """Each word PDFium reads on the page: its centre (x, y from the top)."""
    text = page.get_textpage()
    found: dict[str, list[tuple[float, float]]] = {}
    whole = text.get_text_range()
    height = page.get_height()
    start = None
    for k, ch in enumerate(whole + " "):
        if ch.strip() and start is None:
            start = k
        elif not ch.strip() and start is not None:
            boxes = [text.get_charbox(n) for n in range(start, k)]
            x = (min(b[0] for b in boxes) + max(b[2] for b in boxes)) / 2
            y = height - (min(b[1] for b in boxes) + max(b[3] for b in boxes)) / 2
            found.setdefault(whole[start:k], []).append((x, y))
            start = None
    return found


def test_markers_stand_at_their_true_x_in_the_pdf_and_a_shared_value_is_labelled_once(project):
    """Read back from the PDF: each series' markers stand centred over their week's name; both markers of
    the point Drug and Placebo share show whole, side by side and centred on it together (no outline round
    a dot, which reads as a highlight); its value is printed once, centred over it, above."""
    project.layout()
    project.content(SHARED)
    pdf = project.build().data
    document = prepare(project.root, project.root / "layouts" / "test.yaml").document
    colors = document.theme.colors
    page = pdfium.PdfDocument(pdf)[0]
    marks, words_ = _painted_marks(page), _words_at(page)
    weeks = {name: sorted(words_[name], key=lambda p: p[1])[-1][0] for name in ("0", "4", "12", "24")}
    dots = sorted((x, y) for kind, rgb, x, y, w in marks if kind == "fill" and rgb == _rgb(colors["primary"])
                  and 5 < w < 10)
    squares = sorted((x, y) for kind, rgb, x, y, w in marks if kind == "fill" and rgb == _rgb(colors["secondary"])
                     and 5 < w < 10)
    frames = [(x, y, w) for kind, rgb, x, y, w in marks if kind == "stroke" and rgb == _rgb(colors["secondary"])
              and 10 < w < 20]
    # the Drug dots and the Placebo squares of weeks 4, 12 and 24 (and the end labels' markers, further right)
    for week in ("4", "12", "24"):
        assert any(abs(x - weeks[week]) < 0.3 for x, _ in dots), (week, weeks, dots)
    for week in ("4", "12", "24"):
        assert any(abs(x - weeks[week]) < 0.3 for x, _ in squares), (week, weeks, squares)
    # week 0: Drug's dot and Placebo's square side by side, filled, centred on the point together
    assert frames == []  # no open square round a dot
    (dot,) = [(x, y) for x, y in dots if abs(x - weeks["0"]) < 8]
    (square,) = [(x, y) for x, y in squares if abs(x - weeks["0"]) < 8]
    assert (dot[0] + square[0]) / 2 == pytest.approx(weeks["0"], abs=0.3) and 6 < square[0] - dot[0] < 10
    assert dot[1] == pytest.approx(square[1], abs=0.3)
    # "5.8" once, centred over the shared point, above it
    (label,) = words_["5.8"]
    assert label[0] == pytest.approx(weeks["0"], abs=0.5) and label[1] < dot[1] - 4


def test_labels_of_values_at_one_x_sit_above_and_below_not_aside(project):
    """Read back from the PDF: where two series' values are close at one week, the higher is labelled above
    its point and the lower below its own, both centred on the week: never shifted along x."""
    project.layout()
    project.content(SHARED.replace("[5.8, 4.9, 3.9, 3.4]", "[5.8, 5.3, 3.9, 3.4]"))
    page = pdfium.PdfDocument(project.build().data)[0]
    words_ = _words_at(page)
    week = sorted(words_["4"], key=lambda p: p[1])[-1][0]
    (high,), (low,) = words_["5.5"], words_["5.3"]
    assert high[0] == pytest.approx(week, abs=0.5) and low[0] == pytest.approx(week, abs=0.5)
    assert low[1] - high[1] > 14  # one above the pair of points, one below it: apart by more than a line


@pytest.mark.parametrize("orientation", ["horizontal", "vertical"])
def test_a_segment_too_small_for_its_value_is_named_with_it_outside_the_stack(project, orientation):
    """A 1 % segment cannot hold "1%": it is named outside its stack ("Severe 1%"), before (lying) or under
    (standing) the total, in every stack where it is small, and read in the PDF's text."""
    project.layout()
    project.content(f"""\
body:
  - type: heading
    level: 1
    text: Results
  - type: chart
    kind: stacked_bar
    orientation: {orientation}
    title: Adverse events
    categories: [Drug, Placebo]
    unit: " %"
    max: 40
    series:
      - {{name: Mild, values: [22, 18]}}
      - {{name: Moderate, values: [9, 7]}}
      - {{name: Severe, values: [1, 1]}}
""")
    page = pdfium.PdfDocument(project.build().data)[0]
    text = page.get_textpage().get_text_range()
    assert text.count("Severe 1%") == 2, text
    for said in ("Total 32%", "Total 26%", "22%", "9%", "7%"):
        assert said in text, (said, text)
    words_ = _words_at(page)
    severe, totals = sorted(words_["1%"], key=lambda p: p[1]), sorted(words_["32%"] + words_["26%"], key=lambda p: p[1])
    for (sx, sy), (tx, ty) in zip(severe, totals):
        if orientation == "horizontal":  # on the stack's row, after it and before its total
            assert sy == pytest.approx(ty, abs=0.5) and sx < tx
        else:  # over the stack, under its total
            assert sx == pytest.approx(tx, abs=8) and sy > ty


def test_three_close_lines_labels_cover_no_other_label(project):
    """Read back from the PDF: three lines close together at every week still show each value once, and
    no two value labels overlap (a point squeezed between two others has its label beside it)."""
    project.layout()
    project.content(SHARED.replace("      - {name: Placebo, values: [5.8, 5.5, 5.2, 5.0]}\n",
                                   "      - {name: Placebo, values: [5.8, 5.5, 5.2, 5.0]}\n"
                                   "      - {name: Other, values: [5.8, 5.0, 4.6, 4.4]}\n"))
    page = pdfium.PdfDocument(project.build().data)[0]
    text = page.get_textpage()
    whole = text.get_text_range()
    boxes = []
    for value in ("5.5", "5.0", "4.9", "5.2", "4.6", "3.9", "4.4", "3.4"):
        at = [k for k in range(len(whole)) if whole.startswith(value, k)]
        assert at, (value, whole)
        for k in at:
            chars = [text.get_charbox(n) for n in range(k, k + len(value))]
            boxes.append((value, min(c[0] for c in chars), min(c[1] for c in chars), max(c[2] for c in chars),
                          max(c[3] for c in chars)))
    assert [b[0] for b in boxes].count("5.0") == 2  # Other at week 4 and Placebo at week 24
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2]
            assert apart, (a, b)


GRIDDED = """\
body:
  - type: heading
    level: 1
    text: Results
  - type: chart
    kind: {kind}
    orientation: {orientation}
    title: Response
    categories: [Week 4, Week 12, Week 24]
    unit: "%"
    max: 100
    step: {step}
    height: 150
    series:
      - {{name: Drug, values: [38, 61, 71]}}
      - {{name: Placebo, values: [18, 29, 36]}}
"""


def _objects(page) -> list[tuple[str, tuple[int, int, int], tuple[float, float, float, float]]]:
    """Every path PDFium finds on the page in painting order: (filled or stroked, its colour, its box as
    left, top, right, bottom from the page's top)."""
    found = []
    height = page.get_height()
    for obj in page.get_objects(max_depth=6):
        if obj.type != raw.FPDF_PAGEOBJ_PATH:
            continue
        left, bottom, right, top = obj.get_bounds()
        mode, stroke = ctypes.c_int(), ctypes.c_int()
        raw.FPDFPath_GetDrawMode(obj, mode, stroke)
        for kind, getter in (("fill", raw.FPDFPageObj_GetFillColor), ("stroke", raw.FPDFPageObj_GetStrokeColor)):
            if (kind == "fill" and mode.value == 0) or (kind == "stroke" and not stroke.value):
                continue
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            getter(obj, r, g, b, a)
            found.append((kind, (r.value, g.value, b.value), (left, height - top, right, height - bottom)))
    return found


@pytest.mark.parametrize("kind,orientation,step", [("bar", "vertical", 25), ("bar", "vertical", 20),
                                                   ("bar", "horizontal", 25), ("line", "vertical", 25),
                                                   ("line", "vertical", 20)])
def test_no_gridline_runs_into_a_value_label(project, kind, orientation, step):
    """Read back from the PDF: where a gridline meets a value label's letters (with 3 pt to spare at either
    end), it is hidden there by a knock-out in the page's white painted over it, at least 3 pt clear of the
    letters; or the label stands clear of every gridline."""
    project.layout()
    project.content(GRIDDED.format(kind=kind, orientation=orientation, step=step))
    document = prepare(project.root, project.root / "layouts" / "test.yaml").document
    grid = _rgb(document.theme.colors["on_primary_muted"])
    page = pdfium.PdfDocument(project.build().data)[0]
    objects = _objects(page)
    text = page.get_textpage()
    whole = text.get_text_range()
    met = []
    for value in ("38%", "61%", "71%", "18%", "29%", "36%"):
        k = whole.index(value)
        chars = [text.get_charbox(n) for n in range(k, k + len(value))]
        height = page.get_height()
        x0, x1 = min(c[0] for c in chars) - 3, max(c[2] for c in chars) + 3
        top, bottom = height - max(c[3] for c in chars) - 1, height - min(c[1] for c in chars) + 1
        for n, (paint, rgb, (l, t, r, b)) in enumerate(objects):
            if paint != "stroke" or rgb != grid or not (l < x1 and r > x0 and t < bottom and b > top):
                continue
            near = (max(l, x0), max(t, top), min(r, x1), min(b, bottom))  # the gridline where it meets them
            covered = [o for o in objects[n + 1:] if o[0] == "fill" and o[1] == (255, 255, 255)
                       and o[2][0] <= near[0] + 0.1 and o[2][1] <= near[1] + 0.1 and o[2][2] >= near[2] - 0.1
                       and o[2][3] >= near[3] - 0.1]
            assert covered, (value, (x0, top, x1, bottom), (l, t, r, b))
            met.append(value)
    # the case that matters is met: some label's place is crossed by a gridline (71% by the 75% or 80% one)
    assert met, "no gridline meets a label: the test proves nothing"
