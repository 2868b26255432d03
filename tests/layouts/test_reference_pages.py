"""The reference pages (block examples, illustration gallery) balanced like a specimen book, judged from
PDFium's renders: no page more than half empty, card rules level, a page-foot note near its paragraph."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from page_space import empty_row_shares
from tagprint.pipeline import build

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("reference")
    paths = {}
    for name in ("block-examples", "illustration-gallery"):
        paths[name] = out / f"{name}.pdf"
        paths[name].write_bytes(build(REPO, REPO / "layouts" / f"{name}.yaml").data)
    return paths


@pytest.mark.parametrize("name", ["block-examples", "illustration-gallery"])
def test_no_page_is_more_than_half_empty(pdfs, name):
    shares = empty_row_shares(pdfs[name])
    assert len(shares) >= 2
    assert all(share <= 0.5 for share in shares), [round(s, 2) for s in shares]


def test_the_cards_rules_stand_on_one_line(pdfs):
    """The accent rules of the two example cards (pictures of different heights above them) are level."""
    page = pdfium.PdfDocument(pdfs["block-examples"])[0]
    image = page.render(scale=2).to_pil().convert("RGB")
    accent = (0xD9, 0x62, 0x2B)
    w, h = image.size
    tops: dict[str, int] = {}
    for y in range(h // 2, h):
        for x in range(0, w, 2):
            if all(abs(a - b) <= 12 for a, b in zip(image.getpixel((x, y)), accent)):
                # a rule is 28 pt wide and 3 pt tall: wide runs of the accent colour
                run = sum(1 for dx in range(0, 56) if x + dx < w and
                          all(abs(a - b) <= 12 for a, b in zip(image.getpixel((x + dx, y)), accent)))
                if run >= 50:
                    tops.setdefault("left" if x < w // 2 else "right", y)
    assert set(tops) == {"left", "right"}
    assert tops["left"] == tops["right"]


def test_a_page_foot_note_stands_near_its_paragraph(pdfs):
    page = pdfium.PdfDocument(pdfs["block-examples"])[0]
    tp = page.get_textpage()
    text = tp.get_text_range()
    para = text.index("right after this")
    note = text.index("A notes block with place: page_foot")
    para_bottom = tp.get_charbox(para)[1]
    note_top = tp.get_charbox(note)[3]
    assert 0 < para_bottom - note_top < 72, (para_bottom, note_top)


def test_the_helix_page_is_filled(pdfs):
    """Gallery page 3 holds the three helices across the page: two upright side by side, one lying."""
    pdf = pdfium.PdfDocument(pdfs["illustration-gallery"])
    assert len(pdf) == 3
    text = pdf[2].get_textpage().get_text_range()
    assert text.count("Alt text: A double helix") == 3
