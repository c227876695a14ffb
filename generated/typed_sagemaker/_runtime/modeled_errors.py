"""The base of the package's modeled errors: a botocore ``ClientError`` whose modeled members
(``CancellationReasons`` of a cancelled transaction, the ``Item`` of a failed condition) are
typed attributes, converted from botocore's parsed error response on first use.

botocore merges a modeled error's members into the error's response (beside ``Error`` and
``ResponseMetadata``); ``member`` reads them through the same member tables as the models.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import sys
import typing

import botocore.exceptions


class ServiceErrorBase(botocore.exceptions.ClientError):  # type: ignore[misc, unused-ignore]
    """A modeled error of the service; ``except ClientError`` still catches it."""

    code: typing.ClassVar[str] = ""

    @property
    def message(self) -> str:
        """The service's message for the error."""
        return str(self.response.get("Error", {}).get("Message", ""))

    def member(self, wire_name: str) -> typing.Any:
        """The modeled member ``wire_name`` of this error, typed; None when absent."""
        value = self.response.get(wire_name)
        if value is None:
            return None
        convert = _converters(type(self)).get(wire_name)
        return value if convert is None else convert(value)


def _converters(
    error_class: type[ServiceErrorBase],
) -> dict[str, typing.Callable[[typing.Any], typing.Any]]:
    found: dict[str, typing.Callable[[typing.Any], typing.Any]] | None
    found = error_class.__dict__.get("_member_converters")
    if found is None:
        from .shapes import _converter, _member_tables

        package = error_class.__module__.rpartition(".")[0]
        models = sys.modules.get(f"{package}.models")
        if models is None:
            import importlib

            models = importlib.import_module(f"{package}.models")
        tables = _member_tables(models.__name__, getattr(models, "__file__", None))
        entry = tables.get(error_class.__name__, {})
        found = {
            wire: _converter(models, spec).from_wire or (lambda value: value)
            for wire, spec in entry.get("convert", {}).items()
        }
        type.__setattr__(error_class, "_member_converters", found)
    return found
