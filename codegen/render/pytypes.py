"""Python type annotations for IR shapes, and the member tables that drive conversion.

Pure functions over the IR. Annotations and parameter lists are composed only from
identifiers the naming rules produced and returned as ``Source``; member tables
(``member_tables``) are plain JSON data for ``members.json``, never code.
"""

from __future__ import annotations

from typing import Any

from codegen.ir.nodes import Enum, ListOf, MapOf, Member, Scalar, Service, Structure
from codegen.style import LINE_LENGTH
from codegen.render.escaping import Source, code, identifier

SCALAR_ANNOTATIONS = {
    "string": "str",
    "integer": "int",
    "long": "int",
    "float": "float",
    "double": "float",
    "boolean": "bool",
    "timestamp": "datetime.datetime",
    "blob": "bytes",
}

DOCUMENT_ANNOTATION = "typing.Any"
ERROR_MEMBER_ANNOTATION = "dict[str, typing.Any]"


def annotation(service: Service, shape_name: str) -> Source:
    return code(_annotation(service, shape_name))


def _annotation(service: Service, shape_name: str) -> str:
    shape = service.shape(shape_name)
    if isinstance(shape, Scalar):
        return SCALAR_ANNOTATIONS[shape.kind]
    if isinstance(shape, Enum):
        # Forward compatible: a value the model does not know yet arrives as a plain str.
        return f"{shape.class_name} | str"
    if isinstance(shape, ListOf):
        return f"list[{_annotation(service, shape.member)}]"
    if isinstance(shape, MapOf):
        return f"dict[{_annotation(service, shape.key)}, {_annotation(service, shape.value)}]"
    if shape.document:
        return DOCUMENT_ANNOTATION
    if shape.exception:
        # An error shape as a member (event streams do this): its class is the exception in
        # errors.py, so the value stays in botocore's form.
        return ERROR_MEMBER_ANNOTATION
    return shape.class_name


def field_annotation(service: Service, member: Member) -> Source:
    """A field's annotation: optional members may be None."""
    base = _annotation(service, member.shape)
    return code(base if member.required else f"{base} | None")


def keyword_params(service: Service, members: tuple[Member, ...], star: bool = False) -> Source:
    """Keyword-only parameters for a request's members; with ``star``, preceded by the ``*,``
    that makes them keyword-only (and nothing at all when there are no members)."""
    lines = ["        *,"] if star and members else []
    lines += [
        " " * 8 + annotated(8, m.attr_name, field_annotation(service, m), "," if m.required else " = None,")
        for m in members
    ]
    return code("\n".join(lines))


def annotated(indent: int, name: str, annotation: str, rest: str) -> Source:
    """``name: annotation`` and ``rest`` (`` = None``, a comma), for a line indented ``indent``
    (the caller writes the first line's indentation).

    A union that makes the line too long goes in parentheses on a line of its own, as black
    lays it out. ruff would split it at the ``|`` instead, but keeps this layout when given it,
    so both formatters agree; and black leaves the line as it is, in one pass, not two.
    """
    pad = " " * indent
    line = f"{identifier(name)}: {annotation}{rest}"
    inner = f"{pad}    {annotation}"
    fits = indent + len(line) <= LINE_LENGTH
    if fits or " | " not in annotation or len(inner) > LINE_LENGTH or rest not in _SIMPLE_RESTS:
        return code(line)
    return code(f"{name}: (\n{inner}\n{pad}){rest}")


# What may follow a parenthesized annotation: black lays out longer defaults otherwise.
_SIMPLE_RESTS = ("", ",", " = None", " = None,")


def field_line(service: Service, member: Member) -> Source:
    """A structure's field: its name, annotation and default (the first line unindented)."""
    return annotated(4, member.attr_name, field_annotation(service, member), field_default(member))


def field_default(member: Member) -> Source:
    """What follows the annotation: the default, and a repr that hides sensitive values."""
    if member.sensitive:
        default = "" if member.required else "default=None, "
        return code(f" = attrs.field({default}repr=_runtime.redacted)")
    return code("" if member.required else " = None")


def _needs_conversion(service: Service, shape_name: str, seen: frozenset[str] = frozenset()) -> bool:
    shape = service.shape(shape_name)
    if isinstance(shape, Scalar):
        return shape.kind == "timestamp"
    if isinstance(shape, Enum):
        return True
    if isinstance(shape, Structure):
        return not shape.document and not shape.exception
    if shape_name in seen:
        return False
    inner = (shape.member,) if isinstance(shape, ListOf) else (shape.key, shape.value)
    return any(_needs_conversion(service, s, seen | {shape_name}) for s in inner)


def member_tables(service: Service) -> dict[str, Any]:
    """What ``_runtime.bind`` reads from ``members.json``: class name -> the model's shape name,
    its members' wire names in field order, those the model requires, and a converter (see
    ``_runtime._converter``) for each member whose Python form differs from botocore's.
    """
    tables: dict[str, Any] = {}
    for structure in service.structures:
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
    shape = service.shape(shape_name)
    if isinstance(shape, Scalar):  # a timestamp
        return ["timestamp"]
    if isinstance(shape, Enum):
        return ["enum", shape.class_name]
    if isinstance(shape, Structure):
        return ["structure", shape.class_name]
    if isinstance(shape, ListOf):
        return ["list", _converter(service, shape.member)]
    assert isinstance(shape, MapOf)
    return ["map", _converter(service, shape.key), _converter(service, shape.value)]


__all__ = [
    "annotated",
    "annotation",
    "member_tables",
    "field_annotation",
    "field_default",
    "field_line",
    "keyword_params",
]
