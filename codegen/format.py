"""Stage 4: format generated Python with black's API (pinned in pyproject.toml)."""

from __future__ import annotations

import black

from codegen.errors import CodegenError

MODE = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=88)


def format_python(source: str, path: str) -> str:
    try:
        return black.format_str(source, mode=MODE)
    except black.parsing.InvalidInput as exc:
        # Our templates produced invalid Python: a generator bug, never the spec's fault,
        # since every spec string reaches the source through the escaping module.
        raise CodegenError(path, f"generated code does not parse: {exc}") from None
