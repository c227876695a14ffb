"""The generated typed SDKs under test: whole-service packages generated from the installed
botocore into a temporary directory, imported for the test module, and driven from botocore
wire-form parameters.

Packages are generated once per session (with the cache in :data:`CACHE_DIR` kept between
sessions, code is not formatted again: the eight services take about 12 s instead of 35 s) and
imported by a module-scoped fixture that forgets them afterwards, so no ``typed_<service>``
module outlives the tests that use it.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator, Mapping

import pytest

from codegen.ir.nodes import Enum, ListOf, MapOf, Operation, Service, Structure
from codegen.pipeline import generate_tree, load_services
from codegen.spec.source import ModelSource, all_operations
from codegen.write import write_tree
from tests.helpers import sync_installed

#: Kept across sessions: formatted code and whole trees by content hash (``codegen.cache``).
CACHE_DIR = Path(
    os.environ.get("MOTO_TESTS_CACHE_DIR")
    or Path.home() / ".cache" / "botocore-codegen-moto-tests"
)


def package_name(service: str) -> str:
    return f"typed_{service}"


@dataclass
class GeneratedPackage:
    service: str
    package: str
    output: Path  # the directory holding the package (goes on sys.path)
    ir: Service
    seconds: float  # sync + generate + write


@dataclass
class PackageFactory:
    """Generates each service's whole package on first request, once per session."""

    root: Path
    cache_dir: Path | None = CACHE_DIR
    built: dict[str, GeneratedPackage] = field(default_factory=dict)

    def get(self, service: str) -> GeneratedPackage:
        if service not in self.built:
            started = time.monotonic()
            package = package_name(service)
            spec_dir = sync_installed(
                self.root / "specs" / service, service,
                *all_operations(ModelSource.installed(), service),
            )
            output = self.root / "out" / service
            write_tree(output, generate_tree(spec_dir, package, self.cache_dir))
            ir = load_services(spec_dir, package)[0][1]
            self.built[service] = GeneratedPackage(
                service, package, output, ir, time.monotonic() - started
            )
        return self.built[service]


class TypedService:
    """One imported package with what the harness needs to drive it by wire names: the
    client, the request class of an operation built from botocore parameters, and the
    generated class of a modeled error."""

    def __init__(self, generated: GeneratedPackage, module: ModuleType) -> None:
        self.generated = generated
        self.ir = generated.ir
        self.module = module
        self.models = module.models
        self.operations: dict[str, Operation] = {op.name: op for op in self.ir.operations}

    @property
    def protocol(self) -> str:
        return self.ir.protocol

    def client(self, **kwargs: Any) -> Any:
        return self.module.Client(**kwargs)

    def operation(self, name: str) -> Operation:
        return self.operations[name]

    def request_class(self, operation: str) -> type | None:
        op = self.operation(operation)
        return None if op.input is None else self._class_of(op.input)

    def output_class(self, operation: str) -> type | None:
        op = self.operation(operation)
        return None if op.output is None else self._class_of(op.output)

    def build_request(self, operation: str, params: Mapping[str, Any]) -> Any:
        """The operation's request object for botocore ``params``, built member by member
        from the IR (independently of the generated ``from_botocore``)."""
        op = self.operation(operation)
        if op.input is None:
            if params:
                raise ValueError(f"{operation} takes no parameters")
            return None
        return self.build(op.input, params, operation)

    def build(self, shape_name: str, value: Any, path: str) -> Any:
        shape = self.ir.shape(shape_name)
        if isinstance(shape, Structure) and not shape.document:
            members = {m.wire_name: m for m in shape.members}
            unknown = sorted(set(value) - set(members))
            if unknown:
                raise ValueError(f"{path}: {shape_name} has no member {', '.join(unknown)}")
            fields = {
                members[wire].attr_name: self.build(members[wire].shape, item, f"{path}.{wire}")
                for wire, item in value.items()
            }
            return self._class_of(shape_name)(**fields)
        if isinstance(shape, ListOf):
            return [self.build(shape.member, item, f"{path}[{i}]") for i, item in enumerate(value)]
        if isinstance(shape, MapOf):
            return {
                self.build(shape.key, key, f"{path} (key)"): self.build(shape.value, item, f"{path}.{key}")
                for key, item in value.items()
            }
        if isinstance(shape, Enum):
            enum_class = getattr(self.models, shape.class_name)
            try:
                return enum_class(value)
            except ValueError:
                return value  # a value the model does not know is passed as a plain string
        return value

    def _class_of(self, shape_name: str) -> type:
        shape = self.ir.shape(shape_name)
        assert isinstance(shape, Structure), shape_name
        return getattr(self.models, shape.class_name)

    def output_has_member(self, operation: str, wire_name: str) -> bool:
        output = self.operation(operation).output
        if output is None:
            return False
        shape = self.ir.shape(output)
        return isinstance(shape, Structure) and any(m.wire_name == wire_name for m in shape.members)

    def error_class(self, shape_name: str) -> type:
        """The generated class of the modeled error ``shape_name``, by the IR's name for it."""
        shape = self.ir.shape(shape_name)
        assert isinstance(shape, Structure) and shape.exception, shape_name
        return getattr(self.module, shape.class_name)

    def error_members(self, shape_name: str) -> list[tuple[str, str]]:
        """(wire name, attribute name) of the modeled error's members."""
        shape = self.ir.shape(shape_name)
        assert isinstance(shape, Structure)
        return [(m.wire_name, m.attr_name) for m in shape.members]


@pytest.fixture(scope="session")
def typed_package_factory(tmp_path_factory: pytest.TempPathFactory) -> PackageFactory:
    return PackageFactory(tmp_path_factory.mktemp("moto-typed-packages"))


class TypedImports:
    """The packages imported so far; :meth:`forget` undoes every import."""

    def __init__(self, factory: PackageFactory) -> None:
        self.factory = factory
        self.loaded: dict[str, TypedService] = {}

    def __call__(self, service: str) -> TypedService:
        if service not in self.loaded:
            generated = self.factory.get(service)
            if generated.package in sys.modules:
                raise RuntimeError(f"{generated.package} is already imported from elsewhere")
            sys.path.insert(0, str(generated.output))
            try:
                module = importlib.import_module(generated.package)
                importlib.import_module(f"{generated.package}.models")
            except BaseException:
                _unimport(generated)
                raise
            self.loaded[service] = TypedService(generated, module)
        return self.loaded[service]

    def forget(self) -> None:
        for typed in self.loaded.values():
            _unimport(typed.generated)
        self.loaded.clear()


def _unimport(generated: GeneratedPackage) -> None:
    output = str(generated.output)
    if output in sys.path:
        sys.path.remove(output)
    package = generated.package
    for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
        del sys.modules[name]


@pytest.fixture(scope="module")
def typed_service(typed_package_factory: PackageFactory) -> Iterator[TypedImports]:
    """``typed_service("sqs")``: the imported whole-service package of SQS."""
    imports = TypedImports(typed_package_factory)
    yield imports
    imports.forget()
