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
    method: str = "",
) -> RequestT:
    """The request a client method was given: an object, or its fields as keywords. A wrong
    argument is a ``TypeError`` naming the method (and, for a misspelled keyword, the
    closest parameter)."""
    name = request_class.__name__
    if request is None:
        try:
            return request_class(**members)
        except TypeError as error:
            raise _keyword_error(request_class, members, method, error) from None
    if not isinstance(request, request_class):
        raise TypeError(
            f"{method}() takes a {name} or its fields as keyword arguments, "
            f"not {type(request).__name__}"
        )
    if members:
        raise TypeError(f"{method}(): pass a {name} or keyword arguments, not both")
    return request


def _keyword_error(
    request_class: type[typing.Any],
    members: typing.Mapping[str, typing.Any],
    method: str,
    error: TypeError,
) -> TypeError:
    import difflib

    import attrs

    fields = [f.name for f in attrs.fields(request_class)]
    for given in members:
        if given not in fields:
            close = difflib.get_close_matches(given, fields, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            return TypeError(
                f"{method}() got an unexpected keyword argument {given!r}{hint}"
            )
    missing = [
        f.name
        for f in attrs.fields(request_class)
        if f.default is attrs.NOTHING and f.name not in members
    ]
    if missing:
        names = ", ".join(repr(name) for name in missing)
        return TypeError(f"{method}() missing required keyword argument(s): {names}")
    return TypeError(f"{method}(): {error}")


@contextlib.contextmanager
def translated_errors(
    errors: typing.Mapping[str, type[botocore.exceptions.ClientError]],
) -> typing.Iterator[None]:
    """Re-raise a modeled service error as this package's class for it (a ClientError).

    The class is found by the error's code, or, for a service that answers with the codes of
    its query protocol (SQS), by the code botocore keeps as ``QueryErrorCode``, as botocore's
    own client does.
    """
    try:
        yield
    except botocore.exceptions.ClientError as error:
        details: typing.Mapping[str, typing.Any] = error.response.get("Error", {})
        modeled = errors.get(details.get("QueryErrorCode", "")) or errors.get(
            details.get("Code", "")
        )
        if modeled is None or isinstance(error, modeled):
            raise
        raise modeled(error.response, error.operation_name) from error
