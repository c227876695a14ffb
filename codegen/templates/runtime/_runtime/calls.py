"""A client method's request, and modeled errors raised as the package's classes.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import contextlib
import typing

import botocore.exceptions

RequestT = typing.TypeVar("RequestT")


def request_of(
    request_class: type[RequestT],
    request: RequestT | None,
    members: typing.Mapping[str, typing.Any],
) -> RequestT:
    """The request a client method was given: an object, or its fields as keywords."""
    if request is None:
        return request_class(**members)
    if members:
        raise TypeError("pass a request object or keyword arguments, not both")
    return request


@contextlib.contextmanager
def translated_errors(
    errors: typing.Mapping[str, type[botocore.exceptions.ClientError]],
) -> typing.Iterator[None]:
    """Re-raise a modeled service error as this package's class for it (a ClientError)."""
    try:
        yield
    except botocore.exceptions.ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        modeled = errors.get(code)
        if modeled is None or isinstance(error, modeled):
            raise
        raise modeled(error.response, error.operation_name) from error
