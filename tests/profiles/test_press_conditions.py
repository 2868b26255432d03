"""The registered press conditions: each ICC profile, built by scripts/make_press_profiles.py from the
registered characterisation data, predicts that data; a theme's `condition:` selects it and the print
master's OutputIntent registers it."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageCms

from conftest import MINIMAL_LAYOUT, Project
from tagprint.profiles.press import CONDITIONS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEBIAN = Path("/usr/share/color/icc")


def _patches(ti3: Path) -> list[tuple[tuple[float, ...], tuple[float, ...]]]:
    """(CMYK 0..100, CIELAB) of every patch of a CGATS/.ti3 data set."""
    lines = [line.strip() for line in ti3.read_text().splitlines()]
    fields = lines[lines.index("BEGIN_DATA_FORMAT") + 1].split()
    rows = lines[lines.index("BEGIN_DATA") + 1:lines.index("END_DATA")]
    at = {name: fields.index(name) for name in ("CMYK_C", "CMYK_M", "CMYK_Y", "CMYK_K", "LAB_L", "LAB_A", "LAB_B")}
    out = []
    for row in rows:
        values = row.split()
        cmyk = tuple(float(values[at[k]]) for k in ("CMYK_C", "CMYK_M", "CMYK_Y", "CMYK_K"))
        lab = tuple(float(values[at[k]]) for k in ("LAB_L", "LAB_A", "LAB_B"))
        out.append((cmyk, lab))
    return out


def _mean_delta_e76(icc: bytes, patches) -> float:
    """The profile's prediction (absolute colorimetric, as measured) of each patch against the data."""
    image = Image.new("CMYK", (len(patches), 1))
    image.putdata([tuple(round(v * 2.55) for v in cmyk) for cmyk, _ in patches])
    transform = ImageCms.buildTransform(ImageCms.ImageCmsProfile(io.BytesIO(icc)), ImageCms.createProfile("LAB"),
                                        "CMYK", "LAB", renderingIntent=ImageCms.Intent.ABSOLUTE_COLORIMETRIC)
    lab = ImageCms.applyTransform(image, transform)
    total = 0.0
    for (_, (L, a, b)), (l8, a8, b8) in zip(patches, lab.get_flattened_data()):
        predicted = (l8 * 100 / 255, a8 - 128, b8 - 128)
        total += ((predicted[0] - L) ** 2 + (predicted[1] - a) ** 2 + (predicted[2] - b) ** 2) ** 0.5
    return total / len(patches)


def _data(name: str, extract: str | None = None) -> Path:
    full = DEBIAN / f"{name}.ti3"
    return full if full.is_file() else FIXTURES / (extract or f"{name}-extract.ti3")


@pytest.fixture(scope="module")
def fogra39_master(tmp_path_factory) -> bytes:
    project = Project(tmp_path_factory.mktemp("fogra39") / "project")
    project.layout(MINIMAL_LAYOUT)
    project.content("body:\n  - type: paragraph\n    text: Printed for FOGRA39.\n")
    theme = project.root / "layouts" / "themes" / "kineret.yaml"
    text = theme.read_text()
    theme.write_text(text.replace("condition: " + _condition(text), "condition: fogra39"))
    return _print(project)


def _condition(theme_text: str) -> str:
    return next(line.split(":", 1)[1].strip() for line in theme_text.splitlines() if line.strip().startswith("condition:"))


def _print(project: Project):
    from tagprint.pipeline import build

    return build(project.root, project.root / "layouts" / "test.yaml", "print").data


def test_a_fogra39_master_registers_fogra39_and_its_profile_predicts_the_fogra39l_data(fogra39_master):
    with pikepdf.open(io.BytesIO(fogra39_master)) as pdf:
        intent = pdf.Root.OutputIntents[0]
        assert str(intent.S) == "/GTS_PDFX"
        assert str(intent.OutputConditionIdentifier) == "FOGRA39"
        assert str(intent.RegistryName) == "http://www.color.org"
        assert "FOGRA39" in str(intent.Info) and "12647-2" in str(intent.OutputCondition)
        icc = intent.DestOutputProfile.read_bytes()
    patches = _patches(_data("FOGRA39L"))
    assert len(patches) >= 200
    assert _mean_delta_e76(icc, patches) <= 2.0


@pytest.mark.parametrize("name, data, neighbour", [("fogra39", "FOGRA39L", "TR005"), ("cgats-tr006", "TR006", "TR005"),
                                                   ("cgats-tr005", "TR005", "FOGRA39L")])
def test_each_registered_profile_predicts_its_own_data_and_not_its_neighbours(name, data, neighbour):
    """Each profile is within mean ΔE76 2 of its own data, and measurably further from another
    condition's: it characterises its own press, and the OutputIntent's claim is true."""
    from tagprint.preflight.checks.print_pdfx import describes
    from tagprint.profiles.color import icc_description

    icc = CONDITIONS[name].icc
    own = _mean_delta_e76(icc, _patches(_data(data)))
    other = _mean_delta_e76(icc, _patches(_data(neighbour)))
    assert own <= 2.0 and other > own + 1.0
    assert describes(CONDITIONS[name].identifier, icc_description(icc)) is True
    assert CONDITIONS[name].registry == "http://www.color.org"


def test_the_extracts_are_the_registered_data_where_the_package_is_installed():
    for name in ("FOGRA39L", "TR005", "TR006"):
        extract = _patches(FIXTURES / f"{name}-extract.ti3")
        full = DEBIAN / f"{name}.ti3"
        assert len(extract) >= 200
        if full.is_file():  # (where icc-profiles-free is installed: every eighth patch of it)
            assert extract == _patches(full)[::8]


def test_an_unknown_condition_is_refused_at_its_line(tmp_path):
    project = Project(tmp_path / "project")
    project.layout(MINIMAL_LAYOUT)
    project.content("body:\n  - type: paragraph\n    text: x\n")
    theme = project.root / "layouts" / "themes" / "kineret.yaml"
    text = theme.read_text()
    theme.write_text(text.replace("condition: " + _condition(text), "condition: fogra99"))
    from tagprint.errors import InputError

    with pytest.raises(InputError) as caught:
        _print(project)
    assert any("fogra99" in p.message and "fogra39" in (p.fix or "") for p in caught.value.problems)


def _set_press(project, condition: str, extra: str = "") -> None:
    theme = project.root / "layouts" / "themes" / "kineret.yaml"
    text = theme.read_text()
    theme.write_text(text.replace("  condition: " + _condition(text), f"  condition: {condition}{extra}"))


def test_a_project_may_name_its_own_profile_as_a_custom_condition(project):
    own = CONDITIONS["cgats-tr005"].icc_path.read_bytes()
    (project.root / "layouts" / "themes" / "our-press.icc").write_bytes(own)
    project.layout(MINIMAL_LAYOUT)
    project.content("body:\n  - type: paragraph\n    text: Our own press.\n")
    _set_press(project, "custom", "\n  profile: our-press.icc")
    with pikepdf.open(io.BytesIO(_print(project))) as pdf:  # the build's preflight passed the intent
        intent = pdf.Root.OutputIntents[0]
        assert str(intent.OutputConditionIdentifier) == "Custom" and "/RegistryName" not in intent
        assert "SWOP 2006" in str(intent.Info) and "our-press.icc" in str(intent.OutputCondition)
        assert intent.DestOutputProfile.read_bytes() == own


def test_a_custom_condition_without_its_profile_is_refused_at_its_line(project):
    from tagprint.errors import InputError

    project.layout(MINIMAL_LAYOUT)
    project.content("body:\n  - type: paragraph\n    text: x\n")
    _set_press(project, "custom", "\n  profile: missing.icc")
    with pytest.raises(InputError) as caught:
        _print(project)
    (problem,) = [p for p in caught.value.problems if "missing.icc" in p.message]
    assert problem.where.file.endswith("kineret.yaml") and problem.where.path == "press.profile"


def test_recipes_per_condition(project):
    from tagprint.pipeline import prepare

    project.layout(MINIMAL_LAYOUT)
    project.content("body:\n  - type: paragraph\n    text: x\n")
    extra = "\n  condition_recipes:\n    cgats-tr006: {accent: {cmyk: [0, 70, 95, 5]}}"
    theme = project.root / "layouts" / "themes" / "kineret.yaml"
    shipped = theme.read_text()
    for condition, accent in (("fogra39", (0.0, 0.75, 1.0, 0.05)), ("cgats-tr006", (0.0, 0.7, 0.95, 0.05))):
        theme.write_text(shipped)
        _set_press(project, condition, extra)
        press = prepare(project.root, project.root / "layouts" / "test.yaml").document.theme.press
        assert press.condition == condition and press.recipes["accent"].cmyk == accent
