"""`render.py new NAME --template KIND`: each template, written into a fresh project, builds at once with
exit 0 and no warnings; bad names, unknown templates and existing files are problems, exit 2."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tagprint.commands.cli import main
from tagprint.templates import TEMPLATES

OUTPUTS = {"leave-behind": ["{n}.pdf"], "sell-sheet": ["{n}.pdf"], "deck": ["{n}-slides.pdf", "{n}-handout-3up.pdf"],
           "email-attachment": ["{n}-email.pdf"]}


def test_every_template_is_listed_with_its_outputs():
    assert set(OUTPUTS) == set(TEMPLATES)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_a_new_piece_builds_clean_at_once(tmp_path, capsys, template):
    root = tmp_path / "fresh"
    root.mkdir()
    assert main(["--root", str(root), "new", "my-piece", "--template", template]) == 0
    said = capsys.readouterr().out
    for path in ("layouts/my-piece.yaml", "content/my-piece.yaml", "layouts/themes/my-piece.yaml"):
        assert (root / path).is_file() and path in said
    # each file starts with the schema line editors use, and the schemas are there
    assert (root / "layouts/my-piece.yaml").read_text().startswith("# yaml-language-server: $schema=../schemas/layout.json")
    assert (root / "content/my-piece.yaml").read_text().startswith("# yaml-language-server: $schema=../schemas/content.json")
    assert (root / "layouts/themes/my-piece.yaml").read_text().startswith(
        "# yaml-language-server: $schema=../../schemas/theme.json")
    assert all((root / "schemas" / f"{kind}.json").is_file() for kind in ("layout", "content", "theme"))
    # built through the command line: exit 0, nothing on stderr (no warnings), the PDFs there, previewed in
    # the folders the `next:` line named
    folders = said.split("the pages are previewed in ")[1].strip().split(", ")
    assert main(["--root", str(root), "build", "my-piece", "--preview"]) == 0
    err = capsys.readouterr().err
    assert folders and all((root / folder / "page-1.png").is_file() for folder in folders), folders
    assert {f"output/preview/{Path(n.format(n='my-piece')).stem}/" for n in OUTPUTS[template]} <= set(folders)
    assert "warning" not in err.lower() and "error" not in err.lower(), err
    for name in OUTPUTS[template]:
        pdf = pdfium.PdfDocument(root / "output" / name.format(n="my-piece"))
        assert len(pdf) >= 1
        text = pdf[0].get_textpage().get_text_range()
        assert "Page 1 of" in text or "Slide 1 of" in text
        # and the preflight a designer runs on it finds nothing either (no reading-order warning)
        assert main(["check", str(root / "output" / name.format(n="my-piece"))]) == 0
        checked = capsys.readouterr().out
        assert "0 error(s), 0 warning(s)" in checked, checked


def test_the_files_follow_the_schemas(tmp_path):
    import json

    import jsonschema

    from tagprint.load.yaml_source import load_yaml

    for template in TEMPLATES:
        root = tmp_path / template
        root.mkdir()
        assert main(["--root", str(root), "new", "piece", "--template", template]) == 0
        for kind, path in (("layout", "layouts/piece.yaml"), ("content", "content/piece.yaml"),
                           ("theme", "layouts/themes/piece.yaml")):
            schema = json.loads((root / "schemas" / f"{kind}.json").read_text())
            data = load_yaml(root / path, path).data  # as tagprint reads it (dates stay text)
            jsonschema.validate(data, schema)


def test_bad_names_unknown_templates_and_existing_files_are_problems(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "new", "My Piece!", "--template", "deck"]) == 2
    assert "'My Piece!' is not a usable name" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:  # argparse lists the templates
        main(["--root", str(tmp_path), "new", "ok", "--template", "poster"])
    assert caught.value.code == 2
    assert "leave-behind" in capsys.readouterr().err
    assert main(["--root", str(tmp_path), "new", "twice", "--template", "sell-sheet"]) == 0
    before = (tmp_path / "content/twice.yaml").read_text()
    (tmp_path / "content/twice.yaml").write_text(before + "\n# my edits\n")
    assert main(["--root", str(tmp_path), "new", "twice", "--template", "sell-sheet"]) == 2
    err = capsys.readouterr().err
    assert "already there" in err and "content/twice.yaml" in err
    assert (tmp_path / "content/twice.yaml").read_text().endswith("# my edits\n")  # never overwritten


def test_templates_live_in_the_package():
    import tagprint.templates as templates
    folder = Path(templates.__file__).parent
    for name in TEMPLATES:
        assert (folder / name / "layout.yaml").is_file() and (folder / name / "content.yaml").is_file()
    assert (folder / "theme.yaml").is_file()


def test_the_readme_opens_with_the_first_piece_and_shows_each_template():
    from PIL import Image

    repo = Path(__file__).resolve().parents[2]
    readme = (repo / "README.md").read_text(encoding="utf-8")
    first = readme.index("## Your first piece")
    assert first < readme.index("## Two commands on a fresh machine") < readme.index("## The command line")
    for name in TEMPLATES:
        picture = repo / "docs" / "templates" / f"{name}.png"
        assert f'src="docs/templates/{name}.png"' in readme[first:]
        with Image.open(picture) as image:
            assert image.width <= 480 and picture.stat().st_size < 100_000  # small pictures
