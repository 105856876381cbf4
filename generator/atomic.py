"""Atomic file writes: a temporary file beside the target, flushed to disk, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".career-brochure.tmp"  # distinctive, so a run can clear what a killed run left


def write_temp(path: Path | str, data: bytes) -> Path:
    """`data` in a hidden temporary file beside `path`, on disk; rename it with `os.replace`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
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


def clear_leftovers(folder: Path | str) -> int:
    """Remove temporary files an interrupted run left in `folder` and its subfolders; how many."""
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    count = 0
    for leftover in folder.glob(f"**/.*{TEMP_SUFFIX}"):
        leftover.unlink(missing_ok=True)
        count += 1
    return count
