"""The seed's print master and ten copies, each with one defect a prepress operator finds (pikepdf edits):
`check --profile print` gives each the right verdict, naming the page element in words, and the untouched
master has no errors."""

from __future__ import annotations

import functools
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String

from conftest import REPO
from pdf_surgery import add_tagged_text, append_content, edited, font_named

from tagprint.preflight import check_file
from tagprint.preflight.report import FileResult, exit_code

ICC = REPO / "tagprint" / "profiles" / "icc"


@functools.lru_cache(maxsize=1)
def _seed_master() -> bytes:
    from tagprint.pipeline import build

    return build(REPO, REPO / "layouts" / "kineret-dtt-ra.yaml", "print").data


@pytest.fixture
def master(tmp_path) -> Path:
    path = tmp_path / "kineret-dtt-ra-print.pdf"
    path.write_bytes(_seed_master())
    return path


def _font(pdf) -> str:
    return font_named(pdf, "Atkinson")


def _resources(pdf, key: str, page: int = 0) -> Dictionary:
    resources = pdf.pages[page].Resources
    if key not in resources:
        resources[key] = Dictionary()
    return resources[key]


def rich_black_text(pdf):
    add_tagged_text(pdf, _font(pdf), b"Rich", b"0.8 0.7 0.6 0.8 k", size=9)


def rgb_image(pdf):
    image = pdf.make_stream(bytes([200, 80, 40]) * 90000, Type=Name.XObject, Subtype=Name.Image, Width=300,
                            Height=300, ColorSpace=Name.DeviceRGB, BitsPerComponent=8)
    _resources(pdf, "/XObject").ImRGB = image
    append_content(pdf, b"/Artifact BMC q 50 0 0 50 300 300 cm /ImRGB Do Q EMC")


def white_overprint(pdf):
    _resources(pdf, "/ExtGState").GSop = Dictionary(Type=Name.ExtGState, OP=True, op=True, OPM=1)
    add_tagged_text(pdf, _font(pdf), b"White", b"/GSop gs 0 0 0 0 k", size=14)


def _registration_space(pdf, page: int = 0) -> None:
    fn = Dictionary(FunctionType=2, Domain=Array([0, 1]), C0=Array([0, 0, 0, 0]), C1=Array([1, 1, 1, 1]), N=1)
    _resources(pdf, "/ColorSpace", page).CSReg = Array([Name.Separation, Name.All, Name.DeviceCMYK, fn])


def registration_text(pdf):
    _registration_space(pdf)
    add_tagged_text(pdf, _font(pdf), b"Reg", b"/CSReg cs 1 scn", size=14)


def hairline(pdf):
    append_content(pdf, b"/Artifact BMC 0 0 0 1 K 0.05 w 100 120 m 300 120 l S EMC")


def _intent(pdf) -> Dictionary:
    return pdf.Root.OutputIntents[0]


def intent_claims_another_condition(pdf):
    _intent(pdf).OutputConditionIdentifier = String("CGATS TR 006")


def intent_embeds_another_conditions_profile(pdf):
    _intent(pdf).DestOutputProfile = pdf.make_stream((ICC / "cgats-tr005.icc").read_bytes(), N=4)


def intent_embeds_an_rgb_profile(pdf):
    from tagprint.profiles.color import srgb_icc

    _intent(pdf).DestOutputProfile = pdf.make_stream(srgb_icc(), N=3)


def ambiguous_spot(pdf):
    fn = Dictionary(FunctionType=2, Domain=Array([0, 1]), C0=Array([0, 0, 0, 0]), C1=Array([0, 1, 0, 0]), N=1)
    page = len(pdf.pages) - 1
    _resources(pdf, "/ColorSpace", page).CSPms = Array([Name.Separation, Name("/PANTONE 534 C"), Name.DeviceCMYK, fn])
    append_content(pdf, b"/Artifact BMC /CSPms cs 1 scn 100 100 40 40 re f EMC", page)


def black_knockout(pdf):
    add_tagged_text(pdf, _font(pdf), b"Knock", b"0 0 0 1 k", size=9)


DEFECTS = [  # the change, the check that must report it, its severity, words its message must hold
    (rich_black_text, "PRINT-SMALL-TEXT", "error", "the text “"),
    (rgb_image, "PRINT-COLORSPACE", "error", "an artifact: DeviceRGB"),
    (white_overprint, "PRINT-WHITE-OVERPRINT", "error", "the text “"),
    (registration_text, "PRINT-REGISTRATION", "error", "the text “"),
    (hairline, "PRINT-HAIRLINE", "error", "0.05 pt"),
    (intent_claims_another_condition, "PRINT-OUTPUT-INTENT", "error", "'CGATS TR 006'"),
    (intent_embeds_another_conditions_profile, "PRINT-OUTPUT-INTENT", "error", "CGATS TR 005 SWOP 2006"),
    (intent_embeds_an_rgb_profile, "PRINT-OUTPUT-INTENT", "error", "not a CMYK output"),
    (ambiguous_spot, "PRINT-SPOT-ALTERNATE", "error", "C100 M72 Y0 K60 (page 1) and C0 M100 Y0 K0 (page 2)"),
    (black_knockout, "PRINT-BLACK-KNOCKOUT", "warning", "the text “"),
]


def _result(path: Path) -> FileResult:
    result = check_file(path, "print")
    assert not result.crashed
    return result


def test_the_untouched_seed_master_has_no_errors(master):
    result = _result(master)
    assert [f for f in result.findings if f.severity == "error"] == []
    assert exit_code([result]) == 0
    # the registered condition: FOGRA39 from the color.org registry, with the profile made from its data
    with pikepdf.open(master) as pdf:
        intent = pdf.Root.OutputIntents[0]
        assert str(intent.OutputConditionIdentifier) == "FOGRA39"
        assert str(intent.RegistryName) == "http://www.color.org"
        assert "FOGRA39" in str(intent.Info)
        assert intent.DestOutputProfile.read_bytes() == (ICC / "fogra39.icc").read_bytes()


@pytest.mark.parametrize("change, check, severity, words", DEFECTS, ids=[d[0].__name__ for d in DEFECTS])
def test_each_single_defect_gets_its_verdict(master, tmp_path, change, check, severity, words):
    path = edited(master.read_bytes(), tmp_path / f"{change.__name__}.pdf", change)
    result = _result(path)
    before = {(f.check, f.severity, f.message) for f in _result(master).findings}
    new = [f for f in result.findings if (f.check, f.severity, f.message) not in before
           and f.check.startswith("PRINT-")]  # (other checks may see the added text's contrast)
    if check == "PRINT-OUTPUT-INTENT":  # the colours are judged under the intent's profile: others may follow
        assert (check, severity) in {(f.check, f.severity) for f in new}, [str(f) for f in new]
    else:
        assert {(f.check, f.severity) for f in new} == {(check, severity)}, [str(f) for f in new]
    if severity == "warning":
        assert exit_code([result]) == 0 or any(f.severity == "error" and not f.check.startswith("PRINT-")
                                               for f in result.findings)
    assert exit_code([result], "warning") == 1
    if severity == "error":
        assert exit_code([result]) == 1
    for finding in new:
        assert "/F1+0" not in finding.message and "FormXob" not in finding.message
    assert any(words in f.message for f in new if f.check == check), [f.message for f in new]


def test_messages_name_the_element_in_words(master, tmp_path):
    path = edited(master.read_bytes(), tmp_path / "white.pdf", white_overprint)
    found = [f for f in _result(path).findings if f.check == "PRINT-WHITE-OVERPRINT"]
    assert len(found) == 1 and "the text “" in found[0].message and found[0].page == 1
    # the photo's findings name the figure by its alt text
    heavy = edited(master.read_bytes(), tmp_path / "heavy.pdf", _heavy_photo)
    ink = [f for f in _result(heavy).findings if f.check == "PRINT-IMAGE-INK"]
    assert ink and all("the figure “" in f.message for f in ink)
    assert any("the figure “An older couple" in f.message for f in ink)


def _heavy_photo(pdf):
    """Every photo replaced by a CMYK image whose single pixel line carries 380 % (the rest 100 %):
    measured at its own pixels, not averaged away."""
    for page in pdf.pages:
        for name, xobj in list(page.Resources.get("/XObject", Dictionary()).items()):
            _replace_images(pdf, xobj)


def _replace_images(pdf, xobj):
    if xobj.get("/Subtype") == "/Image":
        w, h = 40, 40
        pixels = bytearray(bytes([0, 0, 0, 255]) * w * h)
        for x in range(w):
            pixels[(20 * w + x) * 4:(20 * w + x) * 4 + 4] = bytes([255, 255, 255, 204])
        xobj.write(bytes(pixels), filter=None)
        xobj.Width, xobj.Height, xobj.ColorSpace, xobj.BitsPerComponent = w, h, Name.DeviceCMYK, 8
        for key in ("/Decode", "/DecodeParms", "/Filter", "/SMask"):
            if key in xobj:
                del xobj[key]
    elif xobj.get("/Subtype") == "/Form":
        for inner in xobj.get("/Resources", Dictionary()).get("/XObject", Dictionary()).values():
            _replace_images(pdf, inner)


def translucent_panel(pdf):
    _resources(pdf, "/ExtGState").GSHalf = Dictionary(Type=Name.ExtGState, ca=0.5, CA=0.5)
    append_content(pdf, b"/Artifact BMC q /GSHalf gs 0 0.2 0.4 0 k 100 100 200 100 re f Q EMC")


def test_transparency_is_a_note_that_never_fails(master, tmp_path):
    # the seed draws no live transparency since its shading became bands of exact colours: add a panel at 50 %
    result = _result(edited(master.read_bytes(), tmp_path / "translucent.pdf", translucent_panel))
    notes = [f for f in result.findings if f.check == "PRINT-TRANSPARENCY"]
    assert notes and {f.severity for f in notes} == {"note"}
    assert exit_code([FileResult(master, notes)], "warning") == 0
