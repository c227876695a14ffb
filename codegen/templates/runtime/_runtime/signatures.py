"""What ``help()`` and ``inspect.signature`` show for the generated methods.

A method takes a request object or its fields as keyword arguments, so its code is
``(self, request=None, /, **members)``; checkers read the real parameters from its overloads,
but ``inspect`` only sees the code. ``describe_methods`` gives each method a
``__signature__`` built from its request class's fields (names, defaults and annotations, as
strings), which ``inspect.signature``, ``help()`` and IDEs that introspect use.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import inspect
import typing

import attrs

from .shapes import OWN_FIELDS

_PAGING = ("max_items", "page_size", "starting_token")


def describe_methods(owner: type, requests: typing.Mapping[str, type]) -> None:
    """Give each method of ``owner`` named in ``requests`` the signature of its request
    class's fields (and the paging parameters, for a ``paginate`` method)."""
    for name, request_class in requests.items():
        function = owner.__dict__[name]
        fields = [
            inspect.Parameter(
                field.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=(
                    inspect.Parameter.empty
                    if field.default is attrs.NOTHING
                    else field.default
                ),
                annotation=(
                    field.type if field.type is not None else inspect.Parameter.empty
                ),
            )
            for field in attrs.fields(request_class)
            if field.name not in OWN_FIELDS
        ]
        if name == "paginate" or name.startswith("paginate_"):
            fields += [
                inspect.Parameter(
                    p,
                    inspect.Parameter.KEYWORD_ONLY,
                    default=None,
                    annotation="int | None",
                )
                for p in _PAGING
            ]
            fields[-1] = fields[-1].replace(annotation="str | None")
        parameters = [
            inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY),
            inspect.Parameter(
                "request",
                inspect.Parameter.POSITIONAL_ONLY,
                default=None,
                annotation=f"{request_class.__name__} | None",
            ),
            *fields,
        ]
        returns = inspect.signature(function).return_annotation
        function.__signature__ = inspect.Signature(
            parameters, return_annotation=returns
        )
