"""Looks at the seed leave-behind as PDFium renders it."""

from __future__ import annotations

import pypdfium2 as pdfium

PRIMARY = (0x1B, 0x36, 0x5D)  # the theme's brand navy


def _render(path, index, scale=1.0):
    return pdfium.PdfDocument(path)[index].render(scale=scale).to_pil().convert("RGB")


def _close(a, b, tolerance=6):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def test_page_one_has_the_brand_band(seed_pdf):
    img = _render(seed_pdf, 0)
    w, h = img.size
    # the masthead band runs across the top of the page in the brand colour
    for x in (5, w // 2, w - 5):
        assert _close(img.getpixel((x, 5)), PRIMARY)
    # and below it, in the left margin, the page is white paper
    assert _close(img.getpixel((12, int(h * 0.5))), (255, 255, 255), 2)
    pixels = list(img.get_flattened_data()) if hasattr(img, "get_flattened_data") else list(img.getdata())
    share = sum(1 for p in pixels if _close(p, PRIMARY)) / len(pixels)
    assert 0.15 < share < 0.6, share


def test_no_page_is_blank(seed_pdf):
    for index in range(len(pdfium.PdfDocument(seed_pdf))):
        img = _render(seed_pdf, index, 0.5)
        colours = img.getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 200
        non_white = sum(n for n, c in colours if c != (255, 255, 255))
        assert non_white / (img.size[0] * img.size[1]) > 0.05
