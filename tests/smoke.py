"""Smoke checks of a generated package against the botocore model it was generated from.

``smoke_check(output, package, spec_dir)`` imports the package generated into ``output`` (fresh,
with ``output`` first on ``sys.path``, forgotten afterwards) and, walking the model with
botocore's own classes (``botocore.model.ServiceModel``), checks for every operation:

* its request class, built with synthesized values for the required members (then for every
  member, nesting bounded), gives ``to_botocore()`` parameters equal to the synthesized ones,
  which botocore's ``ParamValidator`` accepts for the operation's input shape, and
  ``from_botocore`` gives the request back;
* a synthetic response for its output shape (every member, nesting bounded; and the required
  members only) parses with ``from_botocore`` into the value built independently from the
  IR's names, converts back to the same data, and round-trips;
* the client method exists and, with botocore's ``Stubber`` standing in for the service, a call
  with the request returns the typed response (and one page through the paginator, if any);
  so does the same call with the package's typed ``Stubber`` (``testing``);
* its reference page exists under ``output/docs/reference/<service>/``.

For every waiter, one attempt on a synthesized response (and on each plain path acceptor's
value put in it, and each error and HTTP status an acceptor names) decides as botocore's own
waiter decides on the same stubbed response (``waiter_cases``).

It also builds every structure of the package on its own (so shapes deeper than the bounded
nesting are covered), checks that a sensitive value never shows in a ``repr``, that enums list
the model's values, and that the modeled errors are exported.

Synthesized values honour what botocore validates and what the model constrains: enums (first
value; distinct values for map keys), ``min``/``max`` lengths and ranges, tagged unions (one
member), documents (free-form JSON), recursion (optional members stop after a few levels or a
node budget; required recursion is reported, never followed forever). Event streams cannot be
synthesized as data: the member is left out (an operation that requires one skips its request
and its call) and the report says so in ``notes``.

Command line (used by ``tests/test_catalog.py`` to isolate each service in its own process)::

    python -m tests.smoke check OUTPUT PACKAGE SPEC_DIR
    python -m tests.smoke run SERVICE WORKDIR [--format black|ruff|identity] [--keep] [--no-cache]

``run`` syncs every operation of SERVICE from the installed botocore into WORKDIR/specs with
``codegen sync --all-operations``, generates WORKDIR/out with ``codegen generate`` and smoke
checks it; it prints one JSON line (``CatalogRow``) and removes WORKDIR if the service passed
(unless ``--keep``). ``--format ruff`` is ``codegen generate --formatter ruff``;
``--format identity`` replaces black by the identity in that process (the generated code is
still checked to parse) and disables the format cache, so that unformatted chunks are never
stored under black's key.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import datetime
import enum
import importlib
import io
import json
import re
import shutil
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterator

from botocore import model as botocore_model
from botocore.exceptions import EndpointResolutionError
from botocore.validate import ParamValidator

from codegen.ir import nodes
from codegen.ir.build import build_service
from codegen.spec.store import ServiceSpec, read_snapshot

ROOT = Path(__file__).resolve().parents[1]
UTC = datetime.timezone.utc
TIMESTAMP = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
SECRET = "Zq7Secret"  # marks every value under a sensitive shape; never to appear in a repr
FULL_LEVELS = 6  # optional members are set less than this many levels down (structures,
NODE_BUDGET = 3000  # lists and maps each count one), while a value has fewer nodes than this
MAX_REQUIRED_DEPTH = 60  # a chain of required members deeper than this is reported
SUBMODULES = ("models", "client", "errors", "paginators", "waiters", "testing", "cli", "_cli.main", "_help",
              "_runtime.shapes")
MAX_PROBLEMS = 50  # per package: the rest are counted


class Unsynthesizable(Exception):
    """No finite value satisfies the shape (a cycle of required members)."""


class Skip(Exception):
    """A value the smoke check cannot synthesize by design (an event stream)."""


@dataclass
class SmokeReport:
    service: str
    package: str
    operations: int = 0
    shapes: int = 0
    python_lines: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dropped: int = 0  # problems past MAX_PROBLEMS

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem(self, where: str, what: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(f"{where}: {what}")
        else:
            self.dropped += 1

    def summary(self) -> str:
        if self.ok:
            return "ok" + (f" ({len(self.notes)} notes)" if self.notes else "")
        more = f" (+{self.dropped} more)" if self.dropped else ""
        return f"FAILED: {len(self.problems)} problems{more}; first: {self.problems[0]}"


# --- loading ---------------------------------------------------------------------------------


def load_spec(spec_dir: Path) -> ServiceSpec:
    (spec,) = read_snapshot(spec_dir).services
    return spec


def service_model(spec: ServiceSpec) -> botocore_model.ServiceModel:
    return botocore_model.ServiceModel(spec.model, spec.service_name)


@contextlib.contextmanager
def fresh_import(output: Path, package: str) -> Iterator[ModuleType]:
    """``package`` imported from ``output`` (nothing of that name cached before or after)."""
    def forget() -> None:
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]

    forget()
    sys.path.insert(0, str(output))
    importlib.invalidate_caches()
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(output))
        forget()


def python_lines(output: Path, package: str) -> int:
    return sum(len(p.read_bytes().splitlines()) for p in (output / package).rglob("*.py"))


# --- synthetic values, by botocore shape -------------------------------------------------------


def is_event_stream(shape: botocore_model.Shape) -> bool:
    return shape.type_name == "structure" and bool(shape.serialization.get("eventstream"))


class Synthesizer:
    """Values of botocore shapes in botocore's parameter / parsed-response form.

    ``full``: optional members too (less than FULL_LEVELS levels down, within NODE_BUDGET);
    otherwise the required members only. ``response``: a streaming blob is a
    ``StreamingBody``, as botocore gives it, instead of bytes.
    """

    def __init__(self, full: bool, response: bool = False) -> None:
        self.full = full
        self.response = response
        self.nodes = 0

    def value(self, shape: botocore_model.Shape, path: str = "", depth: int = 0,
              secret: bool = False, index: int = 0) -> Any:
        self.nodes += 1
        if depth > MAX_REQUIRED_DEPTH:
            raise Unsynthesizable(f"{path}: required members nest more than {MAX_REQUIRED_DEPTH} deep")
        secret = secret or bool(shape.metadata.get("sensitive"))
        kind = shape.type_name
        if kind == "structure":
            return self.structure(shape, path, depth, secret)
        if kind == "list":
            count = max(shape.metadata.get("min", 0), 1 if self._expand(depth) else 0)
            return [self.value(shape.member, f"{path}[{i}]", depth + 1, secret, i) for i in range(count)]
        if kind == "map":
            count = max(shape.metadata.get("min", 0), 1 if self._expand(depth) else 0)
            keys = [self.value(shape.key, f"{path} (key)", depth + 1, secret, i) for i in range(count)]
            if len(set(keys)) < count:
                raise Unsynthesizable(f"{path}: cannot make {count} distinct keys")
            return {k: self.value(shape.value, f"{path}.{k}", depth + 1, secret, i) for i, k in enumerate(keys)}
        if self.response and kind == "blob" and shape.serialization.get("streaming"):
            from botocore.response import StreamingBody

            content = scalar(shape, secret, index)
            return StreamingBody(io.BytesIO(content), len(content))
        return scalar(shape, secret, index)

    def _expand(self, depth: int) -> bool:
        return self.full and depth < FULL_LEVELS and self.nodes < NODE_BUDGET

    def structure(self, shape: botocore_model.StructureShape, path: str, depth: int, secret: bool) -> Any:
        if shape.metadata.get("document"):
            return {"text": SECRET if secret else "v", "list": [1, 2.5, True, None], "map": {"k": "v"}}
        if is_event_stream(shape):
            raise Skip(f"{path or shape.name} is an event stream")
        required = set(shape.required_members)
        members = [
            (name, member) for name, member in shape.members.items()
            if name in required or self._expand(depth)
        ]
        if shape.is_tagged_union:  # one member, preferably one that does not lead back here
            members = sorted(members or list(shape.members.items()),
                             key=lambda item: reaches(item[1], shape.name))[:1]
        result: dict[str, Any] = {}
        for name, member in members:
            member_path = f"{path}.{name}" if path else name
            try:
                result[name] = self.value(member, member_path, depth + 1, secret)
            except Skip:  # an optional event stream is left out (the operation notes it)
                if name in required or (shape.is_tagged_union and len(shape.members) == 1):
                    raise
        if shape.is_tagged_union and not result:
            for name, member in sorted(shape.members.items(), key=lambda item: reaches(item[1], shape.name)):
                with contextlib.suppress(Skip):
                    result[name] = self.value(member, f"{path}.{name}" if path else name, depth + 1, secret)
                    break
        return result


def reaches(shape: botocore_model.Shape, target: str) -> bool:
    """Whether a value of ``shape`` can contain a value of the shape named ``target``."""
    stack, seen = [shape], set()
    while stack:
        current = stack.pop()
        if current.name == target:
            return True
        if current.name in seen:
            continue
        seen.add(current.name)
        if current.type_name == "structure":
            stack += list(current.members.values())
        elif current.type_name == "list":
            stack.append(current.member)
        elif current.type_name == "map":
            stack += [current.key, current.value]
    return False


def scalar(shape: botocore_model.Shape, secret: bool, index: int) -> Any:
    kind = shape.type_name
    low, high = shape.metadata.get("min"), shape.metadata.get("max")
    if kind == "string":
        values = shape.enum
        if values:
            return values[index % len(values)]
        text = (SECRET if secret else "v") + (str(index) if index else "")
        if high is not None and len(text) > high:  # too short for the marker: one letter
            text = "abcdefghijklmnopqrstuvwxyz0123456789"[index % 36][: int(high)]
        if low is not None and len(text) < low:
            text += "x" * (int(low) - len(text))
        return text
    if kind in ("integer", "long"):
        return _clamp(1 + index, low, high, int)
    if kind in ("float", "double"):
        return _clamp(1.5 + index, low, high, float)
    if kind == "boolean":
        return True
    if kind == "timestamp":
        return TIMESTAMP
    if kind == "blob":
        return (SECRET if secret else "blob").encode() + b"\x00\xff"
    raise Unsynthesizable(f"unknown type {kind!r}")


def _clamp(value: Any, low: Any, high: Any, kind: Callable[[Any], Any]) -> Any:
    if low is not None and value < low:
        value = low
    if high is not None and value > high:
        value = high
    return kind(value)


# --- typed values, independently of the generated conversions --------------------------------


class Typed:
    """Botocore-form data -> the generated classes, by the IR's names (not the package's own
    ``from_botocore``): the value a correct package must produce."""

    def __init__(self, service: nodes.Service, package: ModuleType) -> None:
        self.service = service
        self.models = importlib.import_module(f"{package.__name__}.models")

    def cls(self, shape_name: str) -> Any:
        shape = self.service.shape(shape_name)
        assert isinstance(shape, (nodes.Structure, nodes.Enum))
        return getattr(self.models, shape.class_name)

    def __call__(self, shape_name: str, data: Any) -> Any:
        shape = self.service.shape(shape_name)
        if isinstance(shape, nodes.Scalar):
            return data
        if isinstance(shape, nodes.Enum):
            return self.cls(shape_name)(data)
        if isinstance(shape, nodes.ListOf):
            return [self(shape.member, item) for item in data]
        if isinstance(shape, nodes.MapOf):
            return {self(shape.key, k): self(shape.value, v) for k, v in data.items()}
        if shape.document:
            return data
        members = {m.wire_name: m for m in shape.members}
        return self.cls(shape_name)(**{
            members[name].attr_name: self(members[name].shape, value) for name, value in data.items()
        })


def plain(value: Any) -> Any:
    """Enum members as their plain strings, for comparing botocore-form data."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


# --- the checks --------------------------------------------------------------------------------


def smoke_check(output: Path, package: str, spec_dir: Path) -> SmokeReport:
    """Every check above on the package ``package`` generated into ``output`` from ``spec_dir``."""
    spec = load_spec(spec_dir)
    report = SmokeReport(spec.service_name, package)
    model = service_model(spec)
    service = build_service(spec, package)
    report.operations = len(service.operations)
    report.shapes = len(service.shapes)
    report.python_lines = python_lines(output, package)
    with fresh_import(output, package) as module:
        checker = _Checker(report, model, service, module, output)
        checker.run()
    return report


class _Checker:
    def __init__(self, report: SmokeReport, model: botocore_model.ServiceModel,
                 service: nodes.Service, module: ModuleType, output: Path) -> None:
        self.report, self.model, self.service, self.module, self.output = report, model, service, module, output
        self.validator = ParamValidator()

    def guarded(self, where: str, check: Callable[[], None]) -> None:
        try:
            check()
        except Skip as skip:
            self.report.notes.append(f"{where}: skipped: {skip}")
        except Unsynthesizable as exc:
            self.report.notes.append(f"{where}: no value can be synthesized: {exc}")
        except AssertionError as exc:
            self.report.problem(where, str(exc) or "assertion failed")
        except Exception as exc:  # anything the package raises is a finding
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            self.report.problem(
                where, f"{type(exc).__name__}: {exc} (at {Path(frame.filename).name}:{frame.lineno})"
            )

    def run(self) -> None:
        self.guarded("import", self.check_import)
        if not self.report.ok:
            return
        self.typed = Typed(self.service, self.module)
        self.client = None
        self.guarded("client", self.make_client)
        for shape in self.service.structures:
            self.guarded(f"structure {shape.shape_name}", lambda: self.check_structure(shape))
        for enum_shape in self.service.enums:
            self.guarded(f"enum {enum_shape.shape_name}", lambda: self.check_enum(enum_shape))
        self.guarded("errors", self.check_errors)
        for operation in self.service.operations:
            self.guarded(f"operation {operation.name}", lambda: self.check_operation(operation))
        for waiter in self.service.waiters:
            self.guarded(f"waiter {waiter.name}", lambda: self.check_waiter(waiter))

    def check_import(self) -> None:
        for name in SUBMODULES:
            if name == "paginators" and not self.service.paginated_operations:
                continue
            if name == "waiters" and not self.service.waiters:
                continue
            importlib.import_module(f"{self.module.__name__}.{name}")
        for name in self.module.__all__:
            getattr(self.module, name)

    def make_client(self) -> None:
        self.client = self.module.Client(
            region_name="us-east-1", endpoint_url="https://smoke.invalid",
            aws_access_key_id="AKIDSMOKE", aws_secret_access_key="smoke-secret",
        )

    @contextlib.contextmanager
    def stubbed(self) -> Iterator[Any]:
        """botocore's Stubber on the client, for one operation (a failure leaves nothing queued)."""
        import botocore.stub

        assert self.client is not None
        stubber = botocore.stub.Stubber(self.client.botocore_client)
        with stubber:
            yield stubber
            stubber.assert_no_pending_responses()

    # -- structures and enums

    def check_structure(self, shape: nodes.Structure) -> None:
        botocore_shape = self.model.shape_for(shape.shape_name)
        if is_event_stream(botocore_shape):
            raise Skip("an event stream")
        for full in (True, False):
            data = Synthesizer(full).value(botocore_shape)
            expected = self.typed(shape.shape_name, data)
            cls = self.typed.cls(shape.shape_name)
            parsed = cls.from_botocore(data)
            assert parsed == expected, f"from_botocore gives {parsed!r}, expected {expected!r}"
            wire = parsed.to_botocore()
            assert plain(wire) == data, f"to_botocore gives {wire!r}, expected {data!r}"
            assert cls.from_botocore(wire) == parsed, "from_botocore(to_botocore()) differs"
            text = repr(parsed)
            assert SECRET not in text, f"a sensitive value shows in the repr: {text[:300]}"

    def check_enum(self, shape: nodes.Enum) -> None:
        cls = self.typed.cls(shape.shape_name)
        values = self.model.shape_for(shape.shape_name).enum
        assert [m.value for m in cls] == list(dict.fromkeys(values)), "enum values differ from the model's"

    def check_errors(self) -> None:
        import botocore.exceptions

        errors = importlib.import_module(f"{self.module.__name__}.errors")
        for shape in self.service.exceptions:
            cls = getattr(errors, shape.class_name)
            assert issubclass(cls, botocore.exceptions.ClientError), shape.class_name
            assert getattr(self.module, shape.class_name) is cls

    # -- operations

    def cli_commands(self) -> set[str]:
        """The commands of the package's command line (``commands.json``), read once."""
        import json

        if not hasattr(self, "_cli_commands"):
            path = self.output / self.module.__name__ / "commands.json"
            self._cli_commands = set(json.loads(path.read_text("utf-8"))["commands"])
        return self._cli_commands

    def check_operation(self, operation: nodes.Operation) -> None:
        page = self.output / "docs" / "reference" / self.service.service_name / f"{operation.cli_name}.rst"
        if operation.cli_name in self.cli_commands():  # (not a command the AWS CLI removes)
            assert page.is_file() and page.stat().st_size > 0, f"no reference page {page.relative_to(self.output)}"
            text = self.output / self.module.__name__ / "reference" / f"{operation.cli_name}.txt"
            assert text.is_file() and text.stat().st_size > 0, f"no help text {text.relative_to(self.output)}"
        client_cls = self.module.Client
        assert callable(getattr(client_cls, operation.method_name, None)), f"no Client.{operation.method_name}"
        op_model = self.model.operation_model(operation.name)
        streams = [
            f"{part} member {name}"
            for part, shape in (("input", op_model.input_shape), ("output", op_model.output_shape))
            if shape is not None
            for name, member in shape.members.items()
            if is_event_stream(member)
        ]
        requests = []
        if op_model.input_shape is not None:
            for full in (False, True):
                requests.append(self.check_request(operation, op_model, full))
        responses = []
        if op_model.output_shape is not None:
            for full in (True, False):
                responses.append(self.check_response(operation, op_model, full))
        if streams:
            raise Skip(f"event stream ({', '.join(streams)}): no stubbed call")
        self.check_call(operation, requests[0] if requests else None, responses[0] if responses else None)

    def check_request(self, operation: nodes.Operation, op_model: Any, full: bool) -> tuple[Any, Any]:
        shape = op_model.input_shape
        synthesizer = Synthesizer(full)
        data = synthesizer.value(shape)
        errors = self.validator.validate(data, shape)
        if errors.has_errors():  # the synthesizer's fault, not the package's
            raise Unsynthesizable(f"synthesized input invalid: {errors.generate_report()}")
        request = self.typed(shape.name, data)
        params = request.to_botocore()
        assert plain(params) == data, f"to_botocore gives {params!r}, expected {data!r}"
        errors = self.validator.validate(params, shape)
        assert not errors.has_errors(), f"botocore rejects the request: {errors.generate_report()}"
        again = type(request).from_botocore(params)
        assert again == request, f"request round trip: {again!r} != {request!r}"
        text = repr(request)
        assert SECRET not in text, f"a sensitive value shows in the repr: {text[:300]}"
        return request, params

    def check_response(self, operation: nodes.Operation, op_model: Any, full: bool) -> tuple[Any, Any]:
        shape = op_model.output_shape
        data = Synthesizer(full, response=True).value(shape)
        cls = self.typed.cls(shape.name)
        parsed = cls.from_botocore({**data, "ResponseMetadata": {"RequestId": "smoke"}})
        expected = self.typed(shape.name, data)
        assert parsed == expected, f"from_botocore gives {parsed!r}, expected {expected!r}"
        wire = parsed.to_botocore()
        assert plain(wire) == data, f"to_botocore gives {wire!r}, expected {data!r}"
        assert cls.from_botocore(wire) == parsed, "response round trip differs"
        return parsed, data

    def check_call(self, operation: nodes.Operation, request: Any, response: Any) -> None:
        if self.client is None:
            return
        method = getattr(self.client, operation.method_name)
        botocore_method = self.client.botocore_client.meta.method_to_api_mapping
        name = next(k for k, v in botocore_method.items() if v == operation.name)
        data = response[1] if response else {}
        expected_params = dict(request[1]) if request else {}  # as sent, before botocore's handlers
        with self.stubbed() as stubber:
            stubber.add_response(name, data, expected_params)
            try:
                result = method(request[0]) if request else method()
            except EndpointResolutionError as exc:  # synthesized values are not real ARNs
                raise Skip(f"the endpoint rules refuse the synthesized request: {exc}") from None
        if response:
            assert result == response[0], f"the call returns {result!r}"
        else:
            assert result is None, f"the call returns {result!r}, expected None"
        testing = importlib.import_module(f"{self.module.__name__}.testing")
        with testing.Stubber(self.client) as typed_stubber:
            typed_stubber.add_response(operation.method_name, response[0] if response else None, request[0] if request else None)
            typed_result = method(request[0]) if request else method()
            typed_stubber.assert_no_pending_responses()
        assert typed_result == result, f"with the typed Stubber the call returns {typed_result!r}"
        if operation.paginator is not None and request and response:
            self.check_pages(operation, request[0], dict(response[1]), response[0], name)

    def check_pages(self, operation: nodes.Operation, request: Any, data: dict[str, Any],
                    parsed: Any, name: str) -> None:
        paginator = operation.paginator
        assert paginator is not None
        output = self.model.operation_model(operation.name).output_shape
        if paginator.more_results and set_path(data, output, paginator.more_results, False):
            pass  # the last page, whatever the tokens say
        elif not all(set_path(data, output, token, None) for token in paginator.output_token):
            raise Skip(f"paginator output token {list(paginator.output_token)} cannot be left out")
        with self.stubbed() as stubber:
            stubber.add_response(name, data)
            pages = list(getattr(self.client, f"paginate_{operation.method_name}")(request))
        assert len(pages) == 1, f"{len(pages)} pages from one stubbed response"
        assert pages[0] == type(parsed).from_botocore(data), f"the page is {pages[0]!r}"


    # -- waiters

    def check_waiter(self, waiter: nodes.Waiter) -> None:
        if self.client is None:
            return
        operation = self.service.operation(waiter.operation)
        op_model = self.model.operation_model(waiter.operation)
        if any(is_event_stream(member) for shape in (op_model.input_shape, op_model.output_shape)
               if shape is not None for member in shape.members.values()):
            raise Skip("its operation has an event stream")
        params = Synthesizer(False).value(op_model.input_shape) if op_model.input_shape is not None else {}
        request = self.typed(operation.input, params) if operation.input else None
        testing = importlib.import_module(f"{self.module.__name__}.testing")
        for kind, data in waiter_cases(op_model, waiter):
            try:
                theirs = botocore_waiter_outcome(self.client.botocore_client, waiter, kind, data, params)
            except EndpointResolutionError as exc:
                raise Skip(f"the endpoint rules refuse the synthesized request: {exc}") from None
            ours = typed_waiter_outcome(self.module, testing, self.client, self.typed, waiter, operation, kind, data, request)
            assert ours == theirs, f"on {kind} {data!r:.200}: typed {ours}, botocore {theirs}"


# A waiter path botocore's JMESPath reads as members and list projections: ``A.B``, ``A[].B``.
PLAIN_PATH = re.compile(r"[A-Za-z0-9_]+(\[\])?(\.[A-Za-z0-9_]+(\[\])?)*")


def put(data: Any, path: str, value: Any) -> bool:
    """Set ``value`` at a plain waiter ``path`` in botocore's form of a response (in every item
    of a projected list); False when the path is not there to set."""
    head, _, rest = path.partition(".")
    name, projected = head.removesuffix("[]"), head.endswith("[]")
    if not isinstance(data, dict):
        return False
    if not rest:
        if projected:
            return False
        data[name] = value
        return True
    if projected:
        items = data.get(name)
        return isinstance(items, list) and bool(items) and all(put(item, rest, value) for item in items)
    data.setdefault(name, {})
    return put(data[name], rest, value)


def waiter_cases(op_model: Any, waiter: nodes.Waiter) -> Iterator[tuple[str, Any]]:
    """What to stub for one attempt of ``waiter``: ``("response", botocore's form)`` (a
    synthesized one, and one per plain path acceptor with its value put at its path) or
    ``("error", (code, HTTP status))`` (per error code and error status an acceptor names)."""
    output = op_model.output_shape
    base = Synthesizer(True, response=True).value(output) if output is not None else {}
    base["ResponseMetadata"] = {"HTTPStatusCode": 200}  # as botocore parses every response
    yield "response", base
    for acceptor in waiter.acceptors:
        if acceptor.matcher in ("path", "pathAll", "pathAny") and PLAIN_PATH.fullmatch(acceptor.argument or ""):
            data = copy.deepcopy(base)
            if put(data, acceptor.argument or "", acceptor.expected):
                yield "response", data
        if acceptor.matcher == "error" and isinstance(acceptor.expected, str):
            yield "error", (acceptor.expected, 400)
        if acceptor.matcher == "status" and isinstance(acceptor.expected, int) and acceptor.expected >= 300:
            yield "error", (str(acceptor.expected), acceptor.expected)


def botocore_waiter_outcome(client: Any, waiter: nodes.Waiter, kind: str, data: Any,
                            params: dict[str, Any]) -> tuple[str, str]:
    """botocore's waiter, one attempt, on botocore's Stubber: ``("success" | "failure", reason)``."""
    import botocore
    import botocore.exceptions
    import botocore.stub

    with botocore.stub.Stubber(client) as stubber:
        method = botocore.xform_name(waiter.operation)
        if kind == "error":
            stubber.add_client_error(method, data[0], "stubbed", http_status_code=data[1])
        else:
            stubber.add_response(method, copy.deepcopy(data))
        try:
            client.get_waiter(botocore.xform_name(waiter.name)).wait(
                **params, WaiterConfig={"Delay": 0, "MaxAttempts": 1}
            )
        except botocore.exceptions.WaiterError as error:
            return "failure", error.kwargs["reason"]
    return "success", ""


def typed_waiter_outcome(module: Any, testing: Any, client: Any, typed: Any, waiter: nodes.Waiter,
                         operation: nodes.Operation, kind: str, data: Any, request: Any) -> tuple[str, str]:
    """The typed waiter, one attempt, on the typed Stubber: its outcome as botocore's is told,
    having checked what it returns or carries is the response typed."""
    response = None
    if kind == "response" and operation.output:
        response = typed(operation.output, {k: v for k, v in data.items() if k != "ResponseMetadata"})
    with testing.Stubber(client) as stubber:
        if kind == "error":
            stubber.add_waiter_responses(waiter.python_name, [testing.StubbedError(data[0], "stubbed", http_status=data[1])])
        else:
            stubber.add_waiter_responses(waiter.python_name, [response])
        typed_waiter = client.get_waiter(waiter.python_name)
        try:
            if request is not None:
                returned = typed_waiter.wait(request, delay=0, max_attempts=1)
            else:
                returned = typed_waiter.wait(delay=0, max_attempts=1)
        except module.WaiterError as error:
            assert type(error).__name__ == waiter.error_class_name, type(error).__name__
            assert error.response == response, f"the failure carries {error.response!r}"
            if kind == "error":
                assert error.error.response["Error"]["Code"] == data[0], error.error
            return "failure", error.reason
    assert returned == response, f"wait returns {returned!r}, expected {response!r}"
    return "success", ""


def set_path(data: dict[str, Any], shape: botocore_model.Shape, path: str, value: Any) -> bool:
    """Set (``None``: remove) the member at a dotted ``path`` of plain names, if the model allows."""
    parts = path.split(".")
    if not all(part.isidentifier() for part in parts):
        return False
    for part in parts[:-1]:
        if shape.type_name != "structure" or part not in shape.members:
            return False
        shape, inner = shape.members[part], data.get(part)
        if not isinstance(inner, dict):
            return value is None  # nothing there to remove
        data = inner
    if shape.type_name != "structure" or parts[-1] not in shape.members:
        return False
    if value is None:
        if parts[-1] in shape.required_members:
            return False
        data.pop(parts[-1], None)
    else:
        data[parts[-1]] = value
    return True


# --- one service, end to end (the catalog's unit of work) -------------------------------------


@dataclass
class CatalogRow:
    service: str
    operations: int = 0
    shapes: int = 0
    python_lines: int = 0
    seconds: float = 0.0
    result: str = ""
    ok: bool = False
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def package_name(service: str) -> str:
    return "typed_" + service.replace("-", "_").replace(".", "_")


def _codegen(argv: list[str]) -> tuple[int, str]:
    from codegen.commands import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(argv)
    return status, err.getvalue().strip()


def _identity(chunk: str) -> str:
    return chunk


def use_identity_format() -> None:
    """black replaced by the identity (``ast.parse`` still checks every module), in this process.

    (A lambda would do, were it not that a process pool, should one start, must pickle it.)
    """
    import codegen.format

    codegen.format._format_chunk = _identity
    codegen.format._POOL_THRESHOLD = 2**62  # formatting nothing needs no process pool


def run_service(service: str, workdir: Path, formatter: str = "black", keep: bool = False,
                cache: bool = True) -> CatalogRow:
    """``codegen sync --all-operations`` + ``codegen generate`` + ``smoke_check`` for one service.

    ``formatter``: ``black`` (the default of ``codegen generate``), ``ruff`` (its
    ``--formatter ruff``) or ``identity`` (no formatting, in this process only).
    """
    row = CatalogRow(service)
    started = time.monotonic()
    spec_dir, out, package = workdir / "specs", workdir / "out", package_name(service)
    identity_format = formatter == "identity"
    try:
        if identity_format:
            use_identity_format()
        status, err = _codegen(["sync", "--spec-dir", str(spec_dir), service, "--all-operations"])
        if status != 0:
            row.result = f"FAILED: sync: {err}"
            return row
        generate = ["generate", "--spec-dir", str(spec_dir), "--output", str(out), "--package", package]
        if formatter == "ruff":
            generate += ["--formatter", "ruff"]
        if identity_format or not cache:
            generate.append("--no-cache")
        status, err = _codegen(generate)
        if status != 0:
            row.result = f"FAILED: generate: {err}"
            return row
        report = smoke_check(out, package, spec_dir)
        row.operations, row.shapes, row.python_lines = report.operations, report.shapes, report.python_lines
        row.problems, row.notes, row.ok = report.problems, report.notes, report.ok
        row.result = report.summary()
    except Exception as exc:  # a crash of the check itself is a failure too, with its place
        row.result = f"FAILED: {type(exc).__name__}: {exc}"
        row.problems.append("".join(traceback.format_exception(exc)[-4:]))
    finally:
        row.seconds = round(time.monotonic() - started, 1)
        if row.ok and not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.smoke")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check")
    check.add_argument("output", type=Path)
    check.add_argument("package")
    check.add_argument("spec_dir", type=Path)
    run = commands.add_parser("run")
    run.add_argument("service")
    run.add_argument("workdir", type=Path)
    run.add_argument("--format", choices=("black", "ruff", "identity"), default="black")
    run.add_argument("--keep", action="store_true", help="keep the output even when it passes")
    run.add_argument("--no-cache", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "check":
        report = smoke_check(args.output, args.package, args.spec_dir)
        print(json.dumps(asdict(report), indent=1))
        return 0 if report.ok else 1
    row = run_service(args.service, args.workdir, args.format, args.keep, not args.no_cache)
    print(json.dumps(asdict(row)))
    return 0 if row.ok else 1


if __name__ == "__main__":
    sys.exit(main())
