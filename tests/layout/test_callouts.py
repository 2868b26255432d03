"""Callouts: the tone is a visible border (a bar at the left, or a rule all round), the fill a theme colour."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import MINIMAL_LAYOUT
from tagprint.commands.cli import main

KINERET = {"accent": (217, 98, 43), "secondary": (0, 115, 119), "tint": (234, 242, 245), "white": (255, 255, 255)}


def _callout(keys: str) -> str:
    return ("body:\n  - type: heading\n    level: 1\n    text: T\n  - type: callout\n" + keys +
            "    blocks:\n      - type: paragraph\n        text: A callout's text, long enough to fill a line or so.\n")


def _pixels(project, keys: str):
    """The page rendered at 2 px per point: the pixels across the callout's middle, from its left edge (the
    region runs from x = 40 to 572) inwards, and one on its top edge."""
    project.layout(MINIMAL_LAYOUT)
    project.content(_callout(keys))
    assert main(["--root", str(project.root)]) == 0
    image = pdfium.PdfDocument(project.root / "output" / "test.pdf")[0].render(scale=2).to_pil().convert("RGB")
    column = [image.getpixel((1141, y)) for y in range(0, 400)]  # near its right edge: nothing but the callout
    rows = [y for y, p in enumerate(column) if p != KINERET["white"]]
    middle = (rows[0] + rows[-1]) // 2
    return [image.getpixel((x, middle)) for x in range(80, 100)], image.getpixel((500, rows[0]))


def _near(a, b, tolerance=6):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


@pytest.mark.parametrize("tone", ["accent", "secondary"])
def test_the_tone_is_a_bar_down_the_left_edge(project, tone):
    across, _ = _pixels(project, f"    tone: {tone}\n")
    assert all(_near(p, KINERET[tone]) for p in across[1:7])      # the 4 pt bar: 8 px
    assert _near(across[12], KINERET["tint"])                     # then the fill


def test_a_box_border_rules_the_edge_and_no_fill_leaves_the_paper(project):
    across, top = _pixels(project, "    tone: secondary\n    border: box\n    fill: null\n")
    assert _near(across[0], KINERET["secondary"]) and _near(top, KINERET["secondary"])
    assert _near(across[8], KINERET["white"])


def test_bad_tone_fill_and_a_callout_not_set_apart_are_problems(project, capsys):
    project.layout(MINIMAL_LAYOUT)
    project.content(_callout("    tone: acent\n    fill: tnt\n"))
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "content/test.yaml:6:5: no colour 'acent' in the theme [body[1].tone] — did you mean 'accent'?" in err, err
    assert "content/test.yaml:7:5: no colour 'tnt' in the theme [body[1].fill] — did you mean 'tint'?" in err, err
    project.content(_callout("    border: none\n    fill: null\n"))
    assert main(["--root", str(project.root)]) == 2
    assert "a callout with no fill and no border is not set apart" in capsys.readouterr().err
