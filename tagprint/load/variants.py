"""Variants: one layout expanded over a data file into many documents (markets, languages, contacts).

The layout names a data file (`variants: data/markets.yaml`): a list of mappings, each with an `id`
and values. Every `{{name}}` in the layout's and its content's text is replaced by the variant's value;
each variant is built as its own document, named LAYOUT-ID.

`variants: {file: data/reps.yaml, profiles: [email], defaults: {…}}` limits the variants to some profiles:
those are built per variant, the layout's other profiles once (a plain document, named LAYOUT, with the
`defaults` filled in). The plain build is the variant whose id is "" (PLAIN).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem, relative
from ..files import inside
from ..profiles import SCREEN
from .yaml_source import Located, load_yaml

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


PLAIN = ""  # the id of the plain build of a layout whose variants are limited to some profiles


def profiles_for(spec: Any, variant: str | None) -> list[str]:
    """The profiles one build of a layout makes: all of them, or, where the variants are limited to some
    profiles, those for a variant and the others for the plain build."""
    limited = getattr(spec.variants, "profiles", None)
    if not limited or variant is None:
        return list(spec.profiles)
    if variant == PLAIN:
        return [p for p in spec.profiles if p not in limited]
    return [p for p in spec.profiles if p in limited]


def variants_of(root: Path, layout_file: Path) -> list[dict[str, str]] | None:
    """The variants a layout expands over (the plain build last, when the variants are limited to some
    profiles), or None for a plain layout."""
    try:
        layout = load_yaml(layout_file, relative(layout_file, root))
    except InputError:  # load() reports the layout's problems, with those of its content files
        return None
    spec = layout.data.get("variants") if isinstance(layout.data, dict) else None
    if spec is None:
        return None
    plain: dict[str, str] | None = None
    name = spec
    where = layout.where(("variants",))
    if isinstance(spec, dict):
        name, where = spec.get("file"), layout.where(("variants", "file"))
        limited = spec.get("profiles")
        built = layout.data.get("profiles", [SCREEN.name])
        if not isinstance(limited, list) or not isinstance(built, list) or not isinstance(spec.get("defaults", {}), dict):
            return None  # the schema reports it
        plain = _plain_build(layout, spec, limited, built)
    path = root / str(name)
    if not isinstance(name, str) or not inside(root, path) or not path.is_file():
        raise InputError([Problem(where, f"no variants file '{name}' in the project",
                                  "name a YAML file such as data/markets.yaml (a list of mappings with an id)")])
    return _entries(load_yaml(path, relative(path, root))) + ([plain] if plain is not None else [])


def _plain_build(layout: Located, spec: dict, limited: list, built: list) -> dict[str, str] | None:
    """The values of the document built once (the profiles the variants are not limited to), or None
    when every profile is built per variant; the limited profiles must be built at all."""
    if not [p for p in built if p in limited]:
        raise InputError([Problem(layout.where(("variants", "profiles")),
                                  f"the variants' profiles ({', '.join(map(str, limited))}) are not among the "
                                  f"layout's profiles ({', '.join(map(str, built))})",
                                  "name profiles the layout builds, or add them to profiles:")])
    if not [p for p in built if p not in limited]:
        return None
    plain = {str(k): str(v) for k, v in spec.get("defaults", {}).items()}
    plain["id"] = PLAIN
    return plain


def _entries(data: Located) -> list[dict[str, str]]:
    """The variants of a variants file: a non-empty list of mappings, each with its own id."""
    problems: list[Problem] = []
    out: list[dict[str, str]] = []
    if not isinstance(data.data, list) or not data.data:
        raise InputError([Problem(data.where(()), "a variants file is a non-empty list of mappings",
                                  "write - {id: us, market: United States} per variant")])
    seen: set[str] = set()
    for i, entry in enumerate(data.data):
        if not isinstance(entry, dict) or not ID.match(str(entry.get("id", ""))):
            problems.append(Problem(data.where((i,)), "each variant needs an id of letters, digits, - or _",
                                    "add id: us (it names the output file)"))
            continue
        if entry["id"] in seen:
            problems.append(Problem(data.where((i, "id")), f"variant id '{entry['id']}' is used twice",
                                    "give each variant its own id"))
        seen.add(entry["id"])
        out.append({str(k): str(v) for k, v in entry.items()})
    if problems:
        raise InputError(problems)
    return out


def substitute(located: Located, values: dict[str, str], problems: list[Problem]) -> None:
    """Replaces {{name}} in every text of `located` (in place), reporting unknown names where they are."""

    def walk(value: Any, path: tuple) -> Any:
        if isinstance(value, str):
            def replace(m: re.Match) -> str:
                if m.group(1) in values:
                    return values[m.group(1)]
                if values.get("id") == PLAIN:
                    problems.append(Problem(located.where(path), f"no default value '{m.group(1)}' for the "
                                            "profiles built once", "add it to variants: {defaults: {%s: …}} in "
                                            "the layout" % m.group(1)))
                else:
                    problems.append(Problem(located.where(path), f"no variant value '{m.group(1)}'",
                                            "add it to every variant in the variants file: "
                                            + ", ".join(sorted(values))))
                return m.group(0)
            return PLACEHOLDER.sub(replace, value)
        if isinstance(value, dict):
            return {k: walk(v, path + (k,)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, path + (i,)) for i, v in enumerate(value)]
        return value

    located.data = walk(located.data, ())

