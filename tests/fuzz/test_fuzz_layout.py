"""Near-valid layouts: a valid random layout (templates with fixed regions, columns, decorations;
flows; letter or A4; profiles), then random mutations of its data (boxes and margins with NaN, inf,
negative or huge numbers, wrong types, unknown keys, missing keys, unknown templates, regions and
colours, odd Unicode in the document's title, material id and dates) and sometimes of its YAML text."""

from __future__ import annotations

from hypothesis import example, given, strategies as st

import fuzz_examples as bugs

from fuzz_strategies import dump, mangled_text, mutated, valid_documents
from fuzz_support import Files, fuzz_settings, run_property


@st.composite
def layout_mutants(draw) -> Files:
    layout, content = draw(valid_documents(weird=draw(st.integers(0, 3)) == 3))
    layout = draw(mutated(layout))
    text = dump(layout, flow=draw(st.integers(0, 4)) == 4)
    if draw(st.integers(0, 5)) == 5:
        text = draw(mangled_text(text))
    return Files(text, dump(content))


@fuzz_settings(80)
@given(files=layout_mutants())
@example(files=bugs.UNPRINTABLE_TITLE)
@example(files=bugs.UNPRINTABLE_FOOTER)
@example(files=bugs.NUL_IN_MATERIAL_ID)
@example(files=bugs.EMAIL_OVER_BUDGET)
@example(files=bugs.IMPOSSIBLE_DATE)
@example(files=bugs.FOOTER_WIDER_THAN_THE_PAGE)
@example(files=bugs.LAYOUT_WITHOUT_THEME)
@example(files=bugs.EMPTY_FLOW)
@example(files=bugs.NAN_IN_A_REGION_BOX)
@example(files=bugs.HUGE_DECORATION_BAND)
@example(files=bugs.HUGE_NEGATIVE_PADDING)
def test_mutated_layout_builds_or_is_rejected_cleanly(files):
    run_property(files, "layout")
