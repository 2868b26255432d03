"""Building many documents: every layout × profile, in parallel processes, skipping what is up to date.

The parent process owns `output/`: workers build in memory and hand back bytes; the parent writes each
file atomically (and archives write-once), records what went into it in `output/.tagprint/cache.json`,
shows progress and prints a final table. One bad document does not stop the others.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from .errors import InputError, Problem, Where, relative
from .files import AlreadyArchived, remove_stale_temporaries, write_atomically, write_once
from .profiles import NAMES, profiles
from .tool import tool_digest

if TYPE_CHECKING:
    from .pipeline import Prepared

# What is up to date is decided with json, hashlib and stat alone: the drawing libraries are imported
# only when something has to be built.

CACHE = Path(".tagprint") / "cache.json"


@dataclass
class Outcome:
    layout: str                 # relative path of the layout
    name: str
    profile: str
    status: str                 # built | up to date | unchanged | failed
    target: str = ""            # relative path of the output
    pages: int = 0
    size: int = 0
    milliseconds: float = 0.0
    data: bytes | None = None
    inputs: dict[str, list] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    output_kind: str = ""       # a deck's "slides" or "handout-…"; "" for a document
    variant: str = ""           # the variant id, for a layout that expands over a data file
    jobs: list[tuple[str, str, str]] | None = None  # every (profile, output, variant) the layout makes
    warnings: list[Problem] = field(default_factory=list)
    internal: bool = False      # failed because of a bug in tagprint (exit 1), not because of the input

    @property
    def key(self) -> str:
        return f"{self.profile}|{self.output_kind}|{self.variant}"


# ---- what went into a document ---------------------------------------------------------------------

def _stat(path: Path) -> list:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def input_files(prepared: "Prepared") -> list[Path]:
    from .fonts import FAMILIES
    from .pipeline import sources

    root = prepared.loaded.root
    files = [root / s.path for s in sources(prepared)]
    if prepared.loaded.layout.variants:
        files.append(root / prepared.loaded.layout.variants)
    theme = prepared.document.theme
    for family in (theme.font, *theme.fallback_fonts):
        finder, _ = FAMILIES.get(family, (None, None))
        if finder:
            for style in ("Regular", "Bold", "Italic", "BoldItalic"):
                files += [p for p in finder(style)[:1] if p.is_file()]
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


def unchanged(root: Path, recorded: dict[str, list]) -> bool:
    for key, (size, mtime, digest) in recorded.items():
        if key == "content/*":
            names = "\n".join(sorted(p.name for p in (root / "content").glob("*.yaml")))
            if hashlib.sha256(names.encode()).hexdigest() != digest:
                return False
            continue
        path = Path(key) if Path(key).is_absolute() else root / key
        try:
            if _stat(path) == [size, mtime]:
                continue
            if _digest(path) != digest:
                return False
        except OSError:
            return False
    return True


class Cache:
    def __init__(self, output: Path):
        self.path = output / CACHE
        try:
            self.entries: dict[str, dict] = json.loads(self.path.read_text())
        except (OSError, ValueError):
            self.entries = {}

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
        return entry if unchanged(root, entry["inputs"]) else None

    def layout_jobs(self, root: Path, layout: str) -> list[tuple[str, str, str]] | None:
        """The (profile, output, variant) triples a layout made when last built, if its files are unchanged."""
        entry = self.entries.get(f"{layout}|jobs")
        if entry and unchanged(root, entry["files"]):
            return [tuple(job) for job in entry["jobs"]]  # type: ignore[misc]
        return None

    def store_jobs(self, root: Path, layout: str, jobs: list[tuple[str, str, str]], files: dict) -> None:
        self.entries[f"{layout}|jobs"] = {"files": files, "jobs": jobs}

    def store(self, outcome: Outcome, output: Path, tool: str) -> None:
        target = output / outcome.target
        self.entries[f"{outcome.layout}|{outcome.key}"] = {
            "target": outcome.target, "tool": tool, "inputs": outcome.inputs, "name": outcome.name,
            "output": _stat(target) + [_digest(target)], "pages": outcome.pages,
        }

    def save(self) -> None:
        write_atomically(self.path, (json.dumps(self.entries, indent=1, sort_keys=True) + "\n").encode())


# ---- one layout, in a worker -------------------------------------------------------------------------

def build_layout(root: Path, output: Path, layout: Path, only: str | None, force: bool, tool: str,
                 cache: Cache) -> list[Outcome]:
    """Every document a layout makes (each variant × profile × output), skipping what is up to date."""
    rel = relative(layout, root)
    if not force:
        jobs = cache.layout_jobs(root, rel)
        if jobs is not None and only:
            jobs = sorted({(only, kind, variant) for _, kind, variant in jobs})
        hits = [cache.up_to_date(root, output, rel, "|".join(job), tool) for job in jobs or []]
        if jobs and all(hits):
            return [Outcome(rel, hit["name"], p, "up to date", hit["target"], hit.get("pages", 0), hit["output"][0],
                            output_kind=k, variant=v) for (p, k, v), hit in zip(jobs, hits)]
    from .load.variants import variants_of
    from .pipeline import prepare, render

    try:
        variants = variants_of(root, layout) or [None]
    except InputError as exc:
        return [Outcome(rel, layout.stem, only or "-", "failed", problems=exc.problems)]
    except Exception as exc:  # a bug of ours: this layout fails, the batch goes on
        return [crashed(rel, layout.stem, only or "-", exc)]
    outcomes: list[Outcome] = []
    all_jobs: list[tuple[str, str, str]] = []
    for variant in variants:
        vid = variant["id"] if variant else ""
        try:
            prepared = prepare(root, layout, variant)
        except InputError as exc:
            outcomes.append(Outcome(rel, f"{layout.stem}-{vid}" if vid else layout.stem, only or "-", "failed",
                                    problems=exc.problems, variant=vid))
            continue
        except Exception as exc:
            outcomes.append(crashed(rel, f"{layout.stem}-{vid}" if vid else layout.stem, only or "-", exc, vid))
            continue
        d = prepared.document
        inputs = record(root, input_files(prepared))
        first = len(outcomes)
        all_jobs += [(name, kind, vid) for name in d.profiles for kind in d.outputs]
        for name in [only] if only else list(d.profiles):
            profile = profiles()[name]
            for kind in d.outputs:
                stem = f"{d.name}-{kind}" if kind else d.name
                target = relative(profile.output_path(output, stem, d.material_id, d.version), output)
                hit = None if force else cache.up_to_date(root, output, rel, f"{name}|{kind}|{vid}", tool)
                if hit:
                    outcomes.append(Outcome(rel, stem, name, "up to date", hit["target"], hit.get("pages", 0),
                                            hit["output"][0], output_kind=kind, variant=vid))
                    continue
                try:
                    built = render(prepared, profile, kind)
                except InputError as exc:
                    outcomes.append(Outcome(rel, stem, name, "failed", target, problems=exc.problems,
                                            output_kind=kind, variant=vid))
                    continue
                except Exception as exc:
                    outcomes.append(crashed(rel, stem, name, exc, vid, kind))
                    continue
                outcomes.append(Outcome(rel, stem, name, "built", target, built.pages, len(built.data),
                                        built.milliseconds, built.data, inputs, output_kind=kind, variant=vid))
        if len(outcomes) > first:
            outcomes[first].warnings = list(prepared.warnings)
    if outcomes:
        outcomes[0].jobs = all_jobs
    return outcomes


def crashed(layout: str, name: str, profile: str, exc: BaseException, variant: str = "",
            kind: str = "") -> Outcome:
    """A document that failed because of a bug in tagprint (or a worker that died): reported in the
    table, never a traceback."""
    what = f"{type(exc).__name__}: {exc}".split("\n")[0][:300]
    fix = ("check the machine's free memory, and report it with this layout if it happens again"
           if isinstance(exc, WorkerDied) else
           "this is a bug in tagprint, not in your files: please report it with this layout")
    return Outcome(layout, name, profile, "failed", problems=[Problem(
        Where(layout), f"internal error while building this document ({what})", fix)],
        output_kind=kind, variant=variant, internal=True)


# ---- the parent: schedule, write, report -------------------------------------------------------------

def _watch_parent(parent: int) -> None:
    """Runs in each pool worker: when the parent dies (even by kill -9), the worker exits too, instead
    of waiting for work forever."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class Progress:
    def __init__(self, total: int, stream=None):
        self.total, self.done, self.stream = total, 0, stream or sys.stderr
        self.live = self.stream.isatty() and total > 1

    def step(self, count: int = 1) -> None:
        self.done += count
        if self.live:
            width = 30
            filled = int(width * self.done / max(1, self.total))
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} layouts")
            self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def run(root: Path, output: Path, layouts: list[Path], only: str | None = None, force: bool = False,
        jobs: int | None = None) -> tuple[list[Outcome], float]:
    started = time.perf_counter()
    tool = tool_digest()
    remove_stale_temporaries(output)
    cache = Cache(output)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(layouts)))
    progress = Progress(len(layouts))
    outcomes: list[Outcome] = []
    try:
        if workers == 1:
            for layout in layouts:
                outcomes += _write(build_layout(root, output, layout, only, force, tool, cache), root, output, cache, tool)
                progress.step()
        else:
            def done(layout: Path, result: list[Outcome]) -> None:
                outcomes.extend(_write(result, root, output, cache, tool))
                progress.step()

            task = (output, only, force, tool, cache)
            lost = _in_pool(root, layouts, workers, task, done)
            if lost:  # a worker died (killed, out of memory): those again in a new pool, then each alone
                lost = _in_pool(root, lost, min(workers, len(lost)), task, done)
            for layout in lost:
                if _in_pool(root, [layout], 1, task, done):
                    done(layout, [crashed(relative(layout, root), layout.stem, only or "-", WorkerDied(
                        "the process building it died twice (killed, or out of memory)"))])
    finally:
        progress.close()
        if any(o.status == "built" for o in outcomes):
            try:
                cache.save()
            except OSError:  # only a cache: the next build rebuilds what it cannot tell is up to date
                pass
    order = {relative(p, root): i for i, p in enumerate(layouts)}
    outcomes.sort(key=lambda o: (order.get(o.layout, 0), NAMES.index(o.profile) if o.profile in NAMES else 9))
    return outcomes, (time.perf_counter() - started)


class WorkerDied(Exception):
    """The worker process building a layout ended abruptly."""


def _in_pool(root: Path, layouts: list[Path], workers: int, task: tuple, done) -> list[Path]:
    """Builds `layouts` in a pool of worker processes, calling `done(layout, outcomes)` for each; returns
    the layouts lost when a worker died (the pool is broken then: every layout still pending is lost)."""
    from concurrent.futures.process import BrokenProcessPool

    lost: list[Path] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
        futures = {pool.submit(build_layout, root, task[0], layout, *task[1:]): layout for layout in layouts}
        for future in as_completed(futures):
            layout = futures[future]
            try:
                result = future.result()
            except BrokenProcessPool:
                lost.append(layout)
                continue
            except Exception as exc:  # could not be sent to or from the worker
                result = [crashed(relative(layout, root), layout.stem, task[1] or "-", exc)]
            done(layout, result)
        if lost:
            # a broken pool joins its surviving workers, which may block for ever writing a result nobody
            # reads any more (the executor of CPython 3.11 does not end them): end them first
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.kill()
    return sorted(lost)


def _write(outcomes: list[Outcome], root: Path, output: Path, cache: Cache, tool: str) -> list[Outcome]:
    if outcomes and outcomes[0].jobs and not any(o.status == "failed" for o in outcomes):
        layout = root / outcomes[0].layout
        files = {outcomes[0].layout: _stat(layout) + [_digest(layout)]}
        files.update({k: v for k, v in outcomes[0].inputs.items() if k.startswith("data/")})
        cache.store_jobs(root, outcomes[0].layout, outcomes[0].jobs, files)
    for outcome in outcomes:
        if outcome.status != "built" or outcome.data is None:
            continue
        target = output / outcome.target
        try:
            _write_one(outcome, target, root)
        except OSError as exc:  # the output folder is a file, the disk is full, …: this one fails (exit 1)
            outcome.status, outcome.data, outcome.internal = "failed", None, True
            outcome.problems.append(Problem(
                Where(outcome.layout), f"cannot write {relative(target, root)} ({exc.strerror or exc})",
                "make the output folder (--output) a writable folder with free space"))
            continue
        if outcome.status == "failed":
            continue
        cache.store(outcome, output, tool)
        outcome.data = None  # written: free the memory
    return outcomes


def _write_one(outcome: Outcome, target: Path, root: Path) -> None:
    if outcome.profile == "archive":
        try:
            if not write_once(target, outcome.data):
                outcome.status = "unchanged"
        except AlreadyArchived:
            outcome.status, outcome.data = "failed", None
            outcome.problems.append(Problem(
                Where(outcome.layout, 0, 0, "document.version"),
                f"this version is already archived at {relative(target, root)} with different content; "
                f"an approved version is never overwritten",
                "give the changed document a new version (document.version in the layout)"))
    else:
        write_atomically(target, outcome.data)


def table(outcomes: list[Outcome], seconds: float, shown_output: str = "output") -> str:
    """The final table; `shown_output` is the output folder as the user named it."""
    rows = [("document", "profile", "pages", "bytes", "ms", "status")]
    for o in outcomes:
        rows.append((o.name, o.profile, str(o.pages) if o.pages else "-", f"{o.size:,}" if o.size else "-",
                     f"{o.milliseconds:.0f}" if o.milliseconds else "-",
                     o.status + (f" → {shown_output}/{o.target}" if o.target and o.status != "failed" else "")))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for r in rows:
        lines.append("  ".join([r[0].ljust(widths[0]), r[1].ljust(widths[1]), r[2].rjust(widths[2]),
                                r[3].rjust(widths[3]), r[4].rjust(widths[4]), r[5]]).rstrip())
    counts = {s: sum(o.status == s for o in outcomes) for s in ("built", "up to date", "unchanged", "failed")}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    lines.append(f"{len(outcomes)} documents in {seconds:.2f} s: {summary or 'nothing to do'}")
    return "\n".join(lines)
