"""Documentation conversions (HTML -> reStructuredText), remembered within a render and, with a
cache, across runs.

Converting the model's HTML is most of rendering a service, and nearly all of it again after a
model update that touched a few shapes. A conversion is a pure function of its arguments and
of the converting code, so a ``Conversions`` remembers each result by its arguments, and its
cache entry is named by the converters' identity: botocore's version and the source of every
module of this package that the converting functions are defined in or import
(``code_identity``), found by reading their imports rather than listed by hand. One entry per
service holds the conversions its last render used; a render loads it, converts what is new
and writes the entry back only if something changed.

An argument longer than ``_LONG`` characters (a reference page, whose help text is converted
whole) is remembered by its SHA-256 instead of its text (``_Digest``). A conversion still
depends on exactly its arguments; the entry is smaller by what it repeated (whole SageMaker's:
19.4 MB, of which 5.9 MB were the 447 pages its help texts were converted from), and so is
reading and writing it after a model update.

A ``Conversions`` belongs to one render (``codegen.render.context``); nothing here is global.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import itertools
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from codegen.cache import Cache, Layered, digest

Converter = Callable[..., Any]


class Conversions:
    """Memoized conversions by kind (``"rst"``, ``"cli"``, ...), kept in ``cache`` under
    ``name`` (a service's package) when there is one."""

    def __init__(
        self, converters: Mapping[str, Converter], cache: Cache | None = None, name: str = ""
    ) -> None:
        self._converters = dict(converters)
        self._entry = digest("conversions", _LAYOUT, code_identity(*self._converters.values()), name)
        self._store = _layered(cache, self._entry) if cache else None
        self._loaded = self._store.load() if self._store else {}
        self._known: dict[tuple[Any, ...], Any] = dict(self._loaded)
        self._asked: dict[tuple[Any, ...], Any] = {}

    def __call__(self, kind: str, *arguments: Any) -> Any:
        """``converters[kind](*arguments)``, converted once per render (and per cache)."""
        key = _key(kind, arguments)
        try:
            result = self._known[key]
        except KeyError:
            result = self._known[key] = self._converters[kind](*arguments)
        self._asked[key] = result
        return result

    def mark(self) -> int:
        """Where this render's conversions stand now (for ``since``)."""
        return len(self._asked)

    def since(self, mark: int) -> dict[tuple[Any, ...], Any]:
        """The conversions asked for after ``mark`` (each new one, in order; a conversion
        asked again keeps its place), by key: what a forked process hands back."""
        return dict(itertools.islice(self._asked.items(), mark, None))

    def record(self, asked: Mapping[tuple[Any, ...], Any]) -> None:
        """Take conversions asked for elsewhere (``since`` in a forked process) as asked here."""
        self._known.update(asked)
        self._asked.update(asked)

    def start(
        self, kind: str, calls: list[tuple[Any, ...]], workers: int | None, pool: Any = None
    ) -> Callable[[], None]:
        """Begin the conversions ``kind`` of ``calls`` (argument tuples) not known yet on other
        processes: ``pool`` (an executor already running, e.g. the formatter's; it is left
        running) or ``workers`` forked ones (default: every core); the returned function
        waits for them. Later calls then find them known; what is asked, and so what is saved,
        is as if they were converted one by one. Few or on one core, nothing is started."""
        todo: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        for arguments in calls:
            key = _key(kind, arguments)
            if key not in self._known:
                todo.setdefault(key, arguments)
        workers = workers or os.cpu_count() or 1
        if workers <= 1 or len(todo) < _MIN_PARALLEL:
            return lambda: None
        import concurrent.futures
        import multiprocessing
        import pickle

        converter = self._converters[kind]
        try:
            pickle.dumps(converter)  # a module's function: the workers look it up by name
        except (pickle.PicklingError, AttributeError, TypeError):
            return lambda: None
        keys, pending = list(todo), list(todo.values())
        batches = [pending[i : i + _BATCH] for i in range(0, len(pending), _BATCH)]
        owned = None
        if pool is None:
            # Forked, as codegen.format's workers (not imported here: the cache entry is named
            # by the source of what this module imports).
            fork = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
            pool = owned = concurrent.futures.ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context(fork)
            )
        futures = [pool.submit(_convert_with, converter, batch) for batch in batches]

        def finish() -> None:
            try:
                results = (result for future in futures for result in future.result())
                for key, result in zip(keys, results):
                    self._known[key] = result
            finally:
                if owned is not None:
                    owned.shutdown(wait=True, cancel_futures=True)

        return finish

    def save(self) -> None:
        """Keep the conversions this render asked for, if they differ from what was loaded."""
        if self._store is not None and self._asked.keys() != self._loaded.keys():
            self._store.save(self._asked)


# Arguments longer than this are remembered by their digest (the HTML of one documentation
# string is rarely longer; a reference page always is). Part of the entry's name (``_LAYOUT``),
# as the form of its keys is: an older entry is never read as this one.
_LONG = 1024
_LAYOUT = f"keys: text, or sha256 over {_LONG} characters"


class _Digest:
    """A long argument as its SHA-256: equal only to the digest of the same text, never to a
    string or a tuple that an argument could be."""

    __slots__ = ("hex",)

    def __init__(self, hex: str) -> None:
        self.hex = hex

    def __eq__(self, other: object) -> bool:
        return type(other) is _Digest and other.hex == self.hex

    def __hash__(self) -> int:
        return hash((_Digest, self.hex))


def _key(kind: str, arguments: tuple[Any, ...]) -> tuple[Any, ...]:
    for argument in arguments:
        if isinstance(argument, str) and len(argument) > _LONG:
            return (kind, *(_Digest(digest(a)) if isinstance(a, str) and len(a) > _LONG else a for a in arguments))
    return (kind, *arguments)  # the common case, tens of thousands of times a render


def _stored(argument: Any) -> Any:
    return {"sha256": argument.hex} if isinstance(argument, _Digest) else argument


# Below this many conversions a pool costs more than it saves; a batch is what a worker gets
# at a time (a whole service's reference pages take some 30 ms each).
_MIN_PARALLEL = 16
_BATCH = 4


def _convert_with(converter: Converter, batch: list[tuple[Any, ...]]) -> list[Any]:
    return [converter(*arguments) for arguments in batch]


def load(cache: Cache, entry: str) -> dict[tuple[Any, ...], Any]:
    """The conversions kept in ``entry``; none if it is missing or malformed."""
    return _layered(cache, entry).load()


def _layered(cache: Cache, entry: str) -> Layered:
    return Layered(cache, "conversions", entry, _decoded_key, _tuples, _stored_key)


def _decoded_key(stored: Any) -> tuple[Any, ...]:
    if type(stored) is not list:
        raise TypeError("a key is a list of arguments")
    for argument in stored:
        if type(argument) is not str:
            # (an object in a key that is not a digest stays a dict: it does not hash)
            return tuple(_Digest(a["sha256"]) if _is_digest(a) else _tuples(a) for a in stored)
    return tuple(stored)  # the common case: every argument a string


def _stored_key(key: tuple[Any, ...]) -> list[Any]:
    return [_stored(argument) for argument in key]


def _is_digest(value: Any) -> bool:
    return isinstance(value, dict) and value.keys() == {"sha256"} and isinstance(value["sha256"], str)


def _tuples(value: Any) -> Any:
    """JSON's lists back as the tuples the converters return (and keys are made of)."""
    return tuple(_tuples(v) for v in value) if type(value) is list else value


def code_identity(*functions: Converter) -> str:
    """botocore's version and the source of the modules of this package that ``functions``
    are defined in, and of every module of this package those import, transitively."""
    import botocore

    modules = sorted({name for function in functions for name in _closure(function.__module__)})
    sources = [part for name in modules for part in (name, _source(name))]
    return digest(botocore.__version__, *sources)


_PACKAGE = __name__.split(".")[0]


@functools.lru_cache(maxsize=None)
def _closure(module: str) -> frozenset[str]:
    """``module`` and the modules of this package it imports, transitively."""
    found: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in found or not _is_ours(name):
            continue
        found.add(name)
        todo.extend(_imports(name))
    return frozenset(found)


def _source(module: str) -> bytes:
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None, module
    return Path(spec.origin).read_bytes()


def _imports(module: str) -> list[str]:
    """The modules ``module`` imports (``from a.b import c`` gives ``a.b`` and ``a.b.c``)."""
    tree = ast.parse(_source(module))
    names: list[str] = []
    package = module if _is_package(module) else module.rpartition(".")[0]
    for node in _statements(tree.body):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names]
    return [name for name in names if _is_ours(name) and _is_module(name)]


# The fields that hold statements (an import is always one): walking only these visits a
# tenth of the nodes ``ast.walk`` would, the expressions being most of a module.
_BODIES = ("body", "orelse", "finalbody", "handlers", "cases")


def _statements(body: list[Any]) -> Iterator[Any]:
    """Every statement in ``body`` and, nested, in theirs (functions, classes, branches,
    ``try`` handlers, ``match`` cases)."""
    for node in body:
        yield node
        for field in _BODIES:
            yield from _statements(getattr(node, field, ()))


def _is_ours(name: str) -> bool:
    return name == _PACKAGE or name.startswith(_PACKAGE + ".")


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # an attribute of a module, not a module
        return False


def _is_package(module: str) -> bool:
    loaded = sys.modules.get(module)
    if loaded is not None:
        return hasattr(loaded, "__path__")
    spec = importlib.util.find_spec(module)
    return spec is not None and spec.submodule_search_locations is not None
