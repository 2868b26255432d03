"""Hypothesis strategies for tagprint projects.

`valid_projects()` draws whole documents that should build: random headings (in a legal order),
paragraphs with inline Markdown (strong, emphasis, links, citations, language spans), nested lists,
figures (the five illustrations with random parameters, or the two photos), callouts, cards, safety
information, calls to action, references, spacers, page breaks, flows over one or two columns and
fixed regions, on US letter or A4, in one or several profiles.

`mutated()` takes such a document (as plain data) and breaks it a little: a key deleted, renamed or
added, a value swapped for one of the wrong type or a bad number or odd Unicode, an item duplicated,
a block retyped. `mangled_text()` breaks the YAML text itself: duplicate keys, YAML tags such as
`!!python/object`, raw control characters, invalid UTF-8, deep nesting, truncation, BOM, CRLF, tabs.
Most examples are therefore *near-valid*: they get past the schema and exercise validation, layout,
line breaking, flows, drawing and finishing.
"""

from __future__ import annotations

import copy
import functools
import math
import random
import typing
from typing import Any

import yaml
from hypothesis import strategies as st

from fuzz_support import Files
from tagprint.load import schema

# ---- what the repository's theme and images offer ----------------------------------------------

COLORS = ["primary", "primary_dark", "secondary", "accent", "accent_text", "tint", "tint_warm", "text", "muted",
          "white", "on_primary_muted"]
STYLES = ["kicker", "title", "subtitle", "lead", "h2", "h3", "body", "card", "caption", "caption_on_dark", "cta",
          "small", "footer", "safety_title", "safety"]
IMAGES = ["couple-walking.jpg", "megan-outdoors.jpg"]
ILLUSTRATIONS = ["spectrum", "dots", "hexagons", "arrows", "helix"]
BLOCK_TYPES = list(schema.BLOCK_TYPES)  # from the registry: a new block type is fuzzed without an edit here
PROFILES = ["screen", "print", "email", "archive"]
PAGE_SIZES = {"letter": (612.0, 792.0), "a4": (595.0, 842.0)}
LANGS = ["en-US", "en-GB", "en", "fr", "de-CH", "es-419", "ar", "he-IL", "ja", "zh-Hans", "sr-Latn-RS"]

WORDS = ("patients with rheumatoid arthritis may have symptoms that persist despite treatment the "
         "spectrum of disease runs from autoimmune to autoinflammatory interleukin blockade reduces "
         "flares fever rash and fatigue talk to your doctor about what matters most difficult to treat "
         "response remission biologic therapy injection daily weekly study results safety").split()

# odd Unicode: combining marks, right-to-left text and controls, emoji sequences, scripts the fonts lack,
# controls and NUL, separators, non-characters, private use, lone surrogates (YAML escapes them)
WEIRD = [
    "e\u0301", "a\u0308\u0308\u0308\u0308", "\u0301", "Z\u0351\u0352\u0353\u0354\u0355\u0356",
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u202eevil\u202c", "\u200f", "\u061c",
    "\U0001F600", "\U0001F469\u200d\u2695\ufe0f", "\U0001F1EB\U0001F1F7", "\U0001F44D\U0001F3FD", "\U0001F9EC",
    "\u2764\ufe0f", "\u6f22\u5b57", "\ud55c\uad6d\uc5b4", "\u0939\u093f\u0928\u094d\u0926\u0940",
    "\u0e20\u0e32\u0e29\u0e32", "\u03b1\u03b2\u03b3", "\u0416\u0436", "\u2192", "\u2211", "\U0001D400",
    "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\t", "\n", "\r", "\u2028", "\u2029", "\ufeff",
    "\u00ad", "\u200b", "\u200d", "\u00a0", "\u3000", "\ufffd", "\uffff", "\ufffe", "\ue000", "\U0010ffff",
    "\ud800", "\udfff", "\udc80",
    "*", "**", "_", "[", "]", "(", ")", "{", "}", "`", "\\", "<b>", "&amp;", "&#0;", "# ", "- ", ": ", "%", "|",
    "'", '"', "{cite}", "{cite}`", "{cite}`x`", "{cite}`0`", "{cite}`3-1`", "{ref}`a`", "![i](x.png)",
    "<https://example.com>", "[x]{lang=}", "[x]{lang=zz-notalang-123456789}", "[x]{.cls}",
]
# (right-to-left text is refused until it can be set: tagprint/validate/scripts.py)
SAFE_WEIRD = ["e\u0301", "\u0391\u03b8\u03ae\u03bd\u03b1", "\u03b1\u03b2\u03b3", "\u2192", "\u00a0", "\u00ad",
              "na\u00efve", "\u0416\u0436", "caf\u00e9", "\u2013", "\u00ae", "\u2122"]


def one_of_weighted(*pairs: tuple[int, st.SearchStrategy]) -> st.SearchStrategy:
    """one_of with weights; the first strategy is what shrinking prefers."""
    return st.one_of([s for weight, s in pairs for _ in range(weight)])


@functools.lru_cache(maxsize=None)
def long_word() -> st.SearchStrategy[str]:
    return st.builds(lambda w, n: w * n, st.sampled_from(["x", "abc", "\u00e9", "W", "\u6f22"]),
                     st.integers(20, 1500))


@functools.lru_cache(maxsize=None)
def huge_text() -> st.SearchStrategy[str]:
    """Many words (tens of thousands of characters): line breaking and flows over many pages."""
    return st.builds(lambda w, n: " ".join([w] * n), st.sampled_from(["word", "lorem ipsum", "\u0416\u0436"]),
                     st.integers(200, 6000))


word = st.sampled_from(WORDS)
weird_piece = one_of_weighted((8, st.sampled_from(WEIRD)), (1, long_word()), (1, st.text(min_size=1, max_size=8)))
safe_piece = st.sampled_from(SAFE_WEIRD)


def _weave(count: int, seed: int, specials: list[str]) -> str:
    """`count` words picked by `seed` (one draw instead of one per word), with the special pieces inserted."""
    rng = random.Random(seed)
    words = [rng.choice(WORDS) for _ in range(count)]
    for piece in specials:
        words.insert(rng.randrange(len(words) + 1), piece)
    return " ".join(words)


@functools.lru_cache(maxsize=None)
def plain_text(min_words: int = 1, max_words: int = 8, weird: bool = False) -> st.SearchStrategy[str]:
    piece = weird_piece if weird else safe_piece
    return st.builds(_weave, st.integers(min_words, max_words), st.integers(0, 2**16),
                     st.lists(piece, max_size=2 if weird else 1)).filter(str.strip)


@functools.lru_cache(maxsize=None)
def cite(refs: int) -> st.SearchStrategy[str]:
    n = st.integers(1, refs)
    return st.one_of(
        n.map(lambda a: f"{{cite}}`{a}`"),
        st.tuples(n, n).map(lambda ab: f"{{cite}}`{ab[0]},{ab[1]}`"),
        st.tuples(n, n).map(lambda ab: f"{{cite}}`{min(ab)}-{max(ab)}`"),
    )


href = st.sampled_from(["https://www.example.com/", "https://example.org/a/b?c=d#e", "http://example.net",
                        "mailto:someone@example.com", "https://xn--bcher-kva.example/\u00fcber"])
link_title = st.one_of(st.just(""), plain_text(1, 5).map(lambda t: f' "{t}"'))


@functools.lru_cache(maxsize=None)
def inline_text(refs: int, min_words: int = 1, max_words: int = 30, weird: bool = False) -> st.SearchStrategy[str]:
    """Words with a few pieces of inline Markdown woven in: strong, emphasis, links, language spans,
    citations (of references 1…`refs`), odd characters."""
    short = plain_text(1, 3, weird)
    parts = [
        (2, short.map(lambda t: f"**{t}**")),
        (2, short.map(lambda t: f"*{t}*")),
        (2, st.tuples(short, href, link_title).map(lambda t: f"[{t[0]}]({t[1]}{t[2]})")),
        (1, st.tuples(short, st.sampled_from(LANGS)).map(lambda t: f"[{t[0]}]{{lang={t[1]}}}")),
        (1, weird_piece if weird else safe_piece),
    ]
    if refs:
        parts.insert(0, (3, st.tuples(word, cite(refs)).map("".join)))
    special = one_of_weighted(*parts)
    return st.builds(_weave, st.integers(min_words, max_words), st.integers(0, 2**16),
                     st.lists(special, max_size=3)).filter(str.strip)


# ---- blocks --------------------------------------------------------------------------------------

color_names = st.sampled_from(COLORS)


@functools.lru_cache(maxsize=None)
def color_list(most: int) -> st.SearchStrategy[list[str]]:
    dark = st.sampled_from(["primary", "secondary", "accent", "accent_text", "primary_dark", "muted", "text"])
    return st.lists(dark, min_size=1, max_size=most)


@functools.lru_cache(maxsize=None)
def illustration_params(kind: str) -> st.SearchStrategy[dict]:
    def some(**fields: st.SearchStrategy) -> st.SearchStrategy[dict]:
        return st.fixed_dictionaries({}, optional=fields)

    if kind == "spectrum":
        return some(left_count=st.integers(0, 40), right_count=st.integers(0, 40),
                    left_label=plain_text(1, 2).map(str.upper), right_label=plain_text(1, 2).map(str.upper),
                    left_color=st.sampled_from(["secondary", "primary", "accent"]),
                    right_color=st.sampled_from(["accent", "secondary", "primary"]))
    if kind == "dots":
        return st.integers(1, 120).flatmap(lambda count: some(
            count=st.just(count), seed=st.integers(0, 999_999_999), clusters=st.integers(0, min(8, count)),
            colors=color_list(8), radius=st.tuples(st.floats(0.5, 12), st.floats(0.5, 12)).map(sorted)))
    if kind == "hexagons":
        return st.integers(2, 12).flatmap(lambda rows: st.integers(0, rows).flatmap(lambda fitted: some(
            rows=st.just(rows), fitted=st.just(fitted), jumbled=st.just(rows - fitted),
            seed=st.integers(0, 999_999_999), jitter=st.floats(0.1, 1.0), colors=color_list(2))))
    if kind == "arrows":
        return some(count=st.integers(2, 6), twist=st.one_of(st.sampled_from([0.5, 1, 1.5, 2, 3, 4]), st.floats(0.5, 4)),
                    colors=color_list(6), background=st.sampled_from(["white", "tint"]))
    return some(turns=st.one_of(st.integers(1, 6), st.floats(1, 6)), rungs=st.integers(0, 40), colors=color_list(2),
                orientation=st.sampled_from(["vertical", "horizontal"]), background=st.sampled_from(["white", "tint"]))


@st.composite
def figure(draw, refs: int, weird: bool = False, in_card: bool = False) -> dict:
    out: dict[str, Any] = {"type": "figure"}
    if draw(st.integers(0, 4)) == 4:
        out["image"] = draw(st.sampled_from(IMAGES))
        out["alt"] = draw(plain_text(2, 12, weird))
    else:
        kind = draw(st.sampled_from(ILLUSTRATIONS))
        out["illustration"] = kind
        params = draw(illustration_params(kind))
        if params:
            out["params"] = params
        if draw(st.booleans()):
            out["alt"] = draw(plain_text(2, 12, weird))
    if draw(st.integers(0, 5)) == 5:
        out["decorative"] = True
        out.pop("alt", None)
    elif draw(st.booleans()):
        out["caption"] = draw(inline_text(refs, 1, 12, weird))
        if draw(st.booleans()):
            out["caption_position"] = draw(st.sampled_from(["above", "below"]))
    size = st.floats(20, 120 if in_card else 260)
    if draw(st.booleans()):
        out["height"] = round(draw(size), 1)
    if draw(st.integers(0, 3)) == 3:
        out["width"] = round(draw(size), 1)
    if draw(st.integers(0, 3)) == 3:
        out["align"] = draw(st.sampled_from(["left", "center", "right"]))
    return out


@functools.lru_cache(maxsize=None)
def list_items(refs: int, depth: int, weird: bool) -> st.SearchStrategy[list]:
    item = inline_text(refs, 1, 12, weird)
    if depth > 0:
        nested = st.fixed_dictionaries({"text": item}, optional={"items": list_items(refs, depth - 1, weird)})
        item = one_of_weighted((4, item), (1, nested))
    return st.lists(item, min_size=1, max_size=5)


@functools.lru_cache(maxsize=None)
def blocks(refs: int, depth: int = 2, weird: bool = False, max_size: int = 6) -> st.SearchStrategy[list]:
    return st.lists(block(refs, depth, weird), min_size=0, max_size=max_size)


@functools.lru_cache(maxsize=None)
def block(refs: int, depth: int = 2, weird: bool = False) -> st.SearchStrategy[dict]:
    text = inline_text(refs, 1, 40, weird)
    heading = st.fixed_dictionaries(
        {"type": st.just("heading"), "level": st.just(1), "text": inline_text(refs, 1, 8, weird)},
        optional={"keep_with_next": st.booleans()})
    paragraph = st.fixed_dictionaries(
        {"type": st.just("paragraph"), "text": one_of_weighted((20, text), (1, huge_text()))},
        optional={"style": st.sampled_from(["body", "small", "card", "caption", "safety", "h3"]),
                  "keep_with_next": st.booleans()})
    lst = st.fixed_dictionaries({"type": st.just("list"), "items": list_items(refs, 2, weird)},
                                optional={"ordered": st.booleans(), "style": st.sampled_from(["body", "small", "safety"])})
    cta = st.fixed_dictionaries({"type": st.just("call_to_action"), "text": plain_text(1, 4, weird), "href": href,
                                 "description": plain_text(3, 10, weird)})
    spacer = st.fixed_dictionaries({"type": st.just("spacer"), "height": st.floats(1, 120).map(lambda h: round(h, 1))})
    card = st.fixed_dictionaries({"text": inline_text(refs, 1, 15, weird)}, optional={
        "figure": figure(refs, weird, in_card=True)})
    cards = st.fixed_dictionaries({"type": st.just("cards"), "cards": st.lists(card, min_size=1, max_size=4)})
    made: dict[str, tuple[int, st.SearchStrategy]] = {  # type: (weight, strategy), by hand where it pays
        "paragraph": (6, paragraph), "heading": (3, heading), "list": (2, lst), "figure": (2, figure(refs, weird)),
        "call_to_action": (1, cta), "spacer": (1, spacer), "material_id": (1, st.just({"type": "material_id"})),
        "page_break": (1, st.just({"type": "page_break"})), "cards": (1, cards), "table": (1, table(refs, weird)),
        "notes": (1, notes_block(refs, weird)),
    }
    inner = st.lists(block(refs, depth - 1, weird), min_size=1, max_size=3) if depth > 0 else None
    if inner is not None:
        made["callout"] = (1, st.fixed_dictionaries({"type": st.just("callout"), "blocks": inner},
                                                     optional={"tone": st.sampled_from(["accent", "tint", "primary"])}))
        made["safety"] = (1, st.fixed_dictionaries({"type": st.just("safety"), "blocks": inner},
                                                    optional={"title": plain_text(1, 5, weird)}))
    for name in BLOCK_TYPES:  # every other block type of the registry: drawn from its schema spec
        if name not in made and name not in PLACED_APART:
            spec = spec_block(name, refs, weird, inner)
            if spec is not None:
                made[name] = (1, spec)
    return one_of_weighted(*made.values())


PLACED_APART = {"references"}  # the document strategy places the reference list once, matching the citations
INLINE_KEYS = {"text", "attribution", "caption", "source"}  # keys holding inline Markdown


def spec_block(name: str, refs: int, weird: bool, inner: st.SearchStrategy | None) -> st.SearchStrategy | None:
    """A block of type `name` from its schema spec: its required keys, and its optional inline-text keys
    (None: it needs nested blocks and none may be nested here)."""
    spec = next(s for s in typing.get_args(typing.get_args(schema.BlockSpec)[0])
                if typing.get_args(s.model_fields["type"].annotation) == (name,))
    required: dict[str, st.SearchStrategy] = {}
    optional: dict[str, st.SearchStrategy] = {}
    for key, f in spec.model_fields.items():
        tp, text = f.annotation, inline_text(refs, 1, 15, weird) if key in INLINE_KEYS else plain_text(1, 5, weird)
        if typing.get_origin(tp) is typing.Literal:
            value = st.sampled_from(typing.get_args(tp))
        elif key == "href":
            value = href
        elif tp is str:
            value = text
        elif tp is int or tp is float:
            value = st.integers(1, 3)
        elif typing.get_origin(tp) is list and "HeadingSpec" in str(tp):  # nested blocks
            if inner is None and f.is_required():
                return None
            if inner is None:
                continue
            value = inner
        elif f.is_required():
            raise TypeError(f"the fuzz strategies cannot draw {name}.{key} ({tp}): add a strategy for '{name}'")
        else:
            continue
        if f.is_required():
            required[key] = value
        elif key in INLINE_KEYS:
            optional[key] = value
    return st.fixed_dictionaries(required, optional=optional)


@st.composite
def notes_block(draw, refs: int, weird: bool = False) -> dict:
    """Footnotes with no marker in the text (a warning, never an error), here or at the page foot."""
    markers = draw(st.lists(st.sampled_from(["*", "\u2020", "\u2021", "\u00a7", "1", "12"]), min_size=1,
                            max_size=3, unique=True))
    out: dict[str, Any] = {"type": "notes", "notes": [{"marker": m, "text": draw(inline_text(refs, 1, 12, weird))}
                                                      for m in markers]}
    if draw(st.booleans()):
        out["place"] = draw(st.sampled_from(["here", "page_foot"]))
    return out


@st.composite
def table(draw, refs: int, weird: bool = False) -> dict:
    """A valid table: 1–4 columns, header and body rows (sometimes a footer), widths, alignment, notes."""
    columns = draw(st.integers(1, 4))
    head = draw(st.integers(0, 2))
    foot = draw(st.integers(0, 1))
    body = draw(st.integers(1, 14))
    cell = one_of_weighted((6, inline_text(refs, 1, 6, weird)), (1, st.just("")), (1, long_word()))
    rows = [[draw(cell) for _ in range(columns)] for _ in range(head + body + foot)]
    out: dict[str, Any] = {"type": "table", "rows": rows, "header_rows": head, "footer_rows": foot}
    if draw(st.booleans()):
        out["caption"] = draw(inline_text(refs, 1, 10, weird))
    if draw(st.booleans()):
        out["widths"] = [draw(st.floats(0.1, 50).map(lambda w: round(w, 2))) for _ in range(columns)]
    if draw(st.booleans()):
        out["align"] = [draw(st.sampled_from(["left", "center", "right"])) for _ in range(columns)]
    if draw(st.booleans()):
        out["row_headers"] = True
    if draw(st.integers(0, 3)) == 3:
        out["style"] = draw(st.sampled_from(["small", "body", "caption"]))
    return out


@st.composite
def references(draw, refs: int, weird: bool = False) -> dict:
    numbered = draw(st.booleans())
    entries = []
    for i in range(refs):
        text = draw(inline_text(0, 3, 25, weird))
        entries.append({"n": i + 1, "text": text} if numbered else text)
    out: dict[str, Any] = {"type": "references", "entries": entries}
    if draw(st.booleans()):
        out["title"] = draw(plain_text(1, 3, weird))
    return out


content_id = one_of_weighted((8, st.sampled_from(["intro", "body", "more", "refs", "isi", "hero", "cta", "s1", "s2"])),
                             (1, st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1,
                                         max_size=12)))


# ---- layouts -------------------------------------------------------------------------------------

@st.composite
def document_meta(draw, weird: bool = False) -> dict:
    out: dict[str, Any] = {
        "title": draw(plain_text(1, 8, weird)),
        "lang": draw(st.sampled_from(LANGS)),
        "material_id": draw(st.sampled_from(["US-KIN-0001", "TEST-0001", "X"])),
        "date": draw(st.sampled_from(["11/2026", "2026", "Jan 2027"])),
        "created": draw(st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)),
    }
    if draw(st.booleans()):
        out["kicker"] = draw(plain_text(1, 4, weird))
    if draw(st.integers(0, 3)) == 3:
        out["footer"] = draw(plain_text(1, 6, weird))
    if draw(st.integers(0, 3)) == 3:
        out["version"] = draw(st.sampled_from(["1", "1.0", "2.3", "7"]))
    return out


@st.composite
def layout_for(draw, ids: list[str], weird: bool = False) -> dict:
    size = draw(st.sampled_from(["letter", "a4"]))
    width, height = PAGE_SIZES[size]
    margins = draw(st.lists(st.integers(20, 80), min_size=4, max_size=4))
    top, right, bottom, left = margins
    inner_w, inner_h = width - left - right, height - top - bottom
    gutter = draw(st.integers(8, 30))
    col_w = (inner_w - gutter) / 2
    templates: dict[str, Any] = {"plain": {}}
    templates["columns"] = {"regions": {
        "left": {"box": [left, top, col_w, inner_h]},
        "right": {"box": [left + col_w + gutter, top, col_w, inner_h]},
    }}
    band = draw(st.integers(120, 300))
    cover_regions: dict[str, Any] = {
        "masthead": {"box": [left, 20, inner_w * 0.6, band - 30], "valign": draw(st.sampled_from(["top", "middle", "bottom"])),
                     "background": draw(st.sampled_from(["primary", "tint", "white"]))},
        "side": {"box": [left + inner_w * 0.62, 20, inner_w * 0.38, band - 30], "padding": draw(st.integers(0, 12))},
        "main": {"box": [left, band + 10, inner_w, height - band - 10 - bottom], "columns": draw(st.integers(1, 3)),
                 "padding": draw(st.lists(st.integers(0, 16), min_size=4, max_size=4))},
    }
    templates["cover"] = {
        "decorations": [{"band": [0, 0, width, band], "color": "tint"},
                        {"rule": [left, band + 4, inner_w, 0], "color": "secondary",
                         "thickness": draw(st.floats(0.25, 4).map(lambda t: round(t, 2)))}],
        "regions": cover_regions,
    }
    # pages: mostly flows (they grow as needed), sometimes a cover with fixed regions
    pages: list[dict] = []
    rest = list(ids)
    while rest:
        kind = draw(st.sampled_from(["flow", "flow", "flow-columns", "cover"]))
        take = draw(st.integers(1, len(rest)))
        chunk, rest = rest[:take], rest[take:]
        if kind == "cover":
            regions: dict[str, list[str]] = {}
            for cid in chunk:
                regions.setdefault(draw(st.sampled_from(["main", "masthead", "side"])), []).append(cid)
            pages.append({"template": "cover", "regions": regions})
        else:
            pages.append({"template": "plain" if kind == "flow" else "columns", "flow": chunk})
    out: dict[str, Any] = {"document": draw(document_meta(weird)), "theme": "kineret",
                           "page": {"size": size, "margins": margins}, "templates": templates, "pages": pages}
    if draw(st.integers(0, 9)) == 9:
        out["profiles"] = draw(st.lists(st.sampled_from(PROFILES), min_size=1, max_size=3, unique=True))
    if draw(st.integers(0, 9)) == 9:
        out["email_budget_kb"] = draw(st.integers(10, 2000))
    if draw(st.integers(0, 9)) == 9:
        out["content"] = ["content/test.yaml"]
    return out


def reading_order(layout: dict) -> list[str]:
    ids: list[str] = []
    for page in layout.get("pages", []):
        ids.extend(page.get("flow") or [])
        for region_ids in (page.get("regions") or {}).values():
            ids.extend(region_ids)
    return ids


def _headings(blocks: list) -> list[dict]:
    """Headings and safety blocks (whose title is an H2) in reading order."""
    out = []
    for b in blocks:
        if b.get("type") in ("heading", "safety"):
            out.append(b)
        if b.get("type") in ("callout", "safety"):
            out.extend(_headings(b.get("blocks", [])))
    return out


@st.composite
def valid_documents(draw, weird: bool = False) -> tuple[dict, dict]:
    """(layout, content) as plain data; each content id placed once, headings in a legal order (the
    first an H1, none more than one level below the one before; a safety title counts as an H2)."""
    ids = draw(st.lists(content_id, min_size=1, max_size=4, unique=True))
    refs = draw(st.integers(0, 5))
    content: dict[str, list] = {cid: draw(blocks(refs, 2, weird)) for cid in ids}
    if refs:
        content[draw(st.sampled_from(ids))].append(draw(references(refs, weird)))
    layout = draw(layout_for(ids, weird))
    order = reading_order(layout)
    first = next((h for cid in order for h in _headings(content[cid])), None)
    if draw(st.integers(0, 3)) != 3 or (first is not None and first["type"] == "safety"):
        # usually the document opens with its title; an H2 (a safety title) never may
        content[order[0]].insert(0, {"type": "heading", "level": 1, "text": draw(plain_text(1, 6, weird))})
    previous = 0
    for cid in order:
        for heading in _headings(content[cid]):
            if heading["type"] == "safety":
                previous = 2
                continue
            level = 1 if previous == 0 else draw(st.integers(1, min(6, previous + 1)))
            heading["level"] = previous = level
    return layout, content


# ---- YAML text -------------------------------------------------------------------------------------

class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    def ignore_aliases(self, data: Any) -> bool:  # shared objects are written out, not as &anchors
        return True


class _PyDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any, flow: bool = False) -> str:
    options = dict(allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=None if flow else False)
    try:  # libyaml's emitter is fast, but cannot write lone surrogates; PyYAML's escapes them ("\uD800")
        return yaml.dump(data, Dumper=_Dumper, **options)
    except UnicodeEncodeError:
        return yaml.dump(data, Dumper=_PyDumper, **options)


def as_files(layout: Any, content: Any, flow: bool = False) -> Files:
    return Files(dump(layout, flow), dump(content, flow) if content is not None else None)


@st.composite
def valid_projects(draw, weird: bool = False) -> Files:
    layout, content = draw(valid_documents(weird))
    return as_files(layout, content, draw(st.integers(0, 4)) == 4)


# ---- mutations of the data -----------------------------------------------------------------------

BAD_NUMBERS = [0, -0.0, -1, -12.5, 1e-9, 5e-324, 0.5, 1e308, -1e308, math.inf, -math.inf, math.nan, 10**30, 10**400,
               -(10**400), 2**63, 7, 100_000, True, False]
NAMES = (COLORS + STYLES + IMAGES + ILLUSTRATIONS + BLOCK_TYPES + PROFILES + LANGS
         + ["plain", "columns", "cover", "main", "left", "right", "masthead", "side", "body", "intro", "more",
            "refs", "kineret", "letter", "a4", "A4", "legal", "top", "middle", "bottom", "above", "below", "left",
            "center", "right", "vertical", "horizontal", "2026-02-30", "2026-13-45", "0000-00-00", "9999-99-99",
            "images/../layouts/test.yaml", "../README.md", "/etc/passwd", "x.gif", "nope.jpg", "Couple-Walking.JPG",
            "javascript:alert(1)", "ftp://example.com", "https://", "mailto:", "#RRGGBB", "#fff", "yes", "no",
            "null", "~", "1e3", "0x10", "", " ", "\t"])
TEXTS = ["", " ", "\t", "x", "{cite}`99`", "{cite}`1-3`", "[a](javascript:alert(1))", "*", "**", "[", "\x00", "\u0301",
         "\U0001F600", "\ue000", "\ud800", "../../outside", "/tmp/abs", "a/b", "CON", ".", "..",
         " ".join(["WORD"] * 120), "X" * 400]
# plausible replacements for the value of a key: valid ones, near misses and wrong ones
RELATED: dict[str, list] = {
    "created": ["2026-13-45", "2026-02-30", "0000-00-00", "9999-12-31", "2026-1-1", "20261101", "2026-11-01"],
    "lang": ["en_US", "xx", "", "en-US-x-private", "i-klingon", "zh-Hant-TW", "und", "EN-us", "de-DE-1901", "fr"],
    "color": COLORS + ["nope", "Primary", "#1B365D", ""], "colors": COLORS + ["nope", "Primary", "#1B365D", ""],
    "background": COLORS + ["nope", ""], "left_color": COLORS + ["nope"], "right_color": COLORS + ["nope"],
    "label_left_color": COLORS + ["nope"], "label_right_color": COLORS + ["nope"], "tone": COLORS + ["nope"],
    "style": STYLES + ["h1", "h4", "nope", ""], "caption_style": STYLES + ["nope", ""],
    "level": [0, 1, 2, 3, 6, 7, -1], "type": BLOCK_TYPES + ["paragraf", "Heading"],
    "illustration": ILLUSTRATIONS + ["Dots", "unknown", ""],
    "image": IMAGES + ["../README.md", "nope.jpg", "x.gif", "/etc/passwd", "images/couple-walking.jpg", "", "."],
    "href": ["javascript:alert(1)", "https://", "http://a", "mailto:", "ftp://x", "", "https://exa mple.com",
             "//example.com", "https://example.com/" + "a" * 3000],
    "template": ["plain", "columns", "cover", "nope", ""], "theme": ["kineret", "../kineret", "nope", "themes/kineret", ""],
    "size": ["letter", "a4", "A4", "legal"], "orientation": ["vertical", "horizontal", "diagonal"],
    "valign": ["top", "middle", "bottom", "center"], "align": ["left", "center", "right", "justify"],
    "caption_position": ["above", "below", "left"], "n": [0, 1, 2, 5, 99, -1, 10**12],
    "profiles": PROFILES + ["pdf"], "content": ["content/test.yaml", "../x.yaml", "content/nope.yaml", "/etc/hosts",
                                               "layouts/test.yaml", "content"],
    "count": [0, 1, 2, 6, 7, 60, 399, 400, 401], "left_count": [0, 40, 41, -1], "right_count": [0, 40, 41],
    "rows": [1, 2, 12, 13], "fitted": [0, 12, 13], "jumbled": [0, 12, 13], "seed": [0, -1, 999_999_999, 10**9],
    "clusters": [0, 1, 8, 9], "turns": [0.5, 1, 6, 6.5], "rungs": [0, 40, 41], "twist": [0.4, 0.5, 4, 4.5],
    "jitter": [0.05, 0.1, 1.0, 1.5], "radius": [[0.5, 40], [40, 40], [5, 1], 0.4, 41, [1]],
    "columns": [0, 1, 4, 5], "gutter": [0, -18, 1e6, math.nan], "padding": [0, -10, 1e6, [0, 0, 0], [-5, 0, 0, 0]],
    "thickness": [0, -1, 1e6, math.nan], "height": [0.001, 1e-300, 1e6, 1e308, -1, math.inf],
    "width": [0.001, 1e-300, 1e6, 1e308, -1, math.inf], "email_budget_kb": [9, 10, 100_000, 100_001],
    "margins": [[0, 0, 0, 0], [400, 0, 400, 0], [-10, 40, 40, 40], [40, 40, 40]],
    "box": [[0, 0, 612, 792], [0, 0, 0, 0], [600, 780, 100, 100], [math.nan, 0, 10, 10], [0, 0, 1e308, 1e308],
            [-1, 0, 10, 10], [0, 0, 612.0001, 792]],
    "band": [[0, 0, 612, 792], [math.nan, 0, 10, 10], [-100, -100, 1e6, 1e6]],
    "rule": [[0, 0, 612, 0], [math.inf, 0, 10, 0]],
    "material_id": TEXTS, "date": TEXTS, "version": TEXTS + ["1", "1.0"], "title": TEXTS, "footer": TEXTS,
    "kicker": TEXTS, "text": TEXTS, "alt": TEXTS, "caption": TEXTS, "description": TEXTS, "left_label": TEXTS,
    "right_label": TEXTS,
}
KEYS = ["type", "text", "level", "items", "blocks", "entries", "n", "title", "style", "alt", "caption", "params",
        "image", "illustration", "decorative", "height", "width", "box", "padding", "regions", "flow", "template",
        "templates", "pages", "document", "theme", "page", "margins", "size", "color", "band", "rule", "columns",
        "gutter", "valign", "background", "profiles", "content", "levle", "txt", "Type", "extra", "<<", "",
        "rows", "header_rows", "footer_rows", "row_headers", "widths", "colspan", "rowspan", "notes", "marker",
        "place", "then", "stripe"]


def deep(depth: int, leaf: Any = "x") -> Any:
    out: Any = leaf
    for i in range(depth):
        out = [out] if i % 2 else {"k": out}
    return out


@functools.lru_cache(maxsize=None)
def weird_values() -> st.SearchStrategy[Any]:
    scalar = one_of_weighted(
        (3, st.sampled_from(BAD_NUMBERS)),
        (3, st.sampled_from(NAMES)),
        (3, st.lists(weird_piece, min_size=1, max_size=4).map("".join)),
        (1, st.none()),
        (1, long_word()),
        (1, huge_text()),
        (1, st.integers(-(2**70), 2**70)),
        (1, st.floats(allow_nan=True, allow_infinity=True)),
        (1, st.text(max_size=20)),
    )
    container = st.one_of(
        st.just([]), st.just({}),
        st.lists(scalar, min_size=1, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), scalar, min_size=1, max_size=3),
        st.integers(2, 200).map(deep),
    )
    return one_of_weighted((5, scalar), (1, container))


Path_ = tuple


def paths(tree: Any, prefix: Path_ = ()) -> list[Path_]:
    out = [prefix]
    if isinstance(tree, dict):
        for key, value in tree.items():
            out.extend(paths(value, prefix + (key,)))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            out.extend(paths(value, prefix + (i,)))
    return out


def get(tree: Any, path: Path_) -> Any:
    for part in path:
        tree = tree[part]
    return tree


def put(tree: Any, path: Path_, value: Any) -> Any:
    """Sets the value at `path` to a copy of `value` (strategies such as st.just([]) hand out one shared
    object: changing it in place would leak into later examples)."""
    value = copy.deepcopy(value)
    if not path:
        return value
    get(tree, path[:-1])[path[-1]] = value
    return tree


def _rename(parent: dict, old: Any, new: Any) -> None:
    items = [(new if k == old else k, v) for k, v in parent.items()]
    parent.clear()
    for k, v in items:
        parent.setdefault(k, v)


SOFT = ["name", "name", "string", "string", "number", "number", "duplicate", "swap", "drop"]
HARD = ["replace", "replace", "delete", "add_key", "rename_key", "empty", "wrap", "retype", "retype_value"]


@st.composite
def mutated(draw, tree: Any, most: int = 3, least: int = 1, hard: float = 0.2) -> Any:
    """`tree` with `least`…`most` random mutations (usually one), each *soft* — the value keeps its type,
    so the schema passes and validation, layout and drawing meet the odd value — or, with probability
    `hard`, *hard*: keys deleted, renamed or added, values of the wrong type, blocks retyped."""
    tree = copy.deepcopy(tree)
    # where and how are chosen by a drawn seed, not draw by draw: Hypothesis draws 0 (the simplest
    # choice) for a large share of examples, which would always hit the first key with the first operation
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    count = min(most, max(least, rng.choice([1, 1, 1, 1, 2, 2, 3])))
    for _ in range(count):
        candidates = paths(tree)[1:] or [()]  # the root itself only when it is a scalar
        leaves = [p for p in candidates if not isinstance(get(tree, p), (dict, list))]
        path = rng.choice(leaves * 3 + candidates)  # mostly a value, sometimes a whole mapping or list
        tree = _mutate(draw, rng, tree, path, rng.choice(HARD if rng.random() < hard else SOFT))
    return tree


def _mutate(draw, rng: random.Random, tree: Any, path: Path_, op: str) -> Any:
    node = get(tree, path)
    parent = get(tree, path[:-1]) if path else None
    key = next((part for part in reversed(path) if isinstance(part, str)), "")
    is_number = isinstance(node, (int, float)) and not isinstance(node, bool)
    # soft: the same type, an odd value
    related = RELATED.get(key)
    if related and path and isinstance(path[-1], int):  # an item of a list: only its scalar relatives
        related = [v for v in related if not isinstance(v, (list, dict))]
    if op == "name" and (related or isinstance(node, str)):
        return put(tree, path, draw(st.sampled_from(related or NAMES)))
    if op in ("name", "string") and isinstance(node, str):
        at = draw(st.integers(0, len(node)))
        piece = draw(one_of_weighted((6, weird_piece), (1, huge_text())))
        return put(tree, path, draw(st.sampled_from([node[:at] + piece + node[at:], piece, node[:1000] * 50,
                                                     node.upper(), "", " " + node + " "])))
    if op in ("name", "string", "number") and is_number:
        value = 1 if abs(node) > 10**300 or node != node or node in (math.inf, -math.inf) else node
        return put(tree, path, draw(st.sampled_from([-value, value * 1000, value + 0.5, value / 1000, 0, math.nan,
                                                     math.inf, -math.inf, 1e308, 5e-324, value * 10**6, 10**400])))
    if op in ("duplicate", "swap", "drop") and isinstance(parent, list) and not is_number:  # boxes keep 4 numbers
        if op == "duplicate":
            parent.insert(path[-1], copy.deepcopy(node))
        elif op == "drop":
            del parent[path[-1]]
        else:
            other = rng.randrange(len(parent))
            parent[path[-1]], parent[other] = parent[other], parent[path[-1]]
        return tree
    if op in SOFT:  # nothing soft fits this node: leave it
        return tree
    # hard: the shape changes
    if op == "replace" or parent is None:
        return put(tree, path, draw(weird_values()))
    if op == "delete":
        del parent[path[-1]]
    elif op == "add_key":
        target = node if isinstance(node, dict) else parent if isinstance(parent, dict) else None
        if target is None:
            return put(tree, path, draw(weird_values()))
        target[draw(st.one_of(st.sampled_from(KEYS), st.text(max_size=6)))] = copy.deepcopy(draw(weird_values()))
    elif op == "rename_key":
        if isinstance(parent, dict):
            _rename(parent, path[-1], draw(st.one_of(st.sampled_from(KEYS), weird_piece,
                                                     st.sampled_from([1, None, True, 2.5]))))
        else:
            return put(tree, path, [node, node])
    elif op == "empty":
        return put(tree, path, type(node)() if isinstance(node, (list, dict, str)) else None)
    elif op == "wrap":
        return put(tree, path, draw(st.sampled_from([[node], {"text": node}, {"type": "callout", "blocks": [node]}])))
    elif op == "retype" and isinstance(node, dict):
        node["type"] = draw(st.sampled_from(BLOCK_TYPES + ["paragraf", "Heading", "", "list "]))
    else:  # a value of another type: a number as text, text as a list, …
        return put(tree, path, draw(st.sampled_from([str(node), [node], {"value": node}, True, None])))
    return tree


# ---- mutations of the text -------------------------------------------------------------------------

TAGS = ["!!python/object:os.system", "!!python/object/apply:os.system [echo]", "!!python/name:os.system",
        "!!binary", "!!set", "!!omap", "!!pairs", "!!timestamp", "!!int", "!!float", "!!bool", "!!null", "!!str",
        "!!map", "!!seq", "!custom", "!<tag:example.com,2000:x>", "!!merge", "!!value", "!!yaml"]
RAW_CHARS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x80", "\x85", "\x9f", "\ufeff", "\ufffe",
             "\uffff", "\t", "\r", "\u2028", "\u2029", "\udcff", "\udc80", "\U0001F600", "\u202e"]


@st.composite
def mangled_text(draw, text: str, most: int = 2) -> str:
    for _ in range(draw(st.integers(1, most))):
        lines = text.split("\n")
        op = draw(st.sampled_from(["duplicate_key", "tag", "raw_char", "truncate", "indent", "deep", "bom", "crlf",
                                   "tab", "anchor", "directive", "second_document", "swap_lines", "tag"]))
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        line = lines[i] if lines else ""
        if op == "duplicate_key":
            keyed = [n for n, l in enumerate(lines) if ":" in l and not l.lstrip().startswith("#")]
            if keyed:
                n = draw(st.sampled_from(keyed))
                lines.insert(n + 1, lines[n].replace("- ", "  ", 1) if lines[n].lstrip().startswith("- ") else lines[n])
        elif op == "tag":
            tag = draw(st.sampled_from(TAGS))
            if ": " in line:
                key, value = line.split(": ", 1)
                lines[i] = f"{key}: {tag} {value}"
            elif line.lstrip().startswith("- "):
                lines[i] = line.replace("- ", f"- {tag} ", 1)
            else:
                lines.insert(i, f"{tag} ")
        elif op == "raw_char":
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(st.sampled_from(RAW_CHARS)) + line[at:]
        elif op == "truncate":
            joined = "\n".join(lines)
            return joined[:draw(st.integers(0, len(joined)))]
        elif op == "indent":
            lines[i] = draw(st.sampled_from([" ", "  ", "   ", "\t"])) + line if draw(st.booleans()) else line.lstrip()
        elif op == "deep":
            n = draw(st.one_of(st.integers(1, 60), st.integers(60, 3000)))
            nest = draw(st.sampled_from(["[" * n + "]" * n, "{a: " * n + "1" + "}" * n, "[" * n]))
            lines[i] = (line.split(": ", 1)[0] + ": " + nest) if ": " in line else line + nest
        elif op == "bom":
            lines[0] = "\ufeff" + lines[0] if lines else "\ufeff"
        elif op == "crlf":
            return "\r\n".join(lines)
        elif op == "tab":
            lines[i] = line.replace("  ", "\t", 1)
        elif op == "anchor":
            if ": " in line:
                key, value = line.split(": ", 1)
                lines[i] = f"{key}: &a {value}"
                j = draw(st.integers(0, max(0, len(lines) - 1)))
                if ": " in lines[j] and j != i:
                    lines[j] = lines[j].split(": ", 1)[0] + ": *a"
        elif op == "directive":
            lines.insert(0, draw(st.sampled_from(["%YAML 1.1\n---", "%YAML 1.2\n---", "%TAG ! tag:example.com,2000:\n---",
                                                  "%FOO bar\n---", "---", "--- !!map"])))
        elif op == "second_document":
            lines.extend(["---", "x: 1"])
        elif op == "swap_lines" and len(lines) > 1:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        text = "\n".join(lines)
    return text


# ---- random structures ----------------------------------------------------------------------------

yaml_scalars = one_of_weighted(
    (4, st.sampled_from(NAMES)),
    (2, plain_text(1, 5, True)),
    (2, st.sampled_from(BAD_NUMBERS)),
    (1, st.booleans()),
    (1, st.none()),
    (1, st.text(max_size=30)),
)


@functools.lru_cache(maxsize=None)
def random_structures() -> st.SearchStrategy[Any]:
    return st.recursive(yaml_scalars, lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), children, max_size=4),
    ), max_leaves=25)


@functools.lru_cache(maxsize=None)
def random_blocks() -> st.SearchStrategy[list]:
    """Lists of dicts that look like blocks: a real type, real and unknown keys, values of any type."""
    value = st.one_of(random_structures(), weird_values())
    keyed = st.dictionaries(st.sampled_from(KEYS), value, max_size=4)
    return st.lists(st.tuples(st.sampled_from(BLOCK_TYPES), keyed).map(lambda t: {"type": t[0], **t[1]}),
                    min_size=1, max_size=4)

