"""The package's own cache entries (the part of botocore's endpoints.json it needs): verified
on read, written through a fresh temporary file.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import json
import os
import pathlib
import typing

_CACHE_MAGIC = b"endpoints cache 1\n"
_CACHE_LIMIT = 8 << 20


def read_cache_entry(path: pathlib.Path) -> typing.Any:
    """The JSON data of a cache entry, or None when it is missing, damaged or not a regular
    file (a link, FIFO or device planted there is not followed, read or waited on)."""
    import hashlib
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > _CACHE_LIMIT:
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            raw = handle.read(_CACHE_LIMIT + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    header, _, rest = raw.partition(b"\n")
    digest, _, body = rest.partition(b"\n")
    if (
        header + b"\n" != _CACHE_MAGIC
        or hashlib.sha256(body).hexdigest().encode() != digest
    ):
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def write_cache_entry(path: pathlib.Path, data: typing.Any) -> None:
    """Store ``data`` through a fresh temporary file; an unwritable cache is ignored."""
    import hashlib
    import tempfile

    body = json.dumps(data).encode("utf-8")
    content = _CACHE_MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", dir=path.parent
        )
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
