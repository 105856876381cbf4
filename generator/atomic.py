"""Atomic file writes: a temporary file beside the target, flushed to disk, then a rename.

A temporary file's name says which run wrote it (`~host-pid~`: the run's own process, which
forked workers inherit), so a run clears only what runs now dead left behind, never the files of
a run still writing into the same folder (shards of one batch on a shared volume, say).
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

TEMP_SUFFIX = ".career-brochure.tmp"  # distinctive, so a run can clear what a killed run left
_OWNER = re.compile(r"~(?P<host>[^~/]+)-(?P<pid>\d+)~")
FOREIGN_STALE_AFTER = 24 * 3600  # seconds: another machine's run is taken for dead after a day
_run_owner = f"{os.uname().nodename}-{os.getpid()}"


def own_run() -> str:
    """Mark this process as the owner of the temporary files it and its forked workers write."""
    global _run_owner
    _run_owner = f"{os.uname().nodename}-{os.getpid()}"
    return _run_owner


def write_temp(path: Path | str, data: bytes) -> Path:
    """`data` in a hidden temporary file beside `path`, on disk; rename it with `os.replace`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.~{_run_owner}~", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_bytes_atomic(path: Path | str, data: bytes) -> None:
    """Write `data` to `path` so readers see the old file or the whole new one."""
    tmp = write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path | str, text: str) -> None:
    """Write UTF-8 text atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def _dead(leftover: Path) -> bool:
    """True when the run that wrote `leftover` is gone: a process of this machine that no longer
    exists, another machine's after FOREIGN_STALE_AFTER, or a name that names no run."""
    match = _OWNER.search(leftover.name)
    if match is None:
        return True
    host, pid = match["host"], int(match["pid"])
    if host != os.uname().nodename:
        try:
            return time.time() - leftover.stat().st_mtime > FOREIGN_STALE_AFTER
        except OSError:
            return False
    if f"{host}-{pid}" == _run_owner:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def clear_own(folder: Path | str) -> int:
    """Remove this run's own temporary files in `folder` (a run that stops); how many."""
    folder = Path(folder)
    count = 0
    if folder.is_dir():
        for leftover in folder.glob(f"**/.*~{_run_owner}~*{TEMP_SUFFIX}"):
            leftover.unlink(missing_ok=True)
            count += 1
    return count


def clear_leftovers(folder: Path | str) -> int:
    """Remove temporary files that runs now dead left in `folder` and its subfolders; how many."""
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    count = 0
    for leftover in folder.glob(f"**/.*{TEMP_SUFFIX}"):
        if _dead(leftover):
            leftover.unlink(missing_ok=True)
            count += 1
    return count
