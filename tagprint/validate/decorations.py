"""A template's decorations: bands and rules in theme colours, and pictures (a logo on every page) checked
like a figure's image, fitted in their box; all drawn as artifacts."""

from __future__ import annotations

from ..errors import Problem
from ..load.project import Loaded
from ..load.schema import DecorationSpec
from ..load.schema_errors import did_you_mean
from ..model import Artwork, Decoration, Figure, Rect, Theme
from .model_builder import BlockBuilder
from .page_geometry import Margins, adapted, checked_box


def template_decorations(loaded: Loaded, name: str, specs: list[DecorationSpec], theme: Theme,
                         page: tuple[float, float], margins: Margins, design: tuple[float, float] | None,
                         problems: list[Problem]) -> list[Decoration]:
    """The decorations of template `name` on a page of size `page` (`design`: the page size they were
    drawn for, when it is another one)."""
    src = loaded.layout_source
    decorations: list[Decoration] = []
    for i, d in enumerate(specs):
        path = ("templates", name, "decorations", i)
        if sum(v is not None for v in (d.band, d.rule, d.image)) != 1:
            problems.append(Problem(src.where(path), "a decoration is either a band, a rule or an image",
                                    "write band: [x, y, w, h], rule: [x, y, length, 0] or image: logo.svg"))
            continue
        if d.image is not None:
            if d.box is None:
                problems.append(Problem(src.where(path), "an image decoration needs a box",
                                        "add box: [x, y, width, height] (points from the top-left corner)"))
                continue
            box = checked_box(d.box, page, src.where(path + ("box",)), problems, "the image decoration's")
            decorations.extend(picture_decoration(loaded, d.image, box, path, problems))
            continue
        if d.color is None:
            problems.append(Problem(src.where(path), "a band or a rule needs a colour",
                                    "add color: with a theme colour, e.g. color: primary"))
            continue
        if d.color not in theme.colors:
            problems.append(Problem(src.where(path + ("color",)), f"no colour '{d.color}' in the theme",
                                    did_you_mean(d.color, theme.colors)))
        raw = list(d.band or d.rule or [0, 0, 0, 0])
        if design:
            raw = _carried_over(raw, bool(d.band), design, page, margins)
        decorations.append(Decoration("band" if d.band else "rule", Rect(*raw), d.color, d.thickness))
    return decorations


def _carried_over(raw: list[float], band: bool, design: tuple[float, float], page: tuple[float, float],
                  margins: Margins) -> list[float]:
    """A band's box, or a rule's two ends, drawn for the `design` page, on `page`."""
    if band:
        return adapted(raw, design, page, margins)
    x0, y0 = adapted([raw[0], raw[1], 0, 0], design, page, margins)[:2]
    x1, y1 = adapted([raw[0] + raw[2], raw[1] + raw[3], 0, 0], design, page, margins)[:2]
    return [x0, y0, x1 - x0, y1 - y0]


def picture_decoration(loaded: Loaded, image: str, box: Rect, path: tuple,
                       problems: list[Problem]) -> list[Decoration]:
    """A picture drawn as an artifact on every page of a template, keeping its shape, centred in `box`."""
    src = loaded.layout_source
    source = BlockBuilder(loaded, src, problems)._photo(image, path + ("image",))
    if source is None:
        return []
    if isinstance(source, Artwork):
        width, height = source.size
    else:
        from PIL import Image
        with Image.open(loaded.root / source.path) as im:
            width, height = im.size
    scale = min(box.width / width, box.height / height)
    w, h = width * scale, height * scale
    fitted = Rect(box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h)
    figure = Figure(source, "", decorative=True, where=src.where(path))
    return [Decoration("picture", fitted, "", figure=figure)]
