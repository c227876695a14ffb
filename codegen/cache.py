"""The generator's cache: work of earlier runs that a run may take instead of doing it again.

It lives outside the output (``$CODEGEN_CACHE_DIR``, else ``platformdirs``' user cache
directory for ``botocore-codegen``, e.g. ``~/.cache/botocore-codegen``) and only ever saves
time: a missing, unreadable, unwritable or damaged cache means the work is done again, and the
output is the same bytes.

What is kept, one JSON entry per ``kind/name.json``:

- ``format/``: a service's formatted code pieces (``codegen.format``), by the formatter, and
  beside them the SHA-256 of each module the formatter left as it was rendered;
- ``conversions/``: a service's documentation conversions (``codegen.render.conversions``),
  by the converter;
- ``renders/``: a service's rendered units (its reference pages) by the digest of the frozen
  view each is rendered from (``codegen.render.units``), by the generator;
- ``outputs/``: what each output directory was last generated from (``codegen.generate``);
- ``stamps/``: the digest of all a run read and of the output it left, by output directory
  (``codegen.stamp``: a run with nothing to do ends before importing the pipeline).

The first three are ``Layered``: items by key, kept as a base entry and an overlay
(``name.overlay.json``) of the items added and dropped since, bound to the base by the digest
of its body. An update that changes a few of whole SageMaker's items writes those, not 32 MB
of JSON again (half a second of encoding and writing, which the run waited for at its end);
once the overlay holds more than a quarter as many items as the base, the base is written
whole again and the overlay removed.

Nothing from it is trusted without checking:

- every entry starts with a header naming the cache format and the SHA-256 of its body, and
  is ignored (then written again by the run that needed it) unless both match;
- only regular files are read, without following links or blocking (a FIFO, device or
  symlink planted in the cache is refused), and at most ``ENTRY_LIMIT`` bytes;
- bodies are JSON, never code, pickles or ``marshal`` data; formatted code taken from it is
  further required to parse to the same program as the code it stands for
  (``codegen.format``), so an edited entry can change layout at most, never behaviour;
- entries are written to a ``mkstemp`` file (``O_EXCL``, never following a planted link) in
  their own directory, then renamed into place.

The cache is bounded: after a run that wrote to it, the least recently used entries (by
modification time, which a read refreshes) are deleted until it holds at most
``$CODEGEN_CACHE_MAX_MB`` megabytes (default 1024). ``codegen cache info`` and
``codegen cache clear`` show and empty it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Hashable, Mapping, NamedTuple

from codegen.errors import CodegenError
from codegen.safeio import FileRefused, read_regular

CACHE_VARIABLE = "CODEGEN_CACHE_DIR"
SIZE_VARIABLE = "CODEGEN_CACHE_MAX_MB"
DEFAULT_MAX_MB = 1024
# The cache format: entries of another format are ignored.
FORMAT = 2
_MAGIC = b"botocore-codegen cache %d\n" % FORMAT
# No entry is larger than this (a whole service's formatted pieces are a few MB).
ENTRY_LIMIT = 256 << 20
KINDS = ("format", "conversions", "renders", "outputs", "stamps")
_STRAY_AGE = 3600.0
_OVERLAY = ".overlay"
_HEX = "0123456789abcdef"


def default_cache_dir() -> Path:
    explicit = os.environ.get(CACHE_VARIABLE)
    if explicit:
        return Path(explicit)
    import platformdirs

    return Path(platformdirs.user_cache_dir("botocore-codegen", appauthor=False))


def max_bytes() -> int:
    text = os.environ.get(SIZE_VARIABLE)
    if not text:
        return DEFAULT_MAX_MB << 20
    try:
        megabytes = float(text)
    except ValueError:
        raise CodegenError(SIZE_VARIABLE, f"must be a number of megabytes, not {text!r}") from None
    if megabytes < 0:
        raise CodegenError(SIZE_VARIABLE, "must not be negative")
    return int(megabytes * (1 << 20))


def digest(*parts: str | bytes) -> str:
    """SHA-256 of the parts, each length-prefixed (so parts cannot run into each other)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


class CacheInfo(NamedTuple):
    root: Path
    entries: dict[str, int]  # kind -> number of entries
    sizes: dict[str, int]  # kind -> bytes
    limit: int

    @property
    def total(self) -> int:
        return sum(self.sizes.values())


class Cache:
    """The cache directory: verified JSON entries by kind and name."""

    def __init__(self, root: Path, limit: int | None = None) -> None:
        self.root = root
        self.limit = max_bytes() if limit is None else limit
        self.wrote = False

    def _path(self, kind: str, name: str, overlay: bool = False) -> Path:
        if kind not in KINDS or not name or not all(c in _HEX for c in name):
            raise ValueError(f"not a cache entry: {kind}/{name}")
        return self.root / kind / f"{name}{_OVERLAY if overlay else ''}.json"

    def read(self, kind: str, name: str) -> Any | None:
        """The entry's data; None when it is missing or does not verify."""
        found = self.read_verified(kind, name)
        return None if found is None else found[0]

    def read_verified(self, kind: str, name: str, overlay: bool = False) -> tuple[Any, str] | None:
        """The entry's data (or its overlay's, for ``Layered``) and the SHA-256 of its body;
        None when it is missing or does not verify."""
        path = self._path(kind, name, overlay)
        try:
            raw = read_regular(path, ENTRY_LIMIT, follow_symlinks=False)
        except (OSError, FileRefused):
            return None
        header, _, rest = raw.partition(b"\n")
        expected, _, body = rest.partition(b"\n")
        if header + b"\n" != _MAGIC or hashlib.sha256(body).hexdigest().encode() != expected:
            return None
        try:
            data = json.loads(body)
        except ValueError:
            return None
        try:
            os.utime(path)  # recently used: kept longest by ``prune``
        except OSError:
            pass
        return data, expected.decode()

    def write(self, kind: str, name: str, data: Any, overlay: bool = False) -> str | None:
        """Store an entry (or its overlay); the SHA-256 of its body, None when it could not
        be written (a cache that cannot be written only makes later runs slower)."""
        path = self._path(kind, name, overlay)
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        body_digest = hashlib.sha256(body).hexdigest()
        content = _MAGIC + body_digest.encode() + b"\n" + body
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        except OSError:
            return None
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(content)
            os.replace(temporary, path)
            self.wrote = True
        except OSError:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            return None
        return body_digest

    def discard(self, kind: str, name: str, overlay: bool = False) -> None:
        try:
            os.unlink(self._path(kind, name, overlay))
        except OSError:
            pass

    def _entries(self) -> list[tuple[str, os.stat_result, str]]:
        found = []
        for kind in KINDS:
            try:
                listing = list(os.scandir(self.root / kind))
            except OSError:
                continue
            for entry in listing:
                try:
                    status = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if stat.S_ISREG(status.st_mode) or stat.S_ISLNK(status.st_mode):
                    found.append((entry.path, status, kind))
        return found

    def _remove_old_layouts(self) -> None:
        """Delete what versions of codegen before cache format 2 kept here, and only that:
        ``trees/``, and the subdirectories of ``format/`` (two hex digits) and
        ``conversions/`` (64) that held their entries."""
        shutil.rmtree(self.root / "trees", ignore_errors=True)
        for kind, width in (("format", 2), ("conversions", 64)):
            try:
                listing = list(os.scandir(self.root / kind))
            except OSError:
                continue
            for entry in listing:
                name = entry.name
                if len(name) == width and all(c in _HEX for c in name) and entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)

    def prune(self) -> int:
        """Delete the least recently used entries until the cache is within its limit (and
        stray temporary files of killed runs); the number of files deleted."""
        if not self.root.is_dir():
            return 0
        # (``flock`` on the cache directory where there is one: importing ``filelock`` took
        # 0.1 s of each run that wrote the cache)
        from codegen.write.lock import lock_if_free

        with lock_if_free(self.root) as free:
            if not free:
                return 0  # another run is pruning
            self._remove_old_layouts()
            entries = self._entries()
            deleted = 0
            total = sum(status.st_size for _, status, _ in entries)
            stale = time.time() - _STRAY_AGE
            for path, status, _ in sorted(entries, key=lambda e: e[1].st_mtime_ns):
                # A temporary file of a killed run (not one a running run is writing).
                stray = os.path.basename(path).startswith(".") and status.st_mtime < stale
                if total <= self.limit and not stray:
                    continue
                try:
                    os.unlink(path)
                except OSError:
                    continue
                total -= status.st_size
                deleted += 1
            return deleted

    def info(self) -> CacheInfo:
        entries = {kind: 0 for kind in KINDS}
        sizes = {kind: 0 for kind in KINDS}
        for _, status, kind in self._entries():
            entries[kind] += 1
            sizes[kind] += status.st_size
        return CacheInfo(self.root, entries, sizes, self.limit)

    def clear(self) -> int:
        """Delete every entry; the number deleted."""
        self._remove_old_layouts()
        deleted = 0
        for path, _, _ in self._entries():
            try:
                os.unlink(path)
                deleted += 1
            except OSError:
                pass
        return deleted


def _as_it_is(value: Any) -> Any:
    return value  # (a function of the module, not a lambda: a ``Layered`` is pickled whole)


def string_item(value: Any) -> str:
    """A stored key or value that must be a string (``Layered``'s ``decode_key`` and
    ``decode_value`` for entries of text by text)."""
    if type(value) is not str:
        raise TypeError("not a string")
    return value


class Layered:
    """A cache entry of items by key, read whole and saved as the changes since its base.

    ``decode_key`` and ``decode_value`` turn a stored key and value (JSON) into the item's
    (raising ``TypeError`` or ``ValueError`` for one that is not an item's: the entry, or the
    overlay, is then taken as empty), ``encode_key`` a key into its stored form; values are
    stored as they are.

    Base: ``{"items": [[key, value], ...]}``. Overlay: ``{"base": <SHA-256 of the base's
    body>, "set": [[key, value], ...], "drop": [key, ...]}``, applied only to that base: a run
    that wrote a new base meanwhile leaves an overlay of the old one that no reader applies.
    """

    def __init__(
        self,
        cache: Cache,
        kind: str,
        name: str,
        decode_key: Callable[[Any], Hashable] = _as_it_is,
        decode_value: Callable[[Any], Any] = _as_it_is,
        encode_key: Callable[[Any], Any] = _as_it_is,
    ) -> None:
        self._cache, self._kind, self._name = cache, kind, name
        self._decode_key, self._decode_value, self._encode_key = decode_key, decode_value, encode_key
        self._base: dict[Any, Any] = {}
        self._base_digest: str | None = None

    def load(self) -> dict[Any, Any]:
        """Every item: the base's, with the overlay's changes when it is of this base."""
        base = self._cache.read_verified(self._kind, self._name)
        items = self._items(base[0]) if base is not None else None
        if base is None or items is None:
            self._base, self._base_digest = {}, None
            return {}
        self._base, self._base_digest = items, base[1]
        merged = dict(items)
        found = self._cache.read_verified(self._kind, self._name, overlay=True)
        overlay = found[0] if found is not None else None
        if isinstance(overlay, dict) and overlay.get("base") == base[1]:
            changes = self._changes(overlay)
            if changes is not None:
                added, dropped = changes
                for key in dropped:
                    merged.pop(key, None)
                merged.update(added)
        return merged

    def save(self, items: Mapping[Any, Any]) -> None:
        """Keep ``items``: as an overlay of the loaded base when few differ from it, else as
        a new base (and no overlay)."""
        base = self._base
        added = [(key, value) for key, value in items.items() if key not in base or base[key] != value]
        dropped = [key for key in base if key not in items]
        encode = self._encode_key
        if self._base_digest is not None and len(added) + len(dropped) <= len(base) // _OVERLAY_SHARE:
            self._cache.write(
                self._kind,
                self._name,
                {
                    "base": self._base_digest,
                    "set": [[encode(key), value] for key, value in added],
                    "drop": [encode(key) for key in dropped],
                },
                overlay=True,
            )
            return
        written = self._cache.write(
            self._kind, self._name, {"items": [[encode(key), value] for key, value in items.items()]}
        )
        self._cache.discard(self._kind, self._name, overlay=True)
        if written is not None:
            self._base, self._base_digest = dict(items), written

    def _items(self, data: Any) -> dict[Any, Any] | None:
        pairs = data.get("items") if isinstance(data, dict) else None
        return self._pairs(pairs)

    def _pairs(self, pairs: Any) -> dict[Any, Any] | None:
        if not isinstance(pairs, list):
            return None
        decode_key, decode_value, items = self._decode_key, self._decode_value, {}
        try:
            for pair in pairs:
                if type(pair) is not list or len(pair) != 2:
                    return None
                items[decode_key(pair[0])] = decode_value(pair[1])
        except (TypeError, ValueError):  # (TypeError too for a key that does not hash)
            return None
        return items

    def _changes(self, overlay: dict[str, Any]) -> tuple[dict[Any, Any], list[Any]] | None:
        added = self._pairs(overlay.get("set"))
        drop = overlay.get("drop")
        if added is None or not isinstance(drop, list):
            return None
        try:
            dropped = [self._decode_key(key) for key in drop]
            for key in dropped:
                hash(key)
        except (TypeError, ValueError):
            return None
        return added, dropped


# An overlay is written while it holds at most this share of the base's number of items.
_OVERLAY_SHARE = 4
