"""The reference pages (block examples, illustration gallery) balanced like a specimen book, judged from
PDFium's renders: no page more than half empty, card rules level, a page-foot note near its paragraph, a
caption under its drawing, a photo beside its text, the call to action before the references."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from page_space import empty_row_shares
from readers import reading_text, structure
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
    starts: list[tuple[int, int]] = []  # (x, y) where a wide run of the accent colour begins
    for y in range(h // 2, h):
        for x in range(0, w, 2):
            if all(abs(a - b) <= 12 for a, b in zip(image.getpixel((x, y)), accent)):
                # a rule is 28 pt wide and 3 pt tall: wide runs of the accent colour
                run = sum(1 for dx in range(0, 56) if x + dx < w and
                          all(abs(a - b) <= 12 for a, b in zip(image.getpixel((x + dx, y)), accent)))
                if run >= 50:
                    starts.append((x, y))
    # the two cards' rules: the top row of each run, grouped by where it starts (cards lie > 100 pt apart)
    tops: dict[int, int] = {}
    for x, y in starts:
        card = next((k for k in tops if abs(k - x) < 200), x)
        tops.setdefault(card, y)
    assert len(tops) == 2, tops
    assert len(set(tops.values())) == 1, tops


def test_a_page_foot_note_stands_near_its_paragraph(pdfs):
    page = pdfium.PdfDocument(pdfs["block-examples"])[0]
    tp = page.get_textpage()
    text = tp.get_text_range()
    para = text.index("after this paragraph")  # its last line
    note = text.index("A notes block with place: page_foot")
    para_bottom = tp.get_charbox(para)[1]
    note_top = tp.get_charbox(note)[3]
    assert 0 < para_bottom - note_top < 72, (para_bottom, note_top)


def test_the_helix_page_is_filled(pdfs):
    """Gallery page 3 holds the four helices across the page: two upright side by side, one lying, one
    lying on a tinted panel."""
    pdf = pdfium.PdfDocument(pdfs["illustration-gallery"])
    assert len(pdf) == 3
    text = pdf[2].get_textpage().get_text_range()
    assert text.count("Alt text: A double helix") == 4


def _ink_columns(page, top: float, bottom: float) -> list[int]:
    """The x (pt) of every column with ink between top and bottom (pt from the page's top)."""
    image = page.render(scale=1).to_pil().convert("RGB")
    return [x for x in range(image.width) if any(sum(image.getpixel((x, y))) < 450
                                                    for y in range(int(top), int(bottom)))]


def _word_box(textpage, text: str) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of `text`'s first character, in pt from the page's top-left."""
    at = textpage.get_text_range().index(text)
    height = textpage.page.get_height()
    left, bottom, right, top = textpage.get_charbox(at)
    return left, height - top, right, height - bottom


def test_the_line_art_caption_starts_under_the_drawing(pdfs):
    """The pen's caption is not off-centre: it starts where the drawing starts (within 4 pt), the picture
    being tight to the drawing."""
    page = pdfium.PdfDocument(pdfs["block-examples"])[2]
    left, top, _, _ = _word_box(page.get_textpage(), "A line-art PNG")
    ink = _ink_columns(page, top - 60, top - 8)  # the drawing just above its caption
    assert ink and abs(min(ink) - left) <= 4, (min(ink), left)


def test_the_photo_stands_beside_its_text(pdfs):
    """The photo is not alone with a void beside it: its paragraphs stand to its right, beginning level
    with its top, and its caption fits on one line."""
    page = pdfium.PdfDocument(pdfs["block-examples"])[2]
    tp = page.get_textpage()
    caption_left, caption_top, _, _ = _word_box(tp, "A photo, 161 points wide")
    _, caption_bottom_line, _, _ = _word_box(tp, "points wide")
    assert abs(caption_bottom_line - caption_top) < 2  # one line
    heading_left, heading_top, _, _ = _word_box(tp, "A photo beside its text")
    assert heading_left > caption_left + 120  # beside, not under
    assert heading_top < caption_top - 150  # level with the photo, well above its caption


def test_the_call_to_action_comes_before_the_references(pdfs):
    tp = pdfium.PdfDocument(pdfs["block-examples"])[1].get_textpage()
    text = tp.get_text_range()
    assert text.index("Read the format reference") < text.index("References")


def _ink_gaps(page, top: float, bottom: float, right: float | None = None) -> list[tuple[int, int]]:
    """The bands (top, bottom, in pt from the page's top) between top and bottom with no ink in them (left of
    `right`, if given)."""
    image = page.render(scale=1).to_pil().convert("L")
    width = int(right) if right else image.width
    rows = [any(image.getpixel((x, y)) < 235 for x in range(width)) for y in range(int(top), int(bottom))]
    gaps, start = [], None
    for y, ink in enumerate(rows + [True], start=int(top)):
        if not ink and start is None:
            start = y
        elif ink and start is not None:
            gaps.append((start, y))
            start = None
    return gaps


@pytest.mark.parametrize("index, pairs", [
    (0, [("Lists: numbered", "type: list"), ("Figures", "type: figure"), ("Callouts and cards", "type: callout")]),
    (1, [("Tables and footnotes", "type: table"), ("A ruled callout", "type: callout"),
         ("Important Safety", "type: safety"), ("Read the format", "type: call_to_action")]),
    (3, [("Grouped bars", "type: chart"), ("Stacked bars", "kind: stacked_bar")]),
    (4, [("Lines with markers", "kind: line"), ("A forest plot", "kind: forest"), ("A QR code", "type: qr")]),
])
def test_the_text_pages_keys_stand_in_the_margin_beside_their_sections(pdfs, index, pairs):
    """The text and chart pages are set like a specimen book: beside each section, in a margin column right of the
    8-column measure, the keys its blocks use, their first line level with the section's heading (within a
    line) and read right after the section, before the next one."""
    page = pdfium.PdfDocument(pdfs["block-examples"])[index]
    tp = page.get_textpage()
    text = tp.get_text_range()
    for section, note in pairs:
        s_left, s_top, _, _ = _word_box(tp, section)
        n_left, n_top, _, _ = _word_box(tp, note)
        assert s_left < 70 and n_left > 440, (section, s_left, note, n_left)
        assert abs(n_top - s_top) < 12, (section, s_top, note, n_top)
    root = structure(pdfs["block-examples"])
    said = reading_text(root)
    for (section, note), following in zip(pairs, pairs[1:]):
        start = said.index(section)
        assert said.index(note, start) < said.index(following[0], start), (section, note)
    # the measure stays a measure: no letter stands in the gutter between the text and the margin column
    boxes = [tp.get_charbox(k) for k in range(len(text)) if text[k].strip()]
    assert not [b for b in boxes if b[2] > 390 and b[0] < 445], [b for b in boxes if b[2] > 390 and b[0] < 445][:3]


def test_sections_of_one_level_have_the_same_space_before_them(pdfs):
    """The safety information's heading (an H2) has as much air above it as the section headings do."""
    page = pdfium.PdfDocument(pdfs["block-examples"])[1]
    tp = page.get_textpage()
    spaces = {}
    for heading in ("A ruled callout", "Important Safety"):
        _, top, _, _ = _word_box(tp, heading)
        above = [g for g in _ink_gaps(page, 44, top, 400) if g[1] >= top - 12]  # the gap just over the heading
        spaces[heading] = above[-1][1] - above[-1][0] if above else 0
    assert spaces["Important Safety"] >= 20 and spaces["A ruled callout"] >= 20, spaces


def test_the_pieces_page_has_no_hole(pdfs):
    """Page 3's framed panels, photo and text follow one another with even space (no band of empty paper
    taller than 40 pt between the top band and the footer's rule)."""
    page = pdfium.PdfDocument(pdfs["block-examples"])[2]
    gaps = _ink_gaps(page, 44, 741)
    assert all(b - a <= 40 for a, b in gaps), gaps
