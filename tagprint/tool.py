"""Which code is running: a digest of the package's own source files (for caches and manifests)."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from . import __version__

PACKAGE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=None)
def tool_digest() -> str:
    """SHA-256 over the tagprint package's source files, by path and content."""
    h = hashlib.sha256()
    for file in sorted(PACKAGE.rglob("*.py")):
        h.update(file.relative_to(PACKAGE).as_posix().encode() + b"\0" + file.read_bytes())
    return h.hexdigest()


__all__ = ["__version__", "tool_digest"]
