"""The one path by which any text reaches generated Python source.

Templates may only interpolate ``Source`` values (the environment's ``finalize`` rejects
anything else), and only the functions here make a ``Source`` out of spec data:

``literal``     any JSON-like value -> a Python literal (``repr`` for str, in black's quotes;
                finite numbers only)
``docstring``   text -> the body of a triple-double-quoted docstring that cannot end early
``identifier``  a name the IR already sanitized -> checked again, never trusted blindly
``code``        text the generator itself composed from identifiers (annotations, expressions)
"""

from __future__ import annotations

import keyword
import math
import re
from typing import Any


class Source(str):
    """Text that is safe to place in generated code as is."""

    __slots__ = ()


class UnsafeInterpolation(TypeError):
    """A template interpolated a value without passing it through an escaping filter."""


def literal(value: Any) -> Source:
    """A Python literal that evaluates to ``value``."""
    return Source(_literal(value))


def _literal(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write non-finite number {value!r} as a literal")
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, (list, tuple)):
        items = ", ".join(_literal(v) for v in value)
        return f"({items},)" if isinstance(value, tuple) and len(value) == 1 else (
            f"({items})" if isinstance(value, tuple) else f"[{items}]"
        )
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no literal form for {type(value).__name__}")


def _string(value: str) -> str:
    """``repr``: always a valid, self-contained literal, quotes and controls escaped; then in
    the quotes black would choose (double, unless that needs more escapes). black formats a
    module a second time whenever its first pass changed anything, so code it leaves alone
    formats twice as fast."""
    text = repr(value)
    if text[0] == '"' or value.count('"') > value.count("'"):
        return text  # repr chose double quotes, or black keeps single ones
    # repr escaped each ' (if any) and no "; swap which quote is escaped.
    return '"' + _REQUOTE.sub(_requote, text[1:-1]) + '"'


# An escape sequence (left as it is, but \' which loses its backslash) or a double quote.
_REQUOTE = re.compile(r'\\.|"', re.DOTALL)


def _requote(match: re.Match[str]) -> str:
    found = match.group()
    return {"\\'": "'", '"': '\\"'}.get(found, found)


_NOT_PRINTABLE = re.compile(r"[^\n\S ]|[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def docstring(text: str, indent: int = 0, closes: bool = False) -> Source:
    """``text`` as the body of a ``\"\"\"...\"\"\"`` docstring, indented by ``indent`` spaces.

    With ``closes`` (the closing quotes follow the body), a body of several lines ends with a
    line break, so the quotes stand on their own line as PEP 257 has them: black and ruff then
    agree on the layout (they differ on where to put quotes that end a long line).

    Backslashes are doubled first, so every escape added afterwards stands alone; runs of three
    double quotes and trailing double quotes are escaped, so the docstring cannot close early;
    control characters (including tabs, NUL and the Unicode line separators) become escapes.
    """
    text = text.replace("\\", "\\\\")
    text = "\n".join(
        _NOT_PRINTABLE.sub(_escape_char, line.rstrip()) for line in text.split("\n")
    ).strip("\n")
    # Trailing quotes first (they would run into the closing quotes), then any triple left.
    stripped = text.rstrip('"')
    text = stripped.replace('"""', '\\"\\"\\"') + '\\"' * (len(text) - len(stripped))
    pad = " " * indent
    body = "\n".join(pad + line if line else line for line in text.split("\n")).lstrip(" ")
    return Source(body + "\n" + pad if closes and "\n" in body else body)


def identifier(name: str) -> Source:
    if not (isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name)):
        raise ValueError(f"not a safe identifier: {name!r}")
    return Source(name)


def dotted(name: str) -> Source:
    """A dotted import path made of identifiers (``package.module``)."""
    for part in name.split("."):
        identifier(part)
    return Source(name)


def code(text: str) -> Source:
    """Generator-composed code. Callers build ``text`` only from identifiers and literals."""
    return Source(text)


def finalize(value: Any) -> Any:
    """Jinja's ``finalize`` hook: only ``Source`` may be printed into generated code."""
    if isinstance(value, Source):
        return value
    raise UnsafeInterpolation(
        f"template printed {type(value).__name__} {value!r:.60} without an escaping filter"
    )


def toml_string(value: str) -> Source:
    """A TOML basic string (JSON's string escapes are a subset of TOML's)."""
    import json

    return Source(json.dumps(str(value)))
