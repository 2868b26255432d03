"""Near-valid content files: a valid random document, then a few random mutations of its data (keys
deleted, renamed or added; values of the wrong type, bad numbers, odd Unicode, huge strings, deep
nesting; items duplicated; blocks retyped) and sometimes of its YAML text (duplicate keys, YAML tags,
raw control characters, invalid UTF-8, truncation). The layout stays valid, so most examples get past
the schema into validation, layout, drawing and finishing."""

from __future__ import annotations

from hypothesis import example, given, strategies as st

import fuzz_examples as bugs

from fuzz_strategies import dump, mangled_text, mutated, valid_documents
from fuzz_support import Files, fuzz_settings, run_property


@st.composite
def content_mutants(draw) -> Files:
    layout, content = draw(valid_documents(weird=draw(st.integers(0, 2)) == 2))
    content = draw(mutated(content))
    text = dump(content, flow=draw(st.integers(0, 4)) == 4)
    if draw(st.integers(0, 5)) == 5:
        text = draw(mangled_text(text))
    return Files(dump(layout), text)


@fuzz_settings(100)
@given(files=content_mutants())
@example(files=bugs.EMPTY_CALL_TO_ACTION)
@example(files=bugs.EMPTY_REFERENCES_TITLE)
@example(files=bugs.EMPTY_SAFETY_TITLE)
@example(files=bugs.SPACE_RUN_BEFORE_SPAN)
@example(files=bugs.LINK_WITH_A_SPACE_AS_LABEL)
@example(files=bugs.SPECTRUM_UNKNOWN_COLOUR)
@example(files=bugs.DOTS_CLUSTERS_DO_NOT_FIT)
@example(files=bugs.SPECTRUM_LABEL_WITHOUT_GLYPH)
@example(files=bugs.REPLACEMENT_CHARACTER_IN_TEXT)
@example(files=bugs.NUL_IN_TEXT)
@example(files=bugs.ITALIC_ARABIC)
@example(files=bugs.EMOJI_IN_TEXT)
@example(files=bugs.NOTE_MARKER_TWICE_IN_ONE_CONTENT_ID)
def test_mutated_content_builds_or_is_rejected_cleanly(files):
    run_property(files, "content")
