"""A usage example for the API reference, composed from the IR (and run by the tests)."""

from __future__ import annotations

import attrs

from codegen.ir.nodes import Enum, ListOf, MapOf, Scalar, Service, Structure
from codegen.render.escaping import Source, code, identifier

_SCALARS = {
    "string": '"example"',  # (in black's quotes: it then leaves the example as it is)
    "integer": "1",
    "long": "1",
    "float": "1.0",
    "double": "1.0",
    "boolean": "True",
    "timestamp": "datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)",
    "blob": 'b"example"',
}


@attrs.frozen
class Example:
    arguments: Source  # keyword arguments for the operation's required members
    imports: tuple[str, ...]  # package names the arguments use
    needs_datetime: bool


def required_arguments(service: Service, request: Structure | None) -> Example:
    imports: set[str] = set()
    uses_datetime = False

    def value(shape_name: str, depth: int) -> str:
        nonlocal uses_datetime
        match service.shape(shape_name):
            case Scalar(kind=kind):
                uses_datetime |= kind == "timestamp"
                return _SCALARS[kind]
            case Enum(class_name=name, values=values):
                imports.add(name)
                return f"{identifier(name)}.{identifier(values[0].member_name)}"
            case ListOf(member=item):
                return f"[{value(item, depth + 1)}]"
            case MapOf(key=key, value=item):
                return f"{{{value(key, depth + 1)}: {value(item, depth + 1)}}}"
            case Structure(document=True):
                return "{}"
            case Structure(class_name=name) as structure:
                imports.add(name)
                members = structure.required_members if depth < 4 else ()
                inner = ", ".join(f"{identifier(m.attr_name)}={value(m.shape, depth + 1)}" for m in members)
                return f"{identifier(name)}({inner})"
        raise AssertionError(shape_name)  # pragma: no cover

    members = request.required_members if request else ()
    arguments = ", ".join(f"{identifier(m.attr_name)}={value(m.shape, 1)}" for m in members)
    return Example(code(arguments), tuple(sorted(imports)), uses_datetime)
