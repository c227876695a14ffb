"""Writing a streamed output to the file the command line names, atomically.

The AWS CLI opens the file and writes into it as the body arrives (streamingoutputarg.py), so
an interrupted download leaves a truncated file that looks complete. Here the body goes to a
temporary file beside the target, which is renamed over it once complete: the target holds
the old content or the new, never part of it. Written by hand because the standard library
has no atomic file replacement (``os.replace`` is the last step of this one).

What is not a regular file (``/dev/stdout``, a FIFO, a terminal) is written to directly, as
the AWS CLI does: it cannot be replaced, and replacing it would be wrong. A symbolic link to
a regular file is kept: its target is replaced. Errors name the path as given, with the
words ``open()`` would use.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import os
import stat
import tempfile
import typing

CHUNK = 32768  # bytes read from the body at a time (the AWS CLI's buffer size)


def write_file(
    path: str, chunks: typing.Iterable[bytes], mode: int | None = None
) -> None:
    """Write ``chunks`` to ``path``; ``mode``: the permissions of a file made anew (default:
    what ``open()`` would give, ``0o666`` less the umask), which a replaced file keeps.
    """
    real = os.path.realpath(path)
    try:
        current = os.stat(real)
    except FileNotFoundError:
        current = None
    except OSError as error:
        raise _as_for(error, path) from None
    if current is not None and not stat.S_ISREG(current.st_mode):
        with open(path, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
        return
    directory, name = os.path.split(real)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=directory or ".", prefix=f".{name}.", suffix=".partial"
        )
    except OSError as error:
        raise _as_for(error, path) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        if current is not None:
            permissions = stat.S_IMODE(current.st_mode)
        elif mode is not None:
            permissions = mode
        else:
            permissions = 0o666 & ~_umask()
        os.chmod(temporary, permissions)
        os.replace(temporary, real)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def body_chunks(body: typing.Any) -> typing.Iterator[bytes]:
    """A streamed body (botocore's ``StreamingBody``), read a chunk at a time."""
    data = body.read(CHUNK)
    while data:
        yield data
        data = body.read(CHUNK)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _as_for(error: OSError, path: str) -> OSError:
    """``error`` as ``open(path)`` would have raised it (naming ``path``, not a temporary)."""
    if error.errno is None:
        return error
    return type(error)(error.errno, error.strerror, path)


__all__ = ["CHUNK", "body_chunks", "write_file"]
