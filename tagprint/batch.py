"""Building many documents: every layout × profile, in parallel processes, skipping what is up to date.

The parent process owns `output/`: workers build in memory and hand back bytes; the parent writes each
file atomically, records what went into it in `output/.tagprint/cache.json`, shows progress and prints a
final table. One bad document does not stop the others. A build writes drafts only: a profile that only an
approval writes (the archive) is left to `render.py approve`.
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
from .files import remove_own_temporaries, remove_stale_temporaries, write_atomically
from .profiles import NAMES, drafts, profiles
from .tool import build_key

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
    accepted: list[Problem] = field(default_factory=list)   # warnings the layout accepts (approval.accept)
    digest: str = ""            # SHA-256 of data, computed where it was built
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
    from .fonts import STYLE_KEYS, source
    from .pipeline import sources

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
            return [tuple(job) for job in entry["jobs"]]  # type: ignore[misc]
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


# ---- one layout, in a worker -------------------------------------------------------------------------

def up_to_date(root: Path, output: Path, layout: Path, only: str | None, tool: str,
               cache: Cache) -> list[Outcome] | None:
    """Every document the layout made when last built, if all of them are up to date (else None)."""
    rel = relative(layout, root)
    jobs = cache.layout_jobs(root, rel)
    if jobs is not None and only:  # --profile: the layout's documents in that profile, if it lists it
        jobs = sorted({job for job in jobs if job[0] == only})
        if not jobs:
            return []
    hits = [cache.up_to_date(root, output, rel, "|".join(job), tool) for job in jobs or []]
    if jobs and all(hits):
        return [Outcome(rel, hit["name"], p, "up to date", hit["target"], hit.get("pages", 0), hit["output"][0],
                        output_kind=k, variant=v) for (p, k, v), hit in zip(jobs, hits)]
    return None


def build_layout(root: Path, output: Path, layout: Path, only: str | None, force: bool, tool: str,
                 cache: Cache | None = None, variants: list[dict[str, str]] | None = None) -> list[Outcome]:
    """Every document a layout makes (each variant × profile × output), skipping what is up to date.
    `variants` (from the scheduler) limits the work to those variants; `cache` defaults to the worker's."""
    cache = cache if cache is not None else _WORKER_CACHE
    rel = relative(layout, root)
    if not force and variants is None:
        done = up_to_date(root, output, layout, only, tool, cache)
        if done is not None:
            return done
    from .load.variants import variants_of
    from .pipeline import prepare, render
    from .profiles.images import keep_in

    keep_in(output / CACHE.parent / "photos")  # prepared photos, kept for the next run
    if variants is None:
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
            outcomes[-1].warnings = list(exc.warnings)  # shown with the errors, never hidden by them
            continue
        except Exception as exc:
            outcomes.append(crashed(rel, f"{layout.stem}-{vid}" if vid else layout.stem, only or "-", exc, vid))
            continue
        d = prepared.document
        inputs = record(root, input_files(prepared))
        first = len(outcomes)
        all_jobs += [(name, kind, vid) for name in drafts(d.profiles) for kind in d.outputs]
        for name in drafts([p for p in d.profiles if not only or p == only]):
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
                                        built.milliseconds, built.data, inputs, output_kind=kind, variant=vid,
                                        digest=hashlib.sha256(built.data).hexdigest()))
        if len(outcomes) > first:
            outcomes[first].warnings = list(prepared.warnings)
            outcomes[first].accepted = list(prepared.accepted)
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


_WORKER_CACHE: Cache | None = None


def _start_worker(cache: Cache, parent: int | None = None) -> None:
    """A batch worker receives the cache once and keeps it, like its fonts, pictures and drawings, for
    every task it runs; in a pool it also watches its `parent`: when the parent dies (even by kill -9),
    the worker exits too, instead of waiting for work forever."""
    global _WORKER_CACHE
    _WORKER_CACHE = cache
    if parent is None:
        return
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


@dataclass(frozen=True)
class Task:
    layout: Path
    variants: list[dict[str, str]] | None   # None: the whole layout
    weight: tuple[int, int]                  # pages the last build made, the layout's bytes: largest first


def plan(root: Path, output: Path, layouts: list[Path], only: str | None, force: bool, tool: str,
         cache: Cache) -> tuple[list[Outcome], list[Task]]:
    """What is already up to date (decided here, without a worker), and the rest as tasks: one per
    variant, so that a layout expanding over a data file is spread over every worker; largest first."""
    done: list[Outcome] = []
    tasks: list[Task] = []
    pages: dict[tuple[str, str], int] = {}
    for key, entry in cache.entries.items():
        layout_key, _, job = key.partition("|")
        if isinstance(entry, dict) and "pages" in entry:
            variant = job.rsplit("|", 1)[-1]
            pages[(layout_key, variant)] = pages.get((layout_key, variant), 0) + int(entry["pages"] or 0)
    for layout in layouts:
        if not force:
            hits = up_to_date(root, output, layout, only, tool, cache)
            if hits is not None:
                done += hits
                continue
        rel, size = relative(layout, root), layout.stat().st_size
        from .load.variants import variants_of  # the loading libraries only when something is to be built

        try:
            variants = variants_of(root, layout)
        except InputError:
            variants = None  # the worker reports it
        if not variants:
            tasks.append(Task(layout, None, (pages.get((rel, ""), 0), size)))
        else:
            tasks += [Task(layout, [v], (pages.get((rel, v["id"]), 0), size)) for v in variants]
    tasks.sort(key=lambda t: (-t.weight[0], -t.weight[1]))  # stable: equal weights keep their order
    return done, tasks


# ---- the parent: schedule, write, report -------------------------------------------------------------

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
    tool = build_key()  # the code, library versions, press profile and SOURCE_DATE_EPOCH
    remove_stale_temporaries(output)
    cache = Cache(output)
    outcomes, tasks = plan(root, output, layouts, only, force, tool, cache)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    progress = Progress(len(layouts))
    progress.step(len({o.layout for o in outcomes}))
    layout_of = {task.layout: relative(task.layout, root) for task in tasks}
    left = {rel: sum(layout_of[t.layout] == rel for t in tasks) for rel in layout_of.values()}
    made: dict[str, list[Outcome]] = {}

    def collect(result: list[Outcome], task: Task) -> None:
        rel = layout_of[task.layout]
        made.setdefault(rel, []).extend(result)  # known before writing: an interrupt may land in between
        _write(result, root, output, cache, tool)
        left[rel] -= 1
        if not left[rel]:
            _store_jobs(made[rel], root, cache)
            progress.step()

    try:
        if workers == 1:
            _start_worker(cache)
            for task in tasks:
                collect(build_layout(root, output, task.layout, only, force, tool, cache, task.variants), task)
        elif tasks:
            settings = (root, output, only, force, tool, cache)
            lost = _in_pool(tasks, workers, settings, collect)
            if lost:  # a worker died (killed, out of memory): those again in a new pool, then each alone
                lost = _in_pool(lost, min(workers, len(lost)), settings, collect)
            for task in lost:
                if _in_pool([task], 1, settings, collect):
                    collect([crashed(relative(task.layout, root), task.layout.stem, only or "-", WorkerDied(
                        "the process building it died twice (killed, or out of memory)"))], task)
    except KeyboardInterrupt:
        progress.close()
        print(interrupted_line(made, outcomes, layouts, root, output), file=sys.stderr)
        raise
    finally:
        progress.close()
        try:
            if any(o.status == "built" for rel in made for o in made[rel]):
                try:
                    cache.save()
                except OSError:  # only a cache: the next build rebuilds what it cannot tell is up to date
                    pass
        finally:
            remove_own_temporaries(output)  # an interrupt may land between a temporary and its rename
    outcomes += [o for rel in made for o in made[rel]]
    order = {relative(p, root): i for i, p in enumerate(layouts)}
    position = {(layout_of[t.layout], v["id"]): i for i, t in enumerate(tasks) for v in t.variants or []}
    outcomes.sort(key=lambda o: (order.get(o.layout, 0), NAMES.index(o.profile) if o.profile in NAMES else 9,
                                 position.get((o.layout, o.variant), 0)))
    return outcomes, (time.perf_counter() - started)


def interrupted_line(made: dict[str, list[Outcome]], earlier: list[Outcome], layouts: list[Path], root: Path,
                     output: Path) -> str:
    """One line for a build that was interrupted: which files it wrote, and what it did not build."""
    written = [o.target for rel in made for o in made[rel] if o.status == "built" and o.target and o.data is None]
    current = sum(1 for o in earlier if o.status == "up to date")
    done = {rel for rel in made if all(o.data is None for o in made[rel])} | {o.layout for o in earlier}
    left = [relative(p, root) for p in layouts if relative(p, root) not in done]
    where = relative(output, root)
    said = (f"interrupted: wrote {len(written)} PDF(s) to {where}/"
            + (f" ({', '.join(written[:3])}{', …' if len(written) > 3 else ''})" if written else "")
            + (f", {current} were up to date" if current else "")
            + f"; {len(left)} layout(s) not built"
            + (f" ({', '.join(left[:3])}{', …' if len(left) > 3 else ''})" if left else "")
            + "; no file was left half-written")
    return said


class WorkerDied(Exception):
    """The worker process building a layout ended abruptly."""


def _in_pool(tasks: list[Task], workers: int, settings: tuple, collect) -> list[Task]:
    """Builds `tasks` in a pool of worker processes, calling `collect(outcomes, task)` for each; returns
    the tasks lost when a worker died (the pool is broken then: every task still pending is lost)."""
    root, output, only, force, tool, cache = settings
    lost: list[Task] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                             initargs=(cache, os.getpid())) as pool:
        futures = {pool.submit(build_layout, root, output, task.layout, only, force, tool, None,
                               task.variants): task for task in tasks}
        try:
            _collect_all(futures, lost, root, only, collect)
        except KeyboardInterrupt:  # Ctrl-C or kill: stop the workers now, not after the layouts they build
            processes = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:  # at once: a worker in the middle of a page would finish it first
                process.kill()
            for process in processes:
                process.join(timeout=2)
            remove_own_temporaries(output, [p.pid for p in processes if p.pid])  # what they left half-made
            raise
        if lost:
            # a broken pool joins its surviving workers, which may block for ever writing a result nobody
            # reads any more (the executor of CPython 3.11 does not end them): end them first
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.kill()
    order = {id(t): i for i, t in enumerate(tasks)}
    return sorted(lost, key=lambda t: order[id(t)])


def _collect_all(futures: dict, lost: list, root: Path, only: str | None, collect) -> None:
    from concurrent.futures.process import BrokenProcessPool

    for future in as_completed(futures):
        task = futures[future]
        try:
            result = future.result()
        except BrokenProcessPool:
            lost.append(task)
            continue
        except Exception as exc:  # could not be sent to or from the worker
            result = [crashed(relative(task.layout, root), task.layout.stem, only or "-", exc)]
        collect(result, task)


def _store_jobs(outcomes: list[Outcome], root: Path, cache: Cache) -> None:
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


def _write(outcomes: list[Outcome], root: Path, output: Path, cache: Cache, tool: str) -> list[Outcome]:
    for outcome in outcomes:
        if outcome.status != "built" or outcome.data is None:
            continue
        try:
            write_atomically(output / outcome.target, outcome.data)
        except OSError as exc:  # the output folder is a file, the disk is full, …: this one fails (exit 1)
            outcome.status, outcome.data, outcome.internal = "failed", None, True
            outcome.problems.append(Problem(
                Where(outcome.layout), f"cannot write {relative(output / outcome.target, root)} "
                                       f"({exc.strerror or exc})",
                "make the output folder (--output) a writable folder with free space"))
            continue
        cache.store(outcome, output, tool)
        outcome.data = None  # written: free the memory
    return outcomes


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
    noun = "document" if len(outcomes) == 1 else "documents"
    lines.append(f"{len(outcomes)} {noun} in {seconds:.2f} s: {summary or 'nothing to do'}")
    return "\n".join(lines)
