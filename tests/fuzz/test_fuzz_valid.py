"""Valid random documents: headings in a legal order, inline Markdown, lists, the five illustrations
with random parameters, photos, callouts, cards, safety, references with citations, links, page breaks,
flows across pages and columns, fixed regions, letter and A4. Each builds, or is rejected cleanly (a
fixed region can overflow, a word can be wider than a narrow column)."""

from __future__ import annotations

from hypothesis import example, given

import fuzz_examples as bugs

from fuzz_strategies import valid_projects
from fuzz_support import fuzz_settings, run_property


@fuzz_settings(80)
@given(files=valid_projects())
@example(files=bugs.TEXT_ON_ITS_OWN_COLOUR)
@example(files=bugs.SAFETY_BEFORE_ANY_HEADING)
def test_valid_random_documents_build_or_are_rejected_cleanly(files):
    run_property(files, "valid")


@fuzz_settings(30)
@given(files=valid_projects(weird=True))
@example(files=bugs.UNPRINTABLE_TITLE)
def test_valid_documents_with_odd_unicode_build_or_are_rejected_cleanly(files):
    run_property(files, "valid-weird")
