"""Test helpers: generate packages into temp dirs, import them, build sample values from the IR."""

from __future__ import annotations

import datetime
import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator
import contextlib

from codegen.config import load_config
from codegen.ir.nodes import Enum, ListOf, MapOf, Scalar, Service, Structure
from codegen.pipeline import generate_tree, load_services
from codegen.render.templates import load_overrides
from codegen.spec.source import ModelSource
from codegen.spec.store import build_snapshot_tree
from codegen.write import write_tree

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
FIXTURE_SPECS = ROOT / "tests" / "fixtures" / "specs"
# The project's own configuration: tests of generated/ follow it, whatever operations it selects.
PROJECT = load_config(ROOT)
PACKAGE = PROJECT.package


def generated_tree() -> dict[str, bytes]:
    """What ``codegen generate`` gives for the project: its specs, package, metadata, templates."""
    overrides = load_overrides(PROJECT.templates) if PROJECT.templates else None
    return dict(generate_tree(SPECS, PACKAGE, metadata=PROJECT.metadata, overrides=overrides))


def sync_installed(spec_dir: Path, service: str, *operations: str) -> Path:
    write_tree(spec_dir, build_snapshot_tree(ModelSource.installed(), {service: operations}))
    return spec_dir


def generate(spec_dir: Path, output: Path, package: str) -> Service:
    write_tree(output, generate_tree(spec_dir, package))
    return load_services(spec_dir, package)[0][1]


@contextlib.contextmanager
def imported(output: Path, package: str) -> Iterator[ModuleType]:
    """Import ``package`` from ``output``, and forget it afterwards."""
    sys.path.insert(0, str(output))
    try:
        module = importlib.import_module(package)
        importlib.import_module(f"{package}.models")  # binds module.models (the package is lazy)
        yield module
    finally:
        sys.path.remove(str(output))
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]


SCALAR_SAMPLES: dict[str, Any] = {
    "string": "sample",
    "integer": 3,
    "long": 2**40,
    "float": 1.5,
    "double": 2.25,
    "boolean": True,
    "timestamp": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
    "blob": b"\x00bytes",
}


def sample(service: Service, models: ModuleType, shape_name: str, depth: int = 0) -> Any:
    """A value of the shape: structures with every required member and, near the top, the
    optional ones too (recursive shapes stop by leaving optional members unset)."""
    shape = service.shape(shape_name)
    if isinstance(shape, Scalar):
        return SCALAR_SAMPLES[shape.kind]
    if isinstance(shape, Enum):
        return getattr(models, shape.class_name)(shape.values[0].value)
    if isinstance(shape, ListOf):
        return [sample(service, models, shape.member, depth + 1)]
    if isinstance(shape, MapOf):
        key = sample(service, models, shape.key, depth + 1)
        return {key if isinstance(key, str) else "key": sample(service, models, shape.value, depth + 1)}
    assert isinstance(shape, Structure)
    if shape.document:
        return {"free": ["form", 1]}
    members = shape.members if depth < 3 else shape.required_members
    if shape.union:
        members = members[:1]
    values = {m.attr_name: sample(service, models, m.shape, depth + 1) for m in members}
    return getattr(models, shape.class_name)(**values)


def write_spec(spec_dir: Path, model: dict[str, Any], paginators: dict[str, Any] | None = None,
               service: str = "demo", api_version: str = "2020-01-01",
               waiters: dict[str, Any] | None = None) -> Path:
    """A spec directory holding ``model`` as is (for hand-made and hostile models)."""
    import json

    base = spec_dir / service / api_version
    base.mkdir(parents=True, exist_ok=True)
    (base / "service-2.json").write_text(json.dumps(model), encoding="utf-8")
    (base / "paginators-1.json").write_text(json.dumps(paginators or {"pagination": {}}))
    if waiters is not None:
        (base / "waiters-2.json").write_text(json.dumps(waiters), encoding="utf-8")
    manifest = {"format": 1, "source": {"kind": "test", "botocore_version": "test"},
                "services": {service: {"api_version": api_version,
                                       "operations": sorted(model["operations"])}}}
    (spec_dir / "manifest.json").write_text(json.dumps(manifest))
    return spec_dir


def demo_model(shapes: dict[str, Any], operation_doc: str = "<p>Does it.</p>") -> dict[str, Any]:
    """A JSON-protocol service with one operation ``DoIt`` taking ``Input`` and returning ``Output``."""
    return {
        "version": "2.0",
        "metadata": {"apiVersion": "2020-01-01", "endpointPrefix": "demo", "jsonVersion": "1.1",
                     "protocol": "json", "serviceFullName": "Demo Service", "serviceId": "Demo",
                     "signatureVersion": "v4", "targetPrefix": "Demo", "uid": "demo-2020-01-01"},
        "operations": {"DoIt": {"name": "DoIt", "http": {"method": "POST", "requestUri": "/"},
                                "input": {"shape": "Input"}, "output": {"shape": "Output"},
                                "documentation": operation_doc}},
        "shapes": shapes,
    }


def counting_compiles(env: Any, monkeypatch: Any) -> list[str]:
    """The names of the templates ``env`` (a Jinja environment) compiles from now on, in order."""
    compiled: list[str] = []
    original = env.compile

    def compile(source, name=None, filename=None, *args, **kwargs):  # type: ignore[no-untyped-def]
        compiled.append(name)
        return original(source, name, filename, *args, **kwargs)

    monkeypatch.setattr(env, "compile", compile)
    return compiled


def failing_when_forked(function: Any, message: str) -> Any:
    """``function``, except that in a process forked from this one it raises ``message``."""
    import os

    parent = os.getpid()

    def wrapper(*args: Any) -> Any:
        if os.getpid() != parent:
            raise RuntimeError(message)
        return function(*args)

    return wrapper
