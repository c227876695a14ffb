"""Comparing botocore-form values: normalizing, deep differences, subsets, ignored paths.

Paths name a place in a response as botocore's form does: ``Messages[0].Body``,
``Attributes.QueueArn``. In ``ignore`` paths, ``[*]`` stands for every item of a list and
``*`` for every key of a map.
"""

from __future__ import annotations

import datetime
import enum
import re
from typing import Any, Iterable

from botocore.eventstream import EventStream
from botocore.response import StreamingBody

MAX_REPORTED = 6  # differences listed per comparison
_MISSING = "<missing>"


def normalized(value: Any) -> Any:
    """``value`` in plain botocore form: streams read into bytes (event streams into their
    list of events), enum members as their wire value, ``ResponseMetadata`` dropped at the
    top, null members dropped, typed structures (``to_botocore``) and containers converted
    all the way down."""
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != "ResponseMetadata"}
    return _plain(value)


def _plain(value: Any) -> Any:
    if isinstance(value, StreamingBody):
        return value.read()
    if isinstance(value, EventStream) or _is_typed_event_stream(value):
        return [_plain(event) for event in value]
    if hasattr(value, "to_botocore"):
        return _plain(value.to_botocore())
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        # A null member is an absent one: botocore's paginator fills a key it did not get with
        # None (``build_full_result``, a resumed page), the typed classes cannot tell them apart.
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _is_typed_event_stream(value: Any) -> bool:
    """The generated package's ``EventStream`` (``_runtime/streams.py``): iterable, closable."""
    return type(value).__name__ == "EventStream" and hasattr(value, "close") and hasattr(value, "__iter__")


def corrected_paths(result: Any) -> tuple[str, ...]:
    """The members ours filled with zero values because the service left out a member the
    model requires (client error correction): they differ from boto3 by design."""
    metadata = getattr(result, "response_metadata", None)
    return tuple(getattr(metadata, "corrected", ()))


def differences(expected: Any, actual: Any, names: tuple[str, str] = ("boto3", "ours")) -> list[str]:
    """Where ``actual`` departs from ``expected`` (botocore forms), one line per place, the
    two sides called ``names``."""
    found: list[str] = []
    _diff(expected, actual, "", found, names)
    return found


def _diff(expected: Any, actual: Any, path: str, found: list[str], names: tuple[str, str]) -> None:
    left_name, right_name = names
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected:
            where = _join(path, key)
            if key not in actual:
                found.append(f"{where}: {left_name} {_short(expected[key])}, {right_name} {_MISSING}")
            else:
                _diff(expected[key], actual[key], where, found, names)
        for key in actual:
            if key not in expected:
                found.append(f"{_join(path, key)}: {left_name} {_MISSING}, {right_name} {_short(actual[key])}")
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            found.append(f"{path or '(top)'}: {left_name} {len(expected)} items, {right_name} {len(actual)}")
        for index, (left, right) in enumerate(zip(expected, actual, strict=False)):
            _diff(left, right, f"{path}[{index}]", found, names)
    elif not _same_value(expected, actual):
        found.append(f"{path or '(top)'}: {left_name} {_short(expected)}, {right_name} {_short(actual)}")


def _same_value(expected: Any, actual: Any) -> bool:
    if isinstance(expected, datetime.datetime) and isinstance(actual, datetime.datetime):
        return expected == actual  # aware datetimes compare as instants, whatever the tzinfo
    return type(expected) is type(actual) and expected == actual or (
        # 1 == 1.0 and True == 1 are not the same wire value; str subclasses (enum members
        # left unconverted) are, when the text is.
        isinstance(expected, str) and isinstance(actual, str) and str(expected) == str(actual)
    )


def subset_differences(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Where ``actual`` lacks or changes what ``expected`` lists (maps may hold more keys;
    lists must have the same length, item by item)."""
    found: list[str] = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path or '(top)'}: expected an object, got {_short(actual)}"]
        for key, value in expected.items():
            if key not in actual:
                found.append(f"{_join(path, key)}: expected {_short(value)}, missing")
            else:
                found += subset_differences(value, actual[key], _join(path, key))
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path or '(top)'}: expected {_short(expected)}, got {_short(actual)}"]
        for index, (left, right) in enumerate(zip(expected, actual, strict=False)):
            found += subset_differences(left, right, f"{path}[{index}]")
    elif not _same_value(expected, actual):
        found.append(f"{path or '(top)'}: expected {_short(expected)}, got {_short(actual)}")
    return found


def without(value: Any, paths: Iterable[str]) -> Any:
    """A copy of ``value`` with the places ``paths`` name removed."""
    for path in paths:
        value = _remove(value, _parts(path))
    return value


def _parts(path: str) -> list[str]:
    return [part for part in re.split(r"\.|(?=\[)", path) if part]


def _remove(value: Any, parts: list[str]) -> Any:
    if not parts:
        return value
    head, rest = parts[0], parts[1:]
    if head == "[*]" and isinstance(value, list):
        return [_remove(item, rest) for item in value]
    index = re.fullmatch(r"\[(\d+)\]", head)
    if index is not None and isinstance(value, list):
        position = int(index.group(1))
        if position >= len(value):
            return value
        if not rest:
            return value[:position] + value[position + 1:]
        return value[:position] + [_remove(value[position], rest)] + value[position + 1:]
    if isinstance(value, dict):
        keys = list(value) if head == "*" else [head]
        copy = dict(value)
        for key in keys:
            if key in copy:
                if rest:
                    copy[key] = _remove(copy[key], rest)
                else:
                    del copy[key]
        return copy
    return value


def replaced(value: Any, old: str, new: str) -> Any:
    """``value`` with ``old`` replaced by ``new`` in every string (and map key) it holds."""
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, dict):
        return {replaced(k, old, new): replaced(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [replaced(v, old, new) for v in value]
    return value


def _join(path: str, key: Any) -> str:
    return f"{path}.{key}" if path else str(key)


def _short(value: Any, limit: int = 120) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def summary(lines: list[str]) -> str:
    shown = lines[:MAX_REPORTED]
    more = len(lines) - len(shown)
    return "; ".join(shown) + (f"; ... {more} more" if more else "")
