"""The command line: `python render.py [build LAYOUT…] | list | --help`.

Exit codes: 0 success, 2 bad input (every problem listed), 1 internal error.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from .errors import InputError, Problem, Where, relative
from .load.project import inside
from .pipeline import Built, build, write_atomically

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2


def project_layouts(root: Path) -> list[Path]:
    return sorted((root / "layouts").glob("*.yaml"))


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="render.py",
        description="Build tagged, screen-reader-friendly PDFs (PDF/UA-1) from layouts/*.yaml into output/.",
        epilog="With no command, every layout in layouts/ is built. Exit codes: 0 ok, 2 bad input, 1 internal error.",
    )
    p.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: the current folder)")
    p.add_argument("--output", type=Path, default=None, help="output folder (default: ROOT/output)")
    sub = p.add_subparsers(dest="command")
    b = sub.add_parser("build", help="build the named layouts (names or paths)")
    b.add_argument("layouts", nargs="+")
    sub.add_parser("list", help="list the layouts that can be built")
    return p


def _resolve(root: Path, names: list[str]) -> tuple[list[Path], list[Problem]]:
    paths, problems = [], []
    for name in names:
        candidate = Path(name)
        if candidate.suffix != ".yaml":
            candidate = root / "layouts" / f"{name}.yaml"
        elif not candidate.is_absolute():
            candidate = (Path.cwd() / candidate)
        if not inside(root, candidate):
            problems.append(Problem(Where(name), "the layout is outside the project folder",
                                    "name a layout in layouts/ of the project"))
        elif not candidate.is_file():
            known = ", ".join(p.stem for p in project_layouts(root)) or "none"
            problems.append(Problem(Where(name), "no such layout", f"use one of: {known}"))
        else:
            paths.append(candidate)
    return paths, problems


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    output = (args.output or root / "output").resolve()
    try:
        if args.command == "list":
            for path in project_layouts(root):
                print(relative(path, root))
            return EXIT_OK
        if args.command == "build":
            layouts, problems = _resolve(root, args.layouts)
        else:
            layouts, problems = project_layouts(root), []
        built: list[Built] = []
        for layout in layouts:
            try:
                built.append(build(root, layout))
            except InputError as exc:
                problems.extend(exc.problems)
        if problems:
            for problem in problems:
                print(f"error: {problem}", file=sys.stderr)
            print(f"{len(problems)} problem(s); nothing was written to {relative(output, root)}/", file=sys.stderr)
            return EXIT_INPUT
        for item in built:
            target = output / f"{item.name}.pdf"
            write_atomically(target, item.data)
            print(f"{relative(target, root)}: {item.pages} pages, {len(item.data):,} bytes, {item.milliseconds:.0f} ms")
        if not layouts:
            print("no layouts in layouts/", file=sys.stderr)
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception:
        traceback.print_exc()
        print("internal error: this is a bug in tagprint, not in your files", file=sys.stderr)
        return EXIT_INTERNAL
