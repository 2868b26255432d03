"""Which code is running: a digest of the package's own source files and the versions of the libraries it runs
on (for caches, manifests and the environment an approval records)."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata as metadata
import re
from pathlib import Path

from . import __version__

PACKAGE = Path(__file__).resolve().parent
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


@functools.lru_cache(maxsize=None)
def tool_digest() -> str:
    """SHA-256 over the tagprint package's source files, by path and content."""
    h = hashlib.sha256()
    for file in sorted(PACKAGE.rglob("*.py")):
        h.update(file.relative_to(PACKAGE).as_posix().encode() + b"\0" + file.read_bytes())
    return h.hexdigest()


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@functools.lru_cache(maxsize=None)
def libraries() -> dict[str, str]:
    """Every distribution tagprint runs on (its runtime requirements, transitively) and its version."""
    found: dict[str, str] = {}
    todo = ["tagprint"]
    while todo:
        name = _normal(todo.pop())
        if name in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
            continue
        found[name] = dist.version
        for requirement in dist.requires or []:
            spec, _, marker = requirement.partition(";")
            if "extra" in marker:
                continue  # optional extras (tests, benchmarks) do not make the PDF
            m = _NAME.match(spec.strip())
            if m:
                todo.append(m.group(0))
    found.pop("tagprint", None)
    return dict(sorted(found.items()))


@functools.lru_cache(maxsize=None)
def build_key() -> str:
    """What decides a build's bytes besides its own inputs, for the build cache: this code, the Python and
    library versions (ReportLab, pikepdf, Pillow, … an upgrade rebuilds), the press profile file and
    SOURCE_DATE_EPOCH. Cheap: no drawing library is imported."""
    import os
    import platform

    from .files import stamp
    from .profiles.icc_files import CMYK_PROFILES, PRESS_PROFILES

    h = hashlib.sha256(tool_digest().encode())
    h.update(repr((platform.python_version(), sorted(libraries().items()),
                   os.environ.get("SOURCE_DATE_EPOCH", ""))).encode())
    for path in (*CMYK_PROFILES, *PRESS_PROFILES):
        h.update(repr((str(path), stamp(path) if path.is_file() else None)).encode())
    return h.hexdigest()


__all__ = ["__version__", "build_key", "libraries", "tool_digest"]
