"""Command-line values before they become botocore parameters, by the AWS CLI's rules:
``file://``/``fileb://``/``http(s)://`` values, ``--cli-input-json``, argparse's types, and
checks on hostile input (bytes that are not UTF-8, a starting token this CLI did not print).
What a member option's value becomes (shorthand, JSON, scalars) is ``shorthand``'s.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import os
import typing

from .errors import ParamError, ResourceLoadingError, StartingTokenError

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


def merge_input_json(params: dict[str, typing.Any], value: typing.Any) -> None:
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


def check_utf8(args: list[str]) -> None:
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


def check_starting_token(token: object) -> None:
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
