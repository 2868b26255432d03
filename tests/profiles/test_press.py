"""The print palette and PDF/X-4 identification: recipes verbatim, dark text in black ink only, the ink
limit, the unrecipe'd colours listed with their ΔE, and the PDF/X keys read back by pypdf and Pillow."""

from __future__ import annotations

import io
from pathlib import Path
import re
import xml.etree.ElementTree as ET

import pikepdf
import pypdf
import pytest
from PIL import Image, ImageCms

from conftest import MINIMAL_LAYOUT
from tagprint.errors import InputError, Where
from tagprint.model import Press, Recipe, Theme
from tagprint.profiles.color import limit_ink
from tagprint.profiles.images import image_to_cmyk
from tagprint.profiles.press import PressPalette, recipe_notes

NAVY, TEXT, MUTED = (0x1B / 255, 0x36 / 255, 0x5D / 255), (0x1D / 255, 0x23 / 255, 0x30 / 255), \
    (0x4B / 255, 0x55 / 255, 0x63 / 255)


def _theme(recipes=None, limit=3.0) -> Theme:
    return Theme({"primary": NAVY, "text": TEXT, "muted": MUTED, "white": (1.0, 1.0, 1.0)}, {},
                 press=Press("artifex-swop", limit, recipes or {}))


def test_a_recipe_is_used_verbatim_and_a_spot_stays_a_spot():
    palette = PressPalette(_theme({"primary": Recipe((1.0, 0.72, 0.0, 0.6), "PANTONE 534 C")}))
    ink = palette.ink(NAVY)
    assert (ink.cmyk, ink.spot, ink.how) == ((1.0, 0.72, 0.0, 0.6), "PANTONE 534 C", "recipe")


def test_dark_text_colours_print_in_black_ink_only():
    palette = PressPalette(_theme())
    assert palette.ink(TEXT).cmyk == (0.0, 0.0, 0.0, 1.0)          # near-black: solid K
    c, m, y, k = palette.ink(MUTED).cmyk
    assert (c, m, y) == (0, 0, 0) and 0.75 < k < 0.95                # dark grey: a tint of K
    assert palette.ink((1.0, 1.0, 1.0)).cmyk == (0, 0, 0, 0)
    assert palette.ink(NAVY).how == "profile"                          # a colour, not black: the profile


def test_the_ink_limit():
    assert limit_ink((0.9, 0.8, 0.7, 0.9), 3.0) == pytest.approx((0.7875, 0.7, 0.6125, 0.9), abs=1e-4)  # CMY × 2.1/2.4
    assert sum(limit_ink((0.9, 0.8, 0.7, 0.9), 2.6)) == pytest.approx(2.6, abs=1e-3)
    assert limit_ink((0.2, 0.2, 0.2, 0.2), 3.0) == (0.2, 0.2, 0.2, 0.2)
    palette = PressPalette(_theme(limit=2.4))
    assert sum(palette.ink((0.05, 0.02, 0.3)).cmyk) <= 2.4 + 1e-6


def test_photos_are_separated_within_the_limit():
    dark = Image.new("RGB", (64, 64))
    dark.putdata([(x * 2, 0, y * 3) for y in range(64) for x in range(64)])
    def top(im):
        data = im.tobytes()
        return max(sum(data[i:i + 4]) for i in range(0, len(data), 4)) / 255
    # the photo path of every build: an sRGB picture (no embedded profile) to the default press profile
    assert top(image_to_cmyk(dark, None, None)) > 2.6                 # the profile alone goes up to ~300 %
    assert top(image_to_cmyk(dark, None, 2.4)) <= 2.4 + 2 / 255


def test_the_build_lists_colours_without_recipes_with_their_delta_e():
    notes = recipe_notes(_theme({"primary": Recipe((1.0, 0.72, 0.0, 0.6))}), lambda name: Where("theme.yaml", 3, 3, ("colors", name)))
    text = [str(n) for n in notes]
    assert len(text) == 2 and "colour 'text'" in text[0] and "black ink only as C0 M0 Y0 K100" in text[0]
    assert re.search(r"ΔE2000 \d+(\.\d)? from the screen colour", text[0]) and "colour 'muted'" in text[1]


THEME_WITH = """\
font: Atkinson Hyperlegible
colors: {{text: "#1D2330", primary: "#1B365D", secondary: "#007377", accent: "#D9622B", tint: "#EAF2F5",
  white: "#FFFFFF"}}
styles: {{body: {{size: 10}}, caption: {{size: 8}}, small: {{size: 8}}, footer: {{size: 8}}, cta: {{size: 10}},
  h1: {{size: 24, color: primary}}}}
press:
{press}
"""


@pytest.mark.parametrize("press, message", [
    ("  recipes: {navy: {cmyk: [100, 72, 0, 60]}}", "recipe for 'navy', which is no colour of the theme"),
    ("  recipes: {primary: {cmyk: [100, 90, 80, 60]}}", "covers 330 %, over the ink limit of 300 %"),
    ("  ink_limit: 260\n  recipes: {primary: {cmyk: [100, 72, 40, 60]}}", "over the ink limit of 260 %"),
    ("  condition: fogra99", "unknown press condition 'fogra99'"),
    ("  recipes: {primary: {cmyk: [100, 72, 0]}}", "primary"),
    ("  recipes: {text: {cmyk: [70, 60, 50, 90]}}", "recipe [70.0, 60.0, 50.0, 90.0] is a rich black, and text "
                                                    "below 12 pt is set in it (styles body, caption, "),
])
def test_bad_recipes_are_reported_in_the_theme(project, press, message):
    """Each is a problem at its place in the theme file; a rich-black text colour is one (dark text must
    print in one ink), while a navy headline recipe in three inks for 24 pt text is fine."""
    project.write("layouts/themes/kineret.yaml", THEME_WITH.format(press=press))
    project.layout(MINIMAL_LAYOUT)
    project.content("body:\n  - type: paragraph\n    text: Hello\n")
    with pytest.raises(InputError) as caught:
        project.build()
    assert message in str(caught.value) and "layouts/themes/kineret.yaml:" in str(caught.value)


def test_a_dark_recipe_for_large_text_only_is_fine(project):
    project.write("layouts/themes/kineret.yaml",
                  THEME_WITH.format(press="  recipes: {primary: {cmyk: [100, 72, 0, 60]}}"))
    project.layout(MINIMAL_LAYOUT)
    project.content("body:\n  - type: heading\n    level: 1\n    text: Navy\n")
    from tagprint.pipeline import build
    assert build(project.root, project.root / "layouts" / "test.yaml", "print").pages == 1


def _xmp(path) -> dict[str, str]:
    reader = pypdf.PdfReader(path)
    root = ET.fromstring(reader.trailer["/Root"]["/Metadata"].get_data())
    out = {}
    for desc in root.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"):
        for child in desc:
            out.setdefault(child.tag, (child.text or "").strip())
    return out


def test_pdfx4_identification(seed_profiles):
    path = seed_profiles["print"]
    assert path.read_bytes()[:8] == b"%PDF-1.6"
    reader = pypdf.PdfReader(path)
    info = reader.trailer["/Info"]
    assert info["/GTS_PDFXVersion"] == "PDF/X-4" and info["/Trapped"] == "/False"
    xmp = _xmp(path)
    assert xmp["{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion"] == "PDF/X-4"
    assert xmp["{http://ns.adobe.com/pdf/1.3/}Trapped"] == "False"
    mm = "{http://ns.adobe.com/xap/1.0/mm/}"
    assert xmp[mm + "DocumentID"].startswith("uuid:") and xmp[mm + "VersionID"] == "1.0"
    assert xmp[mm + "RenditionClass"] == "default"
    assert xmp["{http://www.aiim.org/pdfua/ns/id/}part"] == "1"      # still PDF/UA-1
    raw = reader.trailer["/Root"]["/Metadata"].get_data().decode()
    assert "<pdfaSchema:prefix>pdfxid</pdfaSchema:prefix>" in raw   # the extension schema
    assert all("/Trans" not in page for page in reader.pages)


def test_the_output_intent_says_what_its_profile_is(seed_profiles):
    with pikepdf.open(seed_profiles["print"]) as pdf:
        (intent,) = pdf.Root.OutputIntents
        icc = intent.DestOutputProfile.read_bytes()
        description = ImageCms.ImageCmsProfile(io.BytesIO(icc)).profile.profile_description.strip()
        # the seed's theme prints for FOGRA39: the registered condition, with the profile made from its data
        assert str(intent.OutputConditionIdentifier) == "FOGRA39"
        assert description in str(intent.Info) and str(intent.RegistryName) == "http://www.color.org"
        assert "ISO 12647-2" in str(intent.OutputCondition)


def test_the_navy_is_the_recipe_spot_with_its_cmyk_alternate(seed_profiles):
    with pikepdf.open(seed_profiles["print"]) as pdf:
        spaces = pdf.pages[0].Resources.ColorSpace
        (spot,) = [cs for cs in spaces.values() if cs[0] == "/Separation" and cs[1] == "/PANTONE 534 C"]
        assert spot[2] == "/DeviceCMYK"
        assert _calculator(spot[3].read_bytes().decode(), 1.0) == [1.0, 0.72, 0.0, 0.6]  # ΔE 0 from the recipe
        assert _calculator(spot[3].read_bytes().decode(), 0.5) == [0.5, 0.36, 0.0, 0.3]


def _calculator(program: str, tint: float) -> list[float]:
    """Runs a type 4 (PostScript calculator) tint transform made of numbers, dup, exch and mul."""
    stack = [tint]
    for token in program.strip("{} ").split():
        if token == "dup":
            stack.append(stack[-1])
        elif token == "exch":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif token == "mul":
            b, a = stack.pop(), stack.pop()
            stack.append(round(a * b, 6))
        else:
            stack.append(float(token))
    return stack


def test_a_print_build_lists_the_colours_it_printed_without_recipes(project):
    from tagprint.pipeline import prepare, render
    from tagprint.profiles import get

    project.layout(MINIMAL_LAYOUT)
    project.content("body:\n  - type: paragraph\n    text: Hello\n")
    theme = project.root / "layouts" / "themes" / "kineret.yaml"  # the shipped theme, less two recipes
    theme.write_text("".join(line for line in theme.read_text().splitlines(keepends=True)
                             if not line.startswith(("    text: {cmyk", "    muted: {cmyk"))))
    prepared = prepare(project.root, project.root / "layouts" / "test.yaml")
    render(prepared, get("screen"))
    assert not any("no print recipe" in w.message for w in prepared.warnings)
    render(prepared, get("print"))
    render(prepared, get("print"))  # listed once, however often it is built
    listed = [str(w) for w in prepared.warnings if "no print recipe" in w.message]
    assert [line.split("'")[1] for line in listed] == ["text", "muted"]
    assert all(line.startswith("layouts/themes/kineret.yaml:") and "ΔE" in line for line in listed)


VIOLET_THEME = THEME_WITH.replace('primary: "#1B365D"', 'primary: "#3B2163"').replace(
    "h1: {{size: 24, color: primary}}", "h1: {{size: 24, color: primary}}, h3: {{size: 11, color: primary}}")


def test_a_dark_colour_without_recipe_for_small_text_is_reported_at_the_colour_when_printed(project):
    """A deep violet with no recipe would print from four process inks; set at 11 pt it is a rich black.
    Said at the colour in the theme, with the fix, before anything is drawn, and only for printed layouts."""
    project.write("layouts/themes/kineret.yaml", VIOLET_THEME.format(press="  ink_limit: 300"))
    project.layout(MINIMAL_LAYOUT + "profiles: [screen, print]\n")
    project.content("body:\n  - type: paragraph\n    text: Hello\n")
    with pytest.raises(InputError) as caught:
        project.build()
    message = str(caught.value)
    assert "layouts/themes/kineret.yaml:2:" in message and "colour 'primary' has no print recipe" in message
    assert "rich black" in message and "(styles h3)" in message and "spot" in message

    project.layout(MINIMAL_LAYOUT + "profiles: [screen]\n")   # not printed: nothing to say
    from tagprint.pipeline import build
    assert build(project.root, project.root / "layouts" / "test.yaml", "screen").pages == 1

    spot = "  recipes: {primary: {cmyk: [90, 100, 18, 40], spot: {name: PANTONE 2695 C, cmyk: [90, 100, 18, 40]}}}"
    project.write("layouts/themes/kineret.yaml", VIOLET_THEME.format(press=spot))
    project.layout(MINIMAL_LAYOUT + "profiles: [screen, print]\n")
    assert build(project.root, project.root / "layouts" / "test.yaml", "print").pages == 1


@pytest.mark.parametrize("layout", ["kineret-dtt-ra", "velaris-psoriasis"])
def test_the_shipped_themes_give_every_colour_a_recipe_within_de2000_5(layout):
    """A fresh build prints no recipe or ΔE warnings: every colour of the shipped themes has a recipe that
    prints within ΔE2000 5 of its screen colour under the theme's press condition."""
    from tagprint.pipeline import prepare
    from tagprint.profiles.press import printed

    repo = Path(__file__).resolve().parents[2]
    theme = prepare(repo, repo / "layouts" / f"{layout}.yaml").document.theme
    assert theme.press.condition in ("fogra39", "cgats-tr006")
    assert recipe_notes(theme, lambda name: Where("theme.yaml", 1, 1, name)) == []
    assert all(item.delta_e <= 5 and item.name in theme.press.recipes for item in printed(theme))
