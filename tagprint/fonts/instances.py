"""Font programs kept on disk: a variable font's static instances (fontTools' instancer takes seconds) and
whatever else is costly to make again from a font's bytes (the finish stage's subsets), each under a key of
what it is made from, in the user's cache folder, written whole or not at all."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path
from typing import Callable

from fontTools.ttLib import TTFont


def cache_folder(kind: str) -> Path:
    """The folder a kind of kept font program lives in ("instances", "subsets")."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tagprint" / kind


def instance_cache() -> Path:
    return cache_folder("instances")


def kept_on_disk(cached: Path, make: Callable[[], bytes]) -> bytes:
    """The bytes in `cached`, else those `make` returns, written there for the next time (atomically: a
    reader never sees half a file; a read-only cache only means they are made again next time)."""
    if cached.is_file():
        return cached.read_bytes()
    data = make()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, cached)
    except OSError:  # a read-only cache: made again next time
        pass
    return data


def saved_font(font: TTFont) -> bytes:
    """A font's file, the same bytes in every process (its head table keeps the font's own dates)."""
    font.recalcTimestamp = False
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()


def instance(path: Path, index: int, font: TTFont, limits: dict[str, float]) -> bytes:
    """A variable font's static instance (fontTools' instancer takes seconds): kept on disk, by the
    font file's content and the axis values, so each instance is made once per machine."""
    from fontTools.varLib import instancer

    key = hashlib.sha256(path.read_bytes() + repr((index, sorted(limits.items()))).encode()).hexdigest()[:32]
    return kept_on_disk(instance_cache() / f"{key}.ttf",
                        lambda: saved_font(instancer.instantiateVariableFont(font, limits, updateFontNames=False)))
