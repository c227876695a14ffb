"""Strict validation: what botocore's validator leaves to the service (``max``, ``pattern``,
``enum``), checked before sending when the client asks for it.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import contextlib
import functools
import re
import sys
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


# --- botocore's validation messages, naming the Python fields -------------------------------

# The paths botocore's messages name: ``in input: "Name"``, ``in Filters[0]: "Name"``,
# ``parameter in input: "Foo"``, ``for parameter Filters[0].Name,``.
_MISSING = re.compile(r'(parameter in (?P<where>[^:]+): "(?P<name>[^"]+)")')
_PARAMETER = re.compile(r"(for parameter (?P<path>[^,\s]+))")


@contextlib.contextmanager
def explained_validation(request: typing.Any) -> typing.Iterator[None]:
    """botocore's ``ParamValidationError`` with each wire path followed by the Python path of
    the field it names (``"HyperParameterTuningJobName" (hyper_parameter_tuning_job_name)``).
    """
    try:
        yield
    except botocore.exceptions.ParamValidationError as error:
        if request is None:
            raise
        report = str(error.kwargs.get("report", ""))
        explained = "\n".join(
            _explain(type(request), line) for line in report.split("\n")
        )
        if explained == report:
            raise
        raise botocore.exceptions.ParamValidationError(report=explained) from None


def _explain(request_class: type, line: str) -> str:
    match = _MISSING.search(line)
    if match is not None:
        where = "" if match["where"] == "input" else match["where"]
        path = f"{where}.{match['name']}" if where else match["name"]
        python = python_path(request_class, path)
        if python:
            return line[: match.end()] + f" ({python})" + line[match.end() :]
        return line
    match = _PARAMETER.search(line)
    if match is not None:
        python = python_path(request_class, match["path"])
        if python:
            return line[: match.end()] + f" ({python})" + line[match.end() :]
    return line


_SEGMENT = re.compile(r"([^.\[\]]+)((?:\[[^\]]*\])*)")


def python_path(request_class: type, wire_path: str) -> str | None:
    """The Python attribute path of a wire path of botocore's parameters
    (``Filters[0].Name`` -> ``filters[0].name``); None when it names no field."""
    import attrs

    from .shapes import OWN_FIELDS, _member_tables

    module = sys.modules[request_class.__module__]
    tables = _member_tables(module.__name__, getattr(module, "__file__", None))
    current: typing.Any = request_class
    parts = []
    for segment in wire_path.split("."):
        found = _SEGMENT.fullmatch(segment)
        table = tables.get(getattr(current, "__name__", ""))
        if current is None or table is None or found is None:
            return None
        name, indexes = found.group(1), found.group(2)
        if name not in table["wire"]:
            return None
        fields = [f.name for f in attrs.fields(current) if f.name not in OWN_FIELDS]
        parts.append(fields[table["wire"].index(name)] + indexes)
        nested = _structure_in(table.get("convert", {}).get(name))
        current = getattr(module, nested, None) if nested else None
    return ".".join(parts)


def _structure_in(spec: typing.Any) -> str | None:
    """The class a converter spec ends in through lists and maps, if it is a structure."""
    while isinstance(spec, list) and spec:
        if spec[0] == "structure":
            return str(spec[1])
        spec = spec[1] if spec[0] == "list" else (spec[2] if spec[0] == "map" else None)
    return None
