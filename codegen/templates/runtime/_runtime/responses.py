"""Typed results from botocore's parsed responses, and where a response departs from the
model when conversion fails.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import typing

from .shapes import MissingMemberError


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
        if kind == "structure" and not shape.metadata.get("document"):
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
) -> ConvertedT:
    """``convert(data)``; when the data's form is wrong, a ``ResponseParseError`` naming where."""
    try:
        return convert(data)
    except (MissingMemberError, AttributeError, TypeError) as error:
        shape = botocore_client.meta.service_model.operation_model(
            operation
        ).output_shape
        found = first_problem(shape, data) if shape is not None else None
        if found is None:
            raise
        raise ResponseParseError(operation, *found) from error
