"""Vector artwork (SVG, one-page PDF) is drawn as vectors in every profile; PNG line art stays lossless."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pikepdf
import pytest

from conftest import MINIMAL_LAYOUT, REPO
from readers import structure
from tagprint.commands.cli import main
from tagprint.pipeline import build

PROFILES = ["screen", "print", "email", "archive"]
CONTENT = """\
body:
  - type: heading
    level: 1
    text: Artwork
  - type: figure
    image: logo-mark.svg
    alt: The example logo, drawn from SVG
    width: 120
  - type: figure
    image: logo-mark-cmyk.pdf
    alt: The example logo, imported from PDF
    width: 120
  - type: figure
    image: line-art-pen.png
    alt: A line drawing of a pen injector
    width: 240
  - type: figure
    image: logo-mark.svg
    decorative: true
    width: 60
  - type: material_id
"""


def _images_and_forms(pdf: pikepdf.Pdf):
    """Every image XObject and every form XObject's content, through the pages' and forms' resources."""
    images, forms, seen = [], [], set()

    def visit(resources):
        for _name, xobject in (resources.get("/XObject") or {}).items():
            if xobject.objgen in seen:
                continue
            seen.add(xobject.objgen)
            if xobject.Subtype == "/Image":
                images.append(xobject)
            else:
                forms.append(xobject.read_bytes().decode("latin-1"))
                visit(xobject.get("/Resources") or {})

    for page in pdf.pages:
        visit(page.Resources)
    return images, forms


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import Project
    project = Project(tmp_path_factory.mktemp("artwork") / "project")
    project.layout(MINIMAL_LAYOUT)
    project.content(CONTENT)
    return {profile: build(project.root, project.root / "layouts" / "test.yaml", profile).data for profile in PROFILES}


@pytest.mark.parametrize("profile", PROFILES)
def test_svg_and_pdf_artwork_are_vectors_and_line_art_is_flate(built, profile):
    """The only image XObject is the line-art PNG, Flate-compressed (never DCT); the SVG and the PDF are
    form XObjects of paths."""
    with pikepdf.open(__import__("io").BytesIO(built[profile])) as pdf:
        images, forms = _images_and_forms(pdf)
    assert len(images) == 1, [dict(i.items()) for i in images]
    (image,) = images
    filters = image.get("/Filter")
    filters = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
    assert filters == [pikepdf.Name.FlateDecode] and (image.Width, image.Height) == (1332, 156)
    assert image.ColorSpace == ("/DeviceCMYK" if profile == "print" else "/DeviceRGB")
    paths = [form for form in forms if " re" in form or " c\n" in form or "\nf" in form]
    assert len(paths) >= 3  # the SVG at two sizes and the PDF: painted paths in forms


def test_figures_have_their_alt_and_the_decorative_one_is_an_artifact(built):
    root = structure(built["screen"])
    figures = [node.attrs.get("Alt") for node in root.walk() if node.role == "Figure"]
    assert figures == ["The example logo, drawn from SVG", "The example logo, imported from PDF",
                       "A line drawing of a pen injector"]


def test_print_keeps_cmyk_artwork_and_converts_rgb_artwork(built):
    """The PDF logo's process inks are written as they are (1 0.72 0 0.6 k, the theme's recipe for its navy);
    the SVG's RGB colours go through the print palette (no rg or RG left in any form); on screen the CMYK
    logo is shown as RGB: a recipe's inks as the very colour the SVG uses (#1B365D), not the naive
    conversion's darker (0, 0.112, 0.4)."""
    with pikepdf.open(__import__("io").BytesIO(built["print"])) as pdf:
        _, forms = _images_and_forms(pdf)
    every = "\n".join(forms)
    assert "1 0.72 0 0.6 k" in every and " rg" not in every and " RG" not in every
    with pikepdf.open(__import__("io").BytesIO(built["screen"])) as pdf:
        _, forms = _images_and_forms(pdf)
    every = "\n".join(forms)
    navy, orange = "0.1059 0.2118 0.3647 rg", "0.851 0.3843 0.1686 rg"  # #1B365D and #D9622B, as the SVG's
    assert " k\n" not in every and every.count(navy) >= 2 and every.count(orange) >= 2, every
    assert "0 0.112 0.4 rg" not in every


def test_inks_that_are_no_recipe_are_shown_by_the_naive_conversion():
    from tagprint.artwork import screen_colours
    from tagprint.model.document import Recipe
    shown = screen_colours({"primary": (0.1, 0.2, 0.3)}, {"primary": Recipe((1.0, 0.72, 0.0, 0.6))})
    assert shown((1.0, 0.72, 0.0, 0.6)) == (0.1, 0.2, 0.3)
    assert shown((0.9, 0.52, 0.04, 0.62)) == pytest.approx((0.038, 0.1824, 0.3648))


@pytest.mark.parametrize("profile", PROFILES)
def test_pdfua_clean(built, profile, tmp_path):
    path = tmp_path / "artwork.pdf"
    path.write_bytes(built[profile])
    run = subprocess.run([sys.executable, "-m", "pdfua", "check", str(path)], capture_output=True, text=True)
    assert run.returncode == 0 and "PASS (no findings)" in run.stdout, run.stdout


BAD_SVG = {
    "text.svg": ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text x="0" y="10">Hi</text></svg>',
                 "artwork 'text.svg' holds text; its font could not be embedded as PDF/UA needs"),
    "picture.svg": ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" '
                    'height="20"><image width="4" height="4" xlink:href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUg'
                    'AAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="/></svg>',
                    "artwork 'picture.svg' holds an embedded picture"),
    "broken.svg": ("<svg width='40' <<", "artwork 'broken.svg' cannot be read as SVG"),
}


@pytest.mark.parametrize("name", sorted(BAD_SVG))
def test_svg_that_is_not_plain_vector_artwork_is_a_problem_at_its_line(project, capsys, name):
    svg, message = BAD_SVG[name]
    (project.root / "images" / name).write_text(svg)
    project.layout()
    project.content(f"body:\n  - type: heading\n    level: 1\n    text: T\n  - type: figure\n    image: {name}\n"
                    "    alt: A logo\n")
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert f"content/test.yaml:6:5: {message}" in err and "save it as an SVG or one-page PDF of paths only" in err, err


def _pdf(path, pages: int = 1, text: bool = False) -> None:
    from reportlab.pdfgen.canvas import Canvas
    c = Canvas(str(path), pagesize=(50, 50), invariant=1)
    for _ in range(pages):
        c.rect(5, 5, 20, 20, fill=1)
        if text:
            c.drawString(5, 30, "Logo")
        c.showPage()
    c.save()


@pytest.mark.parametrize("pages, text, message", [
    (2, False, "artwork 'art.pdf' has 2 pages; artwork is one page"),
    (1, True, "artwork 'art.pdf' holds text"),
])
def test_pdf_that_is_not_one_page_of_paths_is_a_problem(project, capsys, pages, text, message):
    _pdf(project.root / "images" / "art.pdf", pages, text)
    project.layout()
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n  - type: figure\n    image: art.pdf\n"
                    "    alt: A logo\n")
    assert main(["--root", str(project.root)]) == 2
    assert f"content/test.yaml:6:5: {message}" in capsys.readouterr().err


def test_other_picture_formats_are_refused_with_the_ones_taken(project, capsys):
    shutil.copy(REPO / "images" / "line-art-pen.png", project.root / "images" / "pen.gif")
    project.layout()
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n  - type: figure\n    image: pen.gif\n"
                    "    alt: A pen\n")
    assert main(["--root", str(project.root)]) == 2
    assert "image 'pen.gif' is not a JPEG, PNG, SVG or PDF" in capsys.readouterr().err


def test_a_photo_with_many_colours_is_still_jpeg(built):
    """The line-art rule leaves photos alone: a PNG photo (thousands of colours) still becomes a JPEG."""
    from PIL import Image

    from tagprint.profiles.images import line_art
    with Image.open(REPO / "images" / "line-art-pen.png") as im:
        assert line_art(im)
    with Image.open(REPO / "images" / "megan-outdoors.jpg") as im:
        assert not line_art(im)


def test_a_logo_as_a_template_decoration_is_an_artifact_on_every_page(project):
    """An SVG logo in a template's decorations: drawn as vectors on every page of the template, fitted
    into its box, an artifact (no Figure), and an input of the build (in the archive's sources)."""
    from tagprint.pipeline import prepare, sources

    layout = MINIMAL_LAYOUT.replace("    regions:\n      main: {box: [40, 40, 532, 700]}",
                                    "    decorations:\n      - {image: logo-mark.svg, box: [452, 20, 120, 20]}\n"
                                    "    regions:\n      main: {box: [40, 60, 532, 680]}")
    project.layout(layout.replace("    regions:\n      main: [body]", "    flow: [body]"))
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n  - type: page_break\n"
                    "  - type: paragraph\n    text: Page two.\n  - type: material_id\n")
    data = project.build().data
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        assert len(pdf.pages) == 2
        for page in pdf.pages:
            forms = [x for x in page.Resources.XObject.values() if x.Subtype == "/Form"]
            assert forms and all(float(x.BBox[2]) == pytest.approx(66.67, abs=0.05) for x in forms)  # 20 pt high: 66.7 wide
        images, _ = _images_and_forms(pdf)
        assert images == []
    assert [node.role for node in structure(data).walk() if node.role == "Figure"] == []
    prepared = prepare(project.root, project.root / "layouts" / "test.yaml")
    assert "images/logo-mark.svg" in [s.path for s in sources(prepared)]


def test_a_decoration_with_an_image_needs_a_box(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("    regions:\n      main: {box: [40, 40, 532, 700]}",
                                          "    decorations:\n      - {image: logo-mark.svg}\n"
                                          "    regions:\n      main: {box: [40, 40, 532, 700]}"))
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n")
    assert main(["--root", str(project.root)]) == 2
    assert "layouts/test.yaml:11:9: an image decoration needs a box" in capsys.readouterr().err


@pytest.mark.parametrize("stream, message", [
    (b"q 0 0 10 10 re f", "saves a graphics state it never restores"),
    (b"0 0 10 10 re f Q", "restores a graphics state it never saved"),
    (b"/Im0 Do", "uses an embedded picture or form"),
    (b"/GS0 gs 0 0 10 10 re f", "uses a transparency or graphics-state dictionary"),
])
def test_pdf_operators_that_are_not_plain_paths_are_refused(tmp_path, stream, message):
    from tagprint.artwork import ArtworkProblem, pdf_art

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(20, 20))
    pdf.pages[0].Contents = pdf.make_stream(stream)
    path = tmp_path / "art.pdf"
    pdf.save(path)
    with pytest.raises(ArtworkProblem, match=message):
        pdf_art(path)


@pytest.mark.parametrize("profile", PROFILES)
def test_artwork_brings_no_font_that_is_not_embedded(built, profile, tmp_path):
    """The SVG renderer sets a starting font: it is the document's own embedded face, never a standard
    Helvetica that PDF/A and PDF/UA would refuse (poppler's pdffonts lists fonts in forms too)."""
    path = tmp_path / "artwork.pdf"
    path.write_bytes(built[profile])
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), listing
