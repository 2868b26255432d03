"""Arabic words are measured as they are set: shaped right to left, so a right-to-left line the breaker
fills to the measure is no wider than the measure once set (it used to run up to 10 % wider, out of its
column on the left)."""

from __future__ import annotations

import pytest

from tagprint.fonts import FontStack
from tagprint.layout.text import TextStyle, break_lines, plain_pieces
from tagprint.model import TypeStyle

ARABIC = "خط دعم المرضى: نجيب عن أسئلتكم حول تناول الدواء ومواعيد الفحوصات، من الاثنين إلى الجمعة."


@pytest.mark.parametrize("family", ["Noto Sans Arabic", "DejaVu Sans"])
@pytest.mark.parametrize("width", [120.0, 179.0, 247.0])
def test_every_arabic_line_stays_inside_its_measure(family, width):
    ts = TextStyle(TypeStyle(size=10.5, leading=15), (0, 0, 0), (0, 0, 1), FontStack((family, "DejaVu Sans")))
    lines, too_wide = break_lines(plain_pieces(ARABIC, None, ts), width, ts)
    assert not too_wide and len(lines) >= 2
    for line in lines:
        left = min(f.x for f in line.fragments)
        right = max(f.x + f.width for f in line.fragments)
        assert left >= -0.01 and right <= width + 0.01, (family, width, round(left, 2), round(right, 2))
    # the breaker used the line: the first line is full to within a word
    first = lines[0]
    assert max(f.x + f.width for f in first.fragments) - min(f.x for f in first.fragments) > width * 0.6
