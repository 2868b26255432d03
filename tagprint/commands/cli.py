"""The command line: `python render.py [build LAYOUT…] [--profile NAME] | list | approve | verify | diff | --help`.

Exit codes: 0 success, 2 bad input (every problem listed), 1 internal error.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from ..discovery import project_layouts, resolve_layouts
from ..errors import Problem, relative
from ..profiles import profiles

if TYPE_CHECKING:
    from ..batch.outcome import Outcome

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2


def _options() -> argparse.ArgumentParser:
    """Options that may stand before or after the command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS,
                        help="project folder (default: the current folder)")
    common.add_argument("--output", type=Path, default=argparse.SUPPRESS,
                        help="output folder (default: ROOT/output)")
    common.add_argument("--profile", choices=sorted(profiles()), default=argparse.SUPPRESS,
                        help="build only this profile, for the layouts that list it (default: every profile each layout lists)")
    common.add_argument("--force", action="store_true", default=argparse.SUPPRESS,
                        help="rebuild even what is up to date")
    common.add_argument("--jobs", "-j", type=int, default=argparse.SUPPRESS,
                        help="parallel processes (default: the number of cores)")
    common.add_argument("--preview", action="store_true", default=argparse.SUPPRESS,
                        help="also write PNGs of the pages built: output/preview/NAME/page-N.png, contact.png")
    return common


def _parser() -> argparse.ArgumentParser:
    common = _options()
    p = argparse.ArgumentParser(
        prog="render.py", parents=[common],
        description="Build tagged, screen-reader-friendly PDFs (PDF/UA-1) from layouts/*.yaml into output/.",
        epilog="With no command, every layout in layouts/ is built in each profile it lists. "
               "Exit codes: 0 ok, 2 bad input, 1 internal error.",
    )
    sub = p.add_subparsers(dest="command")
    b = sub.add_parser("build", parents=[common], help="build the named layouts (names or paths)")
    b.add_argument("layouts", nargs="+")
    sub.add_parser("list", parents=[common], help="list the layouts that can be built")
    from ..approval import register_cli as register_approval
    register_approval(sub, common)
    from ..preflight import register_cli as register_preflight
    register_preflight(sub)
    from .authoring import register_cli as register_authoring, register_new
    register_authoring(sub, common)
    register_new(sub, common)
    return p


def build_all(root: Path, output: Path, layouts: list[Path], only: str | None, force: bool = False,
              jobs: int | None = None, preview: bool = False, shown_output: str = "output") -> int:
    """Every layout × profile; bad documents are reported at the end and do not stop the others."""
    from ..batch import run, table

    if only and profiles()[only].approval_only:
        print(f"error: --profile {only}: the {only} profile is written only by an approval — run "
              f"render.py approve LAYOUT --version V --by NAME", file=sys.stderr)
        return EXIT_INPUT
    outcomes, seconds = run(root, output, layouts, only, force, jobs)
    if outcomes:
        print(table(outcomes, seconds, shown_output))
    elif layouts and only:
        print(f"nothing to build: no layout lists the {only} profile (profiles: in the layout)", file=sys.stderr)
    elif layouts:
        print("nothing to build: the layouts list only profiles that an approval writes (archive) — "
              "run render.py approve LAYOUT --version V --by NAME", file=sys.stderr)
    else:
        print("no layouts in layouts/", file=sys.stderr)
    if preview:
        from .preview import preview_outcomes
        print(preview_outcomes(outcomes, output))
    _print_warnings(outcomes)
    # a content file shared by several layouts has its problems once
    problems = list({str(p): p for o in outcomes for p in o.problems}.values())
    if problems:
        failed = sorted({o.name for o in outcomes if o.status == "failed"})
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(problems)} problem(s) in {', '.join(failed)}; what failed was not written",
              file=sys.stderr)
        return EXIT_INTERNAL if any(o.internal for o in outcomes) else EXIT_INPUT
    return EXIT_OK


def _print_warnings(outcomes: list[Outcome]) -> None:
    """Each warning once (with its id), and the warnings the layouts accept in one line."""
    for warning in dict.fromkeys(str(w) + (f" (warning {w.id})" if w.id else "") for o in outcomes
                                 for w in o.warnings):
        print(f"warning: {warning}", file=sys.stderr)
    accepted = {w.id: o.name for o in outcomes for w in o.accepted}
    if accepted:  # once, not a warning per item: the layout accepts them on purpose
        every = sorted({o.name for o in outcomes if o.accepted})
        names = ", ".join(every[:3]) + (f" and {len(every) - 3} more documents" if len(every) > 3 else "")
        print(f"accepted by the layout ({names}): {len(accepted)} warning(s) {', '.join(sorted(accepted))} — "
              f"render.py approve refuses them unless --accept names each", file=sys.stderr)


def _report(problems: list[Problem], output: Path, root: Path, written: bool = False) -> int:
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    tail = "" if written else f"; nothing was written to {relative(output, root)}/"
    print(f"{len(problems)} problem(s){tail}", file=sys.stderr)
    return EXIT_INPUT


def _terminate(signum, frame):  # kill (SIGTERM) ends a build like Ctrl-C: temporary files are removed
    raise KeyboardInterrupt


# what a build imports; looked up (not imported) before anything runs, so that a Python without them is told
# how to get them instead of printing a traceback
LIBRARIES = {"reportlab": "reportlab", "PIL": "pillow", "yaml": "pyyaml", "pikepdf": "pikepdf",
             "pydantic": "pydantic", "markdown_it": "markdown-it-py", "pypdfium2": "pypdfium2"}


def missing_libraries() -> list[str]:
    from importlib.util import find_spec

    return [package for module, package in LIBRARIES.items() if find_spec(module) is None]


def main(argv: list[str] | None = None) -> int:
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
        signal.signal(signal.SIGHUP, _terminate)  # the terminal closed: clean up the same way
    args = _parser().parse_args(argv)
    missing = missing_libraries()
    if missing:
        print(f"error: this Python ({sys.executable}) does not have the libraries tagprint needs "
              f"({', '.join(missing)}) — run `make build` once, then use `.venv/bin/python render.py …` "
              "(or `. .venv/bin/activate` first)", file=sys.stderr)
        return EXIT_INTERNAL
    root = getattr(args, "root", Path.cwd()).resolve()
    output = getattr(args, "output", root / "output").resolve()
    if not root.is_dir():
        print(f"error: --root {root}: no such folder — name the project folder (the one holding layouts/)",
              file=sys.stderr)
        return EXIT_INPUT
    try:
        if args.command == "list":
            for path in project_layouts(root):
                print(relative(path, root))
            return EXIT_OK
        if hasattr(args, "handler"):
            args.root, args.output = root, output
            return args.handler(args)
        if args.command == "build":
            layouts, problems = resolve_layouts(root, args.layouts)
            if problems:
                return _report(problems, output, root)
        else:
            layouts = project_layouts(root)
        shown = args.output.as_posix().rstrip("/") if hasattr(args, "output") else "output"
        return build_all(root, output, layouts, getattr(args, "profile", None), getattr(args, "force", False),
                         getattr(args, "jobs", None), getattr(args, "preview", False), shown)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader stopped reading (e.g. `| head`): not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except Exception:
        traceback.print_exc()
        print("internal error: this is a bug in tagprint, not in your files", file=sys.stderr)
        return EXIT_INTERNAL
