#!/usr/bin/env python3
"""Benchmark: the seed leave-behind against Typst on the same document, in the same run. Nothing here
asserts; run by hand (`make bench`) or by CI as a report.

- in process: median of 20 `tagprint.pipeline.build` (screen) against median of 20 `typst.compile` of
  benchmarks/typst/kineret-dtt-ra.typ (same pages, text, photos, links; tagged PDF/UA-1), interleaved;
- whole process: median of 5 `python render.py --force build kineret-dtt-ra --profile screen` against 5
  Python processes that import typst and compile the same source (the PyPI package has no command line);
- the median of each profile, and the size of the file.

The machine is shared: absolute times drift, so the same-run ratios are the figures to quote.
Targets (issue #13, 2-core machine): in process ≤ 3× Typst, whole process ≤ 4× Typst.
"""

from __future__ import annotations

import importlib.util
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
TYPST_SOURCE = REPO / "benchmarks" / "typst" / "kineret-dtt-ra.typ"
TYPST_SCRIPT = """
import sys, typst
typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[3], font_paths=sys.argv[4:], ignore_system_fonts=True,
              pdf_standards=["ua-1"])
"""


def _font_folders() -> list[str]:
    from tagprint.fonts import FAMILIES
    return sorted({str(p.parent) for finder, _ in FAMILIES.values() for p in finder("Regular")})


def typst_compile() -> bytes:
    import typst
    return typst.compile(str(TYPST_SOURCE), root=str(REPO), font_paths=_font_folders(), ignore_system_fonts=True,
                         pdf_standards=["ua-1"])


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def in_process(runs: int = 20, with_typst: bool = True) -> dict[str, float]:
    first = time.perf_counter()
    built = build(REPO, LAYOUT)  # warm-up: fonts parsed, modules imported
    out = {"cold": (time.perf_counter() - first) * 1000, "bytes": len(built.data)}
    ours, theirs = [], []
    if with_typst:
        typst_compile()  # warm-up
    for _ in range(runs):  # interleaved, so that both see the same machine
        ours.append(_median_ms(lambda: build(REPO, LAYOUT), 1))
        if with_typst:
            theirs.append(_median_ms(typst_compile, 1))
    out["tagprint"] = statistics.median(ours)
    if with_typst:
        out["typst"] = statistics.median(theirs)
    return out


def whole_process(runs: int = 5, with_typst: bool = True) -> dict[str, float]:
    ours, theirs = [], []
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, str(REPO / "render.py"), "--output", out, "--profile", "screen", "--force", "build",
               "kineret-dtt-ra"]
        other = [sys.executable, "-c", TYPST_SCRIPT, str(TYPST_SOURCE), str(Path(out) / "typst.pdf"), str(REPO),
                 *_font_folders()]
        for command in [cmd] + ([other] if with_typst else []):
            subprocess.run(command, cwd=REPO, check=True, capture_output=True)  # warm-up (bytecode cache)
        for _ in range(runs):
            for command, times in [(cmd, ours)] + ([(other, theirs)] if with_typst else []):
                t = time.perf_counter()
                subprocess.run(command, cwd=REPO, check=True, capture_output=True)
                times.append(time.perf_counter() - t)
    return {"tagprint": statistics.median(ours), **({"typst": statistics.median(theirs)} if with_typst else {})}


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
    with_typst = importlib.util.find_spec("typst") is not None
    if not with_typst:
        print("typst is not installed: pip install -e '.[bench]' (the bench extra) for the comparison")
    inproc = in_process(with_typst=with_typst)
    process = whole_process(with_typst=with_typst)
    for name, ms, nbytes in per_profile():
        print(f"profile {name:8} median {ms:7.1f} ms   {nbytes:>9,} bytes")
    line = f"seed leave-behind, in process:    tagprint median {inproc['tagprint']:.1f} ms of 20 builds " \
           f"(first build {inproc['cold']:.0f} ms)"
    if with_typst:
        line += f"; Typst {inproc['typst']:.1f} ms; ratio {inproc['tagprint'] / inproc['typst']:.1f}×   target <= 3×"
    print(line)
    line = f"seed leave-behind, whole process: tagprint median {process['tagprint']:.3f} s of 5 runs"
    if with_typst:
        line += f"; Typst {process['typst']:.3f} s; ratio {process['tagprint'] / process['typst']:.1f}×   " \
                f"target <= 4×"
    print(line)
    print(f"seed leave-behind, file size:     {inproc['bytes']:,} bytes ({inproc['bytes'] / 1024:.1f} KiB)")


if __name__ == "__main__":
    main()
