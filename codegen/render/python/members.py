"""The member tables that drive conversion to and from botocore's form (``members.json``).

Plain JSON data, never code: what ``_runtime``'s ``bind`` reads for each structure class.
"""

from __future__ import annotations

from typing import Any

from codegen.ir.nodes import Enum, ListOf, MapOf, Scalar, Service, Structure


def _needs_conversion(service: Service, shape_name: str, seen: frozenset[str] = frozenset()) -> bool:
    """Whether a value's Python form differs from botocore's (timestamps, enums, classes, and
    lists and maps holding them)."""
    match service.shape(shape_name):
        case Scalar(kind=kind):
            return kind == "timestamp"
        case Enum():
            return True
        case Structure(event_stream=True):
            return True
        case Structure(document=document, exception=exception):
            return not document and not exception
        case ListOf(member=item):
            inner: tuple[str, ...] = (item,)
        case MapOf(key=key, value=value):
            inner = (key, value)
    if shape_name in seen:
        return False
    return any(_needs_conversion(service, s, seen | {shape_name}) for s in inner)


def member_tables(service: Service) -> dict[str, Any]:
    """Class name (of a structure or a modeled error) -> the model's shape name, its members'
    wire names in field order, those the model requires, and a converter (see
    ``_runtime/shapes.py``, ``_converter``) for each member whose Python form differs from
    botocore's."""
    tables: dict[str, Any] = {}
    # (an error's table converts its members when read as attributes: _runtime.modeled_errors)
    for structure in (*service.structures, *service.exceptions):
        table: dict[str, Any] = {
            "shape": structure.shape_name,
            "wire": [m.wire_name for m in structure.members],
        }
        required = [m.wire_name for m in structure.members if m.required]
        if required:
            table["required"] = required
        converters = {
            m.wire_name: _converter(service, m.shape)
            for m in structure.members
            if _needs_conversion(service, m.shape)
        }
        if converters:
            table["convert"] = converters
        tables[structure.class_name] = table
    return tables


def _converter(service: Service, shape_name: str) -> list[Any] | None:
    if not _needs_conversion(service, shape_name):
        return None
    match service.shape(shape_name):
        case Scalar():  # a timestamp
            return ["timestamp"]
        case Enum(class_name=name):
            return ["enum", name]
        case Structure(event_stream=True, class_name=name):
            return ["event_stream", name]
        case Structure(class_name=name):
            return ["structure", name]
        case ListOf(member=item):
            return ["list", _converter(service, item)]
        case MapOf(key=key, value=value):
            return ["map", _converter(service, key), _converter(service, value)]
    raise AssertionError(shape_name)  # pragma: no cover
