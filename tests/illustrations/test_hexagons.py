"""The hexagons illustration: an inverted triangle of rows, the first rows tiled, the rest jumbled."""

from __future__ import annotations

import math

from tagprint.illustrations.hexagons import HexagonsParams, _separation, layout_hexagons
from illustration_pixels import figures  # noqa: F401 (a fixture)

SEED_ALT = ("An inverted triangular shape consisting of rows of hexagons. The first 4 rows of hexagons fit "
            "perfectly together while the next 3 rows appear jumbled and do not fit together")


def rows_of(tiles, sizes):
    """Splits tiles (components) into rows of the given sizes, top first, checking each row lies wholly
    above the next (by centre)."""
    ordered = sorted(tiles, key=lambda c: c.centre[1])
    rows, start = [], 0
    for n in sizes:
        rows.append(sorted(ordered[start:start + n], key=lambda c: c.centre[0]))
        start += n
    for upper, lower in zip(rows, rows[1:]):
        assert max(c.centre[1] for c in upper) < min(c.centre[1] for c in lower)
    return rows


def test_default_alt_text_is_the_seed_wording(figures):
    assert figures.one("hexagons", height=84, width=165).alt == SEED_ALT


def test_alt_text_follows_the_params(figures):
    splits = [(5, 3, 2), (4, 1, 3), (3, 2, 1), (6, 6, 0), (2, 0, 2)]
    built = figures.build("hexagons", *({"params": {"rows": r, "fitted": f, "jumbled": j}, "height": 80}
                                        for r, f, j in splits))
    start = "An inverted triangular shape consisting of rows of hexagons. "
    assert [f.alt for f in built.figures] == [
        start + "The first 3 rows of hexagons fit perfectly together while the next 2 rows appear jumbled "
                "and do not fit together",
        start + "The first row of hexagons fits perfectly together while the next 3 rows appear jumbled "
                "and do not fit together",
        start + "The first 2 rows of hexagons fit perfectly together while the next row appears jumbled "
                "and does not fit together",
        start + "All 6 rows of hexagons fit perfectly together",
        start + "All 2 rows of hexagons appear jumbled and do not fit together",
    ]


def test_default_draws_seven_rows_from_seven_down_to_one(figures):
    fig = figures.one("hexagons", width=300, height=260)
    tiles = figures.components(fig)
    assert len(tiles) == 28
    rows = rows_of(tiles, [7, 6, 5, 4, 3, 2, 1])
    # the triangle points down: each row is narrower and centred under the one above
    for upper, lower in zip(rows, rows[1:]):
        assert upper[0].x0 < lower[0].x0 and upper[-1].x1 > lower[-1].x1
    # the first four rows are teal and the last three orange
    assert {c.nearest() for row in rows[:4] for c in row} == {"secondary"}
    assert {c.nearest() for row in rows[4:] for c in row} == {"accent"}


def test_fitted_rows_tile_and_jumbled_rows_do_not(figures):
    fig = figures.one("hexagons", width=300, height=260)
    rows = rows_of(figures.components(fig), [7, 6, 5, 4, 3, 2, 1])
    fitted, jumbled = [c for row in rows[:4] for c in row], [c for row in rows[4:] for c in row]
    # upright tiles, all alike: a pointy-top hexagon is 2/√3 as tall as it is wide
    for c in fitted:
        assert abs(c.height / c.width - 2 / math.sqrt(3)) < 0.06
        assert abs(c.width - fitted[0].width) <= 2 and abs(c.height - fitted[0].height) <= 2
    # evenly spaced along each row, and each row offset by half a step (a honeycomb)
    step = rows[0][1].centre[0] - rows[0][0].centre[0]
    for row in rows[:4]:
        for a, b in zip(row, row[1:]):
            assert abs(b.centre[0] - a.centre[0] - step) < 1.5
    for upper, lower in zip(rows[:3], rows[1:4]):
        assert abs(lower[0].centre[0] - upper[0].centre[0] - step / 2) < 1.5
        # rows interlock: the next row starts before the one above ends (tiles nest into the gaps)
        assert min(c.y0 for c in lower) < max(c.y1 for c in upper)
    # the jumbled ones are turned: their outlines are not upright hexagons
    turned = [c for c in jumbled if abs(c.height / c.width - 2 / math.sqrt(3)) > 0.06]
    assert len(turned) >= 4


def test_rows_change_the_count(figures):
    built = figures.build("hexagons", {"params": {"rows": 5, "fitted": 3, "jumbled": 2}, "width": 300},
                          {"params": {"rows": 12, "fitted": 6, "jumbled": 6, "jitter": 1}, "width": 300,
                           "height": 260})
    five, twelve = (figures.components(f) for f in built.figures)
    assert len(five) == 15
    rows = rows_of(five, [5, 4, 3, 2, 1])
    assert {c.nearest() for row in rows[3:] for c in row} == {"accent"}
    assert len(twelve) == 78  # 12 + 11 + … + 1, every one separate even jumbled hard
    rows_of(twelve, list(range(12, 0, -1)))


def test_only_rows_given_derives_the_split(figures):
    fig = figures.one("hexagons", {"rows": 9})
    assert "The first 5 rows" in fig.alt and "the next 4 rows" in fig.alt
    assert len(figures.components(fig)) == 45


def test_jumbled_tiles_never_touch_at_any_seed():
    for rows, fitted, jitter, seed in [(9, 3, 1.0, s) for s in range(4)] + [(10, 1, 0.5, 1), (12, 2, 1.0, 2),
                                                                            (7, 4, 0.5, 3), (12, 0, 0.8, 4)]:
        p = HexagonsParams(rows=rows, fitted=fitted, jumbled=rows - fitted, seed=seed, jitter=jitter)
        tiles = layout_hexagons(p, 0.16)
        assert len(tiles) == rows * (rows + 1) // 2
        corners = [t.corners(1) for t in tiles]
        for i in range(len(tiles)):
            for j in range(i):
                if math.dist((tiles[i].x, tiles[i].y), (tiles[j].x, tiles[j].y)) < 2.5:  # else too far to touch
                    assert _separation(corners[i], corners[j]) >= 0.16 - 1e-9


def test_same_params_same_bytes_and_seed_changes_the_jumble(figures):
    a = figures.build("hexagons", {"params": {"seed": 7}}).data
    b = figures.build("hexagons", {"params": {"seed": 7}}).data
    c = figures.build("hexagons", {"params": {"seed": 8}}).data
    assert a == b and a != c


def test_bad_params_name_the_key_and_the_range(figures):
    message = figures.error("hexagons", {"rows": 13, "fitted": 10, "jumbled": 3})
    assert "parameter 'rows' is 13" in message and "use a whole number from 2 to 12" in message
    message = figures.error("hexagons", {"rows": 7, "fitted": 4, "jumbled": 2})
    assert "fitted (4) + jumbled (2) is 6, but rows is 7" in message
    assert "make fitted + jumbled equal rows" in message
    message = figures.error("hexagons", {"fitted": 10, "jumbled": 5})
    assert "makes 15 rows" in message and "from 2 to 12 rows" in message
    message = figures.error("hexagons", {"jitter": 2})
    assert "'jitter' is 2" in message and "use a number from 0.1 to 1" in message
    message = figures.error("hexagons", {"shape": "round"})
    assert "unknown hexagons parameter 'shape'" in message and "jumbled, rows, seed" in message


def test_the_seed_figure_shades_the_honeycomb_once(figures):
    """The seed's hexagons (a card figure, 138.67 × 96 pt): one shading clipped to all the fitted tiles
    (the light falls over the honeycomb as a whole) and one per jumbled tile (each lit on its own), so 7
    shadings of four objects rather than 28; a few hundred path operators and under 2 KB of content."""
    from illustration_pixels import drawing_objects, page_content
    built = figures.build("hexagons", {"width": 138.67, "height": 96})
    content = page_content(built.data)
    assert content.operators["sh"] == 1 + 6
    assert drawing_objects(built.data) <= 4 * 7
    assert content.path_operators <= 300
    assert content.compressed <= 2 * 1024
    assert len(figures.components(built.figures[0])) == 28


def test_clear_is_separation_at_least_the_gap():
    """The quick test the layout uses gives the same answer as `_separation(...) >= gap`, for tiles near
    and far, turned or not."""
    import random
    from tagprint.illustrations.hexagons import _clear, _Tile
    rng = random.Random(5)
    for _ in range(3000):
        gap = rng.choice([0.16, 0.2, 0.5, rng.uniform(0.05, 1.0)])
        a = _Tile(rng.uniform(-1, 1), rng.uniform(-1, 1), rng.choice([0.0, rng.uniform(-0.5, 0.5)]))
        turn, far = rng.uniform(0, 2 * math.pi), rng.uniform(1.5, 3.4)
        b = _Tile(a.x + far * math.cos(turn), a.y + far * math.sin(turn), rng.choice([0.0, rng.uniform(-0.5, 0.5)]))
        assert _clear(a, b, gap) == (_separation(a.corners, b.corners) >= gap)


def test_the_layout_is_worked_out_once_per_params():
    p = HexagonsParams(rows=9, fitted=3, jumbled=6, seed=2, jitter=1.0)
    first = layout_hexagons(p, 0.16)
    assert layout_hexagons(HexagonsParams(rows=9, fitted=3, jumbled=6, seed=2, jitter=1.0, colors=("accent",)),
                           0.16) is first  # colours do not move tiles
    assert layout_hexagons(p, 0.2) != first


def test_jumbled_tiles_keep_a_wider_gap_than_the_honeycombs_gutter():
    """Loose tiles never look as if they touch: up to 9 rows, each jumbled tile stands at least about twice
    the fitted gutter (0.16) from every neighbour, so the scatter is even (not near-misses beside gaps)."""
    for rows, fitted, jitter, seed in [(7, 4, 0.5, 1), (8, 2, 0.9, 3), (9, 3, 1.0, 0), (4, 2, 0.5, 1), (6, 3, 0.7, 5)]:
        p = HexagonsParams(rows=rows, fitted=fitted, jumbled=rows - fitted, seed=seed, jitter=jitter)
        tiles = layout_hexagons(p, 0.16)
        corners = [t.corners(1) for t in tiles]
        gaps = [_separation(corners[i], corners[j]) for i in range(len(tiles)) for j in range(i)
                if (tiles[i].jumbled or tiles[j].jumbled)
                and math.dist((tiles[i].x, tiles[i].y), (tiles[j].x, tiles[j].y)) < 3]
        assert min(gaps) >= 0.3, (rows, fitted, jitter, min(gaps))
