"""Text contrast is checked from the layout: what lies behind each text is known without rendering."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_LAYOUT
from tagprint.errors import InputError

BODY = "body:\n  - type: heading\n    level: 1\n    text: Title\n"


def test_light_text_on_white_is_an_error(project):
    project.layout()
    project.content(BODY + "  - type: paragraph\n    style: caption_on_dark\n    text: Pale words\n")
    with pytest.raises(InputError) as caught:
        project.build()
    message = str(caught.value)
    assert "text 'Pale words': #C9D7E8 on #FFFFFF has contrast" in message and "below the 4.5:1 needed" in message


def test_the_same_style_on_its_dark_band_is_fine(project):
    project.layout(MINIMAL_LAYOUT.replace("main: {box: [40, 40, 532, 700]}",
                                          "main: {box: [40, 40, 532, 700], background: primary}"))
    project.content(BODY.replace("text: Title", "style: slide_title\n    text: Title")
                    + "  - type: paragraph\n    style: caption_on_dark\n    text: Pale words\n")
    assert project.build().pages == 1


def test_an_empty_flow_still_makes_its_page(project):
    project.layout(MINIMAL_LAYOUT.replace("    regions:\n      main: [body]", "    flow: [empty]"))
    project.content(BODY + "empty: []\n")
    assert project.build().pages == 1


def test_text_that_overflows_its_band_is_reported_as_overflow_not_as_contrast(project):
    """White text on a dark region that is too small: the problem is the overflow (fix the text or the
    box), not the colours of the theme — the contrast of text set past its box is not judged."""
    project.layout(MINIMAL_LAYOUT.replace("main: {box: [40, 40, 532, 700]}",
                                          "main: {box: [40, 40, 200, 60], background: primary}"))
    words = " ".join(["Pale words that run on"] * 12)
    project.content(BODY.replace("text: Title", "style: slide_title\n    text: Title")
                    + f"  - type: paragraph\n    style: caption_on_dark\n    text: {words}\n")
    with pytest.raises(InputError) as caught:
        project.build()
    messages = [p.message for p in caught.value.problems]
    assert any("needs" in m and "the region holds" in m for m in messages), messages
    assert not any("contrast" in m for m in messages), messages
