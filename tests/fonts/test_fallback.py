"""Characters Atkinson Hyperlegible lacks fall back to a second embedded font; nothing is .notdef."""

from __future__ import annotations

import io

import pypdf
import pypdfium2 as pdfium

from tagprint.fonts import FontStack


def test_segments_pick_the_first_font_that_has_each_character():
    stack = FontStack(("Atkinson Hyperlegible", "DejaVu Sans"))
    segments = [(face.family, text) for face, text in stack.segments("Up ↑ and α", False, False)]
    assert segments == [("Atkinson Hyperlegible", "Up "), ("DejaVu Sans", "↑ "),
                        ("Atkinson Hyperlegible", "and "), ("DejaVu Sans", "α")]
    assert stack.missing("→ α ↑") == set()
    assert stack.missing("日本") == {"日", "本"}


def test_fallback_glyphs_are_embedded_and_extract_as_text(project):
    project.layout()
    project.content("body:\n  - type: heading\n    level: 1\n    text: Doses → outcomes\n"
                    "  - type: paragraph\n    text: IL-1α and IL-1β rise ↑\n")
    data = project.build().data
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1]: f.get_object()
             for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any(name.startswith("DejaVuSans") for name in fonts)
    for font in fonts.values():  # Type0 fonts: the program hangs from the descendant's descriptor
        descendant = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"] and "/ToUnicode" in font
    text = pdfium.PdfDocument(data)[0].get_textpage().get_text_range()
    assert "Doses → outcomes" in text and "IL-1α and IL-1β rise ↑" in text
