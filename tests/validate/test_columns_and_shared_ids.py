"""Two things a new layout met: `columns` silently ignored for text, and another file's example ids."""

import pytest

from conftest import MINIMAL_LAYOUT
from tagprint.errors import InputError

BODY = "body:\n  - type: paragraph\n    text: Hello\n"


def test_columns_on_a_region_with_text_is_a_problem_at_the_region(project):
    project.layout(MINIMAL_LAYOUT.replace("main: {box: [40, 40, 532, 700]}",
                                          "main: {box: [40, 40, 532, 700], columns: 2}"))
    project.content(BODY)
    with pytest.raises(InputError) as caught:
        project.build()
    [problem] = caught.value.problems
    assert "region 'main' has columns: 2" in problem.message and "Paragraph" in problem.message
    assert problem.where.file == "layouts/test.yaml" and problem.where.line == 11


def test_columns_for_a_reference_list_are_fine(project):
    project.layout(MINIMAL_LAYOUT.replace("main: {box: [40, 40, 532, 700]}",
                                          "main: {box: [40, 40, 532, 700], columns: 2}"))
    project.content("body:\n  - type: references\n    level: 1\n    entries: [One, Two, Three]\n")
    assert project.build().pages == 1


def test_an_id_defined_twice_only_fails_the_layout_that_places_it(project):
    """Every layout reads all of content/ unless it names its files: an example file that reuses an id this
    layout never places does not fail it; a duplicate of an id it places does."""
    project.layout()
    project.content(BODY)
    project.content("body:\n  - type: paragraph\n    text: Other\nhero:\n  - type: paragraph\n    text: A\n",
                    name="example")
    project.content("hero:\n  - type: paragraph\n    text: B\n", name="zz-other")
    with pytest.raises(InputError) as caught:
        project.build()
    assert [p.message for p in caught.value.problems] == ["content id 'body' is also defined in content/example.yaml"] \
        or [p.message for p in caught.value.problems] == ["content id 'body' is also defined in content/test.yaml"]
    (project.root / "content" / "example.yaml").write_text("hero:\n  - type: paragraph\n    text: A\n")
    assert project.build().pages == 1       # 'hero' twice, in files this layout does not need: no problem


def test_a_content_path_without_its_folder_gets_the_path_to_use(project):
    project.layout(MINIMAL_LAYOUT + "content: [test.yaml]\n")
    project.content(BODY)
    with pytest.raises(InputError) as caught:
        project.build()
    [problem] = caught.value.problems
    assert problem.message == "no content file 'test.yaml'"
    assert problem.fix.startswith("did you mean 'content/test.yaml'?")
