"""The parent process: schedules the tasks on a pool of workers, writes what they hand back, and says
what an interrupt left written and not."""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from ..errors import Problem, Where, relative
from ..files import remove_own_temporaries, remove_stale_temporaries, write_atomically
from ..profiles import NAMES
from ..tool import build_key
from .cache import Cache, store_jobs
from .outcome import Outcome, WorkerDied, crashed
from .planning import Task, plan
from .report import Progress
from .worker import start_worker, build_layout


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
            store_jobs(made[rel], root, cache)
            progress.step()

    settings = (root, output, only, force, tool, cache)
    try:
        _build(tasks, workers, settings, collect)
    except KeyboardInterrupt:
        progress.close()
        print(interrupted_line(made, outcomes, layouts, root, output), file=sys.stderr)
        raise
    finally:
        progress.close()
        try:
            _save(cache, made)
        finally:
            remove_own_temporaries(output)  # an interrupt may land between a temporary and its rename
    outcomes += [o for rel in made for o in made[rel]]
    _in_order(outcomes, layouts, tasks, root)
    return outcomes, (time.perf_counter() - started)


def _build(tasks: list[Task], workers: int, settings: tuple, collect) -> None:
    """Every task, here (one worker) or in a pool; a task whose worker died twice is a failed row."""
    root, output, only, force, tool, cache = settings
    if workers == 1:
        start_worker(cache)
        for task in tasks:
            collect(build_layout(root, output, task.layout, only, force, tool, cache, task.variants), task)
    elif tasks:
        lost = _in_pool(tasks, workers, settings, collect)
        if lost:  # a worker died (killed, out of memory): those again in a new pool, then each alone
            lost = _in_pool(lost, min(workers, len(lost)), settings, collect)
        for task in lost:
            if _in_pool([task], 1, settings, collect):
                collect([crashed(relative(task.layout, root), task.layout.stem, only or "-", WorkerDied(
                    "the process building it died twice (killed, or out of memory)"))], task)


def _save(cache: Cache, made: dict[str, list[Outcome]]) -> None:
    if any(o.status == "built" for rel in made for o in made[rel]):
        try:
            cache.save()
        except OSError:  # only a cache: the next build rebuilds what it cannot tell is up to date
            pass


def _in_order(outcomes: list[Outcome], layouts: list[Path], tasks: list[Task], root: Path) -> None:
    """The table's order: the layouts as given, then the profiles' order, then the variants' order."""
    order = {relative(p, root): i for i, p in enumerate(layouts)}
    position = {(relative(t.layout, root), v["id"]): i for i, t in enumerate(tasks) for v in t.variants or []}
    outcomes.sort(key=lambda o: (order.get(o.layout, 0), NAMES.index(o.profile) if o.profile in NAMES else 9,
                                 position.get((o.layout, o.variant), 0)))


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



def _in_pool(tasks: list[Task], workers: int, settings: tuple, collect) -> list[Task]:
    """Builds `tasks` in a pool of worker processes, calling `collect(outcomes, task)` for each; returns
    the tasks lost when a worker died (the pool is broken then: every task still pending is lost)."""
    root, output, only, force, tool, cache = settings
    lost: list[Task] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=start_worker,
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
