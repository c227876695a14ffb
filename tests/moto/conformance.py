"""Does a typed response hold what its annotations say? Every field of every structure in it
is checked against the class's type hints at run time (what ``mypy --strict`` trusts).

The rules are the package's own promises: optional members may be None, an enum field holds
its member or, for a value the model does not know, a plain ``str``; timestamps are aware
datetimes; an ``int`` is accepted where a ``float`` is annotated, as Python's typing does.
"""

from __future__ import annotations

import datetime
import enum
import functools
import types
import typing
from typing import Any

import attrs


@functools.lru_cache(maxsize=None)
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def type_problems(value: Any, path: str = "") -> list[str]:
    """Where a typed structure's fields do not hold their annotated types."""
    problems: list[str] = []
    _check_structure(value, path, problems)
    return problems


def _check_structure(value: Any, path: str, problems: list[str]) -> None:
    cls: Any = type(value)
    hints = _hints(cls)
    for field in attrs.fields(cls):
        _check(getattr(value, field.name), hints[field.name], f"{path}.{field.name}" if path else field.name, problems)


def _check(value: Any, hint: Any, path: str, problems: list[str]) -> None:
    if not _matches(value, hint, path, problems):
        problems.append(f"{path}: annotated {_name(hint)}, holds {type(value).__module__}.{type(value).__qualname__}")


def _matches(value: Any, hint: Any, path: str, problems: list[str]) -> bool:
    """Whether ``value`` fits ``hint`` at this level; what is inside is checked on the way."""
    if hint is Any:
        return True
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        for option in options:
            inner: list[str] = []
            if _matches(value, option, path, inner):
                problems += inner
                return True
        return False
    if hint is type(None):
        return value is None
    if origin is list:
        if not isinstance(value, list):
            return False
        (item,) = typing.get_args(hint)
        for index, element in enumerate(value):
            _check(element, item, f"{path}[{index}]", problems)
        return True
    if origin is dict:
        if not isinstance(value, dict):
            return False
        key_hint, value_hint = typing.get_args(hint)
        for key, element in value.items():
            _check(key, key_hint, f"{path} (key {key!r})", problems)
            _check(element, value_hint, f"{path}.{key}", problems)
        return True
    if origin is not None:
        return isinstance(value, origin)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is datetime.datetime:
        return isinstance(value, datetime.datetime) and value.tzinfo is not None
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return isinstance(value, hint)
    if isinstance(hint, type) and attrs.has(hint):
        if not isinstance(value, hint):
            return False
        _check_structure(value, path, problems)
        return True
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True  # a form this check does not know: not its business


def _name(hint: Any) -> str:
    if isinstance(hint, type):
        return hint.__qualname__
    return str(hint).replace("typing.", "")
