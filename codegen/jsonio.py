"""Stable JSON text: the same data always gives the same bytes, so a model update reads as a
small diff in review.

Why by hand: the standard library's C encoder does not indent, and its pure-Python encoder,
which does, took some 57 ms of a whole-SageMaker update for ``members.json`` and
``commands.json`` (2 MB); writing the same text directly takes 25 ms. The text is exactly
``json.dumps(data, indent=2, ensure_ascii=False)`` (``tests/test_jsonio.py`` holds them
equal); data of any other kind than plain dicts with ``str`` keys, lists, tuples, ``str``,
``int``, ``float``, ``bool`` and ``None`` is left to ``json.dumps``.
"""

from __future__ import annotations

import json
from json.encoder import INFINITY, encode_basestring  # (the C function where there is one)
from typing import Any, Callable


def dumps_stable(data: Any) -> str:
    """Indented, non-ASCII kept as is, one trailing newline; key order is the caller's."""
    parts: list[str] = []
    try:
        _encode(data, "\n", parts.append)
    except (_Unusual, RecursionError):
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    parts.append("\n")
    return "".join(parts)


class _Unusual(Exception):
    """A value ``_encode`` leaves to ``json.dumps`` (which may well refuse it)."""


def _encode(value: Any, newline: str, emit: Callable[[str], None]) -> None:
    kind = type(value)
    if kind is str:
        emit(encode_basestring(value))
    elif kind is dict:
        if not value:
            emit("{}")
            return
        inner = newline + "  "
        opening = "{"
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            emit(opening + inner + encode_basestring(key) + ": ")
            opening = ","
            _encode(item, inner, emit)
        emit(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            emit("[]")
            return
        inner = newline + "  "
        opening = "["
        for item in value:
            emit(opening + inner)
            opening = ","
            _encode(item, inner, emit)
        emit(newline + "]")
    elif value is None:
        emit("null")
    elif value is True:
        emit("true")
    elif value is False:
        emit("false")
    elif kind is int:
        emit(int.__repr__(value))
    elif kind is float:
        if value != value:
            emit("NaN")
        elif value == INFINITY:
            emit("Infinity")
        elif value == -INFINITY:
            emit("-Infinity")
        else:
            emit(float.__repr__(value))
    else:
        raise _Unusual
