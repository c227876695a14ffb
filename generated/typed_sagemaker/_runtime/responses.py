"""Typed results from botocore's parsed responses: client error correction when the service
leaves out a member the model requires, and where a response departs from the model when
conversion fails anyway.

Client error correction (as Smithy's SDKs do it): a required member that is missing or null
gets its type's zero value (``""``, ``0``, ``0.0``, ``False``, an empty list or map, an empty
structure corrected in turn, ``b""`` for a blob, the epoch for a timestamp, an unknown enum
member ``""`` for an enum), the call succeeds, and the corrected paths are on the response
(``response_metadata.corrected``) and logged at debug level. ``strict=True`` (the client's
``strict_responses``) raises ``ResponseParseError`` naming the path instead. Correction runs
only after the fast conversion failed, so a complete response costs nothing extra.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import copy
import datetime
import logging
import typing

import attrs

from .shapes import MissingMemberError

LOG = logging.getLogger(__name__.split(".")[0])
# Correction follows required members this many structures deep at most (a model whose
# required members form a cycle would otherwise have no finite zero value).
MAX_CORRECTION_DEPTH = 32
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
_ZERO: dict[str, typing.Callable[[], typing.Any]] = {
    "string": str,
    "integer": int,
    "long": int,
    "float": float,
    "double": float,
    "boolean": bool,
    "blob": bytes,
    "timestamp": lambda: EPOCH,
    "list": list,
    "map": dict,
}


class ResponseParseError(ValueError):
    """A response does not have the form the model gives it, where the typed classes depend
    on that form. ``path`` locates the value (``TrainingJobSummaries[3].TrainingJobName``).
    """

    def __init__(self, operation: str, path: str, problem: str) -> None:
        self.operation, self.path, self.problem = operation, path, problem
        super().__init__(f"{operation} response: {path or '(top level)'}: {problem}")


def first_problem(
    shape: typing.Any, value: typing.Any, path: str = ""
) -> tuple[str, str] | None:
    """Where ``value`` first departs from the botocore ``shape`` in a way conversion relies on:
    a required member missing or null, or a structure, list or map of the wrong kind.

    Scalars are not checked: botocore passes them through as the service sent them, and so do
    the typed classes. Only called after a conversion failed, so it costs nothing otherwise.
    """
    stack: list[tuple[typing.Any, typing.Any, str]] = [(shape, value, path)]
    while stack:
        shape, value, path = stack.pop()
        kind = shape.type_name
        if kind == "structure" and not _is_free_form(shape):
            if not isinstance(value, typing.Mapping):
                return path, f"expected an object, got {type(value).__name__}"
            for name in shape.required_members:
                if value.get(name) is None:
                    return (
                        _join(path, name),
                        "required by the model but missing or null",
                    )
            for name, member in reversed(list(shape.members.items())):
                if value.get(name) is not None:
                    stack.append((member, value[name], _join(path, name)))
        elif kind == "list":
            if not isinstance(value, list):
                return path, f"expected a list, got {type(value).__name__}"
            for index in reversed(range(len(value))):
                stack.append((shape.member, value[index], f"{path}[{index}]"))
        elif kind == "map":
            if not isinstance(value, typing.Mapping):
                return path, f"expected an object, got {type(value).__name__}"
            for key in reversed(list(value)):
                stack.append(
                    (shape.value, value[key], f"{path}.{key}" if path else str(key))
                )
    return None


def _is_free_form(shape: typing.Any) -> bool:
    """A document, an event stream (botocore gives an iterator) or an error structure."""
    return bool(
        shape.metadata.get("document")
        or shape.serialization.get("eventstream")
        or shape.metadata.get("exception")
    )


def corrected(shape: typing.Any, data: typing.Any) -> tuple[typing.Any, list[str]]:
    """A copy of ``data`` with every required member that is missing or null given its zero
    value, and the paths of the members so filled."""
    paths: list[str] = []
    result = _correct(shape, copy.copy(data), "", paths, 0)
    return result, paths


def _zero(shape: typing.Any, path: str, paths: list[str], depth: int) -> typing.Any:
    kind = shape.type_name
    if kind == "structure":
        return _correct(shape, {}, path, paths, depth + 1)
    if kind == "string" and shape.enum:
        return ""
    return _ZERO.get(kind, str)()


def _correct(
    shape: typing.Any, value: typing.Any, path: str, paths: list[str], depth: int
) -> typing.Any:
    kind = shape.type_name
    if kind == "structure" and not _is_free_form(shape):
        if not isinstance(value, dict) or depth > MAX_CORRECTION_DEPTH:
            return value
        value = dict(value)
        for name in shape.required_members:
            if value.get(name) is None:
                where = _join(path, name)
                paths.append(where)
                value[name] = _zero(shape.members[name], where, paths, depth)
        for name, member in shape.members.items():
            if value.get(name) is not None:
                value[name] = _correct(
                    member, value[name], _join(path, name), paths, depth
                )
        return value
    if kind == "list" and isinstance(value, list):
        return [
            _correct(shape.member, item, f"{path}[{index}]", paths, depth)
            for index, item in enumerate(value)
        ]
    if kind == "map" and isinstance(value, dict):
        return {
            key: _correct(
                shape.value, item, f"{path}.{key}" if path else str(key), paths, depth
            )
            for key, item in value.items()
        }
    return value


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


ConvertedT = typing.TypeVar("ConvertedT")


def no_result(data: typing.Mapping[str, typing.Any]) -> None:
    """The typed result of an operation whose output the model leaves out."""
    del data


def parse_response(
    convert: typing.Callable[[typing.Mapping[str, typing.Any]], ConvertedT],
    data: typing.Mapping[str, typing.Any],
    botocore_client: typing.Any,
    operation: str,
    strict: bool = False,
) -> ConvertedT:
    """``convert(data)``, correcting required members the service left out (see the module's
    docstring); when the data's form is wrong, a ``ResponseParseError`` naming where."""
    try:
        return convert(data)
    except (MissingMemberError, AttributeError, TypeError) as error:
        shape = botocore_client.meta.service_model.operation_model(
            operation
        ).output_shape
        if shape is None:
            raise
        if isinstance(error, MissingMemberError) and not strict:
            fixed, paths = corrected(shape, data)
            if first_problem(shape, fixed) is None:
                LOG.debug(
                    "%s response: corrected members the model requires: %s",
                    operation,
                    ", ".join(paths),
                )
                return _noting(convert(fixed), tuple(paths))
        found = first_problem(shape, data)
        if found is None:
            raise
        raise ResponseParseError(operation, *found) from error


def _noting(result: ConvertedT, paths: tuple[str, ...]) -> ConvertedT:
    """``result`` with the corrected paths in its response metadata."""
    metadata = getattr(result, "response_metadata", None)
    if metadata is None:
        return result
    return typing.cast(
        ConvertedT,
        attrs.evolve(
            typing.cast(typing.Any, result),
            response_metadata=attrs.evolve(metadata, corrected=paths),
        ),
    )
