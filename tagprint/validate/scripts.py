"""Scripts tagprint cannot set yet: right-to-left writing (Arabic, Hebrew, Syriac, Thaana, N'Ko, …).

DejaVu Sans has the glyphs, but setting them well needs shaping (Arabic letters join), bidirectional
reordering (words run right to left, numbers left to right) and a text layer kept in logical order with
ActualText. Until that exists such text is refused with its place, like a character no font has, instead
of being drawn with letters unjoined and words reversed.
"""

from __future__ import annotations

import unicodedata

RIGHT_TO_LEFT = {"R", "AL", "AN", "RLE", "RLO", "RLI"}  # Unicode bidi classes of right-to-left text


def right_to_left(text: str) -> dict[str, str]:
    """The right-to-left scripts in `text`, each with its first few characters as found."""
    found: dict[str, str] = {}
    for ch in text:
        if unicodedata.bidirectional(ch) in RIGHT_TO_LEFT:
            script = unicodedata.name(ch, "RIGHT-TO-LEFT").split()[0].title()
            if len(found.get(script, "")) < 8:
                found[script] = found.get(script, "") + ch
    return found
