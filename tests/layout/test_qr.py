"""QR code layout: the modules as segno makes them, one rectangle per run of dark modules, the caption
centred beside the code."""

from __future__ import annotations

import pytest
import segno

from layout.test_charts import laid, shapes
from tagprint.layout.items import TextLine
from tagprint.layout.qr import qr_commands
from tagprint.model import Chart, QrCode


def test_qr_modules_are_segnos_and_the_caption_stands_centred_beside(project):
    href = "https://www.example.com/pi"
    document, items = laid(project, f"""\
body:
  - type: heading
    level: 1
    text: More
  - type: qr
    href: {href}
    size: 66
    error_correction: Q
    caption: Full prescribing information at www.example.com/pi
""")
    box, calls = shapes(items, QrCode)
    (path,) = [args[0] for name, args, kw in calls if name == "path"]
    expected = [[bool(m) for m in row] for row in segno.make(href, error="q", micro=False).matrix_iter(border=4)]
    n = len(expected)
    grid = [[False] * n for _ in range(n)]
    m = box.box.width / n
    for i in range(0, len(path), 5):  # one rectangle per run of dark modules (y up in the sketch)
        (_, x0, top), (_, x1, _), (_, _, bottom) = path[i], path[i + 1], path[i + 2]
        row = round((box.box.height - top) / m)
        assert round((top - bottom) / m) == 1
        for c in range(round(x0 / m), round(x1 / m)):
            grid[row][c] = True
    assert grid == expected
    caption = [line for line in items if isinstance(line, TextLine) and line.fragments
               and not isinstance(line.fragments[0].tag[0], (Chart, QrCode))
               and "prescribing" in "".join(s.text for f in line.fragments for s in f.segments)]
    assert caption and all(line.x > box.box.x + box.box.width for line in caption)
    middle = (caption[0].baseline - caption[0].fragments[0].size * 0.7 + caption[-1].baseline) / 2
    assert middle == pytest.approx(box.box.y + box.box.height / 2, abs=3)


def test_qr_commands_cover_only_dark_modules():
    modules = ((False, True, True), (True, False, True), (False, False, False))
    assert qr_commands(modules, 3.0) == [
        ("M", 1.0, 0.0), ("L", 3.0, 0.0), ("L", 3.0, 1.0), ("L", 1.0, 1.0), ("Z",),
        ("M", 0.0, 1.0), ("L", 1.0, 1.0), ("L", 1.0, 2.0), ("L", 0.0, 2.0), ("Z",),
        ("M", 2.0, 1.0), ("L", 3.0, 1.0), ("L", 3.0, 2.0), ("L", 2.0, 2.0), ("Z",),
    ]
