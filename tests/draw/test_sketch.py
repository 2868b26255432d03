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
