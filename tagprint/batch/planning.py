"""Before any worker starts: what is already up to date, and the rest as tasks, largest first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, relative
from .cache import Cache
from .outcome import Outcome


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
    found = [hit for hit in hits if hit]
    if jobs and len(found) == len(jobs):
        return [Outcome(rel, hit["name"], p, "up to date", hit["target"], hit.get("pages", 0), hit["output"][0],
                        output_kind=k, variant=v) for (p, k, v), hit in zip(jobs, found)]
    return None


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
        from ..load.variants import variants_of  # the loading libraries only when something is to be built

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
