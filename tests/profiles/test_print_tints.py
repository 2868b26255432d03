"""Tints of brand colours in the print master, read back with pikepdf and poppler: the KINERET helix's
rungs (its navy and teal lightened towards paper) are tints of the colours' own inks, so their CMYK is the
recipe's scaled towards paper; a gradient mixing a spot with process inks names the spot's Separation."""

from __future__ import annotations

import subprocess

import pikepdf

from tagprint.preflight.colour_spaces import _calculator

NAVY = [1.0, 0.72, 0.0, 0.6]   # the kineret theme's recipes for primary and secondary
TEAL = [0.8, 0.0, 0.3, 0.5]


def _helix_height() -> float:
    """The helix's height as the seed's content gives it (its form's BBox is as tall)."""
    import yaml
    from pathlib import Path

    content = yaml.safe_load((Path(__file__).resolve().parents[2] / "content/kineret-dtt-ra.yaml").read_text())
    (height,) = [b["height"] for blocks in content.values() for b in blocks
                 if isinstance(b, dict) and b.get("illustration") == "helix"]
    return float(height)


HELIX_HEIGHT = _helix_height()


def _fills(form: pikepdf.Object) -> list[tuple[str, list[float]]]:
    """Each fill colour a form sets: (colour space name, operands)."""
    out, space = [], ""
    for operands, op in pikepdf.parse_content_stream(form):
        if str(op) == "cs":
            space = str(operands[0])
        elif str(op) in ("scn", "sc", "k", "rg", "g"):
            out.append((space if str(op) in ("scn", "sc") else str(op), [float(v) for v in operands]))
    return out


def test_the_helix_rungs_are_tints_of_the_navy_and_teal_inks(seed_profiles):
    with pikepdf.open(seed_profiles["print"]) as pdf:
        forms = pdf.pages[1].Resources.XObject
        helix = [name for name, form in forms.items() if form.BBox[3] == HELIX_HEIGHT]
        assert len(helix) == 1, list(forms.keys())
        form = forms[helix[0]]
        fills = _fills(form)
        assert not [f for f in fills if f[0] in ("k", "rg", "g")], fills   # no rung through the profile
        rungs = {space: v[0] for space, v in fills if 0 < v[0] < 1}
        assert set(rungs) == {"/PANTONE 534 C", "/PANTONE 328 C"}, fills
        for space, recipe in (("/PANTONE 534 C", NAVY), ("/PANTONE 328 C", TEAL)):
            tint = rungs[space]
            assert 0.3 < tint < 0.6   # the rungs are a soft tint of their strand
            program = form.Resources.ColorSpace[space][3].read_bytes().decode()
            assert _calculator(program, 1.0) == recipe
            ink = _calculator(program, tint)
            assert ink is not None
            # each process value is the recipe's times the tint: the same build, towards paper
            assert [round(v, 4) for v in ink] == [round(v * tint, 4) for v in recipe]


def test_a_gradient_of_a_spot_and_process_inks_names_the_spots_separation(seed_profiles,
                                                                          block_examples_profiles):
    for pdf_path in (seed_profiles["print"], block_examples_profiles["print"]):
        with pikepdf.open(pdf_path) as pdf:
            device_n = [obj.ColorSpace for obj in pdf.objects
                        if isinstance(obj, pikepdf.Dictionary) and "/ShadingType" in obj
                        and isinstance(obj.get("/ColorSpace"), pikepdf.Array) and obj.ColorSpace[0] == "/DeviceN"]
            assert device_n, pdf_path   # the strands' shadings mix a spot with black
            for space in device_n:
                spots = [str(n) for n in space[1] if str(n) not in ("/Cyan", "/Magenta", "/Yellow", "/Black")]
                colorants = space[4].Colorants
                assert sorted(colorants.keys()) == sorted(spots)
                for spot in spots:
                    assert colorants[spot][0] == "/Separation" and str(colorants[spot][1]) == spot
        rendered = subprocess.run(["pdftoppm", "-r", "12", "-png", str(pdf_path)], capture_output=True, check=True)
        assert b"DeviceN has no suitable colorant" not in rendered.stderr
