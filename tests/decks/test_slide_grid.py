"""The slide grid and the handouts as people print them, read back with PDFium and pikepdf: no text on a
slide under 12 pt, no thumbnail text under 6 pt, figures on one top line, "Slide N of M", handout pages
filled on one fixed grid (slide, number, "Notes", notes and ruled lines at fixed places), a body too long for its slide continued on the next."""

from __future__ import annotations

import ctypes
import math
import re
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from page_space import empty_row_shares

REPO = Path(__file__).resolve().parents[2]
HANDOUTS = ["handout-1up", "handout-2up", "handout-3up", "handout-3up-a4"]


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> dict[str, Path]:
    from tagprint.commands.cli import main
    out = tmp_path_factory.mktemp("deck")
    assert main(["--root", str(REPO), "--output", str(out), "--force", "build", "kineret-dtt-ra-deck"]) == 0
    return {name: out / f"kineret-dtt-ra-deck-{name}.pdf" for name in ["slides", *HANDOUTS]}


def text_sizes(path: Path) -> list[list[tuple[str, float]]]:
    """Per page, each drawn character and the size it is set at on the page (PDFium's font size times the
    scale of the character's matrix: a slide drawn small on a handout counts small)."""
    pdf = pdfium.PdfDocument(path)
    pages = []
    for page in pdf:
        tp = page.get_textpage()
        found = []
        for i in range(tp.count_chars()):
            if raw.FPDFText_IsGenerated(tp, i):
                continue
            ch = tp.get_text_range(i, 1)
            if not ch.strip():
                continue
            m = raw.FS_MATRIX()
            raw.FPDFText_GetMatrix(tp, i, ctypes.byref(m))
            found.append((ch, raw.FPDFText_GetFontSize(tp, i) * math.sqrt(abs(m.a * m.d - m.b * m.c))))
        pages.append(found)
    return pages


def test_no_text_on_a_slide_under_12_pt(deck):
    pages = text_sizes(deck["slides"])
    assert len(pages) == 7
    for n, chars in enumerate(pages, start=1):
        small = [(ch, round(size, 1)) for ch, size in chars if size < 12 - 0.05]
        assert not small, (n, small[:10])


def test_slide_body_text_is_18_pt(deck):
    """The bullets and the safety and reference text are set at 18 pt (the 12 pt ones are the footer,
    the superscripts and the picture labels)."""
    for n, chars in enumerate(text_sizes(deck["slides"])[1:], start=2):
        sizes = [round(size, 1) for _, size in chars]
        assert max(set(sizes), key=sizes.count) == 18.0 or n == 1, (n, sorted(set(sizes)))


def test_no_thumbnail_text_under_6_pt(deck):
    for name in HANDOUTS:
        for n, chars in enumerate(text_sizes(deck[name]), start=1):
            small = [(ch, round(size, 2)) for ch, size in chars if size < 6 - 0.02]
            assert not small, (name, n, small[:10])


def test_slides_are_numbered_slide_n_of_m(deck):
    pdf = pdfium.PdfDocument(deck["slides"])
    for i in range(len(pdf)):
        text = pdf[i].get_textpage().get_text_range()
        assert re.findall(r"Slide (\d+) of (\d+)", text) == [(str(i + 1), "7")]
        assert "Page " not in text


def figure_tops(path: Path, edge: int = 3) -> dict[int, list[float]]:
    """The top edge (pt from the top of the page) of every Figure's /BBox, by page index (edge=1: the
    bottom edge)."""
    out: dict[int, list[float]] = {}
    with pikepdf.open(path) as pdf:
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        height = float(pdf.pages[0].mediabox[3])

        def walk(node, page=None):
            if isinstance(node, pikepdf.Dictionary):
                page = pages.get(node.Pg.objgen, page) if "/Pg" in node else page
                if node.get("/S") == pikepdf.Name.Figure and "/A" in node:
                    out.setdefault(page, []).append(height - float(node.A.BBox[edge]))
                kids = node.get("/K")
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                    walk(kid, page)
        walk(pdf.Root.StructTreeRoot)
    return out


def test_figures_share_one_top_line(deck):
    """On every content slide with a figure, the figure's top is on the same line as the body's first
    line (the title slide's photo is centred on its title instead)."""
    tops = figure_tops(deck["slides"])
    content = [top for page, found in tops.items() if page != 0 for top in found]
    assert len(content) == 4
    assert max(content) - min(content) <= 1.0, content


PER_PAGE = {"handout-1up": 1, "handout-2up": 2, "handout-3up": 3, "handout-3up-a4": 3}


def slides_per_page(path: Path) -> list[int]:
    pdf = pdfium.PdfDocument(path)
    return [len(re.findall(r"Slide \d+ of 7", pdf[i].get_textpage().get_text_range())) for i in range(len(pdf))]


def test_figures_end_24_pt_or_more_above_the_footer(deck):
    """Every content slide's figure (its /BBox) ends at least 24 pt above the top of the footer's text, as
    pdftotext measures it."""
    import subprocess
    bottoms = figure_tops(deck["slides"], edge=1)
    xml = subprocess.run(["pdftotext", "-bbox", str(deck["slides"]), "-"], capture_output=True, text=True).stdout
    pages = xml.split("<page ")[1:]
    for page, found in bottoms.items():
        if page == 0:
            continue
        (top,) = [float(m) for m in re.findall(r'yMin="([\d.]+)"[^>]*>US-KIN-0002<', pages[page])]
        assert all(top - bottom >= 24 for bottom in found), (page + 1, top, found)


@pytest.mark.parametrize("name", HANDOUTS)
def test_no_handout_page_is_half_empty(deck, name):
    """No full page is more than half empty; the last page, holding fewer slides than its grid has slots
    (the only page of its kind), is measured too: its slides fill their share of the page."""
    shares = empty_row_shares(deck[name])
    counts = slides_per_page(deck[name])
    per_page = PER_PAGE[name]
    for share, count in zip(shares, counts):
        assert share <= max(0.5, 1 - 0.85 * count / per_page), ([round(s, 2) for s in shares], counts)
    assert all(count == per_page for count in counts[:-1]), counts


def test_one_up_pages_have_the_number_a_notes_label_and_lines(deck):
    pdf = pdfium.PdfDocument(deck["handout-1up"])
    for i in range(len(pdf)):
        text = pdf[i].get_textpage().get_text_range()
        assert f"Slide {i + 1} of 7" in text and ("Notes" in text or "Your notes" in text)
    # ruled lines under the notes: a column of pixels down the lower part of the page crosses ten or more
    image = pdf[6].render(scale=1).to_pil().convert("L")
    column = [image.getpixel((300, y)) for y in range(420, 730)]
    crossings = sum(1 for a, b in zip(column, column[1:]) if a >= 200 > b)
    assert crossings >= 10


def test_the_slides_fill_one_fixed_grid(deck):
    """Seven slides 3-up are 3, 3, 1 a page and 2-up 2, 2, 2, 1: every page uses the same slots (a slide's
    frame at the same place on each page, ~18 pt between slots), and every slot has the same number of
    ruled lines at the same height under (or beside) its slide."""
    from tagprint.decks.handouts import spread
    assert spread(7, 3) == [3, 3, 1] and spread(7, 2) == [2, 2, 2, 1] and spread(6, 3) == [3, 3]
    assert slides_per_page(deck["handout-3up"]) == [3, 3, 1]
    assert slides_per_page(deck["handout-2up"]) == [2, 2, 2, 1]
    for name in ["handout-2up", "handout-3up", "handout-3up-a4", "handout-1up"]:
        pdf = pdfium.PdfDocument(deck[name])
        slots = []
        for i in range(len(pdf)):
            tp = pdf[i].get_textpage()
            for n in re.findall(r"Slide (\d+) of 7", tp.get_text_range()):
                box = tp.search(f"Slide {n} of 7").get_next()
                slots.append(round(pdf[i].get_size()[1] - tp.get_charbox(box[0])[3]))
        per = PER_PAGE[name]
        grid = slots[:per]
        assert all(top == grid[j % per] for j, top in enumerate(slots)), (name, slots)
        if per == 3:
            assert all(16 <= b - a - 219 <= 20 for a, b in zip(grid, grid[1:])), (name, grid)
    # the ruled lines: rows of pixels dark nearly all the way across the slot's notes column (no line of
    # text is), from each slide's number down to where the next slot's slide begins, or the footer
    for name, (x0, x1) in [("handout-2up", (130, 480)), ("handout-3up", (460, 560)), ("handout-1up", (60, 550))]:
        pdf = pdfium.PdfDocument(deck[name])
        counts = []
        for i in range(len(pdf)):
            tp = pdf[i].get_textpage()
            height = pdf[i].get_size()[1]
            tops = [height - tp.get_charbox(tp.search(f"Slide {n} of 7").get_next()[0])[3]
                    for n in re.findall(r"Slide (\d+) of 7", tp.get_text_range())]
            image = pdf[i].render(scale=1).to_pil().convert("L")
            lead = tops[0] - 48 + 3 if name == "handout-2up" else 0  # 2-up: the frame above the number
            ends = [b - lead for b in tops[1:]] + [height - 56]
            for top, end in zip(tops, ends):
                ruled = [sum(image.getpixel((x, y)) < 200 for x in range(x0, x1)) > 0.9 * (x1 - x0)
                         for y in range(int(top), int(end))]
                counts.append(sum(1 for a, b in zip([False, *ruled], ruled) if b and not a))
        assert len(set(counts)) == 1 and counts[0] >= 2, (name, counts)


LONG_DECK = """\
document:
  title: Test deck
  product: KINERET
  lang: en-US
  material_id: TEST-0002
  date: 11/2026
  created: 2026-11-01
  footer: For tests only
theme: kineret
content: [content/test.yaml]
slides:
  - title: A title
    layout: title
  - title: Safety
    content: [safety]
"""


def test_a_body_too_long_for_its_slide_continues_on_the_next(project):
    paragraph = "The safety information is long and is set at 18 points on the slide, as every body. " * 6
    project.layout(LONG_DECK)
    project.content("safety:\n  - type: safety\n    blocks:\n" + "".join(
        f"      - type: paragraph\n        text: \"{paragraph.strip()} {k}\"\n" for k in range(5)))
    built = project.build()
    pdf = pdfium.PdfDocument(built.data)
    assert len(pdf) >= 3  # the title slide, the safety slide and at least one more
    for i in range(1, len(pdf)):
        text = pdf[i].get_textpage().get_text_range()
        assert f"Slide {i + 1} of {len(pdf)}" in text
    last = " ".join(pdf[len(pdf) - 1].get_textpage().get_text_range().split())
    assert "(continued)" in last and "4" in last
    data_pages = text_sizes_from_bytes(built.data)
    body = [size for chars in data_pages[1:] for _, size in chars]
    assert min(body) >= 12 - 0.05 and body.count(18.0) > len(body) / 2


def text_sizes_from_bytes(data: bytes) -> list[list[tuple[str, float]]]:
    import tempfile
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        return text_sizes(Path(f.name))
