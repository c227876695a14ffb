"""The command table, read from ``commands.json`` (which codegen writes, with a format
version), and the argparse options its entries become.

Each entry says what it is (a model member, a boolean's ``--no-`` twin, ec2's pulled-up
booleans, an argument the AWS CLI adds and handles in code, ``--cli-input-json``, a paging
option, ``--generate-cli-skeleton``, the streaming ``outfile``), so nothing is decided again
here: the options are made in the table's order, and a paging option carries the member
option of the same name it replaced (``shadows``), used instead when paging is off. A member
option's value becomes a parameter through the shorthand parser (``shorthand``), with the
type descriptor the entry carries.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import json
import pathlib
import sys
import typing

from .._about import PROG
from .values import PAGE_TYPES, PARSE_TYPES

# The ``format`` of commands.json this module reads (3: the ``wait`` subcommands, ``waiters``).
COMMANDS_FORMAT = 3

USAGE = (
    "%(prog)s [options] <command> [parameters]\n"
    "To see help text, you can run:\n"
    "\n"
    "  %(prog)s help\n"
    "  %(prog)s <command> help\n"
)

Entry = typing.Mapping[str, typing.Any]
Handler = typing.Callable[..., typing.Any]


class _NotSpecified:
    """The value of an option that was not on the command line, where None means something
    (a bare ``--flag`` of a pulled-up boolean)."""

    def __repr__(self) -> str:
        return "<not specified>"


NOT_SPECIFIED: typing.Any = _NotSpecified()


class Command(typing.NamedTuple):
    """One operation's command: its botocore method and its argument table."""

    name: str  # the operation's model name
    method: str  # botocore's client method
    arguments: tuple[Entry, ...]
    paging_tokens: tuple[str, ...] | None  # None: not paginated
    input_skeleton: typing.Any  # what ``--generate-cli-skeleton input`` prints
    deprecated: bool = False
    hooks: tuple[
        str, ...
    ] = ()  # the AWS CLI's code customizations of it (``custom.HOOKS``)
    waiter: str | None = None  # a ``wait`` subcommand: the waiter's model name


def _data() -> typing.Any:
    path = pathlib.Path(__file__).parents[1] / "commands.json"
    data = json.loads(path.read_text("utf-8"))
    if data.get("format") != COMMANDS_FORMAT:
        raise RuntimeError(
            f"{path}: format {data.get('format')!r}, not {COMMANDS_FORMAT}"
        )
    return data


class Table(typing.NamedTuple):
    commands: dict[str, Command]
    waiters: dict[str, Command]  # the ``wait`` subcommands, by name
    shapes: dict[str, typing.Any]  # type descriptors of complex shapes, by name
    endpoints: dict[
        str, str
    ]  # region -> the host the AWS CLI uses without --endpoint-url


@functools.cache
def loaded() -> Table:
    """The command table shipped beside the package (``commands.json``): plain data reads
    faster than it imports as code, and keeps this module the same for any service."""
    data = _data()
    return Table(
        {name: _command(entry) for name, entry in data["commands"].items()},
        {name: _command(entry) for name, entry in data.get("waiters", {}).items()},
        data["shapes"],
        data.get("endpoints", {}),
    )


def _command(entry: Entry) -> Command:
    return Command(
        name=entry["name"],
        method=entry["method"],
        arguments=tuple(entry["arguments"]),
        paging_tokens=(
            None if entry["paging_tokens"] is None else tuple(entry["paging_tokens"])
        ),
        input_skeleton=entry["input_skeleton"],
        deprecated=entry["deprecated"],
        hooks=tuple(entry.get("hooks", ())),
        waiter=entry.get("waiter"),
    )


def commands() -> dict[str, Command]:
    """The commands, by name (``loaded.cache_clear()`` reads the file again)."""
    return loaded().commands


def waiters() -> dict[str, Command]:
    """The ``wait`` subcommands, by name, in the AWS CLI's order (none: no ``wait``)."""
    return loaded().waiters


def shapes() -> dict[str, typing.Any]:
    """The type descriptors of the complex shapes the member options refer to by name."""
    return loaded().shapes


class Call:
    """One command's call as the options build it: the botocore event handlers that the AWS
    CLI's customizations register for it (``on``), and what they remember."""

    def __init__(self, command: Command, paginate: bool) -> None:
        self.command = command
        self.paginate = paginate
        self.state: dict[str, typing.Any] = {}
        self._handlers: list[tuple[str, Handler]] = []

    def on(self, event: str, handler: Handler) -> None:
        """``handler`` for botocore's ``<event>.<service id>.<operation>`` of this call."""
        self._handlers.append((event, handler))

    def attach(self, client: typing.Any) -> None:
        service_id = client.meta.service_model.service_id.hyphenize()
        for event, handler in self._handlers:
            client.meta.events.register(
                f"{event}.{service_id}.{self.command.name}", handler
            )


class Parser(argparse.ArgumentParser):
    """argparse, with the AWS CLI's message for a value outside an option's choices."""

    def __init__(self, **kwargs: typing.Any) -> None:
        super().__init__(
            prog=PROG,
            usage=USAGE,
            add_help=False,
            conflict_handler="resolve",
            formatter_class=argparse.RawTextHelpFormatter,
            **kwargs,
        )

    def _check_value(self, action: argparse.Action, value: typing.Any) -> None:
        choices = action.choices
        if choices is None or value in choices:
            return
        names = list(choices)
        lines = ["Invalid choice, valid choices are:\n"]
        for start in range(0, len(names), 2):
            lines.append(
                " | ".join("%-40s" % name for name in names[start : start + 2])
            )
        close = difflib.get_close_matches(value, names, cutoff=0.8)
        if close:
            lines.append("\n\nInvalid choice: %r, maybe you meant:\n" % value)
            lines.extend("  * %s" % name for name in close)
        raise argparse.ArgumentError(action, "\n".join(lines))


class Option:
    """One entry of an operation's argument table, as an argparse option."""

    required = False

    def __init__(self, entry: Entry) -> None:
        self.entry = entry
        self.name: str = entry["name"]
        # ``file://``, ``fileb://``, ``http(s)://`` values are loaded (not for the options
        # the AWS CLI lists as taking URLs as they are)
        self.paramfile: bool = entry.get("paramfile", True)

    @property
    def cli_name(self) -> str:
        return "--" + self.name

    @property
    def py_name(self) -> str:
        return str(self.entry.get("dest") or self.name.replace("-", "_"))

    def add_to_parser(self, parser: Parser) -> None:
        parser.add_argument(self.cli_name, dest=self.py_name)

    def add_to_params(
        self, params: dict[str, typing.Any], value: typing.Any, call: Call
    ) -> None:
        pass


def member_value(entry: Entry, value: typing.Any, cli_name: str) -> typing.Any:
    """A member option's command-line value as botocore's parameter: the AWS CLI's
    shorthand syntax, JSON, scalars and lists of them (``shorthand.shorthand_value``).
    """
    from .shorthand import shorthand_value

    descriptor = dict(entry["descriptor"], shapes=shapes())
    return shorthand_value(descriptor, value, cli_name)


class MemberOption(Option):
    """A request member: its value goes to botocore's parameters under its wire name."""

    def __init__(self, entry: Entry) -> None:
        super().__init__(entry)
        self.required = bool(entry["required"])

    @property
    def py_name(self) -> str:
        # a boolean's value is read from the destination it shares with its --no- twin
        return (
            str(self.entry["dest"])
            if self.entry["type"] == "boolean"
            else self.name.replace("-", "_")
        )

    def add_to_parser(self, parser: Parser) -> None:
        kind = self.entry["type"]
        if kind == "boolean":
            parser.add_argument(
                self.cli_name,
                action="store_true",
                default=None,
                dest=self.entry["dest"],
            )
        elif kind == "list":
            parser.add_argument(
                self.cli_name, nargs="*", required=self.required, dest=self.py_name
            )
        else:
            parser.add_argument(
                self.cli_name,
                type=PARSE_TYPES.get(kind, str),
                required=self.required,
                dest=self.py_name,
            )

    def add_to_params(
        self, params: dict[str, typing.Any], value: typing.Any, call: Call
    ) -> None:
        if value is None:
            return
        key = self.entry["serialized"]
        if self.entry["type"] == "boolean":
            params[key] = value
            return
        unpacked = member_value(self.entry, value, self.cli_name)
        dropped = self.entry.get("dropped")
        if not dropped:
            params[key] = unpacked
            return
        # lambda's --code/--content: ZipFile moved to --zip-file (awslambda.py)
        if isinstance(unpacked, dict) and any(name in unpacked for name in dropped):
            raise ValueError(
                "ZipFile cannot be provided as part of the %s argument.  Please use the "
                "'--zip-file' option instead to specify a zip file." % self.cli_name
            )
        if params.get(key):
            params[key].update(unpacked)
        else:
            params[key] = unpacked


class NegatedOption(Option):
    """``--no-<flag>`` of a boolean member: the same destination, set to False."""

    def add_to_parser(self, parser: Parser) -> None:
        parser.add_argument(
            self.cli_name, action="store_false", default=None, dest=self.entry["dest"]
        )


class PulledBooleanOption(Option):
    """ec2's ``--flag [value]`` for a structure holding only the boolean ``Value``: a bare
    ``--flag`` sends ``{"Value": true}`` (toplevelbool.py)."""

    def add_to_parser(self, parser: Parser) -> None:
        parser.add_argument(
            self.cli_name,
            action="store",
            default=NOT_SPECIFIED,
            nargs="?",
            dest=self.py_name,
        )

    def add_to_params(
        self, params: dict[str, typing.Any], value: typing.Any, call: Call
    ) -> None:
        if value is NOT_SPECIFIED:
            return
        if value is None:
            params[self.entry["serialized"]] = {"Value": True}
        else:
            params[self.entry["serialized"]] = member_value(
                self.entry, value, self.cli_name
            )


class PulledNegationOption(Option):
    """Its ``--no-flag``: sends ``{"Value": false}``."""

    def add_to_parser(self, parser: Parser) -> None:
        parser.add_argument(
            self.cli_name,
            action="store_true",
            default=NOT_SPECIFIED,
            dest=self.py_name,
        )

    def add_to_params(
        self, params: dict[str, typing.Any], value: typing.Any, call: Call
    ) -> None:
        if value is not NOT_SPECIFIED and value:
            params[self.entry["serialized"]] = {"Value": False}


class CustomOption(Option):
    """An argument the AWS CLI adds and handles in code; ``handler`` names the function of
    ``custom.ARGUMENTS`` that does what it does (the positional ``outfile`` included).
    """

    def __init__(self, entry: Entry) -> None:
        super().__init__(entry)
        self.required = bool(entry.get("required"))

    @property
    def positional(self) -> bool:
        return bool(self.entry["kind"] == "outfile")

    @property
    def cli_name(self) -> str:
        return self.name if self.positional else "--" + self.name

    def add_to_parser(self, parser: Parser) -> None:
        settings = dict(self.entry["parser"])
        if "type" in settings:
            settings["type"] = {"str": str, "int": int}[settings["type"]]
        if self.positional:
            parser.add_argument(self.name, **settings)
            return
        if self.required:
            settings["required"] = True
        parser.add_argument(self.cli_name, dest=self.py_name, **settings)

    def add_to_params(
        self, params: dict[str, typing.Any], value: typing.Any, call: Call
    ) -> None:
        from .custom import ARGUMENTS

        ARGUMENTS[self.entry["handler"]](call, params, value, self)


class CliInputJson(Option):
    pass


class GenerateCliSkeleton(Option):
    def add_to_parser(self, parser: Parser) -> None:
        parser.add_argument(
            self.cli_name,
            nargs="?",
            const="input",
            choices=["input", "output"],
            dest=self.py_name,
        )


class PageOption(Option):
    """``--starting-token``, ``--page-size``, ``--max-items``: botocore's PaginationConfig."""

    def add_to_parser(self, parser: Parser) -> None:
        parser.add_argument(
            self.cli_name, dest=self.py_name, type=PAGE_TYPES[self.entry["type"]]
        )

    def add_to_params(
        self, params: dict[str, typing.Any], value: typing.Any, call: Call
    ) -> None:
        if value is None:
            return
        key = self.entry["key"]
        if key == "MaxItems" and int(value) <= 0:
            sys.stderr.write(
                "warning: Non-positive values for --max-items may result in undefined behavior.\n"
            )
        params.setdefault("PaginationConfig", {})[key] = value


_OPTIONS: dict[str, type[Option]] = {
    "member": MemberOption,
    "negation": NegatedOption,
    "pulled-boolean": PulledBooleanOption,
    "pulled-negation": PulledNegationOption,
    "custom": CustomOption,
    "outfile": CustomOption,
    "cli-input-json": CliInputJson,
    "paging": PageOption,
    "generate-cli-skeleton": GenerateCliSkeleton,
}


def option(entry: Entry) -> Option:
    return _OPTIONS[entry["kind"]](entry)


def argument_table(command: Command) -> tuple[dict[str, Option], dict[str, Option]]:
    """The command's options in the AWS CLI's order, and the member options that a paging
    option of the same name shadows (used instead when paging is off)."""
    table: dict[str, Option] = {}
    shadowed: dict[str, Option] = {}
    for entry in command.arguments:
        table[entry["name"]] = option(entry)
        if "shadows" in entry:
            shadowed[entry["name"]] = option(entry["shadows"])
    return table, shadowed


def check_boolean_pairs(table: dict[str, Option], parsed: argparse.Namespace) -> None:
    """A pulled-up ``--flag`` and its ``--no-flag`` may not both be given
    (toplevelbool.py ``validate_boolean_mutex_groups``)."""
    for positive in table.values():
        if not isinstance(positive, PulledBooleanOption):
            continue
        negative = table.get("no-" + positive.name)
        if negative is None:
            continue
        given = vars(parsed)
        if (
            given.get(positive.py_name, NOT_SPECIFIED) is not NOT_SPECIFIED
            and given.get(negative.py_name, NOT_SPECIFIED) is not NOT_SPECIFIED
        ):
            raise ValueError(
                'Cannot specify both the "%s" option and the "%s" option.'
                % (positive.cli_name, negative.cli_name)
            )
