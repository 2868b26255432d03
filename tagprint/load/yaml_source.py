"""Reads YAML safely and remembers where every value came from (line, column, YAML path)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError, Problem, Where

PathKey = tuple[Any, ...]
# libyaml's safe loader when PyYAML was built with it (12× faster); both keep line and column marks
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Located:
    """A YAML file's data as plain Python values, plus the place of every mapping key and item."""

    file: str
    data: Any
    marks: dict[PathKey, tuple[int, int]]

    def where(self, path: PathKey) -> Where:
        """The nearest recorded place for `path` (falls back to its parents)."""
        key = tuple(path)
        while key not in self.marks and key:
            key = key[:-1]
        line, col = self.marks.get(key, (1, 1))
        return Where(self.file, line, col, yaml_path(path))


def yaml_path(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_yaml(path: Path, shown_as: str) -> Located:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(Where(shown_as, 1, 1), f"not UTF-8 text ({exc.reason})",
                                  "save the file as UTF-8")]) from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        # the context mark is where the broken construct began: the line a person should look at
        mark = exc.context_mark or exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = ", ".join(part for part in (exc.context, exc.problem) if part) or "cannot parse"
        if exc.context_mark and exc.problem_mark and exc.problem_mark.line != exc.context_mark.line:
            what += f" (at line {exc.problem_mark.line + 1})"
        raise InputError([Problem(Where(shown_as, line, col), f"malformed YAML: {what}",
                                  "check the indentation and quoting at this line "
                                  "(quote text that contains ': ' or starts with a symbol)")]) from None
    marks: dict[PathKey, tuple[int, int]] = {}
    problems: list[Problem] = []
    data = _convert(node, (), marks, problems, shown_as) if node is not None else {}
    if problems:
        raise InputError(problems)
    return Located(shown_as, data, marks)


def _convert(node: yaml.Node, path: PathKey, marks: dict, problems: list, file: str) -> Any:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if key in out:
                problems.append(Problem(
                    Where(file, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                          yaml_path(path + (key,))),
                    f"duplicate key '{key}'", "remove one of the two entries"))
            out[key] = _convert(value_node, path + (key,), marks, problems, file)
            marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), marks, problems, file) for i, item in enumerate(node.value)]
    # scalars: let the safe constructor decide the type (int, float, bool, str, date)
    if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        return node.value  # text, and dates kept as written
    return _SCALARS.construct_object(node)


_SCALARS = yaml.SafeLoader("")  # only its scalar constructors are used (int, float, bool, null)
