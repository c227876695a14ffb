"""The built-in templates compiled ahead of time and shipped with the package
(``shipped.json``), so that a run does not compile them again.

Jinja loads a template by lexing and parsing it and writing Python for it, which Python then
compiles: for the 30 built-in templates 0.11 s and 0.02 s here, the first a sixth of a
one-operation run. The Python that Jinja writes for a template depends only on the
template's source, Jinja's version and the environment's settings (its syntax options, the
names and calling conventions of its filters and tests, its ``finalize``, and the filters'
own code, which Jinja calls at compile time on constant arguments). So it is written once,
by ``python -m codegen.render.compile_templates``, and kept beside the templates like any other module
of ours. Each environment's bytecode cache (``ShippedCode``) hands Jinja the Python
compile of that code for a template whose source has the checksum recorded with it (Jinja's
own checksum, as its bytecode caches use), when the environment's settings and Jinja's version
are those recorded; anything else (an override, a template edited since, another Jinja) Jinja
compiles itself, as before.

Not a cache: no run writes it, and nothing is read from the cache directory. The file is
part of the generator (its digest is in every key, like each template's), and
``tests/test_templates.py`` fails, naming the command, when it is not what Jinja writes now for
every built-in template.

*Instead:* Jinja's ``ModuleLoader`` imports templates compiled into modules, but trusts them
without any check against the template's source, and a module per template would need a
package of generated modules kept in step.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import sys
from pathlib import Path
from typing import Any, Callable

import jinja2
import jinja2.bccache


SHIPPED = Path(__file__).with_name("shipped.json")
# Which environment loads a template, by how its name ends (``codegen.render.environment``).
SUFFIXES = {"python": (".py.j2", ".toml.j2"), "text": (".rst.j2", ".conf.j2")}
COMMAND = "python -m codegen.render.compile_templates"


def settings(env: jinja2.Environment) -> str:
    """A digest of everything of ``env`` the Python written for a template depends on."""
    parts: list[str] = [
        jinja2.__version__,
        type(env).__qualname__,
        *(
            repr(getattr(env, option))
            for option in (
                "block_start_string", "block_end_string", "variable_start_string",
                "variable_end_string", "comment_start_string", "comment_end_string",
                "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
                "newline_sequence", "keep_trailing_newline", "optimized", "is_async",
            )
        ),
        "autoescape", env.autoescape if isinstance(env.autoescape, bool) else _name(env.autoescape),
        "extensions", *sorted(env.extensions),
        "policies", *(f"{key}={env.policies[key]!r}" for key in sorted(env.policies) if key.startswith("compiler.")),
    ]
    functions: list[Callable[..., Any]] = []
    for kind, table in (("filter", env.filters), ("test", env.tests)):
        for name in sorted(table):
            parts += [kind, name, _name(table[name]), repr(getattr(table[name], "jinja_pass_arg", None))]
            functions.append(table[name])
    if env.finalize is not None:
        parts += ["finalize", _name(env.finalize), repr(getattr(env.finalize, "jinja_pass_arg", None))]
        functions.append(env.finalize)
    # The code of what the optimizer may call on constants at compile time (``{{ "Install" |
    # underline }}`` is written into the template's Python as its result).
    modules = sorted({getattr(inspect.unwrap(function), "__module__", None) or "" for function in functions})
    for module in modules:
        parts += [module, _module_source(module)]
    return hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()


def _name(function: Any) -> str:
    unwrapped = inspect.unwrap(function)
    return f"{getattr(unwrapped, '__module__', '?')}.{getattr(unwrapped, '__qualname__', type(unwrapped).__qualname__)}"


@functools.lru_cache(maxsize=None)
def _module_source(module: str) -> str:
    """The source of one of the modules the filters are defined in (the standard library's
    and Jinja's by name only: they change with their versions, which are part of the key)."""
    if not module.startswith("codegen."):
        return ""
    path = getattr(sys.modules.get(module), "__file__", None)
    return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else ""


def environment_kind(name: str) -> str | None:
    """``"python"`` or ``"text"``: which environment loads the template ``name``."""
    return next((kind for kind, suffixes in SUFFIXES.items() if name.endswith(suffixes)), None)


class ShippedCode(jinja2.BytecodeCache):
    """An environment's bytecode cache holding the shipped code of the built-in templates."""

    def __init__(self, templates: dict[str, tuple[str, str]]) -> None:
        self._templates = templates  # name -> (Jinja's checksum of the source, its Python)

    @classmethod
    def of(cls, env: jinja2.Environment, kind: str) -> ShippedCode:
        """The shipped code for ``env`` (the ``kind`` environment), none when it was written
        for other settings or another Jinja."""
        return cls(_shipped(kind, settings(env)))

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        bucket = super().get_bucket(environment, name, filename, source)
        shipped = self._templates.get(name)
        if bucket.code is None and shipped is not None and shipped[0] == bucket.checksum:
            # What ``Environment.compile`` does with the Python it wrote.
            bucket.code = compile(shipped[1], filename or "<template>", "exec")
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        pass

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        pass  # nothing is kept: the environment's own cache holds the loaded template

    def covers(self, name: str, source: str) -> bool:
        """Whether the template ``name`` of this source is loaded from the shipped code."""
        shipped = self._templates.get(name)
        return shipped is not None and shipped[0] == self.get_source_checksum(source)


@functools.lru_cache(maxsize=None)
def _read() -> dict[str, Any]:
    try:
        data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _shipped(kind: str, environment_settings: str) -> dict[str, tuple[str, str]]:
    data = _read()
    part = data.get("environments", {}).get(kind)
    if data.get("jinja2") != jinja2.__version__ or not isinstance(part, dict):
        return {}
    if part.get("settings") != environment_settings:
        return {}
    templates = part.get("templates")
    if not isinstance(templates, dict):
        return {}
    return {
        name: (record["checksum"], record["code"])
        for name, record in templates.items()
        if isinstance(record, dict) and isinstance(record.get("checksum"), str) and isinstance(record.get("code"), str)
    }
