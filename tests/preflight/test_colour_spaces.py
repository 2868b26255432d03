"""Colour spaces as a printer's preflight reads them (tagprint/preflight/colour_spaces.py), from colour
space objects written with pikepdf the way other generators write them."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from tagprint.preflight.colour_spaces import CMYK, GRAY, RGB, Colour, Space, image_space, resolve_space


def _calculator_separation(pdf: pikepdf.Pdf, ink: str, program: bytes) -> Array:
    fn = pdf.make_stream(program, FunctionType=4, Domain=[0, 1], Range=[0, 1] * 4)
    return Array([Name.Separation, Name("/" + ink), Name.DeviceCMYK, fn])


def test_device_spaces_by_name_and_by_abbreviation():
    assert resolve_space(Name.DeviceCMYK, None) == CMYK and resolve_space(Name("/RGB"), None) == RGB
    assert resolve_space(Name("/G"), None) == GRAY


def test_a_named_resource_is_looked_up_and_a_missing_one_says_so():
    pdf = pikepdf.new()
    separation = _calculator_separation(pdf, "PANTONE 534 C", b"{ dup 0.72 mul 0 2 index 0.6 mul 5 pop }")
    resources = Dictionary(ColorSpace=Dictionary(CS0=separation))
    spot = resolve_space(Name("/CS0"), resources)
    assert (spot.family, spot.inks, spot.label, spot.kind) == ("Separation", ("PANTONE 534 C",), "/CS0", "spot")
    # the calculator run at full tint: C 1, M 0.72, Y 0, K 0.6 (2 index copies the tint; 5 pop leaves nothing)
    assert spot.alternate == "C100 M72 Y0 K60"
    missing = resolve_space(Name("/CS9"), resources)
    assert (missing.family, missing.label) == ("missing", "/CS9")


def test_an_exponential_alternate_and_an_unknown_program():
    pdf = pikepdf.new()
    exponential = Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[0, 0.5, 1, 0], N=1)
    space = resolve_space(Array([Name.Separation, Name("/Orange"), Name.DeviceCMYK, exponential]), None)
    assert space.alternate == "C0 M50 Y100 K0"
    odd = resolve_space(_calculator_separation(pdf, "Odd", b"{ 2 sqrt }"), None)
    assert odd.alternate.startswith("/DeviceCMYK function ") and len(odd.alternate.split()[-1]) == 12


def test_devicen_indexed_and_icc_spaces():
    pdf = pikepdf.new()
    devicen = resolve_space(Array([Name.DeviceN, Array([Name.Cyan, Name("/Gold")]), Name.DeviceCMYK,
                                   Dictionary()]), None, "/CS1")
    assert (devicen.components, devicen.inks, devicen.kind) == (2, ("Cyan", "Gold"), "spot")
    icc = pdf.make_stream(b"profile", N=4)
    assert resolve_space(Array([Name.ICCBased, icc]), None).kind == "cmyk"
    indexed = resolve_space(Array([Name.Indexed, Name.DeviceRGB, 1, pikepdf.String(b"\0\0\0\xff\xff\xff")]),
                            None, "/CS2")
    assert (indexed.family, indexed.label) == ("Indexed", "/CS2 (Indexed DeviceRGB)")


def test_what_inks_a_colour_puts_on_paper():
    assert Colour(CMYK, (0.2, 0.0, 0.001, 1.0)).inks() == {"Cyan": 0.2, "Black": 1.0}
    assert Colour(GRAY, (0.25,)).inks() == {"Black": 0.75} and Colour(RGB, (1, 0, 0)).inks() == {}
    registration = Space("Separation", 1, ("All",))
    assert Colour(registration, (1.0,)).inks() == {n: 1.0 for n in ("Cyan", "Magenta", "Yellow", "Black")}
    assert Colour(Space("DeviceN", 2, ("Gold", "None")), (0.5, 1.0)).describe() == "Gold 50 % + None 100 %"


def test_image_spaces():
    pdf = pikepdf.new()
    mask = pdf.make_stream(b"\0", ImageMask=True, Width=1, Height=1)
    jpx = pdf.make_stream(b"", Filter=Name.JPXDecode, Width=1, Height=1)
    rgb = pdf.make_stream(b"\0\0\0", ColorSpace=Name.DeviceRGB, Width=1, Height=1, BitsPerComponent=8)
    assert [image_space(i, None).family for i in (mask, jpx, rgb)] == ["stencil mask", "JPXDecode", "DeviceRGB"]
