"""Writing outputs safely: atomically (never half a file) and write-once (archived versions)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def inside(root: Path, candidate: Path) -> bool:
    """True if `candidate` stays inside `root` once links and `..` are resolved."""
    try:
        candidate.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def symlink_in(root: Path, candidate: Path) -> str | None:
    """The first symbolic link on the way from `root` to `candidate` (as 'content/ra.yaml'), or None: what
    to name when a path leaves the project through a link rather than through '..'."""
    try:
        parts = candidate.relative_to(root).parts if candidate.is_absolute() == root.is_absolute() else ()
    except ValueError:
        return None
    node = root
    for part in parts:
        node = node / part
        if node.is_symlink():
            return node.relative_to(root).as_posix()
    return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temporary(target: Path, data: bytes) -> str:
    """A complete copy of `data` in a temporary file beside `target`, readable as a normal file is.
    Its name carries the writer's pid (`.NAME.PID.RANDOM.tmp`): a later run removes it at once when
    that process is gone, and leaves a running build's file alone."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_atomically(target: Path, data: bytes) -> None:
    """Writes to a temporary file beside the target, then renames: never half a PDF in output/."""
    tmp = _temporary(target, data)
    try:
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class AlreadyArchived(Exception):
    """The version exists in the write-once store with other bytes."""


def write_once(target: Path, data: bytes) -> bool:
    """Writes an archived version that must never be overwritten. True if written, False if the same
    bytes are already there; AlreadyArchived if different bytes are."""
    if target.exists():
        if target.read_bytes() == data:
            return False
        raise AlreadyArchived(str(target))
    tmp = _temporary(target, data)
    try:
        os.link(tmp, target)  # fails if another build archived it meanwhile: never replaces
    except FileExistsError:
        raise AlreadyArchived(str(target)) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    os.chmod(target, 0o444)
    return True


STALE_AGE = 600.0  # any temporary this old is stale (no pid in its name, or its pid reused since)


def _writer_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def remove_own_temporaries(folder: Path, pids: list[int] | None = None) -> None:
    """Removes this process's temporary files under `folder` (or those of `pids`, worker processes it
    ended): when a build ends, however it ends (an interrupt can land between a temporary's creation and
    the rename that would have consumed it)."""
    if not folder.is_dir():
        return
    for pid in (pids if pids is not None else [os.getpid()]):
        for tmp in folder.rglob(f".*.{pid}.*.tmp"):
            tmp.unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Removes the temporary files of builds that died (kill -9, power loss) under `folder`: at once when
    the pid in the name is no longer running, and any after STALE_AGE seconds."""
    import time

    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    for tmp in folder.rglob(".*.tmp"):
        parts = tmp.name[1:].split(".")  # NAME… . PID . RANDOM . tmp
        pid = int(parts[-3]) if len(parts) >= 4 and parts[-3].isdigit() else None
        try:
            # a live writer renames its file within moments: old is stale whoever has the pid now
            stale = now - tmp.stat().st_mtime > STALE_AGE
            if not stale and pid is not None and pid != os.getpid():
                stale = not _writer_alive(pid)
            if stale:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            pass
    return removed


def stamp(path: Path) -> tuple[int, int, int, int]:
    """What says a file changed, for caches within a process: size, inode and the modification *and*
    status-change times. `cp -p`, `rsync -a` or `unzip` keep the modification time of a replaced file, but
    nothing can set its status-change time."""
    st = path.stat()
    return st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns
