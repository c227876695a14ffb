"""Reading files that codegen did not write in this run: spec files, its cache, the ownership
marker of an output.

Only regular files are read, so a FIFO, a device (``/dev/zero``) or a directory planted where a
file belongs is refused at once instead of blocking or filling memory; the size is checked
before reading and the read is bounded; a file may be required to lie inside a directory once
symbolic links are resolved. Written by hand because the standard library's ``open`` does none
of this on its own and no library does exactly this; it is a few system calls.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class FileRefused(Exception):
    """A file that may not be read: not regular, too large, or outside where it must be."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


def inside(path: Path, directory: Path) -> bool:
    """Whether ``path``, symbolic links resolved, lies inside ``directory`` (also resolved)."""
    real, base = os.path.realpath(path), os.path.realpath(directory)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def read_regular(
    path: Path, limit: int, *, follow_symlinks: bool = True, within: Path | None = None
) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``limit`` bytes (and,
    with ``within``, inside that directory once links are resolved).

    Raises ``FileRefused`` for a file of the wrong kind, size or place, and ``OSError`` as
    ``open`` does (missing, unreadable; ``ELOOP`` for a link when not following links).
    """
    if within is not None and not inside(path, within):
        raise FileRefused(path, f"a link that leads outside {within}")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise FileRefused(path, "not a regular file")
        if status.st_size > limit:
            raise FileRefused(path, f"larger than the limit of {limit:,} bytes")
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # it grew while being read
                raise FileRefused(path, f"larger than the limit of {limit:,} bytes")
        return b"".join(chunks)
    finally:
        os.close(descriptor)
