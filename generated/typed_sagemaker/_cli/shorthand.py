"""The AWS CLI v1's shorthand syntax (``--tags Key=a,Value=b``), without the AWS CLI.

Why this module exists: the generated command line must take what ``aws <service> <command>``
takes and turn it into the same botocore parameters, but it is copied into every generated
package and must start fast, so it cannot import ``awscli`` (a large import that also loads
its whole customization layer). This is an independent implementation, written from the
observed behaviour of **awscli 1.46.3** (``awscli/shorthand.py`` and ``awscli/argprocess.py``
of that release): the same values, the same Python types and the same error text, quirks
included (they are listed in ``tests/test_cli_shorthand.py``, which compares this module with
awscli itself). It imports only the standard library, and nothing of this project, so it can
be loaded stand-alone by path.

What it covers is everything the AWS CLI does to a model-derived option's value *after* the
``file://``/``fileb://``/``http(s)://`` value loading (awscli's ``load-cli-arg`` event) and
before botocore: the ``process-cli-arg`` shorthand handler (``ParamShorthandParser``: the JSON
detection, the special cases, the parser, the model-driven back-compat conversions) and its
fallback ``unpack_cli_arg`` (JSON, scalars, lists of scalars).

Type descriptors
----------------

The model is not botocore's shape objects but a small JSON-able *type descriptor* per option,
written by the generator into the command table::

    Descriptor =
        {"type": "structure", "members": {"<MemberName>": Descriptor, ...}}  (model order)
      | {"type": "document"}                  a structure with "document": true in the model
      | {"type": "list", "member": Descriptor}
      | {"type": "map", "key": Descriptor, "value": Descriptor}            ("key" is optional)
      | {"type": "string" | "integer" | "long" | "float" | "double" | "boolean"
                 | "timestamp" | "blob"}
            optional: "streaming": true   (a streaming blob: the value names a file)
                      "jsonvalue": true   (a string header with the jsonvalue trait: JSON)
      | {"ref": "<ShapeName>"}                a shape defined in the root's "shapes"

    The root descriptor (the one passed in) may also have:
        "shapes": {"<ShapeName>": Descriptor, ...}   targets of "ref" (recursive shapes)
        "legacy_list": true                          awscli's old shorthand for a list of
                                                     one-member structures (see
                                                     LEGACY_SINGLE_MEMBER_LISTS)

For example ``ec2 describe-instances --filters``::

    {"type": "list", "member": {"type": "structure", "members": {
        "Name": {"type": "string"},
        "Values": {"type": "list", "member": {"type": "string"}}}}}

and DynamoDB's recursive ``AttributeValue`` (``put-item --item``)::

    {"type": "map", "key": {"type": "string"}, "value": {"ref": "AttributeValue"},
     "shapes": {"AttributeValue": {"type": "structure", "members": {
         "S": {"type": "string"}, "N": {"type": "string"}, "BOOL": {"type": "boolean"},
         "L": {"type": "list", "member": {"ref": "AttributeValue"}},
         "M": {"type": "map", "key": {"type": "string"},
               "value": {"ref": "AttributeValue"}}, ...}}}}

Use
---

``shorthand_value(descriptor, value, cli_name)`` is what the CLI puts into botocore's
parameters for one option: ``value`` is what argparse gave (a ``str``, or a ``list`` of words
for a list option, ``nargs="*"``) after ``file://`` loading replaced it (a one-word list
becomes the file's ``str``, or ``bytes`` for ``fileb://``). On bad input it raises
``ShorthandError``, whose message is exactly what the AWS CLI prints between its two
newlines (``Error parsing parameter '--tags': ...``, or Python's own words where awscli lets a
Python error through, such as ``invalid literal for int() with base 10: 'x'``); exit status
255. ``parse_shorthand(text)`` is the raw parser (awscli's ``ShorthandParser().parse``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any, TypeAlias

__all__ = [
    "Descriptor",
    "LEGACY_SINGLE_MEMBER_LISTS",
    "ShorthandError",
    "parse_shorthand",
    "shorthand_value",
    "supports_shorthand",
]

Descriptor: TypeAlias = Mapping[str, Any]

# (hyphenated service id, command name, option name without dashes) where awscli 1.46.3
# takes ``--opt a b`` for a list of one-member structures as ``[{"Member": "a"}, ...]``;
# the generator sets ``"legacy_list": true`` on those options' descriptors.
LEGACY_SINGLE_MEMBER_LISTS = frozenset(
    {
        ("firehose", "put-record-batch", "records"),
        ("workspaces", "reboot-workspaces", "reboot-workspace-requests"),
        ("workspaces", "rebuild-workspaces", "rebuild-workspace-requests"),
        ("workspaces", "terminate-workspaces", "terminate-workspace-requests"),
        ("elastic-load-balancing", "remove-tags", "tags"),
        ("elastic-load-balancing", "describe-instance-health", "instances"),
        (
            "elastic-load-balancing",
            "deregister-instances-from-load-balancer",
            "instances",
        ),
        (
            "elastic-load-balancing",
            "register-instances-with-load-balancer",
            "instances",
        ),
    }
)

_SCALARS = frozenset(
    {"string", "integer", "long", "float", "double", "boolean", "timestamp", "blob"}
)
# botocore's type name of a document is "structure": awscli treats it as one
_STRUCTURES = frozenset({"structure", "document"})
_COMPLEX = frozenset({"structure", "document", "list", "map"})


class ShorthandError(Exception):
    """A value the AWS CLI rejects; ``message`` (and ``str()``) is the text it prints."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- the parser ------------------------------------------------------------------------
#
# Characters of an unquoted value (awscli's character classes, restated; no character
# outside the Basic Multilingual Plane is allowed in any of them):
# - a value starts with anything but whitespace/controls up to U+0020, " ' , = [ {
#   (so "]" and "}" can start one), or with an escaped comma "\,";
# - the first value of a key (and a value inside [...] or {...}) goes on through anything
#   but controls other than whitespace, " ' , ] } (so "=", "[", "{" and spaces are allowed);
# - a later value of a comma-separated list goes on through anything but those controls,
#   " ' , = (so "]" and "}" are allowed, "=" ends it: "a=b,c=d" is two keys).
_START = r"""(?:\\,|[^\x00-\x20"',=\[{\U00010000-\U0010ffff])"""
_FIRST_SOURCE = (
    _START + r"""(?:\\,|[^\x00-\x08\x0e-\x1b"',\]}\U00010000-\U0010ffff])*"""
)
_LATER_SOURCE = _START + r"""(?:\\,|[^\x00-\x08\x0e-\x1b"',=\U00010000-\U0010ffff])*"""
_patterns: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None = None


def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The key, first-value and later-value patterns, compiled on first use (importing this
    module stays well under a millisecond for a command line that has no shorthand)."""
    global _patterns
    if _patterns is None:
        _patterns = (
            re.compile(r"[A-Za-z0-9_.#/:\-]*"),
            re.compile(_FIRST_SOURCE),
            re.compile(_LATER_SOURCE),
        )
    return _patterns


_BLANKS = " \t\n\r\x0b\x0c"  # only ASCII whitespace is skipped between tokens
_NOTHING: Any = object()  # no value starts here
_QUOTE_NAMES = {"'": "<singled quoted>", '"': "<double quoted>"}  # (sic)


class _ParseError(Exception):
    """awscli's ``ShorthandParseError``; ``message()`` is its text."""

    def message(self) -> str:
        """The text awscli prints (each subclass builds its own, as awscli's do)."""
        return str(self)


class _SyntaxError(_ParseError):
    def __init__(self, text: str, index: int, expected: str, actual: str) -> None:
        super().__init__()
        self.text = text
        self.index = index
        self.expected = expected
        self.actual = actual

    def message(self) -> str:
        return (
            f"Expected: '{self.expected}', received: '{self.actual}' for input:\n"
            + _point_at(self.text, self.index)
        )


class _DuplicateKey(_ParseError):
    def __init__(self, key: str, text: str, index: int) -> None:
        super().__init__()
        self.key = key
        self.text = text
        self.index = index

    def message(self) -> str:
        return (
            f'Second instance of key "{self.key}" encountered for input:\n'
            f"{_point_at(self.text, self.index)}\n"
            'This is often because there is a preceding "," instead of a space.'
        )


class _LoadError(Exception):
    """A ``@=`` file that cannot be read: awscli prints these words without a prefix."""


def _point_at(text: str, index: int) -> str:
    """``text`` with a caret under ``index`` on the line below that position's line."""
    column = index
    before = text.rfind("\n", 0, index)
    if before != -1:
        column = index - before - 1
    after = text.find("\n", index)
    if after == -1:
        return f"{text}\n{' ' * column}^"
    return f"{text[:after]}\n{' ' * column}^{text[after:]}"


def _load_file(value: str) -> str | bytes | None:
    """The content ``value`` names with ``file://`` or ``fileb://``; None otherwise."""
    if value.startswith("file://"):
        binary, path = False, value[7:]
    elif value.startswith("fileb://"):
        binary, path = True, value[8:]
    else:
        return None
    path = os.path.expandvars(os.path.expanduser(path))
    try:
        if binary:
            with open(path, "rb") as data:
                return data.read()
        import locale

        with open(path, encoding=locale.getpreferredencoding()) as text:
            return text.read()
    except UnicodeDecodeError:
        raise _LoadError(
            f"Unable to load paramfile ({path}), text contents could not be decoded.  If "
            "this is a binary file, please use the fileb:// prefix instead of the file:// "
            "prefix."
        ) from None
    except OSError as error:
        raise _LoadError(f"Unable to load paramfile {value}: {error}") from None


class _Parser:
    """One parse of one shorthand string (recursive descent, with awscli's backtracking)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.end = len(text)
        self.pos = 0
        self.load = False  # inside the value of a "key@=": file:// values are read
        self.key, self.first, self.later = _compiled()

    def fail(self, expected: str, actual: str | None = None) -> _SyntaxError:
        if actual is None:
            actual = self.text[self.pos] if self.pos < self.end else "EOF"
        return _SyntaxError(self.text, self.pos, expected, actual)

    def here(self) -> str:
        return self.text[self.pos] if self.pos < self.end else ""

    def blanks(self) -> None:
        text, pos, end = self.text, self.pos, self.end
        while pos < end and text[pos] in _BLANKS:
            pos += 1
        self.pos = pos

    def expect(self, char: str, blanks: bool = False) -> None:
        if blanks:
            self.blanks()
        if self.pos >= self.end or self.text[self.pos] != char:
            raise self.fail(char)
        self.pos += 1
        if blanks:
            self.blanks()

    def loaded(self, value: str) -> Any:
        if self.load:
            content = _load_file(value)
            if content is not None:
                return content
        return value

    # parameter = key-value *("," key-value)
    def parameter(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        key, value = self.key_value()
        result[key] = value
        done = self.pos
        while self.pos < self.end:
            self.expect(",", blanks=True)
            key, value = self.key_value()
            if key in result:
                raise _DuplicateKey(key, self.text, done + 1)
            result[key] = value
            done = self.pos
        return result

    def key_and_equals(self) -> str:
        match = self.key.match(self.text, self.pos)
        assert match is not None  # (the pattern matches the empty string)
        self.pos = match.end()
        key = match.group()
        self.blanks()
        self.load = self.pos < self.end and self.text[self.pos] == "@"
        if self.load:  # "key@=value": file:// values are loaded
            self.pos += 1
            self.blanks()
        self.expect("=", blanks=True)
        return key

    def key_value(self) -> tuple[str, Any]:
        key = self.key_and_equals()
        char = self.here()
        if not char:
            return key, ""
        if char == "[":
            return key, self.bracketed_list()
        if char == "{":
            return key, self.braced_map()
        return key, self.comma_values()

    def comma_values(self) -> Any:
        """``a`` is ``"a"``; ``a,b`` is ``["a", "b"]``; ``a,b,c=d`` stops before ``c``."""
        first = self.first_value()
        self.blanks()
        if self.pos >= self.end or self.text[self.pos] != ",":
            return first
        self.expect(",", blanks=True)
        values = [first]
        while True:
            value = self.later_value()
            if value is _NOTHING:
                if self.pos >= self.end:
                    raise self.fail("<second>", "<none>")  # (a comma at the end)
                break
            self.blanks()
            if self.pos >= self.end:
                values.append(value)
                break
            if self.text[self.pos] != ",":
                break
            self.pos += 1
            self.blanks()
            values.append(value)
        if self.pos < self.end:
            # not a value: give the text from the last comma back, for the next key
            self.pos = self.text.rindex(",", 0, self.pos + 1)
        return first if len(values) == 1 else values

    def bracketed_list(self) -> list[Any]:
        self.expect("[", blanks=True)
        values = []
        while self.here() != "]":
            values.append(self.nested_value())
            self.blanks()
            if self.here() != "]":
                self.expect(",")
                self.blanks()
        self.expect("]")
        return values

    def braced_map(self) -> dict[str, Any]:
        self.expect("{", blanks=True)
        result: dict[str, Any] = {}
        while self.here() != "}":
            key = self.key_and_equals()
            value = self.nested_value()
            self.blanks()
            if self.here() != "}":
                self.expect(",")
                self.blanks()
            result[key] = value
        self.expect("}")
        return result

    def nested_value(self) -> Any:
        char = self.here()
        if char == "[":
            return self.bracketed_list()
        if char == "{":
            return self.braced_map()
        return self.first_value()

    def first_value(self) -> Any:
        char = self.here()
        if char == "'" or char == '"':
            return self.quoted(char)
        match = self.first.match(self.text, self.pos)
        if match is None:
            return ""
        self.pos = match.end()
        return self.loaded(match.group().replace("\\,", ",").rstrip())

    def later_value(self) -> Any:
        """The next value of a comma-separated list; ``_NOTHING`` where none starts."""
        char = self.here()
        if char == "'" or char == '"':
            return self.quoted(char, required=False)
        match = self.later.match(self.text, self.pos)
        if match is None:
            return _NOTHING
        self.pos = match.end()
        return self.loaded(match.group().replace("\\,", ",").rstrip())

    def quoted(self, quote: str, required: bool = True) -> Any:
        # The value ends at the first quote not right after a backslash; without one, at
        # the last backslash-quote (awscli's regular expression backtracks to it).
        text, start = self.text, self.pos
        close = escaped = -1
        found = text.find(quote, start + 1)
        while found != -1:
            if text[found - 1] != "\\":
                close = found
                break
            escaped = found
            found = text.find(quote, found + 1)
        if close == -1:
            close = escaped
        if close == -1:
            if not required:
                return _NOTHING
            raise self.fail(_QUOTE_NAMES[quote], "<none>")
        self.pos = close + 1
        value = text[start + 1 : close]
        value = value.replace("\\" + quote, quote).replace("\\\\", "\\")
        return self.loaded(value)


def _parse(text: Any) -> dict[str, Any]:
    """Parse; awscli's own errors as ``_ParseError`` and ``_LoadError``."""
    if isinstance(text, bytes):
        # a whole fileb:// value: awscli fails on its first step
        if text:
            raise TypeError("'in <string>' requires string as left operand, not int")
        raise TypeError("a bytes-like object is required, not 'str'")
    return _Parser(text).parameter()


def parse_shorthand(text: str) -> dict[str, Any]:
    """``text`` parsed as the AWS CLI parses shorthand, before any model is applied.

    Values are strings (``key@=file://x`` loads the file, ``fileb://`` as bytes), lists and
    dicts. Raises ``ShorthandError`` with the AWS CLI's message (``Expected: '=', received:
    ','`` ... and a caret under the position).
    """
    try:
        return _parse(text)
    except _ParseError as error:
        raise ShorthandError(error.message()) from None
    except _LoadError as error:
        raise ShorthandError(str(error)) from None


# --- the model ---------------------------------------------------------------------------


class _ParamError(Exception):
    """awscli's ``ParamError``: printed as ``Error parsing parameter '<cli name>': ...``."""


class _NestedDocument(Exception):
    pass


class _Model:
    """A root descriptor and its table of named shapes."""

    def __init__(self, root: Descriptor) -> None:
        self.root = root
        self.shapes: Mapping[str, Descriptor] = root.get("shapes") or {}

    def resolve(self, descriptor: Descriptor) -> Descriptor:
        seen = 0
        while "ref" in descriptor:
            descriptor = self.shapes[descriptor["ref"]]
            seen += 1
            if seen > len(self.shapes):
                raise LookupError("descriptor: a ref that names only refs")
        return descriptor

    def kind(self, descriptor: Descriptor) -> str:
        return str(self.resolve(descriptor)["type"])

    def wraps_documents(self, descriptor: Descriptor) -> bool:
        """A document, or lists and maps of lists and maps ... of documents."""
        seen: set[int] = set()
        while True:
            descriptor = self.resolve(descriptor)
            kind = descriptor["type"]
            if kind == "document":
                return True
            if kind not in ("list", "map") or id(descriptor) in seen:
                return False  # (a list or map that holds itself holds no document)
            seen.add(id(descriptor))
            descriptor = descriptor["member" if kind == "list" else "value"]

    def takes_shorthand(self, descriptor: Descriptor) -> bool:
        descriptor = self.resolve(descriptor)
        kind = descriptor["type"]
        if kind not in _COMPLEX or self.wraps_documents(descriptor):
            return False
        return kind != "list" or self.kind(descriptor["member"]) in _COMPLEX

    # awscli's BackCompatVisitor: the parsed strings as the model's types, in place
    def convert(self, descriptor: Descriptor, value: Any) -> Any:
        descriptor = self.resolve(descriptor)
        kind = descriptor["type"]
        if kind in _STRUCTURES:
            if kind == "document" and value is not None:
                raise _NestedDocument()
            if isinstance(value, dict):
                for name, member in descriptor.get("members", {}).items():
                    if value.get(name) is None:
                        continue
                    try:
                        value[name] = self.convert(member, value[name])
                    except _NestedDocument:
                        raise _ParamError(
                            "Shorthand syntax does not support document types. Use JSON "
                            "input for top-level argument to specify nested parameter: "
                            + name
                        ) from None
            return value
        if kind == "list":
            if not isinstance(value, list):
                # "a" for a list is ["a"]; the item is not converted ("1" stays a string)
                return value if value is None else [value]
            member = descriptor["member"]
            for index, item in enumerate(value):
                value[index] = self.convert(member, item)
            return value
        if kind == "map":
            if isinstance(value, dict):
                of = descriptor["value"]
                for key in value:
                    value[key] = self.convert(of, value[key])
            return value
        if value is None:
            return value
        if kind == "integer" or kind == "long":
            return int(value)
        if kind == "float" or kind == "double":
            return float(value)
        if kind == "boolean":
            lowered = value.lower()
            if lowered == "true":
                return True
            if lowered == "false":
                return False
        return value

    # awscli's ParamShorthandParser
    def shorthand(self, descriptor: Descriptor, value: Any) -> Any:
        root = self.resolve(descriptor)
        kind = root["type"]
        if kind == "list" and self.root.get("legacy_list"):
            member = self.resolve(root["member"])
            names = list(member.get("members", {}))
            if member["type"] == "structure" and len(names) == 1:
                return [{names[0]: word} for word in value]
        if kind == "structure":
            members = root.get("members", {})
            if (
                len(members) == 1
                and "Value" in members
                and self.kind(members["Value"]) == "string"
                and "=" not in value
            ):
                return {"Value": value}
        try:
            if isinstance(value, list):
                parsed: Any = [_parse(word) for word in value]
            else:
                parsed = _parse(value)
        except _ParseError as error:
            raise _ParamError(error.message()) from None
        self.convert(root, parsed)  # (what a top-level conversion returns is dropped)
        return parsed

    # awscli's unpack_cli_arg
    def unpack(self, descriptor: Descriptor, value: Any) -> Any:
        descriptor = self.resolve(descriptor)
        kind = descriptor["type"]
        if kind == "document" or (kind == "string" and descriptor.get("jsonvalue")):
            return _json(value)
        if kind in _SCALARS:
            return _scalar(descriptor, value)
        if kind == "structure" or kind == "map":
            if value.lstrip()[0] == "{":
                return _json(value)
            raise _ParamError(f"Invalid JSON:\n{value}")
        if kind == "list":
            if isinstance(value, str):
                if value.lstrip()[0] == "[":
                    return _json(value)
            elif isinstance(value, list) and len(value) == 1:
                word = value[0].strip()
                if word and word[0] == "[":
                    return _json(value[0])
            member = descriptor["member"]
            try:
                return [self.unpack(member, item) for item in value]
            except (ValueError, TypeError):
                raise _ParamError(str(value[0])) from None
        return str(value)


def _json(value: Any) -> Any:
    import json

    try:
        return json.loads(value)
    except ValueError as error:
        raise _ParamError(f"Invalid JSON: {error}\nJSON received: {value}") from None


def _scalar(descriptor: Descriptor, value: Any) -> Any:
    kind = descriptor["type"]
    if kind == "integer" or kind == "long":
        return int(value)
    if kind == "float" or kind == "double":
        return float(value)
    if kind == "blob" and descriptor.get("streaming"):
        path = os.path.expanduser(os.path.expandvars(value))
        if not os.path.isfile(path):
            raise _ParamError("Blob values must be a path to a file.")
        return open(path, "rb")
    if kind == "boolean":
        if isinstance(value, str) and value.lower() == "false":
            return False
        return bool(value)
    return value


def supports_shorthand(descriptor: Descriptor) -> bool:
    """Whether the AWS CLI parses the option's value as shorthand (when it does not look
    like JSON): structures, maps and lists of those, unless documents are all they hold.
    """
    return _Model(descriptor).takes_shorthand(descriptor)


def shorthand_value(
    descriptor: Descriptor, value: str | bytes | list[str], cli_name: str
) -> Any:
    """The botocore parameter value the AWS CLI makes of one option's command-line value.

    ``value`` is the option's value after ``file://`` loading (a list of words for a list
    option); ``cli_name`` is the option as typed in messages (``--tags``). Raises
    ``ShorthandError`` with the exact text the AWS CLI prints.
    """
    model = _Model(descriptor)
    try:
        check = value[0] if value and isinstance(value, list) else value
        if not (
            isinstance(check, str) and check.strip().startswith(("[", "{"))
        ) and model.takes_shorthand(descriptor):
            return model.shorthand(descriptor, value)
        return model.unpack(descriptor, value)
    except _ParamError as error:
        raise ShorthandError(f"Error parsing parameter '{cli_name}': {error}") from None
    except _LoadError as error:
        raise ShorthandError(str(error)) from None
    except (
        ValueError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
        RecursionError,
    ) as error:
        # awscli lets these through to its top level, which prints Python's words
        raise ShorthandError(str(error)) from error
