"""docs/architecture.md stays true: every path it names exists, every package of tagprint/ is on its map, and
every registry in its table is importable from the module it names and is the one the named test imports."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "architecture.md"
PATH = re.compile(r"`((?:tagprint|tests|docs|schemas|content|layouts)/[\w./-]*|[\w./-]+\.py)`")


def _text() -> str:
    return DOC.read_text(encoding="utf-8")


def registry_rows(text: str) -> list[tuple[str, str, str, str]]:
    """(what, module file, registry name, test file) of each row of the table under "The registries"."""
    section = text.split("## The registries", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[1].startswith("`tagprint/"):
            rows.append((cells[0], *(c.strip("`") for c in cells[1:])))
    return rows


def _dotted(module_file: str) -> str:
    return module_file.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def _imports(test_file: Path) -> set[tuple[str, str]]:
    """(module, name) of every `from tagprint… import name` in a test, at the top or in a function."""
    tree = ast.parse(test_file.read_text(encoding="utf-8"))
    return {(node.module, alias.name) for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tagprint")
            for alias in node.names}


def test_every_path_it_names_exists():
    named = sorted(set(PATH.findall(_text())))
    assert len(named) > 30
    missing = [name for name in named if not (REPO / name).exists()]
    assert missing == []


def test_every_package_of_tagprint_is_on_the_map():
    named = set(PATH.findall(_text()))
    packages = sorted(f"tagprint/{p.name}/" for p in (REPO / "tagprint").iterdir()
                      if p.is_dir() and any(p.glob("*.py")))
    assert [p for p in packages if p not in named] == []


def test_every_registry_is_the_one_its_test_imports():
    rows = registry_rows(_text())
    assert {what.split(":")[0] for what, *_ in rows} >= {"block types", "illustrations", "profiles", "preflight checks"}
    for what, module_file, name, test_file in rows:
        module = _dotted(module_file)
        owner, _, attribute = name.partition(".")
        value = getattr(importlib.import_module(module), owner)
        if attribute:
            getattr(value, attribute)
        imported = _imports(REPO / test_file)
        packages = {module.rsplit(".", depth)[0] for depth in range(module.count("."))}
        assert any((source, owner) in imported for source in {module} | packages), (what, name, test_file)
        if attribute:
            assert f".{attribute}" in (REPO / test_file).read_text(encoding="utf-8"), (what, name, test_file)


def test_every_registry_the_block_test_checks_is_in_the_table():
    """A registry added to the block-type test (a collection it imports under an upper-case name) is added to
    the table too."""
    listed = {name for _, _, name, _ in registry_rows(_text())}
    checked = {name for module, name in _imports(REPO / "tests" / "model" / "test_block_registry.py")
               if name.isupper() and isinstance(getattr(importlib.import_module(module), name), (dict, list, tuple))}
    assert checked and checked - listed == set()


def test_the_table_reader_reads_rows_and_the_checks_can_fail(tmp_path):
    text = ("## The registries\n\n| what | module | registry | test |\n|---|---|---|---|\n"
            "| x | `tagprint/errors.py` | `Problem` | `tests/test_import_graph.py` |\n\n## Next\n")
    assert registry_rows(text) == [("x", "tagprint/errors.py", "Problem", "tests/test_import_graph.py")]
    assert ("tagprint.errors", "Problem") not in _imports(REPO / "tests" / "test_import_graph.py")
