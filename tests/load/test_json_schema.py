"""The JSON Schemas and docs/format.md: generated from the models, current, and in agreement with the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal, Union

import jsonschema
import pytest
from pydantic import Field, TypeAdapter

from conftest import REPO
from tagprint.commands.cli import main
from tagprint.load import json_schema
from tagprint.load.json_schema import KINDS, WRITE_COMMAND, FileKind, modeline, schema, stale_files
from tagprint.load.schema import ContentSpec, HeadingSpec, ParagraphSpec, Strict
from tagprint.load.yaml_source import load_yaml

FILES = {"content": "content/*.yaml", "layout": "layouts/*.yaml", "theme": "layouts/themes/*.yaml"}


def repo_files(kind: str) -> list[Path]:
    return sorted(REPO.glob(FILES[kind]))


def validator(kind: str) -> jsonschema.Validator:
    s = schema(kind)
    jsonschema.Draft7Validator.check_schema(s)
    return jsonschema.Draft7Validator(s)


def errors(kind: str, data) -> list[str]:
    return [e.message for e in validator(kind).iter_errors(data)]


def test_schemas_and_format_reference_are_current():
    stale = stale_files(REPO)
    assert not stale, f"{', '.join(stale)} differ from what tagprint/load/schema.py gives: run `{WRITE_COMMAND}`"


def test_a_stale_file_is_found(tmp_path):
    for relative in json_schema.generated_files():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text((REPO / relative).read_text())
    assert stale_files(tmp_path) == []
    (tmp_path / "docs" / "format.md").write_text("# hand-edited\n")
    (tmp_path / "schemas" / "theme.json").unlink()
    assert stale_files(tmp_path) == ["schemas/theme.json", "docs/format.md"]


@pytest.mark.parametrize("kind", sorted(FILES))
def test_every_file_in_the_repo_validates_against_its_schema(kind):
    files = repo_files(kind)
    assert files
    for path in files:
        data = load_yaml(path, path.name).data   # as tagprint reads it (dates stay text, as in YAML 1.2)
        assert errors(kind, data) == [], path


@pytest.mark.parametrize("kind", sorted(FILES))
def test_every_file_in_the_repo_names_its_schema(kind):
    for path in repo_files(kind):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(kind), f"{path.relative_to(REPO)}: start it with {modeline(kind)}"
        assert (path.parent / first.split("$schema=")[1]).resolve() == REPO / "schemas" / f"{kind}.json"


def test_the_schema_refuses_what_the_loader_refuses():
    good = {"intro": [{"type": "heading", "level": 1, "text": "Hi"}]}
    assert errors("content", good) == []
    TypeAdapter(ContentSpec).validate_python(good)
    bad = [
        {"intro": [{"type": "paragraf", "text": "Hi"}]},                      # unknown block type
        {"intro": [{"type": "heading", "levle": 1, "text": "Hi"}]},           # misspelt key
        {"intro": [{"type": "heading", "level": 7, "text": "Hi"}]},           # out of range
        {"intro": [{"image": "a.jpg", "alt": "A photo"}]},                   # a block must say its type
        {"intro": [{"type": "figure", "illustration": "sunset"}]},           # no such illustration
        {"intro": [{"type": "list", "items": []}]},                          # an empty list
        {"intro": [{"type": "callout", "blocks": [{"type": "spacer"}]}]},    # a spacer needs its height
        {"intro": [{"type": "figure", "illustration": "dots", "params": {"cuont": 9}}]},  # no such parameter
    ]
    for data in bad:
        assert errors("content", data), data
    assert errors("layout", {"document": {"title": "T"}, "theme": "kineret"})   # lang, dates, … missing


def test_an_illustrations_parameters_are_its_own():
    dots = {"type": "figure", "illustration": "dots", "params": {"count": 9, "clusters": 2}}
    assert errors("content", {"a": [dots]}) == []
    assert errors("content", {"a": [{**dots, "illustration": "helix"}]})   # helix has no count or clusters
    figure = schema("content")["$defs"]["FigureSpec"]
    names = [rule["if"]["properties"]["illustration"]["const"] for rule in figure["allOf"]]
    assert names == figure["properties"]["illustration"]["anyOf"][0]["enum"]   # every registered one


def test_a_cards_figure_may_leave_out_its_type_as_the_loader_allows():
    data = {"cards": [{"type": "cards", "cards": [{"figure": {"illustration": "dots", "alt": "Dots"}, "text": "x"}]}]}
    TypeAdapter(ContentSpec).validate_python(data)
    assert errors("content", data) == []


def block_types() -> list[str]:
    defs = schema("content")["$defs"]
    return [defs[b["$ref"].rsplit("/", 1)[1] if "$ref" in b else b["allOf"][0]["$ref"].rsplit("/", 1)[1]]
            ["properties"]["type"]["const"] for b in defs["Block"]["oneOf"]]


def test_the_schema_and_the_reference_name_every_block_type():
    from tagprint.load.schema import BLOCK_TYPES
    assert sorted(block_types()) == sorted(BLOCK_TYPES)
    reference = (REPO / "docs" / "format.md").read_text()
    for name in BLOCK_TYPES:
        assert f"#### `type: {name}`" in reference


def _types_used(node, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        if isinstance(node.get("type"), str):
            found.add(node["type"])
        for value in node.values():
            _types_used(value, found)
    elif isinstance(node, list):
        for item in node:
            _types_used(item, found)
    return found


def test_the_block_examples_show_every_block_type():
    """layouts/block-examples.yaml claims one of every block type: its content file must hold each
    (table and notes included), not merely some other example in the repository."""
    path = REPO / "content" / "block-examples.yaml"
    used = _types_used(load_yaml(path, path.name).data, set())
    missing = sorted(set(block_types()) - used)
    assert not missing, f"no example of {missing} in content/block-examples.yaml: add one"
    assert {"table", "notes"} <= used


class TableSpec(Strict):
    """A table (a block type the models do not have yet)."""

    type: Literal["table"]
    caption: str
    """What the table shows."""
    rows: list[list[str]] = Field(min_length=1)
    """The rows, each a list of cells."""


def test_a_new_block_type_appears_in_schema_and_reference_by_itself(monkeypatch):
    block = Annotated[Union[HeadingSpec, ParagraphSpec, TableSpec], Field(discriminator="type")]
    content = TypeAdapter(dict[str, list[block]])
    monkeypatch.setitem(KINDS, "content", FileKind("content", "content", content.json_schema, "t", "d"))
    files = json_schema.generated_files()
    table = json.loads(files["schemas/content.json"])["$defs"]["TableSpec"]
    assert table["properties"]["rows"]["description"] == "The rows, each a list of cells."
    assert "#### `type: table`" in files["docs/format.md"]
    assert "| `caption` | text | **required** |  | What the table shows. |" in files["docs/format.md"]
    assert "[`table`](#def-table) | A table (a block type the models do not have yet). |" in files["docs/format.md"]


def test_every_key_has_a_description():
    for kind in KINDS:
        s = schema(kind)
        for name, definition in [(kind, s), *s.get("$defs", {}).items()]:
            for key, prop in definition.get("properties", {}).items():
                if key != "type":
                    assert prop.get("description"), f"{name}.{key}: add a docstring under it in schema.py"


def test_schema_command_prints_each_schema(capsys):
    assert main(["schema", "content"]) == 0
    assert json.loads(capsys.readouterr().out) == schema("content")
    assert main(["schema", "--docs"]) == 0
    assert capsys.readouterr().out == (REPO / "docs" / "format.md").read_text()


def test_schema_write_writes_the_files(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "schema", "--write"]) == 0
    assert "schemas/layout.json: written" in capsys.readouterr().out
    assert stale_files(tmp_path) == []
    assert json.loads((tmp_path / "schemas" / "layout.json").read_text())["$schema"].startswith("http://json-schema")
