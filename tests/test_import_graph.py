"""No import circles in tagprint/: the graph of which module imports which, read with `ast` from every import
statement (at the top of a module and inside functions alike; only imports under `if TYPE_CHECKING:` are left
out, since they never run), has no cycle. A cycle is printed as the chain of modules that closes it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tagprint"

# Circles known and owned, each to be broken by its owner (a registry imports its entries at the bottom of its
# module, or an entry imports the package that imports it); the test fails when one of them is gone too, so
# that this list only ever shrinks. Each key is the set of modules of one circle, without "tagprint.".
KNOWN: dict[frozenset[str], str] = {}


def modules(package: Path = PACKAGE) -> dict[str, tuple[Path, bool]]:
    """Every module of the package by dotted name, with its file and whether it is a package's __init__."""
    out = {}
    for file in sorted(package.rglob("*.py")):
        parts = list(file.relative_to(package.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_package else parts)] = (file, is_package)
    return out


def _type_checking_only(tree: ast.AST) -> set[int]:
    """The ids of the nodes under `if TYPE_CHECKING:` (imports for annotations only)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for statement in node.body:
                skipped.update(id(inner) for inner in ast.walk(statement))
    return skipped


def _absolute(module: str | None, level: int, importer: str, is_package: bool) -> str:
    if not level:
        return module or ""
    base = importer.split(".")[: None if is_package else -1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module → the project modules it imports. `from .pkg import name` counts as importing pkg.name when that
    is a module, else pkg; importing a.b.c does not count as importing a and a.b (their __init__ runs first,
    but that is how packages work, not a circle)."""
    known = modules(package)
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, (file, is_package) in known.items():
        tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
        skipped = _type_checking_only(tree)
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(node.module, node.level, name, is_package)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
            for target in targets:
                while target and target not in known:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a → b → … → a) for each strongly connected group of modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for after in sorted(graph[node]):
            if after not in index:
                visit(after)
                low[node] = min(low[node], low[after])
            elif after in on_stack:
                low[node] = min(low[node], index[after])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_cycle_in(graph, group) for group in groups]


def _cycle_in(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """The shortest way from the group's first module back to itself (breadth first, inside the group)."""
    start = min(group)
    came_from: dict[str, str] = {}
    todo = [start]
    while todo:
        node = todo.pop(0)
        for after in sorted(graph[node] & group):
            if after == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [start, *reversed(path[:-1]), start] if node != start else [start, start]
            if after not in came_from:
                came_from[after] = node
                todo.append(after)
    raise AssertionError(f"no cycle in {sorted(group)}")  # pragma: no cover - Tarjan groups always have one


def _short(name: str) -> str:
    return name.removeprefix("tagprint.")


def _known(cycle: list[str]) -> bool:
    """Whether the cycle runs among the modules of one KNOWN circle."""
    return any({_short(c) for c in cycle} <= k for k in KNOWN)


def test_no_module_imports_itself_back():
    new = [c for c in circles(import_graph()) if not _known(c)]
    assert not new, "import circles:\n" + "\n".join(" → ".join(map(_short, c)) for c in new)


def test_the_known_circles_are_still_there():
    """A circle broken by its owner comes off KNOWN, so the list stays true."""
    found = {_short(m) for c in circles(import_graph()) for m in c}
    gone = [sorted(k) for k in KNOWN if not k & found]
    assert not gone, f"these circles are gone: take them off KNOWN: {gone}"


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


@pytest.mark.parametrize("where", ["top", "function"])
def test_a_circle_is_found_and_printed_whether_the_import_is_at_the_top_or_in_a_function(tmp_path, where):
    inner = "from .b import x\n" if where == "top" else "def f():\n    from .b import x\n"
    package = _write(tmp_path, {"pkg/__init__.py": "", "pkg/a.py": inner,
                                "pkg/b.py": "from . import c\nx = 1\n", "pkg/c.py": "from .a import f\n",
                                "pkg/leaf.py": "from .b import x\n"})
    found = circles(import_graph(package / "pkg"))
    assert found == [["pkg.a", "pkg.b", "pkg.c", "pkg.a"]]


def test_imports_for_annotations_only_are_not_a_circle(tmp_path):
    package = _write(tmp_path, {"pkg/__init__.py": "", "pkg/a.py": "from .b import x\n",
                                "pkg/b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                            "    from .a import y\nx = 1\n"})
    assert circles(import_graph(package / "pkg")) == []
