"""JSON Schemas of the YAML files, generated from the pydantic models in schema.py.

Editors that speak yaml-language-server complete and check keys as one types when a file starts with
`# yaml-language-server: $schema=../schemas/content.json`. The schemas are shipped in schemas/ and the
reference docs/format.md is written from the same schemas (format_reference.py), both by
`python render.py schema --write`; a test fails when either is stale. Everything here is derived from the
models, so a block type added to schema.py appears after re-running the command.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from pydantic import TypeAdapter

from .schema import ContentSpec, LayoutSpec, ThemeSpec

DRAFT = "http://json-schema.org/draft-07/schema#"   # the draft editors' language servers understand best
WRITE_COMMAND = "python render.py schema --write"


@dataclass(frozen=True)
class FileKind:
    """One kind of YAML file: where such files live, its model and what its schema says about it."""

    name: str
    folder: str          # where the files of this kind live (for the modeline's relative path)
    model: Callable[[], dict[str, Any]]
    title: str
    description: str


def _illustrations() -> dict[str, tuple[str, dict[str, Any]]]:
    """Each registered illustration: what it draws (its module's first line) and its parameters with their
    defaults, read from the parameters dataclass its `parse` returns."""
    import dataclasses
    import sys
    import typing

    from ..illustrations import kinds  # importing the package registers every illustration

    out = {}
    for name, kind in sorted(kinds().items()):
        returned = typing.get_type_hints(type(kind).parse).get("return")
        params = next((t for t in (returned, *typing.get_args(returned)) if dataclasses.is_dataclass(t)), None)
        fields = {}
        for f in dataclasses.fields(params) if params else ():
            factory = f.default_factory  # every parameter has a default, or a factory that makes one
            value = f.default if f.default is not dataclasses.MISSING else factory() if callable(factory) else None
            fields[f.name] = json.loads(json.dumps(value, default=str))
        doc = (sys.modules[type(kind).__module__].__doc__ or name).strip().split("\n\n")[0]
        out[name] = (" ".join(doc.split()), fields)
    return out


KINDS: dict[str, FileKind] = {
    "content": FileKind("content", "content", TypeAdapter(ContentSpec).json_schema, "tagprint content",
                        "A content file (content/NAME.yaml): each top-level key is a content id holding a list "
                        "of blocks. See docs/format.md."),
    "layout": FileKind("layout", "layouts", LayoutSpec.model_json_schema, "tagprint layout",
                       "A layout (layouts/NAME.yaml): what the document is, its theme, page templates and "
                       "pages, or slides. See docs/format.md."),
    "theme": FileKind("theme", "layouts/themes", ThemeSpec.model_json_schema, "tagprint theme",
                      "A theme (layouts/themes/NAME.yaml): font, colours and type styles. See docs/format.md."),
}


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft-07) of one kind of file."""
    spec = KINDS[kind]
    raw = spec.model()
    _name_block_union(raw)
    _require_discriminators(raw)
    _name_illustrations(raw)
    _drop_titles(raw)
    _walk(raw, _one_line_description)
    return {"$schema": DRAFT, "title": spec.title, "description": spec.description,
            **{k: v for k, v in raw.items() if k not in ("title", "description")}}


def schema_text(kind: str) -> str:
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"


def modeline(kind: str, file_folder: str | None = None) -> str:
    """The first line that points an editor at the schema, for a file in `file_folder`."""
    depth = len(Path(file_folder or KINDS[kind].folder).parts)
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{kind}.json"


def _walk(node: Any, visit: Callable[[dict], None]) -> None:
    if isinstance(node, dict):
        visit(node)
        for key, value in node.items():
            if key == "properties":  # its keys are names, not keywords
                for prop in value.values():
                    _walk(prop, visit)
            elif key in ("default", "const", "enum", "examples"):  # values, not schemas
                continue
            else:
                _walk(value, visit)
    elif isinstance(node, list):
        for item in node:
            _walk(item, visit)


def _name_block_union(root: dict) -> None:
    """pydantic writes the block union out wherever blocks stand (a content id, a callout, the safety
    information); it becomes one definition, `Block`, that each of them refers to."""
    unions: list[dict] = []
    _walk(root, lambda node: unions.append(node) if "discriminator" in node and "oneOf" in node else None)
    if not unions or len({json.dumps(u, sort_keys=True) for u in unions}) != 1:
        return
    block = {"description": "A block: its `type:` says which of the block types it is.", **unions[0]}
    for node in unions:
        node.clear()
        node["$ref"] = "#/$defs/Block"
    root.setdefault("$defs", {})["Block"] = block


def _one_line_description(node: dict) -> None:
    if isinstance(node.get("description"), str):
        node["description"] = " ".join(node["description"].split())


def _require_discriminators(root: dict) -> None:
    """A tagged union's branches need their tag (`type:`), even where the model gives it a default
    (FigureSpec's type defaults to "figure" for a card's figure, but a block must say its type)."""
    defs = root.get("$defs", {})

    def visit(node: dict) -> None:
        tag = (node.get("discriminator") or {}).get("propertyName")
        if not tag or "oneOf" not in node:
            return
        for i, branch in enumerate(node["oneOf"]):
            ref = branch.get("$ref", "")
            target = defs.get(ref.rsplit("/", 1)[-1], {})
            if ref and tag not in target.get("required", []):
                node["oneOf"][i] = {"allOf": [branch], "required": [tag]}
        node.pop("discriminator")  # an OpenAPI keyword, not JSON Schema; the tag's `const` says it

    _walk(root, visit)


def _name_illustrations(root: dict) -> None:
    """`illustration:` takes one of the registered illustrations' names, and `params:` that illustration's
    parameter names (an editor completes them, with their defaults); a new illustration appears by itself.
    The parameters' values are checked by the build, which names the allowed range."""
    figure = root.get("$defs", {}).get("FigureSpec")
    if figure is None:
        return
    illustrations = _illustrations()
    prop = figure["properties"]["illustration"]
    prop["anyOf"] = [{"enum": list(illustrations)} if b.get("type") == "string" else b for b in prop["anyOf"]]
    figure["allOf"] = [
        {"if": {"properties": {"illustration": {"const": name}}, "required": ["illustration"]},
         "then": {"properties": {"params": {
             "description": doc, "additionalProperties": False,
             "properties": {key: {"default": value, "description": f"default: {json.dumps(value)}"}
                            for key, value in params.items()}}}}}
        for name, (doc, params) in illustrations.items() if params]


def _drop_titles(root: dict) -> None:
    """pydantic's titles only repeat the key ("Material Id"); the descriptions say what a key is."""
    _walk(root, lambda node: node.pop("title", None) if isinstance(node.get("title"), str) else None)


# ---- the generated files -----------------------------------------------------------------------------

def generated_files() -> dict[str, str]:
    """Relative path → text of every file `schema --write` writes."""
    files = {f"schemas/{kind}.json": schema_text(kind) for kind in KINDS}
    files["docs/format.md"] = reference()
    return files


def reference() -> str:
    """The text of docs/format.md, from the schemas."""
    from .format_reference import format_reference  # loaded only when the reference is written

    return format_reference({kind: schema(kind) for kind in KINDS}, {kind: modeline(kind) for kind in KINDS},
                            WRITE_COMMAND)


def write_generated(root: Path) -> list[str]:
    """Writes the schemas and docs/format.md; returns the paths that changed."""
    changed = []
    for relative_path, text in generated_files().items():
        path = root / relative_path
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(relative_path)
    return changed


def stale_files(root: Path) -> list[str]:
    """The generated files that are missing or differ from what the models give now."""
    return [rel for rel, text in generated_files().items()
            if not (root / rel).is_file() or (root / rel).read_text(encoding="utf-8") != text]
