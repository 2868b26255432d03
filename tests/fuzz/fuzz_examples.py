"""The bugs the fuzz tests found, each as the smallest project that shows it (after Hypothesis shrank it
and a person trimmed it). The property tests run them first, as explicit `@example`s, so a bug that was
found once is checked on every run. Each says what happens and where the fix belongs.

The layout of most of them is the shared minimal layout (tests/conftest.py): one template, one region
`main` on US letter, holding the content id `body`.
"""

from __future__ import annotations

from conftest import MINIMAL_LAYOUT

from fuzz_support import Files

LAYOUT = MINIMAL_LAYOUT


def content(text: str) -> Files:
    return Files(LAYOUT, text)


def layout_with(old: str, new: str, text: str = "body:\n- {type: paragraph, text: Hello.}\n") -> Files:
    assert old in LAYOUT
    return Files(LAYOUT.replace(old, new, 1), text)


# ---- load: YAML ---------------------------------------------------------------------------------------

# 1. A raw control character in a file: yaml.reader.ReaderError escapes load_yaml, which catches only
#    MarkedYAMLError (ReaderError has no marks). Fix: tagprint/load/yaml_source.py load_yaml (catch
#    yaml.YAMLError; ReaderError has .position / .character to give a line).
RAW_CONTROL_CHARACTER = content("body:\n- {type: paragraph, text: \"a\x01\"}\n")

# 2. An explicit YAML tag reaches PyYAML's scalar constructor unguarded in _convert: an unknown tag
#    (!!python/object…, !foo, !!merge, !!value) raises ConstructorError, !!bool of a non-boolean KeyError,
#    !!int / !!float of a non-number ValueError. Fix: tagprint/load/yaml_source.py _convert (report unknown
#    or unconstructible tags as problems at the node's mark; or ignore tags and keep the text).
PYTHON_OBJECT_TAG = content("body: !!python/object:os.system echo\n")
UNKNOWN_LOCAL_TAG = content("body:\n- {type: paragraph, text: !foo a}\n")
BOOL_TAG_ON_TEXT = content("body:\n- {type: paragraph, text: !!bool maybe}\n")
INT_TAG_ON_TEXT = content("body:\n- {type: heading, level: !!int one, text: a}\n")

# 3. Deeply nested flow collections: RecursionError in _convert (recursive per level; ~1000 levels are
#    enough). Fix: tagprint/load/yaml_source.py _convert (iterate, or report nesting deeper than some
#    limit as a problem).
DEEP_NESTING = content("body: " + "[" * 1000 + "]" * 1000 + "\n")

# 4. YAML aliases are expanded into a tree by _convert: 1 kB with 8 levels of nine aliases ("billion
#    laughs") makes 43 million nodes; the build never ends (and eats memory). Fix:
#    tagprint/load/yaml_source.py _convert (convert each node once and share it, or refuse aliases /
#    cap the node count with a problem).
ALIAS_BOMB = content("".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}' if i else 'lol'] * 9)}]\n" for i in range(9)) + "body: *l8\n")

# 5. An empty layout, or one missing any required key (document, theme, templates, pages, document.title…):
#    IndexError in problems_from. load/project.py _parse passes the _ModelAdapter itself as the root
#    type (the isinstance(adapter, TypeAdapter) test is false for it), so _data_path cannot follow the
#    schema and drops the missing key from the path; problems_from then takes path[-1] of (). Fix:
#    tagprint/load/project.py _parse (pass adapter._type) and tagprint/load/schema_errors.py (never index
#    an empty path).
EMPTY_LAYOUT = Files("", "body: []\n")
LAYOUT_WITHOUT_THEME = Files(LAYOUT.replace("theme: kineret\n", ""), "body: []\n")

# 6. A layout that is a plain string: InputError with no problems at all (the command line then prints
#    "0 problem(s)" or even exits 0 without writing anything). problems_from drops every model_type
#    error whose value is a str, taking it for an unused Union[str, Model] branch. Fix:
#    tagprint/load/schema_errors.py problems_from (drop a branch error only when another branch of the
#    same union reported on that place; a root that is not a mapping is always a problem).
STRING_AS_LAYOUT = Files("primary\n", "body: []\n")

# ---- validate ---------------------------------------------------------------------------------------

# 7. A character no font has in the document's title or footer (or material id / date, which are in
#    the footer): the problem says "layouts/test.yaml" with line 0 (no line, no column). _texts in
#    validate/document.py yields Where(document.source, 0, 0, …) for them. Fix:
#    tagprint/validate/document.py _texts / _check_fonts (use layout_source.where(("document", "title"))
#    and the like).
UNPRINTABLE_TITLE = layout_with("title: Test document", 'title: "\\uE000"')
UNPRINTABLE_FOOTER = layout_with("  created:", '  footer: "\\uE000"\n  created:')
NUL_IN_MATERIAL_ID = layout_with("material_id: TEST-0001", 'material_id: "TEST\\0"')

# 8. The email profile over its budget: the problem has line 0. Fix: tagprint/pipeline.py render (and
#    tagprint/profiles/email.py over_budget): give it loaded.layout_source.where(("email_budget_kb",)),
#    or the document line when the key is absent.
EMAIL_OVER_BUDGET = layout_with("theme: kineret", "theme: kineret\nprofiles: [email]\nemail_budget_kb: 10")

# 9. A created date of the right shape but not a date passes the schema pattern \d{4}-\d{2}-\d{2} and
#    then raises ValueError in datetime.strptime while finishing. Fix: tagprint/validate/document.py
#    (parse document.created there and report it), not finish/metadata.py build_date.
IMPOSSIBLE_DATE = layout_with("created: 2026-11-01", "created: 2026-13-45")

# 10. Spectrum colour parameters are never checked against the theme (unlike dots, hexagons, arrows and
#     helix, Spectrum has no check_theme): KeyError while drawing. Fix: tagprint/illustrations/spectrum.py
#     (add check_theme, as the other illustrations have).
SPECTRUM_UNKNOWN_COLOUR = content("body:\n- {type: figure, illustration: spectrum, params: {left_color: nope}}\n")

# 11. A call to action whose text is empty or blank: IndexError (lines[0] of no lines) in the layout.
#     Fix: tagprint/validate/model_builder.py _call_to_action (require text) — and layout/blocks.py _cta.
EMPTY_CALL_TO_ACTION = content(
    "body:\n- {type: call_to_action, text: '', href: 'https://www.example.com/', description: Learn more}\n")

# 12. An empty title of a references or safety block: the title's structure element gets a content slot
#     but nothing is drawn, so check_all_claimed raises UnclaimedContent. Fix:
#     tagprint/validate/model_builder.py _references / _safety (require a title, or no title element when
#     it is empty: tags/from_model.py).
EMPTY_REFERENCES_TITLE = content("body:\n- {type: references, title: '', entries: [A reference.]}\n")
EMPTY_SAFETY_TITLE = content("body:\n- {type: safety, title: '', blocks: [{type: paragraph, text: Risks.}]}\n")

# ---- numbers, layout and pages ---------------------------------------------------------------------

# 13. A run of inline text that is only a space, next to another space (after a link or span whose text
#     ends with a space, or before a span whose text starts with one; or a link whose label is a
#     space): break_lines drops the second of two consecutive space atoms, so that run is never drawn
#     and check_all_claimed raises UnclaimedContent. Fix: tagprint/layout/text.py break_lines (keep
#     every piece: merge consecutive spaces instead of dropping one) or load/inline_markup.py (no
#     whitespace-only runs beside whitespace).
SPACE_RUN_BEFORE_SPAN = content("body:\n- {type: paragraph, text: '*a* [ b]{lang=fr}'}\n")
LINK_WITH_A_SPACE_AS_LABEL = content("body:\n- {type: paragraph, text: 'a [ ](https://www.example.com/) b'}\n")

# 14. A footer (material id + date + footer text) wider than the page: ValueError "too many values to
#     unpack" in _footer, which expects break_lines to give exactly one line. Fix:
#     tagprint/layout/pages.py _footer (report a footer that does not fit as a problem on
#     document.material_id / footer, or validate the footer's width).
FOOTER_WIDER_THAN_THE_PAGE = layout_with("material_id: TEST-0001", "material_id: " + "TEST " * 40)

# 15. A citation range is expanded number by number: {cite}`1-3000000` takes a minute and gigabytes (one
#     "no matching reference" problem per number when they do not exist; `1-30000000` takes the machine). Fix:
#     tagprint/load/inline_markup.py _citation_numbers (cap the range, e.g. to the largest reference
#     number, and report a range that is too long).
HUGE_CITATION_RANGE = content(
    "body:\n- {type: paragraph, text: 'Text.{cite}`1-3000000`'}\n- {type: references, entries: [A reference.]}\n")

# 16. Text whose colour does not contrast with its region's background: the contrast problem (new in
#     layout/contrast.py) has line 0 — Where(document.source, 0, 0, "page N"). Fix:
#     tagprint/layout/contrast.py check_contrast (point at the block's where, or the region's
#     background in the layout).
TEXT_ON_ITS_OWN_COLOUR = layout_with("{box: [40, 40, 532, 700]}", "{box: [40, 40, 532, 700], background: text}")

# 17. A safety block before any heading: its title is tagged H2, so the document's first heading is an
#     H2; validation (_check_headings) does not see the safety title, the new preflight does, and the
#     build ends in VerifyError (an AssertionError, not an InputError). Fix:
#     tagprint/validate/document.py _check_headings (count a safety title as the H2 it becomes), or tag
#     the title by its place in the outline (tags/from_model.py).
SAFETY_BEFORE_ANY_HEADING = content("body:\n- {type: safety, blocks: [{type: paragraph, text: Risks.}]}\n")

# 18. A flow whose content ids hold no blocks makes no pages; pipeline.render then takes pages[0].size
#     (a change made while these tests were written): IndexError. Fix: tagprint/pipeline.py render (a
#     document needs at least one page — report an empty document as a problem, or keep one empty page).
EMPTY_FLOW = Files(LAYOUT.replace("    regions:\n      main: [body]\n", "    flow: [body]\n"), "body: []\n")

# 19. NaN in a region box (or its padding, or the page margins) passes validation — _box compares with
#     <, > and every comparison with NaN is false — and is written into the PDF as `-nan`: "BT 1 0 0 1
#     -nan 742.47 Tm". That is not a PDF number (parsers read it as an unknown operator), yet verify and
#     pikepdf accept the file. Fix: tagprint/validate/document.py _box / _padding (and margins, gutter,
#     decoration boxes and thickness: require finite numbers, e.g. math.isfinite) — or the schema
#     (pydantic's allow_inf_nan=False on the layout's floats).
NAN_IN_A_REGION_BOX = layout_with("[40, 40, 532, 700]", "[.nan, 40, 532, 700]")

# 20. Huge or infinite numbers in a decoration (band, rule, thickness — never checked at all) or in a
#     region's padding reach ReportLab, which refuses them while drawing: ValueError "_fp_one failed in
#     _fp_str … number too large -1e+308". Fix: tagprint/validate/document.py _template (check decoration
#     boxes with _box, thickness > 0 and finite, padding finite and leaving a positive inner box).
HUGE_DECORATION_BAND = layout_with("  plain:\n", "  plain:\n    decorations: [{band: [0, 0, 612, 1.0e+308], color: tint}]\n")
HUGE_NEGATIVE_PADDING = layout_with("{box: [40, 40, 532, 700]}", "{box: [40, 40, 532, 700], padding: [0, 0, 0, -1.0e+308]}")

# ---- draw -------------------------------------------------------------------------------------------

# 21. Dots in clusters that cannot fit the picture box: ValueError "cannot fit 30 dots into a 20 × 20 pt
#     box" from layout_dots while drawing. Fix: tagprint/illustrations/dots.py (layout_dots must always
#     succeed, e.g. by shrinking the dots further or giving up clustering; or the figure's size is
#     checked in the layout stage and reported as a problem).
DOTS_CLUSTERS_DO_NOT_FIT = content(
    "body:\n- {type: figure, illustration: dots, width: 20, height: 20, params: {count: 30, clusters: 2}}\n")

# 22. A spectrum label with a character the theme's first font lacks (α, →, …): the label is drawn in
#     that font alone (no fallback) and is not among the texts whose characters validation checks, so
#     the PDF shows .notdef and the preflight ends the build in VerifyError. Fix:
#     tagprint/illustrations/spectrum.py draw (set the label through the FontStack, with fallback) and
#     Spectrum.parse or validate/document.py _texts (check the labels' characters like other text).
SPECTRUM_LABEL_WITHOUT_GLYPH = content("body:\n- {type: figure, illustration: spectrum, params: {left_label: \"\u03b1\"}}\n")

# 23. U+FFFD (the replacement character) or NUL in text: a fallback font (DejaVu Sans) has a glyph for
#     it, so validation lets it through, but the font's /ToUnicode maps the code to nothing and the
#     preflight ends the build in VerifyError (FONT-UNICODE). Fix: tagprint/validate/document.py
#     _check_fonts / tagprint/fonts.py FontStack.missing (report characters that cannot be extracted as
#     text — NUL, U+FFFD — as problems), or write a /ToUnicode entry for them (tagprint/finish).
REPLACEMENT_CHARACTER_IN_TEXT = content('body:\n- {type: paragraph, text: "a \\uFFFD b"}\n')
NUL_IN_TEXT = content('body:\n- {type: paragraph, text: "a \\0 b"}\n')

# 24. Emphasis (or strong) on a script that only the fallback font's regular face has — Arabic in
#     italics: DejaVu Sans has Arabic, DejaVu Sans Oblique does not. Validation checks characters against
#     the regular faces only (FontStack.missing), the italic text falls back to Atkinson Hyperlegible
#     Italic, which shows .notdef, and the preflight ends the build in VerifyError (FONT-NOTDEF). Fix:
#     tagprint/fonts.py FontStack.missing / segments (check, and fall back to, the face that is used —
#     or set the character in the regular face of a family that has it) and validate/document.py
#     _check_fonts.
ITALIC_ARABIC = content('body:\n- {type: paragraph, text: "*\u0645\u0631\u062d\u0628\u0627*"}\n')

# 25. A character outside the Basic Multilingual Plane that a fallback font has (U+1F600 😀 is in DejaVu
#     Sans): ReportLab writes its /ToUnicode entry as "<01> <1F600>" — five hex digits, not UTF-16BE
#     (<D83DDE00>) — so the text cannot be extracted, and the preflight ends the build in VerifyError
#     (FONT-UNICODE: "the check could not finish: ValueError: non-hexadecimal number found in fromhex()").
#     Fix: tagprint/finish (rewrite the ToUnicode CMaps with surrogate pairs) or, until then,
#     tagprint/fonts.py FontStack.missing (report characters above U+FFFF as problems). The preflight's
#     read_cmap (tagprint/preflight/font_cmaps.py) could also name the bad entry instead of "could not
#     finish".
EMOJI_IN_TEXT = content('body:\n- {type: paragraph, text: "a \\U0001F600 b"}\n')

# 28. Two notes blocks in one content id with the same marker: each list was checked alone, so both
#     Notes got the /ID 'note-body-star' and the preflight ended the build (NOTE-ID). Fix:
#     tagprint/validate/document.py _check_note_markers (markers unique per content id, across blocks).
NOTE_MARKER_TWICE_IN_ONE_CONTENT_ID = content(
    "body:\n- {type: notes, notes: [{marker: '*', text: a}]}\n- {type: notes, notes: [{marker: '*', text: b}]}\n")

# ---- command line -----------------------------------------------------------------------------------

# 26. The archive profile writes to output/archive/MATERIAL_ID/VERSION/NAME.pdf with both taken from the
#     layout unchecked: version "../../../escape" writes the PDF outside output/ (an absolute version
#     anywhere on the disk). Fix: tagprint/validate/document.py (material id and version must be
#     single, safe path segments) and tagprint/profiles/profile.py output_path (check the target is
#     inside output/).
ARCHIVE_VERSION_LEAVES_OUTPUT = Files(
    LAYOUT.replace("theme: kineret", "theme: kineret\nprofiles: [archive]").replace(
        "  created:", "  version: ../../../escape\n  created:"),
    "body:\n- {type: paragraph, text: Hello.}\n")

# 27. One layout, two profiles, one of them bad (email over budget): exit 2 and output/ holds the screen
#     PDF. Resolved as a contract: the README now says a document with problems is not written and the
#     others are (issue #7); the test checks that the failed profile's PDF is absent.
SCREEN_WRITTEN_WHEN_EMAIL_FAILS = layout_with(
    "theme: kineret", "theme: kineret\nprofiles: [screen, email]\nemail_budget_kb: 10")
