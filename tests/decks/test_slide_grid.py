"""The slide grid and the handouts as people print them, read back with PDFium and pikepdf: no text on a
slide under 12 pt, no thumbnail text under 6 pt, the text and the figures' ink (read from a render) on one
top line, the ink on the right margin, tall figures the body area's height, "Slide N of M", handout pages
filled on one fixed grid (slide, number, "Speaker notes", notes, "Your notes" and ruled lines at fixed
places), a body too long for its slide continued on the next; the title slide's rule and subtitle, a short
safety panel anchored under the title."""

from __future__ import annotations

import ctypes
import math
import re
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from handout_marks import labels, rules
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


def theme_style(style: str) -> dict:
    """A slide style, as the deck's theme file says it (the test reads the theme, not the code)."""
    import yaml
    theme = yaml.safe_load((REPO / "layouts" / "themes" / "kineret.yaml").read_text(encoding="utf-8"))
    return theme["styles"][style]


def theme_size(style: str) -> float:
    """A slide style's size, as the deck's theme file says it."""
    return float(theme_style(style)["size"])


def test_slide_body_text_is_the_theme_body_size(deck):
    """The bullets are set at the theme's slide body size, at least 18 pt (the 12 pt ones are the footer,
    the superscripts and the picture labels), the safety text at its own size, no smaller than the
    bullets; the references at their own size, no smaller than 18 pt."""
    body = theme_size("slide_body")
    assert body >= 18 and theme_size("slide_references") >= 18 and theme_size("slide_safety") >= body
    pages = text_sizes(deck["slides"])
    spec = deck_spec()["slides"]
    for n, chars in enumerate(pages[1:-1], start=2):
        sizes = [round(size, 1) for _, size in chars]
        own = theme_size("slide_safety") if "safety" in spec[n - 1].get("content", []) else body
        assert max(set(sizes), key=sizes.count) == own, (n, sorted(set(sizes)))
    sizes = [round(size, 1) for _, size in pages[-1]]
    assert max(set(sizes), key=sizes.count) == theme_size("slide_references")


def test_one_heading_on_the_safety_slide(deck):
    """The safety slide says "Important Safety Information" once: as its title (H2), not again as the
    panel's own heading."""
    pdf = pdfium.PdfDocument(deck["slides"])
    text = " ".join(pdf[5].get_textpage().get_text_range().split())
    assert text.count("Important Safety Information") == 2  # the title and "the approved ... Information" in text
    assert text.startswith("Important Safety Information Placeholder")
    headings = []
    with pikepdf.open(deck["slides"]) as doc:
        def walk(node):
            if isinstance(node, pikepdf.Dictionary):
                if str(node.get("/S", "")).startswith("/H"):
                    headings.append(str(node.S))
                kids = node.get("/K")
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                    walk(kid)
        walk(doc.Root.StructTreeRoot)
    assert headings.count("/H3") == 0 and headings.count("/H2") == 6, headings


def test_no_thumbnail_text_under_6_pt(deck):
    for name in HANDOUTS:
        for n, chars in enumerate(text_sizes(deck[name]), start=1):
            small = [(ch, round(size, 2)) for ch, size in chars if size < 6 - 0.02]
            assert not small, (name, n, small[:10])


def test_two_up_thumbnail_text_is_6_5_pt_or_more(deck):
    """The 2-up slide is as wide as the 3-up's: a picture's own labels, the smallest text on it, print at
    6.5 pt or more (PDFium's sizes)."""
    sizes = [size for chars in text_sizes(deck["handout-2up"]) for ch, size in chars if ch.strip()]
    assert sizes and min(sizes) >= 6.5 - 0.02, min(sizes)


def test_thumbnail_text_under_7_pt_is_only_a_pictures_own_labels(deck):
    """Text a thumbnail sets (bullets, superscript citations, the cover's subtitle) prints at 7 pt or more
    on every handout: under 7 pt are only the spectrum's two labels, drawn inside the picture at its scale
    (6 pt or more, see above), each of their letters once per thumbnail of that slide."""
    from tagprint.illustrations.spectrum import SpectrumParams
    labels = sorted(SpectrumParams.left_label + SpectrumParams.right_label)
    for name in HANDOUTS:
        for n, chars in enumerate(text_sizes(deck[name]), start=1):
            small = sorted(ch for ch, size in chars if size < 7 - 0.02)
            assert small in ([], labels), (name, n, "".join(small))


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


def ink_boxes(path: Path, scale: float = 3.0) -> dict[int, list[tuple[float, float, float, float]]]:
    """Per content slide (not the title slide, on its dark band), the ink of each Figure: what PDFium's
    render shows inside the figure's /BBox (and 6 pt round it: ink the box leaves out counts too), as
    (x0, top, x1, bottom) in pt from the top-left, every pixel darker than near-white counted (the slides'
    background is white). An illustration's box may keep room round its drawing: the ink is what a viewer
    sees line up."""
    tops, bottoms, sides = figure_tops(path), figure_tops(path, edge=1), figure_boxes(path)
    pdf = pdfium.PdfDocument(path)
    out: dict[int, list[tuple[float, float, float, float]]] = {}
    for page in sorted(tops):
        if page == 0:
            continue
        image = pdf[page].render(scale=scale).to_pil().convert("L")
        for top, bottom, (x0, x1) in zip(tops[page], bottoms[page], sides[page]):
            box = (max(0, round((x0 - 6) * scale)), max(0, round((top - 6) * scale)),  # on the slide
                   min(image.width, round((x1 + 6) * scale)), min(image.height, round((bottom + 6) * scale)))
            inked = image.crop(box).point(lambda v: 255 if v < 240 else 0).getbbox()
            assert inked is not None, (page + 1, box)
            out.setdefault(page, []).append(tuple((box[k % 2] + inked[k]) / scale for k in range(4)))
    return out


def test_every_pictures_ink_starts_on_the_top_line(deck):
    """On every content slide with a figure, the figure's ink (read from PDFium's render, not its box)
    starts on the body area's top line, where the text block starts too (TOP, within 2 pt), and is
    centred across the visual zone (x 560 to the right margin, 896: its middle at 728 within 2 pt), a
    half-and-half slide's (layout: figure) across the slide's right half, out to the right margin:
    paging through, the art keeps its top line and its axis, whatever its width. A tall picture beside the
    text fills the area's depth, its ink 260 pt tall or more, at least 180 pt wide (no sliver), and stays
    above FIGURE_BOTTOM."""
    from tagprint.decks.slides import FIGURE_BOTTOM, TOP, ZONE_X
    spec = deck_spec()["slides"]
    inks = ink_boxes(deck["slides"])
    assert sorted(inks) == [n for n, slide in enumerate(spec) if n and slide.get("figure")]
    for page, found in inks.items():
        ((x0, top, x1, bottom),) = found
        assert abs(top - TOP) <= 2 and bottom <= FIGURE_BOTTOM + 1, (page + 1, x0, top, x1, bottom)
        if spec[page].get("layout") == "figure":
            assert x0 >= 64 + 0.45 * 832 and abs(x1 - 896) <= 2, (page + 1, x0, x1)
        else:
            assert ZONE_X == 560 and abs((x0 + x1) / 2 - (ZONE_X + 896) / 2) <= 2, (page + 1, x0, x1)
            assert x1 - x0 >= 180 and bottom - top >= 260, (page + 1, x0, x1, top, bottom)


def test_a_wide_pictures_ink_stands_40_pt_or_more_from_the_text(deck):
    """On a half-and-half slide (layout: figure), the text column's rightmost word (pdftotext's word
    boxes, superscripts included) ends 40 pt or more left of the picture's ink (PDFium's render): from the
    back of a room the text and the picture's labels do not seem to touch."""
    spec = deck_spec()["slides"]
    inks = ink_boxes(deck["slides"])
    pages = words(deck["slides"])
    found = 0
    for n, slide in enumerate(spec):
        if slide.get("layout") != "figure":
            continue
        found += 1
        ((x0, top, _, bottom),) = inks[n]
        text = [w for w in pages[n] if w[2] >= top - 8 and w[4] <= 480 and w[1] < x0]
        assert text and x0 - max(w[3] for w in text) >= 40, (n + 1, x0, max(w[3] for w in text))
    assert found == 1


def test_picture_boxes_keep_the_ink_inside(deck):
    """Each figure's /BBox (what assistive technology is told it covers) holds its ink (within 1 pt): a
    picture moved so its ink lines up moves its box with it."""
    tops, bottoms, sides = figure_tops(deck["slides"]), figure_tops(deck["slides"], edge=1), figure_boxes(deck["slides"])
    for page, found in ink_boxes(deck["slides"]).items():
        for (x0, top, x1, bottom), t, b, (bx0, bx1) in zip(found, tops[page], bottoms[page], sides[page]):
            assert bx0 - 1 <= x0 and x1 <= bx1 + 1 and t - 1 <= top and bottom <= b + 1, (page + 1, found)


def figure_boxes(path: Path) -> dict[int, list[tuple[float, float]]]:
    """The left and right edges of every Figure's /BBox, by page index."""
    out: dict[int, list[tuple[float, float]]] = {}
    with pikepdf.open(path) as pdf:
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}

        def walk(node, page=None):
            if isinstance(node, pikepdf.Dictionary):
                page = pages.get(node.Pg.objgen, page) if "/Pg" in node else page
                if node.get("/S") == pikepdf.Name.Figure and "/A" in node:
                    out.setdefault(page, []).append((float(node.A.BBox[0]), float(node.A.BBox[2])))
                kids = node.get("/K")
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                    walk(kid, page)
        walk(pdf.Root.StructTreeRoot)
    return out


def test_the_title_slides_photo_sits_in_the_visual_zone(deck):
    """The title slide's photo (its /BBox: a photo's ink is its box) lies in the same zone as every
    content slide's picture, x 560 to the right margin (896, within 0.5 pt)."""
    ((x0, x1),) = figure_boxes(deck["slides"])[0]
    assert x0 >= 560 - 0.5 and abs(x1 - 896) <= 0.5, (x0, x1)


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


def deck_spec() -> dict:
    """The deck's layout file, as written (the tests read the words they look for from it)."""
    import yaml
    return yaml.safe_load((REPO / "layouts" / "kineret-dtt-ra-deck.yaml").read_text(encoding="utf-8"))


def words(path: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """Per page, pdftotext's words as (word, xMin, yMin, xMax, yMax), pt from the top-left."""
    import html
    import subprocess
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [[(html.unescape(w), float(x0), float(y0), float(x1), float(y1))
             for x0, y0, x1, y1, w in re.findall(pattern, page)] for page in xml.split("<page ")[1:]]


def cap_top(path: Path, page: int, text: str) -> float:
    """The top of the first letter of `text` on the page (PDFium's glyph box), pt from the top."""
    pdf = pdfium.PdfDocument(path)
    tp = pdf[page].get_textpage()
    hit = tp.search(text, match_case=True).get_next()
    assert hit is not None, (page + 1, text)
    return pdf[page].get_size()[1] - tp.get_charbox(hit[0])[3]


def test_the_text_starts_on_one_top_line(deck):
    """On every content slide that is not a safety panel (bullets, a reference list), the text block's
    first line's capitals (PDFium's glyph boxes) stand at one height on every slide (within 1 pt), 4 to 16
    pt under the body area's top line: paging through, the text does not jump; its last baseline ends
    above the foot of the body area."""
    from tagprint.decks.slides import FIGURE_BOTTOM, TOP
    firsts = []
    spec = deck_spec()["slides"]
    pdf = pdfium.PdfDocument(deck["slides"])
    found = 0
    for n, slide in enumerate(spec):
        if n == 0 or slide.get("layout") == "title" or "safety" in slide.get("content", []):
            continue
        tp = pdf[n].get_textpage()
        if slide.get("bullets"):
            first_text = " ".join(slide["bullets"][0].split()[:3])
            last_words = re.sub(r"\{cite\}`[^`]*`", "", slide["bullets"][-1]).replace("\u00a0", " ").split()[-2:]
        else:  # the reference list: its first and last entries' numbers
            count = len(re.findall(r"^\d+\.", tp.get_text_range(), re.M))
            first_text, last_words = "1.", [f"{count}.", "Placeholder"]
        first = cap_top(deck["slides"], n, first_text)
        hit = tp.search(" ".join(last_words), match_case=True).get_next()
        assert hit is not None, last_words
        x, y = ctypes.c_double(), ctypes.c_double()  # the character's origin: on its line's baseline
        raw.FPDFText_GetCharOrigin(tp, hit[0] + len(last_words[0]) + 1, ctypes.byref(x), ctypes.byref(y))
        baseline = pdf[n].get_size()[1] - y.value
        assert TOP + 4 <= first <= TOP + 16 and baseline <= FIGURE_BOTTOM, (n + 1, first, baseline)
        firsts.append(first)
        found += 1
    assert found == 5 and max(firsts) - min(firsts) <= 1, firsts


def test_the_title_slide_rule_stands_16_pt_over_the_title(deck):
    """The title slide's accent rule (read from PDFium's render, in the theme's accent colour) ends 12 to
    20 pt above the title's capitals; the block from the rule's top to the subtitle's last line (its
    pdftotext word boxes) is centred on the photo's middle (its /BBox, within 4 pt): the lower left is
    not left empty under a block hung from the photo's top."""
    import yaml
    theme = yaml.safe_load((REPO / "layouts" / "themes" / "kineret.yaml").read_text(encoding="utf-8"))
    accent = tuple(int(theme["colors"]["accent"][i:i + 2], 16) for i in (1, 3, 5))
    image = pdfium.PdfDocument(deck["slides"])[0].render(scale=1).to_pil().convert("RGB")
    rows = [y for y in range(image.height)
            if sum(all(abs(a - b) <= 12 for a, b in zip(image.getpixel((x, y)), accent)) for x in range(60, 200)) > 50]
    assert rows and rows[-1] - rows[0] < 10, rows
    title = deck_spec()["slides"][0]["title"].split()[0]
    gap = cap_top(deck["slides"], 0, title) - (rows[-1] + 1)
    assert 12 <= gap <= 20, gap
    subtitle = deck_spec()["slides"][0]["subtitle"].split()
    bottom = max(w[4] for w in words(deck["slides"])[0] if w[0] in subtitle)
    middle = (figure_tops(deck["slides"])[0][0] + figure_tops(deck["slides"], edge=1)[0][0]) / 2
    assert abs((rows[0] + bottom) / 2 - middle) <= 4, (rows[0], bottom, middle)


def test_the_subtitle_has_no_lone_word_line(deck):
    """The title slide's subtitle breaks into lines of two words or more, the shortest at least half as
    wide as the longest (pdftotext's words, grouped by line)."""
    subtitle = deck_spec()["slides"][0]["subtitle"].split()
    found = [w for w in words(deck["slides"])[0] if w[0] in subtitle and w[4] - w[2] < 30]  # not the title's
    lines: dict[float, list] = {}
    for w in found:
        lines.setdefault(round(w[2]), []).append(w)
    assert sum(len(line) for line in lines.values()) == len(subtitle)
    assert len(lines) >= 2 and all(len(line) >= 2 for line in lines.values()), lines
    widths = [max(w[3] for w in line) - min(w[1] for w in line) for line in lines.values()]
    assert min(widths) >= max(widths) / 2, widths


def test_slide_text_ends_24_pt_or_more_above_the_footer(deck):
    """On every slide, the lowest word above the footer ends 24 pt or more above the footer's text; the
    text of a figure slide (layout: figure) runs across about half the slide's width (45 % or more)."""
    spec = deck_spec()["slides"]
    for n, page in enumerate(words(deck["slides"])):
        footer = min(y0 for w, _, y0, _, _ in page if w == "US-KIN-0002")
        above = [y1 for _, _, y0, _, y1 in page if y0 < footer - 1]
        assert footer - max(above) >= 24, (n + 1, footer, max(above))
        if spec[n].get("layout") == "figure":
            first = spec[n]["bullets"][0].split()[0]
            left = min(x0 for w, x0, *_ in page if w == first)
            text = [x1 for w, x0, y0, x1, _ in page if 150 < y0 < footer - 1 and x0 < 480]
            assert max(text) - left >= 0.45 * 832, (n + 1, max(text) - left)


def test_a_short_safety_panel_is_anchored_under_the_title_and_fills_the_body(deck):
    """The safety slide's panel (its tint, read from PDFium's render) starts on the body's top line under
    the title (within 1 pt) and reaches the body area's foot, where the pictures of the other slides end
    (within 1 pt): a short placeholder text does not leave a small box high on the slide."""
    import yaml

    from tagprint.decks.slides import FIGURE_BOTTOM, TOP
    theme = yaml.safe_load((REPO / "layouts" / "themes" / "kineret.yaml").read_text(encoding="utf-8"))
    tint = tuple(int(theme["colors"]["tint_warm"][i:i + 2], 16) for i in (1, 3, 5))
    n = next(i for i, s in enumerate(deck_spec()["slides"]) if "safety" in s.get("content", []))
    image = pdfium.PdfDocument(deck["slides"])[n].render(scale=1).to_pil().convert("RGB")
    rows = [y for y in range(image.height) if all(abs(a - b) <= 3 for a, b in zip(image.getpixel((80, y)), tint))]
    assert rows, "no panel"
    assert abs(rows[0] - TOP) <= 1, rows[0]
    assert abs(rows[-1] + 1 - FIGURE_BOTTOM) <= 1, rows[-1]


@pytest.mark.parametrize("name", HANDOUTS)
def test_no_handout_page_is_more_than_12_percent_empty(deck, name):
    """No page is more than 12 % empty (by 18 pt rows of rendered pixels), the last one included: every
    page but the last is full (seven 3-up are 3, 3, 1) and the last page's slots without a slide are one
    "More notes" area whose ruled lines run on down the page."""
    from tagprint.decks.handouts import spread
    shares = empty_row_shares(deck[name])
    counts = slides_per_page(deck[name])
    assert counts == spread(7, PER_PAGE[name]), counts
    assert all(share <= 0.12 for share in shares), [round(s, 2) for s in shares]
    assert all(n == PER_PAGE[name] for n in counts[:-1]), counts  # no part-filled page mid-document


def test_every_page_but_the_last_is_full():
    """The slides fill the pages in order, every page full but the last (seven 3-up are 3, 3, 1, so the
    last claim slide, 5, shares its sheet with the safety slide, 6; 2-up 2, 2, 2, 1), as few pages as hold
    them all. (The last page is balanced by its "More notes" area, not by thinning the slides out: see
    test_the_last_page_is_balanced_by_its_notes.)"""
    from tagprint.decks.handouts import spread
    assert spread(7, 3) == [3, 3, 1] and spread(7, 2) == [2, 2, 2, 1] and spread(6, 3) == [3, 3]
    assert spread(10, 3) == [3, 3, 3, 1] and spread(1, 3) == [1] and spread(0, 2) == [0] and spread(7, 1) == [1] * 7
    for count in range(1, 30):
        for per in (1, 2, 3):
            got = spread(count, per)
            assert sum(got) == count and len(got) == -(-count // per) and all(n == per for n in got[:-1])
            assert 1 <= got[-1] <= per


@pytest.mark.parametrize("name, paper, edge", [("handout-2up", (612, 792), 40), ("handout-3up", (612, 792), 40),
                                               ("handout-3up-a4", (595, 842), 40)])
def test_the_last_page_is_balanced_by_its_notes(deck, name, paper, edge):
    """The brief's "the last page balanced (slides spread, not one at the top)": the last page's slide
    stands in its slot and the rest of the page under it is one "More notes" area, its lines across the
    page from margin to margin (pikepdf, from the content stream), at one pitch, from just under the label
    (PDFium's box) down to within a pitch of the footer line, the area taking half the page's depth or
    more: the sheet reads as a notes page, not as a lone slide at the top of an empty one."""
    from tagprint.decks.handouts import PITCH
    last = len(pdfium.PdfDocument(deck[name])) - 1
    found = labels(deck[name])[last]
    assert [w for w, *_ in found if w.startswith("Slide")] == ["Slide 7 of 7"], found
    ((top, bottom),) = [(t, b) for w, t, b in found if w == "More notes"]
    lines = [y for y, x0, x1, *_ in rules(deck[name])[last] if y > bottom]
    wide = [y for y, x0, x1, *_ in rules(deck[name])[last] if y > bottom and abs(x0 - edge) < 0.05
            and abs(x1 - (paper[0] - edge)) < 0.05]
    assert lines == wide and 0 < lines[0] - bottom <= PITCH, (lines, bottom)
    assert all(abs(b - a - PITCH) < 0.05 for a, b in zip(lines, lines[1:])), lines
    foot = paper[1] - 56
    assert foot - PITCH < lines[-1] <= foot + 0.05 and lines[-1] - top >= paper[1] / 2, (top, lines[-1])


LIGHT = 0.7  # a ruled line's grey is lighter than this (0 black, 1 white) in every channel


@pytest.mark.parametrize("name", HANDOUTS)
def test_ruled_lines_are_light_hairlines(deck, name):
    """Every ruled line is a hairline (0.5 pt or thinner) in a light grey, read from the content stream."""
    pages = rules(deck[name])
    assert all(pages), [len(found) for found in pages]
    for found in pages:
        for _, x0, x1, colour, width in found:
            assert width <= 0.5 and len(colour) == 3 and min(colour) > LIGHT and max(colour) < 0.95, (colour, width)
            assert max(colour) - min(colour) < 0.06  # grey, not a brand colour


def test_one_up_pages_have_the_number_a_notes_label_and_lines(deck):
    """Each 1-up page: "Slide N of 7", the speaker notes under "Speaker notes" set no wider than about 75
    characters a line, "Your notes" above the ruled lines at one height on every page with speaker notes,
    clear of the longest notes' end by 6 to 14 pt and up to a pitch more (it stands on the pages' one grid
    of lines); a page without speaker notes says nothing of them: its "Your notes" stands level with its
    "Slide N of 7" and its lines start right under it, the same lines as the other pages' with more above
    them; the lines at the one pitch of every handout, a useful number of them, down to within a pitch of
    the page's foot."""
    from tagprint.decks.handouts import PITCH
    pdf = pdfium.PdfDocument(deck["handout-1up"])
    gaps, own_tops = [], []
    for i in range(len(pdf)):
        tp = pdf[i].get_textpage()
        text = tp.get_text_range()
        assert f"Slide {i + 1} of 7" in text and text.count("Your notes") == 1
        notes = text.split("Speaker notes", 1)[1].split("Your notes")[0] if "Speaker notes" in text else ""
        lines = [line for line in notes.splitlines() if line.strip() and "of 7" not in line]
        assert all(len(line) <= 76 for line in lines), [len(line) for line in lines]
        own = text.index("Your notes")
        assert "speaker notes for" not in text.lower()
        if "Speaker notes" not in text:  # "Your notes" on the number's line
            number = tp.search(f"Slide {i + 1} of 7").get_next()[0]
            assert abs(tp.get_charbox(own, loose=True)[3] - tp.get_charbox(number, loose=True)[3]) < 0.5
        else:
            own_tops.append(round(tp.get_charbox(own, loose=True)[3], 1))
        if "Speaker notes" in text:  # the notes' last line (its font's box) ends this far above "Your notes"
            start = text.index("Speaker notes") + len("Speaker notes")
            ends = [tp.get_charbox(k, loose=True)[1] for k in range(start, own)
                    if text[k].strip() and tp.get_charbox(k, loose=True)[3] - tp.get_charbox(k, loose=True)[1] > 9]
            gaps.append(round(min(ends) - tp.get_charbox(own, loose=True)[3], 1))
    assert len(own_tops) == 5 and max(own_tops) - min(own_tops) < 0.5, own_tops
    assert len(gaps) == 5 and 6 <= min(gaps) <= 14 + PITCH, gaps
    heights = [[y for y, *_ in found] for found in rules(deck["handout-1up"])]
    fewest = min(heights, key=len)
    assert all(h[-len(fewest):] == pytest.approx(fewest, abs=0.05) for h in heights), [len(h) for h in heights]
    assert sorted({len(h) for h in heights}) == [len(fewest), len(max(heights, key=len))]  # two kinds of page
    for h in heights:
        assert all(abs(b - a - PITCH) < 0.05 for a, b in zip(h, h[1:])), h
    assert 18 <= PITCH <= 24 and len(min(heights, key=len)) >= 10
    assert all(792 - 56 - PITCH < h[-1] <= 792 - 56 + 0.05 for h in heights)  # down to the page's foot


@pytest.mark.parametrize("name", HANDOUTS)
def test_one_label_scheme(deck, name):
    """One label scheme on every handout: printed speaker notes stand under "Speaker notes" (1-up, 2-up:
    the slides with notes), every slide's slot has one "Your notes" and the slots a part-filled 2-up or
    3-up page has no slide for one "More notes" (never a second "Your notes" on the page), each with its
    ruled lines starting under it (the first no more
    than a line's pitch, 24 pt, under the label's letters, and none through them), and no slot is labelled
    plain "Notes"."""
    from tagprint.decks.handouts import spread
    counts = spread(7, PER_PAGE[name])
    with_notes = {1, 2, 3, 4, 5}  # the deck's slides with speaker notes
    pdf = pdfium.PdfDocument(deck[name])
    number = 0
    for i, (found, lines) in enumerate(zip(labels(deck[name]), rules(deck[name]))):
        text = pdf[i].get_textpage().get_text_range()
        assert not re.search(r"(?<!Speaker )(?<!Your )\bNotes\b", text), (name, i + 1)
        slides = [int(w.split()[1]) for w, *_ in found if w.startswith("Slide")]
        number += len(slides)
        spoken = [n for n in slides if n in with_notes] if name in ("handout-1up", "handout-2up") else []
        assert sum(w == "Speaker notes" for w, *_ in found) == len(spoken), (name, i + 1, found)
        own = [(top, bottom) for w, top, bottom in found if w in ("Your notes", "More notes")]
        assert sum(w == "Your notes" for w, *_ in found) == len(slides), (name, i + 1, found)
        more = sum(w == "More notes" for w, *_ in found)
        assert more == (len(slides) < PER_PAGE[name]), (name, i + 1, found)  # one area
        for top, bottom in own:
            assert any(0 < y - bottom <= 24 for y, *_ in lines), (name, i + 1, bottom)
            assert not any(top - 1 < y < bottom + 1 for y, *_ in lines), (name, i + 1, top)
    assert number == 7 and len(pdf) == len(counts)


def assert_one_pitch(slots: list[list[float]]) -> None:
    """Every slot's ruled lines are evenly spaced 18 to 24 pt apart and lie at the same heights: the lines
    of a slot with less text above them (no speaker notes) are the others' with more at the same pitch
    above them, never a set of their own."""
    fewest = min(slots, key=len)
    assert len(fewest) >= 2, slots
    pitch = fewest[1] - fewest[0]
    assert 18 <= pitch <= 24, pitch
    for lines in slots:
        gaps = [b - a for a, b in zip(lines, lines[1:])]
        assert all(abs(g - pitch) < 0.05 for g in gaps), (pitch, gaps)
        assert lines[-len(fewest):] == pytest.approx(fewest, abs=0.05), (lines, fewest)


def slot_rules(path: Path, lead: float) -> list[list[list[float]]]:
    """Per page, per slide on it (top to bottom), the heights of the ruled lines below its "Slide N of 7"
    and above the next slot (which starts `lead` pt above its number), relative to the number's top."""
    pdf = pdfium.PdfDocument(path)
    out = []
    for i, found in enumerate(rules(path)):
        tp = pdf[i].get_textpage()
        height = pdf[i].get_size()[1]
        tops = sorted(height - tp.get_charbox(tp.search(f"Slide {n} of 7").get_next()[0])[3]
                      for n in re.findall(r"Slide (\d+) of 7", tp.get_text_range()))
        ends = [b - lead for b in tops[1:]] + [height - 40]
        out.append([[round(y - top, 2) for y, *_ in found if top <= y < end] for top, end in zip(tops, ends)])
    return out


def test_the_slides_fill_one_fixed_grid(deck):
    """Every page uses the same slots (a slide's frame and its number at the same place on each page, a
    page with fewer slides filling the first slots; 3-up slots at least a 217 pt frame and 16 to 40 pt apart,
    sharing the page's depth, A4's too: the last slot's lines end within a pitch of the footer line), and
    every slot of a full 2-up or 3-up page has the same ruled lines at the same heights relative to its
    number (1-up: under each slide's own notes, see above; 2-up: its one column beside the slide, the
    same lines run on under a slide without speaker notes), at least five beside a 2-up slide; a page with
    fewer slides keeps the frames' size and gives each slot at least as many lines."""
    from tagprint.decks.handouts import PITCH, spread
    for name in HANDOUTS:
        pdf = pdfium.PdfDocument(deck[name])
        per = PER_PAGE[name]
        counts = spread(7, per)
        slots, partial = [], []
        for i in range(len(pdf)):
            tp = pdf[i].get_textpage()
            tops = [round(pdf[i].get_size()[1] - tp.get_charbox(tp.search(f"Slide {n} of 7").get_next()[0])[3])
                    for n in re.findall(r"Slide (\d+) of 7", tp.get_text_range())]
            (slots if counts[i] == per else partial).append(tops)
        assert all(tops == slots[0] for tops in slots), (name, slots)
        assert all(tops == slots[0][:len(tops)] for tops in partial), (name, partial)  # the same slots, in order
        if per == 3:
            assert all(217 + 16 <= b - a <= 231 + 40 for a, b in zip(slots[0], slots[0][1:])), (name, slots)
            last = max(y for y, *_ in rules(deck[name])[0])
            assert 0 <= pdf[0].get_size()[1] - 56 - last < PITCH, (name, last)
        # 2-, 3-up: the number beside the frame's top; 2-up: the slot's one ruled column (see test_handout_slots)
        by_slot = slot_rules(deck[name], 60 if per == 1 else 10)
        full = [lines for page, n in zip(by_slot, counts) if n == per for lines in page]
        if per > 1:
            assert_one_pitch(full)
        fewest = len(min(full, key=len))
        assert fewest >= {1: 10, 2: 5, 3: 8}[per], (name, full)
        if per == 2:  # and five beside the slide (above its frame's foot, 220.5 pt under its number's top)
            assert min(sum(y < 220.5 for y in lines) for lines in full) >= 5, (name, full)
        # (2-up: a part-filled page's last slide has its column down to its frame's foot, and the "More
        # notes" area, across the page, under it)
        assert all(len(lines) >= fewest for page, n in zip(by_slot, counts) if n < per for lines in page)


@pytest.mark.parametrize("name, paper, edge", [("handout-3up", (612, 792), 40), ("handout-3up-a4", (595, 842), 40)])
def test_three_up_slides_share_the_page_depth(deck, name, paper, edge):
    """A 3-up page's slides take the paper's depth: each frame (its width read from where the notes
    column's ruled lines start, 18 pt to its right, the page's side margin to its left) 387 pt wide or
    more, the gaps between the frames even and 16 to 40 pt (A4, 50 pt deeper than letter, gives them its
    spare depth; the slot pitch, read from the "Slide N of 7" tops, less the frame's height); each slot's
    ruled lines end at or above its frame's foot (none in the gaps), and the lines run to the right margin,
    where the footer's page number ends too."""
    pdf = pdfium.PdfDocument(deck[name])
    tp = pdf[0].get_textpage()
    tops = [paper[1] - tp.get_charbox(tp.search(f"Slide {n} of 7").get_next()[0])[3] for n in (1, 2, 3)]
    found = rules(deck[name])[0]
    x0, x1 = found[0][1], found[0][2]
    width = x0 - 18 - edge
    height = width * 540 / 960
    assert width >= 387 and abs(x1 - (paper[0] - edge)) < 0.05, (x0, x1)
    gaps = [b - a - height for a, b in zip(tops, tops[1:])]
    assert abs(gaps[0] - gaps[1]) < 0.5 and all(16 <= g <= 40 for g in gaps), gaps
    for top in tops:  # the number's capitals stand level with the frame's top (within 0.5 pt)
        mine = [y for y, *_ in found if top - 1 <= y <= top + height + 1]
        assert mine and max(mine) <= top + height + 0.5, (top, mine)
    assert not [y for y, *_ in found if any(t + height + 0.5 < y < u - 0.5 for t, u in zip(tops, tops[1:]))]
    page_number = tp.search("Page 1 of 3").get_next()
    right = max(tp.get_charbox(k)[2] for k in range(page_number[0], page_number[0] + page_number[1]))
    assert abs(right - (paper[0] - edge)) < 1, right


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


@pytest.mark.parametrize("title", ["Safety", "Important Safety Information"])
def test_a_body_too_long_for_its_slide_continues_on_the_next(project, title):
    """The continued slide says what it continues ("Important Safety Information (continued)"), also when
    the safety information shows no title of its own (the slide's title says it)."""
    paragraph = "The safety information is long and is set at the body's size on the slide, as every body. " * 6
    project.layout(LONG_DECK.replace("  - title: Safety\n", f"  - title: {title}\n"))
    project.content("safety:\n  - type: safety\n    blocks:\n" + "".join(
        f"      - type: paragraph\n        style: safety\n        text: \"{paragraph.strip()} {k}\"\n"
        for k in range(5)))
    built = project.build()
    pdf = pdfium.PdfDocument(built.data)
    assert len(pdf) >= 3  # the title slide, the safety slide and at least one more
    for i in range(1, len(pdf)):
        text = pdf[i].get_textpage().get_text_range()
        assert f"Slide {i + 1} of {len(pdf)}" in text
    last = " ".join(pdf[len(pdf) - 1].get_textpage().get_text_range().split())
    assert "Important Safety Information (continued)" in last and "4" in last
    data_pages = text_sizes_from_bytes(built.data)
    body = [size for chars in data_pages[1:] for _, size in chars]
    assert min(body) >= 12 - 0.05 and body.count(theme_size("slide_safety")) > len(body) / 2


def text_sizes_from_bytes(data: bytes) -> list[list[tuple[str, float]]]:
    import tempfile
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        return text_sizes(Path(f.name))


def headings_of(data: bytes) -> list[tuple[str, str]]:
    """The heading elements of a PDF's structure tree and their text, in order (read with pikepdf and
    PDFium: the marked content each heading claims)."""
    import io
    found: list[tuple[str, str]] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        def walk(node):
            if isinstance(node, pikepdf.Dictionary):
                if str(node.get("/S", "")).startswith("/H"):
                    found.append((str(node.S), str(node.get("/T", ""))))
                kids = node.get("/K")
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                    walk(kid)
        walk(pdf.Root.StructTreeRoot)
    return found


@pytest.mark.parametrize("title, h3", [("Safety", 1), ("Important Safety Information", 0),
                                       ("important safety information ", 0)])
def test_the_safety_title_is_said_once(project, title, h3):
    """Safety information under a slide title that says the same has no heading of its own; under another
    title ("Safety") it keeps its own, one level below."""
    project.layout(LONG_DECK.replace("  - title: Safety\n", f"  - title: \"{title}\"\n"))
    project.content("safety:\n  - type: safety\n    blocks:\n      - type: paragraph\n        text: Short.\n")
    built = project.build()
    tags = [tag for tag, _ in headings_of(built.data)]
    assert tags.count("/H3") == h3 and tags.count("/H2") == 1, tags
    text = " ".join(pdfium.PdfDocument(built.data)[1].get_textpage().get_text_range().split())
    assert text.lower().count("important safety information") == 1, text


def test_a_short_list_is_spread_over_the_body(deck):
    """On every slide of bullets or references (not the title or safety slides), the items are spaced
    apart evenly (the step from an item's last line to the next item's first is one height on the slide,
    within 0.6 pt, and 12 pt or more over the style's leading: unspread, a list's items stand 7 pt apart), and the text block reaches at least 75 %
    of the body area's depth, from its top line to FIGURE_BOTTOM (pdftotext's word boxes): a short list
    is not left bunched at the top of the slide; the last line still ends above FIGURE_BOTTOM."""
    from tagprint.decks.slides import FIGURE_BOTTOM, TOP
    spec = deck_spec()["slides"]
    found = 0
    for n, page in enumerate(words(deck["slides"])):
        slide = spec[n]
        if slide.get("layout") == "title" or "safety" in slide.get("content", []):
            continue
        found += 1
        body = [w for w in page if TOP - 1 <= w[2] and w[4] <= FIGURE_BOTTOM + 2 and w[1] < 520]
        labels = sorted(round(w[4], 1) for w in body if abs(w[1] - 64) < 1 and re.fullmatch(r"•|\d+\.", w[0]))
        lines = sorted({round(w[4], 1) for w in body if w[3] - w[1] > 0 and w[4] - w[2] > 20})  # not superscripts
        assert len(labels) >= 3, (n + 1, labels)
        steps = [start - max(y for y in lines if y < start - 0.5) for start in labels[1:]]
        style = "slide_references" if slide.get("layout") == "references" else "slide_body"
        pitch = float(theme_style(style)["leading"])  # a line's pitch inside an item
        assert max(steps) - min(steps) <= 0.6 and min(steps) >= pitch + 12, (n + 1, steps, pitch)
        bottom = max(w[4] for w in body)
        assert bottom - TOP >= 0.75 * (FIGURE_BOTTOM - TOP) and bottom <= FIGURE_BOTTOM + 0.5, (n + 1, bottom)
    assert found == 5
