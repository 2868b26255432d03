"""Brand fonts: found by name in the project's fonts/ folder and the font wheels, CFF kept as CFF, variable
fonts instanced at the weights used, subset tags from the subset's bytes, and a clear problem (exit 2 at
the theme's line) for a family that is missing or may not be embedded."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from conftest import MINIMAL_LAYOUT, REPO
from fontTools.ttLib import TTFont

from tagprint.commands.cli import main
from tagprint.finish.fonts import subset_tag

THEME = REPO / "layouts" / "themes" / "kineret.yaml"


def _pdffonts(path: Path) -> list[tuple[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        name = line.split()[0]
        kind = re.split(r"\s{2,}", line.strip())[1]
        rows.append((name, kind))
    return rows


@pytest.mark.parametrize("profile", ["screen", "print", "email", "archive"])
def test_the_german_example_embeds_its_brand_fonts_in_every_profile(norvalin_profiles, profile):
    fonts = _pdffonts(norvalin_profiles[profile])
    names = [name for name, _ in fonts]
    kinds = dict(fonts)
    heros = [n for n in names if n.split("+")[1].startswith("TeXGyreHeros")]
    assert heros and all(kinds[n] == "CID Type 0C" for n in heros)  # CFF kept as CFF (FontFile3)
    # one Latin family, its bold for the headings; Arabic and Hebrew in one script font, a matched pair
    assert {n.split("+")[1] for n in names} == {"TeXGyreHeros-Regular", "TeXGyreHeros-Bold", "DejaVuSans"}
    tags = [n.split("+")[0] for n in names]
    assert all(re.fullmatch(r"[A-Z]{6}", t) for t in tags) and len(set(tags)) == len(tags)
    assert subprocess.run([sys.executable, "render.py", "check", str(norvalin_profiles[profile])], cwd=REPO,
                          capture_output=True).returncode == 0


def test_a_subset_tag_is_the_same_for_the_same_bytes_and_differs_for_others(norvalin_profiles):
    with pikepdf.open(norvalin_profiles["screen"]) as pdf:
        for font in pdf.pages[0].Resources.Font.values():
            descendant = font.DescendantFonts[0]
            descriptor = descendant.FontDescriptor
            program = (descriptor.get("/FontFile2") or descriptor.get("/FontFile3")).read_bytes()
            assert str(font.BaseFont)[1:7] == subset_tag(program)
    assert subset_tag(b"a") == subset_tag(b"a") != subset_tag(b"b")


def _project_with_theme(tmp_path: Path, font_line: str, fonts: list[Path] = ()) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO / "images", root / "images")
    (root / "layouts" / "themes").mkdir(parents=True)
    theme = THEME.read_text(encoding="utf-8").replace("font: Atkinson Hyperlegible", font_line)
    (root / "layouts" / "themes" / "kineret.yaml").write_text(theme, encoding="utf-8")
    (root / "layouts" / "test.yaml").write_text(MINIMAL_LAYOUT, encoding="utf-8")
    (root / "content").mkdir()
    (root / "content" / "test.yaml").write_text("body:\n  - type: paragraph\n    text: Hello AVATAR WAVE\n")
    if fonts:
        (root / "fonts").mkdir()
        for f in fonts:
            shutil.copy(f, root / "fonts" / f.name)
    return root


def test_a_theme_naming_a_font_in_the_project_folder_builds(tmp_path, capsys):
    root = _project_with_theme(tmp_path, "font: TeX Gyre Heros", sorted((REPO / "fonts").glob("*.otf")))
    assert main(["--root", str(root), "build", "test"]) == 0
    fonts = _pdffonts(root / "output" / "test.pdf")
    assert any(n.endswith("+TeXGyreHeros-Regular") and k == "CID Type 0C" for n, k in fonts)


def test_a_variable_font_is_embedded_as_two_static_instances(tmp_path):
    """Source Sans 3 (a variable font from its wheel) for the whole piece: the heading's bold and the body's
    regular each embedded as a static instance named for its weight, TrueType outlines kept as TrueType."""
    root = _project_with_theme(tmp_path, "font: Source Sans 3")
    (root / "content" / "test.yaml").write_text("body:\n  - type: heading\n    level: 1\n    text: Office hours\n"
                                                "  - type: paragraph\n    text: Hello AVATAR WAVE\n")
    assert main(["--root", str(root), "build", "test"]) == 0
    fonts = dict((name.split("+")[1], kind) for name, kind in _pdffonts(root / "output" / "test.pdf"))
    assert fonts == {"SourceSans3-W400": "CID TrueType", "SourceSans3-W700": "CID TrueType"}


def test_a_missing_family_is_a_problem_at_the_theme_line_with_did_you_mean(tmp_path, capsys):
    root = _project_with_theme(tmp_path, "font: TeX Gyre Herso", sorted((REPO / "fonts").glob("*.otf")))
    assert main(["--root", str(root), "build", "test"]) == 2
    err = capsys.readouterr().err
    assert "layouts/themes/kineret.yaml:3:" in err and "font family 'TeX Gyre Herso' is not available" in err
    assert "did you mean 'TeX Gyre Heros'" in err and "internal error" not in err


def test_a_font_that_forbids_embedding_is_a_problem_at_the_theme_line(tmp_path, capsys):
    font = TTFont(str(REPO / "fonts" / "texgyreheros-regular.otf"))
    font["OS/2"].fsType = 0x0002  # restricted licence embedding
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = "Locked Sans"
    locked = tmp_path / "LockedSans-Regular.otf"
    font.save(str(locked))
    root = _project_with_theme(tmp_path, "font: Locked Sans", [locked])
    assert main(["--root", str(root), "build", "test"]) == 2
    err = capsys.readouterr().err
    assert "layouts/themes/kineret.yaml:3:" in err and "does not allow embedding" in err
    assert "fsType is 0x0002" in err
