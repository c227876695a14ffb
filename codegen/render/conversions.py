"""Documentation conversions (HTML -> reStructuredText), remembered within a run and, with a
cache directory, across runs.

Converting the model's HTML is most of rendering a service, and nearly all of it again after
a model update that touched a few shapes. A conversion is a pure function of its input and of
the converter (botocore's ``bcdoc`` and this package's AWS CLI style), so it is remembered by
exactly that: the key holds the HTML and the arguments, and the cache file is named by the
converter's identity (botocore's version and the converting modules' source). One file per
service holds the conversions its last run used; a run loads it, converts what is new and
writes it back only if something was.
"""

from __future__ import annotations

import contextlib
import functools
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from codegen.cache import Cache, digest

Result = TypeVar("Result")

# Every conversion of the current run, and those loaded from the cache, by (kind, *arguments).
_known: dict[tuple[Any, ...], Any] = {}
# Those asked for inside ``persisted``: what its cache file will hold.
_asked: dict[tuple[Any, ...], Any] | None = None
# Within a run without a cache file, forget everything past this many (a whole service has
# some fifteen thousand distinct strings; a catalog run would otherwise keep them all).
_KEPT = 1 << 16


def remembered(kind: str) -> Callable[[Callable[..., Result]], Callable[..., Result]]:
    """A conversion remembered by its arguments (strings and ints: they are the cache key)."""

    def decorate(convert: Callable[..., Result]) -> Callable[..., Result]:
        @functools.wraps(convert)
        def converted(*arguments: Any) -> Result:
            key = (kind, *arguments)
            try:
                result = _known[key]
            except KeyError:
                if len(_known) >= _KEPT:
                    _known.clear()
                result = _known[key] = convert(*arguments)
            if _asked is not None:
                _asked[key] = result
            return result  # type: ignore[no-any-return]

        return converted

    return decorate


@contextlib.contextmanager
def persisted(cache: Cache | None, name: str) -> Iterator[None]:
    """Conversions of the run inside remembered in ``cache`` under ``name`` (a service)."""
    global _asked
    entry = digest("conversions", converter_key(), name)
    loaded = load(cache, name) if cache else {}
    _known.clear()
    _known.update(loaded)
    _asked = asked = {}
    try:
        yield
    finally:
        _asked = None
    if cache and asked.keys() != loaded.keys():
        cache.write("conversions", entry, [[list(key), value] for key, value in asked.items()])


def load(cache: Cache, name: str) -> dict[tuple[Any, ...], Any]:
    """The conversions kept for ``name``; none if the entry is missing or malformed."""
    data = cache.read("conversions", digest("conversions", converter_key(), name))
    if not isinstance(data, list):
        return {}
    loaded = {}
    for item in data:
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], list)):
            return {}
        loaded[_tuples(item[0])] = _tuples(item[1])
    return loaded


def _tuples(value: Any) -> Any:
    """JSON's lists back as the tuples the converters return (and keys are made of)."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


@functools.lru_cache(maxsize=1)
def converter_key() -> str:
    """botocore's version and the source of the modules that convert."""
    import botocore

    from codegen.render import clidoc, docs

    modules = (docs.__file__, clidoc.__file__, __file__)
    return digest(botocore.__version__, *(Path(str(module)).read_bytes() for module in modules))
