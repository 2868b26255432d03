"""The layout's `words:`: overrides of the generated words (tagprint.words), checked against the catalogue."""

from __future__ import annotations

from ..errors import Problem
from ..load.schema_errors import did_you_mean
from ..words import CATALOGUE, Words, placeholders, words_for


def checked_words(spec, lsrc, problems: list[Problem]) -> Words:
    """The layout's `words:` overrides: known keys, with the placeholders of the catalogue's word."""
    good = {}
    for key, text in spec.words.items():
        where = lsrc.where(("words", key))
        if key not in CATALOGUE:
            problems.append(Problem(where, f"no generated word '{key}'", did_you_mean(key, CATALOGUE)))
            continue
        wanted = placeholders(CATALOGUE[key]["en"])
        if placeholders(text) != wanted or not text.strip():
            shown = ", ".join("{%s}" % name for name in sorted(wanted)) or "no placeholders"
            problems.append(Problem(where, f"the word '{key}' is '{text}'; it needs {shown}",
                                    f"write it like the English one: '{CATALOGUE[key]['en']}'"))
            continue
        good[key] = text
    return words_for(spec.document.lang, good)
