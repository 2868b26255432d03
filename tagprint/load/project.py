"""Load stage: reads a layout, its theme and the content files, and checks their shape."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..errors import InputError, Problem, relative
from ..files import inside, symlink_in
from .schema import BlockSpec, ContentSpec, LayoutSpec, ThemeSpec
from .schema_errors import closest, problems_from
from .variants import substitute
from .yaml_source import MAX_BYTES, Located, load_yaml

CONTENT_ADAPTER: TypeAdapter = TypeAdapter(ContentSpec)


@dataclass
class ContentFile:
    source: Located
    sections: dict[str, list[Any]]  # content id -> block specs


@dataclass
class Loaded:
    """Everything a layout needs, shape-checked, with the sources kept for error messages."""

    root: Path
    layout_file: Path
    layout_source: Located
    layout: LayoutSpec
    theme_source: Located
    theme: ThemeSpec
    content: dict[str, tuple[ContentFile, list[BlockSpec]]] = field(default_factory=dict)
    variant: str | None = None
    # when the theme cannot be read, a stand-in lets validation find the other problems; its own
    # problems travel here and validation reports them with the rest
    problems: list[Problem] = field(default_factory=list)
    theme_known: bool = True
    # the types (as written) of blocks whose shape failed and that an empty spacer stands in for: checks
    # of the whole document that such a block could change (heading order, citations) are left out
    stand_ins: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.layout_file.stem}-{self.variant}" if self.variant else self.layout_file.stem

    @property
    def theme_file(self) -> Path:
        """The theme file the layout names (it need not exist: load reports that)."""
        return theme_file_of(self.root, self.layout.theme)


def theme_file_of(root: Path, theme: str) -> Path:
    """A theme's file: layouts/themes/THEME.yaml in the project folder."""
    return root / "layouts" / "themes" / f"{theme}.yaml"


# Files that parse and validate cleanly, by path, name shown and content: a batch worker reads the same
# theme and content files for every document (a variant's placeholders make its own copy, never cached).
_PARSED: dict[tuple, tuple[Located | None, Any]] = {}
PARSED_KEPT = 64


def _parse(path: Path, root: Path, adapter: Any, problems: list[Problem],
           variant: dict[str, str] | None = None) -> tuple[Located | None, Any]:
    shown = relative(path, root)
    try:  # the size first: a file over the limit is never read (load_yaml reports it, and any other fault)
        raw = path.read_bytes() if path.is_file() and path.stat().st_size <= MAX_BYTES else None
    except OSError:
        raw = None
    key = (str(path), shown, hashlib.sha256(raw).digest() if raw is not None else None,
           getattr(adapter, "_type", adapter))
    if raw is not None and (variant is None or b"{{" not in raw) and key in _PARSED:
        return _PARSED[key]
    parsed = _parse_anew(path, shown, adapter, problems, variant, raw)
    if raw is not None and (variant is None or b"{{" not in raw) and parsed[1] is not None:
        if len(_PARSED) >= PARSED_KEPT:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[key] = parsed
    return parsed


def _parse_anew(path: Path, shown: str, adapter: Any, problems: list[Problem],
                variant: dict[str, str] | None, raw: bytes | None = None) -> tuple[Located | None, Any]:
    try:  # parsed from the bytes the cache key was made of: a save in between cannot mix two versions
        located = load_yaml(path, shown, empty_ok=adapter is CONTENT_ADAPTER, data=raw)
    except InputError as exc:
        problems.extend(exc.problems)
        return None, None
    if variant is not None:
        substitute(located, variant, problems)
    try:
        return located, adapter.validate_python(located.data)
    except ValidationError as exc:
        problems.extend(problems_from(exc, located, getattr(adapter, "_type", adapter)))
        return located, None


class _ModelAdapter:
    def __init__(self, model: Any):
        self._type = model

    def validate_python(self, data: Any) -> Any:
        return self._type.model_validate(data)


class AnyName(dict):
    """The colours or styles of a stand-in theme: every name is known, so nothing is blamed on it."""

    def __init__(self, value: Any):
        super().__init__()
        self.value = value

    def __contains__(self, key: object) -> bool:
        return True

    def __missing__(self, key: str) -> Any:
        return self.value


def stand_in_theme() -> ThemeSpec:
    return ThemeSpec.model_construct(colors=AnyName("#000000"), styles=AnyName(None))


def load(root: Path, layout_file: Path, variant: dict[str, str] | None = None) -> Loaded:
    """`variant`: the values of one variant of a layout that expands over a data file."""
    problems: list[Problem] = []
    layout_source, layout = _parse(layout_file, root, _ModelAdapter(LayoutSpec), problems, variant)
    if layout is None:  # the content files' problems are still worth knowing
        for path in _named_content_files(root, layout_source):
            _parse(path, root, CONTENT_ADAPTER, problems, variant)
        raise InputError(problems)
    assert layout_source is not None  # the layout's shape was checked, so its file was read
    if layout.variants_file and variant is None:
        raise InputError([Problem(layout_source.where(("variants",)),
                                  "this layout expands over variants and is built once per variant",
                                  "build it with render.py, or pass one variant to prepare()")])
    theme_path = theme_file_of(root, layout.theme)
    theme_problems: list[Problem] = []  # reported with validation's, which a stand-in theme lets run
    theme_source, theme = _theme(root, layout, layout_source, theme_problems)
    content, shape_problems, stand_ins = _content(root, layout, layout_source, problems, variant)
    if problems:
        raise InputError(problems + theme_problems)
    if theme is None or theme_source is None:  # only the theme failed: validate with a stand-in
        theme_source, theme = Located(relative(theme_path, root), {}, {}), stand_in_theme()
    loaded = Loaded(root, layout_file, layout_source, layout, theme_source, theme, content,
                    problems=shape_problems + theme_problems, theme_known=not theme_problems,
                    stand_ins=stand_ins)
    loaded.variant = variant["id"] if variant else None
    return loaded


def _theme(root: Path, layout: LayoutSpec, layout_source: Located,
           problems: list[Problem]) -> tuple[Located | None, ThemeSpec | None]:
    """The theme the layout names: a file in the project's layouts/themes/ (None when it cannot be used)."""
    theme_path = theme_file_of(root, layout.theme)
    theme_where = layout_source.where(("theme",))
    if not inside(root, theme_path):
        link = symlink_in(root, theme_path)
        problems.append(Problem(theme_where, f"theme '{layout.theme}' "
                                + (f"is a symbolic link ({link}) that leaves" if link else "leaves")
                                + " the project folder", "name a theme file in layouts/themes/ by its stem "
                                "(copy a linked theme into the project)"))
        return None, None
    if not theme_path.is_file():
        names = sorted(p.stem for p in (root / "layouts" / "themes").glob("*.yaml"))
        problems.append(Problem(theme_where, f"no theme '{layout.theme}' in layouts/themes/",
                                f"use one of: {', '.join(names) or '(none yet)'}"))
        return None, None
    return _parse(theme_path, root, _ModelAdapter(ThemeSpec), problems)


def _content(root: Path, layout: LayoutSpec, layout_source: Located, problems: list[Problem],
             variant: dict[str, str] | None) -> tuple[dict[str, tuple[ContentFile, list[Any]]], list[Problem],
                                                      tuple[str, ...]]:
    """The content ids of the layout's content files; the problems of blocks whose shape failed (and the
    types of the stand-ins that took their places), which validate reports with its own."""
    content: dict[str, tuple[ContentFile, list[Any]]] = {}
    shape_problems: list[Problem] = []
    stand_ins: tuple[str, ...] = ()
    placed = placed_content_ids(layout)
    for path in _content_files(root, layout, layout_source, problems):
        found: list[Problem] = []
        located, sections = _parse(path, root, CONTENT_ADAPTER, found, variant)
        if found and located is not None and not any(_about(p, placed) for p in found):
            only = _placed_only(located, placed)  # the problems are another document's
            if only is not None:
                sections, found = only, []
        if found and located is not None and sections is None:
            stood_in = _with_stand_ins(located, found)  # the rest of the file is still validated
            if stood_in is not None:
                sections, shape_problems = stood_in[0], shape_problems + found
                stand_ins += stood_in[1]
                found = []
        problems += found
        if located is not None and sections is not None:
            _add_sections(content, ContentFile(located, sections), placed, problems)
    return content, shape_problems, stand_ins


def _add_sections(content: dict[str, tuple[ContentFile, list[Any]]], cf: ContentFile, placed: set[str],
                  problems: list[Problem]) -> None:
    """A content file's ids, each once (a problem only for a layout that places it: another file's
    examples are not)."""
    for cid, blocks in cf.sections.items():
        if cid in content:
            if cid in placed:
                problems.append(Problem(cf.source.where((cid,)),
                                        f"content id '{cid}' is also defined in {content[cid][0].source.file}",
                                        "give one of them another id, or name this layout's files in "
                                        "content: [content/….yaml]"))
            continue
        content[cid] = (cf, blocks)


_BLOCK_PATH = re.compile(r"^([^.\[]+)\[(\d+)\]")
STAND_IN = {"type": "spacer", "height": 1}  # takes a broken block's place, so the others keep their paths


def _with_stand_ins(located: Located, found: list[Problem]) -> tuple[dict[str, list[Any]], tuple[str, ...]] | None:
    """The file's sections with each block whose shape is wrong replaced by a stand-in (an empty spacer):
    the rest of the file is then validated too, so that a misspelt key does not hide a missing citation.
    None when a problem is not inside one block (the file as a whole, a content id), or the rest still
    fails its shape."""
    if not isinstance(located.data, dict):
        return None
    broken: set[tuple[str, int]] = set()
    for problem in found:
        m = _BLOCK_PATH.match(problem.where.path or "")
        if m is None:
            return None
        broken.add((m.group(1), int(m.group(2))))
    data, kinds = {}, []
    for cid, blocks in located.data.items():
        if not isinstance(blocks, list):
            return None
        data[cid] = [STAND_IN if (cid, i) in broken else block for i, block in enumerate(blocks)]
        kinds += [str(b.get("type")) if isinstance(b, dict) else "?" for i, b in enumerate(blocks) if (cid, i) in broken]
    try:
        return CONTENT_ADAPTER.validate_python(data), tuple(kinds)
    except ValidationError:
        return None


def placed_content_ids(spec: LayoutSpec, editions: bool = True) -> set[str]:
    """Every content id a layout places: in page regions and flows, on slides, and (unless `editions` is
    False) swapped in by an edition."""
    ids = {cid for slide in spec.slides for cid in slide.content}
    pages = list(spec.pages)
    if editions:
        ids.update(new for edition in spec.page.editions.values() for new in edition.content.values())
        pages += [page for edition in spec.page.editions.values() for page in edition.pages or ()]
    for page in pages:
        ids.update(page.flow or ())
        for region_ids in (page.regions or {}).values():
            ids.update(region_ids)
    return ids


def _about(problem: Problem, ids: set[str]) -> bool:
    """Whether a problem lies in the content of one of `ids` (or in the file as a whole)."""
    path = problem.where.path
    return not path or any(path == cid or path.startswith((f"{cid}[", f"{cid}.")) for cid in ids)


def _placed_only(located: Located, placed: set[str]) -> dict[str, list[Any]] | None:
    """The sections of a content file whose problems all lie in ids this document does not place: its
    placed ids alone, shape-checked (None if they do not pass either)."""
    if not isinstance(located.data, dict):
        return None
    try:
        return CONTENT_ADAPTER.validate_python({k: v for k, v in located.data.items() if k in placed})
    except ValidationError:
        return None


def _named_content_files(root: Path, source: Located | None) -> list[Path]:
    """The content files of a layout that does not validate: those it names, if readable, else all."""
    data = source.data if source is not None else None
    names = data.get("content") if isinstance(data, dict) else None
    if isinstance(names, list) and names and all(isinstance(n, str) for n in names):
        return [root / n for n in names if inside(root, root / n) and (root / n).is_file()]
    return sorted((root / "content").glob("*.yaml"))


def _content_files(root: Path, layout: LayoutSpec, source: Located, problems: list[Problem]) -> list[Path]:
    if not layout.content:
        return sorted((root / "content").glob("*.yaml"))
    out = []
    for i, name in enumerate(layout.content):
        path = root / name
        where = source.where(("content", i))
        if not inside(root, path):
            link = symlink_in(root, path)
            said = (f"content path '{name}' is a symbolic link ({link} → {os.readlink(root / link)}) that "
                    "leaves the project folder" if link else f"content path '{name}' leaves the project folder")
            problems.append(Problem(where, said, "copy the file into the project (a build reads only the project "
                                                 "folder), or use a path inside it, such as content/ra.yaml"))
        elif not path.is_file():
            known = sorted(relative(f, root) for f in (root / "content").glob("*.yaml"))
            near = closest(Path(name).name, [Path(k).name for k in known])
            hint = next((k for k in known if near and Path(k).name == near), None)
            problems.append(Problem(where, f"no content file '{name}'",
                                    f"did you mean '{hint}'? (paths are relative to the project folder)" if hint
                                    else "check the path (relative to the project folder, e.g. content/ra.yaml)"))
        else:
            out.append(path)
    return out
