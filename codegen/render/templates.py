"""Template overrides: a directory of the user's templates layered over the built-in ones.

``[tool.codegen] templates = "dir"`` (or ``codegen generate --templates DIR``) names a directory
shaped like ``codegen/templates`` (``package/client.py.j2``, ``site/index.rst.j2``...). A template
there replaces the built-in one of the same name; the built-in stays reachable as
``builtin/<name>``, so an override can ``{% extends "builtin/package/client.py.j2" %}`` and
change one block. Jinja's ``ChoiceLoader`` and ``PrefixLoader`` do the layering.

What holds for the user's templates holds for ours: they get the same views (the template
contract, ``docs/templates.md``), the Python ones print only what an escaping filter made
(``escaping.finalize``), and their output is parsed (``ast``) and formatted like ours.

The directory declares the contract version its templates were written for, in
``codegen-templates.toml`` (``contract = 1``); a directory written for another version is
refused rather than rendered against views it does not know. A ``.j2`` file that overrides no
built-in template is refused too (a misspelt name would silently change nothing), unless its
name starts with ``_``: those are the user's own macros and includes.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import importlib.resources
import os
import sys
from pathlib import Path

import attrs
import jinja2

from codegen.errors import CodegenError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# The built-in templates, shipped inside the package (found wherever it is installed).
TEMPLATES_DIR = Path(str(importlib.resources.files("codegen") / "templates"))
# The version of the views templates receive (docs/templates.md); raised when a view loses or
# changes a field, so overrides written for the old views are refused, not half-rendered.
CONTRACT_VERSION = 1
CONTRACT_FILE = "codegen-templates.toml"
BUILTIN_PREFIX = "builtin"
# The runtime modules are copied into every package as they are; they are not templates.
_NOT_TEMPLATES = ("runtime",)


@attrs.frozen
class Overrides:
    """A checked directory of template overrides."""

    root: Path
    names: tuple[str, ...]  # every template in it, by name ("package/client.py.j2")
    digest: str  # of every file's name and content: part of the generated tree's cache key


@functools.lru_cache(maxsize=None)
def builtin_names() -> frozenset[str]:
    return frozenset(
        path.relative_to(TEMPLATES_DIR).as_posix()
        for path in TEMPLATES_DIR.rglob("*.j2")
        if path.parts[len(TEMPLATES_DIR.parts)] not in _NOT_TEMPLATES
    )


def load_overrides(root: Path, where: str = "templates") -> Overrides:
    """The overrides in ``root``, checked: the contract version, and every template's name."""
    if not root.is_dir():
        raise CodegenError(f"{where} {root}", "not a directory")
    _check_contract(root / CONTRACT_FILE)
    builtins = builtin_names()
    names, hasher = [], hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        name = path.relative_to(root).as_posix()
        hasher.update(f"{name}\0".encode())
        hasher.update(path.read_bytes())
        hasher.update(b"\0")
        if not name.endswith(".j2"):
            continue
        if name.split("/", 1)[0] in _NOT_TEMPLATES:
            raise CodegenError(str(path), "the runtime modules are not templates and cannot be overridden")
        if name not in builtins and not path.name.startswith("_"):
            close = difflib.get_close_matches(name, sorted(builtins), n=1)
            hint = f"; did you mean {close[0]}?" if close else " (name your own includes and macros _*.j2)"
            raise CodegenError(str(path), f"overrides no built-in template{hint}")
        names.append(name)
    return Overrides(root.resolve(), tuple(names), hasher.hexdigest())


def _check_contract(path: Path) -> None:
    if not path.is_file():
        raise CodegenError(
            str(path),
            f"missing: declare the template contract your templates follow (contract = {CONTRACT_VERSION}; "
            "see docs/templates.md)",
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CodegenError(str(path), f"cannot read: {exc}") from None
    contract = data.get("contract")
    if contract != CONTRACT_VERSION:
        raise CodegenError(
            f"{path}: contract",
            f"these templates follow contract {contract!r}; this codegen renders contract "
            f"{CONTRACT_VERSION} (docs/templates.md lists what changed)",
        )


def blame(exc: BaseException, overrides: Overrides | None) -> CodegenError | None:
    """The error as bad input naming the user's template and line, when it arose while one of
    the overrides was rendering (a syntax error, an undefined name, a value printed without an
    escaping filter); None when it arose in codegen's own templates or code (a bug of ours)."""
    if overrides is None:
        return None
    root = str(overrides.root)
    place = None
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        if os.path.realpath(exc.filename).startswith(root + os.sep):
            place = (exc.filename, exc.lineno)
    traceback = exc.__traceback__
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if filename.startswith(root + os.sep) or os.path.realpath(filename).startswith(root + os.sep):
            place = (filename, traceback.tb_lineno)  # the innermost frame of theirs wins
        traceback = traceback.tb_next
    if place is None:
        return None
    filename, line = place
    reason = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
    return CodegenError(f"{filename}:{line}", f"{type(exc).__name__}: {reason}")
