"""What went into a document, and `output/.tagprint/cache.json`: whether a document is up to date.

What is up to date is decided with json, hashlib and stat alone: the drawing libraries are imported only
when something has to be built.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import relative
from ..files import write_atomically
from .outcome import Outcome

if TYPE_CHECKING:
    from ..pipeline import Prepared

CACHE = Path(".tagprint") / "cache.json"


# ---- what went into a document ---------------------------------------------------------------------

def _stat(path: Path) -> list:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def input_files(prepared: "Prepared") -> list[Path]:
    from ..fonts import STYLE_KEYS, source
    from ..pipeline import sources

    root = prepared.loaded.root
    files = [root / s.path for s in sources(prepared)]
    if prepared.loaded.layout.variants_file:
        files.append(root / prepared.loaded.layout.variants_file)
    theme = prepared.document.theme
    if theme.press.profile:  # condition: custom, the project's own press profile
        files.append(Path(theme.press.profile))
    families = (theme.font, *theme.fallback_fonts, *(f for _, f in theme.script_fonts),
                *(s.font for s in theme.styles.values() if s.font))
    for family in dict.fromkeys(families):
        for style in STYLE_KEYS.values():
            try:
                path = source(family, *style).path
            except Exception:  # not found: validation says so
                continue
            if path not in files:
                files.append(path)
    return files


def record(root: Path, files: list[Path]) -> dict[str, list]:
    out = {}
    for path in files:
        key = relative(path, root)
        out[key] = _stat(path) + [_digest(path)]
    content_dir = root / "content"
    out["content/*"] = [0, 0, hashlib.sha256("\n".join(sorted(p.name for p in content_dir.glob("*.yaml")))
                                             .encode()).hexdigest()]
    return out


def unchanged(root: Path, recorded: dict[str, list], seen: dict | None = None) -> bool:
    """True if every recorded input is as it was. `seen` remembers the answers of one run: the documents of a
    library share their theme, content, pictures and fonts, which are then looked at once, not per document."""
    seen = {} if seen is None else seen
    for key, (size, mtime, digest) in recorded.items():
        answer = seen.get((key, size, mtime, digest))
        if answer is None:
            answer = seen[(key, size, mtime, digest)] = _same(root, key, size, mtime, digest)
        if not answer:
            return False
    return True


def _same(root: Path, key: str, size: int, mtime: int, digest: str) -> bool:
    if key == "content/*":
        names = "\n".join(sorted(p.name for p in (root / "content").glob("*.yaml")))
        return hashlib.sha256(names.encode()).hexdigest() == digest
    path = Path(key) if Path(key).is_absolute() else root / key
    try:
        return _stat(path) == [size, mtime] or _digest(path) == digest
    except OSError:
        return False


class Cache:
    def __init__(self, output: Path):
        self.path = output / CACHE
        try:
            self.entries: dict[str, dict] = json.loads(self.path.read_text())
        except (OSError, ValueError):
            self.entries = {}
        self.seen: dict = {}  # inputs already compared in this run (see `unchanged`)

    def up_to_date(self, root: Path, output: Path, layout: str, key: str, tool: str) -> dict | None:
        entry = self.entries.get(f"{layout}|{key}")
        if not entry or entry.get("tool") != tool:
            return None
        target = output / entry["target"]
        try:
            if _stat(target) != entry["output"][:2] and _digest(target) != entry["output"][2]:
                return None
        except OSError:
            return None
        return entry if unchanged(root, entry["inputs"], self.seen) else None

    def layout_jobs(self, root: Path, layout: str) -> list[tuple[str, str, str]] | None:
        """The (profile, output, variant) triples a layout made when last built, if its files are unchanged."""
        entry = self.entries.get(f"{layout}|jobs")
        if entry and unchanged(root, entry["files"], self.seen):
            return [tuple(job) for job in entry["jobs"]]
        return None

    def store_jobs(self, root: Path, layout: str, jobs: list[tuple[str, str, str]], files: dict) -> None:
        self.entries[f"{layout}|jobs"] = {"files": files, "jobs": jobs}

    def store(self, outcome: Outcome, output: Path, tool: str) -> None:
        target = output / outcome.target
        self.entries[f"{outcome.layout}|{outcome.key}"] = {
            "target": outcome.target, "tool": tool, "inputs": outcome.inputs, "name": outcome.name,
            "output": _stat(target) + [outcome.digest or _digest(target)], "pages": outcome.pages,
        }

    def save(self) -> None:
        write_atomically(self.path, (json.dumps(self.entries, indent=1, sort_keys=True) + "\n").encode())


def store_jobs(outcomes: list[Outcome], root: Path, cache: Cache) -> None:
    """Once every task of a layout is back: what the layout makes, for the next no-change check."""
    jobs = [job for o in outcomes if o.jobs for job in o.jobs]
    if not jobs or any(o.status == "failed" for o in outcomes):
        return
    rel = outcomes[0].layout
    layout = root / rel
    files = {rel: _stat(layout) + [_digest(layout)]}
    for o in outcomes:
        files.update({k: v for k, v in o.inputs.items() if k.startswith("data/")})
    cache.store_jobs(root, rel, jobs, files)
