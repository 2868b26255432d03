"""Each class of bad input gets `file:line:col: what — how to fix`, exit 2, and nothing in output/."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_LAYOUT

from tagprint.commands.cli import main
from tagprint.errors import InputError

HEADING = """\
body:
  - type: heading
    level: 1
    text: Title
"""


def run(project, capsys) -> tuple[int, str]:
    code = main(["--root", str(project.root)])
    err = capsys.readouterr().err
    return code, err


def assert_nothing_written(project) -> None:
    out = project.root / "output"
    assert not out.exists() or not any(out.iterdir())


def expect_error(project, capsys, *fragments: str) -> str:
    code, err = run(project, capsys)
    assert code == 2, err
    for fragment in fragments:
        assert fragment in err, f"{fragment!r} not in:\n{err}"
    assert " — " in err
    assert_nothing_written(project)
    return err


def test_a_good_project_builds(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: Hello.\n")
    code, err = run(project, capsys)
    assert code == 0, err
    assert (project.root / "output" / "test.pdf").stat().st_size > 1000


def test_malformed_yaml(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: [unclosed\n")
    expect_error(project, capsys, "content/test.yaml:6:", "malformed YAML")


def test_unknown_block_type_suggests_the_right_one(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraf\n    text: Hi\n")
    expect_error(project, capsys, "content/test.yaml:5:", "unknown block type 'paragraf'", "did you mean 'paragraph'")


def test_unknown_key_suggests_the_right_one(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: heading\n    levle: 2\n    level: 2\n    text: Sub\n")
    expect_error(project, capsys, "content/test.yaml:6:5", "unknown key 'levle'", "did you mean 'level'")


def test_missing_content_id(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("[body]", "[bodyy]"))
    project.content(HEADING)
    expect_error(project, capsys, "layouts/test.yaml:", "no content with id 'bodyy'", "did you mean 'body'")


def test_missing_image(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: figure\n    image: nope.jpg\n    alt: A picture\n")
    expect_error(project, capsys, "content/test.yaml:6:", "image 'nope.jpg' not found in images/")


def test_figure_without_alt_or_decorative(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: figure\n    image: couple-walking.jpg\n")
    expect_error(project, capsys, "content/test.yaml:5:", "figure has no alt text", "decorative: true")


def test_heading_that_skips_a_level(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: heading\n    level: 3\n    text: Deep\n")
    expect_error(project, capsys, "content/test.yaml:5:", "heading level 3 follows level 1", "use level 2")


def test_citation_without_reference(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: Claim.{cite}`9`\n"
                    "  - type: references\n    entries: [Reference 1]\n")
    expect_error(project, capsys, "content/test.yaml:6:", "citation 9 has no matching reference")


def test_link_that_is_not_web_or_mail(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: See [this](javascript:alert(1)) and [that](ftp://x.org).\n")
    err = expect_error(project, capsys, "content/test.yaml:6:", "is not an http, https, mailto or tel address")
    assert err.count("is not an http") == 2


def test_text_that_does_not_fit_its_region(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("[40, 40, 532, 700]", "[40, 40, 200, 60]"))
    project.content(HEADING + "  - type: paragraph\n    text: " + "Words that keep going. " * 40 + "\n")
    expect_error(project, capsys, "layouts/test.yaml:", "region 'main' on page 1 needs", "never clipped")


def test_character_no_font_has(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: Price in 円 today\n")
    expect_error(project, capsys, "content/test.yaml:6:", "no configured font has '円' (U+5186)", "fallback_fonts")


def test_invalid_language_tag(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("lang: en-US", "lang: english"))
    project.content(HEADING)
    expect_error(project, capsys, "layouts/test.yaml:3:", "'english' is not a valid BCP-47 language tag")


def test_invalid_language_of_a_phrase(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: Say [bonjour]{lang=french_xx} now\n")
    expect_error(project, capsys, "content/test.yaml:6:", "'french_xx' is not a valid BCP-47 language tag")


def test_path_that_leaves_the_project(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: figure\n    image: ../../etc/passwd.jpg\n    alt: x\n")
    expect_error(project, capsys, "content/test.yaml:6:", "leaves the images/ folder")


def test_content_path_that_leaves_the_project(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\ncontent: [../outside.yaml]"))
    project.content(HEADING)
    expect_error(project, capsys, "layouts/test.yaml:", "leaves the project folder")


def test_all_problems_of_a_run_are_listed_at_once(project, capsys):
    project.layout()
    project.content(HEADING + "  - type: heading\n    level: 3\n    text: Deep\n"
                    "  - type: figure\n    image: couple-walking.jpg\n"
                    "  - type: paragraph\n    text: See [x](ftp://x.org)\n")
    err = expect_error(project, capsys, "heading level 3", "figure has no alt text", "ftp://x.org")
    assert "3 problem(s)" in err


def test_input_error_carries_structured_problems(project):
    project.layout()
    project.content(HEADING + "  - type: figure\n    image: couple-walking.jpg\n")
    with pytest.raises(InputError) as caught:
        project.build()
    (problem,) = caught.value.problems
    assert problem.where.file == "content/test.yaml" and problem.where.line == 5
    assert problem.where.path == "body[1]"


