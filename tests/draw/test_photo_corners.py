"""A photo keeps its rounded corners in every profile: the print profile's bleed must not square the corners
of a photo that does not touch the trim (it did when a box was rebuilt from its edges: 350.9 + 221.1 -
350.9 is not 221.1, and the hero of the KINERET leave-behind printed square). Read back by PDFium."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from conftest import MINIMAL_LAYOUT
from tagprint.pipeline import build

CONTENT = """\
body:
  - type: figure
    image: corners.jpg
    alt: A red test picture
    width: 221.1
    height: 165.825
"""

# the region starts at x 350.9 (the hero's left edge when the print copy squared it), so the photo's box is
# one whose right edge, rebuilt as x + width - x, is not its width
LAYOUT = MINIMAL_LAYOUT.replace("main: {box: [40, 40, 532, 700]}", "main: {box: [350.9, 40, 221.1, 600]}")

RED = (200, 30, 30)


def _pixels(data: bytes) -> tuple[dict[str, tuple[int, int, int]], float]:
    """PDFium's colours 1 pt inside each corner of the photo's box, at its centre and 1 pt inside the
    middle of its top edge; and the box's width."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    images = [o for o in page.get_objects(max_depth=3) if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    assert len(images) == 1
    left, bottom, right, top = images[0].get_bounds()
    scale = 4
    bitmap = page.render(scale=scale).to_pil().convert("RGB")
    height = page.get_height()
    x0, x1, y0, y1 = left * scale, right * scale, (height - top) * scale, (height - bottom) * scale
    inset = 1 * scale
    at = {
        "top left": (x0 + inset, y0 + inset),
        "top right": (x1 - inset, y0 + inset),
        "bottom left": (x0 + inset, y1 - inset),
        "bottom right": (x1 - inset, y1 - inset),
        "centre": ((x0 + x1) / 2, (y0 + y1) / 2),
        "top edge": ((x0 + x1) / 2, y0 + inset),
    }
    colours = {name: bitmap.getpixel((round(x), round(y))) for name, (x, y) in at.items()}
    pdf.close()
    return colours, right - left


def _near(colour: tuple[int, int, int], target: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, target))


@pytest.mark.parametrize("profile", ["screen", "email", "print"])
def test_a_photo_off_the_trim_keeps_its_rounded_corners(project, profile):
    picture = io.BytesIO()
    Image.new("RGB", (960, 720), RED).save(picture, "JPEG", quality=95)  # 4:3, over 300 ppi at 221 pt
    (project.root / "images" / "corners.jpg").write_bytes(picture.getvalue())
    project.layout(LAYOUT)
    project.content(CONTENT)
    built = build(project.root, project.root / "layouts" / "test.yaml", profile)
    colours, width = _pixels(built.data)
    assert abs(width - 221.1) < 0.5
    assert _near(colours["centre"], RED) and _near(colours["top edge"], RED), colours
    for corner in ("top left", "top right", "bottom left", "bottom right"):
        assert _near(colours[corner], (255, 255, 255), 8), (corner, colours)  # paper, not photo
