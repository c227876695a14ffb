"""Stage 4: format generated Python with black's API (pinned in pyproject.toml)."""

from __future__ import annotations

import ast

import black

from codegen.errors import CodegenError

MODE = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=88)


def format_python(source: str, path: str) -> str:
    """``source`` formatted by black, and checked to be valid Python.

    Invalid output is a generator bug, never the spec's fault (every spec string reaches the
    source through the escaping module); it is reported rather than written. black's own parser
    is more lenient than Python's (it accepts ``def f(*,)``), hence the ``ast`` check.
    """
    try:
        formatted = black.format_str(source, mode=MODE)
        ast.parse(formatted, filename=path)
    except (black.parsing.InvalidInput, SyntaxError) as exc:
        raise CodegenError(path, f"generated code does not parse: {exc}") from None
    return formatted
