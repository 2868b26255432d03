#!/usr/bin/env python3
"""Benchmark: the seed leave-behind, in process (median of 20 builds) and as a whole process (median of 5
`python render.py build kineret-dtt-ra` runs), with the PDF's size. Run by hand or by CI as a report;
nothing here asserts. Targets (issue #2, 2-core machine): in-process ≤ 40 ms, process ≤ 0.4 s, ≤ 120 KB.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tagprint.pipeline import build, prepare, render  # noqa: E402
from tagprint.profiles import profiles  # noqa: E402

LAYOUT = REPO / "layouts" / "kineret-dtt-ra.yaml"


def in_process(runs: int = 20) -> tuple[float, float, int]:
    first = time.perf_counter()
    built = build(REPO, LAYOUT)  # warm-up: fonts parsed, modules imported
    cold = (time.perf_counter() - first) * 1000
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        built = build(REPO, LAYOUT)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), cold, len(built.data)


def whole_process(runs: int = 5) -> float:
    times = []
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, str(REPO / "render.py"), "--output", out, "--profile", "screen", "--force", "build",
               "kineret-dtt-ra"]
        subprocess.run(cmd, cwd=REPO, check=True, capture_output=True)  # warm-up (bytecode cache)
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, cwd=REPO, check=True, capture_output=True)
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def per_profile(runs: int = 5) -> list[tuple[str, float, int]]:
    """Median in-process time (load and validate included) and bytes of the seed in each profile."""
    rows = []
    for name, profile in profiles().items():
        render(prepare(REPO, LAYOUT), profile)  # warm-up
        times, size = [], 0
        for _ in range(runs):
            t = time.perf_counter()
            size = len(render(prepare(REPO, LAYOUT), profile).data)
            times.append((time.perf_counter() - t) * 1000)
        rows.append((name, statistics.median(times), size))
    return rows


def main() -> None:
    median_ms, cold_ms, size = in_process()
    process_s = whole_process()
    for name, ms, nbytes in per_profile():
        print(f"profile {name:8} median {ms:7.1f} ms   {nbytes:>9,} bytes")
    print(f"seed leave-behind, in process:   median {median_ms:.1f} ms of 20 builds (first build {cold_ms:.0f} ms)"
          f"   target <= 40 ms")
    print(f"seed leave-behind, whole process: median {process_s:.3f} s of 5 runs   target <= 0.4 s")
    print(f"seed leave-behind, file size:     {size:,} bytes ({size / 1024:.1f} KiB)   target <= 120 KB")


if __name__ == "__main__":
    main()
