"""Bad YAML and random structures: the text of a valid project mangled (duplicate keys, YAML tags such
as !!python/object, raw control characters and NUL, invalid UTF-8, BOM, CRLF, tabs, deep nesting,
anchors, directives, a second document, truncation), and files holding random structures in place of a
layout or content (random mappings, lists and scalars, block-shaped mappings with values of any type)."""

from __future__ import annotations

from hypothesis import example, given, strategies as st

import fuzz_examples as bugs

from fuzz_strategies import dump, mangled_text, random_blocks, random_structures, valid_documents
from fuzz_support import Files, fuzz_settings, run_property


@st.composite
def mangled_projects(draw) -> Files:
    layout, content = draw(valid_documents())
    layout_text, content_text = dump(layout), dump(content, flow=draw(st.booleans()))
    which = draw(st.sampled_from(["content", "content", "layout", "both"]))
    if which in ("layout", "both"):
        layout_text = draw(mangled_text(layout_text, most=3))
    if which in ("content", "both"):
        content_text = draw(mangled_text(content_text, most=3))
    return Files(layout_text, content_text)


@fuzz_settings(80)
@given(files=mangled_projects())
@example(files=bugs.RAW_CONTROL_CHARACTER)
@example(files=bugs.PYTHON_OBJECT_TAG)
@example(files=bugs.UNKNOWN_LOCAL_TAG)
@example(files=bugs.BOOL_TAG_ON_TEXT)
@example(files=bugs.INT_TAG_ON_TEXT)
@example(files=bugs.DEEP_NESTING)
def test_mangled_yaml_text_builds_or_is_rejected_cleanly(files):
    run_property(files, "yaml-text")


@st.composite
def random_projects(draw) -> Files:
    layout, content = draw(valid_documents())
    which = draw(st.sampled_from(["blocks", "blocks", "content", "layout", "section"]))
    if which == "blocks":  # block-shaped mappings with random values, in the first content id
        content[next(iter(content))] = draw(random_blocks())
    elif which == "section":
        content[next(iter(content))] = draw(random_structures())
    elif which == "content":
        content = draw(random_structures())
    else:
        layout = draw(random_structures())
    return Files(dump(layout, flow=draw(st.booleans())), dump(content, flow=draw(st.booleans())))


@fuzz_settings(60)
@given(files=random_projects())
@example(files=bugs.EMPTY_LAYOUT)
@example(files=bugs.STRING_AS_LAYOUT)
def test_random_structures_are_rejected_cleanly(files):
    run_property(files, "random")


# ---- inputs that are small but ask for a lot of work ---------------------------------------------------

QUICK = 3.0  # seconds: a few hundred bytes of YAML must never take longer than this to build or reject
SMALL = 400  # megabytes: … nor need more memory than this


@st.composite
def amplifiers(draw) -> Files:
    """A few hundred bytes that expand: nested aliases, citation ranges, nested flow collections."""
    kind = draw(st.sampled_from(["aliases", "citations", "nesting"]))
    head = "body:\n- {type: heading, level: 1, text: Title}\n"
    if kind == "aliases":
        depth, width = draw(st.integers(1, 4)), draw(st.integers(2, 9))
        lines = [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}' if i else 'x'] * width)}]" for i in range(depth)]
        return Files(bugs.LAYOUT, "\n".join(lines) + f"\n{head}- {{type: paragraph, text: *a{depth - 1}}}\n")
    if kind == "citations":
        end, refs = draw(st.integers(1, 5000)), draw(st.integers(1, 4))
        entries = ", ".join(f"Reference {n}." for n in range(1, refs + 1))
        return Files(bugs.LAYOUT, f"{head}- {{type: paragraph, text: 'Text.{{cite}}`1-{end}`'}}\n"
                                  f"- {{type: references, entries: [{entries}]}}\n")
    depth = draw(st.integers(1, 300))
    return Files(bugs.LAYOUT, f"{head}- {{type: paragraph, text: {'[' * depth}x{']' * depth}}}\n")


@fuzz_settings(15)
@given(files=amplifiers())
@example(files=bugs.ALIAS_BOMB)
@example(files=bugs.HUGE_CITATION_RANGE)
def test_small_inputs_that_expand_are_handled_quickly(files):
    run_property(files, "amplifiers", timeout=QUICK, memory=SMALL)
