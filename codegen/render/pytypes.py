"""Python type annotations and conversion expressions for IR shapes.

Pure functions over the IR; they compose code only from identifiers the naming rules produced
and from ``repr`` literals, and return it as ``Source``.
"""

from __future__ import annotations

import re

from codegen.ir.nodes import Enum, ListOf, MapOf, Member, Scalar, Service, Structure
from codegen.render.escaping import Source, code, identifier, literal

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
        f"        {identifier(m.attr_name)}: {field_annotation(service, m)}"
        + ("" if m.required else " = None")
        + ","
        for m in members
    ]
    return code("\n".join(lines))


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
        return not shape.document
    if shape_name in seen:
        return False
    inner = (shape.member,) if isinstance(shape, ListOf) else (shape.key, shape.value)
    return any(_needs_conversion(service, s, seen | {shape_name}) for s in inner)


_REFERENCE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")


def _checked(value: str) -> str:
    if isinstance(value, Source):  # code composed by this module's own helpers
        return value
    if not _REFERENCE.fullmatch(value):
        raise ValueError(f"not a variable reference: {value!r}")
    return value


def to_wire(service: Service, shape_name: str, value: str, depth: int = 0) -> Source:
    """An expression turning the Python ``value`` (a variable reference) into botocore's
    parameter form."""
    value = _checked(value)
    return code(_to_wire(service, shape_name, value, depth))


def _to_wire(service: Service, shape_name: str, value: str, depth: int) -> str:
    if not _needs_conversion(service, shape_name):
        return value
    shape = service.shape(shape_name)
    if isinstance(shape, Enum):
        return f"_runtime.enum_value({value})"
    if isinstance(shape, Structure):
        return f"{value}.to_botocore()"
    if isinstance(shape, ListOf):
        item = f"item{depth}"
        return f"[{_to_wire(service, shape.member, item, depth + 1)} for {item} in {value}]"
    if isinstance(shape, MapOf):
        k, v = f"key{depth}", f"value{depth}"
        return (
            f"{{{_to_wire(service, shape.key, k, depth + 1)}: "
            f"{_to_wire(service, shape.value, v, depth + 1)} for {k}, {v} in {value}.items()}}"
        )
    return value  # timestamps go to botocore as datetimes


def from_wire(service: Service, shape_name: str, value: str, depth: int = 0) -> Source:
    """An expression turning botocore's parsed ``value`` (a variable reference) into the
    Python form."""
    value = _checked(value)
    return code(_from_wire(service, shape_name, value, depth))


def _from_wire(service: Service, shape_name: str, value: str, depth: int) -> str:
    if not _needs_conversion(service, shape_name):
        return value
    shape = service.shape(shape_name)
    if isinstance(shape, Scalar):  # timestamp
        return f"_runtime.aware_datetime({value})"
    if isinstance(shape, Enum):
        return f"_runtime.enum_or_str({shape.class_name}, {value})"
    if isinstance(shape, Structure):
        return f"{shape.class_name}.from_botocore({value})"
    if isinstance(shape, ListOf):
        item = f"item{depth}"
        return f"[{_from_wire(service, shape.member, item, depth + 1)} for {item} in {value}]"
    assert isinstance(shape, MapOf)
    k, v = f"key{depth}", f"value{depth}"
    return (
        f"{{{_from_wire(service, shape.key, k, depth + 1)}: "
        f"{_from_wire(service, shape.value, v, depth + 1)} for {k}, {v} in {value}.items()}}"
    )


def required_read(structure: Structure, member: Member) -> Source:
    """Reading a member the model requires: a clear error, naming it, when it is missing."""
    return code(
        f"_runtime.required(data, {literal(member.wire_name)}, {literal(member.attr_name)}, "
        f"{literal(structure.shape_name)})"
    )


def needs_conversion(service: Service, shape_name: str) -> bool:
    return _needs_conversion(service, shape_name)


__all__ = ["annotation", "to_wire", "from_wire", "needs_conversion", "literal"]
