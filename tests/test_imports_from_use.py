"""A generated module imports every name its annotations use: for a whole service, every
public callable's annotations resolve with ``typing.get_type_hints`` (overloads included),
and no generated module leaves a name undefined (pyflakes' check, through ruff)."""

from __future__ import annotations

import inspect
import subprocess
import sys
import typing
from pathlib import Path
from types import ModuleType

import pytest

from codegen.pipeline import generate_tree
from codegen.spec.source import ModelSource, all_operations
from codegen.write import write_tree
from tests.helpers import imported, sync_installed


def _package(tmp_path: Path, service: str) -> Path:
    spec = sync_installed(tmp_path / "specs", service, *all_operations(ModelSource.installed(), service))
    out = tmp_path / "out"
    write_tree(out, generate_tree(spec, f"typed_{service.replace('-', '_')}"))
    return out


def _callables(package: ModuleType) -> typing.Iterator[tuple[str, typing.Any]]:
    """Every public function, method and class of the package's modules, and each overload."""
    import importlib

    for module_name in ("client", "models", "errors", "paginators", "waiters", "testing"):
        try:
            module = importlib.import_module(f"{package.__name__}.{module_name}")
        except ModuleNotFoundError:
            continue
        for name, value in vars(module).items():
            if name.startswith("_") or getattr(value, "__module__", None) != module.__name__:
                continue
            if inspect.isclass(value):
                yield f"{module_name}.{name}", value
                for attribute, member in vars(value).items():
                    if inspect.isfunction(member) and not attribute.startswith("_") or attribute == "__init__":
                        yield f"{module_name}.{name}.{attribute}", member
                        for overload in getattr(typing, "get_overloads", lambda f: [])(member):
                            yield f"{module_name}.{name}.{attribute} (overload)", overload
            elif inspect.isfunction(value):
                yield f"{module_name}.{name}", value


def _unresolved(package: ModuleType) -> tuple[int, list[str]]:
    checked, failures = 0, []
    for name, value in _callables(package):
        checked += 1
        try:
            typing.get_type_hints(value)
        except Exception as error:  # NameError for a name the module did not import
            failures.append(f"{name}: {type(error).__name__}: {error}")
    return checked, failures


def _undefined_names(out: Path) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "F821,F822", "--no-cache", str(out)],
        capture_output=True, text=True,
    )
    return run.stdout if run.returncode else ""


@pytest.mark.parametrize("service", ["cloudtrail"])
def test_every_public_callable_of_a_whole_service_resolves(tmp_path: Path, service: str) -> None:
    out = _package(tmp_path, service)
    with imported(out, f"typed_{service}") as package:
        checked, failures = _unresolved(package)
    assert checked > 100 and failures == []
    assert _undefined_names(out) == ""


@pytest.mark.slow
@pytest.mark.parametrize("service", ["sagemaker", "s3", "dynamodb", "ec2", "sqs", "iam"])
def test_every_public_callable_of_a_big_service_resolves(tmp_path: Path, service: str) -> None:
    out = _package(tmp_path, service)
    with imported(out, f"typed_{service}") as package:
        checked, failures = _unresolved(package)
    print(f"\n{service}: {checked} callables, {len(failures)} unresolved")
    assert failures == []
    assert _undefined_names(out) == ""


def test_the_check_notices_a_name_a_module_did_not_import(tmp_path: Path) -> None:
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "__init__.py").write_text("")
    (tmp_path / "broken" / "client.py").write_text(
        "from __future__ import annotations\n\n\ndef call(when: datetime.datetime) -> None: ...\n"
    )
    sys.path.insert(0, str(tmp_path))
    try:
        import broken

        checked, failures = _unresolved(broken)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n.startswith("broken")]:
            del sys.modules[name]
    assert checked == 1 and failures == ["client.call: NameError: name 'datetime' is not defined"]
    assert "F821" in _undefined_names(tmp_path / "broken")
