"""Brand colour held in print: a recipe far from its screen colour (a stale recipe after `primary` changed)
warns in ΔE2000 with both values and the fix, and every shade of the colour an illustration draws prints
from the same recipe, so the printed page is in one colour."""

from __future__ import annotations

from conftest import MINIMAL_LAYOUT
from tagprint.model import Press, Recipe, Theme
from tagprint.profiles.color import cmyk_to_lab, delta_e2000, rgb_to_lab
from tagprint.profiles.press import CONDITIONS, PressPalette, printed

PURPLE = "#6A1B9A"
CONTENT = """\
body:
  - type: heading
    level: 1
    text: One colour
  - type: figure
    illustration: hexagons
    params: {colors: [primary]}
    height: 160
    alt: Hexagons shaded in the primary colour
"""


def _purple_project(project):
    theme = project.root / "layouts" / "themes" / "kineret.yaml"
    text = theme.read_text()
    assert 'primary: "#1B365D"' in text
    theme.write_text(text.replace('primary: "#1B365D"', f'primary: "{PURPLE}"'))
    project.layout(MINIMAL_LAYOUT)
    project.content(CONTENT)


def test_the_cie_de2000_of_sharmas_test_pairs():
    # Sharma, Wu and Dalal (2005), table 1: pairs 1, 7, 14, 19, 25 and 34
    pairs = [((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
             ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
             ((50.0, 2.5, 0.0), (58.0, 24.0, 15.0), 19.4535),
             ((50.0, 2.5, 0.0), (50.0, 3.1736, 0.5854), 1.0),
             ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
             ((90.8027, -2.0831, 1.441), (91.1528, -1.6435, 0.0447), 1.4441)]
    for a, b, expected in pairs:
        assert abs(delta_e2000(a, b) - expected) < 1e-4


def test_a_stale_recipe_warns_with_both_values_and_the_fix(project):
    from tagprint.pipeline import prepare, render
    from tagprint.profiles import get

    _purple_project(project)
    prepared = prepare(project.root, project.root / "layouts" / "test.yaml")
    render(prepared, get("print"))
    stale = [w for w in prepared.warnings if "colour 'primary'" in w.message]
    assert len(stale) == 1
    warning = str(stale[0])
    assert PURPLE in warning and "PANTONE 534 C" in warning and "C100 M72 Y0 K60" in warning
    assert "ΔE2000" in warning and "kineret.yaml:" in warning and "press.recipes.primary" in warning
    delta = float(warning.split("ΔE2000 ")[1].split(",")[0])
    assert delta > 5
    assert "give the recipe the brand's print values" in warning and "set the screen colour to #" in warning



def _hues(pdf_bytes: bytes, condition: str) -> list[tuple[float, float]]:
    """(hue angle, chroma) of every process or spot colour the print PDF's pages and forms paint, judged
    under the press profile."""
    from tagprint.preflight.document import Doc
    from tagprint.preflight.print_paint import scan_paints

    out = []
    path = CONDITIONS[condition].icc_path
    with Doc.from_bytes(pdf_bytes) as doc:
        scan = scan_paints(doc)
        colours = [p.colour for p in scan.paints if p.colour is not None]
        for paint in scan.paints:
            if paint.kind == "shading" and paint.image is not None:
                from tagprint.preflight.checks.print_color import _shading_ends

                colours += [type(colours[0])(paint.space, ends) for ends in _shading_ends(paint.image)]
    for colour in colours:
        if colour.space.kind == "cmyk" and len(colour.values) == 4:
            cmyk = colour.values
        elif colour.space.kind == "spot" and colour.space.inks == ("PANTONE 534 C",):
            cmyk = tuple(v * colour.values[0] for v in (1.0, 0.72, 0.0, 0.6))
        else:
            continue
        L, a, b = cmyk_to_lab(tuple(cmyk), path)
        chroma = (a * a + b * b) ** 0.5
        if chroma > 8:
            import math
            out.append((math.degrees(math.atan2(b, a)) % 360, chroma))
    return out


def test_a_stale_recipe_prints_the_page_in_one_colour(project):
    """Shaded parts of the illustration are mixes of the purple screen colour with white and black: they
    print as tints of the navy recipe (with black), not through the profile as purple."""
    from tagprint.pipeline import build

    _purple_project(project)
    data = build(project.root, project.root / "layouts" / "test.yaml", "print").data
    navy = rgb_to_lab(tuple(int("1B365D"[i:i + 2], 16) / 255 for i in (0, 2, 4)))
    purple = rgb_to_lab(tuple(int(PURPLE[1 + i:3 + i], 16) / 255 for i in (0, 2, 4)))
    import math
    navy_hue = math.degrees(math.atan2(navy[2], navy[1])) % 360
    purple_hue = math.degrees(math.atan2(purple[2], purple[1])) % 360
    hues = _hues(data, "fogra39")
    assert hues, "the page paints colours"
    for hue, chroma in hues:
        assert abs(hue - navy_hue) < abs(hue - purple_hue), (hue, chroma)  # navy, never purple


def test_shades_of_a_recipe_colour_are_mixes_of_its_inks():
    theme = Theme({"primary": (0.5, 0.1, 0.6), "text": (0.1, 0.1, 0.1), "white": (1.0, 1.0, 1.0)}, {},
                  press=Press("fogra39", 3.0, {"primary": Recipe((1.0, 0.72, 0.0, 0.6), "PANTONE 534 C")}))
    palette = PressPalette(theme)
    lighter = palette.ink((0.5 + 0.5 * 0.3, 0.1 + 0.9 * 0.3, 0.6 + 0.4 * 0.3))  # 30 % towards white
    assert lighter.spot == "PANTONE 534 C" and abs(lighter.tint - 0.7) < 1e-3 and lighter.cmyk == (1.0, 0.72, 0.0, 0.6)
    darker = palette.ink((0.5 * 0.88, 0.1 * 0.88, 0.6 * 0.88))  # 12 % towards black
    assert darker.spot is None and darker.how == "mix"
    assert [round(v, 3) for v in darker.cmyk] == [0.88, 0.634, 0.0, 0.648]
    # a colour of its own (no recipe, not a mix) still goes through the profile
    assert palette.ink((0.2, 0.7, 0.3)).how == "profile"
    # the theme's own colours keep their rules (text: black only), never taken as mixes
    assert palette.ink((0.1, 0.1, 0.1)).how == "black"
    assert printed(theme)[0].delta_e > 5  # the navy recipe for a purple screen colour


def test_shades_of_a_spot_colour_print_on_its_plate(project, tmp_path):
    """The illustration's gradients of a spot colour run in its Separation (or a DeviceN with the process
    inks where a stop is mixed with black): Ghostscript's separation puts them on the spot's plate, with
    the same alternate as the flat areas (no PRINT-SPOT-ALTERNATE)."""
    import io

    import pikepdf
    import pypdfium2 as pdfium

    from separations import separate
    from tagprint.preflight import check_file

    _purple_project(project)
    from tagprint.pipeline import build
    path = tmp_path / "purple-print.pdf"
    path.write_bytes(build(project.root, project.root / "layouts" / "test.yaml", "print").data)
    spaces = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/ShadingType") is not None:
                cs = obj.ColorSpace
                spaces.append(str(cs[0]) + " " + " ".join(str(n) for n in (cs[1] if str(cs[0]) == "/DeviceN" else [cs[1]]))
                              if isinstance(cs, pikepdf.Array) else str(cs))
    assert spaces and all("PANTONE 534 C" in s or "#20534" in s for s in spaces), spaces
    assert not [f for f in check_file(path, "print").findings if f.check == "PRINT-SPOT-ALTERNATE"]
    document = pdfium.PdfDocument(path.read_bytes())
    forms = [o for o in document[0].get_objects(max_depth=1) if o.type == pdfium.raw.FPDF_PAGEOBJ_FORM]
    box = forms[-1].get_bounds()
    document.close()
    (plates,) = separate(path, tmp_path / "plates", dpi=36)
    spot = plates.crop("PANTONE 534 C", box)
    assert 255 - spot.getextrema()[0] > 0.9 * 255  # solid spot where the shade is the colour itself
    assert sum(spot.histogram()[:200]) > 0.2 * spot.width * spot.height  # and on much of the figure
