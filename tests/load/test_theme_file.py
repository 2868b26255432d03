"""One rule says where a layout's theme lives; load, the archive's sources and the review copy follow it."""

from __future__ import annotations

from conftest import MINIMAL_LAYOUT
from tagprint.load.project import load
from tagprint.pipeline import prepare, sources


def test_the_theme_file_is_read_and_archived_from_one_place(project):
    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: house"))
    project.content("body:\n  - type: heading\n    level: 1\n    text: Themed\n")
    kineret = project.root / "layouts" / "themes" / "kineret.yaml"
    house = kineret.with_name("house.yaml")
    kineret.rename(house)
    loaded = load(project.root, project.root / "layouts" / "test.yaml")
    assert loaded.theme_file == house and loaded.theme_source.file == "layouts/themes/house.yaml"
    assert "layouts/themes/house.yaml" in [s.path for s in sources(prepare(project.root, project.root / "layouts" /
                                                                           "test.yaml"))]
