"""Content-addressed caches, kept outside the output (``$CODEGEN_CACHE_DIR``, else
``$XDG_CACHE_HOME/botocore-codegen`` or ``~/.cache/botocore-codegen``).

A cache only ever saves time: an entry is found by the hash of everything that determines it,
and a missing, unreadable or unwritable cache simply means the work is done again. Entries are
written to a temporary file and renamed, so a concurrent or interrupted run never sees half of
one. Nothing read from a cache is executed: formatted chunks are text, trees are ``marshal``
data (bytes and strings only).
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path
from typing import Iterable, Mapping


def default_cache_dir() -> Path:
    explicit = os.environ.get("CODEGEN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "botocore-codegen"


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        pass  # a cache that cannot be written is only a slower run


class FormatCache:
    """Formatted text by (formatter identity, unformatted text)."""

    def __init__(self, root: Path) -> None:
        self.root = root / "format"

    def _path(self, formatter: str, text: str) -> Path:
        key = digest(formatter, text)
        return self.root / key[:2] / f"{key}.py"

    def get_many(self, formatter: str, texts: Iterable[str]) -> dict[str, str]:
        found = {}
        for text in texts:
            try:
                found[text] = self._path(formatter, text).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
        return found

    def put_many(self, formatter: str, formatted: Mapping[str, str]) -> None:
        for text, result in formatted.items():
            write_atomically(self._path(formatter, text), result.encode("utf-8"))


class TreeCache:
    """A whole generated tree by the digest of every input that determines it."""

    def __init__(self, root: Path) -> None:
        self.root = root / "trees"

    def get(self, key: str) -> dict[str, bytes] | None:
        try:
            tree = marshal.loads((self.root / f"{key}.marshal").read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if not isinstance(tree, dict) or not all(
            isinstance(k, str) and isinstance(v, bytes) for k, v in tree.items()
        ):
            return None
        return tree

    def put(self, key: str, tree: Mapping[str, bytes]) -> None:
        write_atomically(self.root / f"{key}.marshal", marshal.dumps(dict(tree)))
