"""What the CLI templates need to know about each operation's command line.

Pure functions over the IR, so the templates only lay the result out. The command line is the
AWS CLI v1's: options named ``xform_name(member, '-')`` (``Member.cli_name``) in model order,
then ``--cli-input-json``, the paging options of a paginated operation and
``--generate-cli-skeleton``; the paginator's input token and limit key stay accepted but hidden.
Everything here is plain data (str, int, bool, None, tuples, dicts) that ``|lit`` can write.
"""

from __future__ import annotations

from typing import Any

import attrs

from codegen.ir import naming
from codegen.ir.nodes import Enum, ListOf, MapOf, Member, Operation, Scalar, Service, Structure

# ``ArgumentGenerator`` (botocore) writes a timestamp as ``datetime(1970, 1, 1)``; the AWS CLI
# prints that through its JSON encoder as ``isoformat()``.
SKELETON_TIMESTAMP = "1970-01-01T00:00:00"


@attrs.frozen
class CliArgument:
    """One model-derived option."""

    name: str  # without the leading ``--``
    dest: str
    serialized: str  # the member's wire name
    kind: str  # botocore type name: string, integer, ..., structure, list, map
    member_kind: str | None  # the items' type name, for lists
    required: bool
    hidden: bool  # a paginator's input token or limit key: accepted, not documented
    json: bool  # a document type: the value is always JSON
    streaming: bool  # a streaming blob: the value names a file


@attrs.frozen
class CliPaging:
    input_tokens: tuple[str, ...]  # option names of the input tokens and the limit key
    limit_kind: str | None  # type of the limit key (``--page-size``); None: no limit key


@attrs.frozen
class CliOperation:
    name: str
    cli_name: str
    method: str
    arguments: tuple[CliArgument, ...]
    paging: CliPaging | None
    input_skeleton: Any  # what ``--generate-cli-skeleton input`` prints
    deprecated: bool


def type_name(service: Service, shape_name: str) -> str:
    """botocore's ``Shape.type_name`` of an IR shape."""
    shape = service.shape(shape_name)
    if isinstance(shape, Scalar):
        return shape.kind
    if isinstance(shape, Enum):
        return "string"
    if isinstance(shape, ListOf):
        return "list"
    if isinstance(shape, MapOf):
        return "map"
    return "structure"


def _argument(service: Service, member: Member, hidden: bool) -> CliArgument:
    shape = service.shape(member.shape)
    member_kind = type_name(service, shape.member) if isinstance(shape, ListOf) else None
    return CliArgument(
        name=member.cli_name,
        dest=member.cli_name.replace("-", "_"),
        serialized=member.wire_name,
        kind=type_name(service, member.shape),
        member_kind=member_kind,
        required=member.required and not member.idempotency_token,
        hidden=hidden,
        json=isinstance(shape, Structure) and shape.document,
        streaming=isinstance(shape, Scalar) and shape.kind == "blob" and shape.streaming,
    )


def _paging(service: Service, operation: Operation, request: Structure | None) -> CliPaging | None:
    paginator = operation.paginator
    if paginator is None:
        return None
    tokens = [naming.cli_name(token) for token in paginator.input_token]
    limit_kind = None
    if paginator.limit_key:
        tokens.append(naming.cli_name(paginator.limit_key))
        for member in request.members if request else ():
            if member.wire_name == paginator.limit_key:
                limit_kind = type_name(service, member.shape)
    return CliPaging(input_tokens=tuple(tokens), limit_kind=limit_kind)


def input_skeleton(service: Service, shape_name: str | None) -> Any:
    """botocore's ``ArgumentGenerator().generate_skeleton`` of the input shape, except that an
    enum gets its first value instead of a random one (so the output is reproducible)."""
    if shape_name is None:
        return {}
    return _skeleton(service, shape_name, [])


def _skeleton(service: Service, shape_name: str, stack: list[str]) -> Any:
    stack.append(shape_name)
    try:
        shape = service.shape(shape_name)
        if isinstance(shape, Structure):
            if stack.count(shape_name) > 1:
                return {}
            return {m.wire_name: _skeleton(service, m.shape, stack) for m in shape.members}
        if isinstance(shape, ListOf):
            return [_skeleton(service, shape.member, stack)]
        if isinstance(shape, MapOf):
            return {"KeyName": _skeleton(service, shape.value, stack)}
        if isinstance(shape, Enum):
            return shape.values[0].value if shape.values else ""
        return {
            "string": "",
            "integer": 0,
            "long": 0,
            "float": 0.0,
            "double": 0.0,
            "boolean": True,
            "timestamp": SKELETON_TIMESTAMP,
        }.get(shape.kind)
    finally:
        stack.pop()


def cli_operations(service: Service) -> tuple[CliOperation, ...]:
    result = []
    for operation in service.operations:
        request = _request(service, operation)
        paging = _paging(service, operation, request)
        hidden = set(paging.input_tokens) if paging else set()
        arguments = tuple(
            _argument(service, m, m.cli_name in hidden) for m in (request.members if request else ())
        )
        result.append(
            CliOperation(
                name=operation.name,
                cli_name=operation.cli_name,
                method=naming.botocore_method_name(operation.name),
                arguments=arguments,
                paging=paging,
                input_skeleton=input_skeleton(service, operation.input),
                deprecated=operation.deprecated,
            )
        )
    return tuple(result)


def _request(service: Service, operation: Operation) -> Structure | None:
    if operation.input is None:
        return None
    shape = service.shape(operation.input)
    return shape if isinstance(shape, Structure) else None


def argument_literal(argument: CliArgument) -> dict[str, Any]:
    """The keyword arguments of the generated ``Argument(...)``, for ``|lit``."""
    return attrs.asdict(argument)


# --- help --------------------------------------------------------------------------------


def commands_data(operations: tuple[CliOperation, ...]) -> dict[str, Any]:
    """The command table the generated CLI loads (``<package>/commands.json``): command name ->
    its operation, arguments, paging and input skeleton, as JSON-ready data."""
    return {
        op.cli_name: {
            "name": op.name,
            "method": op.method,
            "arguments": [argument_literal(a) for a in op.arguments],
            "paging": None if op.paging is None else attrs.asdict(op.paging),
            "input_skeleton": op.input_skeleton,
            "deprecated": op.deprecated,
        }
        for op in operations
    }


def cli_context(service: Service) -> dict[str, Any]:
    """What the CLI templates print, added to the rendering context."""
    from codegen.render.clidoc import CLI_SERVICE_NAMES
    from codegen.render.docs import first_sentence

    operations = cli_operations(service)
    by_name = {o.name: o for o in service.operations}
    return {
        "cli_operations": operations,
        "cli_service_name": CLI_SERVICE_NAMES.get(service.service_name, service.service_name),
        "command_names": ", ".join(op.cli_name for op in operations),
        "help_summaries": {
            op.cli_name: first_sentence(by_name[op.name].documentation) for op in operations
        },
        "package_version": "0.1.0",
    }
