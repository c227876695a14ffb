"""A usage example for the API reference, composed from the IR (and run by the tests)."""

from __future__ import annotations

import attrs

from codegen.ir.nodes import Enum, ListOf, MapOf, Scalar, Service, Structure
from codegen.render.escaping import Source, code, identifier
from codegen.render.operations import OperationView

_SCALARS = {
    "string": "'example'",
    "integer": "1",
    "long": "1",
    "float": "1.0",
    "double": "1.0",
    "boolean": "True",
    "timestamp": "datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)",
    "blob": "b'example'",
}


@attrs.frozen
class Example:
    arguments: Source  # keyword arguments for the operation's required members
    imports: tuple[str, ...]  # package names the arguments use
    needs_datetime: bool


def required_arguments(service: Service, view: OperationView) -> Example:
    imports: set[str] = set()
    uses_datetime = [False]

    def value(shape_name: str, depth: int) -> str:
        shape = service.shape(shape_name)
        if isinstance(shape, Scalar):
            uses_datetime[0] |= shape.kind == "timestamp"
            return _SCALARS[shape.kind]
        if isinstance(shape, Enum):
            imports.add(shape.class_name)
            return f"{identifier(shape.class_name)}.{identifier(shape.values[0].member_name)}"
        if isinstance(shape, ListOf):
            return f"[{value(shape.member, depth + 1)}]"
        if isinstance(shape, MapOf):
            return f"{{{value(shape.key, depth + 1)}: {value(shape.value, depth + 1)}}}"
        assert isinstance(shape, Structure)
        if shape.document:
            return "{}"
        imports.add(shape.class_name)
        members = shape.required_members if depth < 4 else ()
        inner = ", ".join(f"{identifier(m.attr_name)}={value(m.shape, depth + 1)}" for m in members)
        return f"{identifier(shape.class_name)}({inner})"

    members = view.request.required_members if view.request else ()
    arguments = ", ".join(f"{identifier(m.attr_name)}={value(m.shape, 1)}" for m in members)
    return Example(code(arguments), tuple(sorted(imports)), uses_datetime[0])


__all__ = ["Example", "required_arguments"]
