"""Print colour: the colour spaces a page uses (no RGB left), small text in one ink, the total ink limit
and transparency, read from every page, form XObject, image and shading."""

from __future__ import annotations

from collections import defaultdict

from ..colour_spaces import PROCESS, Colour
from ..document import Doc
from ..findings import ERROR, NOTE, WARNING, Finding
from ..print_elements import element_words, mark_words
from ..print_paint import OPERATORS as PAINT_OPERATORS
from ..print_paint import Paint
from ..print_settings import DARK_L, SMALL_TEXT, ink_limit, lightness, paints
from ..family import Family
from .registry import register

SPACES = "PRINT-COLORSPACE"
TEXT = "PRINT-SMALL-TEXT"
INK = "PRINT-INK-LIMIT"
TRANSPARENCY = "PRINT-TRANSPARENCY"


@register(SPACES, "Only CMYK, spot and grey (black ink) colour: no RGB left",
          standard="ISO 15930-7 (PDF/X-4) 6.2.4.3; printers' CMYK workflow",
          help="With a CMYK OutputIntent, DeviceRGB (in content, forms, images, shadings, transparency groups) "
               "is not allowed; ICC-based RGB and Lab are allowed by PDF/X-4 but leave the separation to the RIP "
               "(a warning); DeviceGray prints on the black plate (a warning, so it is a choice).",
          family=Family.PRESS, operators=PAINT_OPERATORS)
def color_spaces(doc: Doc) -> list[Finding]:
    seen: dict[tuple, int] = {}
    out: list[Finding] = []
    for page, where, space in paints(doc).spaces:
        kind = space.kind
        key = (page, where, space.family, space.label)
        if key in seen or kind in ("cmyk", "spot", "pattern"):
            continue
        seen[key] = 1
        if not (kind in ("rgb", "lab", "indexed", "missing", "other", "unreadable")
                or (kind == "gray" and space.family == "DeviceGray")):
            continue  # nothing to say: the words for it (read with PDFium) are not needed
        label = f"{space.family}" + (f" ({space.label})" if space.label else "")
        label_words = _space_words(doc, page, where, space)
        if label_words:
            label = f"{label_words}: {label}"
        if kind == "rgb" and space.family == "DeviceRGB":
            out.append(Finding(SPACES, ERROR, f"{label} colour in a CMYK print master", page=page, object=where,
                               fix="convert it to CMYK with the press profile (or the brand's recipe)"))
        elif kind in ("rgb", "lab", "indexed") and "CMYK" not in label:
            out.append(Finding(SPACES, WARNING, f"{label} colour: the RIP, not the file, decides its inks",
                               page=page, object=where, fix="separate it to CMYK before sending the file"))
        elif kind == "gray" and space.family == "DeviceGray":
            out.append(Finding(SPACES, WARNING, f"{label} colour prints on the black plate only", page=page,
                               object=where, fix="use DeviceCMYK 0 0 0 k if black ink is meant, else CMYK"))
        elif kind in ("missing", "other", "unreadable"):
            out.append(Finding(SPACES, ERROR, f"colour space {label} cannot be resolved", page=page, object=where,
                               fix="define the colour space in the resources"))
    return out


def _space_words(doc: Doc, page: int, where: str, space) -> str:
    """The page elements painted in `space` at `where`, in words ('' when nothing is painted in it)."""
    found = [p for p in paints(doc).paints if p.page == page and (
        (p.where == where and p.colour is not None and p.colour.space == space)
        or (p.name and f"{p.where} > {p.name}" == where and p.space == space))]
    return _words(doc, found) if found else ""


def _process(colour: Colour) -> tuple[str, ...]:
    return tuple(n for n in colour.inks() if n in PROCESS)


@register(TEXT, "Text below 12 pt prints in one ink (no rich black)",
          standard="printers' practice (misregistration); ISO 12647-2 register tolerance",
          help="Dark text below 12 pt built from several process inks (rich black, e.g. C82 M73 Y60 K81) blurs "
               "with any misregistration: an error. Coloured text below 12 pt in three or more inks: a warning. "
               "RGB text is judged by what it would separate into (dark RGB becomes rich black).",
          family=Family.PRESS, operators=PAINT_OPERATORS)
def small_text(doc: Doc) -> list[Finding]:
    groups: dict[tuple, list[Paint]] = defaultdict(list)
    for paint in paints(doc).paints:
        if paint.kind == "text" and paint.colour is not None and 0 < paint.size < SMALL_TEXT:
            groups[(paint.page, paint.where, paint.colour)].append(paint)
    out: list[Finding] = []
    for (page, where, colour), items in groups.items():
        def at(items: list[Paint] = items) -> str:  # the words (read with PDFium) only for a finding
            sizes = sorted({p.size for p in items})
            chars = sum(p.chars for p in items)
            return f"{_words(doc, items)}: {chars:,} characters at {', '.join(f'{s:g}' for s in sizes)} pt"

        kind = colour.space.kind
        if kind == "cmyk":
            inks = _process(colour)
            dark = lightness(doc, "CMYK", colour.values) < DARK_L
            if dark and len(inks) >= 2:
                out.append(Finding(TEXT, ERROR, f"rich black small text: {at()} in {colour.describe()} "
                                   f"({len(inks)} inks)", page=page, object=where,
                                   fix="print dark text below 12 pt in black ink only (0 0 0 100, or a tint of K)"))
            elif len(inks) >= 3:
                out.append(Finding(TEXT, WARNING, f"small coloured text in {len(inks)} inks: {at()} in "
                                   f"{colour.describe()}", page=page, object=where,
                                   fix="use a recipe with fewer inks (or a spot colour) for small coloured text"))
        elif kind == "rgb" and len(colour.values) == 3:
            if lightness(doc, "RGB", colour.values) < DARK_L:
                out.append(Finding(TEXT, ERROR, f"dark RGB small text: {at()} in {colour.describe()} will separate "
                                   "into rich black", page=page, object=where,
                                   fix="print dark text below 12 pt in black ink only"))
    return out


def _words(doc: Doc, items: list[Paint], most: int = 3) -> str:
    """The page elements `items` belong to, in words: the first few, and how many more."""
    words = list(dict.fromkeys(element_words(doc, p) for p in items))
    shown = "; ".join(words[:most])
    return shown + (f"; and {len(words) - most} more" if len(words) > most else "")


@register(INK, "Total ink coverage within the press condition's limit",
          standard="ISO 12647-2 / the press condition's TAC (300 % coated offset)",
          help="Adds up the inks of every fill, stroke and text colour (CMYK and spot tints), the end colours of "
               "shadings, and every pixel of CMYK images; more than the limit (300 % unless told otherwise, "
               "`--ink-limit`) dries badly and sets off. The registration colour (Separation /All, used for "
               "printer's marks) is not counted.",
          family=Family.PRESS, operators=PAINT_OPERATORS)
def ink_coverage(doc: Doc) -> list[Finding]:
    limit = ink_limit(doc)
    worst: dict[tuple, tuple[float, str]] = {}
    for paint in paints(doc).paints:
        if paint.colour is not None:
            inks = paint.colour.inks()
            if paint.colour.space.inks == ("All",):
                continue  # registration colour: printer's marks
            total = sum(inks.values())
            if total > limit + 0.005:
                words = element_words(doc, paint)
                key = (paint.page, paint.where, paint.colour, words)
                worst[key] = (total, f"{paint.kind} in {paint.colour.describe()} ({words})")
        elif paint.kind == "shading" and paint.image is not None:
            space = paint.space
            for values in _shading_ends(paint.image):
                total = sum(values) if space is not None and space.kind == "cmyk" else 0
                if space is not None and total > limit + 0.005:
                    worst[(paint.page, paint.where, paint.name, values)] = (
                        total, f"a gradient ({element_words(doc, paint)}) reaches {Colour(space, values).describe()}")
    out = [Finding(INK, ERROR, f"{what}: {total * 100:.0f} % ink, over the limit of {limit * 100:.0f} %",
                   page=key[0], object=key[1], fix="reduce C, M and Y (keep K), or convert with the press profile")
           for key, (total, what) in worst.items()]
    return out


def _shading_ends(shading) -> list[tuple[float, ...]]:
    import pikepdf

    out = []
    functions = shading.get("/Function")
    todo = list(functions) if isinstance(functions, pikepdf.Array) else [functions]
    while todo:
        fn = todo.pop()
        if not isinstance(fn, pikepdf.Dictionary):
            continue
        if int(fn.get("/FunctionType", -1)) == 2:
            for key in ("/C0", "/C1"):
                values = fn.get(key)
                if isinstance(values, pikepdf.Array):
                    out.append(tuple(float(v) for v in values))
        elif int(fn.get("/FunctionType", -1)) == 3 and isinstance(fn.get("/Functions"), pikepdf.Array):
            todo.extend(fn.Functions)
    return out


@register(TRANSPARENCY, "Transparency noted for the RIP",
          standard="ISO 15930-7 (PDF/X-4) 6.3 (transparency allowed, blending colour space)",
          help="PDF/X-4 allows live transparency; it is listed as a note (never failing a check, not even "
               "with --fail-on warning) per page (opacity, soft masks, blend "
               "modes, transparency groups) so the printer knows a PDF/X-4-capable RIP is needed. A "
               "transparency group blending in RGB in a CMYK master is an error.",
          family=Family.PRESS, operators=PAINT_OPERATORS)
def transparency(doc: Doc) -> list[Finding]:
    scan = paints(doc)
    grouped: dict[int, dict[str, list[str]]] = defaultdict(dict)  # page -> the element in words -> what
    for item in scan.transparency:
        words = mark_words(doc, item.page, item.mark) if item.where != "page" else ""
        whats = grouped[item.page].setdefault(words, [])
        if item.what not in whats:
            whats.append(item.what)
    by_page = {page: [f"{words}: {', '.join(whats)}" if words else ", ".join(whats) for words, whats in elements.items()]
               for page, elements in grouped.items()}
    out = [Finding(TRANSPARENCY, NOTE, "live transparency (" + "; ".join(items[:6])
                   + (f"; and {len(items) - 6} more" if len(items) > 6 else "") + ")", page=page,
                   fix="nothing to do for a PDF/X-4 workflow; flatten only for a PDF/X-1a printer")
           for page, items in sorted(by_page.items())]
    for page, where, space in scan.spaces:
        if "/Group /CS" in where and space.kind == "rgb":
            out.append(Finding(TRANSPARENCY, ERROR, f"a transparency group blends in {space.family}", page=page,
                               object=where, fix="blend in DeviceCMYK (the OutputIntent's space)"))
    return out
