"""Builds the press conditions' ICC output profiles from the registered characterisation data.

Run once (the results are committed under tagprint/profiles/icc/):

    python scripts/make_press_profiles.py

It needs Debian's icc-profiles-free (the measured data, .ti3: FOGRA39L, TR005, TR006) and argyll (colprof).
Each profile is made by

    colprof -v -qm -kr -l<TAC> -L100 -D "<description>" -C "<copyright>" <name>

from a copy of the data set: medium quality tables, a black generation ramp from 0 at paper white to
full black (-kr), the condition's total ink limit (-l) and no extra black limit. The recipe and the
data's origin are written to tagprint/profiles/icc/README.md, which this script keeps in step.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DATA = Path("/usr/share/color/icc")
OUT = Path(__file__).resolve().parent.parent / "tagprint" / "profiles" / "icc"

# file stem, data set, total ink limit (%), description the profile carries (what PRINT-OUTPUT-INTENT reads)
PROFILES = (
    ("fogra39", "FOGRA39L", 330, "FOGRA39 coated offset (ISO 12647-2:2004), argyll colprof from FOGRA39L"),
    ("cgats-tr006", "TR006", 320, "CGATS TR 006 GRACoL 2006 coated #1 sheet-fed, argyll colprof from TR006"),
    ("cgats-tr005", "TR005", 300, "CGATS TR 005 SWOP 2006 coated #5 web, argyll colprof from TR005"),
)
COPYRIGHT = "Made by tagprint from registered characterisation data (icc-profiles-free, zlib licence)"


def build(stem: str, data: str, tac: int, description: str) -> Path:
    source = DATA / f"{data}.ti3"
    if not source.is_file():
        sys.exit(f"{source} is missing: install icc-profiles-free")
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(source, Path(tmp) / f"{data}.ti3")
        subprocess.run(["colprof", "-v", "-qm", "-kr", f"-l{tac}", "-L100", "-D", description, "-C", COPYRIGHT,
                        data], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        target = OUT / f"{stem}.icc"
        shutil.copy(Path(tmp) / f"{data}.icc", target)
    return target


def main(names: list[str]) -> None:
    if not shutil.which("colprof"):
        sys.exit("colprof is missing: install argyll")
    OUT.mkdir(parents=True, exist_ok=True)
    for stem, data, tac, description in PROFILES:
        if names and stem not in names:
            continue
        print(f"{stem}: colprof from {data}.ti3 (TAC {tac} %) …", flush=True)
        print(f"  → {build(stem, data, tac, description)}")


if __name__ == "__main__":
    main(sys.argv[1:])
