"""Reads YAML safely and remembers where every value came from (line, column, YAML path)."""

from __future__ import annotations

import re
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


def _short_path(path: PathKey, keep: int = 4) -> str:
    """A long YAML path with its middle left out: 'body[1].items[0]…(52 levels)…items[0].text'."""
    if len(path) <= 2 * keep + 2:
        return yaml_path(path)
    head, tail = yaml_path(path[:keep]), yaml_path(path[-keep:])
    return f"{head}…({len(path) - 2 * keep} levels)…{tail.lstrip('.')}"


def yaml_path(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


MAX_DEPTH = 60          # nesting a layout never needs; deeper is refused, not recursed into
MAX_NODES = 200_000     # values in one file
MAX_BYTES = 4 * 1024 * 1024  # checked before reading: the seed's largest file is 12 kB


def _tab_at(text: str, mark) -> bool:
    lines = text.split("\n")
    return bool(mark) and mark.line < len(lines) and lines[mark.line][mark.column:mark.column + 1] == "\t"


def load_yaml(path: Path, shown_as: str, empty_ok: bool = False, data: bytes | None = None) -> Located:
    """`empty_ok`: an empty file is an empty mapping (a content file with no ids yet), not a problem.
    `data`: the file's bytes when the caller has read them already (after checking the size)."""
    text = _read_text(path, shown_as, data)
    node = _compose(text, shown_as)
    if node is None or isinstance(node, yaml.ScalarNode) and node.value == "" and not node.style:
        if empty_ok:
            return Located(shown_as, {}, {(): (1, 1)})
        raise InputError([Problem(Where(shown_as, 1, 1), "the file is empty",
                                  "write the layout or content into it, or delete the file")])
    marks: dict[PathKey, tuple[int, int]] = {}
    problems: list[Problem] = []
    state: dict[str, Any] = {"nodes": 0, "seen": set(), "aliases": []}
    converted = _convert(node, (), marks, problems, shown_as, state)
    if state["aliases"]:
        problems += _alias_problems(text, state["aliases"], shown_as)
    if problems:
        raise InputError(problems)
    return Located(shown_as, converted, marks)


def _read_text(path: Path, shown_as: str, data: bytes | None) -> str:
    """The file's text: a readable file within the size limit, in UTF-8 (else InputError at the place)."""
    if data is None:
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise IsADirectoryError(f"'{shown_as}' is not a file")
        except OSError as exc:
            raise InputError([Problem(Where(shown_as), f"the file cannot be read ({exc.strerror or exc})",
                                      "make it a readable YAML file, or remove it")]) from None
        if size > MAX_BYTES:  # refused before a byte is read
            kind, fix = _kind_of(shown_as)
            raise InputError([Problem(Where(shown_as), f"the file is {size / 1e6:.1f} MB, more than {kind} may "
                                      f"hold ({MAX_BYTES // (1024 * 1024)} MB)", fix)])
    try:
        raw = path.read_bytes() if data is None else data
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:  # the place of the first byte that is not UTF-8
        line = raw.count(b"\n", 0, exc.start) + 1
        col = len(raw[raw.rfind(b"\n", 0, exc.start) + 1:exc.start].decode("utf-8", "replace")) + 1
        raise InputError([Problem(Where(shown_as, line, col), f"not UTF-8 text: byte 0x{raw[exc.start]:02x} here "
                                  f"({exc.reason}; Windows-1252 or Latin-1 text looks like this)",
                                  "save the file as UTF-8")]) from None
    except OSError as exc:
        raise InputError([Problem(Where(shown_as), f"the file cannot be read ({exc.strerror or exc})",
                                  "make it a readable YAML file, or remove it")]) from None


def _compose(text: str, shown_as: str) -> Any:
    """The YAML node tree of `text` (a parse error is an InputError at its line)."""
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        raise InputError([_marked_problem(exc, text, shown_as)]) from None
    except yaml.YAMLError as exc:  # e.g. a control character (ReaderError carries a position, no mark)
        raise InputError([_reader_problem(exc, text, shown_as)]) from None
    except RecursionError:
        raise InputError([Problem(Where(shown_as, 1, 1), "malformed YAML: nested too deeply",
                                  f"a layout or content file nests at most {MAX_DEPTH} levels")]) from None


def _marked_problem(exc: yaml.MarkedYAMLError, text: str, shown_as: str) -> Problem:
    """A parse error with its place: a tab, half a character, or the construct that broke."""
    if _tab_at(text, exc.problem_mark):  # YAML indents with spaces only: point at the tab itself
        mark = exc.problem_mark
        return Problem(Where(shown_as, mark.line + 1, mark.column + 1),
                       "malformed YAML: a tab character where YAML expects spaces",
                       "replace the tab with spaces (YAML indents with spaces only)")
    if "escape" in (exc.problem or "") and re.search(r"\\u[dD][89a-fA-F]", text):
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Problem(Where(shown_as, line, col), "a \\u escape names half of a character (a UTF-16 "
                       "surrogate, U+D800 to U+DFFF), which no text may hold alone",
                       "write the character itself, or its full code as \\U0001F600")
    # the context mark is where the broken construct began: the line a person should look at
    mark = exc.context_mark or exc.problem_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = ", ".join(part for part in (exc.context, exc.problem) if part) or "cannot parse"
    if exc.context_mark and exc.problem_mark and exc.problem_mark.line != exc.context_mark.line:
        what += f" (at line {exc.problem_mark.line + 1})"
    return Problem(Where(shown_as, line, col), f"malformed YAML: {what}",
                   "check the indentation and quoting at this line "
                   "(quote text that contains ': ' or starts with a symbol)")


def _reader_problem(exc: yaml.YAMLError, text: str, shown_as: str) -> Problem:
    """A character YAML refuses, at its position, named."""
    position = getattr(exc, "position", 0) or 0
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    character = getattr(exc, "character", None)
    found = re.search(r"#x([0-9a-fA-F]{4})", str(exc))
    if isinstance(character, int):
        character = chr(character)
    elif not isinstance(character, str) and found:
        character = chr(int(found.group(1), 16))
    said = (f"{character_name(character)} is a control or invisible character, which YAML does not allow"
            if isinstance(character, str) and character else
            f"malformed YAML: {escape(str(exc))}".split("\n")[0])
    return Problem(Where(shown_as, line, col), said, "remove the control character or unusual byte at this place")


# characters refused in text: C0 and C1 controls (but tab and line feed), DEL, lone surrogates, and the
# invisible ones that only hide text (zero width space, word joiner, BOM, bidi overrides); the joiners a
# script needs (ZWJ U+200D, ZWNJ U+200C) and the bidi marks (LRM, RLM) stay
_INVISIBLE = {0x200B: "ZERO WIDTH SPACE", 0x2060: "WORD JOINER", 0xFEFF: "ZERO WIDTH NO-BREAK SPACE (BOM)",
              0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING",
              0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE"}
_CONTROL_NAMES = {0: "NUL", 7: "BEL", 8: "BS", 0x0B: "VT", 0x0C: "FF", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL",
                  0x85: "NEL", 0x9B: "CSI"}


def _refused(ch: str) -> bool:
    code = ord(ch)
    return ((code < 0x20 and ch not in "\t\n") or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF
            or code in _INVISIBLE)


def character_name(ch: str) -> str:
    """'U+001B (ESC)': a character named so that nothing of it reaches the terminal."""
    code = ord(ch)
    name = _CONTROL_NAMES.get(code) or _INVISIBLE.get(code) or (
        "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "a control character" if code < 0x20 or 0x7F <= code <= 0x9F
        else None)
    return f"U+{code:04X}" + (f" ({name})" if name else "")


_TERMINAL_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff\u202a-\u202e\ud800-\udfff]")


def escape(text: str) -> str:
    """Text with control and invisible characters written as \\xNN or \\uNNNN, safe to print."""
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                else f"\\u{ord(m.group()):04x}", text)


def _kind_of(shown_as: str) -> tuple[str, str]:
    """What kind of project file a path is, and how to make one of that kind smaller."""
    if shown_as.startswith("content/"):
        return "a content file", "split the content into several files in content/ (pictures go in images/)"
    if shown_as.startswith("layouts/themes/"):
        return "a theme file", "a theme holds colours, fonts and styles; move anything else out of it"
    if shown_as.startswith("layouts/"):
        return "a layout file", "a layout places content; move the text into files in content/"
    return "a data file", ("split the rows over several data files (one per market or language, say), or keep "
                           "only the values the documents use")


def _alias_problems(text: str, paths: list[PathKey], file: str) -> list[Problem]:
    """Each use of an alias (*name), at the use: the composed tree only knows the anchored node."""
    uses = [event for event in yaml.parse(text, Loader=_LOADER) if isinstance(event, yaml.AliasEvent)]
    if len(uses) != len(paths):  # should not happen; the places still name the uses
        paths = [()] * len(uses)
    return [Problem(Where(file, use.start_mark.line + 1, use.start_mark.column + 1, yaml_path(path)),
                    f"YAML aliases are not supported (*{use.anchor})",
                    f"write the value of &{use.anchor} out here") for use, path in zip(uses, paths)]


_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int",
               "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
               "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _too_big(path: PathKey, where: Where, problems: list, state: dict) -> None:
    """A file nested too deeply or holding too many values: said once per file, at the first place."""
    deep = len(path) > MAX_DEPTH
    if not state.get("deep" if deep else "large"):
        state["deep" if deep else "large"] = True
        short = Where(where.file, where.line, where.col, _short_path(path))
        problems.append(Problem(short, f"too deeply nested (more than {MAX_DEPTH} levels)" if deep
                                else f"too large (more than {MAX_NODES:,} values)",
                                f"a file holds at most {MAX_DEPTH} levels and {MAX_NODES:,} values; a list "
                                "nests a few levels at most"))


def _mapping(node: yaml.MappingNode, path: PathKey, marks: dict, problems: list, file: str,
             state: dict) -> dict[str, Any]:
    """A mapping's keys and converted values (an alias as a key is noted, a duplicate key is a problem)."""
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
        if id(key_node) in state["seen"]:  # an alias as a key
            state["aliases"].append(path + (key,))
        state["seen"].add(id(key_node))
        if key in out:
            problems.append(Problem(
                Where(file, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                      yaml_path(path + (key,))),
                f"duplicate key '{key}'", "remove one of the two entries"))
        out[key] = _convert(value_node, path + (key,), marks, problems, file, state)
        marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    return out


def _convert(node: yaml.Node, path: PathKey, marks: dict, problems: list, file: str, state: dict) -> Any:
    where = Where(file, node.start_mark.line + 1, node.start_mark.column + 1, yaml_path(path))
    marks[path] = (where.line, where.col)
    state["nodes"] += 1
    if id(node) in state["seen"]:  # the same node again: a YAML alias (*name), reported at its use
        state["aliases"].append(path)
        return None
    state["seen"].add(id(node))
    if len(path) > MAX_DEPTH or state["nodes"] > MAX_NODES:
        _too_big(path, where, problems, state)
        return None
    if node.tag not in _PLAIN_TAGS:
        problems.append(Problem(where, f"YAML tag '{node.tag}' is not allowed",
                                "remove the tag (tagprint reads plain YAML: text, numbers, lists, mappings)"))
        return None
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, path, marks, problems, file, state)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), marks, problems, file, state) for i, item in enumerate(node.value)]
    if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        bad = next((ch for ch in node.value if _refused(ch)), None)
        if bad is not None:
            problems.append(Problem(where, f"the text holds {character_name(bad)}, a control or invisible "
                                           "character that prints nothing (or garbage) and that a screen reader may "
                                           "read out", "remove it (a line break in text is a new paragraph or an "
                                                       "explicit \\n in a quoted string)"))
            return node.value
        return node.value  # text, and dates kept as written
    try:
        return _SCALARS.construct_object(node)
    except (yaml.YAMLError, ValueError, KeyError, TypeError):
        problems.append(Problem(where, f"'{node.value}' is not a valid {node.tag.rsplit(':', 1)[-1]}",
                                "write the value without a tag, or fix it"))
        return None


_SCALARS = yaml.SafeLoader("")  # only its scalar constructors are used (int, float, bool, null)
