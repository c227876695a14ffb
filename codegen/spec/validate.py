"""Check a spec's JSON before botocore's model classes see it.

botocore's model classes assume a well-formed model: on a malformed one they raise whatever
the first bad access gives (``KeyError``, ``TypeError``, ``AttributeError``,
``InvalidShapeError``, ``NoShapeFoundError`` ...), lazily and without saying where. This module
walks what the generator relies on -- the listed operations, every shape they reach, the
paginators and waiters of those operations -- and reports the first problem as a ``CodegenError`` naming
its JSON path (``demo/service-2.json: shapes.Foo.members.Bar: refers to the missing shape
'Nowhere'``).

The walk is iterative (a deep or recursive model cannot exhaust Python's stack) and visits
each shape once. It checks types, not meaning: the IR builder still decides what it supports.
"""

from __future__ import annotations

import math
import re
from typing import Any, Iterable

import jmespath  # botocore's own dependency: its waiters compile acceptor paths with it
import jmespath.exceptions

from codegen.errors import CodegenError, json_path

SHAPE_TYPES = frozenset(
    ("structure", "list", "map", "string", "integer", "long", "float", "double", "boolean",
     "timestamp", "blob")
)
# Traits of a shape, or of a reference to one (botocore merges a reference's traits over the
# shape's), by the JSON type botocore's models give them.
STRING_TRAITS = (
    "documentation", "pattern", "locationName", "location", "deprecatedMessage",
    "deprecatedSince", "payload", "timestampFormat", "queryName",
)
FLAG_TRAITS = (
    "sensitive", "exception", "fault", "union", "document", "deprecated", "streaming",
    "jsonvalue", "idempotencyToken", "eventstream", "event", "eventpayload", "box", "flattened",
    "hostLabel", "synthetic", "wrapper", "requiresLength", "sparse", "xmlAttribute",
)
NUMBER_TRAITS = ("min", "max")
METADATA_STRINGS = (
    "apiVersion", "endpointPrefix", "jsonVersion", "protocol", "serviceFullName", "serviceId",
    "signatureVersion", "targetPrefix", "uid", "signingName", "serviceAbbreviation",
)
TOKEN_KEYS = ("input_token", "output_token", "result_key", "non_aggregate_keys")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else "an infinite number"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


class _Checker:
    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, steps: tuple[Any, ...], problem: str) -> CodegenError:
        return CodegenError(f"{self.file}: {json_path(*steps)}" if steps else self.file, problem)

    def object(self, value: Any, steps: tuple[Any, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(steps, f"must be an object, not {_kind(value)}")
        return value

    def string(self, value: Any, steps: tuple[Any, ...]) -> str:
        if not isinstance(value, str):
            raise self.fail(steps, f"must be a string, not {_kind(value)}")
        return value

    def strings(self, value: Any, steps: tuple[Any, ...]) -> list[str]:
        if not isinstance(value, list):
            raise self.fail(steps, f"must be a list of strings, not {_kind(value)}")
        for index, item in enumerate(value):
            if not isinstance(item, str):
                raise self.fail((*steps, index), f"must be a string, not {_kind(item)}")
        return value

    def traits(self, data: dict[str, Any], steps: tuple[Any, ...]) -> None:
        for name in STRING_TRAITS:
            if name in data:
                self.string(data[name], (*steps, name))
        for name in FLAG_TRAITS:
            if name in data and not isinstance(data[name], bool):
                raise self.fail((*steps, name), f"must be true or false, not {_kind(data[name])}")
        for name in NUMBER_TRAITS:
            if name in data:
                value = data[name]
                if isinstance(value, bool) or not isinstance(value, (int, float)) or (
                    isinstance(value, float) and not math.isfinite(value)
                ):
                    raise self.fail((*steps, name), f"must be a finite number, not {_kind(value)}")
        if "enum" in data:
            self.strings(data["enum"], (*steps, "enum"))


def check_service_model(model: Any, file: str, operations: Iterable[str]) -> None:
    """Check ``operations`` of the service-2 ``model`` and every shape they reach."""
    check = _Checker(file)
    model = check.object(model, ())
    for name in ("operations", "shapes"):
        if name not in model:
            raise check.fail((name,), "missing")
        check.object(model[name], (name,))
    if "metadata" in model:
        metadata = check.object(model["metadata"], ("metadata",))
        for name in METADATA_STRINGS:
            if name in metadata:
                check.string(metadata[name], ("metadata", name))
    if "documentation" in model:
        check.string(model["documentation"], ("documentation",))
    shapes: dict[str, Any] = model["shapes"]

    pending: list[str] = []  # reached shapes not checked yet
    reached: set[str] = set()

    def reference(ref: Any, steps: tuple[Any, ...]) -> None:
        ref = check.object(ref, steps)
        if "shape" not in ref:
            raise check.fail(steps, "a shape reference needs a 'shape' name")
        name = check.string(ref["shape"], (*steps, "shape"))
        if name not in shapes:
            raise check.fail(steps, f"refers to the missing shape {name!r}")
        check.traits(ref, steps)
        if name not in reached:
            reached.add(name)
            pending.append(name)

    for op_name in operations:
        steps: tuple[Any, ...] = ("operations", op_name)
        if op_name not in model["operations"]:
            raise check.fail(steps, "no such operation")
        operation = check.object(model["operations"][op_name], steps)
        for name in ("name", "documentation", "deprecatedMessage"):
            if name in operation:
                check.string(operation[name], (*steps, name))
        if "deprecated" in operation and not isinstance(operation["deprecated"], bool):
            raise check.fail((*steps, "deprecated"), f"must be true or false, not {_kind(operation['deprecated'])}")
        if "http" in operation:
            http = check.object(operation["http"], (*steps, "http"))
            for name in ("method", "requestUri"):
                if name in http:
                    check.string(http[name], (*steps, "http", name))
        for name in ("input", "output"):
            if name in operation:
                reference(operation[name], (*steps, name))
        if "errors" in operation:
            errors = operation["errors"]
            if not isinstance(errors, list):
                raise check.fail((*steps, "errors"), f"must be a list, not {_kind(errors)}")
            for index, ref in enumerate(errors):
                reference(ref, (*steps, "errors", index))

    while pending:
        name = pending.pop()
        _check_shape(check, shapes[name], ("shapes", name), reference)


def _check_shape(check: _Checker, shape: Any, steps: tuple[Any, ...], reference: Any) -> None:
    shape = check.object(shape, steps)
    if "type" not in shape:
        raise check.fail((*steps, "type"), "missing")
    kind = check.string(shape["type"], (*steps, "type"))
    if kind not in SHAPE_TYPES:
        raise check.fail((*steps, "type"), f"unknown shape type {kind!r}")
    check.traits(shape, steps)
    if "error" in shape:
        error = check.object(shape["error"], (*steps, "error"))
        if "code" in error:
            check.string(error["code"], (*steps, "error", "code"))
        status = error.get("httpStatusCode")
        if "httpStatusCode" in error and (isinstance(status, bool) or not isinstance(status, int)):
            raise check.fail((*steps, "error", "httpStatusCode"), f"must be an integer, not {_kind(status)}")
    if kind == "structure":
        members = check.object(shape.get("members", {}), (*steps, "members"))
        for member_name, ref in members.items():
            reference(ref, (*steps, "members", member_name))
        if "required" in shape:
            for index, member_name in enumerate(check.strings(shape["required"], (*steps, "required"))):
                if member_name not in members:
                    raise check.fail((*steps, "required", index), f"names {member_name!r}, not a member")
    elif kind == "list":
        if "member" not in shape:
            raise check.fail((*steps, "member"), "missing: a list names its member shape")
        reference(shape["member"], (*steps, "member"))
    elif kind == "map":
        for part in ("key", "value"):
            if part not in shape:
                raise check.fail((*steps, part), f"missing: a map names its {part} shape")
            reference(shape[part], (*steps, part))


def check_paginators(paginators: Any, file: str, operations: Iterable[str]) -> None:
    """Check the paginators-1 entries of ``operations`` (their members are checked against the
    operations later, by the IR builder)."""
    check = _Checker(file)
    paginators = check.object(paginators, ())
    table = check.object(paginators.get("pagination", {}), ("pagination",))
    for op_name in operations:
        if op_name not in table:
            continue
        steps: tuple[Any, ...] = ("pagination", op_name)
        entry = check.object(table[op_name], steps)
        for name in TOKEN_KEYS:
            value = entry.get(name)
            if value is None:
                continue
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise check.fail((*steps, name), "must be a string or a list of strings")
        for name in ("limit_key", "more_results"):
            if entry.get(name) is not None:
                check.string(entry[name], (*steps, name))


# botocore's waiter format (``botocore.waiter.WaiterModel.SUPPORTED_VERSION``), and what its
# acceptors may say (``botocore.waiter.AcceptorConfig``).
WAITER_VERSION = 2
ACCEPTOR_STATES = ("success", "failure", "retry")
PATH_MATCHERS = ("path", "pathAll", "pathAny")
ACCEPTOR_MATCHERS = (*PATH_MATCHERS, "status", "error")
# A waiter's name becomes a class name and an AWS CLI ``wait`` command, as an operation's does.
WAITER_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _number(value: Any) -> int | float | None:
    """A finite JSON number (not a boolean), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value if math.isfinite(value) else None


def _shown(value: Any) -> str:
    """A value in a message: a number as itself, anything else by its kind."""
    return repr(value) if _number(value) is not None else _kind(value)


def waiter_operation(check: _Checker, name: str, entry: Any) -> str:
    """The operation a waiter polls (all that decides whether a slice keeps it)."""
    steps: tuple[Any, ...] = ("waiters", name)
    entry = check.object(entry, steps)
    if "operation" not in entry:
        raise check.fail((*steps, "operation"), "missing: a waiter names the operation it polls")
    return check.string(entry["operation"], (*steps, "operation"))


def check_waiters(waiters: Any, file: str, operations: Iterable[str]) -> None:
    """Check a waiters-2 table: every waiter names its operation; each waiter of one of
    ``operations`` is complete enough for botocore's ``WaiterModel`` and ``Waiter`` (which
    otherwise fail with a ``KeyError`` at the first wait, or loop on a broken acceptor)."""
    check = _Checker(file)
    waiters = check.object(waiters, ())
    version = waiters.get("version")
    if _number(version) != WAITER_VERSION:
        raise check.fail(("version",), f"must be {WAITER_VERSION} (botocore's waiter format), not {_shown(version)}")
    table = check.object(waiters.get("waiters"), ("waiters",))
    held = set(operations)
    for name, entry in table.items():
        if waiter_operation(check, name, entry) in held:
            _check_waiter(check, name, entry)


def _check_waiter(check: _Checker, name: str, entry: dict[str, Any]) -> None:
    steps: tuple[Any, ...] = ("waiters", name)
    if not WAITER_NAME.fullmatch(name):
        raise check.fail(steps, "a waiter name must be ASCII letters, digits and underscores, starting with a letter")
    if "delay" not in entry:
        raise check.fail((*steps, "delay"), "missing: the seconds between attempts")
    delay = entry["delay"]
    if _number(delay) is None or delay < 0:
        raise check.fail((*steps, "delay"), f"must be a number of seconds, 0 or more, not {_shown(delay)}")
    if "maxAttempts" not in entry:
        raise check.fail((*steps, "maxAttempts"), "missing: how many attempts before giving up")
    attempts = entry["maxAttempts"]
    if not isinstance(_number(attempts), int) or attempts < 1:
        raise check.fail((*steps, "maxAttempts"), f"must be a whole number, 1 or more, not {_shown(attempts)}")
    if "description" in entry:
        check.string(entry["description"], (*steps, "description"))
    acceptors = entry.get("acceptors")
    if not isinstance(acceptors, list):
        raise check.fail((*steps, "acceptors"), f"must be a list, not {_kind(acceptors)}")
    for index, acceptor in enumerate(acceptors):
        _check_acceptor(check, check.object(acceptor, (*steps, "acceptors", index)), (*steps, "acceptors", index))
    if not any(a["state"] == "success" for a in acceptors):
        raise check.fail((*steps, "acceptors"), "has no success acceptor, so the waiter could never succeed")


def _check_acceptor(check: _Checker, acceptor: dict[str, Any], steps: tuple[Any, ...]) -> None:
    for key, allowed in (("state", ACCEPTOR_STATES), ("matcher", ACCEPTOR_MATCHERS)):
        if key not in acceptor:
            raise check.fail((*steps, key), "missing")
        value = check.string(acceptor[key], (*steps, key))
        if value not in allowed:
            raise check.fail((*steps, key), f"{value!r} is not one of {', '.join(allowed)}")
    if "expected" not in acceptor:
        raise check.fail((*steps, "expected"), "missing")
    expected, matcher = acceptor["expected"], acceptor["matcher"]
    if isinstance(expected, float) and not math.isfinite(expected):
        raise check.fail((*steps, "expected"), f"must be a JSON value, not {_kind(expected)}")
    if matcher == "status" and not isinstance(_number(expected), int):
        raise check.fail((*steps, "expected"), f"must be an HTTP status code for the status matcher, not {_kind(expected)}")
    if matcher == "error" and not isinstance(expected, (str, bool)):
        raise check.fail((*steps, "expected"), f"must be an error code or true/false for the error matcher, not {_kind(expected)}")
    if matcher in PATH_MATCHERS:
        if "argument" not in acceptor:
            raise check.fail((*steps, "argument"), f"missing: the {matcher} matcher needs a JMESPath expression")
        argument = check.string(acceptor["argument"], (*steps, "argument"))
        try:
            jmespath.compile(argument)
        except (jmespath.exceptions.JMESPathError, RecursionError, ValueError) as exc:
            problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise check.fail((*steps, "argument"), f"not a JMESPath expression: {problem}") from None
    elif "argument" in acceptor:
        check.string(acceptor["argument"], (*steps, "argument"))


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def check_text(data: Any, source: str, file: str) -> None:
    """Every string of ``data`` (parsed from the JSON ``source``) is text that can be written:
    JSON may escape a lone UTF-16 surrogate (``"\\ud800"``), which no file or terminal takes."""
    if not _has_lone_surrogate_escape(source):
        return  # the only way a lone surrogate gets in
    check = _Checker(file)
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        value, steps = stack.pop()
        if isinstance(value, str):
            _text(check, value, steps)
        elif isinstance(value, dict):
            for name, item in value.items():
                _text(check, name, (*steps, name))
                stack.append((item, (*steps, name)))
        elif isinstance(value, list):
            stack.extend((item, (*steps, index)) for index, item in enumerate(value))


def _has_lone_surrogate_escape(source: str) -> bool:
    """Whether the JSON ``source`` may escape a lone surrogate: a surrogate escape that is not
    half of a pair (a high one, then a low one, which JSON decodes into one character). Models
    spell the ranges of their patterns with the backslash escaped (``\\\\uD800``, which is text,
    not a surrogate); walking every string of whole SageMaker's model for them was 0.05 s of
    each run. Anything odd (``\\u`` without four hex digits, which JSON refuses anyway) walks."""
    paired = -1  # where the low half of the last pair starts
    for match in _SURROGATE_ESCAPE.finditer(source):
        start = match.start()
        if start == paired:
            continue
        before = start
        while before > 0 and source[before - 1] == "\\":
            before -= 1
        if (start - before) % 2:
            continue  # an escaped backslash, then the text "u...": not a surrogate
        if not _HEX4.fullmatch(source, start + 2, start + 6):
            return True  # not an escape JSON takes: let the walk decide
        high = source[start + 2 : start + 6].lower() < "dc00"
        follower = start + 6
        if not (high and _LOW_ESCAPE.match(source, follower)):
            return True
        paired = follower
    return False


_HEX4 = re.compile(r"[0-9a-fA-F]{4}")
_LOW_ESCAPE = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _text(check: _Checker, value: str, steps: tuple[Any, ...]) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise check.fail(steps, f"holds a lone surrogate ({value[exc.start]!r}), which is not text") from None
