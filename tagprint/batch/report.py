"""What a build shows: the progress bar while it runs and the final table."""

from __future__ import annotations

import sys

from .outcome import Outcome


class Progress:
    def __init__(self, total: int, stream=None):
        self.total, self.done, self.stream = total, 0, stream or sys.stderr
        self.live = self.stream.isatty() and total > 1

    def step(self, count: int = 1) -> None:
        self.done += count
        if self.live:
            width = 30
            filled = int(width * self.done / max(1, self.total))
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} layouts")
            self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def table(outcomes: list[Outcome], seconds: float, shown_output: str = "output") -> str:
    """The final table; `shown_output` is the output folder as the user named it."""
    rows = [("document", "profile", "pages", "bytes", "ms", "status")]
    for o in outcomes:
        rows.append((o.name, o.profile, str(o.pages) if o.pages else "-", f"{o.size:,}" if o.size else "-",
                     f"{o.milliseconds:.0f}" if o.milliseconds else "-",
                     o.status + (f" → {shown_output}/{o.target}" if o.target and o.status != "failed" else "")))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for r in rows:
        lines.append("  ".join([r[0].ljust(widths[0]), r[1].ljust(widths[1]), r[2].rjust(widths[2]),
                                r[3].rjust(widths[3]), r[4].rjust(widths[4]), r[5]]).rstrip())
    counts = {s: sum(o.status == s for o in outcomes) for s in ("built", "up to date", "unchanged", "failed")}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    noun = "document" if len(outcomes) == 1 else "documents"
    lines.append(f"{len(outcomes)} {noun} in {seconds:.2f} s: {summary or 'nothing to do'}")
    return "\n".join(lines)
