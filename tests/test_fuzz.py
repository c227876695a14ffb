"""Property-based tests: generated service models, hostile in every string the spec holds.

Each example is a whole botocore service model (shapes, operations, optional paginators) drawn
by hypothesis, with names that are keywords, builtins, dunders, unicode, leading digits, names
that collide after snake-casing and names of the generator's own helpers; HTML documentation
full of quotes, backslashes, NULs, Jinja markup, unbalanced tags and entities; enum values with
quotes, newlines and non-ASCII; patterns Python's ``re`` rejects; recursive and mutually
recursive shapes and nesting. For each, generation either

* succeeds, and the output parses, imports without running anything from the spec (a payload
  that would create a marker file does not), builds a value of every structure and round-trips
  it (``Cls.from_botocore(obj.to_botocore()) == obj``); or
* fails with a one-line ``CodegenError`` naming the JSON path at fault -- only for what the
  generator refuses by design, which the test works out on its own (``expected_refusals``):
  list/map cycles with no structure to break them, lists and maps nested past
  MAX_CONTAINER_NESTING, operation names that are not ASCII identifiers, two operations with
  one CLI command name.

Speed. Rendering a whole package costs seconds, nearly all of it in black and in compiling the
Jinja templates afresh (the pipeline makes a new environment each time). The fast property
(``test_fuzzed_models_generate_import_and_round_trip``) therefore renders through the real
pipeline with harness-only substitutions (``fast_pipeline``): the Jinja environments cached
(same configuration, same templates), and instead of black the validity check the formatter
makes, as a ``compile`` whose code objects the import then uses (black only re-lays out code;
the modules are imported from the rendered tree in memory, under a unique package name). A
second property (``test_fuzzed_models_through_the_command_line``) runs the unmodified
``codegen generate`` (black included) and imports in a fresh interpreter, on fewer examples.

Budgets (``derandomize=True``: the same examples on every run, no example database):

* default run: FAST_DEFAULT and CLI_DEFAULT examples (about half a minute);
* ``pytest -m fuzz tests/test_fuzz.py``: FAST_FUZZ and CLI_FUZZ examples (a few minutes);
  ``CODEGEN_FUZZ_EXAMPLES=N`` overrides the fast count in either mode.

Each test prints how many examples it ran.
"""

from __future__ import annotations

import ast
import collections
import contextlib
import datetime
import functools
import importlib
import importlib.abc
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path
from importlib.machinery import ModuleSpec
from types import CodeType, ModuleType
from typing import Any, Iterator, Mapping
from unittest import mock

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import codegen.pipeline
import codegen.render.service
from codegen.commands import main
from codegen.errors import CodegenError, json_path, one_line
from codegen.ir import naming
from codegen.ir.build import MAX_CONTAINER_NESTING, MAX_NESTING
from codegen.ir.nodes import Enum, ListOf, MapOf, Scalar, Service, Structure
from codegen.pipeline import generate_tree, load_services
from codegen.write import Tree, read_tree, write_tree
from tests.helpers import demo_model, write_spec

FAST_DEFAULT, FAST_FUZZ = 300, 1200
CLI_DEFAULT, CLI_FUZZ = 5, 15

# Anything from the spec that ran would create this file.
MARKER = Path(tempfile.gettempdir()) / f"codegen-fuzz-pwned-{os.getpid()}"
PAYLOAD = f"__import__('pathlib').Path({str(MARKER)!r}).write_text('pwned')"

# --- names -----------------------------------------------------------------------------------

NASTY_NAMES = [
    # keywords and soft keywords
    "class", "None", "True", "False", "def", "lambda", "import", "from", "async", "await",
    "match", "case", "type", "_",
    # builtins and names the generated modules use
    "str", "int", "list", "dict", "bool", "bytes", "float", "object", "Exception", "ValueError",
    "print", "exec", "eval", "id", "len", "super", "property", "staticmethod", "classmethod",
    "typing", "datetime", "attrs", "enum", "re", "botocore", "annotations", "importlib",
    "_runtime", "errors", "models", "client", "paginators", "cli", "data", "value", "params",
    "item0", "key0", "value0", "members", "config", "paginator", "cls", "self", "request",
    # dunders
    "__init__", "__class__", "__dict__", "__slots__", "__all__", "__getattr__", "__doc__",
    "__attrs_attrs__", "__main__", "__name__", "___",
    # the generator's own helpers
    "to_botocore", "from_botocore", "ToBotocore", "FromBotocore", "max_items", "MaxItems",
    "page_size", "PageSize", "starting_token", "StartingToken", "Client", "Paginator",
    "PageIterator", "ServiceError", "ValidationError", "MissingMemberError", "ResponseParseError", "WireEnum",
    "ERRORS", "SERVICE_NAME", "get_paginator", "GetPaginator", "can_paginate", "close",
    "Close", "exceptions", "meta", "botocore_client", "BotocoreClient", "Pages", "Paginate",
    # unicode, digits, punctuation
    "Ünïcödé", "名前", "ñame", "Straße", "ǅungla", "ℌilbert", "9Lives", "1", "0x", "a.b",
    "a-b", "a b", "a_b", "", " ", "Foo$", "x'); import os; ('", PAYLOAD,
]
# Groups that collide after snake-casing or class-naming.
COLLIDING = [
    ["FooBar", "foo_bar", "Foo_Bar", "FOO_BAR", "fooBar", "foo-bar", "Foo.Bar"],
    ["Type", "type", "TYPE", "type_", "Type_"],
    ["ID", "Id", "id", "I_D"],
    ["Shape", "Shape2", "名", "字", "_Shape", "shape"],
    ["Client", "Client_", "client"],
]
_identifier_like = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,11}", fullmatch=True)
# Operation names also name CLI commands and files: the generator takes ASCII identifiers
# (as every botocore model has) and refuses the rest, so most drawn names are such identifiers.
OPERATION_NAMES = [
    "Foo", "PaginateFoo", "paginate_foo", "Paginate", "GetPaginator", "CanPaginate", "Close",
    "Class", "None", "ToBotocore", "FromBotocore", "Request", "FooBar", "Foo_Bar", "FOOBar",
    "ListThings", "Exceptions", "Meta", "BotocoreClient", "Enter", "Call", "Main", "Help", "X",
]
names = st.one_of(
    st.sampled_from(NASTY_NAMES),
    st.sampled_from([n for group in COLLIDING for n in group]),
    _identifier_like,
    st.text(min_size=1, max_size=8),
)

# --- documentation and strings ---------------------------------------------------------------

DOC_FRAGMENTS = [
    '"""', "'''", '"', "'", "\\", "\\\\", "\\n", "\\x00", "\\N{BULLET}", "\\u0041", "\x00",
    "\t", "\r", "\r\n", "\n", "\u2028", "\u2029", "\x7f", "\x85", "\ufeff", "{{ 7 * 7 }}",
    "{% for x in range(3) %}{{ x }}{% endfor %}", "{# c #}", "{%", "%}", "{{", "}}",
    "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<code>", "</code>", "<ul><li>", "</li></ul>",
    "<li>", "</ul>", "<a href=\"x\">", "<a>", "</a>", "<note>", "</note>", "<br/>", "<p/>",
    "<important>", "<!-- c -->", "<![CDATA[", "]]>", "<?x?>", "<", ">", "&", "&amp;",
    "&lt;p&gt;", "&#x27;", "&#34;", "&quot;", "&nbsp;", "&bogus;", "&#0;", "&#xD800;",
    "::", ".. note::", "``", "`", "*", "**", "|", "_", "#", "Ünïcödé", "😀", "\U0001f600",
    PAYLOAD, f'"""; {PAYLOAD}; """', f"'''; {PAYLOAD}; '''", f"{{{{ {PAYLOAD} }}}}",
    "Sentence one. ", "Two words ", "  ",
]
documentation = st.one_of(
    st.just(""),
    st.lists(st.sampled_from(DOC_FRAGMENTS), max_size=10).map("".join),
    st.text(max_size=30),
)
enum_values = st.one_of(
    st.sampled_from([
        'it\'s "quoted"', "two\nlines", "ünïcödé", "a\\b", "", " ", "\x00", "None", "class",
        "IN_PROGRESS", "InProgress", "in-progress", "ml.m4.xlarge", "1a", "__init__", "_missing_",
        "name", "value", "mro", f"'); {PAYLOAD}; ('", '"""', "{{ x }}", "\u2028", "😀",
    ]),
    st.text(max_size=10),
)
PATTERNS = [
    "^[a-z]+$", "[", "(?<name>x)", "\\p{L}+", "(?i)a(?i)", "a{2,1}", "*", "\\", "\\Z\\z",
    "[\\s\\S]*", '"""', "'''", f"{{{{ {PAYLOAD} }}}}", "\x00", ".*\n.*",
]

# --- models ----------------------------------------------------------------------------------

SCALARS = ["string", "integer", "long", "float", "double", "boolean", "timestamp", "blob"]
KINDS = ["structure", "structure", "structure", "enum", "scalar", "scalar", "list", "map"]


@st.composite
def service_models(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A service-2 model and its paginators-1 table.

    Shapes are numbered; a structure member may refer to any shape (recursion and mutual
    recursion), but a *required* member refers to a structure only further down the numbering,
    so every structure has a finite value. Lists and maps may refer to anything, so cycles made
    of lists and maps alone (which no Python type can express) occur too.
    """
    count = draw(st.integers(2, 9))
    shape_names = draw(st.lists(names, min_size=count, max_size=count, unique=True))
    kinds = ["structure", "structure"] + [draw(st.sampled_from(KINDS)) for _ in range(count - 2)]
    string_like = [i for i, k in enumerate(kinds) if k in ("scalar", "enum")]
    scalar_kinds = {i: draw(st.sampled_from(SCALARS)) for i, k in enumerate(kinds) if k == "scalar"}
    flavours = {i: draw(st.sampled_from(FLAVOURS)) for i, k in enumerate(kinds) if k == "structure"}
    flavours[0] = "plain"  # something for operations to take and return
    # An exception shape is an operation's error, never a value inside another shape (botocore
    # models do that only in event streams, which the SDK does not model).
    targets = st.sampled_from([i for i in range(count) if flavours.get(i) != "exception"])
    shapes: dict[str, Any] = {}
    for index, (name, kind) in enumerate(zip(shape_names, kinds)):
        doc = draw(documentation)
        if kind == "scalar":
            shape: dict[str, Any] = {"type": scalar_kinds[index]}
            if scalar_kinds[index] == "string" and draw(st.booleans()):
                shape["pattern"] = draw(st.sampled_from(PATTERNS))
            if draw(st.booleans()):
                shape["min"] = draw(st.integers(0, 5))
                shape["max"] = draw(st.integers(5, 10**12))
            if draw(st.integers(0, 5)) == 0:
                shape["sensitive"] = True
        elif kind == "enum":
            values = draw(st.lists(enum_values, min_size=1, max_size=6))
            shape = {"type": "string", "enum": values}
        elif kind == "list":
            shape = {"type": "list", "member": {"shape": shape_names[draw(targets)]}}
            if draw(st.booleans()):
                shape["member"]["documentation"] = draw(documentation)
        elif kind == "map":
            key = shape_names[draw(st.sampled_from(string_like))] if string_like else None
            if key is None or scalar_kinds.get(shape_names.index(key), "string") != "string":
                key = "__fuzz_key"
                shapes[key] = {"type": "string"}
            shape = {"type": "map", "key": {"shape": key},
                     "value": {"shape": shape_names[draw(targets)]}}
            if draw(st.booleans()):
                shape["key"]["locationName"] = draw(names)
                shape["value"]["locationName"] = draw(names)
        else:
            shape = _structure(draw, index, flavours[index], targets, shape_names, kinds)
        if doc:
            shape["documentation"] = doc
        shapes[name] = shape
    if "__fuzz_key" in shapes and "__fuzz_key" not in shape_names:
        shape_names.append("__fuzz_key")
    if draw(st.integers(0, 5)) == 0:
        _nest(draw, shapes, shape_names, count, targets)

    plain = [n for n in shape_names[:count] if _plain_structure(shapes[n])]
    exceptions = [n for n in shape_names[:count] if shapes[n].get("exception")]
    operation_names = draw(st.lists(
        st.one_of(st.sampled_from(OPERATION_NAMES), _identifier_like), min_size=1, max_size=4, unique=True
    ))
    if draw(st.integers(0, 7)) == 0:  # now and then, a name the generator must refuse cleanly
        operation_names.append(draw(names.filter(lambda n: n and n not in operation_names)))
    operations: dict[str, Any] = {}
    pagination: dict[str, Any] = {}
    for op_name in operation_names:
        operation: dict[str, Any] = {"name": op_name, "http": {"method": "POST", "requestUri": "/"}}
        if plain and draw(st.integers(0, 5)) != 0:
            operation["input"] = {"shape": draw(st.sampled_from(plain))}
        if plain and draw(st.integers(0, 5)) != 0:
            operation["output"] = {"shape": draw(st.sampled_from(plain))}
        if exceptions:
            operation["errors"] = [{"shape": n} for n in draw(st.lists(st.sampled_from(exceptions), unique=True))]
        operation["documentation"] = draw(documentation)
        if draw(st.integers(0, 6)) == 0:
            operation["deprecated"] = True
        operations[op_name] = operation
        paginator = _paginator(draw, operation, shapes)
        if paginator is not None:
            pagination[op_name] = paginator
    model = {
        "version": "2.0",
        "metadata": {
            "apiVersion": "2020-01-01", "endpointPrefix": "fuzz", "jsonVersion": "1.1",
            "protocol": "json", "serviceFullName": draw(documentation) or "Fuzz",
            "serviceId": "Fuzz", "signatureVersion": "v4", "targetPrefix": "Fuzz",
            "uid": "fuzz-2020-01-01",
        },
        "documentation": draw(documentation),
        "operations": operations,
        "shapes": shapes,
    }
    return model, {"pagination": pagination}


FLAVOURS = ["plain"] * 6 + ["exception", "union", "document"]


def _nest(draw: st.DrawFn, shapes: dict[str, Any], shape_names: list[str], count: int,
          targets: st.SearchStrategy[int]) -> None:
    """Deep nesting: a chain of lists, maps and structures, each holding the next, from a new
    member of the first structure down to one of the model's shapes (the limits themselves are
    tested by ``test_nesting_up_to_the_limits_generates_and_beyond_is_refused``)."""
    kinds = draw(st.lists(st.sampled_from(["list"] * 4 + ["map"] * 4 + ["structure"]), min_size=1, max_size=45))
    prefix = "Nest"
    while any(f"{prefix}{i}" in shapes for i in range(len(kinds))):
        prefix = "_" + prefix
    chain = [f"{prefix}{i}" for i in range(len(kinds))]
    for name, kind, inner in zip(chain, kinds, chain[1:] + [shape_names[draw(targets)]]):
        if kind == "list":
            shapes[name] = {"type": "list", "member": {"shape": inner}}
        elif kind == "map":
            shapes.setdefault("__fuzz_key", {"type": "string"})
            shapes[name] = {"type": "map", "key": {"shape": "__fuzz_key"}, "value": {"shape": inner}}
        else:
            shapes[name] = {"type": "structure", "members": {"Inner": {"shape": inner}}}
    shapes[shape_names[0]]["members"]["Nested"] = {"shape": chain[0]}


def _structure(
    draw: st.DrawFn,
    index: int,
    flavour: str,
    targets: st.SearchStrategy[int],
    shape_names: list[str],
    kinds: list[str],
) -> dict[str, Any]:
    if flavour == "document":
        return {"type": "structure", "members": {}, "document": True}
    member_names = draw(st.one_of(
        st.lists(names, max_size=6, unique=True),
        st.sampled_from(COLLIDING).flatmap(lambda group: st.lists(st.sampled_from(group), unique=True)),
    ))
    members: dict[str, Any] = {}
    required: list[str] = []
    for member_name in member_names:
        target = draw(targets)
        target_is_structure = kinds[target] == "structure"
        member: dict[str, Any] = {"shape": shape_names[target]}
        if draw(st.booleans()):
            member["documentation"] = draw(documentation)
        if draw(st.integers(0, 6)) == 0:
            member["deprecated"] = True
            member["deprecatedMessage"] = draw(documentation)
        members[member_name] = member
        # Required edges between structures only go down the numbering: values stay finite.
        if flavour != "union" and (not target_is_structure or target > index) and draw(st.booleans()):
            required.append(member_name)
    shape: dict[str, Any] = {"type": "structure", "members": members}
    if required:
        shape["required"] = required
    if flavour == "union":
        shape["union"] = True
    if flavour == "exception":
        shape["exception"] = True
        shape["error"] = {"code": draw(names), "httpStatusCode": draw(st.integers(400, 599))}
    return shape


def _plain_structure(shape: dict[str, Any]) -> bool:
    return shape["type"] == "structure" and not shape.get("exception") and not shape.get("document")


_JMES_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _paginator(draw: st.DrawFn, operation: dict[str, Any], shapes: dict[str, Any]) -> dict[str, Any] | None:
    if "input" not in operation or "output" not in operation or not draw(st.booleans()):
        return None
    # Tokens are JMESPath expressions: a member name that is not an identifier is no token.
    inputs = [n for n in shapes[operation["input"]["shape"]]["members"] if _JMES_NAME.fullmatch(n)]
    outputs = [n for n in shapes[operation["output"]["shape"]]["members"] if _JMES_NAME.fullmatch(n)]
    if not inputs or not outputs:
        return None
    entry: dict[str, Any] = {
        "input_token": draw(st.sampled_from(sorted(inputs))),
        "output_token": draw(st.sampled_from(sorted(outputs))),
    }
    if draw(st.booleans()):
        entry["limit_key"] = draw(st.sampled_from(sorted(inputs)))
    if draw(st.booleans()):
        entry["result_key"] = draw(st.sampled_from(sorted(outputs)))
    return entry


# --- what a model may legitimately be refused for ---------------------------------------------


def expected_refusals(model: dict[str, Any]) -> list[str]:
    """The JSON paths a refusal of ``model`` may name; empty when it must generate."""
    operations = sorted(model["operations"])
    bad = [json_path("operations", n) for n in operations if not naming.OPERATION_NAME.fullmatch(n)]
    commands: dict[str, list[str]] = {}
    for name in operations:
        commands.setdefault(naming.cli_name(name), []).append(name)
    bad += [json_path("operations", n) for group in commands.values() if len(group) > 1 for n in group]
    reachable = reachable_shapes(model)
    cycles = container_cycles(model, reachable)
    bad += [json_path("shapes", n) for n in cycles]
    if not cycles:
        bad += [json_path("shapes", n) for n in too_deep_containers(model, reachable)]
    return bad


def too_deep_containers(model: dict[str, Any], reachable: set[str]) -> list[str]:
    """Lists and maps with more than MAX_CONTAINER_NESTING lists and maps nested in them
    (counting themselves) before a structure or scalar (the model has no list/map cycle)."""
    shapes = model["shapes"]
    depth: dict[str, int] = {}

    def nesting(name: str) -> int:
        shape = shapes[name]
        if shape["type"] not in ("list", "map"):
            return 0
        if name not in depth:
            inner = [shape["member"]["shape"]] if shape["type"] == "list" else [shape["value"]["shape"]]
            depth[name] = 1 + max(nesting(n) for n in inner)
        return depth[name]

    return [n for n in reachable if nesting(n) > MAX_CONTAINER_NESTING]


def container_cycles(model: dict[str, Any], reachable: set[str]) -> set[str]:
    """Shapes on a cycle made of lists and maps only (no structure in it to name a class)."""
    shapes = model["shapes"]

    def targets(name: str) -> list[str]:
        shape = shapes[name]
        if shape["type"] == "list":
            return [shape["member"]["shape"]]
        if shape["type"] == "map":
            return [shape["key"]["shape"], shape["value"]["shape"]]
        return []

    on_cycle: set[str] = set()
    for start in reachable:
        stack, seen = list(targets(start)), set()
        while stack:
            name = stack.pop()
            if name == start:
                on_cycle.add(start)
                break
            if name not in seen:
                seen.add(name)
                stack.extend(targets(name))
    return on_cycle


def reachable_shapes(model: dict[str, Any]) -> set[str]:
    shapes, seen = model["shapes"], set()
    stack = [
        ref["shape"]
        for op in model["operations"].values()
        for ref in [op.get("input"), op.get("output"), *op.get("errors", [])]
        if ref
    ]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        if shape["type"] == "structure":
            stack.extend(m["shape"] for m in shape.get("members", {}).values())
        elif shape["type"] == "list":
            stack.append(shape["member"]["shape"])
        elif shape["type"] == "map":
            stack.extend([shape["key"]["shape"], shape["value"]["shape"]])
    return seen


# --- sample values ---------------------------------------------------------------------------

SCALAR_SAMPLES: dict[str, Any] = {
    "string": "sample \"'\\\n\x00ü",
    "integer": -3,
    "long": 2**40,
    "float": 1.5,
    "double": -2.25,
    "boolean": False,
    "timestamp": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
    "blob": b"\x00bytes",
}


def sample(service: Service, models: ModuleType, shape_name: str, depth: int = 0) -> Any:
    """A value of the shape. Near the top every member is set and containers hold one item;
    deeper, only required members are set and containers are empty, so recursion ends (the
    generated models' required structure references never form a cycle)."""
    shape = service.shape(shape_name)
    if isinstance(shape, Scalar):
        return SCALAR_SAMPLES[shape.kind]
    if isinstance(shape, Enum):
        return getattr(models, shape.class_name)(shape.values[-1].value)
    shallow = depth < 4
    if isinstance(shape, ListOf):
        return [sample(service, models, shape.member, depth + 1)] if shallow else []
    if isinstance(shape, MapOf):
        if not shallow:
            return {}
        key = sample(service, models, shape.key, depth + 1)
        return {key: sample(service, models, shape.value, depth + 1)}
    assert isinstance(shape, Structure)
    if shape.document:
        return {"free": ["form", 1, None]}
    members = shape.members if shallow else shape.required_members
    cls = getattr(models, shape.class_name)
    if shape.union:  # exactly one member; deep down (or with none), one the model does not know
        if not shallow or not shape.members:
            from importlib import import_module

            shapes = import_module(models.__name__.rpartition(".")[0] + "._runtime.shapes")
            return cls(unknown_member=shapes.UnknownMember("NewMember"))
        members = shape.members[:1]
    values = {m.attr_name: sample(service, models, m.shape, depth + 1) for m in members}
    return cls(**values)


# --- harness ---------------------------------------------------------------------------------


class CompiledFormatter:
    """Stands in for ``format_sources``: the same validity check (compiling,
    which also catches what ``ast.parse`` lets through, such as a repeated parameter), the same
    error, and the code objects kept so the import below does not compile the modules again."""

    def __init__(self) -> None:
        self.code: dict[str, CodeType] = {}

    def format_python(self, source: str, path: str) -> str:
        try:
            self.code[path] = compile(source, path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            raise CodegenError(path, f"generated code does not parse: {exc}") from None
        return source

    def format_sources(
        self, sources: Mapping[str, str], cache: Any = None, workers: Any = None, formatter: Any = None
    ) -> dict[str, str]:
        return {path: self.format_python(source, path) for path, source in sources.items()}

    def formatting(self, sources: Mapping[str, str], *args: Any, **kwargs: Any) -> contextlib.nullcontext[Any]:
        """Stands in for ``Formatting``: checked at once, the result ready."""
        checked = self.format_sources(sources)
        return contextlib.nullcontext(types.SimpleNamespace(result=lambda: checked, pool=None, let_go=lambda: None))


@contextlib.contextmanager
def fast_pipeline() -> Iterator[CompiledFormatter]:
    """The real pipeline (its Jinja environments are compiled once per process anyway) with
    black replaced by its validity check."""
    formatter = CompiledFormatter()
    with mock.patch.object(codegen.render.service, "format_sources", formatter.format_sources), \
            mock.patch.object(codegen.render.service, "Formatting", formatter.formatting):
        yield formatter


class TreeImporter(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports ``package`` and its modules straight from a rendered tree (modules are not
    written out), using the code objects compiled while rendering when there are any. A
    module's ``__file__`` lies under ``root``, where the package's data files are."""

    def __init__(self, tree: Tree, package: str, code: dict[str, CodeType], root: Path) -> None:
        self.tree, self.package, self.code, self.root = tree, package, code, root

    def _path(self, fullname: str) -> str | None:
        if fullname != self.package and not fullname.startswith(self.package + "."):
            return None
        base = fullname.replace(".", "/")
        for relative in (f"{base}/__init__.py", f"{base}.py"):
            if relative in self.tree:
                return relative
        return None

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        relative = self._path(fullname)
        if relative is None:
            return None
        spec = importlib.util.spec_from_loader(
            fullname, self, origin=str(self.root / relative), is_package=relative.endswith("/__init__.py")
        )
        assert spec is not None
        spec.has_location = True
        return spec

    def exec_module(self, module: ModuleType) -> None:
        relative = self._path(module.__name__)
        assert relative is not None
        code = self.code.get(relative) or compile(self.tree[relative], relative, "exec", dont_inherit=True)
        exec(code, module.__dict__)


@contextlib.contextmanager
def imported_tree(tree: Tree, package: str, code: dict[str, CodeType]) -> Iterator[dict[str, ModuleType]]:
    """Every module of ``package`` (but ``__main__``), imported from ``tree``; forgotten after."""
    root = Path(tempfile.mkdtemp(prefix="fuzz-tree-"))
    for relative, content in tree.items():
        if relative.startswith(package + "/") and not relative.endswith(".py"):
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_bytes(content)
    finder = TreeImporter(tree, package, code, root)
    sys.meta_path.insert(0, finder)
    try:
        modules = {}
        for relative in sorted(tree):
            directory, _, filename = relative.rpartition("/")
            if directory == package and filename.endswith(".py") and filename != "__main__.py":
                stem = filename[: -len(".py")]
                name = package if stem == "__init__" else f"{package}.{stem}"
                modules[stem] = importlib.import_module(name)
        yield modules
    finally:
        sys.meta_path.remove(finder)
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]
        shutil.rmtree(root, ignore_errors=True)


class Tally:
    def __init__(self) -> None:
        self.examples = self.generated = self.refused = 0
        self.reasons: collections.Counter[str] = collections.Counter()
        self.started = time.monotonic()

    def refuse(self, problem: str) -> None:
        self.refused += 1
        self.reasons[" ".join(problem.split()[:4])] += 1

    def report(self, capsys: pytest.CaptureFixture[str], what: str) -> str:
        line = (
            f"{what}: {self.examples} examples, {self.generated} generated and checked, "
            f"{self.refused} refused with a one-line CodegenError, "
            f"{time.monotonic() - self.started:.1f} s"
        )
        if self.reasons:
            line += " (" + "; ".join(f"{n}x {r}..." for r, n in self.reasons.most_common()) + ")"
        with capsys.disabled():
            print(f"\n{line}")
        return line


def fuzz_mode(request: pytest.FixtureRequest) -> bool:
    """Whether the run selected the fuzz job (``-m fuzz``, not ``-m "not fuzz"``)."""
    return re.search(r"(?<!not )\bfuzz\b", request.config.option.markexpr or "") is not None


def fuzz_settings(request: pytest.FixtureRequest, default: int, fuzz: int, env: str | None = None) -> settings:
    count = fuzz if fuzz_mode(request) else default
    if env and os.environ.get(env):
        count = int(os.environ[env])
    return settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.filter_too_much],
    )


def check_refusal(message: str, model: dict[str, Any]) -> None:
    """A refusal is one line naming the place at fault, and only for what cannot be expressed."""
    assert "\n" not in message.strip()
    expected = expected_refusals(model)
    assert expected, f"a valid model was refused: {message}"
    assert any(f": {one_line(path)}:" in message for path in expected), (message, expected)


def check_package(service: Service, modules: dict[str, ModuleType]) -> None:
    models = modules["models"]
    for structure in service.structures:
        value = sample(service, models, structure.shape_name)
        cls = getattr(modules["__init__"], structure.class_name)
        assert cls is type(value)
        wire = value.to_botocore()
        json.dumps(wire, default=str)  # plain data: dicts, lists, scalars
        assert cls.from_botocore(wire) == value, structure.shape_name
        repr(value)
    for enum in service.enums:
        members = list(getattr(models, enum.class_name))
        assert [m.value for m in members] == [v.value for v in enum.values]
    for exception in service.exceptions:
        error_class = getattr(modules["errors"], exception.class_name)
        assert error_class.code == exception.error_code
        # Two error shapes may share a code; as in botocore, the last one listed gets it.
        assert modules["errors"].ERRORS[error_class.code].code == exception.error_code
    client = modules["client"].Client
    for operation in service.operations:
        assert callable(getattr(client, operation.method_name))


def generate_and_check(
    model: dict[str, Any], paginators: dict[str, Any], package: str, formatter: CompiledFormatter
) -> str | None:
    """Generate (under ``fast_pipeline``) and check one model: None when it generated, imported
    and round-tripped; the problem when it was refused as it had to be."""
    formatter.code.clear()
    with tempfile.TemporaryDirectory(prefix="codegen-fuzz-") as directory:
        spec_dir = write_spec(Path(directory) / "specs", model, paginators)
        try:
            tree = generate_tree(spec_dir, package)
        except CodegenError as error:
            check_refusal(error.one_line(), model)
            return error.problem
        assert not expected_refusals(model), "expected a refusal"
        service = load_services(spec_dir, package)[0][1]
    with imported_tree(tree, package, formatter.code) as modules:
        check_package(service, modules)
    assert not MARKER.exists(), "code from the spec ran"
    return None


@pytest.mark.fuzz
def test_fuzzed_models_generate_import_and_round_trip(
    request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    tally = Tally()
    MARKER.unlink(missing_ok=True)
    formatters: list[CompiledFormatter] = []

    @fuzz_settings(request, FAST_DEFAULT, FAST_FUZZ, "CODEGEN_FUZZ_EXAMPLES")
    @given(service_models())
    def generated(spec: tuple[dict[str, Any], dict[str, Any]]) -> None:
        tally.examples += 1
        problem = generate_and_check(*spec, f"fuzz_{os.getpid()}_{tally.examples}", formatters[0])
        if problem is None:
            tally.generated += 1
        else:
            tally.refuse(problem)

    with fast_pipeline() as formatter:
        formatters.append(formatter)
        generated()
    tally.report(capsys, "fuzz (fast pipeline)")
    assert tally.generated > tally.examples // 2


@pytest.mark.fuzz
def test_fuzzed_models_through_the_command_line(
    request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    """The unmodified ``codegen generate`` (black included); import in a fresh interpreter
    whose working directory would receive a payload's file."""
    tally = Tally()
    # The format cache of this test alone: the package's fixed modules are formatted once.
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "cache"))
    MARKER.unlink(missing_ok=True)

    @fuzz_settings(request, CLI_DEFAULT, CLI_FUZZ)
    @given(service_models())
    def generated(spec: tuple[dict[str, Any], dict[str, Any]]) -> None:
        model, paginators = spec
        tally.examples += 1
        with tempfile.TemporaryDirectory(prefix="codegen-fuzz-") as directory:
            root = Path(directory)
            spec_dir = write_spec(root / "specs", model, paginators)
            out = root / "out"
            write_tree(out, {"keep.txt": b"previous"})
            with contextlib.redirect_stderr(stderr := _Buffer()), contextlib.redirect_stdout(_Buffer()):
                code = main(["generate", "--spec-dir", str(spec_dir), "--output", str(out),
                             "--package", "fuzzed"])
            if code == 2:
                assert stderr.text.count("\n") == 1, stderr.text
                check_refusal(stderr.text, model)
                assert read_tree(out) == {"keep.txt": b"previous"}
                tally.refuse(stderr.text.split(": ", 3)[-1])
                return
            assert code == 0, stderr.text
            for path in out.rglob("*.py"):
                ast.parse(path.read_text(encoding="utf-8"), str(path))
            script = (
                "import importlib, pathlib\n"
                "for p in sorted(pathlib.Path('fuzzed').glob('*.py')):\n"
                "    if p.stem != '__main__':\n"
                "        importlib.import_module('fuzzed' + ('' if p.stem == '__init__' else '.' + p.stem))\n"
                "print('ok')\n"
            )
            run = subprocess.run(
                [sys.executable, "-c", script], cwd=out, capture_output=True, text=True,
                env={**os.environ, "PYTHONPATH": str(out), "PYTHONDONTWRITEBYTECODE": "1"},
            )
            assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr
            assert not MARKER.exists()
            tally.generated += 1

    generated()
    tally.report(capsys, "fuzz (codegen generate, black)")


class _Buffer:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


# --- what the fuzzing found, kept as plain regression tests ------------------------------------


@pytest.fixture
def fast() -> Iterator[CompiledFormatter]:
    MARKER.unlink(missing_ok=True)
    with fast_pipeline() as formatter:
        yield formatter


def _model(shapes: dict[str, Any], operations: dict[str, Any]) -> dict[str, Any]:
    model = demo_model(shapes)
    model["operations"] = {
        name: {"name": name, "http": {"method": "POST", "requestUri": "/"}, **operation}
        for name, operation in operations.items()
    }
    return model


def test_classes_named_like_module_constants(fast: CompiledFormatter) -> None:
    """An error shape named ``ERRORS`` replaced ``errors.ERRORS`` (the code -> class table)."""
    model = _model(
        {"Input": {"type": "structure", "members": {"Name": {"shape": "SERVICE_NAME"}}},
         "SERVICE_NAME": {"type": "structure", "members": {}},
         "ERRORS": {"type": "structure", "members": {}, "exception": True}},
        {"DoIt": {"input": {"shape": "Input"}, "errors": [{"shape": "ERRORS"}]}},
    )
    assert generate_and_check(model, {"pagination": {}}, "fuzz_constants", fast) is None
    service = load_services_for(model)
    assert {s.class_name for s in service.shapes if isinstance(s, Structure)} == {
        "Input", "SERVICE_NAME_", "ERRORS_"}


def test_an_operation_named_like_the_paginate_method_of_another(fast: CompiledFormatter) -> None:
    """``PaginateFoo`` beside a paginated ``Foo``: both wanted the client method ``paginate_foo``."""
    shapes = {
        "Input": {"type": "structure", "members": {"Token": {"shape": "Text"}}},
        "Output": {"type": "structure", "members": {"Token": {"shape": "Text"}, "Items": {"shape": "Texts"}}},
        "Texts": {"type": "list", "member": {"shape": "Text"}},
        "Text": {"type": "string"},
    }
    operations = {name: {"input": {"shape": "Input"}, "output": {"shape": "Output"}}
                  for name in ("Foo", "PaginateFoo", "Zed", "PaginateZed")}
    paginators = {"pagination": {name: {"input_token": "Token", "output_token": "Token", "result_key": "Items"}
                                 for name in ("Foo", "Zed")}}
    model = _model(shapes, operations)
    assert generate_and_check(model, paginators, "fuzz_paginate", fast) is None
    methods = {op.name: op.method_name for op in load_services_for(model, paginators).operations}
    assert methods == {"Foo": "foo", "PaginateFoo": "paginate_foo2", "Zed": "zed", "PaginateZed": "paginate_zed2"}


def _chain(kind: str, depth: int) -> dict[str, Any]:
    """``Input.Deep`` -> ``depth`` nested lists (or structures) -> a string."""
    shapes: dict[str, Any] = {"Input": {"type": "structure", "members": {"Deep": {"shape": "L0"}}},
                              f"L{depth}": {"type": "string"}}
    for i in range(depth):
        shapes[f"L{i}"] = (
            {"type": "list", "member": {"shape": f"L{i + 1}"}} if kind == "list"
            else {"type": "structure", "members": {"Next": {"shape": f"L{i + 1}"}}, "required": ["Next"]}
        )
    return _model(shapes, {"DoIt": {"input": {"shape": "Input"}}})


def test_nesting_up_to_the_limits_generates_and_beyond_is_refused(fast: CompiledFormatter) -> None:
    """Deep list nesting made code Python cannot parse; deep structure nesting exhausted the
    stack while rendering the reference pages (RecursionError)."""
    assert generate_and_check(_chain("list", MAX_CONTAINER_NESTING), {}, "fuzz_lists", fast) is None
    problem = generate_and_check(_chain("list", MAX_CONTAINER_NESTING + 1), {}, "fuzz_lists2", fast)
    assert problem is not None and "nested more than" in problem
    # Input, the chain and the string: MAX_NESTING shapes deep.
    assert generate_and_check(_chain("structure", MAX_NESTING - 2), {}, "fuzz_structs", fast) is None
    with pytest.raises(CodegenError, match=f"shapes nested more than {MAX_NESTING} deep"):
        load_services_for(_chain("structure", MAX_NESTING - 1))


def load_services_for(model: dict[str, Any], paginators: dict[str, Any] | None = None) -> Service:
    with tempfile.TemporaryDirectory() as directory:
        return load_services(write_spec(Path(directory), model, paginators), "fuzz_ir")[0][1]


def test_a_member_whose_shape_is_an_error_shape(fast: CompiledFormatter) -> None:
    model = _model(
        {"Input": {"type": "structure", "members": {"Problem": {"shape": "Oops"}}},
         "Oops": {"type": "structure", "members": {"Message": {"shape": "Text"}}, "exception": True},
         "Text": {"type": "string"}},
        {"DoIt": {"input": {"shape": "Input"}, "errors": [{"shape": "Oops"}]}},
    )
    with tempfile.TemporaryDirectory() as directory:
        tree = generate_tree(write_spec(Path(directory), model), "fuzz_error_member")
    with imported_tree(tree, "fuzz_error_member", {}) as modules:
        # The error's class is the exception in errors.py; as a member it stays a dict.
        data = {"Problem": {"Message": "x"}}
        value = modules["models"].Input.from_botocore(data)
        assert value.problem == {"Message": "x"} and value.to_botocore() == data
