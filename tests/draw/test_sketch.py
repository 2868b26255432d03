"""The Sketch, the vector primitives the pen hands illustrations: what it writes is what ReportLab's own
calls write, though it formats paths and gradient functions once per process."""

from __future__ import annotations

import pytest

from tagprint.draw.pen import Pen
from tagprint.draw.sketch import Sketch


@pytest.mark.parametrize("stops", [None, [0.0, 0.4, 1.0]])
def test_a_gradient_paints_what_reportlabs_linear_gradient_paints(stops):
    """The pen formats a gradient's colour functions once per process and writes them inside the shading:
    the page paints what ReportLab's own gradient paints."""
    from canvas_pages import page_bytes, painted
    from reportlab.lib.colors import Color as RLColor

    colors = [(0.1, 0.2, 0.3), (0.9, 0.5, 0.1), (0.2, 0.7, 0.4)][: 3 if stops else 2]
    clip = [("M", 0, 0), ("L", 100, 0), ("L", 100, 50), ("Z",)]

    def ours(canvas) -> None:
        for _ in range(2):  # the second gradient's functions come from the kept text
            Sketch(Pen(canvas, (200, 200)), 200, 200).linear_gradient(clip, 0, 0, 100, 50, colors, stops)

    def reportlab(canvas) -> None:
        for _ in range(2):
            canvas.saveState()
            p = canvas.beginPath()
            p.moveTo(0, 0)
            p.lineTo(100, 0)
            p.lineTo(100, 50)
            p.close()
            canvas.clipPath(p, stroke=0, fill=0)
            canvas.linearGradient(0, 0, 100, 50, [RLColor(*c) for c in colors], stops, extend=True)
            canvas.restoreState()

    written = page_bytes(ours, (200, 200))
    assert painted(written) == painted(page_bytes(reportlab, (200, 200)))
    assert written.count(b"/FunctionType 2") >= 2 and len(painted(written)[1]) == 2


def test_a_path_is_written_as_reportlabs_path_object():
    """The pen makes a path's text once per process: the bytes are those of ReportLab's path object, the
    second time (kept) and for commands it cannot keep (a list inside) too."""
    from canvas_pages import page_bytes
    from reportlab.lib.colors import Color as RLColor

    commands = [("M", 0, 0), ("L", 100.5, 0), ("C", 110, 10, 120, 20.25, 100, 50), ("Z",)]

    def ours(canvas) -> None:
        sketch = Sketch(Pen(canvas, (200, 200)), 200, 200)
        for cmds in (commands, commands, [list(c) for c in commands]):
            sketch.path(cmds, fill=(0.2, 0.4, 0.6))

    def reportlab(canvas) -> None:
        for _ in range(3):
            canvas.setFillColor(RLColor(0.2, 0.4, 0.6))
            p = canvas.beginPath()
            p.moveTo(0, 0)
            p.lineTo(100.5, 0)
            p.curveTo(110, 10, 120, 20.25, 100, 50)
            p.close()
            canvas.drawPath(p, stroke=0, fill=1)

    written = page_bytes(ours, (200, 200))
    assert written == page_bytes(reportlab, (200, 200)) and written.count(b" c") >= 3


def test_a_mesh_gradient_is_one_smooth_shading_blending_across_and_along():
    """`mesh_gradient` paints one triangle-mesh shading (type 5) read back with pikepdf: its points on the
    grid asked for, with columns added `step` apart, each added point's colour straight between its given
    neighbours'; rendered, colour changes both across and along with no step between neighbouring pixels."""
    import io
    import struct

    import pikepdf
    import pypdfium2 as pdfium
    from canvas_pages import page_bytes

    colors = [(0.0, 0.4, 0.4), (1.0, 0.5, 0.2),   # bottom row: teal to orange
              (0.8, 0.9, 0.9), (1.0, 0.9, 0.8)]   # top row: both lighter
    clip = [("M", 10, 10), ("L", 190, 10), ("L", 190, 90), ("L", 10, 90), ("Z",)]

    def ours(canvas) -> None:
        Sketch(Pen(canvas, (200, 100)), 200, 100).mesh_gradient(clip, [0, 200], [0, 100], colors, step=20)

    data = page_bytes(ours, (200, 100))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        shadings = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/ShadingType") == 5]
        assert len(shadings) == 1
        mesh = shadings[0]
        assert int(mesh.VerticesPerRow) == 11  # 200 pt at most 20 apart
        raw = mesh.read_bytes()
    points = [struct.unpack(">HHBBB", raw[k:k + 7]) for k in range(0, len(raw), 7)]
    assert len(points) == 22
    middle = points[5]  # bottom row, halfway across: halfway between teal and orange
    assert [round(v / 255, 1) for v in middle[2:]] == [0.5, 0.5, 0.3]
    image = pdfium.PdfDocument(data)[0].render(scale=2).to_pil().convert("RGB")
    row = [image.getpixel((x, 100)) for x in range(30, 370)]
    column = [image.getpixel((200, y)) for y in range(30, 170)]
    for line in (row, column):
        assert max(max(abs(a - b) for a, b in zip(p, q)) for p, q in zip(line, line[1:])) <= 3
    assert row[0] != row[-1] and column[0] != column[-1]


def test_a_path_within_overlapping_shapes_paints_their_overlap_too():
    """`path(within=…)` paints inside any of the shapes that run the same way round, their overlap
    included (the nonzero rule): a ribbon's edge laid on a strand and on a rung that the strand covers
    leaves no hole where the two overlap."""
    import pypdfium2 as pdfium
    from canvas_pages import page_bytes

    square = [("M", 20, 20), ("L", 20, 80), ("L", 80, 80), ("L", 80, 20), ("Z",)]  # clockwise
    other = [("R", 50, 90, 50, -60)]  # clockwise too: 50..100 × 30..90, overlapping the square

    def ours(canvas) -> None:
        Sketch(Pen(canvas, (120, 120)), 120, 120).path([("R", 0, 0, 120, 120)], fill=(0.0, 0.0, 0.0),
                                                        within=square + other)

    image = pdfium.PdfDocument(page_bytes(ours, (120, 120)))[0].render(scale=1).to_pil().convert("L")
    assert image.getpixel((65, 120 - 55)) < 50  # in the overlap: painted
    assert image.getpixel((30, 120 - 30)) < 50 and image.getpixel((90, 120 - 60)) < 50  # in each alone
    assert image.getpixel((10, 120 - 10)) > 200  # outside both: not
