"""Pictures drawn as template decorations (a logo on every page): checked like a figure's image, fitted in
their box, drawn as artifacts."""

from __future__ import annotations

from ..errors import Problem
from ..load.project import Loaded
from ..model import Artwork, Decoration, Figure, Rect
from .model_builder import BlockBuilder


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
