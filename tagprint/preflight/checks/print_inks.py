"""What goes wrong on the plates: white set to overprint, content in the registration colour, hairlines,
small black text that knocks out, and a spot ink defined twice with different alternates. Each finding
names the page element in words (the text it draws, the figure's alt text)."""

from __future__ import annotations

from collections import defaultdict

from ..document import Doc
from ..findings import ERROR, WARNING, Finding
from ..print_elements import element_words
from ..print_paint import OPERATORS as PAINT_OPERATORS
from ..print_paint import Paint
from ..print_settings import SMALL_TEXT, paints
from ..family import Family
from .registry import register

WHITE = "PRINT-WHITE-OVERPRINT"
REGISTRATION = "PRINT-REGISTRATION"
HAIRLINE = "PRINT-HAIRLINE"
KNOCKOUT = "PRINT-BLACK-KNOCKOUT"
SPOT = "PRINT-SPOT-ALTERNATE"

MIN_STROKE = 0.25        # points: thinner lines break up on press
MIN_STROKE_ONE_INK = 0.125
SOLID_BLACK = 0.95       # black ink coverage that counts as black text


def _paint_colour_kind(paint: Paint) -> str:
    return {"text": "text", "fill": "shape", "stroke": "line"}.get(paint.kind, paint.kind)


def _once(findings: dict, key: tuple, make) -> None:
    if key not in findings:
        findings[key] = make()


def _white(paint: Paint) -> bool:
    colour = paint.colour
    if colour is None or colour.space.kind not in ("cmyk", "gray", "spot"):
        return False
    return not colour.inks()


@register(WHITE, "Nothing white is set to overprint",
          standard="ISO 15930-7 (PDF/X-4) overprint model; printers' practice",
          help="White (no ink: CMYK 0 0 0 0, grey 1, a spot at 0 %) painted with overprint on (/op or /OP in "
               "the graphics state) lets the inks beneath print through: the white text or shape vanishes on "
               "press while the screen shows it. Turn overprint off for white.",
          family=Family.PRESS, operators=PAINT_OPERATORS)
def white_overprint(doc: Doc) -> list[Finding]:
    found: dict[tuple, Finding] = {}
    for paint in paints(doc).paints:
        if paint.overprint and paint.kind in ("text", "fill", "stroke") and _white(paint):
            words = element_words(doc, paint)
            _once(found, (paint.page, words), lambda: Finding(
                WHITE, ERROR, f"white {_paint_colour_kind(paint)} set to overprint vanishes on press: {words}",
                page=paint.page, object=paint.where, fix="turn overprint off for white (/op false, /OP false)"))
    return list(found.values())


def _registration(paint: Paint) -> bool:
    spaces = [paint.colour.space] if paint.colour is not None else [paint.space] if paint.space else []
    return any("All" in space.inks for space in spaces if space is not None)


@register(REGISTRATION, "The registration colour only for printer's marks",
          standard="ISO 32000-1 8.6.6.4 (Separation /All); printers' practice",
          help="The Separation /All prints on every plate: 400 % ink, for crop and registration marks. "
               "Anything else in it (text, shapes, images) is an error. Printer's marks are recognised as "
               "artifacts of /Type /Page (ISO 32000-1 14.8.2.2).",
          family=Family.PRESS, operators=PAINT_OPERATORS)
def registration(doc: Doc) -> list[Finding]:
    found: dict[tuple, Finding] = {}
    for paint in paints(doc).paints:
        if not _registration(paint):
            continue
        if paint.mark is not None and paint.mark.artifact == "Page":
            continue  # printer's marks
        words = element_words(doc, paint)
        _once(found, (paint.page, words), lambda: Finding(
            REGISTRATION, ERROR, f"{_paint_colour_kind(paint)} in the registration colour /All (every plate, "
            f"400 % ink): {words}", page=paint.page, object=paint.where,
            fix="use black (0 0 0 100) or the brand colour; keep /All for crop and registration marks"))
    return list(found.values())


@register(HAIRLINE, "Lines at least 0.25 pt (0.125 pt in one ink)",
          standard="printers' practice (GWG 2015: minimum line weight)",
          help="A stroke thinner than 0.25 pt on the page (0.125 pt when it prints in a single ink; 0 means "
               "the thinnest the device can draw) breaks up or disappears on an offset press.",
          family=Family.PRESS, operators=PAINT_OPERATORS)
def hairlines(doc: Doc) -> list[Finding]:
    found: dict[tuple, Finding] = {}
    for paint in paints(doc).paints:
        if paint.kind != "stroke" or paint.colour is None:
            continue
        inks = paint.colour.inks()
        need = MIN_STROKE_ONE_INK if len(inks) == 1 else MIN_STROKE
        if paint.width < need - 1e-6:
            words = element_words(doc, paint)
            width = "0 (the thinnest the device can draw)" if paint.width == 0 else f"{paint.width:.3g} pt"
            _once(found, (paint.page, words, need), lambda: Finding(
                HAIRLINE, ERROR, f"a line {width} wide, under the {need:g} pt a press holds "
                f"({'one ink' if len(inks) == 1 else f'{len(inks)} inks' if inks else 'no ink'}): {words}",
                page=paint.page, object=paint.where, fix=f"draw it at least {need:g} pt wide"))
    return list(found.values())


def _solid_black(paint: Paint) -> bool:
    inks = paint.colour.inks() if paint.colour is not None else {}
    return list(inks) == ["Black"] and inks["Black"] >= SOLID_BLACK


@register(KNOCKOUT, "Small black text overprints",
          standard="printers' practice (GWG 2015: black text overprint)",
          help="Black text below 12 pt in black ink only should overprint: when it knocks out, the slightest "
               "misregistration shows a white halo of paper around each letter on a tint or image.",
          family=Family.PRESS, operators=PAINT_OPERATORS)
def black_knockout(doc: Doc) -> list[Finding]:
    found: dict[tuple, Finding] = {}
    count: dict[tuple, int] = defaultdict(int)
    for paint in paints(doc).paints:
        if paint.kind != "text" or paint.overprint or not 0 < paint.size < SMALL_TEXT or not _solid_black(paint):
            continue
        words = element_words(doc, paint)
        count[(paint.page, words)] += paint.chars
        _once(found, (paint.page, words), lambda: Finding(
            KNOCKOUT, WARNING, f"black text at {paint.size:g} pt knocks out (halo on misregistration): {words}",
            page=paint.page, object=paint.where, fix="set black text below 12 pt to overprint (/op true, /OPM 1)"))
    return list(found.values())


@register(SPOT, "Each spot ink defined once",
          standard="ISO 15930-7 (PDF/X-4) 6.2.4.4; ISO 32000-1 8.6.6.4",
          help="Every Separation with the same ink name must have the same alternate colour: a RIP or proofer "
               "takes one of them and the other pages proof (or print, with the spot converted) in another "
               "colour.",
          family=Family.PRESS, operators=PAINT_OPERATORS)
def spot_alternates(doc: Doc) -> list[Finding]:
    seen: dict[str, tuple[str, int, str]] = {}
    out: list[Finding] = []
    reported: set[tuple] = set()
    for page, where, space in paints(doc).spaces:
        if space.family != "Separation" or not space.alternate or space.inks in (("All",), ("None",)):
            continue
        name = space.inks[0]
        first = seen.setdefault(name, (space.alternate, page, where))
        if first[0] != space.alternate and (name, space.alternate) not in reported:
            reported.add((name, space.alternate))
            out.append(Finding(SPOT, ERROR, f"the spot ink '{name}' is defined with two alternates: "
                               f"{first[0]} (page {first[1]}) and {space.alternate} (page {page})", page=page, object=where,
                               fix="define the spot ink once, with the brand's alternate, and use it everywhere"))
    return out
