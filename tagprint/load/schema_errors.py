"""Turns pydantic's validation errors into problems people can act on (file:line, did-you-mean)."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem, Where
from .lengths import ALLOWED, LENGTH_ERROR
from .yaml_source import Located


def closest(word: str, choices: typing.Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    choices = sorted(choices)
    close = closest(word, choices)
    listing = ", ".join(choices)
    return (f"did you mean '{close}'? " if close else "") + f"allowed: {listing}"


def problems_from(error: ValidationError, source: Located, root: Any) -> list[Problem]:
    """One problem per real mistake; union branches that do not apply to the value are dropped."""
    found: dict[tuple, Problem] = {}
    errors = [(err, *_data_path(err["loc"], source.data, root)) for err in error.errors(include_url=False)]
    colon_texts = _unquoted_colons(errors, source.data, root)
    misspelt = _misspelt(errors, source, root)
    for err, path, annotation in errors:
        text_path = next((p for p in colon_texts if path[:len(p)] == p), None)
        if text_path is not None:
            problem = _colon_problem(source, text_path)
            found.setdefault((text_path, problem.message), problem)
            continue
        value = _value_at(source.data, path)
        if _other_branch(err, path, value, errors, misspelt):
            continue
        found_problem = _problem(err, path, annotation, value, errors, source, root, misspelt)
        if found_problem is not None:
            where = source.where(path)
            found.setdefault((where.line, where.col, found_problem.message), found_problem)
    return list(found.values())


def _misspelt(errors: list, source: Located, root: Any) -> set[tuple]:
    """Missing keys that an unknown key next to them misspells."""
    missing = {path for err, path, _ in errors if err["type"] == "missing" and path}
    misspelt: set[tuple] = set()
    for err, path, _ in errors:
        if err["type"] == "extra_forbidden":
            close = closest(str(path[-1]), _fields(_model_for(path[:-1], source.data, root)))
            if close is not None and path[:-1] + (close,) in missing:
                misspelt.add(path[:-1] + (close,))
    return misspelt


def _colon_problem(source: Located, text_path: tuple) -> Problem:
    key, rest = next(iter(_value_at(source.data, text_path).items()))
    text = f"{key}: {rest}" if rest is not None else f"{key}:"
    return Problem(source.where(text_path), f"the text '{text}' has a ': ', so YAML reads it as a key "
                                            "and a value", f"put it in quotes: {_quoted(text)}")


def _other_branch(err: Any, path: tuple, value: Any, errors: list, misspelt: set[tuple]) -> bool:
    """Errors said elsewhere: a missing key that is misspelt (said at the misspelling), and a Union[str,
    Model] branch that did not apply to this value, when the other branch spoke."""
    kind = err["type"]
    if kind == "missing" and path in misspelt:
        return True
    if kind in ("string_type", "model_type") and isinstance(value, (dict, str)) and path:
        others = any(o is not err and p[:len(path)] == path for o, p, _ in errors)
        return others and (kind == "string_type") == isinstance(value, dict)
    return False


def _problem(err: Any, path: tuple, annotation: Any, value: Any, errors: list, source: Located, root: Any,
             misspelt: set[tuple]) -> Problem | None:
    """The problem one error says (None: another error about the same value speaks for it)."""
    kind = err["type"]
    where = source.where(path)
    if kind == "extra_forbidden":
        return _unknown_key(path, where, source, root, misspelt)
    if kind == "union_tag_invalid":
        tag = err["ctx"]["tag"]
        return Problem(where, f"unknown block type '{tag}'",
                       did_you_mean(tag, [t.strip("'") for t in err["ctx"]["expected_tags"].split(", ")]))
    if kind == "union_tag_not_found":
        return Problem(where, "block has no 'type'", "add a line 'type: paragraph' (or heading, list, figure, …)")
    if kind == "missing" and path:
        return Problem(source.where(path[:-1]), f"missing key '{path[-1]}'", f"add '{path[-1]}: …' here")
    if kind in ("model_type", "dict_type") and not path:
        return Problem(where, "the file is not a mapping of keys to values",
                       "start from an example in layouts/ or content/ (key: value lines)")
    if isinstance(err.get("ctx"), dict) and err["ctx"].get("fix"):  # our own check, with its fix
        return Problem(where, err["msg"], err["ctx"]["fix"])
    if kind == LENGTH_ERROR:
        return Problem(where, f"{value!r} is not a length", f"write {ALLOWED}")
    if kind == "list_type" and any(o is not err and p == path for o, p, _ in errors):
        return None  # the list branch of `one value or a list` (padding, size): the value's own error speaks
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return Problem(where, f"{err['msg']} (got {shown})", _hint(kind, annotation))


def _unknown_key(path: tuple, where: Where, source: Located, root: Any, misspelt: set[tuple]) -> Problem:
    key = path[-1]
    allowed = _fields(_model_for(path[:-1], source.data, root))
    close = closest(str(key), allowed)
    if close is not None and path[:-1] + (close,) in misspelt:
        return Problem(where, f"unknown key '{key}', and the required key '{close}' is missing",
                       f"rename '{key}' to '{close}'")
    return Problem(where, f"unknown key '{key}'", did_you_mean(str(key), allowed))


def _unquoted_colons(errors: list, data: Any, root: Any) -> list[tuple]:
    """Paths where a string was expected but YAML read a one-key mapping, as it does for an unquoted
    `- Patients who want: a monthly dose`: the ': ' made the text a key and a value."""
    paths = []
    for err, path, _ in errors:
        value = _value_at(data, path)
        if err["type"] == "string_type" and path and isinstance(value, dict) and len(value) == 1:
            key, rest = next(iter(value.items()))
            known = key in _fields(_model_for(path, data, root))
            if isinstance(key, str) and not known and not isinstance(rest, (dict, list)):
                paths.append(path)
    return paths


def _quoted(text: str) -> str:
    return f'"{text}"' if '"' not in text else "'" + text.replace("'", "''") + "'"


def _hint(kind: str, annotation: Any) -> str:
    name = getattr(annotation, "__name__", str(annotation))
    if kind.startswith(("greater", "less")):
        return "use a value in the allowed range"
    if kind == "literal_error":
        return "use one of the values listed"
    if kind == "string_pattern_mismatch":
        return "write it as YYYY-MM-DD"
    if kind in ("float_parsing", "float_type", "finite_number"):
        return "write a plain number, such as 71 or 0.62"
    return f"write a value of type {name}"


def _unwrap(annotation: Any, value: Any) -> Any:
    """Strips Annotated/Optional/Union down to the member that applies to `value`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            chosen = members[0]
            for member in members:
                inner = typing.get_args(member)[0] if typing.get_origin(member) is typing.Annotated else member
                if isinstance(value, dict) and isinstance(inner, type) and issubclass(inner, BaseModel):
                    tag = inner.model_fields.get("type")
                    if tag is None or value.get("type") in typing.get_args(tag.annotation):
                        chosen = member
                        break
                elif not isinstance(value, dict) and not (isinstance(inner, type) and issubclass(inner, BaseModel)):
                    chosen = member
                    break
            annotation = chosen
            continue
        return annotation


def _step(annotation: Any, value: Any, part: Any) -> tuple[bool, Any]:
    annotation = _unwrap(annotation, value)
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(part) if isinstance(part, str) else None
        return (field is not None, field.annotation if field else annotation)
    if origin is dict and isinstance(part, str) and isinstance(value, dict):
        return (True, typing.get_args(annotation)[1])
    if origin is list and isinstance(part, int):
        return (True, typing.get_args(annotation)[0])
    return (False, annotation)


def _data_path(loc: tuple, data: Any, root: Any) -> tuple[tuple, Any]:
    """Drops pydantic's union-branch names from `loc`, keeping the keys and indexes of the data."""
    path: list[Any] = []
    annotation, value = root, data
    for part in loc:
        ok, next_annotation = _step(annotation, value, part)
        if not ok and isinstance(value, dict) and part in value:
            ok, next_annotation = True, None  # a key the schema does not know (extra_forbidden)
        if not ok:
            continue  # a branch name such as 'heading' or 'str'
        path.append(part)
        annotation = next_annotation
        value = value.get(part) if isinstance(value, dict) else (
            value[part] if isinstance(value, list) and isinstance(part, int) and part < len(value) else None)
    return tuple(path), annotation


def _value_at(data: Any, path: tuple) -> Any:
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _model_for(path: tuple, data: Any, root: Any) -> Any:
    annotation, value = root, data
    for part in path:
        _, annotation = _step(annotation, value, part)
        value = _value_at(value, (part,))
    return _unwrap(annotation, value)


def _fields(model: Any) -> list[str]:
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []
