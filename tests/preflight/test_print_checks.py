"""`check --profile print`: a printer's preflight. The print master made before recipes is rejected for
what a prepress operator found in it; a print build passes; each broken copy (and PDFs from other
writers) is caught by the check for what was broken, naming the page and the object."""

from __future__ import annotations

import functools
import subprocess
import shutil
import sys
import tempfile
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String

from conftest import MINIMAL_LAYOUT, REPO, Project
from pdf_surgery import SAMPLE_CONTENT, add_tagged_text, append_content, edited, font_named

from tagprint.preflight import check_file
from tagprint.preflight.checks import REGISTRY
from tagprint.preflight.family import Family
from tagprint.profiles import profiles

OLD = Path(__file__).resolve().parent / "fixtures" / "old-print-master.pdf"
PRINT_CHECKS = {"PRINT-PDFX-ID", "PRINT-OUTPUT-INTENT", "PRINT-BOXES", "PRINT-COLORSPACE", "PRINT-SMALL-TEXT",
                "PRINT-INK-LIMIT", "PRINT-TRANSPARENCY", "PRINT-IMAGE-PPI", "PRINT-IMAGE-INK",
                "PRINT-WHITE-OVERPRINT", "PRINT-REGISTRATION", "PRINT-HAIRLINE", "PRINT-BLACK-KNOCKOUT",
                "PRINT-SPOT-ALTERNATE"}


@functools.lru_cache(maxsize=1)
def _print_build() -> bytes:
    with tempfile.TemporaryDirectory(prefix="print-preflight-") as tmp:
        project = Project(Path(tmp) / "project")
        project.layout(MINIMAL_LAYOUT)
        project.content(SAMPLE_CONTENT)
        from tagprint.pipeline import build
        return build(project.root, project.root / "layouts" / "test.yaml", "print").data


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "print.pdf"
    path.write_bytes(_print_build())
    return path


def _print_findings(path: Path, severity: str | None = None, ink_limit: float | None = None):
    result = check_file(path, "print", ink_limit)
    return [f for f in result.findings if f.check in PRINT_CHECKS and (severity is None or f.severity == severity)]


def _ids(findings) -> set[str]:
    return {f.check for f in findings}


def test_the_print_checks_are_registered_for_press_profiles_only(good):
    assert PRINT_CHECKS <= set(REGISTRY)
    assert {c for c, check in REGISTRY.items() if check.family is Family.PRESS} == PRINT_CHECKS
    assert [name for name, p in profiles().items() if p.preflight is Family.PRESS] == ["print"]
    assert not _ids(check_file(OLD).findings) & PRINT_CHECKS  # without --profile print they do not run


def test_a_print_build_passes(good):
    assert _print_findings(good, "error") == []


def test_the_old_print_master_is_rejected_for_what_prepress_found():
    errors = _print_findings(OLD, "error")
    messages = [f.message for f in errors]
    rich = [f for f in errors if f.check == "PRINT-SMALL-TEXT"]
    assert rich and all(f.page == 1 and f.object for f in rich)
    assert any("C82 M73 Y60 K81" in f.message and "9.75" in f.message for f in rich)  # the body text
    assert any("no /GTS_PDFXVersion" in m for m in messages)
    assert any("pdfxid:GTS_PDFXVersion" in m for m in messages)
    assert any("/Trapped is /False_" in m for m in messages)
    assert any("xmpMM:DocumentID" in m for m in messages)
    intent = next(f for f in errors if f.check == "PRINT-OUTPUT-INTENT")
    assert "CGATS TR 001" in intent.message and "Artifex CMYK SWOP Profile" in intent.message
    assert intent.object and intent.object.endswith(" R")
    warnings = _print_findings(OLD, "warning")
    assert any("empty /Trans" in f.message and f.page == 1 for f in warnings)


def _rich_black(pdf):
    add_tagged_text(pdf, font_named(pdf, "Atkinson"), b"Rich", b"0.8 0.7 0.6 0.8 k", size=9)


def _coloured_three_inks(pdf):
    add_tagged_text(pdf, font_named(pdf, "Atkinson"), b"Teal", b"0.8 0 0.3 0.5 k", size=10)


def _large_rich_black(pdf):
    add_tagged_text(pdf, font_named(pdf, "Atkinson"), b"Big", b"0.8 0.7 0.6 0.8 k", size=14)


def test_small_rich_black_text_is_an_error(good, tmp_path):
    found = _print_findings(edited(good.read_bytes(), tmp_path / "rich.pdf", _rich_black), "error")
    assert [(f.check, f.page) for f in found] == [("PRINT-SMALL-TEXT", 1)]
    assert "C80 M70 Y60 K80" in found[0].message and "at 9 pt" in found[0].message


def test_small_coloured_text_in_three_inks_is_a_warning(good, tmp_path):
    found = _print_findings(edited(good.read_bytes(), tmp_path / "teal.pdf", _coloured_three_inks))
    text = [f for f in found if f.check == "PRINT-SMALL-TEXT"]
    assert [(f.severity, f.page) for f in text] == [("warning", 1)]


def test_large_rich_black_text_is_fine(good, tmp_path):
    found = _print_findings(edited(good.read_bytes(), tmp_path / "big.pdf", _large_rich_black), "error")
    assert found == []


def _rgb_form(pdf):
    form = pdf.make_stream(b"1 0 0 rg 0 0 10 10 re f", Type=Name.XObject, Subtype=Name.Form,
                           BBox=Array([0, 0, 10, 10]), Resources=Dictionary())
    pdf.pages[0].Resources.XObject.FmRGB = form
    append_content(pdf, b"/Artifact BMC q 1 0 0 1 50 50 cm /FmRGB Do Q EMC")


def test_rgb_inside_a_form_is_an_error_naming_the_form(good, tmp_path):
    found = _print_findings(edited(good.read_bytes(), tmp_path / "rgb.pdf", _rgb_form), "error")
    assert [(f.check, f.page, f.object) for f in found] == [("PRINT-COLORSPACE", 1, "page > /FmRGB")]


def _heavy_fill(pdf):
    append_content(pdf, b"/Artifact BMC 1 1 1 0.9 k 100 100 50 50 re f EMC")


def test_ink_over_the_limit_is_an_error_and_the_limit_is_configurable(good, tmp_path):
    heavy = edited(good.read_bytes(), tmp_path / "heavy.pdf", _heavy_fill)
    found = _print_findings(heavy, "error")
    assert [(f.check, f.page) for f in found] == [("PRINT-INK-LIMIT", 1)]
    assert "390 %" in found[0].message and "300 %" in found[0].message
    assert _print_findings(heavy, "error", ink_limit=4.0) == []


def _no_pdfx(pdf):
    del pdf.trailer.Info["/GTS_PDFXVersion"]
    pdf.trailer.Info.Trapped = Name("/Unknown")


def _claims_fogra39(pdf):
    """The master is FOGRA39 (the theme's condition): the false claim is another registered condition."""
    pdf.Root.OutputIntents[0].OutputConditionIdentifier = String("CGATS TR 006")


def test_pdfx_identification_and_a_false_claim(good, tmp_path):
    found = _print_findings(edited(good.read_bytes(), tmp_path / "nox.pdf", _no_pdfx), "error")
    assert {f.check for f in found} == {"PRINT-PDFX-ID"}
    assert any("/GTS_PDFXVersion" in f.message for f in found) and any("/Unknown" in f.message for f in found)
    found = _print_findings(edited(good.read_bytes(), tmp_path / "fogra.pdf", _claims_fogra39), "error")
    assert [f.check for f in found] == ["PRINT-OUTPUT-INTENT"] and "CGATS TR 006" in found[0].message
    assert "FOGRA39" in found[0].message  # what the embedded profile says it is


def _two_page_sizes(pdf):
    pdf.pages.append(pdf.pages[0])
    pdf.pages[1].obj.TrimBox = Array([27, 27, 27 + 595, 27 + 765])


def test_boxes_must_be_the_same_on_every_page(good, tmp_path):
    found = _print_findings(edited(good.read_bytes(), tmp_path / "boxes.pdf", _two_page_sizes), "error")
    boxes = [f for f in found if f.check == "PRINT-BOXES"]
    assert [(f.page, bool(f.object)) for f in boxes] == [(2, True)]
    assert "595 × 765" in boxes[0].message


def _low_resolution_rgb_image(pdf):
    image = pdf.make_stream(bytes([200, 80, 40]) * 900, Type=Name.XObject, Subtype=Name.Image, Width=30,
                            Height=30, ColorSpace=Name.DeviceRGB, BitsPerComponent=8)
    pdf.pages[0].Resources.XObject.ImLow = image
    append_content(pdf, b"/Artifact BMC q 100 0 0 100 300 300 cm /ImLow Do Q EMC")


def test_a_low_resolution_rgb_image(good, tmp_path):
    found = _print_findings(edited(good.read_bytes(), tmp_path / "image.pdf", _low_resolution_rgb_image), "error")
    assert sorted((f.check, f.page) for f in found) == [("PRINT-COLORSPACE", 1), ("PRINT-IMAGE-PPI", 1)]
    ppi = next(f for f in found if f.check == "PRINT-IMAGE-PPI")
    assert "22 ppi" in ppi.message and "/ImLow" in ppi.object


def _heavy_cmyk_image(decode: list[int] | None = None, masked: int | None = None):
    """A 30 × 30 DeviceCMYK image, raw: 80 % of each ink (320 %), optionally with a soft mask of one value."""
    def change(pdf):
        image = pdf.make_stream(bytes([204, 204, 204, 204]) * 900, Type=Name.XObject, Subtype=Name.Image,
                                Width=30, Height=30, ColorSpace=Name.DeviceCMYK, BitsPerComponent=8)
        if decode:
            image.Decode = Array(decode)
        if masked is not None:  # a cut-out photo: 255 opaque everywhere, 0 transparent everywhere
            image.SMask = pdf.make_stream(bytes([masked]) * 900, Type=Name.XObject, Subtype=Name.Image, Width=30,
                                          Height=30, ColorSpace=Name.DeviceGray, BitsPerComponent=8)
        pdf.pages[0].Resources.XObject.ImInk = image
        append_content(pdf, b"/Artifact BMC q 7 0 0 7 300 300 cm /ImInk Do Q EMC")
    return change


def test_a_cmyk_image_over_the_ink_limit_is_an_error_measured_once_per_process(good, tmp_path, monkeypatch):
    from tagprint.preflight.checks import print_images

    measured = []
    measure = print_images._measure
    monkeypatch.setattr(print_images, "_DARKEST", type(print_images._DARKEST)())
    monkeypatch.setattr(print_images, "_measure", lambda image: measured.append(1) or measure(image))
    heavy = edited(good.read_bytes(), tmp_path / "heavy.pdf", _heavy_cmyk_image())
    for _ in range(2):  # the second check of the same image reuses the measurement: the same finding
        found = [f for f in _print_findings(heavy, "error") if f.check == "PRINT-IMAGE-INK"]
        assert [(f.page, "/ImInk" in f.object) for f in found] == [(1, True)]
        assert "carry 320 % ink, over the limit of 300 %" in found[0].message
    assert len(measured) == 1
    assert not [f for f in _print_findings(heavy, ink_limit=3.4) if f.check == "PRINT-IMAGE-INK"]
    assert len(measured) == 1  # another limit, the same image: not decoded again
    # the same bytes with another /Decode are another image: measured anew, not taken from the first
    light = edited(good.read_bytes(), tmp_path / "light.pdf", _heavy_cmyk_image([1, 0] * 4))
    _print_findings(light)
    assert len(measured) == 2


def test_a_cmyk_image_with_a_soft_mask_is_measured_in_its_inks(good, tmp_path, monkeypatch):
    """The mask is not composited into the samples (that would make them RGB and leave the ink unmeasured)."""
    import warnings

    from tagprint.preflight.checks import print_images

    monkeypatch.setattr(print_images, "_DARKEST", type(print_images._DARKEST)())
    heavy = edited(good.read_bytes(), tmp_path / "masked.pdf", _heavy_cmyk_image(masked=255))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "converting to RGBA" on the way
        found = [f for f in _print_findings(heavy, "error") if f.check == "PRINT-IMAGE-INK"]
    assert [(f.page, "/ImInk" in f.object) for f in found] == [(1, True)]
    assert "carry 320 % ink" in found[0].message
    # the same samples fully masked out lay down no ink: not an error
    hidden = edited(good.read_bytes(), tmp_path / "hidden.pdf", _heavy_cmyk_image(masked=0))
    assert not [f for f in _print_findings(hidden, "error") if f.check == "PRINT-IMAGE-INK"]


def test_a_pdf_from_another_writer(tmp_path):
    """Plain ReportLab, as most tools write: RGB, no boxes, no OutputIntent."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "plain.pdf"
    canvas = Canvas(str(path))
    canvas.setFillColorRGB(0.11, 0.14, 0.19)
    canvas.setFont("Helvetica", 9)
    canvas.drawString(72, 720, "Body text in dark RGB")
    canvas.save()
    found = _print_findings(path, "error")
    assert {"PRINT-BOXES", "PRINT-COLORSPACE", "PRINT-SMALL-TEXT", "PRINT-OUTPUT-INTENT",
            "PRINT-PDFX-ID"} <= _ids(found)
    assert any(f.check == "PRINT-SMALL-TEXT" and "dark RGB" in f.message and f.page == 1 for f in found)


def test_ghostscripts_cmyk_conversion_of_the_old_master_still_has_rich_black(tmp_path):
    """Ghostscript rewrites every content stream: the checks read its operators, not ours."""
    out = tmp_path / "gs.pdf"
    subprocess.run([shutil.which("gs"), "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                    "-sColorConversionStrategy=CMYK", f"-sOutputFile={out}", str(OLD)], check=True,
                   capture_output=True, timeout=120)
    rich = [f for f in _print_findings(out, "error") if f.check == "PRINT-SMALL-TEXT"]
    assert rich and all(f.page == 1 for f in rich)


def test_the_command_line(good):
    def run(*args):
        return subprocess.run([sys.executable, str(REPO / "render.py"), "check", *args], capture_output=True,
                              text=True, cwd=REPO)

    old = run("--profile", "print", str(OLD))
    assert old.returncode == 1 and "PRINT-SMALL-TEXT error" in old.stdout and "page 1" in old.stdout
    assert run("--profile", "print", str(good)).returncode == 0
    assert "PRINT-" not in run(str(OLD)).stdout


@pytest.mark.parametrize("change", [None, _rich_black, _coloured_three_inks, _rgb_form, _heavy_fill])
def test_a_print_build_scans_paints_from_the_shared_parse_with_the_same_findings(good, tmp_path, monkeypatch, change):
    """A build opens its PDF with the print checks' operators: the paint scan reads the parse the walker
    and the text scan share (one parse per stream), and finds what the check command's own parse finds."""
    import pikepdf as pk

    from tagprint.preflight.checks import build_checks, build_operators, run_checks
    from tagprint.preflight.document import Doc

    data = good.read_bytes() if change is None else edited(good.read_bytes(), tmp_path / "x.pdf", change).read_bytes()
    parses = []
    real = pk.parse_content_stream
    monkeypatch.setattr(pk, "parse_content_stream", lambda h, ops="": parses.append(h) or real(h, ops))

    def findings(operators: str) -> list:
        parses.clear()
        with Doc.from_bytes(data, operators=operators) as doc:
            found = run_checks(doc, build_checks(), Family.PRESS)
            streams = len(doc.pages) + len(doc.content_ids.forms)
        assert not found.crashed
        return [(f.check, f.severity, f.message, f.page, f.object) for f in found.findings], streams

    shared, streams = findings(build_operators(Family.PRESS))
    assert len(parses) == streams  # one parse per page and form, for every view
    own, _ = findings("")
    assert len(parses) == 2 * streams  # the check command's way: the paint scan parses on its own
    assert shared == own
    assert change is None or any(check.startswith("PRINT-") for check, *_ in shared)


def test_the_ink_of_a_flate_cmyk_image_with_an_inverted_decode_array_is_read_once_inverted():
    """Samples of 51 with /Decode [1 0 …] mean 80 % of each ink (320 % in all): pikepdf applies the Decode
    array when it unpacks Flate samples, so the check must not invert them a second time (it read 80 %)."""
    import zlib

    import pikepdf
    from tagprint.preflight.checks.print_images import darkest_ink

    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, zlib.compress(bytes([51] * 4 * 9 * 9)))
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width = image.Height = 9
    image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceCMYK, 8
    image.Filter, image.Decode = pikepdf.Name.FlateDecode, pikepdf.Array([1, 0] * 4)
    assert abs(darkest_ink(image) - 3.2) < 0.02
