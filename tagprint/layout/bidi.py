"""Right-to-left text (Arabic, Hebrew): the Unicode bidirectional algorithm, per line.

Line breaking works on the logical text (the order it is typed and read); each line is then cut into runs
of one embedding level (UAX #9, resolved by python-bidi), each run is shaped by HarfBuzz in its direction
(joining, lam-alef, harakat placed as marks, mirrored brackets), and the runs are put in visual order (rule
L2). The glyphs are drawn in visual order and each maps (ToUnicode) to its logical base letters, so
viewers read the text in logical order with their own bidi; no /ActualText is needed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bidi import algorithm as uax9

RTL_CLASSES = {"R", "AL"}  # strong right-to-left characters
SUPPORTED_RTL = ("Arabic", "Hebrew")  # scripts set right to left; others (Syriac, Thaana, N'Ko, …) are refused


# the blocks of right-to-left scripts (Hebrew to Arabic Extended-A, their presentation forms, and the
# historic scripts beyond the BMP): a quick test that lets left-to-right text skip all of this
_RTL_BLOCKS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]")


def has_rtl(text: str) -> bool:
    """Whether `text` has characters of a right-to-left script (then its lines go through bidi)."""
    return _RTL_BLOCKS.search(text) is not None


def base_is_rtl(text: str) -> bool:
    """The paragraph's direction (UAX #9 P2–P3): that of its first strong character."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in RTL_CLASSES:
            return True
        if kind == "L":
            return False
    return False


def levels(text: str, rtl: bool, spans: Sequence[tuple[int, int, bool]] = ()) -> list[int]:
    """The resolved embedding level of each character of one line (rules up to I2, and L1 for the line's
    trailing white space). `spans` (start, end, right to left) are embedded in their own direction (a
    span's {dir=rtl}), as RLE/LRE … PDF would (X2–X3)."""
    if not text:
        return []
    if spans:
        marked, where = "", []
        bounds = {s: ("\u202b" if r else "\u202a") for s, _, r in spans}
        ends = {e for _, e, _ in spans}
        for i, c in enumerate(text):
            if i in ends:
                marked += "\u202c"
            if i in bounds:
                marked += bounds[i]
            where.append(len(marked))
            marked += c
        if len(text) in ends:
            marked += "\u202c"
        inner = levels(marked, rtl)
        return [inner[j] for j in where]
    storage = uax9.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    uax9.get_embedding_levels(text, storage)
    for index, ch in enumerate(storage["chars"]):
        ch["index"] = index
    uax9.explicit_embed_and_overrides(storage)
    uax9.resolve_weak_types(storage)
    uax9.resolve_neutral_types(storage, False)
    uax9.resolve_implicit_levels(storage, False)
    out = [storage["base_level"]] * len(text)
    for ch in storage["chars"]:
        out[ch["index"]] = ch["level"]
    i = len(text)
    while i > 0 and text[i - 1].isspace():  # L1: trailing white space takes the paragraph's level
        i -= 1
        out[i] = storage["base_level"]
    return out


def visual_runs(run_levels: list[int]) -> list[int]:
    """Rule L2: the order (indices) in which runs of the given levels sit from left to right."""
    order = list(range(len(run_levels)))
    if not run_levels:
        return order
    highest = max(run_levels)
    lowest_odd = min((lv for lv in run_levels if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if run_levels[order[i]] >= level:
                j = i
                while j < len(order) and run_levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order
