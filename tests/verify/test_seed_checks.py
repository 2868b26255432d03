"""The seed leave-behind against independent checkers: pdfua, pypdf (fonts, catalog), the walker."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pikepdf
import pypdf

from tagprint.verify.marked_content import walk_pdf


def test_pdfua_check_finds_nothing(seed_pdf):
    run = subprocess.run([sys.executable, "-m", "pdfua", "check", "--format", "json", str(seed_pdf)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(run.stdout)
    text = json.dumps(report)
    assert '"findings": []' in text.replace(" ", "").replace('"findings":[]', '"findings": []') or "PASS" in text
    assert "raised" not in text, "a pdfua rule could not be evaluated on our file"


def test_catalog_entries(seed_pdf):
    reader = pypdf.PdfReader(seed_pdf)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert root["/Lang"] == "en-US"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert "KINERET for difficult-to-treat RA" in xmp
    assert reader.metadata.title == "KINERET for difficult-to-treat RA"
    for page in reader.pages:
        assert page["/Tabs"] == "/S"
        assert "/StructParents" in page


def test_every_font_is_embedded_with_a_tounicode_map(seed_pdf):
    reader = pypdf.PdfReader(seed_pdf)
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]).split("+")[-1])
            program_holder = font["/DescendantFonts"][0].get_object() if font["/Subtype"] == "/Type0" else font
            descriptor = program_holder["/FontDescriptor"]
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            assert "/ToUnicode" in font
    assert names and all(n.startswith("AtkinsonHyperlegible") for n in names), names
    assert "Helvetica" not in str(names)


def test_no_notdef_glyphs_are_shown(seed_pdf):
    """Every character PDFium extracts maps back to real text (no U+FFFD or empty boxes)."""
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(seed_pdf)
    for i in range(len(doc)):
        text = doc[i].get_textpage().get_text_range()
        assert "\ufffd" not in text and "\x00" not in text


def test_every_painting_operator_is_tagged_or_an_artifact(seed_pdf):
    with pikepdf.open(seed_pdf) as pdf:
        result = walk_pdf(pdf)
    assert result.findings == []
    assert result.painted > 100


def test_link_annotations_are_tagged_and_described(seed_pdf):
    reader = pypdf.PdfReader(seed_pdf)
    seen = 0
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            assert annot["/Subtype"] == "/Link"
            assert annot["/Contents"]
            assert annot["/F"] == 4
            assert "/StructParent" in annot
            if "/A" in annot:
                assert annot["/A"]["/URI"].startswith(("https://", "http://", "mailto:"))
            seen += 1
    assert seen >= 15


def test_outline_from_headings(seed_pdf):
    reader = pypdf.PdfReader(seed_pdf)
    titles = []

    def flatten(items):
        for item in items:
            if isinstance(item, list):
                flatten(item)
            else:
                titles.append(item.title)

    flatten(reader.outline)
    assert titles[0] == "KINERET for difficult-to-treat RA"
    assert "Steroid resistance can be a telling clue" in titles
    assert "Important Safety Information" in titles
