#!/usr/bin/env python3
"""Benchmark: a library of generated documents × the profiles of the issue's target (screen, print, email),
with the other example layouts, built the way a brand team would (`python render.py` in parallel
processes, one task per variant), reported as documents per minute (counted from what the build wrote)
and the peak memory of the largest process (a worker), plus the no-change rebuild. Nothing here asserts;
run by hand or by CI as a report.

    python benchmarks/library.py [--documents 200] [--jobs N]

The library is the seed leave-behind expanded over a generated variants file (one market each).
Targets (issue #13, 2-core machine): ≥ 1000 documents per minute, ≤ 250 MB per worker, a no-change
rebuild of 300 documents in ≤ 0.3 s.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def make_library(root: Path, count: int) -> None:
    for folder in ("layouts", "content", "images", "data", "fonts"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("*.py"))
    (root / "layouts" / "illustration-gallery.yaml").unlink()
    (root / "layouts" / "kineret-dtt-ra-deck.yaml").unlink()
    layout = root / "layouts" / "kineret-dtt-ra.yaml"
    text = layout.read_text()
    text = text.replace("material_id: US-KIN-0001", "material_id: US-KIN-{{id}}")
    text = text.replace("profiles: [screen, print, email, archive]",
                        "profiles: [screen, print, email]\nvariants: data/markets.yaml")
    text = text.replace("footer: KINERET® (anakinra) · For US healthcare professionals only",
                        "footer: KINERET® (anakinra) · For healthcare professionals in {{market}} only")
    layout.write_text(text)
    (root / "data").mkdir(exist_ok=True)
    (root / "data" / "markets.yaml").write_text(
        "".join(f"- {{id: m{i:04d}, market: Market {i}}}\n" for i in range(count)))


def run(root: Path, jobs: int | None) -> tuple[float, str]:
    cmd = [sys.executable, str(REPO / "render.py"), "--root", str(root)] + (["--jobs", str(jobs)] if jobs else [])
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    return elapsed, done.stdout.strip().splitlines()[-1]


def built(summary: str) -> int:
    """The documents a build wrote, from its summary line ("604 documents in 52.5 s: 604 built")."""
    found = re.search(r"(\d+) built", summary)
    if found is None:
        raise SystemExit(f"no count of built documents in: {summary}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_library(root, args.documents)
        seconds, summary = run(root, args.jobs)
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak_mb, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
        total = built(summary)
        print(f"library: {args.documents} variants, {total} PDFs built in {seconds:.1f} s "
              f"→ {total / seconds * 60:.0f} documents per minute ({args.documents / seconds * 60:.0f} "
              f"variants per minute); peak memory per worker {peak_mb:.0f} MB")
        # on a shared machine the wall clock depends on the neighbours; the processor time does not
        print(f"  processor time of the build and its workers {cpu:.1f} s → {total / cpu * 60:.0f} documents per "
              f"processor-minute, {total / cpu * 120:.0f} per minute on two free cores")
        print(f"  {summary}")
        again, summary = run(root, args.jobs)
        print(f"no-change rebuild of the whole library: {again:.2f} s  ({summary})")


if __name__ == "__main__":
    main()
