"""Right-to-left scripts: which tagprint sets (Arabic, Hebrew) and which it refuses (Syriac, Thaana, N'Ko, …).

Arabic and Hebrew are shaped and reordered line by line (layout/bidi.py) wherever text goes through line
breaking. Other right-to-left scripts need shaping the fonts and code here do not have, and text drawn
inside an illustration is not reordered: such text is refused with its place, like a character no font
has, instead of being drawn with letters unjoined and words reversed.
"""

from __future__ import annotations

import unicodedata

from ..layout.bidi import SUPPORTED_RTL

RIGHT_TO_LEFT = {"R", "AL", "AN", "RLE", "RLO", "RLI"}  # Unicode bidi classes of right-to-left text


def right_to_left(text: str) -> dict[str, str]:
    """The right-to-left scripts in `text`, each with its first few characters as found."""
    found: dict[str, str] = {}
    for ch in text:
        if unicodedata.bidirectional(ch) in RIGHT_TO_LEFT:
            script = unicodedata.name(ch, "RIGHT-TO-LEFT").split()[0].split("-")[0].title()
            if len(found.get(script, "")) < 8:
                found[script] = found.get(script, "") + ch
    return found


def unsupported_right_to_left(text: str) -> dict[str, str]:
    """The right-to-left scripts in `text` that tagprint cannot set (all but Arabic and Hebrew)."""
    return {script: sample for script, sample in right_to_left(text).items() if script not in SUPPORTED_RTL}
