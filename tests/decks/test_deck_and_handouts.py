"""The seed deck and its handouts, read back by pypdf + PDFium and checked by pdfua."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest

from readers import reading_text, structure, tree_text

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden"
OUTPUTS = ["slides", "handout-1up", "handout-2up", "handout-3up", "handout-3up-a4"]
NOTES = [
    "If your patient has tried and failed multiple RA treatments",
    "Because there are various interactions and similarities",
    "Understanding which end of the spectrum",
    "Therapies targeting the adaptive immune system",
    "KINERET is a very specific treatment",
]


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> dict[str, Path]:
    from tagprint.commands.cli import main
    out = tmp_path_factory.mktemp("deck")
    assert main(["--root", str(REPO), "--output", str(out), "--force", "build", "kineret-dtt-ra-deck"]) == 0
    return {name: out / f"kineret-dtt-ra-deck-{name}.pdf" for name in OUTPUTS}


@pytest.mark.parametrize("output, golden", [("slides", "deck-slides"), ("handout-3up", "deck-handout-3up")])
def test_tag_tree_golden(deck, output, golden):
    text = tree_text(structure(deck[output])) + "\n"
    path = GOLDEN / f"{golden}.tags.txt"
    if os.environ.get("TAGPRINT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_page_counts_and_sizes(deck):
    expected = {"slides": (7, (960, 540)), "handout-1up": (7, (612, 792)), "handout-2up": (4, (612, 792)),
                "handout-3up": (3, (612, 792)), "handout-3up-a4": (3, (595, 842))}
    for output, (count, size) in expected.items():
        reader = pypdf.PdfReader(deck[output])
        assert len(reader.pages) == count, output
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size, output


def test_each_slide_is_a_section_with_its_own_heading(deck):
    tree = structure(deck["slides"])
    slides = [k for k in tree.kids if not isinstance(k, str)]
    assert [s.role for s in slides] == ["Sect"] * 7
    headings = [next(k for k in s.kids if not isinstance(k, str) and k.role.startswith("H")) for s in slides]
    assert [h.role for h in headings] == ["H1"] + ["H2"] * 6
    assert [h.text().strip() for h in headings][:2] == ["KINERET for difficult-to-treat RA", "RA exists along a spectrum"]


def test_slides_pdf_has_no_speaker_notes(deck):
    text = reading_text(structure(deck["slides"]))
    assert not any(note in text for note in NOTES)


def test_handout_reads_slide_then_its_notes_in_order(deck):
    text = " ".join(reading_text(structure(deck["handout-1up"])).split())
    positions = []
    for title, note in zip(["KINERET for difficult-to-treat RA", "RA exists along a spectrum",
                            "Clues to watch for", "Steroid resistance can be a telling clue", "How KINERET works"],
                           NOTES):
        positions += [text.index(title), text.index(note)]
    assert positions == sorted(positions)
    twoup = " ".join(reading_text(structure(deck["handout-2up"])).split())
    assert all(note in twoup for note in NOTES)


def test_thumbnail_text_is_extractable_and_in_order(deck):
    page = pdfium.PdfDocument(deck["handout-3up"])[0].get_textpage().get_text_range()
    flat = " ".join(page.split())
    order = ["KINERET for difficult-to-treat RA", "RA exists along a spectrum", "Clues to watch for"]
    assert [flat.index(t) for t in order] == sorted(flat.index(t) for t in order)


def test_figures_keep_their_alt_text_in_the_handouts(deck):
    slides = [n.attrs["Alt"] for n in structure(deck["slides"]).walk() if n.role == "Figure"]
    threeup = [n.attrs["Alt"] for n in structure(deck["handout-3up"]).walk() if n.role == "Figure"]
    assert slides == threeup and len(slides) == 5


@pytest.mark.parametrize("output", OUTPUTS)
def test_pdfua_clean(deck, output):
    run = subprocess.run([sys.executable, "-m", "pdfua", "check", str(deck[output])], capture_output=True, text=True)
    assert run.returncode == 0 and "PASS (no findings)" in run.stdout and "[skip" not in run.stdout, run.stdout


def test_thumbnails_land_in_their_frames(deck):
    """The navy title slide fills the first frame of the 3-up page; outside it the paper is white."""
    img = pdfium.PdfDocument(deck["handout-3up"])[0].render(scale=1).to_pil().convert("RGB")
    navy = (0x1B, 0x36, 0x5D)

    def is_navy(p):
        return all(abs(a - b) <= 8 for a, b in zip(p, navy))

    # frame 1: x 40 .. 40 + 532 × 0.45, y 40 + 6 .. + its 16:9 height
    fw = (612 - 80) * 0.45
    x0, y0 = 40, 46
    inside = [img.getpixel((int(x0 + fw * fx), int(y0 + fw * 9 / 16 * fy))) for fx in (0.1, 0.5, 0.9) for fy in (0.1, 0.9)]
    assert sum(is_navy(p) for p in inside) >= 4
    outside = [img.getpixel((int(x), int(y))) for x, y in ((20, 100), (x0 + fw + 5, 40), (300, 10))]
    assert not any(is_navy(p) for p in outside)
    # the ruled lines beside the slide, under its number and "Your notes", are drawn (light hairlines:
    # paler than the text, yet not paper), and they are artifacts (not in the tag tree)
    column = [img.getpixel((450, y))[0] for y in range(85, 200)]
    assert sum(1 for a, b in zip(column, column[1:]) if a >= 250 > b) >= 4 and min(column) > 120


def test_the_footer_is_readable_on_the_dark_title_slide(deck):
    """PDFium renders the title slide: the footer's pixels on the navy band are light (4.5:1 or more
    against the band), and the preflight's contrast check, which reads the page independently of the
    layout, finds nothing on any output."""
    import pypdfium2 as pdfium
    from tagprint.contrast import ratio
    from tagprint.preflight.api import check_file

    pdf = pdfium.PdfDocument(deck["slides"])
    page = pdf[0]
    image = page.render(scale=2).to_pil().convert("RGB")
    w, h = image.size
    strip = image.crop((int(w * 0.03), int(h * 0.93), int(w * 0.35), int(h * 0.97)))
    band = image.getpixel((w // 2, int(h * 0.85)))
    lightest = max((strip.getpixel((x, y)) for x in range(strip.width) for y in range(strip.height)), key=sum)
    assert ratio(tuple(c / 255 for c in lightest), tuple(c / 255 for c in band)) >= 4.5
    for path in deck.values():
        assert not [f for f in check_file(path).findings if f.check == "CONTRAST"], path


def test_each_handout_page_has_one_page_number(deck):
    """The slides on a handout page are drawn without their own footers: PDFium finds one "Page N of M"
    per handout page, and it is the handout's own numbering; on 1-up, where a page's number is its
    slide's, the page says it once, as "Slide N of 7" on its notes line, and the footer no "Page"."""
    import re

    import pypdfium2 as pdfium

    for name, path in deck.items():
        if name == "slides":
            continue
        pdf = pdfium.PdfDocument(path)
        for i in range(len(pdf)):
            text = pdf[i].get_textpage().get_text_range()
            numbers = re.findall(r"Page (\d+) of (\d+)", text)
            if name == "handout-1up":
                assert numbers == [] and re.findall(r"Slide (\d+) of 7", text) == [str(i + 1)], (i + 1, text)
            else:
                assert numbers == [(str(i + 1), str(len(pdf)))], (name, i + 1, numbers)
