"""The generator's shape, checked: no import cycles (counting imports inside functions, so a
cycle cannot hide in a lazy import), no module-level state that a run mutates, the command
table written once and read back whole by the generated CLI."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from tests.helpers import GENERATED, ROOT

CODEGEN = ROOT / "codegen"
_MUTATORS = {"append", "extend", "update", "clear", "pop", "popitem", "setdefault", "add", "discard", "remove", "insert"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, ast.Module]:
    """The generator's modules (not the runtime it ships in ``codegen/templates``)."""
    return {
        _module_name(p): ast.parse(p.read_text())
        for p in sorted(CODEGEN.rglob("*.py"))
        if "templates" not in p.relative_to(CODEGEN).parts
    }


def _imports(name: str, tree: ast.Module, known: set[str]) -> set[str]:
    """The codegen modules ``name`` imports, anywhere in it (``from a import b`` counts ``a.b``
    when that is a module, else ``a``)."""
    package = name if (CODEGEN / Path(*name.split(".")[1:]) / "__init__.py").exists() else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {m for m in found if m in known and m != name}


def test_codegen_has_no_import_cycle() -> None:
    modules = _modules()
    graph = {name: _imports(name, tree, set(modules)) for name, tree in modules.items()}
    # A package's __init__ re-exporting its modules is not a cycle through them.
    for name in graph:
        graph[name] = {m for m in graph[name] if not name.startswith(m + ".")}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for child in sorted(graph[name]):
            if state.get(child) == 1:
                cycles.append(path[path.index(child):] + [child] if child in path else [name, child])
            elif child not in state:
                visit(child, path + [child])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == [], cycles


def test_the_cycle_check_finds_a_cycle() -> None:
    """The check above is not vacuous: two modules importing each other are found."""
    a, b = ast.parse("import codegen.b"), ast.parse("from codegen import a")
    known = {"codegen.a", "codegen.b", "codegen"}
    assert _imports("codegen.a", a, known) == {"codegen.b"}
    assert _imports("codegen.b", b, known) == {"codegen.a"}


def _mutated_globals(tree: ast.Module) -> list[str]:
    """Module-level names bound to a mutable container that the module changes, and names
    declared ``global``."""
    containers = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        value = getattr(node, "value", None)
        mutable = isinstance(value, (ast.Dict, ast.List, ast.Set)) or (
            isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in {"dict", "list", "set"}
        )
        if mutable:
            containers |= {t.id for t in targets if isinstance(t, ast.Name)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found += node.names
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _MUTATORS:
            if isinstance(node.func.value, ast.Name) and node.func.value.id in containers:
                found.append(node.func.value.id)
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
            for target in getattr(node, "targets", None) or [getattr(node, "target", None)]:
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and target.value.id in containers:
                    found.append(target.value.id)
    return found


def test_no_module_of_codegen_keeps_state_a_run_changes() -> None:
    offenders = {name: found for name, tree in _modules().items() if (found := _mutated_globals(tree))}
    assert offenders == {}


def test_the_state_check_finds_mutated_state() -> None:
    assert _mutated_globals(ast.parse("_seen = {}\ndef f(k):\n    _seen[k] = 1\n")) == ["_seen"]
    assert _mutated_globals(ast.parse("X = []\ndef f():\n    X.append(1)\n")) == ["X"]
    assert _mutated_globals(ast.parse("n = 0\ndef f():\n    global n\n    n += 1\n")) == ["n"]
    assert _mutated_globals(ast.parse("TABLE = {'a': 1}\ndef f(): return TABLE['a']\n")) == []


def test_the_command_table_round_trips_to_the_generated_cli() -> None:
    """commands.json carries its format version, and the CLI's runtime makes its options from
    the entries as they are: the same names in the same order as the reference page's table."""
    from typed_sagemaker._cli import table

    from codegen.pipeline import load_services
    from codegen.render.awscli.commands import COMMANDS_FORMAT, cli_waiters, command_table, commands_data
    from tests.helpers import SPECS

    data = json.loads((GENERATED / "typed_sagemaker" / "commands.json").read_text())
    assert data["format"] == COMMANDS_FORMAT == table.COMMANDS_FORMAT
    ((_, service),) = load_services(SPECS, "typed_sagemaker")
    tables = tuple(command_table(service, op) for op in service.operations)
    # (the configured operations may have waiters: their ``wait`` commands are in the table too)
    assert json.loads(json.dumps(commands_data(service, tables, cli_waiters(service)))) == data
    for built in tables:
        options, shadowed = table.argument_table(table.commands()[built.command])
        assert list(options) == [argument.name for argument in built.arguments]
        assert set(shadowed) == {a.name for a in built.arguments if a.shadows is not None}
        for argument in built.arguments:
            assert options[argument.name].entry["kind"] == argument.kind


def test_a_commands_file_of_another_format_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typed_sagemaker._cli import table

    data = json.loads((GENERATED / "typed_sagemaker" / "commands.json").read_text())
    data["format"] = 99
    fake = tmp_path / "pkg" / "_cli"
    fake.mkdir(parents=True)
    (tmp_path / "pkg" / "commands.json").write_text(json.dumps(data))
    monkeypatch.setattr(table, "__file__", str(fake / "table.py"))
    table.loaded.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="format 99, not 3"):
            table.commands()
    finally:
        table.loaded.cache_clear()
