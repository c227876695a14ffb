"""The command table, read from ``commands.json`` (which codegen writes, with a format
version), and the argparse options its entries become.

Each entry says what it is (a model member, a boolean's ``--no-`` twin, ``--cli-input-json``,
a paging option, ``--generate-cli-skeleton``, the streaming ``outfile``), so nothing is
decided again here: the options are made in the table's order, and a paging option carries the
member option of the same name it replaced (``shadows``), used instead when paging is off.

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
from .values import PAGE_TYPES, PARSE_TYPES, unpack

# The ``format`` of commands.json this module reads.
COMMANDS_FORMAT = 1

USAGE = (
    "%(prog)s [options] <command> [parameters]\n"
    "To see help text, you can run:\n"
    "\n"
    "  %(prog)s help\n"
    "  %(prog)s <command> help\n"
)

Entry = typing.Mapping[str, typing.Any]


class Command(typing.NamedTuple):
    """One operation's command: its botocore method and its argument table."""

    name: str  # the operation's model name
    method: str  # botocore's client method
    arguments: tuple[Entry, ...]
    paging_tokens: tuple[str, ...] | None  # None: not paginated
    input_skeleton: typing.Any  # what ``--generate-cli-skeleton input`` prints
    deprecated: bool = False


@functools.cache
def commands() -> dict[str, Command]:
    """The command table shipped beside the package (``commands.json``): plain data reads
    faster than it imports as code, and keeps this module the same for any service."""
    path = pathlib.Path(__file__).parents[1] / "commands.json"
    data = json.loads(path.read_text("utf-8"))
    if data.get("format") != COMMANDS_FORMAT:
        raise RuntimeError(
            f"{path}: format {data.get('format')!r}, not {COMMANDS_FORMAT}"
        )
    return {
        command: Command(
            name=entry["name"],
            method=entry["method"],
            arguments=tuple(entry["arguments"]),
            paging_tokens=(
                None
                if entry["paging_tokens"] is None
                else tuple(entry["paging_tokens"])
            ),
            input_skeleton=entry["input_skeleton"],
            deprecated=entry["deprecated"],
        )
        for command, entry in data["commands"].items()
    }


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

    paramfile = True  # ``file://``, ``fileb://``, ``http(s)://`` values are loaded
    required = False

    def __init__(self, entry: Entry) -> None:
        self.entry = entry
        self.name: str = entry["name"]

    @property
    def cli_name(self) -> str:
        return "--" + self.name

    @property
    def py_name(self) -> str:
        return self.name.replace("-", "_")

    def add_to_parser(self, parser: Parser) -> None:
        parser.add_argument(self.cli_name)

    def add_to_params(self, params: dict[str, typing.Any], value: typing.Any) -> None:
        pass


class MemberOption(Option):
    """A request member: its value goes to botocore's parameters under its wire name."""

    def __init__(self, entry: Entry) -> None:
        super().__init__(entry)
        self.required = bool(entry["required"])

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
            parser.add_argument(self.cli_name, nargs="*", required=self.required)
        else:
            parser.add_argument(
                self.cli_name, type=PARSE_TYPES.get(kind, str), required=self.required
            )

    def add_to_params(self, params: dict[str, typing.Any], value: typing.Any) -> None:
        if value is None:
            return
        if self.entry["type"] == "boolean":
            params[self.entry["serialized"]] = value
        else:
            params[self.entry["serialized"]] = unpack(self.entry, value, self.cli_name)


class NegatedOption(Option):
    """``--no-<flag>`` of a boolean member: the same destination, set to False."""

    def add_to_parser(self, parser: Parser) -> None:
        parser.add_argument(
            self.cli_name, action="store_false", default=None, dest=self.entry["dest"]
        )


class CliInputJson(Option):
    pass


class GenerateCliSkeleton(Option):
    def add_to_parser(self, parser: Parser) -> None:
        parser.add_argument(
            self.cli_name, nargs="?", const="input", choices=["input", "output"]
        )


class PageOption(Option):
    """``--starting-token``, ``--page-size``, ``--max-items``: botocore's PaginationConfig."""

    def add_to_parser(self, parser: Parser) -> None:
        parser.add_argument(
            self.cli_name, dest=self.py_name, type=PAGE_TYPES[self.entry["type"]]
        )

    def add_to_params(self, params: dict[str, typing.Any], value: typing.Any) -> None:
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
