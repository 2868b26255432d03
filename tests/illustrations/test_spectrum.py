"""The spectrum: person icons counted in the render above each end; alt text follows the parameters."""

from __future__ import annotations

from illustration_pixels import figures  # noqa: F401 (a fixture)


def _icons(figures, fig) -> tuple[int, int]:
    """Person icons are the small components above the cylinder: teal ones left, orange ones right.
    An icon's head and body are separate shapes, so heads (smaller) are told from bodies (the widest
    shapes up there) and each icon is counted once, by its body."""
    width = fig.image.width
    comps = figures.components(fig)
    cylinder = max(comps, key=lambda c: c.width)  # the widest shape; the icons stand above it
    top = cylinder.centre[1] - cylinder.height / 2
    above = [c for c in comps if c.centre[1] < top]
    widest = max(c.width for c in above)
    bodies = [c for c in above if c.width >= 0.8 * widest]  # a body is half again as wide as a head
    left = sum(1 for c in bodies if c.centre[0] < width * 0.5 and c.nearest() == "secondary")
    right = sum(1 for c in bodies if c.centre[0] > width * 0.6 and c.nearest() == "accent")
    return left, right


def test_default_is_13_and_3_with_a_plain_alt_text_naming_no_disease(figures):
    fig = figures.one("spectrum", width=300, height=170)
    assert _icons(figures, fig) == (13, 3)
    assert fig.alt == (
        'A horizontal cylindrical shape represents a spectrum. On the left of the shape it says "AUTOIMMUNE", '
        'with 13 human-shaped icons above it. On the right of the shape it says "AUTOINFLAMMATORY", with '
        '3 human-shaped icons above it')


def test_changed_counts_are_drawn_and_said(figures):
    fig = figures.one("spectrum", {"left_count": 9, "right_count": 5}, width=300, height=170)
    assert _icons(figures, fig) == (9, 5)
    assert "with 9 human-shaped icons above it" in fig.alt and "with 5 human-shaped icons" in fig.alt
    assert "only" not in fig.alt


def test_labels_are_real_text(figures):
    import pypdfium2 as pdfium
    built = figures.build("spectrum", {"params": {"left_label": "INNATE", "right_label": "ADAPTIVE"}})
    text = pdfium.PdfDocument(built.data)[0].get_textpage().get_text_range()
    assert "INNATE" in text and "ADAPTIVE" in text
    assert '"INNATE"' in built.figures[0].alt
    assert "rheumatoid" not in built.figures[0].alt and "represents a spectrum." in built.figures[0].alt


def test_bad_count_names_the_range(figures):
    message = figures.error("spectrum", {"left_count": 99})
    assert "parameter 'left_count' is 99" in message and "from 0 to 40" in message


def _lab_l_and_chroma(rgb: tuple) -> tuple[float, float]:
    """CIELAB L* and chroma of an 8-bit sRGB pixel (D65), by the textbook formulas."""
    lin = [((c / 255 + 0.055) / 1.055) ** 2.4 if c / 255 > 0.04045 else c / 255 / 12.92 for c in rgb]
    x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047
    y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883
    fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z))
    a, b = 500 * (fx - fy), 200 * (fy - fz)
    return 116 * fy - 16, (a * a + b * b) ** 0.5


def test_the_body_blends_through_a_light_neutral_not_a_muddy_mix(figures):
    """Along the cylinder's middle row: teal at the left, orange at the right, and between them no colour
    darker than the lighter end (teal and orange mixed straight meet in a dark grey-brown, L* ≈ 45); the
    lightest point is a near-neutral in the middle third."""
    fig = figures.one("spectrum", width=300, height=170)
    cylinder = max(figures.components(fig), key=lambda c: c.width)
    y = (cylinder.y0 + cylinder.y1) // 2
    xs = range(cylinder.x0 + cylinder.width // 10, cylinder.x1 - cylinder.width // 6)
    row = [fig.image.convert("RGB").getpixel((x, y)) for x in xs]
    lightness = [_lab_l_and_chroma(p)[0] for p in row]
    ends = min(lightness[0], lightness[-1])
    darkest_between = min(lightness[len(row) // 4: 3 * len(row) // 4])
    assert darkest_between >= ends, (round(darkest_between, 1), round(ends, 1))
    peak = max(range(len(row)), key=lambda i: lightness[i])
    assert len(row) / 3 < peak < 2 * len(row) / 3
    L, chroma = _lab_l_and_chroma(row[peak])
    assert L > 75 and chroma < 12, (round(L, 1), round(chroma, 1))
