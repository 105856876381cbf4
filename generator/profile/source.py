"""Read a profile file safely: regular files only, and not larger than a profile can be."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.errors import InputError, printable

MAX_BYTES = 5 * 1024 * 1024  # the longest real profile is a few kB; 5 MB is plenty


def read_source(path: Path | str, error=InputError) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES (a FIFO or a device never blocks the tool)."""
    path = Path(path)
    name = printable(path)  # a file name is shown, never obeyed: '\\n', '\\x1b' escaped
    try:
        info = os.stat(path)
    except OSError as exc:
        raise error(f"{name}: cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise error(f"{name}: is a folder, not a profile file")
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{name}: not a regular file (a pipe or device); give a profile file")
    if info.st_size > MAX_BYTES:
        raise error(f"{name}: {info.st_size:,} bytes is too large for a profile (limit {MAX_BYTES:,})")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise error(f"{name}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise error(f"{name}: too large for a profile (limit {MAX_BYTES:,} bytes)")
    return data
