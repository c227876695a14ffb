"""Swap two directories in one step, and make a written tree survive a power cut.

Replacing a directory with two renames (old away, new in) leaves an instant with no directory
at all, and a process killed in it loses the output. Linux's ``renameat2(RENAME_EXCHANGE)`` and
macOS's ``renamex_np(RENAME_SWAP)`` exchange two paths atomically: at every instant the path
names a complete tree, the old or the new. Python's ``os`` module offers neither, so they are
called through ``ctypes`` here; where neither exists (or the file system refuses), ``exchange``
says so and the caller falls back to two renames, recovering a killed run's tree on the next
run (``codegen.write.swap``).

Durability: ``syncfs`` (Linux) flushes a whole written tree in one call; elsewhere every file
and directory is fsynced. The parent directory is fsynced after the swap, so the rename itself
is on disk.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h
_RENAME_SWAP = 2  # macOS sys/stdio.h


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover - no C library to load
        return None


_LIBC = _libc()


def exchange(first: Path, second: Path) -> bool:
    """Swap what ``first`` and ``second`` name, atomically. False, changing nothing, when the
    platform or the file system cannot; ``OSError`` for any other failure."""
    if _LIBC is None:
        return False
    a, b = os.fsencode(first), os.fsencode(second)
    if sys.platform.startswith("linux"):
        function = getattr(_LIBC, "renameat2", None)
        if function is None:
            return False
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        result = function(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE)
    elif sys.platform == "darwin":
        function = getattr(_LIBC, "renamex_np", None)
        if function is None:
            return False
        function.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]
        result = function(a, b, _RENAME_SWAP)
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # not on this file system (or kernel)
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def sync_tree(root: Path) -> None:
    """Flush every file and directory under ``root`` to stable storage."""
    syncfs = getattr(_LIBC, "syncfs", None) if _LIBC is not None else None
    if syncfs is not None:
        descriptor = os.open(root, os.O_RDONLY)
        try:
            if syncfs(descriptor) == 0:
                return
        finally:
            os.close(descriptor)
    for directory, _, files in os.walk(root):
        for name in files:
            _fsync(Path(directory) / name, os.O_RDONLY)
        fsync_directory(Path(directory))


def fsync_directory(path: Path) -> None:
    """Flush a directory's entries (a rename into it) to stable storage, where possible."""
    if os.name == "nt":  # pragma: no cover - directories cannot be opened there
        return
    _fsync(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))


def _fsync(path: Path, flags: int) -> None:
    descriptor = os.open(path, flags)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
