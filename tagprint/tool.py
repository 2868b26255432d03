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


@functools.lru_cache(maxsize=None)
def build_key() -> str:
    """What decides a build's bytes besides its own inputs, for the build cache: this code, the Python and
    library versions (ReportLab, pikepdf, Pillow, … an upgrade rebuilds), the press profile file and
    SOURCE_DATE_EPOCH. Cheap: no drawing library is imported."""
    import os
    import platform

    from .approval.environment import libraries
    from .files import stamp
    from .profiles.icc_files import CMYK_PROFILES, PRESS_PROFILES

    h = hashlib.sha256(tool_digest().encode())
    h.update(repr((platform.python_version(), sorted(libraries().items()),
                   os.environ.get("SOURCE_DATE_EPOCH", ""))).encode())
    for path in (*CMYK_PROFILES, *PRESS_PROFILES):
        h.update(repr((str(path), stamp(path) if path.is_file() else None)).encode())
    return h.hexdigest()


__all__ = ["__version__", "build_key", "tool_digest"]
