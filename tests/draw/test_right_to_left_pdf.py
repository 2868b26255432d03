"""Arabic and Hebrew in a built PDF, read back by pikepdf, pypdf and PDFium, pdfua and `render.py check`:
the glyphs are shaped by HarfBuzz and drawn in visual order, each mapped (ToUnicode) to its logical letters
with no /ActualText, so viewers read the logical text; each passage is a Span with its /Lang."""

from __future__ import annotations

import ctypes
import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from conftest import MINIMAL_LAYOUT, Project
from readers import _actual_text, _text_of, structure

from tagprint.commands.cli import main

PHRASE = "مرحبا بكم في السلام"                      # Arabic in English text: lam-alef in السلام
HEBREW = "שלום עולם, זהו טקסט בעברית עם המספר 25 מ״ג (פעמיים ביום) כדי לבדוק שבירת שורות ויישור לימין."
ARABIC = "السلام عليكم، هذا نص عربي طويل بما يكفي لكسر الأسطر في فقرة كاملة مكتوبة من اليمين إلى اليسار."
CONTENT = f"""\
body:
  - type: heading
    level: 1
    text: Welcome
  - type: paragraph
    text: "Ask your doctor: [{PHRASE}]{{lang=ar}} today."
  - type: paragraph
    text: "[{HEBREW}]{{lang=he}}"
  - type: paragraph
    text: "[{ARABIC}]{{lang=ar}}"
"""
WIDTH = 240  # a narrow column: the right-to-left paragraphs take several lines


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    project = Project(tmp_path_factory.mktemp("rtl") / "project")
    project.layout(MINIMAL_LAYOUT.replace("box: [40, 40, 532, 700]", f"box: [40, 40, {WIDTH}, 700]"))
    project.content(CONTENT)
    path = project.root / "rtl.pdf"
    path.write_bytes(project.build().data)
    return path


def _spans(node, lang):
    return [n for n in node.walk() if n.role == "Span" and n.attrs.get("Lang") == lang]


def test_each_passage_is_a_span_with_its_language_and_reads_in_logical_order(pdf):
    tree = structure(pdf)  # pypdf's structure tree, each MCID's text as PDFium reads it (ActualText)
    [arabic_phrase, arabic_paragraph] = _spans(tree, "ar")
    [hebrew] = _spans(tree, "he")
    assert arabic_phrase.text().split() == PHRASE.split()
    # (PDFium turns a right-to-left object's brackets round once more: they are compared as brackets)
    assert _brackets(re.sub(r"\s+", "", hebrew.text())) == _brackets(re.sub(r"\s+", "", HEBREW))
    assert re.sub(r"\s+", " ", arabic_paragraph.text()) == ARABIC


def test_glyphs_map_to_logical_letters_and_no_text_is_replaced(pdf):
    """No /ActualText stands in for the right-to-left text: each glyph's ToUnicode is its base letters
    (never a presentation form), drawn in visual order."""
    with pikepdf.open(pdf) as doc:
        page = doc.pages[0]
        assert b"/ActualText" not in b"".join(bytes(c.read_bytes()) for c in [page.Contents]
                                              if isinstance(c, pikepdf.Stream))
        mapped = ""
        for font in page.Resources.Font.values():
            cmap = bytes(font.ToUnicode.read_bytes()).decode("latin-1")
            for uni in re.findall(r"<[0-9A-F]{4}> <([0-9A-F]+)>", cmap):
                mapped += bytes.fromhex(uni).decode("utf-16-be")
    assert not any("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff" for c in mapped)
    assert set("مرحبا") <= set(mapped) and set("שלום") <= set(mapped)


def _brackets(text: str) -> str:
    return re.sub(r"[()]", "|", text)


def _words(text: str) -> str:
    """The words in order (punctuation and where viewers put it aside)."""
    return "".join(re.findall(r"\w+", text))


def _lines(text: str) -> str:
    return re.sub(r"[\u200e\u200f\u202a-\u202e]", "", re.sub(r"\s+", " ", text))


def test_pdfium_poppler_and_pypdf_extract_the_paragraphs_in_logical_order(pdf):
    pdfium_text = _lines(pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range())
    poppler_text = _lines(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
    pypdf_text = _lines(pypdf.PdfReader(pdf).pages[0].extract_text())
    for extracted in (pdfium_text, poppler_text):
        assert _words(ARABIC) in _words(extracted)
        assert _words(HEBREW) in _words(extracted)
    # pypdf turns glyphs round, not characters: the lam-alef ligature stands for its alef, and an empty
    # glyph beside it for its lam, so every reader gets السلام, not السالم
    for words in (HEBREW, ARABIC, PHRASE):
        assert _words(words) in _words(pypdf_text)
    assert "مرحبا بكم في السلام" in poppler_text  # the phrase inside the English sentence


def _object_boxes(pdf: Path) -> list[tuple[str, float, float, float]]:
    """(ActualText, else PDFium's text, left, bottom, right) of the page's text objects, in content order."""
    doc = pdfium.PdfDocument(pdf)
    page = doc[0]
    textpage = page.get_textpage()
    out = []
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
            continue
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top)))
        found = _actual_text(obj)
        out.append((found[1] if found else _text_of(obj, textpage.raw), left.value, bottom.value, right.value))
    del textpage
    return out


def test_a_right_to_left_paragraph_runs_right_to_left_and_sets_flush_right(pdf):
    boxes = [b for b in _object_boxes(pdf) if b[0].strip() and "\u05d0" <= b[0].strip()[:1] <= "\u05ea"]
    lines: dict[float, list] = {}
    for text, left, bottom, right in boxes:  # glyph boxes of one line differ by a point or two
        line = next((y for y in lines if abs(y - bottom) < 5), bottom)
        lines.setdefault(line, []).append((text, left, right))
    assert len(lines) == 2  # the Hebrew paragraph is broken into lines
    column_right = 40 + WIDTH
    rights = []
    for runs in lines.values():
        lefts = [left for _, left, _ in runs]
        assert lefts == sorted(lefts, reverse=True)  # in reading order, each run lies left of the one before
        rights.append(max(right for _, _, right in runs))
    assert all(column_right - 6 < r <= column_right + 0.5 for r in rights)  # flush right


def test_pdfua_and_our_check_are_clean_and_read_says_the_logical_text(pdf, capsys):
    run = subprocess.run([sys.executable, "-m", "pdfua", "check", "--format", "json", str(pdf)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "raised" not in run.stdout
    assert main(["check", str(pdf)]) == 0
    capsys.readouterr()
    assert main(["read", str(pdf)]) == 0
    said = capsys.readouterr().out
    assert f"Ask your doctor: (in Arabic) {PHRASE} (in English)" in said and "today." in said
    assert ARABIC in said and HEBREW.split("(")[0] in said


HEBREW_DOCUMENT = """\
body:
  - type: heading
    level: 1
    text: מידע למטופל
  - type: list
    items: [נטילה פעם ביום, "מינון: 25 מ״ג"]
  - type: table
    caption: לוח מינון
    align: [center, right]
    rows:
      - [שבוע, מינון]
      - [שבוע 1, 25 מ״ג]
  - type: callout
    blocks: [{type: paragraph, text: "שאלו את הרופא (Dr Quinn) לפני השימוש."}]
"""


def test_a_hebrew_document_sets_headings_lists_tables_and_callouts(tmp_path, capsys):
    project = Project(tmp_path / "project")
    project.layout(MINIMAL_LAYOUT.replace("lang: en-US", "lang: he"))
    project.content(HEBREW_DOCUMENT)
    path = tmp_path / "he.pdf"
    path.write_bytes(project.build().data)
    assert main(["check", str(path)]) == 0
    capsys.readouterr()
    main(["read", str(path)])
    said = capsys.readouterr().out
    for text in ("heading level 1: מידע למטופל", "נטילה פעם ביום", "מינון: 25 מ״ג", "לוח מינון", "שבוע 1",
                 "שאלו את הרופא"):
        assert text in said, said
    tree = structure(path)
    assert tree.attrs.get("Lang") is None or tree.attrs["Lang"] == "he"
    boxes = {}  # each word of right-to-left text is its own text object: joined per line, in reading order
    line = None
    for text, left, bottom, right in _object_boxes(path):
        if line is not None and abs(line[1] - bottom) < 5 and text.strip() != "•" and line[0] != "•":
            line = (f"{line[0]} {text.strip()}".strip(), bottom, min(left, line[2]), max(right, line[3]))
        else:
            if line is not None:
                boxes[line[0]] = (line[2], line[3])
            line = (text.strip(), bottom, left, right)
    boxes[line[0]] = (line[2], line[3])
    # the heading sits flush right in its region (40 … 572), a list item's bullet to the right of its text
    assert 565 < boxes["מידע למטופל"][1] <= 572.5
    assert boxes["נטילה פעם ביום"][1] < boxes["•"][0] and boxes["•"][1] <= 572.5
