"""Corrupt pictures are decoded whole at validation: a problem with file:line, never a crash later."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from conftest import MINIMAL_LAYOUT
from tagprint.commands.cli import main
from tagprint.errors import InputError

FIGURE = "body:\n  - type: heading\n    level: 1\n    text: T\n  - type: figure\n    image: {name}\n    alt: A picture\n"


def _encoded(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.effect_mandelbrot((160, 120), (-2, -1.5, 1, 1.5), 60).convert("RGB").save(out, fmt)
    return out.getvalue()


def truncated_jpeg() -> bytes:
    data = _encoded("JPEG")
    return data[: len(data) // 2]


def truncated_png() -> bytes:
    data = _encoded("PNG")
    return data[: len(data) // 2]


def broken_jpeg() -> bytes:
    """Header intact, entropy-coded data replaced by noise."""
    data = bytearray(_encoded("JPEG"))
    start = data.index(b"\xff\xda") + 20
    rng = random.Random(1)
    data[start : start + 300] = bytes(rng.randrange(256) for _ in range(300))
    return bytes(data)


@pytest.mark.parametrize("name, make", [("cut.jpg", truncated_jpeg), ("cut.png", truncated_png),
                                        ("noise.jpg", broken_jpeg)])
def test_a_corrupt_picture_is_a_problem_at_its_line(project, name, make):
    (project.root / "images" / name).write_bytes(make())
    project.layout()
    project.content(FIGURE.format(name=name))
    with pytest.raises(InputError) as caught:
        project.build()
    [problem] = caught.value.problems
    assert (problem.where.file, problem.where.line) == ("content/test.yaml", 6)
    assert f"image '{name}' cannot be read as a picture" in problem.message
    assert problem.where.path == "body[1].image"


def test_a_corrupt_picture_does_not_stop_the_other_documents(project, capsys):
    (project.root / "images" / "cut.jpg").write_bytes(truncated_jpeg())
    (project.root / "images" / "cut.png").write_bytes(truncated_png())
    project.content(FIGURE.format(name="cut.jpg"), name="a")
    project.content(FIGURE.format(name="cut.png").replace("body:", "other:"), name="c")
    project.content("good:\n  - type: heading\n    level: 1\n    text: Fine\n", name="b")
    for name, cid in (("a", "body"), ("b", "good"), ("c", "other")):
        project.layout(MINIMAL_LAYOUT.replace("[body]", f"[{cid}]") + f"content: [content/{name}.yaml]\n", name=name)
    code = main(["--root", str(project.root), "--jobs", "2"])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert "Traceback" not in err
    rows = {line.split()[0]: line for line in out.splitlines()[1:-1]}
    assert "failed" in rows["a"] and "failed" in rows["c"] and "built" in rows["b"]
    assert "content/a.yaml:6:5: image 'cut.jpg' cannot be read as a picture" in err
    assert "content/c.yaml:6:5: image 'cut.png' cannot be read as a picture" in err
    assert "2 problem(s) in a, c" in err
    assert sorted(p.name for p in (project.root / "output").glob("*.pdf")) == ["b.pdf"]


def test_a_corrupt_picture_in_a_shared_content_folder_stops_only_its_document(project, capsys):
    # layouts without a content: list read every file in content/; only what a layout places counts
    (project.root / "images" / "cut.jpg").write_bytes(truncated_jpeg())
    project.content(FIGURE.format(name="cut.jpg"), name="pictures")
    project.content("good:\n  - type: heading\n    level: 1\n    text: Fine\n", name="good")
    project.content("typo:\n  - type: heading\n    level: 1\n    text: T\n  - type: paragraf\n    text: x\n",
                    name="typo")
    project.layout(MINIMAL_LAYOUT.replace("[body]", "[good]"), name="good")
    project.layout(MINIMAL_LAYOUT, name="pictures")
    project.layout(MINIMAL_LAYOUT.replace("[body]", "[typo]"), name="typo")
    code = main(["--root", str(project.root), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 2
    rows = {line.split()[0]: line for line in out.splitlines()[1:-1]}
    assert "built" in rows["good"] and "failed" in rows["pictures"] and "failed" in rows["typo"]
    assert err.count("cannot be read as a picture") == 1 and err.count("unknown block type 'paragraf'") == 1
    assert "2 problem(s) in pictures, typo" in err


def test_an_unknown_illustration_parameter_is_one_problem_with_a_did_you_mean(project):
    """No alt text is needed for an illustration (it writes its own), so a failed one must not add a false
    "figure has no alt text"."""
    project.layout()
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n  - type: figure\n"
                    "    illustration: dots\n    params: {colour: primary}\n")
    with pytest.raises(InputError) as caught:
        project.build()
    found = [str(p) for p in caught.value.problems]
    assert len(found) == 1, found
    assert found[0].startswith("content/test.yaml:7:") and "unknown dots parameter 'colour'" in found[0]
    assert "did you mean 'colors'?" in found[0]


def test_an_illustration_without_alt_text_is_built_with_its_own(project):
    project.layout()
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n  - type: figure\n"
                    "    illustration: dots\n    params: {colors: [primary]}\n")
    built = project.build()
    figure = built.document.pages[0].sections()[0].blocks[1]
    assert figure.alt and not figure.decorative
