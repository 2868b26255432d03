"""Helpers for the illustration tests: build figures through the real pipeline, find each figure on the
rendered page (by its structure element's /BBox), read its /Alt back, and count what was drawn.

Test modules import the `figures` fixture from here (`from illustration_pixels import figures`); this is
not a conftest.py because other tests import names from the top-level conftest by module name.

Counting is pure Python over Pillow pixel data: a pixel is ink when any channel is clearly darker than
white, and ink pixels touching (8 ways) form one component.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops

SCALE = 2  # render at 144 dpi

# the kineret theme's brand colours, as 8-bit sRGB
PALETTE = {
    "primary": (0x1B, 0x36, 0x5D),
    "secondary": (0x00, 0x73, 0x77),
    "accent": (0xD9, 0x62, 0x2B),
}


@dataclass
class Component:
    area: int = 0
    x0: int = 10 ** 9
    y0: int = 10 ** 9
    x1: int = -1
    y1: int = -1
    sx: int = 0
    sy: int = 0
    rgb: list = field(default_factory=lambda: [0, 0, 0])

    @property
    def centre(self) -> tuple[float, float]:
        return self.sx / self.area, self.sy / self.area

    @property
    def width(self) -> int:
        return self.x1 - self.x0 + 1

    @property
    def height(self) -> int:
        return self.y1 - self.y0 + 1

    @property
    def colour(self) -> tuple[float, float, float]:
        return tuple(c / self.area for c in self.rgb)  # type: ignore[return-value]

    def nearest(self, palette: dict[str, tuple] = PALETTE) -> str:
        """The palette colour this component is closest to (averaged over its shading)."""
        c = self.colour
        return min(palette, key=lambda name: sum((a - b) ** 2 for a, b in zip(c, palette[name])))


def ink_mask(img: Image.Image, threshold: int = 215) -> bytes:
    """1 where any channel is below `threshold` (so pale tints count, white paper does not)."""
    r, g, b = img.convert("RGB").split()
    darkest = ImageChops.darker(ImageChops.darker(r, g), b)
    return darkest.point(lambda v: 1 if v < threshold else 0).tobytes()


def components(img: Image.Image, threshold: int = 215, min_area: int = 4) -> list[Component]:
    """Connected components of ink, 8-connected, found run by run with a union-find."""
    img = img.convert("RGB")
    w, h = img.size
    mask = ink_mask(img, threshold)
    pixels = img.tobytes()  # r, g, b, r, g, b, …
    parent: list[int] = []

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    runs: list[tuple[int, int, int, int]] = []  # y, x0, x1, label
    previous: list[tuple[int, int, int]] = []
    for y in range(h):
        row = mask[y * w:(y + 1) * w]
        current = []
        x = 0
        while x < w:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < w and row[x]:
                x += 1
            label = len(parent)
            parent.append(label)
            for px0, px1, plabel in previous:
                if px0 <= x and px1 >= start - 1:  # overlaps, or touches at a corner
                    ra, rb = find(label), find(plabel)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
            current.append((start, x - 1, label))
            runs.append((y, start, x - 1, label))
        previous = current
    found: dict[int, Component] = {}
    for y, x0, x1, label in runs:
        c = found.setdefault(find(label), Component())
        n = x1 - x0 + 1
        c.area += n
        c.x0, c.x1, c.y0, c.y1 = min(c.x0, x0), max(c.x1, x1), min(c.y0, y), max(c.y1, y)
        c.sx += (x0 + x1) * n // 2
        c.sy += y * n
        start = (y * w + x0) * 3
        span = pixels[start:start + n * 3]
        c.rgb[0] += sum(span[0::3])
        c.rgb[1] += sum(span[1::3])
        c.rgb[2] += sum(span[2::3])
    return [c for c in found.values() if c.area >= min_area]


def ink_box(img: Image.Image, threshold: int = 215) -> tuple[int, int, int, int] | None:
    """The bounding box (x0, y0, x1, y1) of all ink, or None."""
    r, g, b = img.convert("RGB").split()
    darkest = ImageChops.darker(ImageChops.darker(r, g), b)
    return darkest.point(lambda v: 255 if v < threshold else 0).getbbox()


@dataclass
class Figure:
    alt: str
    bbox: tuple[float, float, float, float]  # PDF points x0, y0, x1, y1
    image: Image.Image  # the figure's box, rendered


@dataclass
class Built:
    data: bytes
    figures: list[Figure]


def figure_elements(data: bytes) -> list[tuple[str, tuple[float, ...]]]:
    """(Alt, BBox) of every /Figure structure element, in tree order, read back with pikepdf."""
    out = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        def walk(node) -> None:
            if isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == pikepdf.Name.Figure:
                    box = tuple(float(v) for v in node.A.BBox) if "/A" in node else ()
                    out.append((str(node.get("/Alt", "")), box))
                kids = node.get("/K")
                if isinstance(kids, pikepdf.Array):
                    for kid in kids:
                        walk(kid)
                elif isinstance(kids, pikepdf.Dictionary):
                    walk(kids)
        walk(pdf.Root.StructTreeRoot)
    return out


# the operators that build or paint a path (what a drawing's size is counted in)
PATH_OPERATORS = {"m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "W",
                  "W*", "sh"}


@dataclass
class Content:
    operators: Counter  # every operator drawn on the first page, form XObjects' included, by name
    compressed: int  # bytes of those content streams as stored (compressed)
    plain: int  # bytes once decompressed

    @property
    def path_operators(self) -> int:
        return sum(n for op, n in self.operators.items() if op in PATH_OPERATORS)


def page_content(data: bytes) -> Content:
    """What the first page draws, read back with pikepdf: its content streams and those of the form
    XObjects they paint (recursively), so the count does not depend on how a figure is wrapped."""
    operators: Counter = Counter()
    sizes = [0, 0]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        def walk(stream, resources) -> None:
            parts = stream.Contents if isinstance(stream, pikepdf.Page) else stream
            for part in (list(parts) if isinstance(parts, pikepdf.Array) else [parts]):
                sizes[0] += len(part.read_raw_bytes())
                sizes[1] += len(part.read_bytes())
            for operands, op in pikepdf.parse_content_stream(stream):
                operators[str(op)] += 1
                if str(op) == "Do" and resources is not None and "/XObject" in resources:
                    xobject = resources.XObject.get(str(operands[0]))
                    if xobject is not None and xobject.get("/Subtype") == pikepdf.Name.Form:
                        walk(xobject, xobject.get("/Resources", resources))
        page = pdf.pages[0]
        walk(page, page.obj.get("/Resources"))
    return Content(operators, sizes[0], sizes[1])


def drawing_objects(data: bytes) -> int:
    """How many PDF objects the first page's drawings (form XObjects) bring with them beyond the forms
    themselves: the indirect objects their resources reach (shadings and their functions, graphics states,
    nested forms), not counting the fonts every page shares."""
    seen: set = set()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        def reach(obj) -> None:
            if isinstance(obj, pikepdf.Object) and obj.is_indirect:
                if obj.objgen in seen:
                    return
                seen.add(obj.objgen)
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                for key in obj.keys():
                    if key not in ("/Font", "/ProcSet", "/Parent"):
                        reach(obj[key])
            elif isinstance(obj, pikepdf.Array):
                for item in obj:
                    reach(item)

        resources = pdf.pages[0].obj.get("/Resources")
        forms = resources.get("/XObject", {}) if resources is not None else {}
        for name in list(forms.keys()):
            form = forms[name]
            if form.get("/Subtype") == pikepdf.Name.Form and "/Resources" in form:
                reach(form.Resources)
    return len(seen)


def figure_block(kind: str, params: dict | None = None, width: float | None = None, height: float = 150) -> str:
    lines = ["  - type: figure", f"    illustration: {kind}", f"    height: {height}", "    align: left"]
    if width:
        lines.append(f"    width: {width}")
    if params:
        inline = ", ".join(f"{k}: {_yaml(v)}" for k, v in params.items())
        lines.append(f"    params: {{{inline}}}")
    return "\n".join(lines) + "\n"


def _yaml(value) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


class Figures:
    """Builds a one-page document of figures through the real pipeline and renders it."""

    def __init__(self, project):
        self.project = project

    def build(self, kind: str, *specs: dict) -> Built:
        """Each spec: {params: {...}, width: .., height: ..}; returns the PDF and each figure, rendered."""
        self.project.layout()
        body = "body:\n" + "".join(figure_block(kind, s.get("params"), s.get("width"), s.get("height", 150))
                                    for s in (specs or ({},)))
        self.project.content(body)
        data = self.project.build().data
        page = pdfium.PdfDocument(data)[0]
        rendered = page.render(scale=SCALE).to_pil().convert("RGB")
        page_h = page.get_height()
        figures = []
        for alt, (x0, y0, x1, y1) in figure_elements(data):
            crop = rendered.crop((round(x0 * SCALE), round((page_h - y1) * SCALE),
                                  round(x1 * SCALE), round((page_h - y0) * SCALE)))
            figures.append(Figure(alt, (x0, y0, x1, y1), crop))
        return Built(data, figures)

    def one(self, kind: str, params: dict | None = None, width: float | None = None, height: float = 150) -> Figure:
        built = self.build(kind, {"params": params, "width": width, "height": height})
        assert len(built.figures) == 1
        return built.figures[0]

    @staticmethod
    def components(fig: "Figure | Image.Image", threshold: int = 215) -> list[Component]:
        return components(fig.image if isinstance(fig, Figure) else fig, threshold)

    @staticmethod
    def ink_box(fig: "Figure | Image.Image", threshold: int = 215) -> tuple[int, int, int, int] | None:
        return ink_box(fig.image if isinstance(fig, Figure) else fig, threshold)

    def error(self, kind: str, params: dict) -> str:
        """The InputError message a figure with these params gives."""
        from tagprint.errors import InputError
        with pytest.raises(InputError) as caught:
            self.build(kind, {"params": params})
        return str(caught.value)


@pytest.fixture
def figures(project) -> Figures:
    return Figures(project)
