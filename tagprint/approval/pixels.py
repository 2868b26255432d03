"""Pages compared by their pixels: both versions rendered by PDFium and the differing areas found on a
coarse grid (a changed figure, a moved button): which pages the review copy shows, and where."""

from __future__ import annotations

from dataclasses import dataclass, field

import pypdfium2 as pdfium
from PIL import Image, ImageChops

SCALE = 1.25            # 90 pixels per inch
CELL = 10               # pixels per grid cell
THRESHOLD = 24          # a channel difference below this is not a change


@dataclass(frozen=True)
class Area:
    """A differing area in points from the top-left corner of the page."""

    x: float
    y: float
    width: float
    height: float

    def where(self, page: tuple[float, float]) -> str:
        cx, cy = (self.x + self.width / 2) / page[0], (self.y + self.height / 2) / page[1]
        row = "top" if cy < 1 / 3 else "middle" if cy < 2 / 3 else "bottom"
        col = "left" if cx < 1 / 3 else "centre" if cx < 2 / 3 else "right"
        return "the middle" if (row, col) == ("middle", "centre") else f"the {row} {col}"


@dataclass
class PageDiff:
    number: int                     # 1-based
    size: tuple[float, float]       # points
    areas: list[Area] = field(default_factory=list)
    only_in: str = ""               # "old" or "new" when the page exists on one side only


def render(data: bytes) -> list[tuple[Image.Image, tuple[float, float]]]:
    doc = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            size = (page.get_width(), page.get_height())
            out.append((page.render(scale=SCALE).to_pil().convert("RGB"), size))
            page.close()
        return out
    finally:
        doc.close()


def areas(old: Image.Image, new: Image.Image) -> list[Area]:
    """Connected groups of differing grid cells (cells one apart count as touching), in reading order."""
    width, height = max(old.width, new.width), max(old.height, new.height)
    a, b = Image.new("RGB", (width, height), "white"), Image.new("RGB", (width, height), "white")
    a.paste(old, (0, 0))
    b.paste(new, (0, 0))
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v >= THRESHOLD else 0)
    if diff.getbbox() is None:
        return []
    cols, rows = -(-width // CELL), -(-height // CELL)
    padded = Image.new("L", (cols * CELL, rows * CELL), 0)
    padded.paste(diff, (0, 0))
    grid = padded.reduce(CELL).tobytes()
    hot = {(c, r) for r in range(rows) for c in range(cols) if grid[r * cols + c]}
    groups: list[tuple[int, int, int, int]] = []
    while hot:
        stack = [hot.pop()]
        c0 = c1 = stack[0][0]
        r0 = r1 = stack[0][1]
        while stack:
            c, r = stack.pop()
            c0, c1, r0, r1 = min(c0, c), max(c1, c), min(r0, r), max(r1, r)
            for dc in (-2, -1, 0, 1, 2):
                for dr in (-2, -1, 0, 1, 2):
                    n = (c + dc, r + dr)
                    if n in hot:
                        hot.remove(n)
                        stack.append(n)
        groups.append((c0, r0, c1, r1))
    k = CELL / SCALE
    return [Area(c0 * k, r0 * k, (c1 - c0 + 1) * k, (r1 - r0 + 1) * k)
            for c0, r0, c1, r1 in sorted(groups, key=lambda g: (g[1], g[0]))]


def compare(old_pdf: bytes, new_pdf: bytes) -> list[PageDiff]:
    """Every page that differs, with its areas."""
    old, new = render(old_pdf), render(new_pdf)
    out: list[PageDiff] = []
    for i in range(max(len(old), len(new))):
        a = old[i] if i < len(old) else None
        b = new[i] if i < len(new) else None
        either = b if b is not None else a
        assert either is not None  # i < the longer side's page count: that side has page i
        size = either[1]
        if a is None or b is None:
            whole = [Area(0, 0, size[0], size[1])]
            out.append(PageDiff(i + 1, size, whole, "new" if a is None else "old"))
            continue
        found = areas(a[0], b[0])
        if found:
            out.append(PageDiff(i + 1, size, found, ""))
    return out
