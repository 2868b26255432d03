"""The illustration gallery: every illustration in variants, each caption printing the generated alt."""

from __future__ import annotations

import re

from pathlib import Path

import pytest

from readers import structure
from tagprint.pipeline import build

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gallery():
    return build(REPO, REPO / "layouts" / "illustration-gallery.yaml").data


def test_every_illustration_in_two_to_four_variants(gallery):
    figures = [n for n in structure(gallery).walk() if n.role == "Figure"]
    assert len(figures) == 16
    kinds = [f.attrs["Alt"].split(".")[0] for f in figures]
    assert sum("cylindrical" in k for k in kinds) == 3
    assert sum("scattered dots" in k for k in kinds) == 3
    assert sum("hexagons" in k for k in kinds) == 3
    assert sum("arrows intertwine" in k for k in kinds) == 3
    assert sum("double helix" in k for k in kinds) == 4


def test_each_caption_prints_its_parameters_and_the_alt_text(gallery):
    for figure in (n for n in structure(gallery).walk() if n.role == "Figure"):
        (caption,) = [k for k in figure.kids if not isinstance(k, str) and k.role == "Caption"]
        text = " ".join(caption.text().split())
        printed = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", figure.attrs["Alt"])  # set with curly quotes
        assert "Alt text: " + printed + "." in text
        assert '"' not in text  # no straight quotes in print
        assert text.split(".")[0]  # the parameters come first, in bold


def test_alt_text_follows_the_parameters(gallery):
    alts = [n.attrs["Alt"] for n in structure(gallery).walk() if n.role == "Figure"]
    assert any("with 9 human-shaped icons" in a and "with 5 human-shaped icons" in a for a in alts)
    assert not any("rheumatoid" in a or " only " in a for a in alts)
    # the defaults say what the variants say: the dots their count, the arrows their turns
    assert "A group of 60 randomly scattered dots" in alts
    assert ("Three arrows intertwine and point upward, making three quarters of a turn around each other"
            in alts)
    assert "A group of 120 randomly scattered dots in 3 clusters" in alts
    assert any(a.startswith("Four arrows intertwine") for a in alts)


def test_the_helix_parameter_table_names_every_parameter_and_its_default():
    """The table beside the helices (gallery page 3) lists the helix's parameters, each with its real
    default: it cannot drift from the code."""
    import dataclasses

    import yaml

    from tagprint.illustrations.helix import HelixParams

    blocks = yaml.safe_load((REPO / "content" / "illustration-gallery.yaml").read_text())["gallery-helix-short"]
    (table,) = [b for b in blocks if b["type"] == "table"]
    rows = {row[0]: row[2] for row in table["rows"][1:]}
    defaults = {f.name: f.default for f in dataclasses.fields(HelixParams)}
    assert set(rows) == set(defaults)
    for name, default in defaults.items():
        said = ", ".join(default) if isinstance(default, tuple) else f"{default:g}" if isinstance(default, float) \
            else str(default)
        assert rows[name] == said, (name, rows[name], said)


def _figures_and_lines(data: bytes) -> tuple[list[tuple[int, tuple[float, ...]]], dict[int, list[tuple]]]:
    """Each Figure's page and picture box (read with pikepdf, from the top of the page: x0, top, x1,
    bottom), and each page's text lines (pdftotext's boxes: x0, top, x1, bottom)."""
    import io
    import subprocess
    import tempfile
    import xml.etree.ElementTree as ET

    import pikepdf

    figures = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        height = float(pdf.pages[0].mediabox[3])

        def walk(node) -> None:
            if isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == pikepdf.Name.Figure:
                    x0, y0, x1, y1 = (float(v) for v in node.A.BBox)
                    figures.append((pages[node.Pg.objgen], (x0, height - y1, x1, height - y0)))
                kids = node.get("/K")
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
                    walk(kid)
        walk(pdf.Root.StructTreeRoot)
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "g.pdf").write_bytes(data)
        subprocess.run(["pdftotext", "-bbox-layout", "g.pdf", "g.html"], cwd=tmp, check=True)
        text = Path(tmp, "g.html").read_text()
    lines: dict[int, list[tuple]] = {}
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", text.replace('xmlns="http://www.w3.org/1999/xhtml"', "")))
    for i, page in enumerate(root.iter("page")):
        lines[i] = [tuple(float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")) for line in page.iter("line")]
    return figures, lines


def test_a_row_grid_its_captions_on_one_line_and_clear_of_the_pictures(gallery):
    """Pages 1 and 2 are a row grid: the two pictures side by side in a row are one height, so their
    captions start on one line (the helix page sets its two upright helices at one scale instead); every
    caption starts at least 10 pt under its picture."""
    figures, lines = _figures_and_lines(gallery)
    firsts = []
    for page, (x0, top, x1, bottom) in figures:
        below = [ln for ln in lines[page] if ln[1] > bottom - 1 and ln[0] <= x1 and ln[2] >= x0]
        first = min(below, key=lambda ln: ln[1])
        assert first[1] - bottom >= 10, (page, bottom, first)
        firsts.append((page, top, x0, first[1]))
    rows: dict[tuple, list[float]] = {}
    for page, top, x0, caption in firsts:
        rows.setdefault((page, round(top)), []).append(caption)
    pairs = [captions for (page, _), captions in rows.items() if len(captions) == 2 and page < 2]
    assert len(pairs) == 6  # three rows of two on each of the first two pages
    for captions in pairs:
        assert abs(captions[0] - captions[1]) <= 0.5, captions


def test_the_two_upright_helices_stand_on_one_line_their_captions_on_one_baseline(gallery):
    """Gallery page 3: the tall helix and the short one beside it (under the parameters table) end level,
    so their captions start on one line; the table's top is level with the tall helix's top (within 8 pt)."""
    figures, lines = _figures_and_lines(gallery)
    upright = sorted((box for page, box in figures if page == 2 and box[2] - box[0] < 200), key=lambda b: b[0])
    assert len(upright) == 2
    (tall, short) = upright
    assert abs(tall[3] - short[3]) <= 0.5, (tall, short)
    assert short[1] - tall[1] > 100  # the short one really is shorter: the table stands above it
    firsts = [min((ln for ln in lines[2] if ln[1] > box[3] and ln[0] <= box[2] and ln[2] >= box[0]),
                  key=lambda ln: ln[1]) for box in upright]
    assert abs(firsts[0][1] - firsts[1][1]) <= 0.5, firsts
    above_short = [ln for ln in lines[2] if ln[3] < short[1] and ln[0] >= tall[2] and ln[1] > 60]  # right of the tall one
    assert above_short and abs(min(ln[1] for ln in above_short) - tall[1]) <= 8, (above_short[:1], tall)
