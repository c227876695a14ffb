"""The AWS CLI argument table of each operation, built once from the IR.

The reference pages document it (which arguments, in what order, which are hidden) and the
generated command line parses with it: ``commands_data`` writes it to ``commands.json`` with a
format version, and the CLI's runtime (``codegen/templates/runtime/_cli/table.py``) turns each entry
into an argparse option without deciding anything again.

The table is the one ``awscli/clidriver.py`` builds (``ServiceOperation._create_argument_table``
and the ``building-argument-table`` handlers), in its order: one argument per request member
named ``xform_name(member, '-')`` (a boolean also gets its ``--no-`` twin), then ``outfile`` for
a streaming output or else ``--cli-input-json``, then, for a paginated operation,
``--starting-token``, ``--page-size`` (with a limit key) and ``--max-items`` (the paginator's own
input token and limit key stay accepted but are no longer documented; a paging option of the
same name as a member replaces it where it stands), then ``--generate-cli-skeleton`` (not with
``outfile``). The added arguments and their help are the AWS CLI's (``customizations``).
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

from codegen.ir import naming, queries
from codegen.ir.nodes import Enum, ListOf, MapOf, Member, Operation, Scalar, Service, Structure
from codegen.render.awscli import customizations as aws

COMMANDS_FORMAT = 1

Kind = Literal["member", "negation", "outfile", "cli-input-json", "paging", "generate-cli-skeleton"]

# ``ArgumentGenerator`` (botocore) writes a timestamp as ``datetime(1970, 1, 1)``; the AWS CLI
# prints that through its JSON encoder as ``isoformat()``.
SKELETON_TIMESTAMP = "1970-01-01T00:00:00"


@attrs.frozen
class CommandArgument:
    """One entry of the argument table."""

    name: str  # the table key: the option without ``--`` (``outfile`` is positional)
    kind: Kind
    type_name: str  # botocore's type name of the value (paging options: the limit key's)
    documentation: str = ""  # HTML, converted on the reference page
    required: bool = False
    documented: bool = True
    group: str | None = None  # ``--flag`` and ``--no-flag`` share one
    member: Member | None = None  # the request member behind a member or negation entry
    pagination_key: str | None = None  # PaginationConfig key of a paging option
    shadows: CommandArgument | None = None  # the member entry a paging option replaced

    @property
    def cli_name(self) -> str:
        return self.name if self.kind == "outfile" else f"--{self.name}"


@attrs.frozen
class CommandTable:
    operation: Operation
    arguments: tuple[CommandArgument, ...]
    paging_tokens: tuple[str, ...]  # options (input tokens, limit key) that turn paging off
    input_skeleton: Any  # what ``--generate-cli-skeleton input`` prints

    @property
    def command(self) -> str:
        return self.operation.cli_name


def command_table(service: Service, operation: Operation) -> CommandTable:
    table: dict[str, CommandArgument] = {}
    request = queries.structure_of(service, operation.input)
    for member in request.members if request else ():
        kind = queries.type_name(queries.target(service, member))
        name = member.cli_name
        argument = CommandArgument(
            name=name,
            kind="member",
            type_name=kind,
            documentation=member.documentation,
            required=member.required and not member.idempotency_token,
            group=name if kind == "boolean" else None,
            member=member,
        )
        table[name] = argument
        if kind == "boolean":
            table[f"no-{name}"] = attrs.evolve(argument, name=f"no-{name}", kind="negation", required=False)
    streaming_output = queries.has_streaming_output(service, operation)
    if streaming_output:
        table[aws.OUTFILE_KEY] = _added(aws.STREAMING_OUTFILE, "outfile")
    else:
        table[aws.CLI_INPUT_JSON.name] = _added(aws.CLI_INPUT_JSON, "cli-input-json")
    paginator = operation.paginator
    tokens: list[str] = []
    if paginator is not None:
        tokens = [naming.cli_name(t) for t in (*paginator.input_token, *filter(None, [paginator.limit_key]))]
        for token in tokens:
            if token in table:
                table[token] = attrs.evolve(table[token], documented=False)
        limit = queries.limit_member(service, operation)
        limit_type = queries.type_name(queries.target(service, limit)) if limit else "integer"
        pages = [(aws.STARTING_TOKEN, "string", "StartingToken")]
        if limit is not None:
            pages.append((aws.PAGE_SIZE, limit_type, "PageSize"))
        pages.append((aws.MAX_ITEMS, limit_type, "MaxItems"))
        for added, value_type, key in pages:
            shadowed = table.get(added.name)
            table[added.name] = attrs.evolve(
                _added(added, "paging"), type_name=value_type, pagination_key=key, shadows=shadowed
            )
    if not streaming_output:
        table[aws.GENERATE_CLI_SKELETON.name] = _added(aws.GENERATE_CLI_SKELETON, "generate-cli-skeleton")
    return CommandTable(operation, tuple(table.values()), tuple(tokens), input_skeleton(service, operation.input))


def _added(argument: aws.AddedArgument, kind: Kind) -> CommandArgument:
    return CommandArgument(
        name=argument.name,
        kind=kind,
        type_name=argument.type_name,
        documentation=argument.documentation,
        required=argument.required,
    )


def input_skeleton(service: Service, shape_name: str | None) -> Any:
    """botocore's ``ArgumentGenerator().generate_skeleton`` of the input shape, except that an
    enum gets its first value instead of a random one (so the output is reproducible)."""
    if shape_name is None:
        return {}
    return _skeleton(service, shape_name, [])


_SKELETON_SCALARS: dict[str, Any] = {
    "string": "",
    "integer": 0,
    "long": 0,
    "float": 0.0,
    "double": 0.0,
    "boolean": True,
    "timestamp": SKELETON_TIMESTAMP,
    "blob": None,
}


def _skeleton(service: Service, shape_name: str, stack: list[str]) -> Any:
    stack.append(shape_name)
    try:
        match service.shape(shape_name):
            case Structure(members=members):
                if stack.count(shape_name) > 1:
                    return {}
                return {m.wire_name: _skeleton(service, m.shape, stack) for m in members}
            case ListOf(member=item):
                return [_skeleton(service, item, stack)]
            case MapOf(value=value):
                return {"KeyName": _skeleton(service, value, stack)}
            case Enum(values=values):
                return values[0].value if values else ""
            case Scalar(kind=kind):
                return _SKELETON_SCALARS[kind]
    finally:
        stack.pop()
    raise AssertionError(shape_name)  # pragma: no cover


# --- commands.json ---------------------------------------------------------------------------


def commands_data(service: Service, tables: tuple[CommandTable, ...]) -> dict[str, Any]:
    """``<package>/commands.json``: the command table the generated CLI parses with."""
    return {
        "format": COMMANDS_FORMAT,
        "commands": {
            table.command: {
                "name": table.operation.name,
                "method": naming.botocore_method_name(table.operation.name),
                "arguments": [_argument_data(service, argument) for argument in table.arguments],
                "paging_tokens": list(table.paging_tokens) if table.operation.paginator else None,
                "input_skeleton": table.input_skeleton,
                "deprecated": table.operation.deprecated,
            }
            for table in tables
        },
    }


def _argument_data(service: Service, argument: CommandArgument) -> dict[str, Any]:
    """What the CLI's runtime needs of an entry: its option, and where its value goes."""
    data: dict[str, Any] = {"name": argument.name, "kind": argument.kind}
    member = argument.member
    if member is not None:
        data["dest"] = member.cli_name.replace("-", "_")
        data["serialized"] = member.wire_name
    if argument.kind == "member":
        assert member is not None
        data["type"] = argument.type_name
        data["required"] = argument.required
        data["documented"] = argument.documented
        data.update(_member_traits(service, member))
    elif argument.kind == "paging":
        data["type"] = argument.type_name
        data["key"] = argument.pagination_key
        if argument.shadows is not None:
            data["shadows"] = _argument_data(service, argument.shadows)
    return data


def _member_traits(service: Service, member: Member) -> dict[str, Any]:
    """How a member option's value is read: a list's item type, a document's JSON, a streaming
    blob's file name."""
    shape = queries.target(service, member)
    traits: dict[str, Any] = {}
    if isinstance(shape, ListOf):
        traits["item_type"] = queries.type_name(service.shape(shape.member))
    if queries.is_document(shape):
        traits["document"] = True
    if queries.is_streaming_blob(shape, member):
        traits["streaming"] = True
    return traits
