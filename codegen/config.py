"""The project configuration: ``[tool.codegen]`` in pyproject.toml.

Every key is checked when read, and a key codegen does not know is an error (with the known key
it most resembles), so a typo never silently leaves a setting at its default. The keys are
listed in README.md, "Configuration".
"""

from __future__ import annotations

import difflib
import sys
import urllib.parse
from pathlib import Path
from typing import Any, Callable

import attrs

from codegen.errors import CodegenError
from codegen.release import CHANGE_KINDS, DEFAULT_VERSION, PARTS, BumpPolicy, Metadata, parse

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@attrs.frozen
class DocsConfig:
    """The published site's settings (optional keys of ``[tool.codegen]``); ``codegen docs``
    passes them to Sphinx, so changing them rebuilds the site without regenerating anything."""

    base_url: str | None = None  # ``docs-base-url``: where the site is published (html_baseurl)
    project: str | None = None  # ``docs-project``: the site's name (default: the distribution's)
    copyright: str | None = None  # ``copyright``: the footer's copyright line


@attrs.frozen
class ProjectConfig:
    service: str
    operations: tuple[str, ...]
    package: str
    root: Path
    metadata: Metadata = Metadata()
    templates: Path | None = None  # a directory of template overrides (``codegen.render.templates``)
    changelog: Path | None = None  # where re-pins add their entries (None: root/CHANGELOG.md)
    docs: DocsConfig = DocsConfig()  # the published site's settings (``codegen docs``)

    @property
    def changelog_path(self) -> Path:
        return self.changelog or self.root / "CHANGELOG.md"


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
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CodegenError(str(path), f"cannot read: {exc}") from None
    table = data.get("tool", {}).get("codegen")
    if not isinstance(table, dict):
        raise CodegenError(f"{path}: [tool.codegen]", "missing")
    return project_config(table, path.parent, f"{path}: [tool.codegen]")


def project_config(table: dict[str, Any], root: Path, where: str) -> ProjectConfig:
    """The configuration from the ``[tool.codegen]`` table of the project at ``root``."""
    _known_keys(table, KEYS, where)
    service = table.get("service")
    operations = table.get("operations")
    package = table.get("package")
    if not isinstance(service, str) or not service:
        raise CodegenError(f"{where}.service", "must be a non-empty string")
    if not isinstance(operations, list) or not all(isinstance(o, str) and o for o in operations):
        raise CodegenError(f"{where}.operations", "must be a list of operation names")
    if not isinstance(package, str) or not package.isidentifier():
        raise CodegenError(f"{where}.package", "must be a Python identifier")
    templates = _optional(table, "templates", where, _text)
    changelog = _optional(table, "changelog", where, _text)
    return ProjectConfig(
        service,
        tuple(operations),
        package,
        root,
        _metadata(table, where),
        root / templates if templates is not None else None,
        root / changelog if changelog is not None else None,
        docs_config(table, where),
    )


def _metadata(table: dict[str, Any], where: str) -> Metadata:
    version = _optional(table, "version", where, _text) or DEFAULT_VERSION
    parse(version, f"{where}.version")
    distribution = _optional(table, "distribution", where, _text)
    if distribution is not None and not _is_distribution_name(distribution):
        raise CodegenError(
            f"{where}.distribution",
            f"{distribution!r} is not a distribution name (letters, digits, '-', '_' and '.')",
        )
    urls = _optional(table, "urls", where, lambda v, w: _string_table(v, w)) or {}
    classifiers = _optional(table, "classifiers", where, _string_list) or []
    return Metadata(
        version=version,
        distribution=distribution,
        description=_optional(table, "description", where, _text),
        license=_optional(table, "license", where, _text) or Metadata().license,
        urls=tuple(urls.items()),
        classifiers=tuple(classifiers),
        bumps=_bumps(table.get("version-bumps"), f"{where}.version-bumps"),
    )


def _bumps(value: object, where: str) -> BumpPolicy:
    default = BumpPolicy()
    if value is None:
        return default
    if not isinstance(value, dict):
        raise CodegenError(where, "must be a table of change kind = part")
    _known_keys(value, (*CHANGE_KINDS, "breaking-before-1"), where)
    for kind, part in value.items():
        if part not in PARTS:
            raise CodegenError(f"{where}.{kind}", f"must be one of {', '.join(PARTS)}, got {part!r}")
    parts = {kind: value.get(kind, default.parts[kind]) for kind in CHANGE_KINDS}
    return BumpPolicy(parts, value.get("breaking-before-1", default.breaking_before_1))


# Every key of [tool.codegen]; the keys of the documentation site are read by ``codegen docs``.
KEYS = (
    "service",
    "operations",
    "package",
    "distribution",
    "version",
    "version-bumps",
    "description",
    "license",
    "urls",
    "classifiers",
    "templates",
    "changelog",
    # The documentation site's (``docs_config``).
    "docs-base-url",
    "docs-project",
    "copyright",
)


def _known_keys(table: dict[str, Any], known: tuple[str, ...], where: str) -> None:
    for name in table:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(known)}"
            raise CodegenError(f"{where}.{name}", f"unknown key{hint}")


def _optional(table: dict[str, Any], name: str, where: str, check: Callable[[object, str], Any]) -> Any:
    value = table.get(name)
    return None if value is None else check(value, f"{where}.{name}")


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip() or not value.isprintable():
        raise CodegenError(where, "must be a non-empty string on one line")
    return value


def _string_list(value: object, where: str) -> list[str]:
    if not isinstance(value, list):
        raise CodegenError(where, "must be a list of strings")
    return [_text(item, f"{where}[{index}]") for index, item in enumerate(value)]


def _string_table(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise CodegenError(where, "must be a table of name = string")
    return {_text(k, where): _text(v, f"{where}.{k}") for k, v in value.items()}


def _is_distribution_name(name: str) -> bool:
    # PEP 508's names: ASCII letters and digits at both ends, '-', '_' and '.' between.
    return name.isascii() and name[0].isalnum() and name[-1].isalnum() and all(
        c.isalnum() or c in "-_." for c in name
    )


def docs_config(table: dict[str, object], where: str) -> DocsConfig:
    """The optional site keys, each checked: one line naming the key when it is wrong."""
    values: dict[str, str | None] = {}
    for key, field in (("docs-base-url", "base_url"), ("docs-project", "project"), ("copyright", "copyright")):
        value = table.get(key)
        if value is None:
            values[field] = None
            continue
        if not isinstance(value, str) or not value.strip() or not value.isprintable():
            raise CodegenError(f"{where}.{key}", "must be a non-empty string on one line")
        values[field] = value
    url = values["base_url"]
    if url is not None:
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("https", "http") or not parsed.netloc or parsed.query or parsed.fragment:
            raise CodegenError(f"{where}.docs-base-url", f"must be an http(s) URL without query or fragment, got {url!r}")
        if not url.endswith("/"):
            raise CodegenError(f"{where}.docs-base-url", f"must end with '/' (the site's root), got {url!r}")
    return DocsConfig(**values)
