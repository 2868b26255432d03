"""The lint of layouts: pharma rules checked before building, in every build."""

from __future__ import annotations

from conftest import MINIMAL_LAYOUT
from tagprint.commands.cli import main

H1 = "body:\n  - type: heading\n    level: 1\n    text: Title\n"


def run(project, capsys) -> tuple[int, str]:
    code = main(["--root", str(project.root)])
    return code, capsys.readouterr().err


def test_a_piece_that_names_the_product_needs_safety_information(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("  title: Test document", "  title: Test document\n  product: KINERET"))
    project.content(H1 + "  - type: paragraph\n    text: KINERET works.\n")
    code, err = run(project, capsys)
    assert code == 2 and "error: layouts/test.yaml:3:3: the piece names KINERET but carries no safety information " \
                         "[document.product]" in err, err
    project.content(H1 + "  - type: paragraph\n    text: KINERET works.\n"
                    "  - type: safety\n    blocks:\n      - type: paragraph\n        text: Safety text.\n")
    assert run(project, capsys)[0] == 0


def test_uncited_reference_is_a_warning(project, capsys):
    project.layout()
    project.content(H1 + "  - type: paragraph\n    text: Claim.{cite}`1`\n"
                    "  - type: references\n    entries: [Reference 1, Reference 2]\n  - type: material_id\n")
    code, err = run(project, capsys)
    assert code == 0, err
    assert "warning: content/test.yaml:8:28:" in err and "reference 2 is never cited" in err
    assert (project.root / "output" / "test.pdf").is_file()


def test_missing_material_id_block_is_a_warning(project, capsys):
    project.layout()
    project.content(H1)
    code, err = run(project, capsys)
    assert code == 0 and "warning: layouts/test.yaml:12:1: the material id appears only in the page footers" in err, err


def test_small_body_text_in_print(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\nprofiles: [screen, print]"))
    project.content(H1 + "  - type: paragraph\n    style: small\n    text: Tiny body text.\n")
    code, err = run(project, capsys)
    assert code == 2 and "content/test.yaml:5:5: body text in style 'small' is 8 pt" in err


def test_vague_link_text(project, capsys):
    project.layout()
    project.content(H1 + "  - type: paragraph\n    text: For dosing [click here](https://example.com/dosing).\n")
    code, err = run(project, capsys)
    assert code == 2 and "the link text 'click here' does not say where it goes" in err
    project.content(H1 + '  - type: paragraph\n    text: For dosing [click here](https://example.com/dosing "Dosing guide").\n')
    assert run(project, capsys)[0] == 0


def test_alt_text_that_is_a_file_name_or_says_image_of(project, capsys):
    project.layout()
    project.content(H1 + "  - type: figure\n    image: couple-walking.jpg\n    alt: couple-walking.jpg\n"
                    "  - type: figure\n    image: megan-outdoors.jpg\n    alt: Image of a woman outside\n")
    code, err = run(project, capsys)
    assert code == 2
    assert "content/test.yaml:5:5: the alt text 'couple-walking.jpg' is a file name" in err
    assert "content/test.yaml:8:5: the alt text starts with 'image of'" in err


def test_safety_text_smaller_than_the_claims_is_an_error(project, capsys):
    project.layout()
    safety = "  - type: safety\n    blocks:\n      - type: paragraph\n        style: {style}\n        text: Risks.\n"
    claims = H1 + "".join("  - type: paragraph\n    text: Claim.\n" for _ in range(3))
    project.content(claims + safety.format(style="small") + "  - type: material_id\n")
    code, err = run(project, capsys)
    assert code == 2 and "content/test.yaml:13:" in err
    assert "safety text in style 'small' is 8 pt, smaller than the claims' body text ('body', 9.75 pt)" in err
    project.content(claims + safety.format(style="safety") + "  - type: material_id\n")
    assert run(project, capsys)[0] == 0


def test_a_deck_sets_its_safety_information_as_large_as_its_claims(tmp_path):
    """Fair balance on slides too: the deck's safety text is judged in the slide style it is set in
    (slide_safety) against the slides' claims (slide_body), not against the speaker notes."""
    import shutil
    from pathlib import Path

    import pytest
    from tagprint.errors import InputError
    from tagprint.pipeline import prepare

    repo = Path(__file__).resolve().parents[2]
    for folder in ("layouts", "content", "images"):
        shutil.copytree(repo / folder, tmp_path / folder)
    deck = tmp_path / "layouts" / "kineret-dtt-ra-deck.yaml"
    assert prepare(tmp_path, deck).document.kind == "deck"      # as shipped: 30 pt against 28 pt
    theme = tmp_path / "layouts" / "themes" / "kineret.yaml"
    import re
    smaller = re.sub(r"(slide_safety:\s*\{size:\s*)\d+", r"\g<1>15", theme.read_text())
    assert smaller != theme.read_text()
    theme.write_text(smaller)
    with pytest.raises(InputError) as caught:
        prepare(tmp_path, deck)
    message = str(caught.value)
    assert "safety text in style 'slide_safety' is 15 pt, smaller than the claims' body text ('slide_body', 28 pt)" \
        in message and "content/kineret-dtt-ra.yaml:" in message


def test_placeholder_text_is_a_warning_at_its_place(project, capsys):
    """Stand-in copy (a placeholder ISI, a reference written "Reference 2", an editor's TODO) is named at
    its line in every build, so that nobody approves it unnoticed; ordinary words are left alone."""
    project.layout()
    project.content(
        "body:\n"
        "  - type: paragraph\n"
        "    text: Placeholder for the approved safety text.\n"
        "  - type: paragraph\n"
        "    text: Dosing TODO after the label update.\n"
        "  - type: paragraph\n"
        "    text: A todo list is not a mark, and neither is a reference to the label.\n")
    code, err = run(project, capsys)
    assert code == 0
    found = [line for line in err.splitlines() if "placeholder text" in line]
    assert [line.split(": placeholder")[0] for line in found] == \
        ["warning: content/test.yaml:3:5", "warning: content/test.yaml:5:5"]
