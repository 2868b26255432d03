"""Vector artwork from images/: SVG (read by svglib into ReportLab shapes) and one-page PDF (its content
stream, kept as PDF operators). Both are drawn as vectors by the pen, never rasterised.

Only artwork made of filled and stroked paths is taken: text (its fonts would not be embedded the way
PDF/UA needs) and embedded pictures are refused with a problem that says so. The colours are the
artwork's own: RGB colours go through the print profile's palette (the theme's recipes, else the press
profile) in print, CMYK colours are kept in print and shown as RGB on screen.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .files import stamp

Rgb = tuple[float, float, float]

# PDF operators a piece of path artwork may use: paths, painting, clipping, graphics state and colour
PATH_OPS = {"m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "W", "W*",
            "q", "Q", "cm", "w", "J", "j", "M", "d", "i", "rg", "RG", "k", "K", "g", "G"}
TEXT_OBJECT = {"BT", "ET", "Tf", "TL", "Tc", "Tw", "Tz", "Ts", "Tr", "Td", "TD", "Tm", "T*"}  # harmless if no text shows
SHOWS_TEXT = {"Tj", "TJ", "'", '"'}
WHAT = {"Do": "an embedded picture or form", "BI": "an inline picture", "sh": "a shading (gradient)",
        "gs": "a transparency or graphics-state dictionary", "cs": "a colour space", "CS": "a colour space",
        "sc": "a colour in a named colour space", "scn": "a colour in a named colour space",
        "SC": "a colour in a named colour space", "SCN": "a colour in a named colour space"}


class ArtworkProblem(ValueError):
    """Why a file cannot be used as vector artwork (the message completes "artwork 'x.svg' …")."""


@dataclass(frozen=True)
class PdfArt:
    """A one-page PDF's drawing: its size in points, the corner of its media box, and its operators."""

    size: tuple[float, float]
    origin: tuple[float, float]
    ops: tuple[tuple[tuple[Any, ...], str], ...]  # (operands, operator), operands as plain numbers


def size_of(path: Path) -> tuple[float, float]:
    """The artwork's natural size in points; ArtworkProblem if it cannot be used."""
    if path.suffix.lower() == ".svg":
        drawing = svg_drawing(path)
        return (float(drawing.width), float(drawing.height))
    return pdf_art(path).size


# ---- SVG ----------------------------------------------------------------------------------------------

def svg_drawing(path: Path):
    """The SVG as a ReportLab Drawing (shared: copy it before changing it)."""
    return _svg(path, stamp(path))


@functools.lru_cache(maxsize=32)
def _svg(path: Path, changed: tuple):
    import logging

    from reportlab.graphics.shapes import Image, String
    from svglib.svglib import svg2rlg

    logging.getLogger("svglib.svglib").setLevel(logging.ERROR)  # unsupported features are refused below
    try:
        drawing = svg2rlg(str(path))
    except Exception as exc:  # svglib raises what lxml and its parsers raise
        raise ArtworkProblem(f"cannot be read as SVG ({type(exc).__name__}: {str(exc)[:80]})") from None
    if drawing is None or not drawing.width or not drawing.height:
        raise ArtworkProblem("cannot be read as SVG (no drawing, or no width and height)")
    for node in _nodes(drawing):
        if isinstance(node, String):
            raise ArtworkProblem("holds text; its font could not be embedded as PDF/UA needs")
        if isinstance(node, Image):
            raise ArtworkProblem("holds an embedded picture, which would be drawn as pixels")
    return drawing


def _nodes(node) -> list:
    out = [node]
    for child in getattr(node, "contents", ()):
        out.extend(_nodes(child))
    return out


def recoloured_drawing(drawing, colour: Callable[[Any], Any]):
    """A copy of `drawing` with each fill and stroke colour passed through `colour` (a ReportLab colour
    in, a ReportLab colour out)."""
    drawing = copy.deepcopy(drawing)
    for node in _nodes(drawing):
        for attr in ("fillColor", "strokeColor"):
            value = getattr(node, attr, None)
            if value is not None and hasattr(value, "rgb"):
                setattr(node, attr, colour(value))
    return drawing


# ---- PDF ----------------------------------------------------------------------------------------------

def pdf_art(path: Path) -> PdfArt:
    return _pdf(path, stamp(path))


@functools.lru_cache(maxsize=32)
def _pdf(path: Path, changed: tuple) -> PdfArt:
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            if len(pdf.pages) != 1:
                raise ArtworkProblem(f"has {len(pdf.pages)} pages; artwork is one page")
            page = pdf.pages[0]
            box = [float(v) for v in page.mediabox]
            if int(page.obj.get("/Rotate", 0)) % 360:
                raise ArtworkProblem("is a rotated page; save it upright")
            ops = []
            depth = 0
            in_text = False
            for instruction in pikepdf.parse_content_stream(page):
                operands, op = instruction.operands, str(instruction.operator)
                if op == "BT":
                    in_text = True
                    continue
                if in_text:
                    if op == "ET":
                        in_text = False  # a text object that shows nothing (ReportLab writes one) is dropped
                    elif op in SHOWS_TEXT:
                        raise ArtworkProblem("holds text; its font could not be embedded as PDF/UA needs")
                    elif op not in TEXT_OBJECT:
                        raise ArtworkProblem(f"uses the operator '{op}' inside a text object")
                    continue
                if op not in PATH_OPS:
                    what = WHAT.get(op, f"the operator '{op}'")
                    raise ArtworkProblem(f"uses {what}; only filled and stroked paths in RGB, CMYK or grey "
                                         "are taken")
                depth += {"q": 1, "Q": -1}.get(op, 0)
                if depth < 0:
                    raise ArtworkProblem("restores a graphics state it never saved (Q without q)")
                ops.append((tuple(_plain(v) for v in operands), op))
            if depth:
                raise ArtworkProblem("saves a graphics state it never restores (q without Q)")
    except pikepdf.PdfError as exc:
        raise ArtworkProblem(f"cannot be read as PDF ({str(exc)[:80]})") from None
    return PdfArt((box[2] - box[0], box[3] - box[1]), (box[0], box[1]), tuple(ops))


def _plain(value: Any) -> Any:
    import pikepdf

    if isinstance(value, pikepdf.Array):
        return [_plain(v) for v in value]
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, pikepdf.Name):
        return str(value)
    return float(value)


COLOUR_OPS = {"rg": ("fill", "rgb"), "RG": ("stroke", "rgb"), "k": ("fill", "cmyk"), "K": ("stroke", "cmyk")}


def content(art: PdfArt, ink: Callable[[Rgb], tuple[float, float, float, float]] | None,
            shown: Callable[[tuple[float, float, float, float]], Rgb] | None = None) -> str:
    """The artwork's operators as PDF text, its colours for the output: with `ink` (print), RGB colours
    become the palette's CMYK and CMYK is kept; without (screen), CMYK becomes RGB (`shown`: a brand
    recipe's inks as the brand's colour, see screen_colours) and RGB is kept."""
    shown = shown or cmyk_to_rgb
    lines = []
    for operands, op in art.ops:
        if op in COLOUR_OPS:
            side, space = COLOUR_OPS[op]
            values = tuple(float(v) for v in operands)
            if space == "rgb" and ink is not None:
                r, g, b = values[:3]
                operands, op = ink((r, g, b)), ("k" if side == "fill" else "K")
            elif space == "cmyk" and ink is None:
                c, m, y, k = values[:4]
                operands, op = shown((c, m, y, k)), ("rg" if side == "fill" else "RG")
        lines.append(" ".join([*(_format(v) for v in operands), op]))
    return "\n".join(lines)


def _format(value: Any) -> str:
    if isinstance(value, list):
        return "[" + " ".join(_format(v) for v in value) + "]"
    if isinstance(value, str):
        return value if value.startswith("/") else f"/{value}"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def screen_colours(colors: dict[str, Rgb], recipes: dict[str, Any]) -> Callable[[tuple[float, float, float, float]], Rgb]:
    """How CMYK artwork is shown off press: inks that are a theme colour's print recipe (to a tenth of a
    percent) as that colour, so a logo in the brand's inks looks on screen exactly like the same logo in
    RGB (the naive conversion shows a recipe's navy darker and its orange harsher); other inks by the naive
    conversion."""
    brand = {tuple(round(v, 3) for v in recipe.cmyk): colors[name] for name, recipe in recipes.items()
             if name in colors}

    def shown(cmyk: tuple[float, float, float, float]) -> Rgb:
        return brand.get(tuple(round(v, 3) for v in cmyk)) or cmyk_to_rgb(cmyk)
    return shown


def cmyk_to_rgb(cmyk: tuple[float, float, float, float]) -> Rgb:
    """A CMYK colour shown on screen (the naive conversion viewers use without a profile)."""
    c, m, y, k = cmyk
    return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
