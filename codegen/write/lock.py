"""One writer per output: a lock held while a tree is checked, swapped in and cleaned up.

The lock is ``flock`` on the output's parent directory itself, so it needs no lock file (none
appears in ``git status``), works whatever the cache or temporary directory of each run, and
covers the staging and retired trees that live beside the output. Two outputs in the same
parent wait for each other; that only serializes writes that take a moment. A second run
waits, saying so once on stderr, and gives up with one line after ``CODEGEN_LOCK_TIMEOUT``
seconds (default 600). ``--check`` takes the lock shared, so it never reads a tree while it
is being swapped.

Where ``fcntl`` does not exist (Windows), ``filelock`` locks a file named for the parent's real
path in the temporary directory instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

from codegen.errors import CodegenError

TIMEOUT_VARIABLE = "CODEGEN_LOCK_TIMEOUT"
DEFAULT_TIMEOUT = 600.0
_POLL = 0.05


def _timeout() -> float:
    text = os.environ.get(TIMEOUT_VARIABLE)
    if not text:
        return DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        raise CodegenError(TIMEOUT_VARIABLE, f"must be a number of seconds, not {text!r}") from None
    if value < 0:
        raise CodegenError(TIMEOUT_VARIABLE, "must not be negative")
    return value


def _say_waiting(root: Path) -> None:
    print(f"codegen: waiting for another codegen run writing near {root} to finish", file=sys.stderr)


@contextlib.contextmanager
def output_lock(
    root: Path, *, shared: bool = False, on_wait: Callable[[Path], None] = _say_waiting
) -> Iterator[None]:
    """Hold the lock on ``root`` (whose parent must exist) for the ``with`` block."""
    timeout = _timeout()
    parent = root.parent
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        with _file_lock(parent, timeout, root):
            yield
        return
    try:
        descriptor = os.open(parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise CodegenError(str(parent), f"cannot open to lock it: {exc.strerror}") from None
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    try:
        deadline = None
        while True:
            try:
                fcntl.flock(descriptor, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if deadline is None:
                    on_wait(root)
                    deadline = time.monotonic() + timeout
                elif time.monotonic() >= deadline:
                    raise CodegenError(
                        str(root),
                        f"another codegen run has held its lock for over {timeout:g} s; "
                        f"giving up (set {TIMEOUT_VARIABLE} to wait longer)",
                    ) from None
                time.sleep(_POLL)
        yield
    finally:
        os.close(descriptor)  # releases the lock


@contextlib.contextmanager
def lock_if_free(directory: Path) -> Iterator[bool]:
    """Hold an exclusive lock on ``directory`` (``flock`` on the directory itself, as
    ``output_lock`` does) for the ``with`` block if no one else holds it; the value says
    whether it was free. For work one run may skip when another is doing it (pruning the
    cache). Without ``fcntl``, ``filelock`` locks ``.lock`` in the directory instead."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        import filelock

        try:
            lock = filelock.FileLock(str(directory / ".lock"), timeout=0)
            lock.acquire()
        except (filelock.Timeout, OSError):
            yield False
            return
        try:
            yield True
        finally:
            lock.release()
        return
    try:
        descriptor = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held by another run (or locks unsupported here)
            yield False
            return
        yield True
    finally:
        os.close(descriptor)  # releases the lock


@contextlib.contextmanager
def _file_lock(parent: Path, timeout: float, root: Path) -> Iterator[None]:  # pragma: no cover
    import filelock

    name = hashlib.sha256(os.path.realpath(parent).encode()).hexdigest()[:32]
    path = Path(tempfile.gettempdir()) / "botocore-codegen-locks" / f"{name}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with filelock.FileLock(str(path), timeout=timeout):
            yield
    except filelock.Timeout:
        raise CodegenError(str(root), f"another codegen run has held its lock for over {timeout:g} s") from None
