"""What a handout page shows outside its slides, read back from the PDF: the ruled lines (pikepdf, from
the page's content stream) and the labels with their boxes (PDFium's text page)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

LABELS = ("Speaker notes", "Your notes", "More notes", *(f"Slide {n} of 7" for n in range(1, 8)))


def rules(path: Path) -> list[list[tuple[float, float, float, tuple[float, ...], float]]]:
    """Per page, the ruled lines drawn on the page itself (not inside a slide): every stroked horizontal
    segment outside any q/Q, as (y from the top, x0, x1, stroke colour, line width), read from the page's
    content stream with pikepdf."""
    out = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            height = float(page.mediabox[3])
            depth, colour, width, start, found = 0, (0.0,), 1.0, None, []
            segments: list[tuple[float, float, float]] = []
            for operands, op in pikepdf.parse_content_stream(page):
                name = str(op)
                if name == "q":
                    depth += 1
                elif name == "Q":
                    depth -= 1
                elif name == "RG" or name == "G":
                    colour = tuple(float(v) for v in operands)
                elif name == "w":
                    width = float(operands[0])
                elif name == "m":
                    start = (float(operands[0]), float(operands[1]))
                elif name == "l" and start is not None:
                    x, y = float(operands[0]), float(operands[1])
                    if abs(y - start[1]) < 0.01:
                        segments.append((height - y, min(x, start[0]), max(x, start[0])))
                    start = None
                elif name == "S":
                    if depth == 0:
                        found.extend((y, x0, x1, colour, width) for y, x0, x1 in segments)
                    segments = []
                elif name in ("n", "f", "B", "b", "f*"):
                    segments = []
            out.append(sorted(found))
    return out


def label_boxes(path: Path) -> list[list[tuple[str, float, float, float]]]:
    """Per page, each "Speaker notes", "Your notes", "More notes" and "Slide N of 7" with its left edge and
    its top and bottom (pt from the top-left of the page), top to bottom."""
    pdf = pdfium.PdfDocument(path)
    out = []
    for page in pdf:
        tp, height = page.get_textpage(), page.get_size()[1]
        found = []
        for words in LABELS:
            search = tp.search(words, match_case=True, match_whole_word=True)
            while (hit := search.get_next()) is not None:
                box = tp.get_charbox(hit[0])
                found.append((words, box[0], height - box[3], height - box[1]))
        out.append(sorted(found, key=lambda f: (f[2], f[1])))
    return out


def labels(path: Path) -> list[list[tuple[str, float, float]]]:
    """Per page, each label with its top and bottom (pt from the top of the page), top to bottom."""
    return [[(words, top, bottom) for words, _, top, bottom in page] for page in label_boxes(path)]
