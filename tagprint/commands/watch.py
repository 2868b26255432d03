"""`render.py watch [LAYOUT…]`: build, then rebuild whatever a saved file changes, until Ctrl-C.

Watches layouts/ (themes included), content/, images/ and data/ with watchfiles (inotify). Each round is an
ordinary incremental build: the cache in output/.tagprint decides which documents a change touched, so
only those are rebuilt. A document with problems is not written, so the last good PDF stays in place; the
problems are printed and watching goes on. Every PDF of the round gets its previews updated (only changed
pages are rendered again).
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    from ..batch.outcome import Outcome

WATCHED = ("layouts", "content", "images", "data")
SUFFIXES = {".yaml", ".yml", ".json", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".ttf", ".otf"}


def _layouts(root: Path, names: list[str]) -> tuple[list[Path], list]:
    from ..discovery import project_layouts, resolve_layouts

    if names:
        return resolve_layouts(root, names)
    return project_layouts(root), []


def _clock() -> str:
    return time.strftime("%H:%M:%S")


class ShownWarnings:
    """The warnings watch has shown, each with the state of the file it is about (or of its document's
    layout): a warning is shown again only once that file has changed, not on every rebuild of the round."""

    def __init__(self, root: Path):
        self.root = root
        self.shown: dict[str, tuple | None] = {}

    def _stamp(self, name: str) -> tuple | None:
        try:
            info = (self.root / name).stat()
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size

    def fresh(self, outcomes) -> list[str]:
        """The warnings of `outcomes` to show now, in order, each once."""
        out = []
        for o in outcomes:
            for w in o.warnings:
                text = str(w)
                where = getattr(w, "where", None)
                file = where.file if where is not None and where.file else o.layout
                stamp = (file, self._stamp(file))
                if self.shown.get(text) == stamp or text in out:
                    continue
                self.shown[text] = stamp
                out.append(text)
        return out


def build_round(root: Path, output: Path, names: list[str], only: str | None, jobs: int | None,
                out=None, shown: ShownWarnings | None = None) -> int:
    """One build of the watched layouts: prints what was built or failed, its problems and its previews
    (with `shown`, each warning only until its file changes). Returns the number of problems."""
    from ..batch import run
    from .preview import preview_outcomes

    out = out or sys.stdout
    layouts, problems = _layouts(root, names)
    outcomes, seconds = run(root, output, layouts, only, False, jobs) if layouts else ([], 0.0)
    changed = [o for o in outcomes if o.status not in ("up to date", "unchanged")]
    for o in changed:
        print(_built_line(o, output), file=out)
    warnings = shown.fresh(changed) if shown is not None else list(dict.fromkeys(str(w) for o in changed
                                                                              for w in o.warnings))
    for warning in warnings:
        print(f"warning: {warning}", file=out)
    problems = problems + [p for o in outcomes for p in o.problems]
    for problem in problems:
        print(f"error: {problem}", file=out)
    if not changed and not problems:
        print(f"{_clock()}  nothing changed ({len(outcomes)} document{'s' if len(outcomes) != 1 else ''} up to date)", file=out)
    previews = preview_outcomes([o for o in outcomes if o.status != "failed"], output)
    for line in previews.splitlines():
        if "(unchanged)" not in line:
            print(line, file=out)
    out.flush()
    return len(problems)


def _built_line(o: Outcome, output: Path) -> str:
    """What became of one document this round: failed (its last good PDF kept), or built and where."""
    from ..errors import relative

    if o.status == "failed":
        return f"{_clock()}  {o.name} ({o.profile}): failed, the last good PDF is kept"
    return (f"{_clock()}  {o.name} ({o.profile}): {o.status}, {o.pages} page{'s' if o.pages != 1 else ''}, "
            f"{o.size:,} bytes, {o.milliseconds:.0f} ms → {relative(output / o.target, Path.cwd())}")


def _relevant(output: Path) -> Callable[[object, str], bool]:
    output = output.resolve()

    def keep(change: object, path: str) -> bool:
        p = Path(path)
        if p.suffix.lower() not in SUFFIXES or p.name.startswith("."):
            return False   # editors' swap and backup files, our own temporaries
        try:
            p.resolve().relative_to(output)
            return False   # what we write ourselves
        except ValueError:
            return True
    return keep


def watch(root: Path, output: Path, names: list[str], only: str | None = None, jobs: int | None = None,
          stop_event=None, changes: Iterable | None = None) -> int:
    """Builds, then rebuilds after every batch of saved changes. `changes` replaces the file watcher
    (for tests); `stop_event` (a threading.Event) ends the loop."""
    folders = [root / name for name in WATCHED if (root / name).is_dir()]
    print(f"watching {', '.join(f.name + '/' for f in folders)} — Ctrl-C stops", flush=True)
    shown = ShownWarnings(root)  # a warning is shown once per file, until that file changes
    _safe_round(root, output, names, only, jobs, shown)
    if changes is None:
        from watchfiles import watch as file_changes
        changes = file_changes(*folders, watch_filter=_relevant(output), stop_event=stop_event,
                               debounce=200, step=50, rust_timeout=500, yield_on_timeout=True)
    ready = False
    try:
        for batch in changes:
            if not batch:   # the watcher is running and nothing was saved for a while
                if not ready:
                    print(f"{_clock()}  ready: save a file to rebuild", flush=True)
                    ready = True
                continue
            saved = sorted({Path(p).relative_to(root).as_posix() if Path(p).is_relative_to(root) else p
                            for _, p in batch})
            print(f"{_clock()}  saved: {', '.join(saved)}", flush=True)
            _safe_round(root, output, names, only, jobs, shown)
    except KeyboardInterrupt:
        pass
    print("stopped watching", flush=True)
    return 0


def _safe_round(root: Path, output: Path, names: list[str], only: str | None, jobs: int | None,
                shown: ShownWarnings | None = None) -> None:
    """A round never ends the watch: an internal error is printed like a problem and watching goes on."""
    try:
        build_round(root, output, names, only, jobs, shown=shown)
    except KeyboardInterrupt:
        raise
    except Exception:
        traceback.print_exc()
        print("internal error: this is a bug in tagprint, not in your files; still watching", flush=True)
