"""The AWS CLI argument table of each operation, built once from the IR.

The reference pages document it (which arguments, in what order, which are hidden) and the
generated command line parses with it: ``commands_data`` writes it to ``commands.json`` with a
format version, and the CLI's runtime (``codegen/templates/runtime/_cli/table.py``) turns each entry
into an argparse option without deciding anything again.

The table is the one ``awscli/clidriver.py`` builds (``ServiceOperation._create_argument_table``
and the ``building-argument-table`` handlers), in its order (``customizations`` says it in
full): one argument per request member named ``xform_name(member, '-')`` (a boolean also gets
its ``--no-`` twin), ``outfile`` for a streaming output, then the AWS CLI's customizations of
the command (``customizations.argument_changes``: renames, hidden aliases, removed, added and
undocumented arguments, ec2's pulled-up booleans ...), then ``--cli-input-json`` unless there
is an ``outfile``, then, for a paginated operation, ``--starting-token``, ``--page-size`` (with a
limit key) and ``--max-items`` (the paginator's own input token and limit key stay accepted but
are no longer documented; a paging option of the same name as a member replaces it where it
stands), then ``--generate-cli-skeleton`` (not with an ``outfile``). Options awscli never loads
``file://`` or ``http(s)://`` values for are marked (``paramfile``).

``commands.json`` also carries, per member option, the type descriptor the CLI's shorthand
parser reads (``_cli/shorthand.py`` describes it): complex shapes once, in a service-wide
``shapes`` table, referred to by name.
"""

from __future__ import annotations

from typing import Any, Iterable, Literal

import attrs

from codegen.ir import naming, queries
from codegen.ir.nodes import Enum, ListOf, MapOf, Member, Operation, Scalar, Service, Shape, Structure, Waiter
from codegen.render.awscli import customizations as aws
from codegen.render.awscli.prose import OLD_LIST_CASES

# 3: ``waiters``, the ``wait`` subcommands, beside ``commands``.
COMMANDS_FORMAT = 3

Kind = Literal[
    "member",  # a request member
    "negation",  # ``--no-<flag>`` of a boolean member
    "pulled-boolean",  # ec2: ``--flag [value]`` of a one-boolean structure (PullUpBooleans)
    "pulled-negation",  # ec2: its ``--no-flag``
    "outfile",  # the positional file a streamed output is written to
    "custom",  # an argument the AWS CLI adds whose value its code handles (``handler``)
    "cli-input-json",
    "paging",
    "generate-cli-skeleton",
]

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
    required: bool = False  # argparse enforces it
    documented: bool = True
    document_as_required: bool = False  # shown as required although argparse does not enforce it
    group: str | None = None  # ``--flag`` and ``--no-flag`` share one
    member: Member | None = None  # the request member behind a member, negation or pulled entry
    pagination_key: str | None = None  # PaginationConfig key of a paging option
    shadows: CommandArgument | None = None  # the member entry a paging option replaced
    added: aws.AddedArgument | None = None  # what the AWS CLI added (custom and outfile entries)
    dropped_members: tuple[str, ...] = ()  # members of the structure this option no longer takes
    paramfile: bool = True  # False: ``file://`` and ``http(s)://`` values are taken as they are

    @property
    def cli_name(self) -> str:
        return self.name if self.positional else f"--{self.name}"

    @property
    def positional(self) -> bool:
        return self.added is not None and self.added.positional

    @property
    def shown_required(self) -> bool:
        """Whether the reference page shows it as required."""
        return self.required or self.document_as_required


@attrs.frozen
class CommandTable:
    operation: Operation
    service_command: str  # the AWS CLI's name of the service (``s3api``)
    arguments: tuple[CommandArgument, ...]
    paging_tokens: tuple[str, ...]  # options (input tokens, limit key) that turn paging off
    input_skeleton: Any  # what ``--generate-cli-skeleton input`` prints
    hooks: tuple[str, ...] = ()  # the runtime's reproductions of awscli code for this command
    payload: str | None = None  # the output member ``outfile`` receives

    waiter: Waiter | None = None  # the ``wait`` subcommand this table is of (None: the operation's)

    @property
    def command(self) -> str:
        """The command's name: the operation's, or the waiter's under ``wait``."""
        return self.waiter.cli_name if self.waiter is not None else self.operation.cli_name


def command_table(service: Service, operation: Operation, waiter: Waiter | None = None) -> CommandTable:
    """The argument table of ``aws <service> <operation>``, or, with ``waiter``, of ``aws
    <service> wait <waiter>``: awscli builds that from the waiter's operation under the event
    ``building-argument-table.wait.<waiter>``, so only the generic rules apply to it."""
    service_command = aws.service_command(service.service_name)
    if waiter is None:
        changes = aws.argument_changes(service_command, operation.cli_name, service.endpoint_prefix)
        hooks = aws.runtime_hooks(service_command, operation.cli_name)
    else:
        changes = aws.argument_changes(aws.WAIT_COMMAND.name, waiter.cli_name, service.endpoint_prefix)
        hooks = aws.waiter_runtime_hooks(service_command)
    table = _model_arguments(service, operation)
    payload = None
    if queries.has_streaming_output(service, operation):
        table[aws.OUTFILE_KEY] = _added(aws.STREAMING_OUTFILE)
    for edit in changes.edits:
        _apply(service, table, edit)
    if aws.OUTFILE_KEY in table and table[aws.OUTFILE_KEY].kind == "outfile":
        output_payload = queries.payload_member(service, queries.structure_of(service, operation.output))
        payload = output_payload.wire_name if output_payload is not None else None
    if aws.OUTFILE_KEY not in table:
        table[aws.CLI_INPUT_JSON.name] = _added(aws.CLI_INPUT_JSON, "cli-input-json")
    tokens = _paging_arguments(service, operation, table)
    if aws.OUTFILE_KEY not in table:
        table[aws.GENERATE_CLI_SKELETON.name] = _added(aws.GENERATE_CLI_SKELETON, "generate-cli-skeleton")
    arguments = tuple(
        attrs.evolve(argument, paramfile=False) if argument.name in changes.no_url_fetch else argument
        for argument in table.values()
    )
    return CommandTable(
        operation,
        service_command,
        arguments,
        tokens,
        input_skeleton(service, operation.input),
        hooks,
        payload,
        waiter,
    )


def cli_commands(service: Service) -> tuple[CommandTable, ...]:
    """The command table of every operation the AWS CLI has a model command for, in its
    order (``customizations.command_changes``): not the commands it removes, nor those it
    replaces by hand-written ones with arguments of their own (``logs start-live-tail``)."""
    changes = aws.command_changes(aws.service_command(service.service_name))
    left_out = {*changes.removed, *(c.name for c in changes.replaced if not c.model_arguments)}
    return tuple(command_table(service, op) for op in service.operations if op.cli_name not in left_out)


def cli_waiters(service: Service) -> tuple[CommandTable, ...]:
    """The argument table of each ``aws <service> wait <waiter>``, in awscli's order (the
    waiters' names sorted, botocore's ``WaiterModel.waiter_names``)."""
    operations = {op.name: op for op in service.operations}
    return tuple(
        command_table(service, operations[waiter.operation], waiter)
        for waiter in sorted(service.waiters, key=lambda w: w.name)
    )


def _model_arguments(service: Service, operation: Operation) -> dict[str, CommandArgument]:
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
    return table


def _apply(service: Service, table: dict[str, CommandArgument], edit: aws.Edit) -> None:
    """One of awscli's edits (``customizations.Edit``), as awscli applies it."""
    match edit:
        case aws.Rename(old=old, new=new):
            if old in table:
                table[new] = attrs.evolve(table.pop(old), name=new)
        case aws.HiddenAlias(existing=existing, alias=alias):
            if existing in table:
                current = table[existing]
                table[alias] = attrs.evolve(current, name=alias, documented=False, required=False)
                if current.required:
                    table[existing] = attrs.evolve(current, required=False, document_as_required=True)
        case aws.Undocument(name=name):
            table[name] = attrs.evolve(table[name], documented=False)
        case aws.Remove(name=name):
            del table[name]
        case aws.MakeOptional(name=name):
            table[name] = attrs.evolve(table[name], required=False)
        case aws.SetDocumentation(name=name, documentation=documentation):
            if name in table:
                table[name] = attrs.evolve(table[name], documentation=documentation)
        case aws.Add(argument=argument):
            table[argument.name] = _added(argument)
        case aws.DropMember(name=name, member=member):
            current = table[name]
            table[name] = attrs.evolve(current, required=False, dropped_members=(*current.dropped_members, member))
        case aws.PullUpBooleans(member=value_member):
            for argument in list(table.values()):
                if argument.kind == "member" and _one_boolean(service, argument.member, value_member):
                    table[argument.name] = attrs.evolve(
                        argument, kind="pulled-boolean", required=False, group=argument.name
                    )
                    negative = f"no-{argument.name}"
                    table[negative] = attrs.evolve(
                        argument, name=negative, kind="pulled-negation", required=False, group=argument.name
                    )
        case _:  # pragma: no cover
            raise AssertionError(edit)


def _one_boolean(service: Service, member: Member | None, name: str) -> bool:
    """A structure whose one member is the boolean ``name`` (``{"Value": true}``)."""
    shape = queries.target(service, member) if member is not None else None
    if not isinstance(shape, Structure) or shape.document or len(shape.members) != 1:
        return False
    only = shape.members[0]
    return only.wire_name == name and queries.type_name(queries.target(service, only)) == "boolean"


def _paging_arguments(service: Service, operation: Operation, table: dict[str, CommandArgument]) -> tuple[str, ...]:
    """``unify_paging_params``: the paging options, and the options that turn paging off."""
    paginator = operation.paginator
    if paginator is None:
        return ()
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
    return tuple(tokens)


def _added(argument: aws.AddedArgument, kind: Kind | None = None) -> CommandArgument:
    if kind is None:
        kind = "outfile" if argument.positional and argument.name == aws.OUTFILE_KEY else "custom"
    return CommandArgument(
        name=argument.name,
        kind=kind,
        type_name=argument.type_name,
        documentation=argument.documentation,
        required=argument.required,
        document_as_required=argument.document_as_required,
        group=argument.group,
        added=argument,
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


# --- type descriptors (what the CLI's shorthand parser reads) --------------------------------


class _Descriptors:
    """Type descriptors of member options; the complex shapes they reach, by name."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.shapes: dict[str, dict[str, Any]] = {}

    def of_member(self, member: Member, dropped: tuple[str, ...] = ()) -> dict[str, Any]:
        shape = queries.target(self.service, member)
        if dropped and isinstance(shape, Structure):
            return self._structure(shape, dropped)
        return self._value(shape, member)

    def _value(self, shape: Shape, member: Member | None) -> dict[str, Any]:
        if isinstance(shape, (Scalar, Enum)):
            return self._scalar(shape, member)
        if isinstance(shape, Structure) and shape.document:
            return {"type": "document"}
        self._define(shape)
        return {"ref": shape.shape_name}

    def _scalar(self, shape: Scalar | Enum, member: Member | None) -> dict[str, Any]:
        kind = queries.type_name(shape)
        out: dict[str, Any] = {"type": kind}
        if queries.is_streaming_blob(shape, member):
            out["streaming"] = True
        if kind == "string" and member is not None and member.json_value and member.location == "header":
            out["jsonvalue"] = True
        return out

    def _define(self, shape: Shape) -> None:
        name = shape.shape_name
        if name in self.shapes:
            return
        self.shapes[name] = {}  # (a shape that contains itself refers to this entry)
        match shape:
            case Structure():
                body = self._structure(shape, ())
            case ListOf(member=item):
                body = {"type": "list", "member": self._value(self.service.shape(item), None)}
            case MapOf(key=key, value=value):
                body = {
                    "type": "map",
                    "key": self._value(self.service.shape(key), None),
                    "value": self._value(self.service.shape(value), None),
                }
            case _:  # pragma: no cover
                raise AssertionError(shape)
        self.shapes[name] = body

    def _structure(self, shape: Structure, dropped: tuple[str, ...]) -> dict[str, Any]:
        members = {
            m.wire_name: self._value(queries.target(self.service, m), m)
            for m in shape.members
            if m.wire_name not in dropped
        }
        return {"type": "structure", "members": members}


# --- commands.json ---------------------------------------------------------------------------


def commands_data(
    service: Service, tables: Iterable[CommandTable], waiters: Iterable[CommandTable] = ()
) -> dict[str, Any]:
    """``<package>/commands.json``: the command table the generated CLI parses with; the
    ``wait`` subcommands under ``waiters``, each its operation's entry plus the waiter's model
    name (the runtime asks ``client.get_waiter`` for ``xform_name`` of it, as awscli's
    ``WaiterCaller`` does)."""
    descriptors = _Descriptors(service)
    commands = {table.command: _command_data(service, table, descriptors) for table in tables}
    data: dict[str, Any] = {"format": COMMANDS_FORMAT, "commands": commands}
    wait: dict[str, Any] = {}
    for table in waiters:
        assert table.waiter is not None
        entry = _command_data(service, table, descriptors)
        entry["waiter"] = table.waiter.name
        wait[table.command] = entry
    if wait:
        data["waiters"] = wait
    data["shapes"] = descriptors.shapes
    legacy = aws.LEGACY_ENDPOINTS.get(aws.service_command(service.service_name))
    if legacy:
        data["endpoints"] = dict(legacy)  # where awscli sends requests without --endpoint-url
    return data


def _command_data(service: Service, table: CommandTable, descriptors: _Descriptors) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": table.operation.name,
        "method": naming.botocore_method_name(table.operation.name),
        "arguments": [_argument_data(service, table, argument, descriptors) for argument in table.arguments],
        "paging_tokens": list(table.paging_tokens) if table.operation.paginator else None,
        "input_skeleton": table.input_skeleton,
        "deprecated": table.operation.deprecated,
    }
    if table.hooks:
        entry["hooks"] = list(table.hooks)
    return entry


def _argument_data(
    service: Service, table: CommandTable, argument: CommandArgument, descriptors: _Descriptors
) -> dict[str, Any]:
    """What the CLI's runtime needs of an entry: its option, and where its value goes."""
    data: dict[str, Any] = {"name": argument.name, "kind": argument.kind}
    member = argument.member
    # argparse's destination: a boolean's pair shares its member's (``store_true`` and
    # ``store_false``), every other option has its own name's.
    if argument.kind in ("negation", "member") and argument.type_name == "boolean" and member is not None:
        data["dest"] = member.cli_name.replace("-", "_")
    else:
        data["dest"] = argument.name.replace("-", "_")
    if member is not None:
        data["serialized"] = member.wire_name
    if not argument.paramfile:
        data["paramfile"] = False
    if argument.kind == "member":
        assert member is not None
        data["type"] = argument.type_name
        data["required"] = argument.required
        data["documented"] = argument.documented
        data["descriptor"] = descriptors.of_member(member, argument.dropped_members)
        if argument.dropped_members:
            data["dropped"] = list(argument.dropped_members)
        if _legacy_list(service, table, argument):
            data["descriptor"]["legacy_list"] = True
    elif argument.kind == "pulled-boolean":
        assert member is not None
        data["descriptor"] = descriptors.of_member(member)
    elif argument.kind in ("custom", "outfile"):
        added = argument.added
        assert added is not None
        data["handler"] = added.handler
        data["required"] = argument.required
        parser = {
            "action": added.action,
            "nargs": added.nargs,
            "type": added.value_type,
            "choices": list(added.choices) or None,
            "const": added.const,
        }
        data["parser"] = {key: value for key, value in parser.items() if value is not None}
        if argument.kind == "outfile":
            data["payload"] = table.payload
    elif argument.kind == "paging":
        data["type"] = argument.type_name
        data["key"] = argument.pagination_key
        if argument.shadows is not None:
            data["shadows"] = _argument_data(service, table, argument.shadows, descriptors)
    return data


def _legacy_list(service: Service, table: CommandTable, argument: CommandArgument) -> bool:
    """One of the options awscli still takes its old list shorthand for (``--opt a b``)."""
    service_id = service.service_id.lower().replace(" ", "-")
    return (service_id, table.command, argument.name) in OLD_LIST_CASES
