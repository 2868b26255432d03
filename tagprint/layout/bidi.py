"""Right-to-left text (Arabic, Hebrew): shaping and the Unicode bidirectional algorithm, per line.

Line breaking works on the logical text (the order it is typed and read); each line is then laid out in
visual order (UAX #9, rules L1–L4, per line). Arabic letters are shaped into their contextual forms
(Arabic Presentation Forms, which DejaVu Sans has) by arabic-reshaper; python-bidi resolves the levels.
Every shown character keeps the logical characters it stands for (a cluster), so that drawing can give
each visually ordered run its logical text as /ActualText.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from bidi import algorithm as uax9

RTL_CLASSES = {"R", "AL"}  # strong right-to-left characters
SUPPORTED_RTL = ("Arabic", "Hebrew")  # scripts set right to left; others (Syriac, Thaana, N'Ko, …) are refused


# the blocks of right-to-left scripts (Hebrew to Arabic Extended-A, their presentation forms, and the
# historic scripts beyond the BMP): a quick test that lets left-to-right text skip all of this
_RTL_BLOCKS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")


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


@functools.lru_cache(maxsize=1)
def _reshaper():
    import arabic_reshaper

    # only the lam-alef ligatures, which Arabic requires; vowel marks (harakat) are left out of the drawn
    # glyphs, since without positioning they would sit beside their letters (the text layer keeps them)
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": True, "arabic ligature allah": False})


def shape(text: str) -> list[tuple[str, str]]:
    """`text` as clusters (logical characters, the one character drawn for them), in logical order.

    Arabic letters become their contextual forms (U+FE70–FEFF, U+FB50–FDFF); a lam-alef ligature draws two
    letters as one; a vowel mark that is not drawn joins the cluster of its letter. Other text is one
    cluster per character, drawn as it is."""
    if not _ARABIC.search(text):
        return [(c, c) for c in text]
    shown = _reshaper().reshape(text)
    clusters: list[tuple[str, str]] = []
    pending = ""  # logical characters not drawn (marks) before the first cluster
    j = 0
    for ch in shown:
        base = unicodedata.normalize("NFKC", ch) if _presentation_form(ch) else ch
        while j < len(text) and text[j : j + len(base)] != base:
            if clusters:
                logical, drawn = clusters[-1]
                clusters[-1] = (logical + text[j], drawn)
            else:
                pending += text[j]
            j += 1
        clusters.append((pending + text[j : j + len(base)], ch))
        pending = ""
        j += len(base)
    if j < len(text):
        if clusters:
            logical, drawn = clusters[-1]
            clusters[-1] = (logical + text[j:], drawn)
        else:
            clusters.append((pending + text[j:], ""))
    return clusters


def _presentation_form(ch: str) -> bool:
    return "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"


def shaped(text: str) -> str:
    """The characters drawn for `text`, still in logical order."""
    if not _ARABIC.search(text):
        return text
    return "".join(drawn for _, drawn in shape(text))


@dataclass(frozen=True)
class Placed:
    """One cluster of a line in visual order: which logical cluster it is and the character drawn
    (mirrored where a bracket runs right to left)."""

    index: int
    drawn: str


def visual_order(drawn: list[str], rtl: bool) -> list[Placed]:
    """The clusters of one line (one drawn character each, logical order) from left to right, by the
    Unicode bidirectional algorithm with the paragraph direction given (`rtl`)."""
    storage = uax9.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    text = "".join(d or "\u200b" for d in drawn)  # an undrawn cluster still needs a place
    uax9.get_embedding_levels(text, storage)
    for index, ch in enumerate(storage["chars"]):
        ch["index"] = index
    uax9.explicit_embed_and_overrides(storage)
    uax9.resolve_weak_types(storage)
    uax9.resolve_neutral_types(storage, False)
    uax9.resolve_implicit_levels(storage, False)
    uax9.reorder_resolved_levels(storage, False)
    uax9.apply_mirroring(storage, False)
    placed = [Placed(ch["index"], ch["ch"] if drawn[ch["index"]] else "") for ch in storage["chars"]]
    kept = {p.index for p in placed}
    for index in range(len(drawn)):  # characters the algorithm removes (X9: embedding controls, BN)
        if index not in kept:
            after = next((k for k, p in enumerate(placed) if p.index == index - 1), -1)
            placed.insert(after + 1, Placed(index, drawn[index]))
    return placed
