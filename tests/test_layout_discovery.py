"""Which layout files a command line's names mean: one answer for build, watch, approve and diff."""

from __future__ import annotations

from tagprint.discovery import project_layouts, resolve_layouts


def test_a_project_s_layouts_are_its_layouts_folder_by_name(project):
    project.layout(name="zeta")
    project.layout(name="alpha")
    (project.root / "layouts" / "notes.txt").write_text("not a layout")
    assert [p.name for p in project_layouts(project.root)] == ["alpha.yaml", "zeta.yaml"]


def test_names_and_paths_resolve_to_the_same_file(project, monkeypatch):
    project.layout(name="leaflet")
    monkeypatch.chdir(project.root)
    by_name, none = resolve_layouts(project.root, ["leaflet"])
    by_path, also_none = resolve_layouts(project.root, ["layouts/leaflet.yaml"])
    assert none == also_none == []
    assert by_name == [project.root / "layouts" / "leaflet.yaml"]
    assert [p.resolve() for p in by_path] == [p.resolve() for p in by_name]


def test_every_wrong_name_is_a_problem_with_a_fix_and_the_good_ones_still_resolve(project, tmp_path):
    project.layout(name="leaflet")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("document: {}\n")
    paths, problems = resolve_layouts(project.root, ["nope", str(outside), "leaflet"])
    assert paths == [project.root / "layouts" / "leaflet.yaml"]
    assert [(p.where.file, p.message, p.fix) for p in problems] == [
        ("nope", "no such layout", "use one of: leaflet"),
        (str(outside), "the layout is outside the project folder", "name a layout in layouts/ of the project")]
