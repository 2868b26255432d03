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


def test_the_tube_is_one_smooth_shading_without_steps(figures):
    """The tube is painted by one shading (no stack of strips), and down its height at 300 dpi the colour
    changes in small steps only: no jump between neighbouring pixels that a band's edge would make."""
    from illustration_pixels import page_content
    built = figures.build("spectrum", {"width": 300, "height": 170})
    assert page_content(built.data).operators["sh"] == 1
    import pypdfium2 as pdfium
    page = pdfium.PdfDocument(built.data)[0]
    x0, y0, x1, y1 = built.figures[0].bbox
    scale = 300 / 72
    image = page.render(scale=scale).to_pil().convert("RGB")
    height = page.get_height()
    fig = built.figures[0]
    cylinder = max(figures.components(fig), key=lambda c: c.width)
    # the cylinder's place in the 2x figure render, to the 300 dpi page render
    for across in (0.1, 0.3, 0.5, 0.7, 0.9):
        px = round((x0 + (cylinder.x0 + cylinder.width * across) / 2) * scale)
        top = round((height - y1 + cylinder.y0 / 2) * scale) + 6
        bottom = round((height - y1 + cylinder.y1 / 2) * scale) - 6
        column = [image.getpixel((px, y)) for y in range(top, bottom)]
        assert len(column) > 60
        jumps = [max(abs(a - b) for a, b in zip(p, q)) for p, q in zip(column, column[1:])]
        assert max(jumps) <= 4, (across, max(jumps))


def test_both_ends_of_the_tube_are_drawn_alike(figures):
    """No end face on one side only: the tube's silhouette is the same at its left and right ends (mirrored)."""
    fig = figures.one("spectrum", width=300, height=170)
    cylinder = max(figures.components(fig), key=lambda c: c.width)
    mask = fig.image.convert("L")

    def reach(y: int, from_left: bool) -> int:
        xs = range(cylinder.x0, cylinder.x1 + 1) if from_left else range(cylinder.x1, cylinder.x0 - 1, -1)
        return next(abs(x - (cylinder.x0 if from_left else cylinder.x1)) for x in xs if mask.getpixel((x, y)) < 235)
    for k in range(1, 10):
        y = cylinder.y0 + cylinder.height * k // 10
        assert abs(reach(y, True) - reach(y, False)) <= 1, k
    # and there is no lighter disc drawn on either end: the end's colour is the body's
    middle = (cylinder.y0 + cylinder.y1) // 2
    h = cylinder.height
    for end, way in ((cylinder.x0, 1), (cylinder.x1, -1)):
        near = fig.image.convert("RGB").getpixel((end + way * round(h * 0.25), middle))
        inside = fig.image.convert("RGB").getpixel((end + way * round(h * 0.5), middle))
        assert max(abs(a - b) for a, b in zip(near, inside)) <= 6, (end, near, inside)


def test_rows_of_icons_share_the_count_evenly_and_are_centred(figures):
    """13 icons in two rows are 7 over 6, and each row is centred on the same line (no full row over a short
    one set off to one side)."""
    fig = figures.one("spectrum", width=300, height=170)
    comps = figures.components(fig)
    cylinder = max(comps, key=lambda c: c.width)
    top = cylinder.centre[1] - cylinder.height / 2
    above = [c for c in comps if c.centre[1] < top and c.centre[0] < fig.image.width * 0.5]
    widest = max(c.width for c in above)
    bodies = [c for c in above if c.width >= 0.8 * widest]
    rows: dict[int, list] = {}
    for c in bodies:
        rows.setdefault(round(c.centre[1] / 10), []).append(c)
    assert sorted(len(r) for r in rows.values()) == [6, 7]
    centres = [(min(c.x0 for c in r) + max(c.x1 for c in r)) / 2 for r in rows.values()]
    assert abs(centres[0] - centres[1]) <= 1.5  # pixels at 2x: under 1 pt


def _group_edges(figures, fig) -> tuple[int, int, int, int]:
    """The left group's outer (left) edge, the right group's outer (right) edge, and the tube's two ends,
    in pixels of the 2x render; each group told by its colour."""
    comps = figures.components(fig)
    cylinder = max(comps, key=lambda c: c.width)
    top = cylinder.centre[1] - cylinder.height / 2
    above = [c for c in comps if c.centre[1] < top]
    left = min(c.x0 for c in above if c.nearest() == "secondary")
    right = max(c.x1 for c in above if c.nearest() == "accent")
    return left, right, cylinder.x0, cylinder.x1


def test_each_group_of_icons_is_anchored_to_its_end_of_the_tube(figures):
    """Whatever the counts, the left group starts on one line and the right group ends on one line, each
    as far in from its end of the tube as the other (before, each group was centred in its half, so the left
    group started anywhere from 7 to 40 pt in)."""
    edges = [_group_edges(figures, figures.one("spectrum", params, width=300, height=170))
             for params in ({}, {"left_count": 9, "right_count": 5},
                            {"left_count": 4, "right_count": 12, "left_label": "INNATE", "right_label": "ADAPTIVE"})]
    for left, right, x0, x1 in edges:
        assert abs((left - x0) - (x1 - right)) <= 2, (left, right, x0, x1)  # the same inset at both ends
        assert 0 < left - x0 < 40  # the group sits at the end, not centred in its half
    assert max(e[0] for e in edges) - min(e[0] for e in edges) <= 1
    assert max(e[1] for e in edges) - min(e[1] for e in edges) <= 1
