"""Arabic and Hebrew in a built PDF, read back by pikepdf, pypdf and PDFium, pdfua and `render.py check`:
the glyphs are joined and run right to left on the page, the text layer is the logical text (/ActualText),
and each passage is a Span with its /Lang."""

from __future__ import annotations

import ctypes
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from conftest import MINIMAL_LAYOUT, Project
from readers import _actual_text, _text_of, structure

from tagprint.cli import main

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
    assert arabic_phrase.text() == PHRASE
    assert re.sub(r"\s+", " ", hebrew.text()) == HEBREW
    assert re.sub(r"\s+", " ", arabic_paragraph.text()) == ARABIC


def _to_unicode(font: pikepdf.Dictionary) -> dict[int, str]:
    cmap = bytes(font["/ToUnicode"].read_bytes()).decode("latin-1")
    out: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = int(uni, 16)
            for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(start + k)
    return out


def _drawn_runs(pdf: Path) -> list[tuple[str, str]]:
    """(ActualText, the characters its glyphs show, in the order drawn: left to right) for every marked
    /ActualText sequence of page 1, in content order — read with pikepdf and the fonts' ToUnicode maps."""
    with pikepdf.open(pdf) as doc:
        page = doc.pages[0]
        fonts = {str(name): _to_unicode(font) for name, font in page.Resources.Font.items()}
        runs: list[tuple[str, str]] = []
        stack: list[str | None] = []
        font = {}
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "BDC":
                props = operands[1] if isinstance(operands[1], pikepdf.Dictionary) else {}
                actual = props.get("/ActualText")
                stack.append(str(actual) if actual is not None else None)
                if actual is not None:
                    runs.append((str(actual), ""))
            elif op == "BMC":
                stack.append(None)
            elif op == "EMC":
                stack.pop()
            elif op == "Tf":
                font = fonts[str(operands[0])]
            elif op == "Tj" and stack and stack[-1] is not None:
                shown = "".join(font[b] for b in bytes(operands[0]))
                runs[-1] = (runs[-1][0], runs[-1][1] + shown)
    return runs


def _unjoined(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_glyphs_are_joined_forms_drawn_right_to_left(pdf):
    runs = _drawn_runs(pdf)
    phrase = [drawn for actual, drawn in runs if actual == PHRASE]
    assert phrase, runs
    drawn = phrase[0]
    # the contextual forms (Arabic Presentation Forms-B), one lam-alef ligature for السلام's "لا"
    assert all("\ufe70" <= c <= "\ufeff" for c in drawn if not c.isspace())
    assert "\ufefc" in drawn
    assert unicodedata.name(drawn[-1]) == "ARABIC LETTER MEEM INITIAL FORM"  # مرحبا's first letter, at the right
    # drawn left to right, the glyphs are the logical text backwards: x falls as the text is read
    assert _unjoined(drawn[::-1]) == PHRASE
    hebrew = [(actual, drawn) for actual, drawn in runs if "\u05d0" <= actual[:1] <= "\u05ea"]
    # (a space that ends a line is in the text, not drawn)
    assert hebrew and all(drawn.strip() == actual.strip()[::-1] for actual, drawn in hebrew)


def test_the_text_layer_is_in_logical_order_for_pdfium_and_pypdf(pdf):
    # PDFium: the ActualText of each text object's marks, in content order
    doc = pdfium.PdfDocument(pdf)
    page = doc[0]
    texts, last = [], None
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        found = _actual_text(raw.FPDFPage_GetObject(page.raw, i))
        if found and found[0] != last:
            texts.append(found[1])
            last = found[0]
    assert PHRASE in texts
    assert ARABIC.split()[0] in "".join(texts)
    # pypdf reads the drawn glyphs and turns right-to-left runs round itself: the same logical text
    extracted = _unjoined(pypdf.PdfReader(pdf).pages[0].extract_text())
    assert PHRASE in extracted
    assert "שלום עולם" in extracted


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
    assert f"Ask your doctor: (in Arabic) {PHRASE} (in English) today." in said
    assert HEBREW in said and ARABIC in said


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
                 "שאלו את הרופא (Dr Quinn) לפני השימוש."):
        assert text in said, said
    tree = structure(path)
    assert tree.attrs.get("Lang") is None or tree.attrs["Lang"] == "he"
    boxes = {text.strip(): (left, right) for text, left, _, right in _object_boxes(path) if text.strip()}
    # the heading sits flush right in its region (40 … 572), a list item's bullet to the right of its text
    assert 565 < boxes["מידע למטופל"][1] <= 572.5
    assert boxes["נטילה פעם ביום"][1] < boxes["•"][0] and boxes["•"][1] <= 572.5
