"""Render caches per unit: a unit's text kept under the digest of the frozen view it is
rendered from.

A unit (an AWS CLI reference page) is rendered by its template from one view object alone;
the template's globals are functions of this package. When that view is made only of frozen,
slotted attrs instances, tuples and scalars, its digest covers everything the render reads, so
it is a complete key by construction: there is no list of inputs to keep in step with the
templates. ``view_digest`` walks the view itself and refuses anything else (a mutable object, a
reference into the IR, a dict), rather than hash a part of it; ``repr`` would trust each
class's ``__repr__`` to show every field.

The render itself is named by ``identity``: the generator's code and templates (the built-in
ones and the user's overrides), Jinja's version and the package. One cache entry per service
holds the units its last render used (``renders/``), as ``codegen.render.conversions`` keeps
conversions; it is written back only when the set of units changed.

Hand-written because nothing in attrs or the standard library hashes an object graph by value
while refusing what is not immutable (``attrs.astuple`` accepts anything as a leaf, ``pickle``
any picklable object, and neither says what a field was).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from typing import Any, Callable, Mapping, TypeVar

import attrs

from codegen.cache import Cache, Layered, digest, string_item


@attrs.frozen
class _Probe:
    """attrs gives every frozen class this ``__setattr__``; attrs has no public "is frozen"
    before 25.4, so that is how a view's classes are checked."""


_FROZEN_SETATTR = _Probe.__setattr__
_SCALARS = (str, int, bool, float, type(None))

View = TypeVar("View")


class NotAView(TypeError):
    """A value in a view that is not frozen data: the view is not a complete key."""


@attrs.frozen
class _Shape:
    """How one view class is walked: its name in the digest and its fields, in order."""

    name: str
    fields: tuple[str, ...]


@functools.lru_cache(maxsize=None)
def _shape(cls: type) -> _Shape:
    """(A pure function of the class, remembered: a view has thousands of instances.)"""
    if not attrs.has(cls) or cls.__setattr__ is not _FROZEN_SETATTR or "__slots__" not in cls.__dict__:
        raise NotAView(f"{cls.__module__}.{cls.__qualname__} is not a frozen, slotted attrs class")
    return _Shape(f"{cls.__module__}.{cls.__qualname__}", tuple(field.name for field in attrs.fields(cls)))


def view_digest(view: object) -> str:
    """SHA-256 of ``view`` by value: its class, and each field's value, recursively.

    Scalars are written by ``repr`` (exact for ``str``, ``int``, ``bool`` and ``float``, and
    distinct between them), tuples and instances with their length or class around their
    parts, so two different views never write the same parts.
    """
    parts: list[str] = []
    _walk(view, parts)
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _walk(value: Any, parts: list[str]) -> None:
    kind: type = type(value)
    if kind in _SCALARS:
        parts.append(repr(value))
    elif kind is tuple:
        parts.append(f"({len(value)}")
        for item in value:
            _walk(item, parts)
    else:
        shape = _shape(kind)
        parts.append(shape.name)
        for name in shape.fields:
            _walk(getattr(value, name), parts)


class Renders:
    """Rendered units of one service, kept in ``cache`` under ``name`` and ``identity``."""

    def __init__(self, cache: Cache | None, name: str, identity: str) -> None:
        self._entry = digest("renders", identity, name)
        self._store = Layered(cache, "renders", self._entry, string_item, string_item) if cache else None
        self._loaded: dict[str, str] = self._store.load() if self._store else {}
        self._asked: dict[str, str] = {}

    def __call__(self, view: View, render: Callable[[View], str]) -> str:
        """``render(view)``, or the text an earlier render of an equal view gave."""
        key = view_digest(view)
        text = self._asked.get(key)
        if text is None:
            text = self._loaded.get(key)
            if text is None:
                text = render(view)
            self._asked[key] = text
        return text

    def mark(self) -> int:
        """Where this render's units stand now (for ``since``)."""
        return len(self._asked)

    def since(self, mark: int) -> dict[str, str]:
        """The units used after ``mark``, by key: what a forked process hands back."""
        return dict(itertools.islice(self._asked.items(), mark, None))

    def record(self, used: Mapping[str, str]) -> None:
        """Take units rendered elsewhere (``since`` in a forked process) as used here."""
        self._asked.update(used)

    def save(self) -> None:
        """Keep the units this render used, if they are not what was loaded."""
        if self._store is not None and self._asked.keys() != self._loaded.keys():
            self._store.save(self._asked)
