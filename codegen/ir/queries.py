"""Questions every renderer asks of the IR, answered in one place.

What a shape is in botocore's terms (``type_name``), the structure behind a name, the shape
behind a member, the children the AWS CLI documents under a shape, every shape reachable from
some roots, and the streaming traits. Renderers ``match`` on the node classes for what is
specific to them and come here for the rest.
"""

from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple

from codegen.ir.nodes import Enum, ListOf, MapOf, Member, Operation, Scalar, Service, Shape, Structure

# botocore's scalar type names (``Shape.type_name``), the one list of them.
SCALAR_KINDS = frozenset(("string", "integer", "long", "float", "double", "boolean", "timestamp", "blob"))
COMPLEX_KINDS = frozenset(("structure", "list", "map"))


def type_name(shape: Shape) -> str:
    """botocore's ``Shape.type_name`` of an IR shape (an enum is a ``string``)."""
    match shape:
        case Scalar(kind=kind):
            return kind
        case Enum():
            return "string"
        case ListOf():
            return "list"
        case MapOf():
            return "map"
        case Structure():
            return "structure"
    raise AssertionError(shape)  # pragma: no cover


def structure_of(service: Service, name: str | None) -> Structure | None:
    """The structure named ``name`` (an operation's input or output); None for no name or a
    shape that is not a structure."""
    if name is None:
        return None
    shape = service.shape(name)
    return shape if isinstance(shape, Structure) else None


def target(service: Service, member: Member) -> Shape:
    """The shape of a member's value."""
    return service.shape(member.shape)


class Child(NamedTuple):
    """A value nested in a shape: a structure's member, a list's item, a map's key or value."""

    label: str  # the member's wire name, the map's key/value name, "" for a list item
    shape: str
    documentation: str
    member: Member | None  # the structure member, when it is one


def children(shape: Shape) -> tuple[Child, ...]:
    """What the AWS CLI documents under ``shape``, in its order."""
    match shape:
        case Structure(members=members):
            return tuple(Child(m.wire_name, m.shape, m.documentation, m) for m in members)
        case ListOf(member=item, member_documentation=docs):
            return (Child("", item, docs, None),)
        case MapOf():
            return (
                Child(shape.key_name, shape.key, shape.key_documentation, None),
                Child(shape.value_name, shape.value, shape.value_documentation, None),
            )
    return ()


def reachable(service: Service, roots: Iterable[str | None], map_keys: bool = True) -> Iterator[Shape]:
    """Every shape reachable from ``roots`` (each once, depth first); ``map_keys=False`` does
    not look into maps' keys."""
    seen: set[str] = set()
    todo = [root for root in roots if root is not None]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = service.shape(name)
        yield shape
        match shape:
            case Structure(members=members):
                todo.extend(m.shape for m in reversed(members))
            case ListOf(member=item):
                todo.append(item)
            case MapOf(key=key, value=value):
                todo.extend([value, key] if map_keys else [value])


def is_streaming_blob(shape: Shape, member: Member | None = None) -> bool:
    """A blob streamed rather than held in memory (the trait may sit on the shape or the
    member that refers to it)."""
    return isinstance(shape, Scalar) and shape.kind == "blob" and (
        shape.streaming or (member is not None and member.streaming)
    )


def payload_member(service: Service, structure: Structure | None) -> Member | None:
    """The member that is the whole HTTP body of a rest protocol's input or output."""
    if structure is None or structure.payload is None:
        return None
    return next((m for m in structure.members if m.wire_name == structure.payload), None)


def has_streaming_output(service: Service, operation: Operation) -> bool:
    """botocore's ``OperationModel.has_streaming_output``: a blob payload in the output."""
    payload = payload_member(service, structure_of(service, operation.output))
    return payload is not None and type_name(target(service, payload)) == "blob"


def is_document(shape: Shape) -> bool:
    """A ``document`` type: free-form JSON, not a class."""
    return isinstance(shape, Structure) and shape.document


def uses_document_types(service: Service, operation: Operation) -> bool:
    """Any document type reachable from the input or output (map keys are not looked at)."""
    return any(is_document(s) for s in reachable(service, (operation.input, operation.output), map_keys=False))


def limit_member(service: Service, operation: Operation) -> Member | None:
    """The request member the paginator's limit key names (``MaxResults``)."""
    paginator, request = operation.paginator, structure_of(service, operation.input)
    if paginator is None or paginator.limit_key is None or request is None:
        return None
    return next((m for m in request.members if m.wire_name == paginator.limit_key), None)
