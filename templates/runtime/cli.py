"""This package's command line, compatible with the AWS CLI v1.

``<distribution> <command> [options]`` (or ``python -m <package>``) takes what
``aws <service> <command>`` takes: the same options, ``--cli-input-json``,
``--generate-cli-skeleton``, paging options, ``file://`` values, global options, environment
variables and config files; and it prints the same bytes and exits with the same status. It
gets there sooner: it imports only what the call needs and loads only this package's slice of
the model. ``<distribution> help`` lists the differences. The service's own names and its
command table come from ``_about.py`` and ``commands.json``, which codegen generates.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys
import typing

from ._about import PROG, SERVICE_NAME, VERSION

if typing.TYPE_CHECKING:
    import botocore.client
    import botocore.session

__all__ = ["main", "run", "operations"]

PACKAGE = __name__.rpartition(".")[0]


class Argument(typing.NamedTuple):
    """An option made from a request member."""

    name: str  # the option without ``--``: ``xform_name(member, '-')``
    dest: str
    serialized: str  # the member's name in botocore's parameters
    kind: str  # botocore's type name of the member
    member_kind: str | None = None  # the items' type name, for a list
    required: bool = False
    hidden: bool = False  # a paginator's own token or limit: accepted, not documented
    json: bool = False  # a document: the value is JSON
    streaming: bool = False  # a streaming blob: the value is a file name


class Paging(typing.NamedTuple):
    input_tokens: tuple[str, ...]  # options that turn automatic pagination off
    limit_kind: str | None  # the limit key's type (``--page-size``), None without one


class Operation(typing.NamedTuple):
    name: str
    method: str  # botocore's client method
    arguments: tuple[Argument, ...]
    paging: Paging | None
    # ``--generate-cli-skeleton input`` (each enum's first value)
    input_skeleton: typing.Any
    deprecated: bool = False


@functools.cache
def operations() -> dict[str, Operation]:
    """The command table, shipped beside this module as data (``commands.json``): plain data
    reads faster than it imports as code, and keeps this module the same size for any service.
    """
    import json
    import pathlib

    raw = json.loads(
        (pathlib.Path(__file__).parent / "commands.json").read_text("utf-8")
    )
    return {
        command: Operation(
            name=op["name"],
            method=op["method"],
            arguments=tuple(Argument(**argument) for argument in op["arguments"]),
            paging=(
                None
                if op["paging"] is None
                else Paging(
                    tuple(op["paging"]["input_tokens"]), op["paging"]["limit_kind"]
                )
            ),
            input_skeleton=op["input_skeleton"],
            deprecated=op["deprecated"],
        )
        for command, op in raw.items()
    }


# --- errors ------------------------------------------------------------------------------

EXIT_ERROR = 255  # every runtime error, as the AWS CLI v1 (it has no 254)
EXIT_USAGE = 2  # argparse's errors
EXIT_INTERRUPTED = 130

USAGE = (
    "%(prog)s [options] <command> [parameters]\n"
    "To see help text, you can run:\n"
    "\n"
    "  %(prog)s help\n"
    "  %(prog)s <command> help\n"
)


class UnknownArgumentError(Exception):
    pass


class ParamError(Exception):
    def __init__(self, cli_name: str, message: str) -> None:
        super().__init__(f"Error parsing parameter '{cli_name}': {message}")


class ResourceLoadingError(Exception):
    pass


class StartingTokenError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
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
        import difflib

        close = difflib.get_close_matches(value, names, cutoff=0.8)
        if close:
            lines.append("\n\nInvalid choice: %r, maybe you meant:\n" % value)
            lines.extend("  * %s" % name for name in close)
        raise argparse.ArgumentError(action, "\n".join(lines))


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


def _global_parser() -> _Parser:
    parser = _Parser()
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
    parser.add_argument("command", choices=[*operations(), "help"])
    return parser


# --- the options of an operation ---------------------------------------------------------

SCALAR_KINDS = frozenset(
    ("string", "float", "integer", "long", "boolean", "double", "blob", "timestamp")
)
# argparse ``type`` per botocore type (the AWS CLI's: integers stay text until unpacked).
PARSE_TYPES: dict[str, typing.Callable[[str], typing.Any]] = {
    "float": float,
    "double": float,
    "long": int,
}
PAGE_TYPES: dict[str, typing.Callable[[str], typing.Any]] = {
    "string": str,
    "integer": int,
    "long": int,
}


class _Option:
    """One entry of an operation's argument table."""

    name: str
    paramfile = True  # ``file://``, ``fileb://``, ``http(s)://`` values are loaded

    @property
    def cli_name(self) -> str:
        return "--" + self.name

    @property
    def py_name(self) -> str:
        return self.name.replace("-", "_")

    required = False

    def add_to_parser(self, parser: _Parser) -> None:
        parser.add_argument(self.cli_name)

    def add_to_params(self, params: dict[str, typing.Any], value: typing.Any) -> None:
        pass


class _MemberOption(_Option):
    def __init__(self, argument: Argument) -> None:
        self.argument = argument
        self.name = argument.name
        self.required = argument.required

    def add_to_parser(self, parser: _Parser) -> None:
        kind = self.argument.kind
        if kind == "boolean":
            parser.add_argument(
                self.cli_name,
                action="store_true",
                default=None,
                dest=self.argument.dest,
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
        if self.argument.kind == "boolean":
            params[self.argument.serialized] = value
        else:
            params[self.argument.serialized] = _unpack(
                self.argument.kind,
                self.argument.member_kind,
                value,
                self.cli_name,
                self.argument,
            )


class _NegatedOption(_Option):
    """``--no-<flag>`` of a boolean member: the same destination, set to False."""

    def __init__(self, argument: Argument) -> None:
        self.argument = argument
        self.name = "no-" + argument.name

    def add_to_parser(self, parser: _Parser) -> None:
        parser.add_argument(
            self.cli_name, action="store_false", default=None, dest=self.argument.dest
        )


class _CliInputJson(_Option):
    name = "cli-input-json"


class _GenerateCliSkeleton(_Option):
    name = "generate-cli-skeleton"

    def add_to_parser(self, parser: _Parser) -> None:
        parser.add_argument(
            self.cli_name, nargs="?", const="input", choices=["input", "output"]
        )


class _PageOption(_Option):
    def __init__(self, name: str, kind: str, key: str) -> None:
        self.name = name
        self.kind = kind
        self.key = key  # the key in botocore's PaginationConfig

    def add_to_parser(self, parser: _Parser) -> None:
        parser.add_argument(
            self.cli_name, dest=self.py_name, type=PAGE_TYPES[self.kind]
        )

    def add_to_params(self, params: dict[str, typing.Any], value: typing.Any) -> None:
        if value is None:
            return
        if self.key == "MaxItems" and int(value) <= 0:
            sys.stderr.write(
                "warning: Non-positive values for --max-items may result in undefined behavior.\n"
            )
        params.setdefault("PaginationConfig", {})[self.key] = value


def _argument_table(
    operation: Operation,
) -> tuple[dict[str, _Option], dict[str, _Option]]:
    """The operation's options in the AWS CLI's order, and the member options that a paging
    option of the same name shadows."""
    table: dict[str, _Option] = {}
    for argument in operation.arguments:
        table[argument.name] = _MemberOption(argument)
        if argument.kind == "boolean":
            table["no-" + argument.name] = _NegatedOption(argument)
    table["cli-input-json"] = _CliInputJson()
    shadowed: dict[str, _Option] = {}
    if operation.paging is not None:
        limit_kind = operation.paging.limit_kind
        pages: list[_Option] = [
            _PageOption("starting-token", "string", "StartingToken")
        ]
        if limit_kind is not None:
            pages.append(_PageOption("page-size", limit_kind, "PageSize"))
        pages.append(_PageOption("max-items", limit_kind or "integer", "MaxItems"))
        for option in pages:
            if option.name in table:
                shadowed[option.name] = table[option.name]
            table[option.name] = option
    table["generate-cli-skeleton"] = _GenerateCliSkeleton()
    return table, shadowed


# --- values ------------------------------------------------------------------------------


def _unpack(
    kind: str,
    member_kind: str | None,
    value: typing.Any,
    cli_name: str,
    argument: Argument | None,
) -> typing.Any:
    """A command-line string as botocore's parameter value (the AWS CLI's rules)."""
    if argument is not None and argument.json:
        return _json_value(value, cli_name)
    if kind in SCALAR_KINDS:
        return _scalar(
            kind, value, cli_name, argument is not None and argument.streaming
        )
    if kind in ("structure", "map"):
        if value.lstrip()[:1] == "{":
            return _json_value(value, cli_name)
        raise ParamError(
            cli_name,
            "Invalid JSON:\n%s\n(shorthand syntax is not supported here: give the value as JSON)"
            % value,
        )
    if kind == "list":
        if isinstance(value, str):
            if value.lstrip()[:1] == "[":
                return _json_value(value, cli_name)
        elif isinstance(value, list) and len(value) == 1:
            single = value[0].strip()
            if single and single[0] == "[":
                return _json_value(value[0], cli_name)
        item_kind = member_kind or "string"
        if item_kind not in SCALAR_KINDS:
            raise ParamError(
                cli_name,
                "shorthand syntax is not supported here: give the list as JSON ([...])",
            )
        try:
            return [_scalar(item_kind, item, cli_name, False) for item in value]
        except (ValueError, TypeError):
            raise ParamError(cli_name, value[0]) from None
    return str(value)


def _json_value(value: str, cli_name: str) -> typing.Any:
    import json

    try:
        return json.loads(value)
    except ValueError as error:
        raise ParamError(
            cli_name, f"Invalid JSON: {error}\nJSON received: {value}"
        ) from None


def _scalar(kind: str, value: typing.Any, cli_name: str, streaming: bool) -> typing.Any:
    if kind in ("integer", "long"):
        return int(value)
    if kind in ("float", "double"):
        return float(value)
    if kind == "blob" and streaming:
        path = os.path.expanduser(os.path.expandvars(value))
        if not os.path.isfile(path):
            raise ParamError(cli_name, "Blob values must be a path to a file.")
        return open(path, "rb")
    if kind == "boolean":
        if isinstance(value, str) and value.lower() == "false":
            return False
        return bool(value)
    return value


def _read_file(prefix: str, value: str, binary: bool) -> str | bytes:
    path = os.path.expandvars(os.path.expanduser(value[len(prefix) :]))
    try:
        if binary:
            with open(path, "rb") as binary_file:
                return binary_file.read()
        import locale

        with open(path, encoding=locale.getpreferredencoding()) as text_file:
            return text_file.read()
    except UnicodeDecodeError:
        raise ResourceLoadingError(
            "Unable to load paramfile (%s), text contents could not be decoded.  If this is a "
            "binary file, please use the fileb:// prefix instead of the file:// prefix."
            % path
        ) from None
    except OSError as error:
        raise ResourceLoadingError(
            f"Unable to load paramfile {value}: {error}"
        ) from None


def _fetch(value: str) -> str:
    try:
        from botocore.awsrequest import AWSRequest
        from botocore.httpsession import URLLib3Session

        response = URLLib3Session().send(AWSRequest("GET", value).prepare())
        if response.status_code == 200:
            return str(response.text)
        raise ResourceLoadingError(
            f"received non 200 status code of {response.status_code}"
        )
    except Exception as error:
        raise ResourceLoadingError(f"Unable to retrieve {value}: {error}") from None


def paramfile(value: typing.Any, remote: bool) -> typing.Any:
    """The content a ``file://``/``fileb://`` (and, if ``remote``, ``http(s)://``) value names;
    None for any other value."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if not isinstance(value, str):
        return None
    if value.startswith("file://"):
        return _read_file("file://", value, binary=False)
    if value.startswith("fileb://"):
        return _read_file("fileb://", value, binary=True)
    if remote and (value.startswith("http://") or value.startswith("https://")):
        return _fetch(value)
    return None


# --- the run -----------------------------------------------------------------------------


class _Run:
    """One invocation: the globals, the botocore session, then the command."""

    def __init__(self, globals_: argparse.Namespace) -> None:
        self.globals = globals_
        self.query: typing.Any = None
        self.session: botocore.session.Session | None = None
        self.follow_urls = True
        self.timestamp_format = "wire"
        self.config_kwargs: dict[str, typing.Any] = {}
        self.redactor: _Redactor | None = None

    # top-level arguments, in the AWS CLI's order

    def handle_globals(self) -> None:
        g = self.globals
        if g.query is not None:
            import jmespath

            try:
                self.query = jmespath.compile(g.query)
            except Exception as error:
                raise ValueError(f"Bad value for --query {g.query}: {error}") from None
        if g.endpoint_url is not None:
            from urllib.parse import urlparse

            if not urlparse(g.endpoint_url).scheme:
                raise ValueError(
                    'Bad value for --endpoint-url "%s": scheme is missing.  Must be of the form '
                    "http://<hostname>/ or https://<hostname>/" % g.endpoint_url
                )
        if not g.sign_request:
            from botocore import UNSIGNED

            self.config_kwargs["signature_version"] = UNSIGNED
        g.verify_ssl = False if not g.verify_ssl else g.ca_bundle
        for name in ("read_timeout", "connect_timeout"):
            value = getattr(g, name)
            seconds = int(60 if value is None else value)
            setattr(g, name, seconds or None)
            self.config_kwargs[name] = seconds or None
        session = self._session()
        if g.profile:
            session.set_config_variable("profile", g.profile)
        if g.region:
            session.set_config_variable("region", g.region)
        if g.debug:
            self._debug_logging()
        self._read_cli_config(session)

    def _session(self) -> botocore.session.Session:
        if self.session is None:
            from . import _runtime

            self.session = _runtime.botocore_session(
                session_vars={"output": ("output", "AWS_DEFAULT_OUTPUT", "json", None)}
            )
        return self.session

    def _read_cli_config(self, session: botocore.session.Session) -> None:
        """What the AWS CLI reads from the profile when the session starts."""
        from botocore.exceptions import ProfileNotFound

        try:
            scoped = session.get_scoped_config()
            self.timestamp_format = scoped.get("cli_timestamp_format", None) or "wire"
            self.follow_urls = scoped.get("cli_follow_urlparam", "true") == "true"
        except ProfileNotFound:
            pass
        if self.timestamp_format not in ("wire", "none", "iso8601"):
            raise ValueError(
                'Unknown cli_timestamp_format value: %s, valid values are "none", "wire" or '
                '"iso8601"' % self.timestamp_format
            )
        factory = session.get_component("response_parser_factory")
        if self.timestamp_format == "iso8601":
            from botocore.utils import parse_timestamp

            def iso8601(value: typing.Any) -> str:
                return str(parse_timestamp(value).isoformat())

            factory.set_parser_defaults(blob_parser=_identity, timestamp_parser=iso8601)
        else:
            factory.set_parser_defaults(
                blob_parser=_identity, timestamp_parser=_identity
            )

    def _debug_logging(self) -> None:
        self.redactor = _Redactor()
        handler = logging.StreamHandler()
        handler.setFormatter(self.redactor)
        for name in ("botocore", "urllib3", PACKAGE):
            logger = logging.getLogger(name)
            logger.setLevel(logging.DEBUG)
            logger.addHandler(handler)
        log = logging.getLogger(PACKAGE)
        log.debug("CLI version: %s/%s", PROG, VERSION)
        log.debug("Arguments entered to CLI: %s", sys.argv[1:])

    # the command

    def run_operation(self, command: str, args: list[str]) -> int:
        operation = operations()[command]
        table, shadowed = _argument_table(operation)
        if "--cli-input-json" in args or _skeleton_waives_required(args):
            for option in table.values():
                option.required = False
        parser = _Parser()
        for option in table.values():
            option.add_to_parser(parser)
        parser.add_argument("help", nargs="?")
        if args == ["help"]:
            return show_help(command)
        parsed, remaining = parser.parse_known_args(args)
        if parsed.help == "help":
            return show_help(command)
        if parsed.help:
            remaining.append(parsed.help)
        if remaining:
            raise UnknownArgumentError("Unknown options: %s" % ", ".join(remaining))

        paginate = bool(self.globals.paginate)
        if operation.paging is not None:
            for token in operation.paging.input_tokens:
                name = token.replace("-", "_")
                # (the AWS CLI exempts these two names, as the paging options' own)
                if getattr(parsed, name, None) is not None and name not in (
                    "start_token",
                    "max_items",
                ):
                    paginate = False
            if not paginate:
                _check_no_paging_options(parsed, shadowed)
                table.update(shadowed)
        params = self._call_parameters(parsed, table)

        input_json = getattr(parsed, "cli_input_json", None)
        if input_json is not None:
            _merge_input_json(params, input_json)
        skeleton = getattr(parsed, "generate_cli_skeleton", None)
        if skeleton == "output":
            response = self._stubbed_call(operation, params)
            return self.display(operation, response, paginated=False)
        if skeleton:
            import json

            from ._cli_output import json_encoder

            sys.stdout.write(
                json.dumps(operation.input_skeleton, indent=4, default=json_encoder)
            )
            sys.stdout.write("\n")
            return 0

        client = self.client()
        if paginate and operation.paging is not None:
            config = params.get("PaginationConfig")
            if isinstance(config, dict):
                _check_starting_token(config.get("StartingToken"))
            from . import _runtime

            paginator = _runtime.cycle_safe(client.get_paginator(operation.method))
            pages = paginator.paginate(**params)
            return self.display(operation, pages, paginated=True)
        response = getattr(client, operation.method)(**params)
        return self.display(operation, response, paginated=False)

    def _call_parameters(
        self, parsed: argparse.Namespace, table: dict[str, _Option]
    ) -> dict[str, typing.Any]:
        params: dict[str, typing.Any] = {}
        values = vars(parsed)
        for option in table.values():
            if option.py_name not in values:
                continue
            value = values[option.py_name]
            if option.paramfile:
                try:
                    loaded = paramfile(value, self.follow_urls)
                except ResourceLoadingError as error:
                    raise ParamError(option.cli_name, str(error)) from None
                if loaded is not None:
                    value = loaded
            option.add_to_params(params, value)
        return params

    def client(self) -> botocore.client.BaseClient:
        import botocore.config

        g = self.globals
        client = self._session().create_client(
            SERVICE_NAME,
            region_name=g.region,
            endpoint_url=g.endpoint_url,
            verify=g.verify_ssl,
            config=botocore.config.Config(**self.config_kwargs),
        )
        if (
            self.redactor is not None and g.sign_request
        ):  # (unsigned: no credentials to hide)
            self.redactor.learn(self._session())
        return client

    def _stubbed_call(
        self, operation: Operation, params: dict[str, typing.Any]
    ) -> typing.Any:
        """``--generate-cli-skeleton output``: the call, validated, answered by a stub."""
        from botocore.stub import Stubber
        from botocore.utils import ArgumentGenerator

        client = self.client()
        model = client.meta.service_model.operation_model(operation.name)
        fake: typing.Any = {}
        if model.output_shape is not None:
            fake = ArgumentGenerator(use_member_names=True).generate_skeleton(
                model.output_shape
            )
        with Stubber(client) as stubber:
            stubber.add_response(operation.method, fake)
            return getattr(client, operation.method)(**params)

    # output

    def display(
        self, operation: Operation, response: typing.Any, paginated: bool
    ) -> int:
        from . import _cli_output

        output = self.globals.output or self._session().get_config_variable("output")
        if output not in ("json", "text", "table"):
            raise ValueError("Unknown output type: %s" % output)
        color = self.globals.color
        if output == "table" and (color == "on" or (color == "auto" and _is_a_tty())):
            _reset_after_every_write()
        stream = sys.stdout
        try:
            if output == "text":
                self._write_text(response, paginated, stream)
                return 0
            data = response.build_full_result() if paginated else response
            if isinstance(data, dict):
                data.pop("ResponseMetadata", None)
            if self.query is not None:
                data = self.query.search(data)
            try:
                if output == "json":
                    _cli_output.write_json(data, stream)
                else:
                    colored = color == "on" or (color == "auto" and _is_a_tty())
                    width = _cli_output.terminal_width()
                    _cli_output.write_table(
                        operation.name, data, stream, width=width, color=colored
                    )
            except OSError:
                pass
        finally:
            _flush(stream)
        return 0

    def _write_text(
        self, response: typing.Any, paginated: bool, stream: typing.TextIO
    ) -> None:
        if not paginated:
            if isinstance(response, dict):
                response.pop("ResponseMetadata", None)
            self._text(response, stream)
            return
        for index, page in enumerate(response):
            current: dict[str, typing.Any] = (
                response.non_aggregate_part if index == 0 else {}
            )
            for result_key in response.result_keys:
                _set_path(current, result_key.expression, result_key.search(page))
            self._text(current, stream)
        if response.resume_token:
            self._text({"NextToken": {"NextToken": response.resume_token}}, stream)

    def _text(self, data: typing.Any, stream: typing.TextIO) -> None:
        from ._cli_output import write_text

        if self.query is not None:
            data = self.query.search(data)
        write_text(data, stream)


def _identity(value: typing.Any) -> typing.Any:
    return value


def _flush(stream: typing.TextIO) -> None:
    try:
        stream.flush()
    except OSError:
        pass


def _is_a_tty() -> bool:
    try:
        return os.isatty(sys.stdout.fileno())
    except Exception:
        return False


class _ResetAfterEveryWrite:
    """The AWS CLI colors tables through colorama with ``autoreset``, which follows every
    write to stdout and stderr with a reset sequence; so does this wrapper."""

    def __init__(self, stream: typing.TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(text)
        self._stream.flush()
        if not self._stream.closed:
            self._stream.write("\x1b[0m")
        return len(text)

    def __getattr__(self, name: str) -> typing.Any:
        return getattr(self._stream, name)


def _reset_after_every_write() -> None:
    if not isinstance(sys.stdout, _ResetAfterEveryWrite):
        sys.stdout = typing.cast(typing.TextIO, _ResetAfterEveryWrite(sys.stdout))
        sys.stderr = typing.cast(typing.TextIO, _ResetAfterEveryWrite(sys.stderr))


def _set_path(data: dict[str, typing.Any], expression: str, value: typing.Any) -> None:
    """``data[a][b] = value`` for the expression ``a.b`` (as botocore's
    ``set_value_from_jmespath``)."""
    keys = expression.split(".")
    for key in keys[:-1]:
        data = data.setdefault(key, {})
    data[keys[-1]] = value


def _skeleton_waives_required(args: list[str]) -> bool:
    """``--generate-cli-skeleton`` (without ``output`` next) makes every option optional."""
    if "--generate-cli-skeleton" not in args:
        return False
    position = args.index("--generate-cli-skeleton")
    return position + 1 >= len(args) or args[position + 1] != "output"


def _check_no_paging_options(
    parsed: argparse.Namespace, shadowed: dict[str, _Option]
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


def _merge_input_json(params: dict[str, typing.Any], value: typing.Any) -> None:
    """``--cli-input-json``: its top-level keys, where the command line set none."""
    import json

    text = paramfile(value, remote=False) if isinstance(value, str) else None
    if text is None:
        text = value
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ParamError(
            "cli-input-json", f"Invalid JSON: {error}\nJSON received: {_excerpt(text)}"
        ) from None
    except RecursionError:
        # The AWS CLI prints Python's "maximum recursion depth exceeded while decoding ...".
        raise ParamError(
            "cli-input-json", "Invalid JSON: nested too deeply to parse"
        ) from None
    if not isinstance(data, dict):
        # The AWS CLI prints "'list' object has no attribute 'keys'".
        raise ParamError(
            "cli-input-json",
            f"Invalid JSON: expected an object of parameters, got {_json_kind(data)}",
        )
    for key in data.keys():
        if key not in params:
            params[key] = data[key]


_EXCERPT_LIMIT = 1000


def _excerpt(text: str) -> str:
    """``text``, cut short when it is too long to echo in an error message."""
    if len(text) <= _EXCERPT_LIMIT:
        return text
    return f"{text[:_EXCERPT_LIMIT]}... ({len(text) - _EXCERPT_LIMIT} more characters)"


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    return "a number"


def _check_utf8(args: list[str]) -> None:
    """Bytes on the command line that are not UTF-8 reach Python as lone surrogates, which no
    request can carry: refuse them, naming the option (the AWS CLI sends them on, escaped).
    """
    for index, arg in enumerate(args):
        bad = next(
            (i for i, char in enumerate(arg) if "\udc80" <= char <= "\udcff"), None
        )
        if bad is None:
            continue
        problem = (
            f"not valid UTF-8 (byte 0x{ord(arg[bad]) - 0xDC00:02x} at character {bad})"
        )
        if arg.startswith("--"):
            option, _, value = arg.partition("=")
            offset = bad - len(option) - 1
            raise ParamError(
                option, problem.replace(f"character {bad}", f"character {offset}")
            )
        if index and args[index - 1].startswith("--"):
            raise ParamError(args[index - 1], problem)
        raise ParamError(f"argument {index + 1}", problem)


def _check_starting_token(token: object) -> None:
    """A token the paginator cannot use fails here, with a message, instead of inside
    botocore (the AWS CLI prints ``'int' object has no attribute 'pop'``)."""
    if not isinstance(token, str):
        return
    import base64
    import json

    try:
        decoded = json.loads(base64.b64decode(token.encode("utf-8")).decode("utf-8"))
    except (ValueError, TypeError):
        return  # not a token this CLI made: passed to the service as its own token
    if isinstance(decoded, list):
        return  # botocore takes this for an old-style token too
    amount = (
        decoded.get("boto_truncate_amount", 0) if isinstance(decoded, dict) else None
    )
    if not isinstance(decoded, dict) or not isinstance(amount, int):
        raise StartingTokenError(
            f"Bad value for --starting-token {token}: it decodes to {json.dumps(decoded)}, "
            "which is not a token this CLI printed (pass the NextToken of a truncated listing)"
        )


class _Redactor(logging.Formatter):
    """The debug log's formatter: credentials never reach the log."""

    def __init__(self) -> None:
        import re

        super().__init__(
            "%(asctime)s - %(threadName)s - %(name)s - %(levelname)s - %(message)s"
        )
        self._secrets = {
            os.environ[name]
            for name in (
                "AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY",
                "AWS_SESSION_TOKEN",
            )
            if os.environ.get(name)
        }
        self._patterns = [
            re.compile(r"(Credential=)[^/,\s'\"]+"),
            re.compile(
                r"((?:X-Amz-Security-Token|x-amz-security-token)['\"]?\s*[:=]\s*b?['\"]?)[^'\",\s]+"
            ),
        ]

    def learn(self, session: botocore.session.Session) -> None:
        credentials = session.get_credentials()
        if credentials is not None:
            frozen = credentials.get_frozen_credentials()
            self._secrets.update(
                s for s in (frozen.access_key, frozen.secret_key, frozen.token) if s
            )

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, "<redacted>")
        for pattern in self._patterns:
            text = pattern.sub(r"\1<redacted>", text)
        return text


# --- help --------------------------------------------------------------------------------


def show_help(command: str | None = None) -> int:
    """The reference page of ``command`` (the commands, without one) and the differences from
    the AWS CLI."""
    from . import _help

    page = _help.page(command) if command else _help.overview(PROG, list(operations()))
    sys.stdout.write(
        page.rstrip("\n") + "\n\n" + _help.DIFFERENCES.replace("{prog}", PROG)
    )
    _flush(sys.stdout)
    return 0


def _help_requested(args: list[str]) -> str | None | bool:
    """``--help`` anywhere: the command it asks about (None for the overview); False if absent."""
    if "--help" not in args:
        return False
    for arg in args:
        if arg in operations():
            return arg
    return None


# --- entry points ------------------------------------------------------------------------


def run(args: list[str]) -> int:
    """Run the command line ``args`` (without the program name) in this process; the exit
    status (argparse's usage errors included)."""
    try:
        return _run_command_line(args)
    except SystemExit as exit_:  # argparse: usage errors (2), --version (0)
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_USAGE)


def _run_command_line(args: list[str]) -> int:
    try:
        _check_utf8(args)
    except ParamError as error:
        return _report(error)
    requested = _help_requested(args)
    if requested is not False:
        return show_help(typing.cast("str | None", requested))
    parsed, remaining = _global_parser().parse_known_args(args)
    invocation = _Run(parsed)
    try:
        invocation.handle_globals()
        if parsed.command == "help":
            return show_help(None)
        return invocation.run_operation(parsed.command, remaining)
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
