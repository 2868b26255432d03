"""Change marks read on any ground: a tinted box behind the words and a strike or underline in a colour
that stands out, on a white page and on a navy masthead alike (rendered back by PDFium)."""

from __future__ import annotations

import io

import pikepdf
import pypdfium2 as pdfium
import pytest
from pikepdf import Dictionary, Name

from tagprint.approval.review_marks import BLENDS, STYLES, marks_ops, page_image
from tagprint.approval.words import Mark, Word

NAVY = (0.11, 0.21, 0.36)
BOX = (40.0, 50.0, 120.0, 62.0)   # a line of words: x0, y0, x1, y1 (points, origin bottom left)


def _page(ground: tuple[float, float, float], marks: bytes = b"") -> bytes:
    """A 200 × 120 pt page of one colour, the marks drawn over it as the review copy draws them."""
    pdf = pikepdf.new()
    rgb = " ".join(f"{c:g}" for c in ground)
    pdf.add_blank_page(page_size=(200, 120))
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(f"{rgb} rg 0 0 200 120 re f\n".encode() + marks)
    page.obj.Resources = Dictionary(ExtGState=Dictionary(
        {state: Dictionary(Type=Name.ExtGState, BM=Name(mode)) for state, mode in BLENDS.items()}))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _rgb(data: bytes, x: float, y: float) -> tuple[int, int, int]:
    image = pdfium.PdfDocument(data)[0].render(scale=1).to_pil().convert("RGB")
    return image.getpixel((int(x), int(image.height - y)))


def _luminance(rgb) -> float:
    return (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255


@pytest.mark.parametrize("kind", ["deleted", "inserted"])
@pytest.mark.parametrize("ground", [(1.0, 1.0, 1.0), NAVY])
def test_a_mark_is_a_tinted_box_and_a_line_that_stand_out_on_its_ground(kind, ground):
    mark = Mark(kind, 1, [Word("word", 1, BOX)])
    plain = _page(ground)
    dark = ground == NAVY
    ops = marks_ops([mark], page_image(plain, 1))
    assert (b"/TagprintScreen gs" in ops) == dark and (b"/TagprintMultiply gs" in ops) == (not dark)
    marked = _page(ground, ops)
    before = _rgb(plain, 60, 60)
    inside = _rgb(marked, 60, 60)          # inside the box, off the line: the tint
    assert inside != before
    if dark:   # a deeper tint lifts a dark ground, still dark enough for light words
        assert _luminance(before) + 0.05 < _luminance(inside) < 0.45
    else:      # a light tint: light enough for dark words
        assert 0.75 < _luminance(inside) < _luminance(before)
    line_y = BOX[1] + (BOX[3] - BOX[1]) * 0.38 if kind == "deleted" else BOX[1] - 1.4
    line = _rgb(marked, 80, line_y)
    expected = STYLES[kind][dark].line
    assert all(abs(a - 255 * b) < 40 for a, b in zip(line, expected))
    assert abs(_luminance(line) - _luminance(before)) > 0.3   # the line stands out from its ground
    assert _rgb(marked, 160, 100) == before                    # nothing drawn away from the words


def test_one_change_over_two_lines_takes_one_style_from_the_ground_round_its_words():
    """Large white words on a navy masthead fill most of their own box: the ground is read round the words, and
    once for the whole change, so an insertion over two lines is marked alike on both."""
    first, second = (40.0, 80.0, 120.0, 100.0), (40.0, 50.0, 80.0, 70.0)
    words = " ".join(f"{c:g}" for c in NAVY) + " rg 0 0 200 120 re f 1 1 1 rg 40 80 80 20 re f 40 52 30 16 re f\n"
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 120))
    pdf.pages[0].obj.Contents = pdf.make_stream(words.encode())
    out = io.BytesIO()
    pdf.save(out)
    mark = Mark("inserted", 1, [Word("adults", 1, first), Word("with", 1, second)])
    assert len(mark.lines()) == 2
    ops = marks_ops([mark], page_image(out.getvalue(), 1))
    assert ops.count(b"/TagprintScreen gs") == 2 and b"/TagprintMultiply gs" not in ops
    light = _page((1.0, 1.0, 1.0))   # and on white, the light style on both lines
    ops = marks_ops([mark], page_image(light, 1))
    assert ops.count(b"/TagprintMultiply gs") == 2 and b"/TagprintScreen gs" not in ops
