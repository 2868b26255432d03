"""Starting templates: `render.py new NAME --template KIND` writes a working layout, content file and theme
into a project, ready to build (no warnings) and to change.

Each template is a folder here holding `layout.yaml` and `content.yaml`; every template shares `theme.yaml`.
`__NAME__` in them becomes the new piece's name. The registry below is the list of templates (a test builds
each one in a fresh project).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem, Where

HERE = Path(__file__).resolve().parent
NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


@dataclass(frozen=True)
class Template:
    name: str
    description: str


TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("leave-behind", "a two-page US-letter leave-behind: a cover with a story and a list, an inside "
                             "page with cards, a key message, safety information and references"),
    Template("sell-sheet", "a one-page US-letter sell sheet: three benefits, a dosing table, safety "
                           "information and references"),
    Template("deck", "a 16:9 slide deck with speaker notes, and a 3-up handout"),
    Template("email-attachment", "a one-page PDF light enough to attach to an e-mail (the email profile)"),
)}


def files(template: str, name: str) -> dict[str, str]:
    """The files the template writes for a piece called `name`: project-relative path → text."""
    folder = HERE / template
    text = {
        f"layouts/{name}.yaml": (folder / "layout.yaml").read_text(encoding="utf-8"),
        f"content/{name}.yaml": (folder / "content.yaml").read_text(encoding="utf-8"),
        f"layouts/themes/{name}.yaml": (HERE / "theme.yaml").read_text(encoding="utf-8"),
    }
    return {path: body.replace("__NAME__", name) for path, body in text.items()}


def create(root: Path, name: str, template: str) -> list[Path]:
    """Writes the template's files into the project at `root`; every problem at once (a bad name, a
    template that does not exist, files that are already there, which are never overwritten)."""
    from ..load.schema_errors import did_you_mean

    problems = []
    where = Where("render.py new", 0, 0, "")
    if not NAME.match(name):
        problems.append(Problem(where, f"'{name}' is not a usable name for a piece",
                                "use lower-case letters, digits and hyphens, e.g. my-leave-behind"))
    if template not in TEMPLATES:
        problems.append(Problem(where, f"no template '{template}'", did_you_mean(template, TEMPLATES)))
    if problems:
        raise InputError(problems)
    written = files(template, name)
    there = [path for path in written if (root / path).exists()]
    if there:
        raise InputError([Problem(Where(path, 0, 0, ""), "the file is already there (a piece of that name exists)",
                                  "choose another name, or delete the piece's files first") for path in there])
    out = []
    for path, text in written.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        out.append(target)
    _schemas(root)
    return out


def _schemas(root: Path) -> None:
    """The JSON Schemas the files' first lines point editors at (`schemas/*.json`), when the project has
    none yet."""
    from ..load import json_schema

    folder = root / "schemas"
    for kind in json_schema.KINDS:
        path = folder / f"{kind}.json"
        if not path.exists():
            folder.mkdir(exist_ok=True)
            path.write_text(json_schema.schema_text(kind), encoding="utf-8")
