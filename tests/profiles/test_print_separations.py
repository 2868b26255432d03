"""The print master separated by Ghostscript (tiffsep), as a printer's RIP would: small text on the black
plate only, brand colours on the plates their recipes name, total ink within the press limit."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from separations import PROCESS, separate, small_dark_chars

OLD = Path(__file__).resolve().parent.parent / "preflight" / "fixtures" / "old-print-master.pdf"
INK_LIMIT = 3.0
BLEED_OFFSET = 18.0   # mark margin: the trim starts 27 pt in, the bleed 18 pt in
TRIM_OFFSET = 27.0


@pytest.fixture(scope="module")
def seed_plates(seed_profiles, tmp_path_factory):
    return separate(seed_profiles["print"], tmp_path_factory.mktemp("plates"))


def _multi_ink_chars(pdf: Path, plates) -> tuple[int, list[str]]:
    """How many small dark characters were looked at, and those that put ink on a C, M or Y plate: more
    ink inside the letter's box than on the background around it. (Text in a tint of black knocks a pale
    panel out, which leaves less ink, not more.)"""
    looked, bad = 0, []
    for page, chars in enumerate(small_dark_chars(pdf)):
        for ch, (x0, y0, x1, y1) in chars:
            looked += 1
            for ink in ("Cyan", "Magenta", "Yellow"):
                letter = plates[page].crop(ink, (x0, y0, x1, y1)).getextrema()[0]   # most ink in the box
                ring = plates[page].crop(ink, (x0 - 3, y0 - 3, x1 + 3, y1 + 3)).histogram()
                around = ring.index(max(ring))   # the background: the commonest value around the letter
                if letter < around - 12:
                    bad.append(f"page {page + 1} {ch!r} on {ink}")
                    break
    return looked, bad


def test_small_dark_text_is_on_the_black_plate_only(seed_profiles, seed_plates):
    looked, bad = _multi_ink_chars(seed_profiles["print"], seed_plates)
    assert looked > 1200, looked   # body text, footers, superscripts, references
    assert bad == []
    page2 = small_dark_chars(seed_profiles["print"])[1]
    ch, box = next((c, b) for c in page2 for c, b in [c] if c == "S")
    assert seed_plates[1].crop("Black", box).getextrema()[0] < 128  # the letters are there, in black


def test_the_old_print_output_had_rich_black_text(tmp_path):
    """The same measurement on the print master made before recipes: its small text is on four plates."""
    looked, bad = _multi_ink_chars(OLD, separate(OLD, tmp_path))
    assert looked > 50 and len(bad) > 0.9 * looked


def test_brand_colours_print_with_their_recipes(seed_plates):
    page1, page2 = seed_plates
    o = TRIM_OFFSET
    height = 792
    # the cover's navy band: the PANTONE 534 C plate alone, solid
    navy = (o + 10, o + height - 10)
    assert page1.ink("PANTONE 534 C", *navy) == pytest.approx(1.0, abs=0.01)
    assert [page1.ink(p, *navy) for p in PROCESS] == [0, 0, 0, 0]
    # the accent rule under the band (accent: C0 M75 Y100 K5), 5 pt tall: 262–267 pt from the top
    accent = (o + 300, o + height - 264.5)
    assert [round(page1.ink(p, *accent) * 100) for p in PROCESS] == [0, 75, 100, 5]
    assert page1.ink("PANTONE 534 C", *accent) == 0
    # page 2's pale panel (tint: C7 M2 Y2 K0)
    tint = (o + 10, o + height - 200)
    assert [round(page2.ink(p, *tint) * 100) for p in PROCESS] == [7, 2, 2, 0]


def test_total_ink_stays_within_the_limit(seed_profiles, seed_plates):
    from PIL import ImageMath

    with pikepdf.open(seed_profiles["print"]) as pdf:
        bleed = [float(v) for v in pdf.pages[0].BleedBox]
    worst = 0.0
    for plates in seed_plates:
        names = sorted(plates.plates)
        assert set(PROCESS) <= set(names)
        crops = [plates.crop(n, bleed) for n in names]  # printer's marks outside the bleed are not counted
        total = ImageMath.lambda_eval(lambda a: sum(255 - a[f"p{i}"] for i in range(len(crops))),
                                      **{f"p{i}": c for i, c in enumerate(crops)})
        worst = max(worst, total.getextrema()[1] / 255)
    assert 2.0 < worst <= INK_LIMIT + 0.02


def test_black_text_overprints_the_pale_panel(seed_profiles, seed_plates):
    """Page 2's body text sits on the tint panel (C7 M2 Y2): the cyan plate runs on under the letters
    (overprint), so a shifted plate shows no white halo."""
    on_tint = 0
    for ch, box in small_dark_chars(seed_profiles["print"])[1]:
        cyan = seed_plates[1].crop("Cyan", box)
        lo, hi = cyan.getextrema()
        if 245 > lo >= 230:       # the panel's 7 % cyan is around the letter
            on_tint += 1
            assert hi - lo <= 3, ch   # and under it: no knockout
    assert on_tint > 100
