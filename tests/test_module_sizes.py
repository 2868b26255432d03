"""Small rooms: no module of tagprint/ over 500 lines, no function over 80 lines (a comment on the line
above a function may say why it is longer; none does today)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tagprint"
MAX_MODULE = 500
MAX_FUNCTION = 80


def _modules() -> list[Path]:
    found = sorted(PACKAGE.rglob("*.py"))
    assert len(found) > 100  # the walk found the package
    return found


def test_no_module_is_over_500_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in _modules() if (n := len(p.read_text().splitlines())) > MAX_MODULE}
    assert long == {}


def test_no_function_is_over_80_lines_unless_a_comment_says_why():
    long = {}
    for path in _modules():
        lines = path.read_text().splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                start = min([node.lineno] + [d.lineno for d in node.decorator_list])
                said = start >= 2 and lines[start - 2].lstrip().startswith("#") and "80 lines" in lines[start - 2]
                if length > MAX_FUNCTION and not said:
                    long[f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}"] = length
    assert long == {}
