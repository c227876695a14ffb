"""The command line's entry points and dispatch: global options, the command's options from
its table, the call (paginated or not, or a skeleton), the output, the errors; ``wait
<waiter>`` (the AWS CLI's ``wait`` commands) takes its operation's options and runs botocore's
waiter.

``<distribution> <command> [options]`` (or ``python -m <package>``) takes what
``aws <service> <command>`` takes and prints the same bytes with the same exit status; it
imports only what the call needs and loads only this package's slice of the model.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import typing

from .._about import PROG, VERSION
from .display import display, flush
from .errors import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    ParamError,
    ResourceLoadingError,
    UnknownArgumentError,
)
from .session import PACKAGE, Invocation
from .table import (
    USAGE,
    Call,
    Command,
    Option,
    Parser,
    argument_table,
    check_boolean_pairs,
    commands,
    waiters,
)
from .values import check_starting_token, check_utf8, merge_input_json, paramfile

__all__ = ["main", "run", "commands", "waiters"]


class _Version(argparse.Action):
    def __init__(
        self, option_strings: list[str], dest: str, **kwargs: typing.Any
    ) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: typing.Any) -> None:
        import platform

        import botocore

        sys.stdout.write(
            f"{PROG}/{VERSION} Python/{platform.python_version()} "
            f"{platform.system()}/{platform.release()} botocore/{botocore.__version__}\n"
        )
        parser.exit()


def _global_parser() -> Parser:
    parser = Parser()
    parser.add_argument("--debug", action="store_true")
    parser.add_argument("--endpoint-url")
    parser.add_argument("--no-verify-ssl", action="store_false", dest="verify_ssl")
    parser.add_argument("--no-paginate", action="store_false", dest="paginate")
    parser.add_argument("--output", choices=["json", "text", "table"])
    parser.add_argument("--query")
    parser.add_argument("--profile")
    parser.add_argument("--region")
    parser.add_argument("--color", choices=["on", "off", "auto"], default="auto")
    parser.add_argument("--no-sign-request", action="store_false", dest="sign_request")
    parser.add_argument("--ca-bundle", dest="ca_bundle")
    parser.add_argument("--cli-read-timeout", dest="read_timeout")
    parser.add_argument("--cli-connect-timeout", dest="connect_timeout")
    parser.add_argument("--v2-debug", action="store_true", dest="v2_debug")
    parser.add_argument("--version", action=_Version)
    parser.add_argument("command", choices=[*_command_names(), "help"])
    return parser


WAIT = "wait"


def _command_names() -> list[str]:
    """The commands in the AWS CLI's order: the operations', then ``wait`` when the service
    has waiters (``add_waiters`` sets it last)."""
    return list(dict.fromkeys([*commands(), *([WAIT] if waiters() else [])]))


# --- the command -------------------------------------------------------------------------


def run_command(
    invocation: Invocation,
    name: str,
    args: list[str],
    cleanup: contextlib.ExitStack,
    command: Command | None = None,
) -> int:
    """``name`` with ``args``: an operation's command, or (``command`` given) ``wait
    <waiter>``, which parses as its operation's command does and then waits."""
    if command is None:
        command = commands()[name]
    table, shadowed = argument_table(command)
    if "--cli-input-json" in args or _skeleton_waives_required(args):
        for option in table.values():
            option.required = False
    parser = Parser()
    for option in table.values():
        option.add_to_parser(parser)
    parser.add_argument("help", nargs="?")
    if args == ["help"]:
        return show_help(name)
    parsed, remaining = parser.parse_known_args(args)
    if parsed.help == "help":
        return show_help(name)
    if parsed.help:
        remaining.append(parsed.help)
    if remaining:
        raise UnknownArgumentError("Unknown options: %s" % ", ".join(remaining))

    # operation-args-parsed
    paginate = bool(invocation.globals.paginate)
    if command.paging_tokens is not None:
        for token in command.paging_tokens:
            dest = token.replace("-", "_")
            # (the AWS CLI exempts these two names, as the paging options' own)
            if getattr(parsed, dest, None) is not None and dest not in (
                "start_token",
                "max_items",
            ):
                paginate = False
        if not paginate:
            _check_no_paging_options(parsed, shadowed)
            table.update(shadowed)
    call = Call(
        command,
        paginate and command.paging_tokens is not None and command.waiter is None,
    )
    hooks = _hooks(call)
    check_boolean_pairs(table, parsed)
    for hook in hooks:
        hook.parsed(call, parsed)
    params = _call_parameters(invocation, parsed, table, call, hooks)

    # calling-command
    input_json = getattr(parsed, "cli_input_json", None)
    if input_json is not None:
        merge_input_json(params, input_json)
    for hook in hooks:
        hook.prepare(call)
    skeleton = getattr(parsed, "generate_cli_skeleton", None)
    if skeleton == "output":
        response = invocation.stubbed_call(
            command.name, command.method, params, call.attach
        )
        return display(invocation, command.name, response, False, cleanup)
    if skeleton:
        import json

        from .output import json_encoder

        sys.stdout.write(
            json.dumps(command.input_skeleton, indent=4, default=json_encoder)
        )
        sys.stdout.write("\n")
        return 0
    for hook in hooks:
        hook.calling(call, params)

    client = invocation.client()
    call.attach(client)
    if command.waiter is not None:
        return _wait(client, command.waiter, params)
    if call.paginate:
        config = params.get("PaginationConfig")
        if isinstance(config, dict):
            check_starting_token(config.get("StartingToken"))
        from .._runtime.paging import cycle_safe

        pages = cycle_safe(client.get_paginator(command.method)).paginate(**params)
        return display(invocation, command.name, pages, True, cleanup)
    response = getattr(client, command.method)(**params)
    return display(invocation, command.name, response, False, cleanup)


def _wait(client: typing.Any, waiter: str, params: dict[str, typing.Any]) -> int:
    """awscli's ``WaiterCaller``: botocore's waiter, asked for by ``xform_name`` of the
    waiter's name, with the parameters as they are (a ``PaginationConfig`` from the paging
    options included: botocore refuses it, as it does for the AWS CLI). Nothing is printed; a
    ``WaiterError`` is reported as any error is (exit status 255)."""
    from botocore import xform_name

    client.get_waiter(xform_name(waiter)).wait(**params)
    return 0


def run_wait(
    invocation: Invocation, args: list[str], cleanup: contextlib.ExitStack
) -> int:
    """``wait [<waiter> [options]]``, as awscli's ``WaitCommand`` (a ``BasicCommand``) parses
    it: ``help`` alone is its page; the waiter is a positional choice (another name is
    argparse's invalid choice, exit status 2); without one, the AWS CLI's error."""
    if args == ["help"]:
        return show_help(WAIT)
    parser = Parser()
    parser.add_argument("subcommand", choices=list(waiters()), nargs="?")
    parsed, remaining = parser.parse_known_args(args)
    if parsed.subcommand is None:
        if remaining:
            raise ValueError("Unknown options: %s" % ",".join(remaining))
        raise ValueError(
            f"usage: {PROG} [options] <command> <subcommand> [parameters]\n"
            f"{PROG}: error: too few arguments"
        )
    name = parsed.subcommand
    return run_command(
        invocation, f"{WAIT} {name}", remaining, cleanup, waiters()[name]
    )


def _hooks(call: Call) -> list[typing.Any]:
    if not call.command.hooks:
        return []
    from .custom import hooks

    return hooks(call)


def _call_parameters(
    invocation: Invocation,
    parsed: argparse.Namespace,
    table: dict[str, Option],
    call: Call,
    hooks: list[typing.Any],
) -> dict[str, typing.Any]:
    params: dict[str, typing.Any] = {}
    values = vars(parsed)
    for option in table.values():
        if option.py_name not in values:
            continue
        value = values[option.py_name]
        if option.paramfile:
            try:
                loaded = paramfile(value, invocation.follow_urls)
            except ResourceLoadingError as error:
                raise ParamError(option.cli_name, str(error)) from None
            if loaded is not None:
                value = loaded
        for hook in hooks:
            hook.value(call, option, value)
        option.add_to_params(params, value, call)
    return params


def _skeleton_waives_required(args: list[str]) -> bool:
    """``--generate-cli-skeleton`` (without ``output`` next) makes every option optional."""
    if "--generate-cli-skeleton" not in args:
        return False
    position = args.index("--generate-cli-skeleton")
    return position + 1 >= len(args) or args[position + 1] != "output"


def _check_no_paging_options(
    parsed: argparse.Namespace, shadowed: dict[str, Option]
) -> None:
    from botocore.exceptions import PaginationError

    used = [
        name
        for name in ("starting_token", "page_size", "max_items")
        if name.replace("_", "-") not in shadowed and getattr(parsed, name, None)
    ]
    if used:
        names = ", ".join("--" + name.replace("_", "-") for name in used)
        raise PaginationError(
            message=f"Cannot specify --no-paginate along with pagination arguments: {names}"
        )


# --- help --------------------------------------------------------------------------------


def show_help(command: str | None = None) -> int:
    """The reference page of ``command`` (the commands, without one; ``wait`` and ``wait
    <waiter>`` too) and the differences from the AWS CLI."""
    from .. import _help

    page = _help.page(command) if command else _help.overview(PROG, _command_names())
    sys.stdout.write(
        page.rstrip("\n") + "\n\n" + _help.DIFFERENCES.replace("{prog}", PROG)
    )
    flush(sys.stdout)
    return 0


def _help_requested(args: list[str]) -> str | None | bool:
    """``--help`` anywhere: the command it asks about (None for the overview); False if absent."""
    if "--help" not in args:
        return False
    for position, arg in enumerate(args):
        if arg == WAIT and waiters():
            after = [a for a in args[position + 1 :] if a in waiters()]
            return f"{WAIT} {after[0]}" if after else WAIT
        if arg in commands():
            return arg
    return None


# --- entry points ------------------------------------------------------------------------


def run(args: list[str]) -> int:
    """Run the command line ``args`` (without the program name) in this process; the exit
    status (argparse's usage errors included). Nothing it changes outlives the call."""
    try:
        return _run_command_line(args)
    except SystemExit as exit_:  # argparse: usage errors (2), --version (0)
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_USAGE)


def _run_command_line(args: list[str]) -> int:
    try:
        check_utf8(args)
    except ParamError as error:
        return _report(error)
    requested = _help_requested(args)
    if requested is not False:
        return show_help(typing.cast("str | None", requested))
    parsed, remaining = _global_parser().parse_known_args(args)
    with Invocation(parsed) as invocation, contextlib.ExitStack() as cleanup:
        try:
            invocation.handle_globals()
            if parsed.command == "help":
                return show_help(None)
            _legacy_endpoint(invocation)
            if parsed.command == WAIT and waiters():
                return run_wait(invocation, remaining, cleanup)
            return run_command(invocation, parsed.command, remaining, cleanup)
        except UnknownArgumentError as error:
            sys.stderr.write("usage: %s\n" % (USAGE % {"prog": PROG}))
            sys.stderr.write(str(error))
            sys.stderr.write("\n")
            return EXIT_ERROR
        except KeyboardInterrupt:
            sys.stdout.write("\n")
            return EXIT_INTERRUPTED
        except Exception as error:
            return _report(error)


def _legacy_endpoint(invocation: Invocation) -> None:
    """Without --endpoint-url, the host the AWS CLI uses for the region, where it keeps an
    older one than botocore's (SQS: queue.amazonaws.com; overridesslcommonname.py)."""
    from .table import loaded

    endpoints = loaded().endpoints
    if not endpoints or invocation.globals.endpoint_url is not None:
        return
    region = invocation.botocore_session().get_config_variable("region")
    host = endpoints.get(region) if isinstance(region, str) else None
    if host is not None:
        invocation.globals.endpoint_url = f"https://{host}"


def _report(error: Exception) -> int:
    from botocore.exceptions import NoCredentialsError, NoRegionError

    if isinstance(error, NoRegionError):
        sys.stderr.write(
            f'{error} You can also configure your region by running "aws configure".\n'
        )
    elif isinstance(error, NoCredentialsError):
        sys.stderr.write(
            f'{error}. You can configure credentials by running "aws configure".\n'
        )
    else:
        logging.getLogger(PACKAGE).debug("Exception caught in main()", exc_info=True)
        sys.stderr.write("\n")
        sys.stderr.write(str(error))
        sys.stderr.write("\n")
    return EXIT_ERROR


def main() -> typing.NoReturn:
    """The console script and ``python -m <package>``: run the command line,
    then end the process.

    The process ends without tearing the interpreter down: unloading botocore and collecting
    what it built takes a good part of a call (~15%). Output is flushed first; if that fails
    (stdout closed early), Python's usual exit reports it.
    """
    code = run(sys.argv[1:])
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        sys.exit(code)
    os._exit(code)
