"""Which layouts a project holds, and which layout files a command line's names mean.

Every command that takes layout names (build, watch, approve, diff, …) finds them here, so that a name means
the same file everywhere and a wrong one gets the same problem with the same fix.
"""

from __future__ import annotations

from pathlib import Path

from .errors import Problem, Where
from .files import inside


def project_layouts(root: Path) -> list[Path]:
    """Every layout of the project: layouts/*.yaml, by name."""
    return sorted((root / "layouts").glob("*.yaml"))


def resolve_layouts(root: Path, names: list[str]) -> tuple[list[Path], list[Problem]]:
    """The layout files `names` mean (a name in layouts/, or a .yaml path inside the project), and a problem
    for each name that is outside the project or not a layout."""
    paths: list[Path] = []
    problems: list[Problem] = []
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
