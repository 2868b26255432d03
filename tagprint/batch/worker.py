"""One layout, in a worker: every document it makes (variant × profile × output), built in memory."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, relative
from ..profiles import drafts, profiles
from .cache import CACHE, Cache, input_files, record
from .outcome import Outcome, crashed
from .planning import up_to_date

if TYPE_CHECKING:
    from ..model import Document
    from ..pipeline import Prepared
    from ..profiles import Profile


@dataclass(frozen=True)
class _Layout:
    """One layout's build, as the helpers of `build_layout` need it."""
    root: Path
    output: Path
    layout: Path
    rel: str                    # the layout's path relative to the project
    only: str | None
    force: bool
    tool: str
    cache: Cache


def build_layout(root: Path, output: Path, layout: Path, only: str | None, force: bool, tool: str,
                 cache: Cache | None = None, variants: list[dict[str, str]] | None = None) -> list[Outcome]:
    """Every document a layout makes (each variant × profile × output), skipping what is up to date.
    `variants` (from the scheduler) limits the work to those variants; `cache` defaults to the worker's."""
    cache = cache if cache is not None else _WORKER_CACHE
    assert cache is not None, "start_worker gives every worker its cache"
    rel = relative(layout, root)
    if not force and variants is None:
        done = up_to_date(root, output, layout, only, tool, cache)
        if done is not None:
            return done
    from ..load.variants import variants_of
    from ..profiles.images import keep_in

    keep_in(output / CACHE.parent / "photos")  # prepared photos, kept for the next run
    chosen: list[dict[str, str] | None] = list(variants or [])
    if variants is None:
        try:
            listed = variants_of(root, layout)
            chosen = list(listed) if listed else [None]
        except InputError as exc:
            return [Outcome(rel, layout.stem, only or "-", "failed", problems=exc.problems)]
        except Exception as exc:  # a bug of ours: this layout fails, the batch goes on
            return [crashed(rel, layout.stem, only or "-", exc)]
    this = _Layout(root, output, layout, rel, only, force, tool, cache)
    outcomes: list[Outcome] = []
    all_jobs: list[tuple[str, str, str]] = []
    for variant in chosen:
        outcomes += _variant(this, variant, all_jobs)
    if outcomes:
        outcomes[0].jobs = all_jobs
    return outcomes


def _variant(this: _Layout, variant: dict[str, str] | None, all_jobs: list[tuple[str, str, str]]) -> list[Outcome]:
    """The documents of one variant (or of a layout without variants); adds every job it makes to `all_jobs`."""
    from ..pipeline import prepare

    rel, layout, only = this.rel, this.layout, this.only
    vid = variant["id"] if variant else ""
    try:
        prepared = prepare(this.root, layout, variant)
    except InputError as exc:
        failed = Outcome(rel, f"{layout.stem}-{vid}" if vid else layout.stem, only or "-", "failed",
                         problems=exc.problems, variant=vid)
        failed.warnings = list(exc.warnings)  # shown with the errors, never hidden by them
        return [failed]
    except Exception as exc:
        return [crashed(rel, f"{layout.stem}-{vid}" if vid else layout.stem, only or "-", exc, vid)]
    d = prepared.document
    inputs = record(this.root, input_files(prepared))
    all_jobs += [(name, kind, vid) for name in drafts(d.profiles) for kind in d.outputs]
    outcomes = [_output(this, prepared, name, kind, vid, inputs)
                for name in drafts([p for p in d.profiles if not only or p == only]) for kind in d.outputs]
    if outcomes:
        outcomes[0].warnings = list(prepared.warnings)
        outcomes[0].accepted = list(prepared.accepted)
    return outcomes


def _output(this: _Layout, prepared: "Prepared", name: str, kind: str, vid: str, inputs: dict) -> Outcome:
    """One output (the document, or a deck's slides or a handout) of one variant in one profile."""
    from ..pipeline import render

    rel, output, d = this.rel, this.output, prepared.document
    profile = profiles()[name]
    stem = output_stem(d, kind)
    target = relative(output_target(output, profile, d, kind), output)
    hit = None if this.force else this.cache.up_to_date(this.root, output, rel, f"{name}|{kind}|{vid}", this.tool)
    if hit:
        return Outcome(rel, stem, name, "up to date", hit["target"], hit.get("pages", 0), hit["output"][0],
                       output_kind=kind, variant=vid)
    try:
        built = render(prepared, profile, kind)
    except InputError as exc:
        return Outcome(rel, stem, name, "failed", target, problems=exc.problems, output_kind=kind, variant=vid)
    except Exception as exc:
        return crashed(rel, stem, name, exc, vid, kind)
    return Outcome(rel, stem, name, "built", target, built.pages, len(built.data), built.milliseconds, built.data,
                   inputs, output_kind=kind, variant=vid, digest=hashlib.sha256(built.data).hexdigest())


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


def output_stem(d: "Document", kind: str) -> str:
    """The name of one output (the document, a deck's slides or a handout), before its profile's suffix."""
    return f"{d.name}-{kind}" if kind else d.name


def output_target(output: Path, profile: "Profile", d: "Document", kind: str) -> Path:
    """Where a build writes one output in one profile."""
    return profile.output_path(output, output_stem(d, kind), d.material_id, d.version)


def output_targets(output: Path, d: "Document") -> list[Path]:
    """Every PDF a build of the document writes (the profiles an approval alone writes left out)."""
    return [output_target(output, profiles()[name], d, kind) for name in drafts(d.profiles) for kind in d.outputs]
