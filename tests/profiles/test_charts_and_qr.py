"""The charts and the QR code of the block examples (page 3) in every profile, read back by other tools:
pikepdf walks the structure tree (alt texts, the data table, BBoxes, link annotations), PDFium reads the
text of each marked-content id, `render.py read` says what a screen reader announces, Ghostscript's
separations show the inks, zbarimg decodes the QR code from 300 dpi renders, pdfua and `render.py check`
judge the files."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from readers import assert_checks_clean, mcid_texts
from separations import separate, small_dark_chars

REPO = Path(__file__).resolve().parents[2]
PROFILES = ["screen", "print", "email", "archive"]
QR_HREF = "https://www.example.com/format"


def _csv(name: str) -> list[list[str]]:
    with open(REPO / "data" / name, newline="", encoding="utf-8") as f:
        return [row for row in csv.reader(f) if row]


ACR20 = _csv("block-examples-acr20.csv")
SUBGROUPS = _csv("block-examples-subgroups.csv")


class Elem:
    """A structure element read with pikepdf: role, alt, attributes, kids (elements and (page, MCID)s)."""

    def __init__(self, d: pikepdf.Dictionary, pages: dict, page: int | None):
        self.role = str(d.S)[1:]
        self.alt = str(d.get("/Alt", ""))
        self.attrs = d.get("/A")
        self.page = pages.get(d.Pg.objgen, page) if "/Pg" in d else page
        self.kids: list[Elem | tuple[int, int]] = []
        k = d.get("/K")
        for kid in (list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]):
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                self.kids.append(Elem(kid, pages, self.page))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                self.kids.append((pages.get(kid.Pg.objgen, self.page) if "/Pg" in kid else self.page, int(kid.MCID)))
            elif isinstance(kid, int):
                self.kids.append((self.page, int(kid)))

    def walk(self):
        yield self
        for kid in self.kids:
            if isinstance(kid, Elem):
                yield from kid.walk()

    def mcids(self):
        for e in self.walk():
            yield from (k for k in e.kids if isinstance(k, tuple))

    def text(self, texts: dict) -> str:
        return "".join(texts.get(m, "") for m in self.mcids()).strip()


def tree(path: Path) -> list[Elem]:
    """The structure elements in reading order (depth first)."""
    with pikepdf.open(path) as pdf:
        pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        k = pdf.Root.StructTreeRoot.K
        roots = [Elem(d, pages, None) for d in (list(k) if isinstance(k, pikepdf.Array) else [k])]
        return [e for root in roots for e in root.walk()]


def figure(elems: list[Elem], start: str) -> Elem:
    (found,) = [e for e in elems if e.role == "Figure" and e.alt.startswith(start)]
    return found


def charts_page(path: Path, start: str = "Bar chart") -> int:
    """The page a chart (or the QR code) is on: the one its figure's marked content is on (found, not
    counted: the block examples gain pages)."""
    (page,) = {p for p, _ in figure(tree(path), start).mcids()}
    return page


def charts_pages(path: Path) -> list[int]:
    """The pages of the charts and the QR code, in order."""
    return sorted({charts_page(path, start) for start in ("Bar chart", "Stacked bar", "Line chart",
                                                           "Forest plot", "QR code")})


def bbox(path: Path, elem: Elem) -> tuple[float, float, float, float]:
    """The element's BBox on the media box (BBoxes are written in the trimmed page's space)."""
    (page,) = {p for p, _ in elem.mcids()}
    with pikepdf.open(path) as pdf:
        trim = pdf.pages[page].obj.get("/TrimBox", pdf.pages[page].MediaBox)
        dx, dy = float(trim[0]), float(trim[1])
    x0, y0, x1, y1 = (float(v) for v in elem.attrs.BBox)
    return x0 + dx, y0 + dy, x1 + dx, y1 + dy


@pytest.mark.parametrize("profile", PROFILES)
def test_the_bar_charts_alt_and_data_table_carry_every_value(block_examples_profiles, profile):
    path = block_examples_profiles[profile]
    elems = tree(path)
    texts = mcid_texts(path)
    chart = figure(elems, "Bar chart, ACR20 response by week")
    header, *rows = ACR20
    for row in rows:  # "Week 4: Drug 38%, Placebo 18%" (English: no space before the per cent sign)
        said = ", ".join(f"{name} {value}%" for name, value in zip(header[1:], row[1:]))
        assert f"{row[0]}: {said}" in chart.alt
    # the data table is the element right after the chart's figure, holding the same numbers
    after = elems[elems.index(chart) + 1:]
    table = next(e for e in after if e.role in ("Table", "Figure"))
    assert table.role == "Table"
    read = [[cell.text(texts) for cell in tr.kids if isinstance(cell, Elem)]
            for tr in table.walk() if tr.role == "TR"]
    assert read[0][1:] == header[1:]
    assert [r[0] for r in read[1:]] == [row[0] for row in rows]
    assert [r[1:] for r in read[1:]] == [[f"{v}%" for v in row[1:]] for row in rows]
    assert [c.role for c in table.walk() if c.role in ("TH", "TD")].count("TD") == len(rows) * (len(header) - 1)


@pytest.mark.parametrize("profile", PROFILES)
def test_every_chart_kind_is_a_figure_with_its_numbers(block_examples_profiles, profile):
    elems = tree(block_examples_profiles[profile])
    pages = charts_pages(block_examples_profiles[profile])
    stacked = figure(elems, "Stacked bar chart")
    assert "Drug: Mild 22%, Moderate 9%, Severe 2% (total 33%)" in stacked.alt
    line = figure(elems, "Line chart")
    assert "Drug: 0 5.8, 4 4.9, 12 3.9, 24 3.4; Placebo: 0 5.8, 4 5.5, 12 5.2, 24 5.0" in line.alt
    forest = figure(elems, "Forest plot")
    for label, estimate, low, high in SUBGROUPS[1:]:
        assert f"{label} {estimate} (confidence interval {low} to {high})" in forest.alt
    assert "reference line at 1.00" in forest.alt and "left of it favours Drug" in forest.alt
    for chart in (stacked, line, forest):
        assert chart.attrs.BBox and list(chart.mcids()) and len({p for p, _ in chart.mcids()}) == 1
    assert len(pages) <= 2 and pages == list(range(pages[0], pages[0] + len(pages)))  # one run of pages


def test_render_read_announces_every_value(block_examples_profiles):
    said = subprocess.run([sys.executable, str(REPO / "render.py"), "read", str(block_examples_profiles["screen"])],
                          capture_output=True, text=True, check=True).stdout
    header, *rows = ACR20
    bar = next(line for line in said.splitlines() if line.startswith("figure: Bar chart"))
    for row in rows:
        for name, value in zip(header[1:], row[1:]):
            assert f"{name} {value}%" in bar
    table = said[said.index(bar):]
    for row in rows:  # the data table, cell by cell with its headers, right after the chart
        assert f"header cell: {row[0]}\n" + "".join(f"cell: {name}, {row[0]}, {v}%\n"
                                                    for name, v in zip(header[1:], row[1:])) in table
    forest = next(line for line in said.splitlines() if line.startswith("figure: Forest plot"))
    assert all(f"{label} {estimate} (confidence interval {low} to {high})" in forest
               for label, estimate, low, high in SUBGROUPS[1:])
    assert "[link: figure: QR code: opens https://www.example.com/format]" in said


def _page_images(page: pikepdf.Page) -> list[str]:
    found = []

    def visit(resources):
        for name, xobject in (resources.get("/XObject") or {}).items():
            if xobject.get("/Subtype") == "/Image":
                found.append(name)
            elif xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                visit(xobject.Resources)
    visit(page.obj.get("/Resources", pikepdf.Dictionary()))
    return found


@pytest.mark.parametrize("profile", PROFILES)
def test_charts_and_the_qr_code_are_vectors(block_examples_profiles, profile):
    path = block_examples_profiles[profile]
    charts = charts_pages(path)
    with pikepdf.open(path) as pdf:
        assert [_page_images(pdf.pages[i]) for i in charts] == [[]] * len(charts)  # no image on their pages
        # (the photo and the line art of the specimen page are: the reader sees images)
        assert any(_page_images(pdf.pages[i]) for i in range(len(pdf.pages)) if i not in charts)
    doc = pdfium.PdfDocument(path)
    pages = [doc[index] for index in charts]  # held while their raw handles are read
    paths = [sum(1 for i in range(raw.FPDFPage_CountObjects(page.raw))
                 if raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, i)) == raw.FPDF_PAGEOBJ_PATH)
             for page in pages]
    # bars, hatching, gridlines, markers, intervals, the QR code's modules: paths, on each page of charts
    assert sum(paths) > 100 and min(paths) > 30, paths


def test_chart_text_is_set_as_text_on_the_black_plate(block_examples_profiles, tmp_path):
    """Every small dark character of the page of charts (ticks, value labels, legends, the data table)
    prints in black ink only: no more cyan, magenta or yellow inside its box than around it."""
    pdf = block_examples_profiles["print"]
    separations = separate(pdf, tmp_path, dpi=150)
    every = small_dark_chars(pdf)
    chars = [(index, ch, box) for index in charts_pages(pdf) for ch, box in every[index]]
    percent = [(index, box) for index, ch, box in chars if ch == "%"]
    assert len(chars) > 400 and len(percent) > 25  # the charts' words are text, not outlines
    bad = []
    for index, ch, (x0, y0, x1, y1) in chars:
        plates = separations[index]
        for ink in ("Cyan", "Magenta", "Yellow"):
            letter = plates.crop(ink, (x0, y0, x1, y1)).getextrema()[0]
            ring = plates.crop(ink, (x0 - 3, y0 - 3, x1 + 3, y1 + 3)).histogram()
            if letter < ring.index(max(ring)) - 12:
                bad.append((ch, ink))
    assert bad == []
    index, (x0, y0, x1, y1) = percent[0]
    assert separations[index].crop("Black", (x0, y0, x1, y1)).getextrema()[0] < 128


def test_qr_modules_are_black_ink_only_in_print(block_examples_profiles, tmp_path):
    pdf = block_examples_profiles["print"]
    plates = separate(pdf, tmp_path, dpi=150)[charts_page(pdf, "QR code")]
    box = bbox(pdf, figure(tree(pdf), "QR code"))
    inset = (box[0] + 1, box[1] + 1, box[2] - 1, box[3] - 1)
    for ink in ("Cyan", "Magenta", "Yellow"):
        assert plates.crop(ink, inset).getextrema() == (255, 255), ink  # no ink at all
    black = plates.crop("Black", inset).histogram()
    assert black[0] > 0.3 * sum(black) and black[255] > 0.3 * sum(black)  # solid modules on paper


@pytest.mark.parametrize("profile", ["screen", "print"])
def test_the_qr_code_decodes_from_a_300_dpi_render(block_examples_profiles, profile, tmp_path):
    path = block_examples_profiles[profile]
    page = pdfium.PdfDocument(path)[charts_page(path, "QR code")]
    png = tmp_path / "page.png"
    page.render(scale=300 / 72).to_pil().save(png)
    run = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [QR_HREF]


@pytest.mark.parametrize("profile", ["screen", "email", "print"])
def test_a_live_link_over_the_qr_code_on_screen_and_in_email_none_in_print(block_examples_profiles, profile):
    path = block_examples_profiles[profile]
    elems = tree(path)
    qr = figure(elems, "QR code: opens " + QR_HREF)
    with pikepdf.open(path) as pdf:
        links = [a for a in pdf.pages[charts_page(path, "QR code")].obj.get("/Annots", []) if a.get("/Subtype") == "/Link"
                 and a.get("/A", {}).get("/URI") == QR_HREF]
        if profile == "print":
            assert links == []
            assert not any(e.role == "Link" and qr in e.walk() for e in elems)
            return
        (link,) = links
        rect = [float(v) for v in link.Rect]
        assert rect == pytest.approx(list(bbox(path, qr)), abs=0.01)  # the whole code, quiet zone included
        # the annotation belongs to the Link element that holds the figure
        holder = next(e for e in elems if e.role == "Link" and qr in e.walk())
        tree_root = pdf.Root.StructTreeRoot
        parents = tree_root.ParentTree
        owner = dict(zip(parents.Nums[0::2], parents.Nums[1::2]))[int(link.StructParent)]
        assert str(owner.S) == "/Link" and str(owner.get("/Alt")) == holder.alt


@pytest.mark.parametrize("profile", PROFILES)
def test_pdfua_and_render_check_are_clean(block_examples_profiles, profile):
    assert_checks_clean(block_examples_profiles[profile])


def test_the_archive_carries_the_charts_csv_files(block_examples_profiles):
    with pikepdf.open(block_examples_profiles["archive"]) as pdf:
        attached = pdf.attachments
        for name in ("block-examples-acr20.csv", "block-examples-subgroups.csv"):
            data = attached[f"data/{name}"].get_file().read_bytes()
            assert data == (REPO / "data" / name).read_bytes()
