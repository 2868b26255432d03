"""Font stacks: characters Atkinson Hyperlegible lacks fall back to a second embedded font (nothing is
.notdef); the theme's families per script come first; a theme's stack for a style."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pypdf
import pypdfium2 as pdfium

from tagprint.fonts import FontStack, face, script_of, segments_for, theme_stack


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


def test_a_character_in_a_script_the_theme_names_a_family_for_is_set_in_that_family_first():
    stack = FontStack(("Atkinson Hyperlegible", "TeX Gyre Heros"), scripts=(("greek", "DejaVu Sans"),))
    assert [(f.family, t) for f, t in stack.segments("a α", False, False)] == [
        ("Atkinson Hyperlegible", "a "), ("DejaVu Sans", "α")]
    assert script_of("α") == "greek" and script_of("a") == "" and script_of("\U0010ffff") == ""


def test_a_theme_stack_is_the_styles_family_then_the_themes_fallbacks():
    theme = SimpleNamespace(font="Atkinson Hyperlegible", fallback_fonts=("DejaVu Sans", "Atkinson Hyperlegible"),
                            script_fonts=(("arabic", "DejaVu Sans"),))
    style = SimpleNamespace(font="TeX Gyre Heros", features=("smcp",))
    stack = theme_stack(theme, style)
    assert stack.families == ("TeX Gyre Heros", "DejaVu Sans", "Atkinson Hyperlegible")
    assert stack.scripts == (("arabic", "DejaVu Sans"),) and stack.features == ("smcp",)
    assert theme_stack(theme).families == ("Atkinson Hyperlegible", "DejaVu Sans")


def test_segments_for_a_drawn_face_fall_back_to_the_other_families_in_use():
    atkinson = face("Atkinson Hyperlegible")
    face("DejaVu Sans")  # resolved in this process: a fallback
    segments = [(f.family, t) for f, t in segments_for(atkinson.name, "x ↑")]
    assert segments[0] == ("Atkinson Hyperlegible", "x ") and segments[-1][1] == "↑"
    assert segments[-1][0] != "Atkinson Hyperlegible" and ord("↑") in face(segments[-1][0]).chars
