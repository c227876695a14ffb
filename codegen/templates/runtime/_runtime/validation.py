"""Strict validation: what botocore's validator leaves to the service (``max``, ``pattern``,
``enum``), checked before sending when the client asks for it.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import functools
import re
import typing

import botocore.exceptions


def strict_problems(shape: typing.Any, value: typing.Any, path: str) -> list[str]:
    """What botocore's validator leaves to the service: ``max``, ``pattern`` and ``enum``.

    Messages follow botocore's wording. A pattern must match the whole value (the models
    come from services that validate that way); one Python's ``re`` cannot compile is skipped.
    """
    problems: list[str] = []
    if value is None:
        return problems
    kind = shape.type_name
    metadata = shape.metadata
    if kind == "structure" and isinstance(value, typing.Mapping):
        for name, member in shape.members.items():
            if name in value:
                problems += strict_problems(
                    member, value[name], f"{path}.{name}" if path else name
                )
    elif kind == "list" and isinstance(value, (list, tuple)):
        if "max" in metadata and len(value) > metadata["max"]:
            problems.append(
                f"Invalid length for parameter {path}, value: {len(value)}, "
                f"valid max length: {metadata['max']}"
            )
        for index, item in enumerate(value):
            problems += strict_problems(shape.member, item, f"{path}[{index}]")
    elif kind == "map" and isinstance(value, typing.Mapping):
        if "max" in metadata and len(value) > metadata["max"]:
            problems.append(
                f"Invalid length for parameter {path}, value: {len(value)}, "
                f"valid max length: {metadata['max']}"
            )
        for key, item in value.items():
            problems += strict_problems(shape.key, key, f"{path} (key)")
            problems += strict_problems(shape.value, item, f"{path}.{key}")
    elif kind == "string" and isinstance(value, str):
        if "max" in metadata and len(value) > metadata["max"]:
            problems.append(
                f"Invalid length for parameter {path}, value: {len(value)}, "
                f"valid max length: {metadata['max']}"
            )
        enum_values = metadata.get("enum")
        if enum_values and value not in enum_values:
            problems.append(
                f"Invalid value for parameter {path}, value: {value}, "
                f"valid values: {', '.join(enum_values)}"
            )
        pattern = compiled_pattern(metadata.get("pattern"))
        if pattern is not None and pattern.fullmatch(value) is None:
            problems.append(
                f"Invalid pattern for parameter {path}, value: {value}, "
                f"valid pattern: {metadata['pattern']}"
            )
    elif kind in ("integer", "long", "float", "double") and isinstance(
        value, (int, float)
    ):
        if "max" in metadata and value > metadata["max"]:
            problems.append(
                f"Invalid value for parameter {path}, value: {value}, "
                f"valid max value: {metadata['max']}"
            )
    return problems


@functools.lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:
        return None


def compiled_pattern(pattern: typing.Any) -> re.Pattern[str] | None:
    """The model's pattern, or None when there is none or Python's ``re`` rejects it."""
    return _compile(pattern) if isinstance(pattern, str) else None


def validate_strictly(
    input_shape: typing.Any, params: typing.Mapping[str, typing.Any]
) -> None:
    problems = strict_problems(input_shape, params, "")
    if problems:
        raise botocore.exceptions.ParamValidationError(report="\n".join(problems))
