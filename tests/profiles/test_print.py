"""The print master: page boxes, crop marks, CMYK only, no annotations, printed links, 300 ppi photos."""

from __future__ import annotations

import io
import pathlib
import re

import pikepdf
import pytest
from PIL import ImageCms

from conftest import REPO
from readers import structure
from tagprint.errors import InputError

TRIM = (612, 792)


def test_page_boxes(seed_profiles):
    with pikepdf.open(seed_profiles["print"]) as pdf:
        for page in pdf.pages:
            trim = [float(v) for v in page.TrimBox]
            bleed = [float(v) for v in page.BleedBox]
            media = [float(v) for v in page.MediaBox]
            assert (trim[2] - trim[0], trim[3] - trim[1]) == TRIM
            assert [b - t for b, t in zip(bleed, trim)] == [-9, -9, 9, 9]
            assert media[0] <= bleed[0] and media[1] <= bleed[1] and media[2] >= bleed[2] and media[3] >= bleed[3]


def test_cmyk_output_intent_with_a_real_profile(seed_profiles):
    with pikepdf.open(seed_profiles["print"]) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFX"
        icc = intent.DestOutputProfile
        assert int(icc.N) == 4
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc.read_bytes()))
        assert profile.profile.xcolor_space.strip() == "CMYK"


def _color_operators(pdf):
    ops = set()
    for page in pdf.pages:
        for operands, op in pikepdf.parse_content_stream(page, "rg RG k K sc scn SC SCN cs CS sh"):
            ops.add(str(op))
    return ops


def test_no_device_rgb_anywhere(seed_profiles):
    with pikepdf.open(seed_profiles["print"]) as pdf:
        assert not ({"rg", "RG"} & _color_operators(pdf))
        assert {"k", "K"} & _color_operators(pdf)
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
                assert obj.ColorSpace == "/DeviceCMYK"
            if isinstance(obj, pikepdf.Dictionary) and "/ShadingType" in obj:  # process, or a spot ink's own
                space = obj.ColorSpace                                          # (with a CMYK alternate)
                assert space == "/DeviceCMYK" or (isinstance(space, pikepdf.Array) and space[0] in
                                                  ("/Separation", "/DeviceN") and space[2] == "/DeviceCMYK")
        raw = b"".join(p.Contents.read_bytes() for p in pdf.pages)
        assert b"DeviceRGB" not in raw


def test_no_annotations_and_links_print_their_address(seed_profiles):
    """Paper has no link annotations, so no element says Link (a screen reader would announce a link that
    cannot be followed): the link's text and address are a Span; the screen profile keeps its Links."""
    with pikepdf.open(seed_profiles["print"]) as pdf:
        assert all("/Annots" not in page for page in pdf.pages)
    printed = structure(seed_profiles["print"])
    assert not [n for n in printed.walk() if n.role == "Link"]
    spans = [" ".join(n.text().split()) for n in printed.walk() if n.role == "Span"]
    assert "Learn more kineretrx.com/hcp/ra" in spans  # the button, its address set beneath it
    assert any("Prescribing Information (kineretrx.com/pi)" in s for s in spans)
    assert [n for n in structure(seed_profiles["screen"]).walk() if n.role == "Link"]


def test_crop_marks_lie_outside_the_trim(seed_profiles):
    with pikepdf.open(seed_profiles["print"]) as pdf:
        content = pdf.pages[0].Contents.read_bytes().decode("latin-1")
    artifact = content.split("/Artifact", 2)[1]  # the first artifact on the page holds the crop marks
    coords = [float(v) for v in re.findall(r"(-?\d+\.?\d*) (-?\d+\.?\d*) m", artifact)[0]]
    x, y = coords
    assert x < 0 or y < 0 or x > TRIM[0] or y > TRIM[1]


def test_low_resolution_photo_is_an_error(project):
    from PIL import Image
    Image.new("RGB", (200, 150), (200, 80, 40)).save(project.root / "images" / "small.jpg")
    project.layout()
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n"
                    "  - type: figure\n    image: small.jpg\n    alt: An orange square\n    width: 200\n    height: 150\n")
    from tagprint.pipeline import build
    with pytest.raises(InputError) as caught:
        build(project.root, project.root / "layouts" / "test.yaml", "print")
    message = str(caught.value)
    assert "photo 'images/small.jpg' is 72 ppi" in message and "needs 300 ppi" in message
    assert "content/test.yaml:5:" in message


def test_a_print_build_shows_the_warnings_of_its_own_preflight(capsys, project):
    """What `render.py check --profile print` warns about is what the print build warns about: teal link
    text at 9.75 pt in three process inks (a theme without the seed's one-ink spot for it) is a warning,
    not an error, named with its layout; the seed itself prints without such warnings."""
    import tempfile

    from conftest import MINIMAL_LAYOUT
    from tagprint.commands.cli import main

    theme = project.root / "layouts" / "themes" / "kineret.yaml"
    text = theme.read_text()
    spot = ", spot: {name: PANTONE 328 C, cmyk: [80, 0, 30, 50]}"
    assert spot in text
    theme.write_text(text.replace(spot, ""))
    project.layout(MINIMAL_LAYOUT + "profiles: [screen, print]\n")
    project.content("body:\n  - type: paragraph\n    text: See the [full information](https://example.com/info).\n")
    with tempfile.TemporaryDirectory() as out:
        assert main(["--root", str(project.root), "--output", out, "--force", "build", "test",
                     "--profile", "print"]) == 0
    err = capsys.readouterr().err
    assert "warning: layouts/test.yaml: PRINT-SMALL-TEXT: small coloured text in 3 inks" in err
    assert "[the print PDF, page 1]" in err
    with tempfile.TemporaryDirectory() as out:
        assert main(["--root", str(REPO), "--output", out, "--force", "build", "kineret-dtt-ra",
                     "--profile", "print"]) == 0
    assert "PRINT-" not in capsys.readouterr().err


def test_a_printed_link_whose_text_ends_in_brackets_gets_its_address_after_a_colon(project):
    """"Prescribing Information (PDF) (example.com/…)" read as two asides; on paper it is now
    "Prescribing Information (PDF): example.com/…" (PDFium reads the printed text)."""
    import tempfile

    import pypdfium2 as pdfium

    from conftest import MINIMAL_LAYOUT
    from tagprint.commands.cli import main

    project.layout(MINIMAL_LAYOUT + "profiles: [print]\n")
    project.content("body:\n  - type: paragraph\n    text: Read the [Prescribing Information (PDF)]"
                    "(https://www.example.com/velaris/prescribing-information.pdf \"Prescribing Information, PDF\").\n")
    with tempfile.TemporaryDirectory() as out:
        assert main(["--root", str(project.root), "--output", out, "--force", "build", "test"]) == 0
        pdf = pdfium.PdfDocument(next(pathlib.Path(out).glob("*.pdf")))
        text = " ".join(" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf)))
    assert "Prescribing Information (PDF): example.com/velaris/prescribing-information.pdf" in text.replace("- ", "-")
    assert "(PDF) (example.com" not in text
