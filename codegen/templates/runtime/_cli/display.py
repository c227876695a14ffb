"""A response on stdout as the AWS CLI v1 prints it: the output format (``--output``, then the
config, then json), ``--query`` (once on the merged result; per page for text), the paging of
text output, and the table colors, which the AWS CLI resets after every write to stdout and
stderr (colorama's ``autoreset``) while it runs.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import contextlib
import os
import sys
import typing

from . import output

if typing.TYPE_CHECKING:
    from .session import Invocation


def display(
    invocation: Invocation,
    title: str,
    response: typing.Any,
    paginated: bool,
    cleanup: contextlib.ExitStack,
) -> int:
    """Print ``response`` (a page iterator when ``paginated``); ``cleanup`` undoes the color
    wrapping when the invocation ends."""
    g = invocation.globals
    fmt = g.output or invocation.botocore_session().get_config_variable("output")
    if fmt not in ("json", "text", "table"):
        raise ValueError("Unknown output type: %s" % fmt)
    colored = g.color == "on" or (g.color == "auto" and _is_a_tty())
    if fmt == "table" and colored:
        cleanup.enter_context(reset_after_every_write())
    stream = sys.stdout
    try:
        if fmt == "text":
            _write_text(invocation.query, response, paginated, stream)
            return 0
        data = response.build_full_result() if paginated else response
        if isinstance(data, dict):
            data.pop("ResponseMetadata", None)
        if invocation.query is not None:
            data = invocation.query.search(data)
        try:
            if fmt == "json":
                output.write_json(data, stream)
            else:
                width = output.terminal_width()
                output.write_table(title, data, stream, width=width, color=colored)
        except OSError:
            pass
    finally:
        flush(stream)
    return 0


def _write_text(
    query: typing.Any, response: typing.Any, paginated: bool, stream: typing.TextIO
) -> None:
    if not paginated:
        if isinstance(response, dict):
            response.pop("ResponseMetadata", None)
        _text(query, response, stream)
        return
    for index, page in enumerate(response):
        current: dict[str, typing.Any] = (
            response.non_aggregate_part if index == 0 else {}
        )
        for result_key in response.result_keys:
            _set_path(current, result_key.expression, result_key.search(page))
        _text(query, current, stream)
    if response.resume_token:
        _text(query, {"NextToken": {"NextToken": response.resume_token}}, stream)


def _text(query: typing.Any, data: typing.Any, stream: typing.TextIO) -> None:
    if query is not None:
        data = query.search(data)
    output.write_text(data, stream)


def _set_path(data: dict[str, typing.Any], expression: str, value: typing.Any) -> None:
    """``data[a][b] = value`` for the expression ``a.b`` (as botocore's
    ``set_value_from_jmespath``)."""
    keys = expression.split(".")
    for key in keys[:-1]:
        data = data.setdefault(key, {})
    data[keys[-1]] = value


def flush(stream: typing.TextIO) -> None:
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
    """Every write followed by a reset sequence, as colorama's ``autoreset`` does."""

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


@contextlib.contextmanager
def reset_after_every_write() -> typing.Iterator[None]:
    """stdout and stderr wrapped for the ``with`` block, then put back."""
    previous = sys.stdout, sys.stderr
    sys.stdout = typing.cast(typing.TextIO, _ResetAfterEveryWrite(previous[0]))
    sys.stderr = typing.cast(typing.TextIO, _ResetAfterEveryWrite(previous[1]))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = previous
