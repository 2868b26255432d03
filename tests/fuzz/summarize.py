"""Summarizes a fuzz campaign: one line per distinct bug, and the smallest project that showed it.

    TAGPRINT_FUZZ_COLLECT=/tmp/bugs.jsonl TAGPRINT_FUZZ_EXAMPLES=5000 TAGPRINT_FUZZ_RANDOM=1 \
        python -m pytest -q tests/fuzz
    python tests/fuzz/summarize.py /tmp/bugs.jsonl            # the list
    python tests/fuzz/summarize.py /tmp/bugs.jsonl --show 3   # … and the files and traceback of bug 3
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("jsonl", nargs="+")
    parser.add_argument("--show", type=int, action="append", default=[], help="print bug N in full")
    args = parser.parse_args()
    found: dict[str, list[dict]] = defaultdict(list)
    for path in args.jsonl:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    found[record["signature"]].append(record)
    ranked = sorted(found.items(), key=lambda kv: -len(kv[1]))
    for n, (signature, records) in enumerate(ranked, start=1):
        tests = ", ".join(sorted({r["test"] for r in records}))
        smallest = min(r["size"] for r in records)
        print(f"{n:3}. {len(records):5}×  {signature}   [{tests}; smallest {smallest:,} chars]")
    for n in args.show:
        signature, records = ranked[n - 1]
        smallest = min(records, key=lambda r: r["size"])
        print(f"\n==== {n}. {signature}")
        for name, text in smallest["files"].items():
            print(f"--- {name} ---\n{text}")
        print(smallest["traceback"])


if __name__ == "__main__":
    main()
