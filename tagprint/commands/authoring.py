"""The writer's commands: `schema` (JSON Schemas and docs/format.md) and `watch` (rebuild on save).

Light to import: each handler loads its module when it runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _root(args: argparse.Namespace) -> Path:
    return getattr(args, "root", Path.cwd()).resolve()


def _schema_handler(args: argparse.Namespace) -> int:
    from ..load import json_schema

    if args.write:
        root = _root(args)
        changed = json_schema.write_generated(root)
        for path in json_schema.generated_files():
            print(f"{path}: {'written' if path in changed else 'up to date'}")
        return 0
    if args.docs:
        sys.stdout.write(json_schema.reference())
        return 0
    if args.kind is None:
        print("name a schema (content, layout, theme), or give --docs or --write", file=sys.stderr)
        return 2
    sys.stdout.write(json_schema.schema_text(args.kind))
    return 0


def _watch_handler(args: argparse.Namespace) -> int:
    from .watch import watch

    root = _root(args)
    output = getattr(args, "output", root / "output").resolve()
    return watch(root, output, args.layouts, getattr(args, "profile", None), getattr(args, "jobs", None))


def register_cli(subparsers, common: argparse.ArgumentParser) -> None:
    """Adds `schema [content|layout|theme] [--docs] [--write]` and `watch [LAYOUT…]`."""
    schema = subparsers.add_parser(
        "schema", parents=[common], help="print the JSON Schema of a kind of file, or write schemas/ and docs/format.md",
        description="Prints the JSON Schema (draft-07) of layouts, content files or themes, generated from the "
                    "models that check them; editors with yaml-language-server use it for completion and "
                    "checking. --docs prints the reference docs/format.md; --write writes schemas/*.json and "
                    "docs/format.md.")
    schema.add_argument("kind", nargs="?", choices=("content", "layout", "theme"))
    schema.add_argument("--docs", action="store_true", help="print the format reference (Markdown)")
    schema.add_argument("--write", action="store_true", help="write schemas/*.json and docs/format.md")
    schema.set_defaults(handler=_schema_handler)
    watch = subparsers.add_parser(
        "watch", parents=[common], help="rebuild on every save, with page previews",
        description="Builds the layouts, then rebuilds whatever a saved layout, content file, theme, image or data "
                    "file changes, printing the result and any problems at once. A failed build keeps the last "
                    "good PDF. Previews: output/preview/NAME/page-N.png and contact.png. Stop with Ctrl-C.")
    watch.add_argument("layouts", nargs="*", help="layouts to watch (default: every layout)")
    watch.set_defaults(handler=_watch_handler)


def _new_handler(args: argparse.Namespace) -> int:
    from ..errors import InputError, relative
    from ..templates import create

    root = _root(args)
    try:
        written = create(root, args.name, args.template)
    except InputError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {relative(path, root)}")
    try:
        folders = ", ".join(f"output/preview/{stem}/" for stem in _pdf_stems(root, args.name))
    except InputError as exc:  # a template that does not build is tagprint's bug: say so, the files stay
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    print(f"next: change the words in content/{args.name}.yaml (a deck's slides in layouts/{args.name}.yaml), "
          f"then `python render.py watch {args.name}`: the pages are previewed in {folders}")
    return 0


def _pdf_stems(root: Path, name: str) -> list[str]:
    """The names of the PDFs a build of the layout writes (each PDF's preview folder is named after it)."""
    from ..batch.worker import output_targets
    from ..pipeline import prepare

    return [t.stem for t in output_targets(root / "output", prepare(root, root / "layouts" / f"{name}.yaml").document)]


def register_new(subparsers, common: argparse.ArgumentParser) -> None:
    """Adds `new NAME --template KIND`."""
    from ..templates import TEMPLATES

    new = subparsers.add_parser(
        "new", parents=[common], help="start a new piece from a template (layout, content and theme)",
        description="Writes layouts/NAME.yaml, content/NAME.yaml and layouts/themes/NAME.yaml from a template; "
                    "they build at once with no warnings. Templates: " +
                    "; ".join(f"{t.name}: {t.description}" for t in TEMPLATES.values()) + ".")
    new.add_argument("name", help="the new piece's name (lower-case letters, digits and hyphens)")
    new.add_argument("--template", "-t", required=True, choices=sorted(TEMPLATES),
                     help="which template to start from")
    new.set_defaults(handler=_new_handler)
