"""The project configuration: ``[tool.codegen]`` in pyproject.toml."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs

from codegen.errors import CodegenError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@attrs.frozen
class ProjectConfig:
    service: str
    operations: tuple[str, ...]
    package: str
    root: Path


def find_pyproject(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path | None = None) -> ProjectConfig:
    """Read ``[tool.codegen]`` from the nearest pyproject.toml at or above ``start``."""
    path = find_pyproject((start or Path.cwd()).resolve())
    if path is None:
        raise CodegenError("pyproject.toml", "not found in this directory or any parent")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CodegenError(str(path), f"cannot read: {exc}") from None
    table = data.get("tool", {}).get("codegen")
    if not isinstance(table, dict):
        raise CodegenError(f"{path}: [tool.codegen]", "missing")
    where = f"{path}: [tool.codegen]"
    service = table.get("service")
    operations = table.get("operations")
    package = table.get("package")
    if not isinstance(service, str) or not service:
        raise CodegenError(f"{where}.service", "must be a non-empty string")
    if not isinstance(operations, list) or not all(isinstance(o, str) and o for o in operations):
        raise CodegenError(f"{where}.operations", "must be a list of operation names")
    if not isinstance(package, str) or not package.isidentifier():
        raise CodegenError(f"{where}.package", "must be a Python identifier")
    return ProjectConfig(service, tuple(operations), package, path.parent)
