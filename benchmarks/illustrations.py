#!/usr/bin/env python3
"""Benchmark: each illustration's drawing time (median of 30 in-process draws into a fresh page) and the
bytes it adds to a one-figure PDF. A report, no assertions."""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from conftest import Project  # noqa: E402
from tagprint.draw.pen import Pen  # noqa: E402
from tagprint.fonts import face  # noqa: E402
from tagprint.illustrations import kinds  # noqa: E402
from tagprint.model import Rect  # noqa: E402
from tagprint.tags import StructElem  # noqa: E402


def draw_ms(kind, theme, box: Rect, runs: int = 30) -> float:
    params = kind.parse({}, lambda key: None, [])
    times = []
    for _ in range(runs + 3):
        pen = Pen.create(io.BytesIO(), (612, 792), face(theme.font).name, "bench", "en")
        slot = StructElem("Figure").slot()
        started = time.perf_counter()
        with pen.marked(slot), pen.sketch(box) as sketch:
            kind.draw(sketch, params, box, theme)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times[3:])


def pdf_bytes(name: str, height: float) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(Path(tmp) / "p")
        project.layout()
        project.content("body:\n  - type: heading\n    level: 1\n    text: T\n")
        empty = len(project.build().data)
        project.content(f"body:\n  - type: heading\n    level: 1\n    text: T\n"
                        f"  - type: figure\n    illustration: {name}\n    height: {height}\n")
        return len(project.build().data), len(project.build().data) - empty


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(Path(tmp) / "p")
        project.layout()
        project.content("body:\n  - type: heading\n    level: 1\n    text: T\n")
        from tagprint.pipeline import prepare
        theme = prepare(project.root, project.root / "layouts" / "test.yaml").document.theme
    sizes = {"spectrum": (266, 172), "dots": (150, 96), "hexagons": (150, 96), "arrows": (150, 96),
             "helix": (120, 160)}
    print(f"{'illustration':12} {'box (pt)':>12} {'draw ms':>8} {'PDF bytes it adds':>18}")
    for name, kind in kinds().items():
        w, h = sizes.get(name, (200, 150))
        ms = draw_ms(kind, theme, Rect(0, 0, w, h))
        total, added = pdf_bytes(name, h)
        print(f"{name:12} {f'{w}×{h}':>12} {ms:8.2f} {added:18,}")


if __name__ == "__main__":
    main()
