"""Building many documents: every layout × profile, in parallel processes, skipping what is up to date.

The parent process owns `output/`: workers build in memory and hand back bytes; the parent writes each
file atomically, records what went into it in `output/.tagprint/cache.json`, shows progress and prints a
final table. One bad document does not stop the others. A build writes drafts only: a profile that only an
approval writes (the archive) is left to `render.py approve`.

    outcome.py   what one document came to (a row of the table), `crashed`
    cache.py     what went into a document, and the cache that says whether it is up to date
    planning.py  what is up to date before any worker starts, and the rest as tasks, largest first
    worker.py    one layout in a worker: `build_layout`
    running.py   the parent: the pool, writing, an interrupt's one line (`run`)
    report.py    the progress bar and the final table
"""

from __future__ import annotations

from .cache import CACHE, Cache, input_files, record, unchanged
from .outcome import Outcome, WorkerDied, crashed
from .planning import Task, plan, up_to_date
from .report import Progress, table
from .running import interrupted_line, run
from .worker import build_layout

__all__ = ["CACHE", "Cache", "Outcome", "Progress", "Task", "WorkerDied", "build_layout", "crashed",
           "input_files", "interrupted_line", "plan", "record", "run", "table", "unchanged", "up_to_date"]
