"""One layout, in a worker: every document it makes (variant × profile × output), built in memory."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from ..errors import InputError, relative
from ..profiles import drafts, profiles
from .cache import CACHE, Cache, input_files, record
from .outcome import Outcome, crashed
from .planning import up_to_date


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
    from ..load.variants import variants_of
    from ..pipeline import prepare, render
    from ..profiles.images import keep_in

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


_WORKER_CACHE: Cache | None = None


def start_worker(cache: Cache, parent: int | None = None) -> None:
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
